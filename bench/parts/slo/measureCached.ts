import { componentName } from '../../lib/generateSlos';
import { fmt, log } from '../../lib/report';
import { runClient } from '../../lib/runClient';
import { summary, timeEach } from '../../lib/util';
import { Bench } from './Bench';

/** Cached answers of the first `evaluated` components, and the catalog's floor under them. */
export async function measureCached(bench: Bench, evaluated: number) {
  const { out, section, quick, backend } = bench;
  log('cached answers');
  const cached = await runClient({
    type: 'load',
    urls: Array.from(
      { length: evaluated },
      (_, i) =>
        `${bench.api}/entities/component/default/${componentName(i)}/slos`,
    ),
    headers: bench.headers,
    concurrency: 1,
    maxRequests: quick ? 300 : 1000,
    maxMs: 60_000,
  });
  const sCached = summary(cached.latencies);
  out.row({
    section,
    metric: 'entity page SLOs, cached (GET …/slos, one at a time)',
    value: `${fmt.p(sCached)}${
      cached.errors ? `, ${cached.errors} errors` : ''
    }`,
    goal: 'p99 ≤ 20 ms',
    met: sCached.p99 <= 20 && cached.errors === 0,
  });

  // What every answer asks the catalog (with the caller's credentials, so
  // that only what the caller may read is shown): the entity, and the SLOs
  // that measure it, in parallel. The floor under the cached latency.
  const { catalog, auth } = backend.services('slo');
  const credentials = await auth.authenticate(backend.token);
  const floor = await timeEach(quick ? 300 : 1000, i => {
    const ref = `component:default/${componentName(i % bench.components)}`;
    return Promise.all([
      catalog.getEntityByRef(ref, { credentials }),
      catalog.getEntities(
        { filter: { kind: 'SLO', 'relations.measures': ref } },
        { credentials },
      ),
    ]);
  });
  out.row({
    section,
    metric:
      'of which the catalog: the entity and its SLOs, two catalog requests in parallel (in-process client)',
    value: fmt.p(summary(floor)),
  });
}
