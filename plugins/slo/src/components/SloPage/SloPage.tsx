import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import { SloResult, SloStatus } from '@triad/plugin-slo-common';
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sloApiRef } from '../../api/SloApi';
import { RollUpTable } from '../RollUpTable';
import { rollUp } from '../rollUp';
import {
  BackendErrorPanel,
  CatalogStaleNotice,
  SearchField,
} from '@triad/frontend-utils';
import { SloTable } from '../SloTable';

const STATUSES: SloStatus[] = ['breached', 'warning', 'healthy', 'no-data'];

const label = (ref: string) =>
  humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'group' });

function Select(props: {
  label: string;
  value: string;
  options: string[];
  onChange: (v: string) => void;
  format?: (v: string) => string;
}) {
  return (
    <TextField
      select
      fullWidth
      size="small"
      variant="outlined"
      label={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      inputProps={{ 'aria-label': props.label }}
    >
      <MenuItem value="">All</MenuItem>
      {props.options.map(o => (
        <MenuItem key={o} value={o}>
          {props.format ? props.format(o) : o}
        </MenuItem>
      ))}
    </TextField>
  );
}

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
  const [team, setTeam] = useState('');
  const [system, setSystem] = useState('');
  const [status, setStatus] = useState('');
  const [text, setText] = useState('');

  const all = useMemo(() => value?.items ?? [], [value]);
  const options = (pick: (s: SloResult) => string | undefined) =>
    [...new Set(all.map(pick).filter((v): v is string => !!v))].sort();
  const filtered = useMemo(() => {
    const needle = text.trim().toLocaleLowerCase();
    return all.filter(
      s =>
        (!team || s.ownerRef === team) &&
        (!system || s.systemRef === system) &&
        (!status || s.status === status) &&
        (!needle ||
          `${s.title} ${s.name} ${s.serviceRef}`
            .toLocaleLowerCase()
            .includes(needle)),
    );
  }, [all, team, system, status, text]);

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
        {value && (
          <Grid container spacing={2}>
            {value.catalogStale && (
              <Grid item xs={12}>
                <CatalogStaleNotice stale={value.catalogStale} />
              </Grid>
            )}
            <Grid item xs={12}>
              {/* On a card, so the filter labels keep their contrast. */}
              <Paper style={{ padding: 16 }}>
                <Grid container spacing={2}>
                  <Grid item xs={12} sm={3}>
                    <Select
                      label="Team"
                      value={team}
                      options={options(s => s.ownerRef)}
                      onChange={setTeam}
                      format={label}
                    />
                  </Grid>
                  <Grid item xs={12} sm={3}>
                    <Select
                      label="System"
                      value={system}
                      options={options(s => s.systemRef)}
                      onChange={setSystem}
                      format={label}
                    />
                  </Grid>
                  <Grid item xs={12} sm={3}>
                    <Select
                      label="Status"
                      value={status}
                      options={STATUSES}
                      onChange={setStatus}
                    />
                  </Grid>
                  <Grid item xs={12} sm={3}>
                    <SearchField
                      label="Search"
                      ariaLabel="Search SLOs"
                      onChange={setText}
                    />
                  </Grid>
                </Grid>
              </Paper>
            </Grid>
            <Grid item xs={12}>
              <SloTable
                title={`SLOs (${filtered.length}${
                  all.length === 0
                    ? ' — none evaluated yet; the scheduled evaluation runs every few minutes'
                    : ''
                })`}
                slos={filtered}
              />
            </Grid>
            <Grid item xs={12}>
              <RollUpTable
                title="By team"
                label="Team"
                rows={rollUp(filtered, s => s.ownerRef)}
              />
            </Grid>
            <Grid item xs={12}>
              <RollUpTable
                title="By system"
                label="System"
                rows={rollUp(filtered, s => s.systemRef)}
              />
            </Grid>
          </Grid>
        )}
      </Content>
    </Page>
  );
}
