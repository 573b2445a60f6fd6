import { InfoCard, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  formatPercent,
  formatTimeToExhaustion,
  SloResult,
} from '@triad/plugin-slo-common';
import { BudgetBar } from '../BudgetBar';
import { CompositeSloSummary } from '../CompositeSloSummary/CompositeSloSummary';
import { EmptySlos } from '../EmptySlos';
import { SloStatusChip } from '../SloStatusChip';
import { useEntitySlos } from '../useSloApi';
import { BackendErrorPanel, CatalogStaleNotice } from '@triad/frontend-utils';

function SloSummary(props: { slo: SloResult }) {
  const { slo } = props;
  return (
    <Box mb={2} data-testid={`slo-${slo.name}`}>
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="subtitle1">{slo.title}</Typography>
        <SloStatusChip status={slo.status} />
      </Box>
      {slo.error && (
        <Typography color="error" variant="body2">
          Not evaluated: {slo.error}
        </Typography>
      )}
      {slo.stale && (
        <Chip
          size="small"
          label={`Stale: ${slo.staleReason}`}
          color="secondary"
          variant="outlined"
        />
      )}
      {slo.objectives.map(o => (
        <Box key={o.index} mt={1}>
          <Typography variant="body2">
            {o.displayName ? `${o.displayName}: ` : ''}SLI{' '}
            {formatPercent(o.sli, 3)} against a target of{' '}
            {formatPercent(o.target, 3)}
          </Typography>
          <BudgetBar remaining={o.budget.remaining} />
          {o.budget.remaining !== undefined && (
            <Typography variant="caption" display="block">
              Budget gone in: {formatTimeToExhaustion(o, slo)}
            </Typography>
          )}
          {o.alerts
            .filter(a => a.firing)
            .map(a => (
              <Chip
                key={a.name}
                size="small"
                color={a.severity === 'page' ? 'secondary' : 'default'}
                label={`Firing: ${a.name} (${a.severity})`}
              />
            ))}
        </Box>
      ))}
    </Box>
  );
}

/**
 * Overview card: every SLO of the entity with status, SLI against target,
 * remaining budget, time to exhaustion and firing alert tiers; for a system
 * or domain, its composite SLOs with each part's contribution.
 *
 * @public
 */
export function EntitySloCard() {
  const { entity } = useEntity();
  const { value, loading, error } = useEntitySlos(entity);
  return (
    <InfoCard title="Service level objectives">
      {loading && <Progress />}
      {error && <BackendErrorPanel error={error} />}
      <CatalogStaleNotice stale={value?.catalogStale} />
      {value && value.items.length === 0 && !value.composites && <EmptySlos />}
      {value?.items.map(slo => (
        <SloSummary key={slo.ref} slo={slo} />
      ))}
      {value?.composites?.map(slo => (
        <CompositeSloSummary key={slo.ref} slo={slo} />
      ))}
    </InfoCard>
  );
}
