import { HIDDEN_NAMES } from '../lib/fixtures';
import { Answer, call } from '../lib/http';
import { ScenarioReport } from '../lib/report';
import { Api, describe, MainSetup } from '../suite/context';

const mentionsHidden = (a: Answer) =>
  HIDDEN_NAMES.filter(name => a.text.includes(name));

/** Endpoints that name a hidden entity in the path: 404 for the user, 200 for the suite. */
const HIDDEN_PAGES = [
  '/api/catalog/entities/by-name/component/default/svc-hidden',
  '/api/slo/v1/slos/default/slo-hidden',
  '/api/slo/v1/slos/default/slo-hidden/history',
  '/api/slo/v1/slos/default/slo-hidden/timeline',
  '/api/slo/v1/entities/component/default/svc-hidden/slos',
  '/api/slo/v1/entities/component/default/svc-hidden/policy',
  '/api/ownership/v1/entities/component/default/svc-hidden',
  '/api/ownership/v1/groups/default/team-hidden/responsibilities',
];

/** Lists and pages that include hidden entities for the suite but must not for the user. */
const LISTS = [
  '/api/slo/v1/slos',
  '/api/slo/v1/slos?owner=group:default/team-a',
  '/api/slo/v1/slos?status=no-data',
  '/api/ownership/v1/groups/default/team-a/responsibilities',
  '/api/ownership/v1/groups/default/team-platform/responsibilities',
  '/api/ownership/v1/lookup?q=hidden',
  '/api/ownership/v1/lookup?q=team',
  '/api/ownership/v1/lookup?q=svc',
  '/api/ownership/v1/topology',
];

/** Pages of visible entities whose answers could mention hidden ones. */
const VISIBLE_PAGES = [
  '/api/ownership/v1/coverage',
  '/api/ownership/v1/entities/component/default/svc-prom',
  '/api/ownership/v1/entities/resource/default/db-a',
  '/api/ownership/v1/lookup?q=alice',
  '/api/slo/v1/entities/component/default/svc-builtin/slos',
  '/api/slo/v1/entities/group/default/team-a/slos',
];

/**
 * 6. Permissions: the policy of the suite's backend hides entities labelled
 * triad.test/hidden from users, and denies them slo.samples.create.
 */
export async function permissions({ api }: MainSetup, report: ScenarioReport) {
  // Make sure every hidden SLO has been evaluated, so the lists would hold it.
  await api.service('/api/slo/v1/slos/default/slo-hidden');
  await api.service('/api/slo/v1/slos/default/slo-builtin');
  report.tried(
    `the same requests as the user (alice, policy: no entity labelled triad.test/hidden) and as the suite's service token; hidden: ${HIDDEN_NAMES.join(
      ', ',
    )}`,
  );
  await checkHiddenPages(api, report);
  await checkLists(api, report);
  await checkPaging(api, report);
  await checkCoverage(api, report);
  await checkIngestPermission(api, report);
  await checkTokens(api, report);
}

/** A probe for the ingest endpoint: one sample a minute ago. */
const probeSample = () => ({
  samples: [
    {
      series: 'permissions/probe',
      timestamp: Date.now() - 60_000,
      good: 1,
      total: 1,
    },
  ],
});

/** A hidden entity must look exactly like one that does not exist. */
async function checkHiddenPages(api: Api, report: ScenarioReport) {
  const missing = (path: string) => path.replace(/-hidden\b/g, '-missing');
  const pageProblems: string[] = [];
  for (const path of HIDDEN_PAGES) {
    const [user, service, absent] = [
      await api.user(path),
      await api.service(path),
      await api.user(missing(path)),
    ];
    report.add('requests', 3);
    if (service.status !== 200) {
      pageProblems.push(`${path}: the suite got ${describe(service)}`);
    }
    if (user.status !== 404 || missing(user.text) !== absent.text) {
      pageProblems.push(
        `${path}: the user got ${describe(
          user,
        )}, for a missing entity ${describe(absent)}`,
      );
    }
  }
  report.held(
    'every page of a hidden entity is 404 for the user, as for a missing one',
    pageProblems.length === 0,
    pageProblems.length
      ? pageProblems.join('; ')
      : `${HIDDEN_PAGES.length} pages: 404 for the user, 200 for the suite`,
  );
}

