import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, useEntity } from '@backstage/plugin-catalog-react';
import {
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sloApiRef } from '../../api/SloApi';
import { rollUp } from '../rollUp';
import { SloTable } from '../SloTable';
import { BackendErrorPanel } from '@triad/frontend-utils';

/**
 * Group page card: the SLOs of everything the team and its sub-teams own,
 * with counts per status and the worst SLO.
 *
 * @public
 */
export function EntityTeamSloCard() {
  const { entity } = useEntity();
  const sloApi = useApi(sloApiRef);
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    // The team and every descendant group, one catalog request per level.
    const teams = new Set([stringifyEntityRef(entity)]);
    let level = [stringifyEntityRef(entity)];
    while (level.length) {
      const { items } = await catalogApi.getEntitiesByRefs({
        entityRefs: level,
        fields: ['relations'],
      });
      level = items
        .flatMap(e => e?.relations ?? [])
        .filter(r => r.type === RELATION_PARENT_OF && !teams.has(r.targetRef))
        .map(r => r.targetRef);
      level.forEach(ref => teams.add(ref));
    }
    const { items } = await sloApi.listSlos({ limit: 1000 });
    return items.filter(s => s.ownerRef && teams.has(s.ownerRef));
  }, [entity, sloApi, catalogApi]);

  const [row] = value ? rollUp(value, () => 'team') : [];
  return (
    <InfoCard title="SLOs of this team and its sub-teams">
      {loading && <Progress />}
      {error && <BackendErrorPanel error={error} onRetry={retry} />}
      {value && value.length === 0 && (
        <Typography variant="body2">
          Nothing this team or its sub-teams own has an evaluated SLO yet.
        </Typography>
      )}
      {row && (
        <>
          <Typography variant="body2" gutterBottom data-testid="team-rollup">
            {row.total} SLOs: {row.counts.breached} breached,{' '}
            {row.counts.warning} warning, {row.counts.healthy} healthy,{' '}
            {row.counts['no-data']} without data.
            {row.worst && ` Worst: ${row.worst.title}.`}
          </Typography>
          <SloTable title="SLOs" slos={value!} pageSize={10} />
        </>
      )}
    </InfoCard>
  );
}
