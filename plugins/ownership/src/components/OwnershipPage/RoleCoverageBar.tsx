import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { RoleCoverage } from '@triad/plugin-ownership-common';

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

/** A role's share of production components with a holder, as a bar. */
export function RoleCoverageBar(props: { role: RoleCoverage }) {
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
