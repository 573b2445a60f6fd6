import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';

/** How long typing must pause before a search filters the page. */
export const SEARCH_DEBOUNCE_MS = 250;

/**
 * A search box that reports its text once typing pauses, so a long list or
 * graph is filtered once per word rather than once per keystroke.
 */
export function SearchField(props: {
  label: string;
  ariaLabel: string;
  onChange: (text: string) => void;
}) {
  const { label, ariaLabel, onChange } = props;
  const [text, setText] = useState('');
  useDebounce(() => onChange(text), SEARCH_DEBOUNCE_MS, [text]);
  return (
    <TextField
      fullWidth
      size="small"
      variant="outlined"
      label={label}
      value={text}
      onChange={e => setText(e.target.value)}
      inputProps={{ 'aria-label': ariaLabel }}
    />
  );
}
