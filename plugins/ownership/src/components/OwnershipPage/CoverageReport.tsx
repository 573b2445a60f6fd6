import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import GetAppIcon from '@material-ui/icons/GetApp';
import { CoverageResponse, RoleCoverage } from '@triad/plugin-ownership-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ownershipApiRef } from '../../api/OwnershipApi';
import { coverageCsvFileName, coverageToCsv } from '../coverageCsv';
import { EntityLink } from '../EntityLink';
import { ProvenanceBadge } from '../ProvenanceBadge';
import { describeProvenance } from '../provenance';
import { shortRef } from '../refs';
import { RoleStatusChip } from '../RoleStatusChip';
import { BackendErrorPanel, CatalogStaleNotice } from '@triad/frontend-utils';

function shareColor(share: number): string {
  if (share >= 0.9) return '#2e7d32';
  if (share >= 0.6) return '#ed6c02';
  return '#d32f2f';
}

const useBarStyles = makeStyles({
  root: { height: 12, borderRadius: 6, backgroundColor: '#e0e0e0' },
  bar: (props: { color: string }) => ({
    borderRadius: 6,
    backgroundColor: props.color,
  }),
});

const percent = (share: number) => `${Math.round(share * 100)} %`;

function RoleBar(props: { role: RoleCoverage }) {
  const { role } = props;
  // The colour says at a glance how far from full coverage a role is.
  const classes = useBarStyles({
    color: role.share === null ? '#9e9e9e' : shareColor(role.share),
  });
  return (
    <Box mb={2} data-testid={`coverage-${role.role}`}>
      <Box display="flex" justifyContent="space-between">
        <Typography variant="subtitle2">{role.title}</Typography>
        <Typography variant="body2">
          {role.share === null
            ? 'no production components'
            : `${role.covered} of ${role.total} covered (${percent(
                role.share,
              )})`}
        </Typography>
      </Box>
      <LinearProgress
        variant="determinate"
        value={(role.share ?? 0) * 100}
        aria-label={`${role.title} coverage`}
        classes={{ root: classes.root, bar: classes.bar }}
      />
    </Box>
  );
}

function Gaps(props: { roles: RoleCoverage[] }) {
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

function download(coverage: CoverageResponse) {
  const blob = new Blob([coverageToCsv(coverage)], {
    type: 'text/csv;charset=utf-8',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = coverageCsvFileName(coverage);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function Report(props: { coverage: CoverageResponse }) {
  const { coverage } = props;
  const titles = new Map(coverage.roles.map(r => [r.role, r.title] as const));
  const nothing =
    coverage.roles.every(r => r.total === 0) &&
    !coverage.multiRoleTeams.length &&
    !coverage.staleInteractions.length;
  if (nothing) {
    return (
      <EmptyState
        missing="data"
        title="No production components yet"
        description="Coverage counts the components with spec.lifecycle: production that you may see. Register some, and the report fills in."
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <Typography variant="h6" component="h3" gutterBottom>
          Production components with a holder, per role
        </Typography>
        {coverage.roles.map(r => (
          <RoleBar key={r.role} role={r} />
        ))}
      </Grid>
      <Grid item xs={12} md={6}>
        <Typography variant="h6" component="h3" gutterBottom>
          Gaps
        </Typography>
        <Gaps roles={coverage.roles} />
      </Grid>
      <Grid item xs={12} md={6}>
        <Typography variant="h6" component="h3" gutterBottom>
          Teams holding several roles
        </Typography>
        {coverage.multiRoleTeams.length === 0 ? (
          <Typography variant="body2">
            No team holds more than one role.
          </Typography>
        ) : (
          <>
            <Typography variant="body2" color="textSecondary" gutterBottom>
              Normal for small teams; worth a look where a team is stretched.
            </Typography>
            {coverage.multiRoleTeams.map(t => (
              <Box key={t.team.ref} mb={0.5} data-testid="multi-role-team">
                <EntityLink
                  entityRef={t.team.ref}
                  title={t.team.title ?? t.team.name}
                />
                <Typography component="span" variant="body2">
                  {' '}
                  — {t.roles.map(r => titles.get(r) ?? r).join(', ')}
                </Typography>
              </Box>
            ))}
          </>
        )}
      </Grid>
      <Grid item xs={12} md={6}>
        <Typography variant="h6" component="h3" gutterBottom>
          Stale interactions
        </Typography>
        {coverage.staleInteractions.length === 0 ? (
          <Typography variant="body2">
            No declared interaction has passed its end date.
          </Typography>
        ) : (
          coverage.staleInteractions.map(i => (
            <Box
              key={`${i.from}-${i.to}-${i.mode}`}
              mb={0.5}
              data-testid="stale-interaction"
            >
              <Typography variant="body2">
                <EntityRefLink entityRef={i.from} /> →{' '}
                <EntityRefLink entityRef={i.to} />: {i.mode}, planned to end{' '}
                {i.until} — renew the date or remove it from
                spec.topology.interactions
              </Typography>
            </Box>
          ))
        )}
      </Grid>
    </Grid>
  );
}

/** Coverage per role of production components, with its gaps and a CSV. */
export function CoverageReport() {
  const api = useApi(ownershipApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getCoverage(),
    [api],
  );
  return (
    <InfoCard
      title="Coverage"
      subheader={
        value
          ? `Production components you may see, as of ${new Date(
              value.indexedAt,
            ).toLocaleString()}`
          : 'Production components you may see'
      }
      action={
        value && (
          <Button
            variant="outlined"
            size="small"
            startIcon={<GetAppIcon />}
            onClick={() => download(value)}
            style={{ marginTop: 8 }}
          >
            Download CSV
          </Button>
        )
      }
    >
      {loading && <Progress />}
      {error && <BackendErrorPanel error={error} onRetry={retry} />}
      <CatalogStaleNotice stale={value?.catalogStale} />
      {value && <Report coverage={value} />}
    </InfoCard>
  );
}
