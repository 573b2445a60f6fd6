import { EmptyState, Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';

/** What to do when nothing measures the entity yet. */
export function EmptySlos() {
  return (
    <EmptyState
      missing="info"
      title="No SLOs measure this entity yet"
      description={
        <Typography variant="body2" component="span">
          Add OpenSLO documents whose <code>spec.service</code> names this
          entity, next to it in its catalog-info.yaml, or run the{' '}
          <Link to="/create">“Add SLOs to an existing service”</Link> template.
        </Typography>
      }
    />
  );
}
