import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import InputAdornment from '@material-ui/core/InputAdornment';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import SearchIcon from '@material-ui/icons/Search';
import {
  GroupSummary,
  LookupResult,
  RoleEntities,
} from '@triad/plugin-ownership-common';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { ownershipApiRef } from '../../api/OwnershipApi';
import { EntityLink } from '../EntityLink';
import { RoleOwnershipTable } from '../RoleOwnershipTable';
import { TEAM_TYPE_LABELS } from '../buildTopologyGraph';
import { BackendErrorPanel, CatalogStaleNotice } from '@triad/frontend-utils';

/** How long typing must pause before the lookup is asked. */
export const LOOKUP_DEBOUNCE_MS = 300;

function Holdings(props: { responsibilities: RoleEntities[] }) {
  return (
    <Box component="dl" m={0}>
      {props.responsibilities.map(r => (
        <Box key={r.role} display="flex" flexWrap="wrap" mb={0.5}>
          <Typography
            component="dt"
            variant="subtitle2"
            style={{ minWidth: 96 }}
          >
            {r.title} ({r.entities.length})
          </Typography>
          <Typography component="dd" variant="body2" style={{ margin: 0 }}>
            {r.entities.length === 0
              ? 'nothing'
              : r.entities.map((e, i) => (
                  <span key={e.ref}>
                    {i > 0 && ', '}
                    <EntityLink entityRef={e.ref} title={e.title ?? e.name} />
                  </span>
                ))}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

function groupKind(group: GroupSummary): string {
  if (group.teamType) return ` · ${TEAM_TYPE_LABELS[group.teamType]} team`;
  return group.type ? ` · ${group.type}` : '';
}

function resultRef(result: LookupResult): string {
  switch (result.type) {
    case 'entity':
      return result.entity.ref;
    case 'group':
      return result.group.ref;
    default:
      return result.user.ref;
  }
}

function Result(props: { result: LookupResult }) {
  const { result } = props;
  let heading;
  let body;
  switch (result.type) {
    case 'entity':
      heading = (
        <>
          <EntityLink
            entityRef={result.entity.ref}
            title={result.entity.title ?? result.entity.name}
          />{' '}
          <Typography component="span" variant="caption" color="textSecondary">
            {result.entity.kind}
            {result.entity.type ? ` · ${result.entity.type}` : ''}
          </Typography>
        </>
      );
      body = <RoleOwnershipTable roles={result.roles} />;
      break;
    case 'group':
      heading = (
        <>
          <EntityLink
            entityRef={result.group.ref}
            title={result.group.title ?? result.group.name}
          />{' '}
          <Typography component="span" variant="caption" color="textSecondary">
            group{groupKind(result.group)}
          </Typography>
        </>
      );
      body = (
        <>
          <Typography variant="body2" gutterBottom>
            With its sub-teams, it is responsible for:
          </Typography>
          <Holdings responsibilities={result.responsibilities} />
        </>
      );
      break;
    case 'user':
    default:
      heading = (
        <>
          <EntityLink
            entityRef={result.user.ref}
            title={result.user.displayName ?? result.user.name}
          />{' '}
          <Typography component="span" variant="caption" color="textSecondary">
            person{result.user.email ? ` · ${result.user.email}` : ''}
          </Typography>
        </>
      );
      body = (
        <>
          <Typography variant="body2" gutterBottom>
            {result.teams.length === 0 ? (
              'Member of no team.'
            ) : (
              <>
                Member of{' '}
                {result.teams.map((t, i) => (
                  <span key={t.ref}>
                    {i > 0 && ', '}
                    <EntityLink entityRef={t.ref} title={t.title ?? t.name} />
                  </span>
                ))}
                , whose teams are responsible for:
              </>
            )}
          </Typography>
          {result.teams.length > 0 && (
            <Holdings responsibilities={result.responsibilities} />
          )}
        </>
      );
  }
  return (
    <Paper variant="outlined" data-testid="lookup-result">
      <Box p={2}>
        <Typography variant="h6" component="h3" gutterBottom>
          {heading}
        </Typography>
        {body}
      </Box>
    </Paper>
  );
}

/**
 * "Who is responsible for what": find an entity, team or person and see the
 * answer. The query is kept in the page address (`?q=`).
 */
export function LookupPanel() {
  const api = useApi(ownershipApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const [text, setText] = useState(searchParams.get('q') ?? '');
  const [query, setQuery] = useState(text.trim());
  useDebounce(
    () => {
      const q = text.trim();
      setQuery(q);
      if ((searchParams.get('q') ?? '') !== q) {
        setSearchParams(q ? { q } : {}, { replace: true });
      }
    },
    LOOKUP_DEBOUNCE_MS,
    [text],
  );
  const { value, loading, error } = useAsync(
    async () => (query ? api.lookup(query) : undefined),
    [api, query],
  );
  return (
    <InfoCard title="Who is responsible for what?">
      <TextField
        fullWidth
        variant="outlined"
        size="small"
        label="Entity, team or person"
        placeholder="e.g. checkout-service, Payments, grace.kim"
        value={text}
        onChange={e => setText(e.target.value)}
        inputProps={{ maxLength: 200, 'aria-label': 'Look up' }}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon />
            </InputAdornment>
          ),
        }}
      />
      <Box mt={2}>
        {!query && (
          <Typography variant="body2" color="textSecondary">
            Type a name, title or email to see who holds each role for an
            entity, what a team answers for, or what a person's teams answer
            for.
          </Typography>
        )}
        {query && loading && <Progress />}
        {query && error && <BackendErrorPanel error={error} />}
        {query && !loading && (
          <CatalogStaleNotice stale={value?.catalogStale} />
        )}
        {query && !loading && value && value.results.length === 0 && (
          <Typography variant="body2">
            Nothing you may see matches “{value.query}”.
          </Typography>
        )}
        {query && !loading && value && value.results.length > 0 && (
          <>
            <Typography variant="body2" gutterBottom>
              {value.results.length} match
              {value.results.length === 1 ? '' : 'es'} for “{value.query}”
            </Typography>
            <Box display="grid" gridGap={16}>
              {value.results.map(r => (
                <Result key={resultRef(r)} result={r} />
              ))}
            </Box>
          </>
        )}
      </Box>
    </InfoCard>
  );
}
