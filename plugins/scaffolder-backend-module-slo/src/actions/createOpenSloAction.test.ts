import { createMockDirectory } from '@backstage/backend-test-utils';
import { validateOpenSloDocument } from '@triad/plugin-slo-common';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { CATALOG_INFO } from '../__testUtils__/fixtures';
import { createOpenSloCreateAction } from './createOpenSloAction';
import { exampleInput, runAction, snapshotDir } from '@triad/test-utils';

const action = createOpenSloCreateAction();

function documents(text: string) {
  return parseAllDocuments(text as string).map(d => d.toJS());
}

describe('slo:openslo:create', () => {
  const mockDir = createMockDirectory();
  const outside = createMockDirectory();
  const workspacePath = () => join(mockDir.path, 'workspace');
  const read = (path: string) =>
    readFileSync(join(workspacePath(), path), 'utf8');

  beforeEach(() => {
    mockDir.setContent({ workspace: { 'catalog-info.yaml': CATALOG_INFO } });
    outside.setContent({ 'secret.yaml': 'keep: me\n' });
  });

  it('appends the SLO to the catalog file and keeps every other byte', async () => {
    const output = await runAction(
      action,
      { service: 'checkout-service', target: 0.999, window: '28d' },
      { workspacePath: workspacePath() },
    );
    const text = read('catalog-info.yaml');
    expect(text.startsWith(CATALOG_INFO)).toBe(true);
    expect(text.slice(CATALOG_INFO.length)).toBe(`---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-service-availability
spec:
  service: checkout-service
  indicator:
    metadata:
      name: checkout-service-availability-sli
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            metricSourceRef: builtin
            spec:
              series: checkout-service/requests
        total:
          metricSource:
            metricSourceRef: builtin
            spec:
              series: checkout-service/requests
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: Requests without a server error
      target: 0.999
`);
    expect(output).toEqual({
      sloRef: 'slo:default/checkout-service-availability',
      name: 'checkout-service-availability',
      path: 'catalog-info.yaml',
      replaced: false,
      content: text,
    });
    const slo = documents(text)[2];
    expect(validateOpenSloDocument(slo).ok).toBe(true);
  });

  it('replaces its own SLO when run again instead of adding another', async () => {
    const input = { service: 'checkout-service', target: 0.999 };
    await runAction(action, input, { workspacePath: workspacePath() });
    const first = read('catalog-info.yaml');
    const again = await runAction(action, input, {
      workspacePath: workspacePath(),
    });
    expect(read('catalog-info.yaml')).toBe(first);
    expect(again.replaced).toBe(true);

    // Another SLO after it, then a changed target for the first one.
    await runAction(
      action,
      {
        service: 'checkout-service',
        type: 'latency',
        latencyThresholdMs: 300,
        target: 0.99,
      },
      { workspacePath: workspacePath() },
    );
    const withLatency = read('catalog-info.yaml');
    await runAction(
      action,
      { ...input, target: 0.995 },
      { workspacePath: workspacePath() },
    );
    const changed = read('catalog-info.yaml');
    expect(changed).toBe(withLatency.replace('target: 0.999', 'target: 0.995'));
    expect(documents(changed).map(d => d.metadata.name)).toEqual([
      'checkout-service',
      'checkout-api',
      'checkout-service-availability',
      'checkout-service-latency',
    ]);
  });

  it('writes a separate file that the catalog file references through a Location', async () => {
    const input = {
      service: 'checkout-service',
      type: 'latency',
      latencyThresholdMs: 300,
      target: 0.99,
      window: '30d',
      dataSource: 'prometheus',
      queries: {
        good: 'http_request_duration_seconds_bucket{job="checkout",le="0.3"}',
        total: 'http_request_duration_seconds_count{job="checkout"}',
      },
      path: 'slo/slos.yaml',
    };
    const output = await runAction(action, input, {
      workspacePath: workspacePath(),
    });
    expect(output).toMatchObject({
      path: 'slo/slos.yaml',
      catalogFile: 'catalog-info.yaml',
    });
    const catalog = read('catalog-info.yaml');
    expect(catalog).toBe(`${CATALOG_INFO}---
apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: checkout-service-slos
  description: OpenSLO documents of checkout-service
spec:
  targets:
    - ./slo/slos.yaml
`);
    const [slo] = documents(read('slo/slos.yaml'));
    expect(slo.spec.indicator.spec.ratioMetric.good.metricSource).toEqual({
      metricSourceRef: 'prometheus',
      spec: {
        query: 'http_request_duration_seconds_bucket{job="checkout",le="0.3"}',
      },
    });
    expect(slo.spec.objectives[0].displayName).toBe(
      'Requests faster than 300 ms',
    );

    // Again: neither a second Location nor a second SLO.
    await runAction(action, input, { workspacePath: workspacePath() });
    expect(read('catalog-info.yaml')).toBe(catalog);
    expect(documents(read('slo/slos.yaml'))).toHaveLength(1);
  });

  it('names the input fields of an SLO that would be invalid, and writes nothing', async () => {
    const before = await snapshotDir(mockDir.path);
    const attempt = (input: Record<string, unknown>) =>
      runAction(action, input, { workspacePath: workspacePath() });

    await expect(
      attempt({ service: 'checkout-service', target: 1 }),
    ).rejects.toThrow(
      'The SLO "checkout-service-availability" would not be valid OpenSLO, so nothing was written: target (spec.objectives[0].target): must be below 1; a 100 % objective leaves no error budget',
    );
    await expect(
      attempt({ service: 'checkout-service', target: 0.99, window: '1M' }),
    ).rejects.toThrow(
      'calendar (spec.timeWindow[0].calendar): is required when isRolling is not true',
    );
    await expect(
      attempt({ service: 'checkout-service', target: 0.99, window: '4 weeks' }),
    ).rejects.toThrow(
      'window (spec.timeWindow[0].duration): "4 weeks" is not a duration',
    );
    await expect(
      attempt({
        service: 'checkout-service',
        target: 0.99,
        dataSource: 'prometheus',
      }),
    ).rejects.toThrow(
      'queries.total: is required with dataSource prometheus (a series selector such as http_requests_total{job="checkout"}); queries: give exactly one of good and bad',
    );
    await expect(
      attempt({ service: 'checkout-service', type: 'latency', target: 0.99 }),
    ).rejects.toThrow('latencyThresholdMs: is required with type latency');
    await expect(
      attempt({ service: 'checkout-service', type: 'custom', target: 0.99 }),
    ).rejects.toThrow('indicator: is required with type custom');
    await expect(
      attempt({ service: 'not a ref!', target: 0.99 }),
    ).rejects.toThrow(
      'name: "not a ref!-availability" is not a valid entity name',
    );
    await expect(
      attempt({
        service: 'checkout-service',
        target: 0.99,
        path: 'slos.yaml',
        catalogFile: 'missing.yaml',
      }),
    ).rejects.toThrow(
      'catalogFile: missing.yaml does not exist in the workspace; set catalogFile: false to write slos.yaml on its own',
    );
    expect(await snapshotDir(mockDir.path)).toEqual(before);
  });

  describe('refuses paths outside the workspace', () => {
    beforeEach(() => {
      symlinkSync(outside.path, join(workspacePath(), 'link'));
    });

    it.each([
      ['path', '../escape.yaml'],
      ['path', 'nested/../../escape.yaml'],
      ['path', '/tmp/triad-escape.yaml'],
      ['path', 'link/secret.yaml'],
      ['path', 'link/new.yaml'],
      ['catalogFile', '../catalog-info.yaml'],
      ['catalogFile', 'link/secret.yaml'],
    ])('%s: %s', async (field, value) => {
      const before = await snapshotDir(outside.path);
      const workspaceBefore = await snapshotDir(workspacePath());
      const input: Record<string, unknown> = {
        service: 'checkout-service',
        target: 0.99,
        path: 'slos.yaml',
        [field]: value,
      };
      await expect(
        runAction(action, input, { workspacePath: workspacePath() }),
      ).rejects.toThrow(`${field}: "${value}" is outside the workspace`);
      expect(await snapshotDir(outside.path)).toEqual(before);
      expect(await snapshotDir(workspacePath())).toEqual(workspaceBefore);
      expect(await snapshotDir(mockDir.path)).not.toHaveProperty('escape.yaml');
      expect(existsSync('/tmp/triad-escape.yaml')).toBe(false);
    });
  });

  it('writes into the dry-run workspace in a dry run', async () => {
    const output = await runAction(
      action,
      { service: 'checkout-service', target: 0.999 },
      { workspacePath: workspacePath(), isDryRun: true },
    );
    expect(read('catalog-info.yaml')).toBe(output.content);
    expect(documents(output.content)).toHaveLength(3);
  });

  it.each(action.examples!.map(e => [e.description, e.example]))(
    'runs the example: %s',
    async (_description, example) => {
      mkdirSync(join(workspacePath(), 'openslo'), { recursive: true });
      const output = await runAction(action, exampleInput(example), {
        workspacePath: workspacePath(),
      });
      const written = documents(read(output.path)).find(
        d => d.kind === 'SLO' && d.metadata.name === output.name,
      );
      expect(validateOpenSloDocument(written)).toMatchObject({ ok: true });
    },
  );
});
