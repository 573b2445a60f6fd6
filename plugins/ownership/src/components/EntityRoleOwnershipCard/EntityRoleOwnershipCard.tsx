import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ownershipApiRef } from '../../api/OwnershipApi';
import { BackendErrorPanel, CatalogStaleNotice } from '@triad/frontend-utils';
import { OnCallLinks } from '../OnCallLinks';
import { OnCallLinkTemplates } from '../onCall';
import { RoleOwnershipTable } from '../RoleOwnershipTable';

/** @public */
export interface EntityRoleOwnershipCardProps {
  /**
   * Link templates per on-call annotation, `{value}` standing for the
   * annotation's value. Defaults link PagerDuty services and Opsgenie teams
   * on their public hosts; set your account's host here.
   */
  onCallLinks?: Record<string, string>;
}

/**
 * @public
 * @deprecated Use {@link EntityRoleOwnershipCardProps}; removed in the next release.
 */
export type EntityOwnershipCardProps = EntityRoleOwnershipCardProps;

/**
 * Who holds each role (DevOps, SRE, platform, …) for the entity, with how the
 * holder was found, gaps shown as such, and on-call links.
 *
 * @public
 */
export function EntityRoleOwnershipCard(props: EntityRoleOwnershipCardProps) {
  const { entity } = useEntity();
  const api = useApi(ownershipApiRef);
  const ref = stringifyEntityRef(entity);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getEntityOwnership(ref),
    [api, ref],
  );
  const templates: OnCallLinkTemplates | undefined = props.onCallLinks;
  return (
    <InfoCard
      title="Ownership"
      subheader="Who answers for each discipline, and why"
    >
      {loading && <Progress />}
      {error && <BackendErrorPanel error={error} onRetry={retry} />}
      <CatalogStaleNotice stale={value?.catalogStale} />
      {value && value.roles.length === 0 && (
        <EmptyState
          missing="field"
          title="No roles are configured"
          description="Configure ownership.roles in app-config.yaml, or leave it out for DevOps, SRE and platform."
        />
      )}
      {value && value.roles.length > 0 && (
        <>
          <RoleOwnershipTable roles={value.roles} onCallLinks={templates} />
          <OnCallLinks
            onCall={value.entity.onCall}
            templates={templates}
            prefix="On call for this entity:"
          />
          <Typography
            variant="caption"
            color="textSecondary"
            display="block"
            style={{ marginTop: 8 }}
          >
            As of {new Date(value.indexedAt).toLocaleString()}
          </Typography>
        </>
      )}
    </InfoCard>
  );
}
