import { stringifyEntityRef, Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sloApiRef } from '../api/SloApi';

/** The evaluated SLOs of an entity. */
export function useEntitySlos(entity: Entity) {
  const api = useApi(sloApiRef);
  const ref = stringifyEntityRef(entity);
  return useAsyncRetry(() => api.getEntitySlos(ref), [api, ref]);
}