async function checkLists(api: Api, report: ScenarioReport) {
  const listProblems: string[] = [];
  for (const path of [...LISTS, ...VISIBLE_PAGES]) {
    const [user, service] = [await api.user(path), await api.service(path)];
    report.add('requests', 2);
    if (user.status !== 200) {
      listProblems.push(`${path}: the user got ${describe(user)}`);
    } else if (mentionsHidden(user).length) {
      listProblems.push(
        `${path}: the user sees ${mentionsHidden(user).join(', ')}`,
      );
    }
    if (LISTS.includes(path) && !mentionsHidden(service).length) {
      listProblems.push(`${path}: the suite does not see the hidden entities`);
    }
  }
  report.held(
    'hidden entities are left out of every list, lookup, coverage and topology',
    listProblems.length === 0,
    listProblems.length
      ? listProblems.join('; ')
      : `${LISTS.length} lists show hidden entities to the suite and none to the user; ${VISIBLE_PAGES.length} pages of visible entities mention none`,
  );
}

/** Every page of the fleet list, one SLO per page. */
async function checkPaging(api: Api, report: ScenarioReport) {
  const first = await api.user('/api/slo/v1/slos?limit=1');
  const all = await api.service('/api/slo/v1/slos?limit=1');
  const userTotal: number = first.body?.totalItems ?? -1;
  const serviceTotal: number = all.body?.totalItems ?? -1;
  const seen: string[] = [];
  for (let offset = 0; offset < userTotal; offset++) {
    const page = await api.user(`/api/slo/v1/slos?limit=1&offset=${offset}`);
    report.add('requests');
    seen.push(...(page.body?.items ?? []).map((s: any) => s.name));
  }
  report.held(
    'paging through the fleet list never reaches a hidden SLO',
    userTotal === serviceTotal - 1 &&
      seen.length === userTotal &&
      !seen.includes('slo-hidden'),
    `user: ${userTotal} SLOs on ${userTotal} pages (${seen.join(
      ', ',
    )}); suite: ${serviceTotal}`,
  );
}

async function checkCoverage(api: Api, report: ScenarioReport) {
  const coverage = [
    await api.user('/api/ownership/v1/coverage'),
    await api.service('/api/ownership/v1/coverage'),
  ].map(a => a.body?.roles?.[0]?.total);
  report.held(
    'coverage counts only what the user may read',
    coverage[0] === coverage[1] - 1,
    `production components: ${coverage[0]} for the user, ${coverage[1]} for the suite`,
  );
}

/** Ingest needs the permission. */
async function checkIngestPermission(api: Api, report: ScenarioReport) {
  const sample = probeSample();
  const asUser = await api.user('/api/slo/v1/samples', { json: sample });
  const asService = await api.service('/api/slo/v1/samples', { json: sample });
  report.add('requests', 2);
  report.held(
    'ingest without slo.samples.create is 403; the service token may push',
    asUser.status === 403 &&
      /slo\.samples\.create/.test(asUser.body?.error?.message ?? '') &&
      asService.status === 202,
    `user: ${describe(asUser)}; service: ${asService.status}`,
  );
}

/** Every endpoint needs a token. */
async function checkTokens(api: Api, report: ScenarioReport) {
  const sample = probeSample();
  const everyEndpoint = [
    ...HIDDEN_PAGES.filter(p => !p.startsWith('/api/catalog')),
    ...LISTS,
    ...VISIBLE_PAGES,
  ];
  const forged =
    'eyJ0eXAiOiJ2bmQuYmFja3N0YWdlLnVzZXIiLCJhbGciOiJFUzI1NiIsImtpZCI6IngifQ.eyJzdWIiOiJ1c2VyOmRlZmF1bHQvYWRtaW4iLCJleHAiOjQxMDI0NDQ4MDB9.c2lnbmF0dXJl';
  const unauthenticated: string[] = [];
  let tried = 0;
  for (const [label, token] of [
    ['no token', undefined],
    ['a malformed token', 'not-a-token'],
    ['a forged user token', forged],
  ] as const) {
    for (const path of everyEndpoint) {
      const a = await call(api.url + path, { token });
      tried++;
      if (a.status !== 401)
        unauthenticated.push(`${label} ${path}: ${a.status}`);
    }
    const post = await call(`${api.url}/api/slo/v1/samples`, {
      token,
      json: sample,
    });
    tried++;
    if (post.status !== 401) {
      unauthenticated.push(`${label} POST /api/slo/v1/samples: ${post.status}`);
    }
  }
  report.add('requests', tried);
  report.held(
    'no token, a malformed or a forged token: 401 on every endpoint',
    unauthenticated.length === 0,
    unauthenticated.length
      ? unauthenticated.slice(0, 5).join('; ')
      : `${tried} requests, all 401`,
  );
}
