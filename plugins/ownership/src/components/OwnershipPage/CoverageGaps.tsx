import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { RoleCoverage } from '@triad/plugin-ownership-common';
import { EntityLink } from '../EntityLink';
import { ProvenanceBadge } from '../ProvenanceBadge';
import { describeProvenance } from '../provenance';
import { shortRef } from '../refs';
import { RoleStatusChip } from '../RoleStatusChip';

/** Per role, the production components without a holder, or with one that does not exist. */
export function CoverageGaps(props: { roles: RoleCoverage[] }) {
  const withGaps = props.roles.filter(
    r => r.uncovered.length || r.orphaned.length,
  );
  if (!withGaps.length) {
    return (
      <Typography variant="body2">
        No gaps: every production component has a holder for every role.
      </Typography>
    );
  }
  return (
    <>
      {withGaps.map(role => (
        <Box key={role.role} mb={2} data-testid={`gaps-${role.role}`}>
          <Typography variant="subtitle2" gutterBottom>
            {role.title}: {role.uncovered.length} uncovered,{' '}
            {role.orphaned.length} orphaned
          </Typography>
          {role.uncovered.map(e => (
            <Box key={e.ref} display="flex" alignItems="center" mb={0.5}>
              <RoleStatusChip status="uncovered" />
              <Box ml={1}>
                <EntityLink entityRef={e.ref} title={e.title ?? e.name} />
              </Box>
            </Box>
          ))}
          {role.orphaned.map(o => (
            <Box key={o.entity.ref} mb={1}>
              <Box display="flex" alignItems="center">
                <RoleStatusChip status="orphaned" />
                <Box ml={1} mr={1}>
                  <EntityLink
                    entityRef={o.entity.ref}
                    title={o.entity.title ?? o.entity.name}
                  />
                </Box>
                <ProvenanceBadge source={o.provenance.source} />
              </Box>
              <Typography variant="caption" color="textSecondary">
                {role.title} assigned to {shortRef(o.owner.ref)}, which does not
                exist; {describeProvenance(o.provenance)}
              </Typography>
            </Box>
          ))}
        </Box>
      ))}
    </>
  );
}
