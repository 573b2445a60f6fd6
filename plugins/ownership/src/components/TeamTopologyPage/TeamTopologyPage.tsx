import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { BackendErrorPanel } from '@triad/frontend-utils';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ownershipApiRef } from '../../api/OwnershipApi';
import { TopologyMap } from './TopologyMap';

/**
 * The team topology page: every team by type, declared or observed
 * interactions between them, mismatches, filters, and a click through to each
 * team's page.
 *
 * @public
 */
export function TeamTopologyPage() {
  const api = useApi(ownershipApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getTopology(),
    [api],
  );
  return (
    <Page themeId="tool">
      <Header
        title="Team topology"
        subtitle="How teams work together: declared in spec.topology, observed in the dependencies between their software"
      />
      <Content>
        <ContentHeader title="Team map">
          <SupportButton>
            Team types and interaction modes follow Team Topologies. Declared
            interactions come from each Group's spec.topology.interactions;
            observed ones are dependsOn and consumesApi relations from software
            one team owns to software another team owns. Click a team to open
            its page.
          </SupportButton>
        </ContentHeader>
        {loading && <Progress />}
        {error && <BackendErrorPanel error={error} onRetry={retry} />}
        {value && value.teams.length === 0 && (
          <EmptyState
            missing="data"
            title="No teams yet"
            description="Teams are Groups with spec.type: team or a spec.topology block (type, disciplines, interactions)."
          />
        )}
        {value && value.teams.length > 0 && <TopologyMap topology={value} />}
      </Content>
    </Page>
  );
}
