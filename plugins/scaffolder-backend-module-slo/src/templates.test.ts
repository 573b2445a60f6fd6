/*
 * The example templates (examples/templates/*) run by the real scaffolder
 * backend with both Triad action modules: every step's action must exist and
 * accept its input, the dry run (what the template editor does) must pass,
 * and real runs must complete.
 *
 * @backstage/plugin-scaffolder-backend, the catalog mock and the ownership
 * module are workspace packages hoisted to the repository root; they are not
 * in this package's devDependencies (see the README), hence the lint
 * exceptions below.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderModuleOwnership from '@triad/plugin-scaffolder-backend-module-ownership';
import { PolicyDecision } from '@triad/plugin-slo-common';
import { readFileSync, readdirSync, statSync } from 'fs';
import { AddressInfo } from 'net';
import { join, relative, resolve } from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { scaffolderModuleSlo } from './module';
import { runPromtool } from '@triad/test-utils';

const TEMPLATES_DIR = resolve(__dirname, '../../../examples/templates');
const TEMPLATES = readdirSync(TEMPLATES_DIR).filter(name =>
  statSync(join(TEMPLATES_DIR, name, 'template.yaml'), {
    throwIfNoEntry: false,
  }),
);

function loadTemplate(name: string) {
  const path = join(TEMPLATES_DIR, name, 'template.yaml');
  const template = parse(readFileSync(path, 'utf8'));
  template.metadata.namespace = 'default';
  template.metadata.annotations = {
    'backstage.io/managed-by-location': `file:${path}`,
    'backstage.io/managed-by-origin-location': `file:${path}`,
  };
  return template;
}

/** The form's defaults, plus what a user has to type. */
function formValues(template: any, typed: Record<string, unknown>) {
  const values: Record<string, unknown> = {};
  for (const page of [template.spec.parameters].flat()) {
    for (const [key, property] of Object.entries<any>(page.properties ?? {})) {
      if (property.default !== undefined) values[key] = property.default;
    }
  }
  return { ...values, ...typed };
}

const TYPED: Record<string, Record<string, unknown>> = {
  'service-with-slos': {
    name: 'invoice-service',
    system: 'system:default/checkout',
  },
  'add-slos': {},
  'register-team': {
    name: 'data-platform',
    teamType: 'platform',
    disciplines: ['platform', 'sre'],
    interactions: [
      { with: 'group:default/checkout-team', mode: 'x-as-a-service' },
      {
        with: 'group:default/payments-team',
        mode: 'collaboration',
        until: '2027-03-31',
      },
    ],
  },
};

/** What each dry run leaves in its workspace (the editor shows these). */
const DRY_RUN_FILES: Record<string, string[]> = {
  'add-slos': ['openslo/checkout-service.yaml'],
  'register-team': ['teams/data-platform.yaml'],
  'service-with-slos': [
    'README.md',
    'catalog-info.yaml',
    'package.json',
    'prometheus/slo-rules.yaml',
    'slos.yaml',
    'src/server.js',
  ],
};

/** spec of the catalog file a dry run writes, with no system chosen. */
const DRY_RUN_SPECS: Record<string, unknown> = {
  'service-with-slos': {
    type: 'service',
    lifecycle: 'experimental',
    owner: 'group:default/checkout-team',
    responsibilities: [
      { role: 'sre', ref: 'group:default/sre-core' },
      { role: 'platform', ref: 'group:default/runtime-platform' },
    ],
  },
};

function directoryContents(name: string) {
  const root = join(TEMPLATES_DIR, name);
  const files: Array<{ path: string; base64Content: string }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        files.push({
          path: relative(root, full),
          base64Content: readFileSync(full).toString('base64'),
        });
      }
    }
  };
  walk(root);
  return files;
}

const decision: PolicyDecision = {
  entityRef: 'component:default/checkout-service',
  releaseAllowed: true,
  summary: 'Release allowed: no objective is out of budget or burning fast.',
  reasons: [],
  evaluatedAt: '2026-11-28T10:00:00.000Z',
};

/** Stand-ins for the SLO and ownership backends the actions call. */
const fakeBackend = (pluginId: string, answer: (path: string) => unknown) =>
  createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({
        deps: { http: coreServices.httpRouter },
        async init({ http }) {
          http.use((req: any, res: any) => {
            res.json(answer(req.path));
          });
        },
      });
    },
  });

