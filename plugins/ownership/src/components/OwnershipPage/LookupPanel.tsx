import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import SearchIcon from '@material-ui/icons/Search';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { ownershipApiRef } from '../../api/OwnershipApi';
import { BackendErrorPanel, CatalogStaleNotice } from '@triad/frontend-utils';
import { LookupResultCard } from './LookupResultCard';
import { resultSummary } from './resultSummary';

/** How long typing must pause before the lookup is asked. */
export const LOOKUP_DEBOUNCE_MS = 300;

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
                <LookupResultCard key={resultSummary(r).ref} result={r} />
              ))}
            </Box>
          </>
        )}
      </Box>
    </InfoCard>
  );
}
