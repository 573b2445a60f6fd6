import { mockServices } from '@backstage/backend-test-utils';
import { SloDataSource } from '@triad/plugin-slo-node';
import { ratioSloDefinition } from '../__testUtils__/ratioSloDefinition';
import { SloEvaluator } from './SloEvaluator';
import { SloSources } from './SloSources';
import { sloTimeline } from './sloTimeline';
import { SnapshotStore } from '../database/SnapshotStore';

/*
 * OpenSLO accepts any whole number of days as a window. A window of billions
 * of days (found by the reliability suite in packages/reliability) used to
 * reach the built-in store as NaN: the timeline answered 500, and the
 * evaluation's error carried the SQL statement.
 */

const { def } = ratioSloDefinition('absurd', '999999999999999999999d');

describe('SloEvaluator with a window no date can hold', () => {
  const source: SloDataSource = {
    type: 'test',
    measure: jest.fn(),
    timeline: jest.fn(),
  };
  const snapshots = {
    save: jest.fn(),
    saveLatest: jest.fn(),
    latest: jest.fn(async () => undefined),
  };
  const sources = new SloSources({
    dataSources: new Map([['test', source]]),
    timeoutMs: 1_000,
    sourceTimeoutsMs: new Map(),
  });
  const evaluator = new SloEvaluator({
    definitions: { resolve: async () => [def] },
    sources,
    snapshots: snapshots as unknown as SnapshotStore,
    cache: mockServices.cache.mock(),
    logger: mockServices.logger.mock(),
    cacheTtlMs: 60_000,
  });

  it('reports it on the SLO without asking the data source', async () => {
    const result = await evaluator.evaluateNow(def, {});
    expect(result).toMatchObject({
      status: 'no-data',
      error: 'timeWindow: 999999999999999999999d is too long to evaluate',
    });
    expect(source.measure).not.toHaveBeenCalled();
  });

  it('refuses the timeline with an input error', async () => {
    const evaluation = await evaluator.evaluateNow(def, {});
    await expect(sloTimeline(def, evaluation, sources)).rejects.toMatchObject({
      name: 'InputError',
      message: 'timeWindow: 999999999999999999999d is too long to evaluate',
    });
    expect(source.timeline).not.toHaveBeenCalled();
  });
});
