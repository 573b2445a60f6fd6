import {
  Content,
  ContentHeader,
  Header,
  Page,
  SupportButton,
} from '@backstage/core-components';
import { SloFleet } from './SloFleet';

/**
 * The fleet page: every SLO the user may see, filtered and paged by the
 * backend, with roll-ups by team and by system.
 *
 * @public
 */
export function SloPage() {
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
        <SloFleet />
      </Content>
    </Page>
  );
}
