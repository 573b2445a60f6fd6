import { Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { CompositeSloSummary } from '../CompositeSloSummary/CompositeSloSummary';
import { EmptySlos } from '../EmptySlos';
import { useEntitySlos } from '../useSloApi';
import { BurnAttributionPanel } from './BurnAttributionPanel';
import { DependencyCeilingPanel } from './DependencyCeilingPanel';
import { PolicyPanel } from './PolicyPanel';
import { SloDetails } from './SloDetails';
import { BackendErrorPanel, CatalogStaleNotice } from '@triad/frontend-utils';

/**
 * The "SLOs" tab: the release gate and what the dependencies allow (for an
 * entity with SLOs of its own), then every SLO of the entity in detail,
 * then the composite SLOs that measure it (a system's or domain's).
 *
 * @public
 */
export function EntitySloContent() {
  const { entity } = useEntity();
  const { value, loading, error } = useEntitySlos(entity);
  if (loading) return <Progress />;
  if (error) return <BackendErrorPanel error={error} />;
  if (!value || (value.items.length === 0 && !value.composites)) {
    return <EmptySlos />;
  }
  return (
    <Grid container spacing={3}>
      {value.catalogStale && (
        <Grid item xs={12}>
          <CatalogStaleNotice stale={value.catalogStale} />
        </Grid>
      )}
      {value.items.length > 0 && (
        <Grid item xs={12}>
          <PolicyPanel entityRef={value.entityRef} />
        </Grid>
      )}
      {value.items.length > 0 && (
        <Grid item xs={12}>
          <DependencyCeilingPanel entityRef={value.entityRef} />
        </Grid>
      )}
      {value.items.map(slo => (
        <Grid item xs={12} key={slo.ref}>
          <SloDetails slo={slo} />
          <BurnAttributionPanel
            sloRef={slo.ref}
            title={slo.title}
            unit={slo.budgetingMethod === 'Occurrences' ? 'events' : 'slices'}
          />
        </Grid>
      ))}
      {value.composites?.map(slo => (
        <Grid item xs={12} key={slo.ref}>
          <CompositeSloSummary slo={slo} />
        </Grid>
      ))}
    </Grid>
  );
}
