import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { RoleOwnership } from '@triad/plugin-ownership-common';
import { EntityLink } from './EntityLink';
import { OnCallLinks } from './OnCallLinks';
import { OnCallLinkTemplates } from './onCall';
import { ProvenanceBadge } from './ProvenanceBadge';
import { describeProvenance } from './provenance';
import { shortRef } from './refs';
import { GapStatus, RoleStatusChip } from './RoleStatusChip';

/** A holder that is not a link: its name, then what is wrong with it. */
function NamedStatus(props: { name: string; status: GapStatus }) {
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap">
      <Typography variant="body2" component="span" style={{ marginRight: 8 }}>
        {props.name}
      </Typography>
      <RoleStatusChip status={props.status} />
    </Box>
  );
}

function HeldBy(props: {
  role: RoleOwnership;
  onCallLinks?: OnCallLinkTemplates;
}) {
  const { role } = props;
  switch (role.status) {
    case 'covered':
      return (
        <>
          <EntityLink entityRef={role.owner.ref} title={role.owner.title} />
          <OnCallLinks
            onCall={role.owner.onCall}
            templates={props.onCallLinks}
          />
        </>
      );
    case 'orphaned':
      return <NamedStatus name={shortRef(role.owner.ref)} status="orphaned" />;
    case 'uncovered':
      return <NamedStatus name="Nobody" status="uncovered" />;
    case 'restricted':
    default:
      return <NamedStatus name="A team you may not see" status="restricted" />;
  }
}

function How(props: { role: RoleOwnership }) {
  const { role } = props;
  if (role.status === 'covered' || role.status === 'orphaned') {
    return (
      <Box display="flex" alignItems="center" flexWrap="wrap">
        <ProvenanceBadge source={role.provenance.source} />
        <Typography variant="body2" component="span" style={{ marginLeft: 8 }}>
          {describeProvenance(role.provenance)}
          {role.status === 'orphaned' &&
            ` — ${shortRef(role.owner.ref)} does not exist in the catalog`}
        </Typography>
      </Box>
    );
  }
  if (role.status === 'uncovered') {
    return (
      <Typography variant="body2">
        No holder found on {role.searched.map(shortRef).join(', ')}
      </Typography>
    );
  }
  return (
    <Typography variant="body2" color="textSecondary">
      Held, but you may not read the holder in the catalog
    </Typography>
  );
}

/** Each role with its holder and how the holder was found. */
export function RoleOwnershipTable(props: {
  roles: RoleOwnership[];
  onCallLinks?: OnCallLinkTemplates;
}) {
  return (
    <Table size="small" aria-label="Role holders">
      <TableHead>
        <TableRow>
          <TableCell>Role</TableCell>
          <TableCell>Held by</TableCell>
          <TableCell>How</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.roles.map(role => (
          <TableRow key={role.role} data-testid={`role-${role.role}`}>
            <TableCell>
              {/* A role name never breaks mid-word in a narrow card. */}
              <Typography variant="subtitle2" style={{ whiteSpace: 'nowrap' }}>
                {role.title}
              </Typography>
            </TableCell>
            <TableCell>
              <HeldBy role={role} onCallLinks={props.onCallLinks} />
            </TableCell>
            <TableCell>
              <How role={role} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
