import {
  DEFAULT_OWNERSHIP_ROLES,
  isPlatformTopology,
  OwnershipGraph,
  resolveOwnership,
} from '@triad/plugin-ownership-common';
import {
  entityOwnership,
  groupResponsibilities,
  lookup,
  OwnershipIndex,
} from '@triad/plugin-ownership-backend/testUtils';
import { fmt, log } from '../../lib/report';
import { summary, timeEach } from '../../lib/util';
import { Bench } from './Bench';

/** Resolution, lookup and a tribe's responsibilities, from the index alone. */
export async function measureInProcess(bench: Bench, index: OwnershipIndex) {
  const { out, section, catalog, quick } = bench;
  log('resolution and lookup in-process');
  const roles = [...DEFAULT_OWNERSHIP_ROLES];
  const refs = catalog.componentRefs;
  const all = () => true;
  const answer = await timeEach(
    refs.length * 10,
    i => entityOwnership(index, refs[i % refs.length], all),
    500,
  );
  const graph: OwnershipGraph = {
    node: r => index.entity(r),
    exists: r => !!index.group(r) || !!index.user(r),
    isPlatformTeam: r => isPlatformTopology(index.group(r)?.topology),
  };
  const resolve = await timeEach(
    refs.length * 10,
    i => resolveOwnership(graph, refs[i % refs.length], roles),
    500,
  );
  const queries = catalog.lookupQueries;
  const lookups = await timeEach(
    quick ? 40 : 80,
    i => lookup(index, queries[i % queries.length], all),
    queries.length,
  );
  const tribe = await timeEach(
    50,
    () => groupResponsibilities(index, catalog.tribeRef, true, all),
    5,
  );
  const sAnswer = summary(answer);
  out.raw.inProcess = {
    answer: sAnswer,
    resolve: summary(resolve),
    lookup: summary(lookups),
    tribe: summary(tribe),
  };
  out.row({
    section,
    metric: 'resolution in-process (an entity page answer from the index)',
    value: fmt.p(sAnswer),
    goal: 'p99 ≤ 1 ms',
    met: sAnswer.p99 <= 1,
  });
  out.row({
    section,
    metric: 'resolution in-process, resolving the 3 roles afresh',
    value: fmt.p(summary(resolve)),
  });
  out.row({
    section,
    metric: `lookup in-process (${queries.length} queries over the whole index)`,
    value: fmt.p(summary(lookups)),
  });
  out.row({
    section,
    metric: '"everything tribe-50 is responsible for" in-process (index only)',
    value: fmt.p(summary(tribe)),
  });
}
