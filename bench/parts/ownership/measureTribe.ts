import { fmt } from '../../lib/report';
import { runClient } from '../../lib/runClient';
import { median, now } from '../../lib/util';
import { Bench, Caller } from './Bench';

/**
 * What a 50-descendant group is responsible for: Triad's one request against
 * the org plugin's level-by-level requests, counted at the catalog.
 */
export async function measureTribe(bench: Bench, caller: Caller) {
  const { out, section, backend, catalog } = bench;
  const api = `${backend.baseUrl}/api/ownership/v1`;
  const tribeName = catalog.tribeRef.split('/')[1];
  const triadRuns: { ms: number; catalogRequests: number; items: number }[] =
    [];
  for (let i = 0; i < 10; i++) {
    backend.resetCatalogRequests();
    const started = now();
    const res = await fetch(
      `${api}/groups/default/${tribeName}/responsibilities`,
      { headers: { Authorization: `Bearer ${caller.token}` } },
    );
    const body = await res.json();
    const ms = now() - started;
    if (!res.ok) throw new Error(`responsibilities: ${res.status}`);
    triadRuns.push({
      ms,
      catalogRequests: backend.catalogRequests(),
      items: body.roles.reduce((n: number, r: any) => n + r.items.length, 0),
    });
  }
  const org = await runClient<{
    runs: { ms: number; requests: number; owners: number; owned: number }[];
  }>({
    type: 'org-plugin',
    baseUrl: backend.baseUrl,
    token: caller.token,
    groupRef: catalog.tribeRef,
    repeat: 10,
  });
  const triadRequests = median(triadRuns.map(r => r.catalogRequests));
  const orgRequests = median(org.runs.map(r => r.requests));
  const requestRatio = orgRequests / (1 + triadRequests);
  out.raw.tribe = {
    ...(out.raw.tribe as object),
    [caller.short]: { triadRuns, org: org.runs },
  };
  out.row({
    section,
    metric: `"everything tribe-50 is responsible for" (50 sub-teams), Triad, ${caller.short}`,
    value: `1 request from the page + ${triadRequests} catalog request(s) behind it (${fmt.int(
      triadRuns[0].items,
    )} items in 3 roles), ${fmt.ms(median(triadRuns.map(r => r.ms)))}`,
  });
  out.row({
    section,
    metric: `same group, org plugin level by level (owned entities only), ${caller.short}`,
    value: `${orgRequests} catalog requests from the page (${
      org.runs[0].owners
    } groups, ${fmt.int(org.runs[0].owned)} owned entities), ${fmt.ms(
      median(org.runs.map(r => r.ms)),
    )}`,
  });
  out.row({
    section,
    metric: `catalog requests, org plugin / Triad (Triad's own request counted), ${caller.short}`,
    value: `${fmt.x(requestRatio)} (${orgRequests} vs ${1 + triadRequests})`,
    goal: '≥ 10×',
    met: requestRatio >= 10,
  });
}
