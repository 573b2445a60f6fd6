import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import { CSSProperties } from 'react';

/** A small on/off switch with its label, for a card's or a map's options. */
export function LabelledSwitch(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  style?: CSSProperties;
}) {
  const { label, checked, onChange, style } = props;
  return (
    <FormControlLabel
      style={style}
      control={
        <Switch
          size="small"
          checked={checked}
          onChange={e => onChange(e.target.checked)}
        />
      }
      label={label}
    />
  );
}
