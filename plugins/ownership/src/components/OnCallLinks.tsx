import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import PhoneInTalkIcon from '@material-ui/icons/PhoneInTalk';
import { OnCallLinkTemplates, onCallLinks } from './onCall';

/** On-call links of an entity or team, from its vendor annotations. */
export function OnCallLinks(props: {
  onCall?: Record<string, string>;
  templates?: OnCallLinkTemplates;
  prefix?: string;
}) {
  const links = onCallLinks(props.onCall, props.templates);
  if (!links.length) return null;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" mt={0.5}>
      <PhoneInTalkIcon
        fontSize="small"
        color="action"
        style={{ marginRight: 4 }}
      />
      <Typography variant="caption" component="span">
        {props.prefix ?? 'On call:'}{' '}
        {links.map((l, i) => (
          <span key={l.annotation}>
            {i > 0 && ', '}
            {l.href ? <Link to={l.href}>{l.label}</Link> : l.label}
          </span>
        ))}
      </Typography>
    </Box>
  );
}