const ref = (r: string) => {
  const [kind, rest] = r.split(':');
  const [namespace, name] = rest.split('/');
  return { ref: r, kind, namespace, name };
};

/*
 * Jest runs tests in a realm of their own while Node's fetch parses JSON in
 * the outer one, and the scaffolder's templating refuses arrays of a foreign
 * realm. Parse response bodies here, as a single-realm backend would.
 */
const outerFetch = global.fetch;
beforeAll(() => {
  global.fetch = (async (...args: Parameters<typeof fetch>) => {
    const response = await outerFetch(...args);
    const text = await response.text();
    return {
      ok: response.ok,
      status: response.status,
      statusText: response.statusText,
      url: response.url,
      headers: response.headers,
      text: async () => text,
      json: async () => JSON.parse(text),
    };
  }) as unknown as typeof fetch;
});
afterAll(() => {
  global.fetch = outerFetch;
});

/** How often the scaffolder polls a running task's events (1.55: every second). */
const SCAFFOLDER_EVENT_POLL_MS = 1000;

describe('example templates', () => {
  // Backstage's default in-memory SQLite is never closed and would hold the
  // test worker open, so the backend gets a database the test destroys. The
  // scaffolder keeps polling each task's events until it has read the task's
  // completion, so the database goes only after it has read every completion
  // and its last poll interval has passed.
  let backend: TestBackend | undefined;
  const awaitingCompletion = new Set<string>();
  afterAll(async () => {
    await backend?.stop();
    while (awaitingCompletion.size > 0) {
      await new Promise(r => setTimeout(r, SCAFFOLDER_EVENT_POLL_MS / 10));
    }
    await new Promise(r => setTimeout(r, 2 * SCAFFOLDER_EVENT_POLL_MS));
  });
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  async function taskDatabase() {
    const knex = await databases.init('SQLITE_3');
    knex.on(
      'query-response',
      (rows: unknown, query: { sql: string; bindings?: unknown[] }) => {
        if (!query.sql.includes('from `task_events`') || !Array.isArray(rows))
          return;
        const taskId = String(query.bindings?.[0]);
        if (rows.some(r => r.event_type === 'completion')) {
          awaitingCompletion.delete(taskId);
        } else {
          awaitingCompletion.add(taskId);
        }
      },
    );
    return knex;
  }
  let baseUrl: string;
  let actions: Array<{ id: string; schema: { input: any } }>;

  /** A request to the scaffolder API as the mock user. */
  async function api(method: string, path: string, body?: unknown) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: mockCredentials.user.header(),
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  beforeAll(async () => {
    const templates = TEMPLATES.map(loadTemplate);
    backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        mockServices.database.factory({ knex: await taskDatabase() }),
        // No database-polling scheduler that would outlive the backend.
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        scaffolderModuleSlo,
        scaffolderModuleOwnership,
        catalogServiceMock.factory({
          entities: [
            ...templates,
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'checkout-service', namespace: 'default' },
              spec: {
                type: 'service',
                lifecycle: 'production',
                owner: 'checkout-team',
              },
            },
          ],
        }),
        // Stopping waits for the task workers, so none asks the database
        // for work after it is gone.
        mockServices.rootConfig.factory({
          data: { scaffolder: { EXPERIMENTAL_gracefulShutdown: true } },
        }),
        fakeBackend('slo', path => {
          const name = /^\/v1\/entities\/[^/]+\/[^/]+\/([^/]+)\/policy$/.exec(
            path,
          )?.[1];
          return { ...decision, entityRef: `component:default/${name}` };
        }),
        fakeBackend('ownership', () => ({
          entity: ref('component:default/checkout-service'),
          roles: [
            {
              role: 'devops',
              title: 'DevOps',
              status: 'covered',
              owner: ref('group:default/checkout-team'),
              provenance: { source: 'default', path: [] },
            },
            {
              role: 'sre',
              title: 'SRE',
              status: 'covered',
              owner: ref('group:default/sre-core'),
              provenance: { source: 'inherited', path: [] },
            },
            {
              role: 'platform',
              title: 'Platform',
              status: 'uncovered',
              searched: [],
            },
          ],
          indexedAt: '2026-11-28T10:00:00.000Z',
        })),
      ],
    });
    baseUrl = `http://localhost:${
      (backend.server.address() as AddressInfo).port
    }/api/scaffolder`;
    const response = await api('GET', '/v2/actions');
    if (response.status !== 200) {
      throw new Error(
        `listing actions failed: ${JSON.stringify(response.body)}`,
      );
    }
    actions = response.body;
  });

  it('finds the three templates', () => {
    expect(TEMPLATES.sort()).toEqual([
      'add-slos',
      'register-team',
      'service-with-slos',
    ]);
  });

  it.each(TEMPLATES)(
    '%s: every step uses a registered action that supports dry runs, with known input fields',
    name => {
      const template = loadTemplate(name);
      const problems: string[] = [];
      // Fields the action's JSON schema does not know are typos: the runner
      // would refuse them (additionalProperties: false).
      const check = (value: unknown, schema: any, path: string) => {
        if (!schema || typeof value !== 'object' || value === null) return;
        if (Array.isArray(value)) {
          value.forEach((v, i) => check(v, schema.items, `${path}[${i}]`));
          return;
        }
        const options = [schema, ...(schema.anyOf ?? [])];
        const properties = Object.assign(
          {},
          ...options.map((o: any) => o.properties ?? {}),
        );
        if (!Object.keys(properties).length) return;
        for (const [key, v] of Object.entries(value)) {
          if (!(key in properties))
            problems.push(`${path}.${key} is not an input`);
          else check(v, properties[key], `${path}.${key}`);
        }
      };
      for (const step of template.spec.steps) {
        const action = actions.find(a => a.id === step.action);
        if (!action) {
          problems.push(`${step.id}: no action ${step.action}`);
          continue;
        }
        check(step.input ?? {}, action.schema.input, step.id);
      }
      expect(problems).toEqual([]);
      expect(
        template.spec.steps
          .map((s: any) => s.action)
          .filter((id: string) => !['fetch:template', 'debug:log'].includes(id))
          .every(
            (id: string) =>
              id.startsWith('slo:') || id.startsWith('ownership:'),
          ),
      ).toBe(true);
    },
  );

  it('would catch a misspelt action or input', () => {
    expect(actions.find(a => a.id === 'slo:openslo:craete')).toBeUndefined();
    expect(
      actions.find(a => a.id === 'slo:openslo:create')!.schema.input.properties,
    ).not.toHaveProperty('taget');
  });

  it.each(TEMPLATES)(
    '%s: the dry run of the template editor passes',
    async name => {
      const template = loadTemplate(name);
      // The real runs below fill in every field; here optional ones stay empty.
      const { system: _system, ...values } = formValues(template, TYPED[name]);
      const response = await api('POST', '/v2/dry-run', {
        template,
        values,
        directoryContents: directoryContents(name),
      });
      const log = (response.body.log ?? [])
        .map((l: any) => l.body.message)
        .join('\n');
      expect([response.status, response.body.error?.message ?? '']).toEqual([
        200,
        '',
      ]);
      expect(log).not.toMatch(/Skipping because .* does not support dry-run/);
      const files = response.body.directoryContents.map((f: any) => f.path);
      expect(files.sort()).toEqual(DRY_RUN_FILES[name]);
      const catalog = response.body.directoryContents.find(
        (f: any) => f.path === 'catalog-info.yaml',
      );
      const spec = catalog
        ? parseAllDocuments(
            Buffer.from(catalog.base64Content, 'base64').toString(),
          )[0].toJS().spec
        : undefined;
      expect(spec).toEqual(DRY_RUN_SPECS[name]);
      expect(response.body.output.text.length).toBeGreaterThan(0);
    },
    60_000,
  );

  async function runTask(name: string, values: Record<string, unknown> = {}) {
    const template = loadTemplate(name);
    const created = await api('POST', '/v2/tasks', {
      templateRef: `template:default/${template.metadata.name}`,
      values: formValues(template, { ...TYPED[name], ...values }),
    });
    expect(created.status).toBe(201);
    for (let i = 0; i < 300; i++) {
      const task = await api('GET', `/v2/tasks/${created.body.id}`);
      if (task.body.status === 'completed') {
        // The rendered output travels with the completion event.
        const events = await api('GET', `/v2/tasks/${created.body.id}/events`);
        return events.body.find((e: any) => e.type === 'completion').body
          .output;
      }
      if (task.body.status === 'failed') {
        const events = await api('GET', `/v2/tasks/${created.body.id}/events`);
        throw new Error(events.body.map((e: any) => e.body.message).join('\n'));
      }
      await new Promise(r => setTimeout(r, 100));
    }
    throw new Error(`task of ${name} did not finish`);
  }

  const fenced = (content: string) =>
    /```yaml\n([\s\S]*?)```/.exec(content)?.[1] ?? '';

  it('service-with-slos: a real run completes with responsibilities, SLOs and rules', async () => {
    const output = await runTask('service-with-slos');
    if (process.env.SHOW_OUTPUT)
      console.log(output.text.map((t: any) => t.content).join('\n'));
    const [catalogText, slosText, rulesText] = output.text.map((t: any) =>
      fenced(t.content),
    );
    const catalog = parseAllDocuments(catalogText).map(d => d.toJS());
    expect(catalog[0]).toMatchObject({
      kind: 'Component',
      metadata: { name: 'invoice-service' },
      spec: {
        owner: 'group:default/checkout-team',
        system: 'system:default/checkout',
        responsibilities: [
          { role: 'sre', ref: 'group:default/sre-core' },
          { role: 'platform', ref: 'group:default/runtime-platform' },
        ],
      },
    });
    expect(catalog[1]).toMatchObject({
      kind: 'Location',
      spec: { targets: ['./slos.yaml'] },
    });
    // The skeleton's comments survive the edits.
    expect(catalogText).toContain('# The job label of the service');
    expect(
      parseAllDocuments(slosText).map(d => d.toJS().metadata.name),
    ).toEqual(['invoice-service-availability', 'invoice-service-latency']);
    const rules = await runPromtool(['check', 'rules', 'rules.yaml'], {
      'rules.yaml': rulesText,
    });
    expect(rules.output).toContain('SUCCESS: 26 rules found');
    expect(output.links).toEqual([
      {
        title: 'Owner',
        icon: 'group',
        entityRef: 'group:default/checkout-team',
      },
    ]);
  });

  it('add-slos: imports a pasted Sloth spec instead of writing new SLOs', async () => {
    // Written for this test from Sloth's prometheus/v1 spec.
    const importSpec = `version: prometheus/v1
service: checkout
slos:
  - name: requests
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(checkout_requests_total{code=~"5.."}[{{.window}}]))
        total_query: sum(rate(checkout_requests_total[{{.window}}]))
    alerting:
      name: CheckoutRequests
`;
    const output = await runTask('add-slos', { importSpec });
    const text = (title: string) =>
      output.text.find((t: any) => t.title === title);
    const [slos, notes, rules] = [
      text('SLOs'),
      text('Not carried over from Sloth or Pyrra'),
      text('Prometheus rules'),
    ];
    const docs = parseAllDocuments(fenced(slos.content)).map(d => d.toJS());
    expect(docs.map(d => [d.metadata.name, d.spec.service])).toEqual([
      ['checkout-requests', 'component:default/checkout-service'],
    ]);
    expect(notes.content).toContain(
      'slos[0].alerting.name: Triad names the alerts after the SLO',
    );
    const check = await runPromtool(['check', 'rules', 'rules.yaml'], {
      'rules.yaml': fenced(rules.content),
    });
    expect(check.output).toContain('SUCCESS: 13 rules found');
  });

  it('add-slos and register-team: real runs complete', async () => {
    const slos = await runTask('add-slos');
    expect(slos.text[0].content).toContain(
      'name: checkout-service-availability',
    );
    expect(slos.text[1].content).toContain('**SRE**: group:default/sre-core');
    const team = await runTask('register-team');
    const group = parse(fenced(team.text[0].content));
    expect(group.spec.topology).toEqual({
      type: 'platform',
      disciplines: ['platform', 'sre'],
      interactions: [
        { with: 'group:default/checkout-team', mode: 'x-as-a-service' },
        {
          with: 'group:default/payments-team',
          mode: 'collaboration',
          until: '2027-03-31',
        },
      ],
    });
  });
});
