/*
 * triad-slo gate as a pipeline runs it, against a local HTTP server that
 * speaks the SLO backend's documented policy API
 * (plugins/slo-backend/src/schema/openapi.yaml): Backstage's error format,
 * bearer tokens, and the policy decision as the backend words it.
 */
import { IncomingMessage, Server, ServerResponse, createServer } from 'http';
import { AddressInfo } from 'net';
import { PolicyDecision } from '@triad/plugin-slo-common';
import { runCli } from './__testUtils__/runCli';

const TOKEN = 'pipeline-token';

const BLOCKED: PolicyDecision = {
  entityRef: 'component:default/payments-gateway',
  releaseAllowed: false,
  summary:
    'Release blocked: Payments gateway availability has 0.0 % of its error budget left, below the policy minimum of 10.0 %.',
  reasons: [
    {
      sloRef: 'slo:default/payments-gateway-availability',
      blocking: true,
      message:
        'Payments gateway availability has 0.0 % of its error budget left, below the policy minimum of 10.0 %',
    },
    {
      sloRef: 'slo:default/payments-gateway-latency',
      blocking: false,
      message: 'Payments gateway latency has 82.5 % of its error budget left',
    },
  ],
  evaluatedAt: '2026-12-05T06:00:00.000Z',
  policy: {
    minRemainingBudget: 0.1,
    blockOnPageAlert: true,
    source: 'team',
    sources: { minRemainingBudget: 'team', blockOnPageAlert: 'default' },
    teamRef: 'group:default/payments-team',
    problems: [],
  },
};

const ALLOWED: PolicyDecision = {
  entityRef: 'component:default/checkout-service',
  releaseAllowed: true,
  summary: 'Release allowed: no objective is out of budget or burning fast.',
  reasons: [
    {
      sloRef: 'slo:default/checkout-availability',
      blocking: false,
      message: 'Checkout availability has 96.4 % of its error budget left',
    },
  ],
  evaluatedAt: '2026-12-05T06:00:00.000Z',
  policy: {
    minRemainingBudget: 0.05,
    blockOnPageAlert: true,
    source: 'service',
    sources: { minRemainingBudget: 'service', blockOnPageAlert: 'default' },
    problems: [
      'annotation triad.dev/release-gate-policy: blockOnPageAlert: "maybe" is not true or false',
    ],
  },
};

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

function listen(handler: Handler): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  return new Promise(resolve =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      }),
    ),
  );
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Backstage's error body: `{ error: { name, message }, response: { statusCode } }`. */
function sendError(
  res: ServerResponse,
  status: number,
  name: string,
  message: string,
) {
  sendJson(res, status, {
    error: { name, message },
    response: { statusCode: status },
  });
}

