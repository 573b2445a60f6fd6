import {
  Content,
  ContentHeader,
  Header,
  Page,
  SupportButton,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { CoverageReport } from './CoverageReport';
import { LookupPanel } from './LookupPanel';

/**
 * The ownership page: look up who is responsible for what, and the coverage
 * report with its gaps.
 *
 * @public
 */
export function OwnershipPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Ownership"
        subtitle="Who answers for delivery, reliability and the platform — and where nobody does"
      />
      <Content>
        <ContentHeader title="Lookup and coverage">
          <SupportButton>
            Each role (DevOps, SRE, platform, …) is held by the team named on
            the entity itself (explicit), else on the system or domain it is
            part of (inherited), else by the platform team owning a resource it
            depends on (derived, platform only), else by spec.owner (default,
            DevOps only). A role held by a team that does not exist is orphaned;
            a role nobody holds is uncovered.
          </SupportButton>
        </ContentHeader>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <LookupPanel />
          </Grid>
          <Grid item xs={12}>
            <CoverageReport />
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
