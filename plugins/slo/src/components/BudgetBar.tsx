import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { formatBudgetLeft } from '@triad/plugin-slo-common';

/** Remaining error budget as a bar; an overspent budget says so in words. */
export function BudgetBar(props: { remaining?: number }) {
  const { remaining } = props;
  if (remaining === undefined) {
    return <Typography variant="body2">No data</Typography>;
  }
  const value = Math.max(0, Math.min(1, remaining)) * 100;
  const label = formatBudgetLeft(remaining);
  let color: 'primary' | 'secondary' = 'primary';
  if (remaining < 0.25) color = 'secondary';
  return (
    <Tooltip title="Share of the error budget of the current period that has not been spent yet. 100 % at the start of a period; below 0 % the objective is missed.">
      <Box>
        <LinearProgress
          variant="determinate"
          value={value}
          color={color}
          aria-label={label}
        />
        <Typography variant="caption">{label}</Typography>
      </Box>
    </Tooltip>
  );
}
