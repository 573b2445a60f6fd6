import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { CoverageResponse } from '@triad/plugin-ownership-common';
import { ReactNode } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ownershipApiRef } from '../../api/OwnershipApi';
import { coverageCsvFileName, coverageToCsv } from '../coverageCsv';
import { EntityLink } from '../EntityLink';
import { BackendErrorPanel, CatalogStaleNotice } from '@triad/frontend-utils';
import { CoverageGaps } from './CoverageGaps';
import { RoleCoverageBar } from './RoleCoverageBar';

function download(coverage: CoverageResponse) {
  const blob = new Blob([coverageToCsv(coverage)], {
    type: 'text/csv;charset=utf-8',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = coverageCsvFileName(coverage);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A titled part of the report. */
function Section(props: { title: string; children: ReactNode }) {
  return (
    <Grid item xs={12} md={6}>
      <Typography variant="h6" component="h3" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Grid>
  );
}

function MultiRoleTeams(props: { coverage: CoverageResponse }) {
  const { coverage } = props;
  const titles = new Map(coverage.roles.map(r => [r.role, r.title] as const));
  if (coverage.multiRoleTeams.length === 0) {
    return (
      <Typography variant="body2">No team holds more than one role.</Typography>
    );
  }
  return (
    <>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        Normal for small teams; worth a look where a team is stretched.
      </Typography>
      {coverage.multiRoleTeams.map(t => (
        <Box key={t.team.ref} mb={0.5} data-testid="multi-role-team">
          <EntityLink
            entityRef={t.team.ref}
            title={t.team.title ?? t.team.name}
          />
          <Typography component="span" variant="body2">
            {' '}
            — {t.roles.map(r => titles.get(r) ?? r).join(', ')}
          </Typography>
        </Box>
      ))}
    </>
  );
}

function StaleInteractions(props: {
  interactions: CoverageResponse['staleInteractions'];
}) {
  const { interactions } = props;
  if (interactions.length === 0) {
    return (
      <Typography variant="body2">
        No declared interaction has passed its end date.
      </Typography>
    );
  }
  return (
    <>
      {interactions.map(i => (
        <Box
          key={`${i.from}-${i.to}-${i.mode}`}
          mb={0.5}
          data-testid="stale-interaction"
        >
          <Typography variant="body2">
            <EntityRefLink entityRef={i.from} /> →{' '}
            <EntityRefLink entityRef={i.to} />: {i.mode}, planned to end{' '}
            {i.until} — renew the date or remove it from
            spec.topology.interactions
          </Typography>
        </Box>
      ))}
    </>
  );
}

function Report(props: { coverage: CoverageResponse }) {
  const { coverage } = props;
  const nothing =
    coverage.roles.every(r => r.total === 0) &&
    !coverage.multiRoleTeams.length &&
    !coverage.staleInteractions.length;
  if (nothing) {
    return (
      <EmptyState
        missing="data"
        title="No production components yet"
        description="Coverage counts the components with spec.lifecycle: production that you may see. Register some, and the report fills in."
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Section title="Production components with a holder, per role">
        {coverage.roles.map(r => (
          <RoleCoverageBar key={r.role} role={r} />
        ))}
      </Section>
      <Section title="Gaps">
        <CoverageGaps roles={coverage.roles} />
      </Section>
      <Section title="Teams holding several roles">
        <MultiRoleTeams coverage={coverage} />
      </Section>
      <Section title="Stale interactions">
        <StaleInteractions interactions={coverage.staleInteractions} />
      </Section>
    </Grid>
  );
}

/** Coverage per role of production components, with its gaps and a CSV. */
export function CoverageReport() {
  const api = useApi(ownershipApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getCoverage(),
    [api],
  );
  return (
    <InfoCard
      title="Coverage"
      subheader={
        value
          ? `Production components you may see, as of ${new Date(
              value.indexedAt,
            ).toLocaleString()}`
          : 'Production components you may see'
      }
      action={
        value && (
          <Button
            variant="outlined"
            size="small"
            startIcon={<GetAppIcon />}
            onClick={() => download(value)}
            style={{ marginTop: 8 }}
          >
            Download CSV
          </Button>
        )
      }
    >
      {loading && <Progress />}
      {error && <BackendErrorPanel error={error} onRetry={retry} />}
      <CatalogStaleNotice stale={value?.catalogStale} />
      {value && <Report coverage={value} />}
    </InfoCard>
  );
}
