import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError, NotAllowedError } from '@backstage/errors';
import { validateOpenSloDocument } from '@triad/plugin-slo-common';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { createOpenSloImportAction } from './importSlosAction';
import { exampleInput, runAction } from '@triad/test-utils';

const action = createOpenSloImportAction();

// Written for this test from Sloth's prometheus/v1 spec.
const SLOTH = `version: prometheus/v1
service: checkout
slos:
  - name: requests
    objective: 99.5
    sli:
      events:
        error_query: sum(rate(checkout_requests_total{code=~"5.."}[{{.window}}]))
        total_query: sum(rate(checkout_requests_total[{{.window}}]))
    alerting:
      name: CheckoutRequests
      ticket_alert:
        disable: true
`;

// Written for this test from Pyrra's ServiceLevelObjective type.
const PYRRA = `apiVersion: pyrra.dev/v1alpha1
kind: ServiceLevelObjective
metadata:
  name: checkout-latency
spec:
  target: "99"
  window: 4w
  indicator:
    latency:
      success:
        metric: checkout_request_duration_seconds_bucket{le="0.3"}
      total:
        metric: checkout_request_duration_seconds_count
  alerting:
    absent: false
`;

describe('slo:openslo:import', () => {
  const mockDir = createMockDirectory();
  const workspacePath = () => join(mockDir.path, 'workspace');

  it('writes OpenSLO for pasted Sloth YAML and notes what it left behind', async () => {
    mockDir.setContent({ workspace: {} });
    const output = await runAction(
      action,
      {
        content: SLOTH,
        service: 'component:default/checkout-service',
        path: 'openslo/checkout-service.yaml',
      },
      { workspacePath: workspacePath() },
    );
    expect(output.path).toBe('openslo/checkout-service.yaml');
    expect(output.slos).toEqual(['checkout-requests']);
    expect(output.notes).toEqual([
      'Sloth service "checkout" SLO "requests": slos[0].alerting.name: Triad names the alerts after the SLO ("checkout-requests"), not "CheckoutRequests"',
      'Sloth service "checkout" SLO "requests": slos[0].alerting.ticket_alert.disable: no ticket conditions',
    ]);
    const written = readFileSync(
      join(workspacePath(), 'openslo/checkout-service.yaml'),
      'utf8',
    );
    expect(written).toBe(output.content);
    const [doc] = parseAllDocuments(written).map(d => d.toJS());
    expect(validateOpenSloDocument(doc).ok).toBe(true);
    expect(doc.spec.service).toBe('component:default/checkout-service');
    // Only the page alert's two conditions: the ticket alert is disabled.
    expect(
      doc.spec.alertPolicies[0].spec.conditions.map((c: any) => [
        c.spec.severity,
        c.spec.condition.lookbackWindow,
        c.spec.condition.threshold,
      ]),
    ).toEqual([
      ['page', '1h', 14.4],
      ['page', '6h', 6],
    ]);
  });

  it('reads Pyrra resources from workspace files', async () => {
    mockDir.setContent({ workspace: { deploy: { 'slo.yaml': PYRRA } } });
    const output = await runAction(
      action,
      { files: ['deploy/*.yaml'], dataSource: 'thanos' },
      { workspacePath: workspacePath() },
    );
    expect(output.path).toBe('openslo/imported.yaml');
    expect(output.slos).toEqual(['checkout-latency']);
    const [doc] = parseAllDocuments(output.content).map(d => d.toJS());
    expect(doc.spec.indicator.spec.ratioMetric.good.metricSource).toEqual({
      metricSourceRef: 'thanos',
      spec: { query: 'checkout_request_duration_seconds_bucket{le="0.3"}' },
    });
  });

  it('refuses missing input, nothing to import and paths outside the workspace', async () => {
    mockDir.setContent({ workspace: {} });
    const run = (input: Record<string, unknown>) =>
      runAction(action, input, { workspacePath: workspacePath() }).catch(
        e => e,
      );
    const none = await run({});
    expect(none).toBeInstanceOf(InputError);
    expect(none.message).toMatch(/^content: give the Sloth or Pyrra YAML/);
    const other = await run({ content: 'kind: Component\n' });
    expect(other.message).toBe(
      'content: no Sloth spec or Pyrra ServiceLevelObjective could be imported',
    );
    const outside = await run({ content: SLOTH, path: '../escape.yaml' });
    expect(outside).toBeInstanceOf(NotAllowedError);
    expect(outside.message).toMatch(/^path/);
  });

  it('runs its examples', async () => {
    mockDir.setContent({
      workspace: { deploy: { slos: { 'a.yaml': PYRRA } } },
    });
    const [pasted, files] = action.examples!.map(e => exampleInput(e.example));
    expect(files).toEqual({
      files: ['deploy/slos/*.yaml'],
      dataSource: 'thanos',
    });
    expect(
      (await runAction(action, files, { workspacePath: workspacePath() })).slos,
    ).toEqual(['checkout-latency']);
    expect(pasted.service).toBe('component:default/checkout-service');
  });
});
