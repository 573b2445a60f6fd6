import { ChildProcess } from 'child_process';
import { readFileSync } from 'fs';
import { Answer, BackendClient, connectBackend } from './backendClient';
import { Report, seconds } from './report';

const COMPONENT = 'component:default/example-website';
const SLO = 'slo:default/example-website-availability';
/** The promise: the ownership of an example component within 60 s of start. */
const OWNERSHIP_DEADLINE_MS = 60_000;
const ACTIONS = [
  'slo:openslo:create',
  'slo:openslo:validate',
  'slo:prometheus:rules',
  'slo:policy:check',
  'ownership:responsibilities:set',
  'ownership:team:create',
  'ownership:lookup',
];

/**
 * Starts from a backend just spawned: waits for it, then checks every Triad
 * endpoint as a signed-in user of the app would call it, and runs the guide's
 * steps that need a running backend.
 */
export async function checkBackend(options: {
  baseUrl: string;
  startedAt: number;
  backend: ChildProcess;
  backendLog: string;
  report: Report;
  runWithBackend: (token: string) => Promise<void>;
}) {
  const { startedAt, backendLog, report } = options;
  const client = await connectBackend({
    ...options,
    onReady: readyAt =>
      report.figure(
        'backend ready (readiness 200) after',
        seconds(readyAt - startedAt),
      ),
  });
  await checkOwnership(client, startedAt, report);

  // The guide's steps against the running backend (pushing samples).
  await options.runWithBackend(client.token);
  report.check("the guide's sample push was accepted", true);

  await checkSlos(client, startedAt, report);
  await checkActions(client, report);
  checkBackendLog(backendLog, report);
}

async function checkOwnership(
  { get, until }: BackendClient,
  startedAt: number,
  report: Report,
) {
  // Ready when the catalog is: 503 with Retry-After until then, 200 within 60 s.
  const warming: Answer[] = [];
  const ownership = await until(
    `GET /api/ownership/v1/entities/${COMPONENT.replace(/[:/]/g, '/')}`,
    OWNERSHIP_DEADLINE_MS,
    async () => {
      const res = await get(
        '/api/ownership/v1/entities/component/default/example-website',
      );
      if (res.status === 200) return res;
      if (res.status === 503) warming.push(res);
      return undefined;
    },
  );
  const answeredAfter = Date.now() - startedAt;
  report.figure(
    'ownership of the example component: 200 after',
    `${seconds(answeredAfter)} from the backend's start (${
      warming.length
    } answers 503 before)`,
  );
  report.check(
    'the ownership endpoint answers 200 within 60 s of the start',
    answeredAfter <= OWNERSHIP_DEADLINE_MS,
    seconds(answeredAfter),
  );
  report.check(
    'while warming up it answered 503 with Retry-After and a message',
    warming.every(
      w => Number(w.headers.get('retry-after')) > 0 && !!w.body?.error?.message,
    ),
    warming[0]?.body?.error?.message ?? 'no 503 seen',
  );
  const devops = ownership.body.roles?.find((r: any) => r.role === 'devops');
  report.check(
    'the DevOps role of the example component is its spec.owner',
    devops?.status === 'covered' &&
      devops.owner?.ref === 'group:default/guests' &&
      devops.provenance?.source === 'default',
    JSON.stringify(devops),
  );

  for (const path of [
    '/api/ownership/v1/groups/default/guests/responsibilities',
    '/api/ownership/v1/lookup?q=guest',
    '/api/ownership/v1/coverage',
    '/api/ownership/v1/topology',
  ]) {
    const res = await get(path);
    report.check(`GET ${path}`, res.status === 200, `${res.status}`);
  }
  const holds = await get(
    '/api/ownership/v1/groups/default/guests/responsibilities',
  );
  report.check(
    'the guests team holds the example component',
    JSON.stringify(holds.body).includes(COMPONENT),
  );
}

/** The SLO of the guide, through the catalog module and the SLO backend. */
async function checkSlos(
  { get, until }: BackendClient,
  startedAt: number,
  report: Report,
) {
  const entity = await until(
    'the example SLO in the catalog',
    120_000,
    async () => {
      const res = await get(
        '/api/catalog/entities/by-name/slo/default/example-website-availability',
      );
      const measures = (res.body?.relations ?? []).some(
        (r: any) => r.type === 'measures' && r.targetRef === COMPONENT,
      );
      return res.status === 200 && measures ? res : undefined;
    },
  );
  report.check(
    'the OpenSLO module made the SLO an entity that measures the component',
    !!entity,
  );

  const entitySlos = await get(
    '/api/slo/v1/entities/component/default/example-website/slos',
  );
  report.check(
    'GET /api/slo/v1/entities/component/default/example-website/slos',
    entitySlos.status === 200 &&
      entitySlos.body.items?.map((i: any) => i.ref).join() === SLO,
    `${entitySlos.status} ${JSON.stringify(entitySlos.body).slice(0, 200)}`,
  );
  const one = await get(
    '/api/slo/v1/slos/default/example-website-availability',
  );
  report.check(
    'GET /api/slo/v1/slos/default/example-website-availability',
    one.status === 200 && one.body.objectives?.length === 1,
    `${one.status} status ${one.body?.status}`,
  );
  for (const path of [
    '/api/slo/v1/slos/default/example-website-availability/history',
    '/api/slo/v1/slos/default/example-website-availability/timeline',
    '/api/slo/v1/entities/component/default/example-website/policy',
  ]) {
    const res = await get(path);
    report.check(`GET ${path}`, res.status === 200, `${res.status}`);
  }
  const fleetWarming: Answer[] = [];
  const fleet = await until('the SLO in the fleet list', 120_000, async () => {
    const res = await get('/api/slo/v1/slos');
    if (res.status === 503) fleetWarming.push(res);
    return res.status === 200 && res.body.items?.some((i: any) => i.ref === SLO)
      ? res
      : undefined;
  });
  report.figure(
    'the example SLO in the fleet list after',
    `${seconds(Date.now() - startedAt)} from the backend's start`,
  );
  report.check(
    'GET /api/slo/v1/slos lists the example SLO (503 with Retry-After before)',
    fleetWarming.every(w => Number(w.headers.get('retry-after')) > 0) &&
      fleet.body.totalItems >= 1,
  );
}

async function checkActions({ get }: BackendClient, report: Report) {
  const actions = await get('/api/scaffolder/v2/actions');
  const ids: string[] = Array.isArray(actions.body)
    ? actions.body.map((a: any) => a.id)
    : [];
  const missing = ACTIONS.filter(a => !ids.includes(a));
  report.check(
    'the scaffolder has every Triad action',
    actions.status === 200 && missing.length === 0,
    missing.length
      ? `missing ${missing.join(', ')}`
      : `${ACTIONS.length} actions`,
  );
}

function checkBackendLog(backendLog: string, report: Report) {
  // eslint-disable-next-line no-control-regex
  const log = readFileSync(backendLog, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
  report.check(
    'the backend log has no registration conflicts',
    !/already registered|startup failed/i.test(log),
  );
  // The guide says what an app without an events backend shows at start.
  report.check(
    'without an events backend the ownership plugin warns as the guide says',
    /ownership warn Event subscribe request failed with status 404, events backend not found/.test(
      log,
    ),
  );
  const triadWarnings = log
    .split('\n')
    .filter(l => / (ownership|slo) warn /.test(l));
  report.figure(
    'warnings of the Triad plugins',
    triadWarnings.map(l => l.replace(/^\S+ /, '')).join(' | ') || 'none',
  );
}
