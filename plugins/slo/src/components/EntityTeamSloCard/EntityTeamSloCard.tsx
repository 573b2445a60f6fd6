import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sloApiRef } from '../../api/SloApi';
import { sloRemaining } from '@triad/plugin-slo-common';
import { SloTable } from '../SloTable';
import { BackendErrorPanel } from '@triad/frontend-utils';

/** How many SLOs the card lists: the ones with the least budget left. */
const CARD_LIMIT = 100;

/**
 * Group page card: the SLOs of everything the team and its sub-teams own,
 * with counts per status and the worst SLO. The backend filters by team
 * (sub-teams through the catalog's parentOf) and counts every SLO; the card
 * lists the first page and says when there are more.
 *
 * @public
 */
export function EntityTeamSloCard() {
  const { entity } = useEntity();
  const sloApi = useApi(sloApiRef);
  const team = stringifyEntityRef(entity);
  const { value, loading, error, retry } = useAsyncRetry(
    () => sloApi.listSlos({ team, limit: CARD_LIMIT }),
    [sloApi, team],
  );
  const worst = value?.items[0];
  const hasWorst = worst && sloRemaining(worst) !== undefined;
  return (
    <InfoCard title="SLOs of this team and its sub-teams">
      {loading && <Progress />}
      {error && <BackendErrorPanel error={error} onRetry={retry} />}
      {value && value.totalItems === 0 && (
        <Typography variant="body2">
          Nothing this team or its sub-teams own has an evaluated SLO yet.
        </Typography>
      )}
      {value && value.totalItems > 0 && (
        <>
          <Typography variant="body2" gutterBottom data-testid="team-rollup">
            {value.totalItems} SLOs: {value.counts.breached} breached,{' '}
            {value.counts.warning} warning, {value.counts.healthy} healthy,{' '}
            {value.counts['no-data']} without data.
            {hasWorst && ` Worst: ${worst.title}.`}
          </Typography>
          {value.items.length < value.totalItems && (
            <Typography variant="caption" display="block" gutterBottom>
              Listing the {value.items.length} with the least budget left of{' '}
              {value.totalItems}; the SLOs page lists every one.
            </Typography>
          )}
          <SloTable title="SLOs" slos={value.items} pageSize={10} />
        </>
      )}
    </InfoCard>
  );
}
