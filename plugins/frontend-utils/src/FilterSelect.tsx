import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';

/**
 * A drop-down that narrows a page to one value, or to all of them when its
 * first entry ("All", the empty value) is chosen.
 */
export function FilterSelect(props: {
  label: string;
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
  /** How an option reads; the option itself by default. */
  format?: (value: string) => string;
}) {
  const { label, value, options, onChange, format } = props;
  return (
    <TextField
      select
      fullWidth
      size="small"
      variant="outlined"
      label={label}
      value={value}
      onChange={e => onChange(e.target.value)}
      inputProps={{ 'aria-label': label }}
    >
      <MenuItem value="">All</MenuItem>
      {options.map(o => (
        <MenuItem key={o} value={o}>
          {format ? format(o) : o}
        </MenuItem>
      ))}
    </TextField>
  );
}
