import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sloApiRef } from '../../api/SloApi';
import { BackendErrorPanel } from '@triad/frontend-utils';
import { SloFleet } from './SloFleet';

/**
 * The fleet page: every SLO the user may see, filterable, with roll-ups by
 * team and by system.
 *
 * @public
 */
export function SloPage() {
  const api = useApi(sloApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.listSlos({ limit: 1000 }),
    [api],
  );
  return (
    <Page themeId="tool">
      <Header
        title="Service level objectives"
        subtitle="Every SLO you may see, least budget left first"
      />
      <Content>
        <ContentHeader title="Fleet">
          <SupportButton>
            Numbers come from the latest scheduled evaluation of each SLO.
            Budget left is the share of the current period's error budget not
            yet spent; burn rate 1× spends exactly one budget per period.
          </SupportButton>
        </ContentHeader>
        {loading && <Progress />}
        {error && <BackendErrorPanel error={error} onRetry={retry} />}
        {value && <SloFleet list={value} />}
      </Content>
    </Page>
  );
}