describe('triad-slo gate', () => {
  let server: Server;
  let url: string;
  const requests: Array<{ url?: string; auth?: string }> = [];
  /** What the backend does for the next requests. */
  let mode: 'normal' | 'failing' = 'normal';

  beforeAll(async () => {
    ({ server, url } = await listen((req, res) => {
      requests.push({ url: req.url, auth: req.headers.authorization });
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        sendError(res, 401, 'AuthenticationError', 'Illegal token');
        return;
      }
      if (mode === 'failing') {
        sendError(res, 500, 'Error', 'connect ECONNREFUSED 10.0.0.5:5432');
        return;
      }
      const match =
        /^\/api\/slo\/v1\/entities\/([^/]+)\/([^/]+)\/([^/]+)\/policy$/.exec(
          req.url ?? '',
        );
      const ref = match && `${match[1]}:${match[2]}/${match[3]}`;
      const decision = [BLOCKED, ALLOWED].find(d => d.entityRef === ref);
      if (decision) sendJson(res, 200, decision);
      else sendError(res, 404, 'NotFoundError', `No entity ${ref} found`);
    }));
  });
  afterAll(() => new Promise(r => server.close(r)));
  beforeEach(() => {
    requests.length = 0;
    mode = 'normal';
  });

  const gate = (args: string[], env: Record<string, string> = {}) =>
    runCli(['gate', ...args], { env: { TRIAD_SLO_TOKEN: TOKEN, ...env } });

  it('exits 1 for a blocked release, with the reasons', async () => {
    const result = await gate([
      '--url',
      url,
      'component:default/payments-gateway',
    ]);
    expect(result).toEqual({
      code: 1,
      stdout: [
        `component:default/payments-gateway: ${BLOCKED.summary}`,
        '  policy: blocks below 10 % of error budget left (from the config of the owning team group:default/payments-team (slo.policy.teams)) and while a page alert fires (from the default policy (slo.policy))',
        `  blocking: ${BLOCKED.reasons[0].message}`,
        `  ok: ${BLOCKED.reasons[1].message}`,
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(requests).toEqual([
      {
        url: '/api/slo/v1/entities/component/default/payments-gateway/policy',
        auth: `Bearer ${TOKEN}`,
      },
    ]);
  });

  it('annotates the blocking reasons for GitHub Actions with --github', async () => {
    const result = await gate([
      '--url',
      `${url}/api/slo/`,
      '--github',
      'component:payments-gateway',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').filter(l => l.startsWith('::'))).toEqual([
      // Property values escape ':' and ',', the message escapes '%'.
      '::error title=Release gate%3A component%3Apayments-gateway::Payments gateway availability has 0.0 %25 of its error budget left, below the policy minimum of 10.0 %25',
    ]);
    expect(requests[0].url).toBe(
      '/api/slo/v1/entities/component/default/payments-gateway/policy',
    );
  });

  it('exits 0 for an allowed release, warning of a policy annotation the backend could not read', async () => {
    const warning =
      'annotation triad.dev/release-gate-policy: blockOnPageAlert: "maybe" is not true or false';
    const result = await gate([
      '--url',
      url,
      '--github',
      'component:default/checkout-service',
    ]);
    expect(result).toEqual({
      code: 0,
      stdout: [
        `component:default/checkout-service: ${ALLOWED.summary}`,
        "  policy: blocks below 5 % of error budget left (from the service's annotation triad.dev/release-gate-policy) and while a page alert fires (from the default policy (slo.policy))",
        `::warning::${warning}`,
        `  ok: ${ALLOWED.reasons[0].message}`,
        '',
      ].join('\n'),
      stderr: `warning: ${warning}\n`,
    });
  });

  it('reads the decision of a backend that does not say its policy', async () => {
    const { policy, ...older } = BLOCKED;
    const old = await listen((_req, res) => sendJson(res, 200, older));
    try {
      expect(
        await gate(['--url', old.url, 'component:default/payments-gateway']),
      ).toEqual({
        code: 1,
        stdout: [
          `component:default/payments-gateway: ${BLOCKED.summary}`,
          `  blocking: ${BLOCKED.reasons[0].message}`,
          `  ok: ${BLOCKED.reasons[1].message}`,
          '',
        ].join('\n'),
        stderr: '',
      });
    } finally {
      await new Promise(r => old.server.close(r));
    }
  });

  it('exits 2 for an entity the backend does not know, whatever --on-error says', async () => {
    for (const onError of [[], ['--on-error', 'allow']]) {
      expect(
        await gate(['--url', url, ...onError, 'component:default/typo']),
      ).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'error: the backend cannot decide for component:default/typo (404): No entity component:default/typo found\n',
      });
    }
  });

  it('exits 2 without a token or with a refused one, and for a malformed reference', async () => {
    expect(
      await gate(['--url', url, 'component:default/checkout-service'], {
        TRIAD_SLO_TOKEN: '',
      }),
    ).toMatchObject({
      code: 2,
      stderr:
        'error: a token is required: --token <token> or the TRIAD_SLO_TOKEN environment variable\n',
    });
    expect(
      await gate([
        '--url',
        url,
        '--token',
        'stolen',
        '--on-error',
        'allow',
        'component:default/checkout-service',
      ]),
    ).toMatchObject({
      code: 2,
      stderr: 'error: the backend refused the token (401): Illegal token\n',
    });
    expect(await gate(['--url', url, 'checkout-service'])).toMatchObject({
      code: 2,
      stderr:
        'error: "checkout-service" is not an entity reference such as component:default/checkout-service\n',
    });
    expect(
      await gate(['--url', url, '--on-error', 'maybe', 'component:x']),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        "option '--on-error <choice>' argument 'maybe' is invalid. Allowed choices are allow, block.",
      ),
    });
    expect(requests.map(r => r.auth)).toEqual(['Bearer stolen']);
  });

  describe('when the backend cannot answer', () => {
    let downUrl: string;
    beforeAll(async () => {
      // A port that was just free: nothing listens there.
      const closed = await listen(() => {});
      downUrl = closed.url;
      await new Promise(r => closed.server.close(r));
    });

    const ref = 'component:default/payments-gateway';

    it('exits 2 by default, saying how to choose', async () => {
      expect(await gate(['--url', downUrl, ref])).toEqual({
        code: 2,
        stdout: '',
        stderr: `error: cannot reach ${downUrl}/api/slo: ECONNREFUSED; the release gate could not decide (choose with --on-error allow|block)\n`,
      });
      mode = 'failing';
      expect(await gate(['--url', url, ref])).toEqual({
        code: 2,
        stdout: '',
        stderr: `error: the backend failed (500): connect ECONNREFUSED 10.0.0.5:5432; the release gate could not decide (choose with --on-error allow|block)\n`,
      });
    });

    it('exits 0 with --on-error allow, warning', async () => {
      expect(
        await gate(['--url', downUrl, '--on-error', 'allow', '--github', ref]),
      ).toEqual({
        code: 0,
        stdout: `::warning title=Release gate%3A component%3Adefault/payments-gateway::cannot reach ${downUrl}/api/slo: ECONNREFUSED; release allowed without a decision (--on-error allow)\n`,
        stderr: `warning: cannot reach ${downUrl}/api/slo: ECONNREFUSED; release allowed without a decision (--on-error allow)\n`,
      });
      mode = 'failing';
      expect(
        await gate(['--url', url, '--on-error', 'allow', ref]),
      ).toMatchObject({
        code: 0,
        stderr: `warning: the backend failed (500): connect ECONNREFUSED 10.0.0.5:5432; release allowed without a decision (--on-error allow)\n`,
      });
    });

    it('exits 1 with --on-error block', async () => {
      expect(
        await gate(['--url', downUrl, '--on-error', 'block', ref]),
      ).toEqual({
        code: 1,
        stdout: '',
        stderr: `error: cannot reach ${downUrl}/api/slo: ECONNREFUSED; release blocked without a decision (--on-error block)\n`,
      });
      mode = 'failing';
      expect(
        await gate(['--url', url, '--on-error', 'block', '--github', ref]),
      ).toMatchObject({
        code: 1,
        stdout: expect.stringMatching(
          /^::error title=Release gate%3A .*::the backend failed \(500\): .*; release blocked without a decision \(--on-error block\)\n$/,
        ),
      });
    });

    it('gives up on a backend that never answers after --timeout', async () => {
      // Accepts the connection and says nothing: only the timeout ends it.
      const silent = await listen(() => {});
      try {
        expect(
          await gate([
            '--url',
            silent.url,
            '--timeout',
            '1s',
            '--on-error',
            'block',
            ref,
          ]),
        ).toMatchObject({
          code: 1,
          stderr: `error: cannot reach ${silent.url}/api/slo: no answer in time; release blocked without a decision (--on-error block)\n`,
        });
      } finally {
        silent.server.closeAllConnections();
        await new Promise(r => silent.server.close(r));
      }
    });
  });
});
