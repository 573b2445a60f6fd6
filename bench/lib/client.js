/*
 * The benchmark's HTTP client, run as its own process so that sending
 * requests never competes with the backend for its event loop:
 *
 *   echo '<job as JSON>' | node bench/lib/client.js
 *
 * prints one JSON line with the result. Jobs:
 *
 * - { type: 'load', urls, headers, concurrency, maxRequests, maxMs }:
 *   keeps `concurrency` requests in flight (keep-alive connections), cycling
 *   through `urls`, until `maxRequests` are done or `maxMs` has passed;
 *   answers latencies (ms), error count and throughput; with `perUrl: true`
 *   also `byUrl`, the latencies of each URL (in the order of `urls`).
 * - { type: 'org-plugin', baseUrl, token, groupRef, repeat }: runs the
 *   Backstage org plugin's ownership-card aggregation (plugin-org 0.7.9,
 *   OwnershipCard/useGetEntities: the group, then its child groups level by
 *   level with getEntitiesByRefs, then the owned entities of all of them with
 *   a relations.ownedBy filter, 100 owners per request) with the catalog
 *   client the browser uses; answers catalog requests and latency per run.
 */
'use strict';

const http = require('http');

let job;

function request(agent, url, headers) {
  return new Promise(resolve => {
    const started = performance.now();
    const req = http.request(url, { agent, headers }, res => {
      let bytes = 0;
      res.on('data', chunk => {
        bytes += chunk.length;
      });
      res.on('end', () =>
        resolve({
          ms: performance.now() - started,
          status: res.statusCode,
          bytes,
        }),
      );
      res.on('error', () =>
        resolve({ ms: performance.now() - started, status: 0, bytes }),
      );
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', () =>
      resolve({ ms: performance.now() - started, status: 0, bytes: 0 }),
    );
    req.end();
  });
}

async function load() {
  const { urls, headers, concurrency, maxRequests, maxMs } = job;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  const byUrl = urls.map(() => []);
  const statuses = {};
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + maxMs;
  async function worker() {
    while (next < maxRequests && performance.now() < deadline) {
      const index = next++ % urls.length;
      const r = await request(agent, urls[index], headers);
      latencies.push(r.ms);
      byUrl[index].push(r.ms);
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      bytes += r.bytes;
      if (r.status < 200 || r.status >= 300) errors++;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return {
    latencies,
    errors,
    statuses,
    elapsedMs,
    throughput: latencies.length / (elapsedMs / 1000),
    meanBytes: latencies.length ? bytes / latencies.length : 0,
    ...(job.perUrl && { byUrl }),
  };
}

async function orgPlugin() {
  const { CatalogClient } = require('@backstage/catalog-client');
  const {
    stringifyEntityRef,
    parseEntityRef,
    RELATION_PARENT_OF,
  } = require('@backstage/catalog-model');
  let requests = 0;
  const catalogApi = new CatalogClient({
    discoveryApi: { getBaseUrl: async () => `${job.baseUrl}/api/catalog` },
    fetchApi: {
      fetch: (input, init = {}) => {
        requests++;
        return fetch(input, {
          ...init,
          headers: { ...init.headers, Authorization: `Bearer ${job.token}` },
        });
      },
    },
  });
  // getEntityRelations from plugin-catalog-react, for kind Group.
  const childGroups = entity =>
    (entity.relations ?? [])
      .filter(r => r.type === RELATION_PARENT_OF)
      .map(r => parseEntityRef(r.targetRef))
      .filter(r => r.kind.toLocaleLowerCase('en-US') === 'group');
  // OwnershipCard/useGetEntities.esm.js, getChildOwnershipEntityRefs.
  async function childOwnershipRefs(entity, already = []) {
    const children = childGroups(entity);
    const entityRef = stringifyEntityRef(entity);
    if (!children.length) return [entityRef];
    const response = await catalogApi.getEntitiesByRefs({
      fields: ['kind', 'metadata.namespace', 'metadata.name', 'relations'],
      entityRefs: children.map(r => stringifyEntityRef(r)),
    });
    const unknown = response.items
      .filter(e => e !== undefined && e !== null)
      .filter(e => !already.includes(stringifyEntityRef(e)));
    const nested = await Promise.all(
      unknown.map(e => childOwnershipRefs(e, [...already, entityRef])),
    );
    return [...new Set([...nested.flat(), entityRef])];
  }
  // batchGetOwnedEntitiesByOwners: 100 owners a request, 100 ms apart.
  async function ownedBy(owners) {
    const kinds = ['Component', 'API', 'System', 'Resource'];
    const seen = new Map();
    for (let i = 0; i < owners.length; i += 100) {
      const response = await catalogApi.getEntities({
        filter: [
          { kind: kinds, 'relations.ownedBy': owners.slice(i, i + 100) },
        ],
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'spec.type',
          'relations',
        ],
      });
      for (const e of response.items) seen.set(stringifyEntityRef(e), e);
      if (i + 100 < owners.length) await new Promise(r => setTimeout(r, 100));
    }
    return [...seen.values()];
  }
  const runs = [];
  for (let i = 0; i < job.repeat; i++) {
    requests = 0;
    const started = performance.now();
    // The group page loads the group entity first.
    const group = await catalogApi.getEntityByRef(job.groupRef);
    const owners = await childOwnershipRefs(group);
    const owned = await ownedBy(owners);
    runs.push({
      ms: performance.now() - started,
      requests,
      owners: owners.length,
      owned: owned.length,
    });
  }
  return { runs };
}

const jobs = { load, 'org-plugin': orgPlugin };
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => {
  input += chunk;
});
new Promise(resolve => process.stdin.on('end', resolve))
  .then(() => {
    job = JSON.parse(input);
    return jobs[job.type]();
  })
  .then(result => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  })
  .catch(error => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
