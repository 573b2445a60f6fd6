import { mockServices } from '@backstage/backend-test-utils';
import { CacheService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { SloResult } from '@triad/plugin-slo-common';
import { SloDataSource } from '@triad/plugin-slo-node';
import { SnapshotStore } from '../database/SnapshotStore';
import { ratioSloDefinition } from '../__testUtils__/ratioSloDefinition';
import { SloEvaluator } from './SloEvaluator';
import { SloSources } from './SloSources';

const { doc, def } = ratioSloDefinition('checkout', '28d');

/** A cache that keeps every key until it is overwritten, as Backstage's memory store does. */
function mapCache() {
  const entries = new Map<string, unknown>();
  const cache: CacheService = {
    get: async (key: string) => entries.get(key) as any,
    set: async (key: string, value: unknown) => {
      entries.set(key, value);
    },
    delete: async (key: string) => {
      entries.delete(key);
    },
    withOptions: () => cache,
  };
  return { cache, entries };
}

const evaluatedAt = (iso: string) =>
  ({
    ref: def.ref,
    serviceRef: def.serviceRef,
    evaluatedAt: iso,
    status: 'healthy',
    objectives: [],
  } as unknown as SloResult);

describe('SloEvaluator.timeline', () => {
  it('draws once per evaluation and keeps one cached timeline per SLO, however many evaluations there were', async () => {
    const source: SloDataSource = {
      type: 'test',
      measure: jest.fn(),
      timeline: jest.fn(async () => []),
    };
    const { cache, entries } = mapCache();
    const evaluator = new SloEvaluator({
      definitions: { resolve: async () => [def] },
      sources: new SloSources({
        dataSources: new Map([['test', source]]),
        timeoutMs: 1_000,
        sourceTimeoutsMs: new Map(),
      }),
      snapshots: {} as unknown as SnapshotStore,
      cache,
      logger: mockServices.logger.mock(),
      cacheTtlMs: 60_000,
    });
    const evaluate = jest.spyOn(evaluator, 'evaluate');
    const times = [
      '2026-11-30T12:00:00Z',
      '2026-11-30T12:00:00Z',
      '2026-11-30T12:05:00Z',
      '2026-11-30T12:10:00Z',
    ];
    for (const at of times) {
      evaluate.mockResolvedValueOnce([evaluatedAt(at)]);
      await evaluator.timeline(
        doc as unknown as Entity,
        {
          ref: def.serviceRef,
        } as any,
      );
    }
    // The second call is the first one's evaluation: answered from the cache.
    expect(source.timeline).toHaveBeenCalledTimes(3);
    expect([...entries.keys()].filter(k => k.startsWith('timeline:'))).toEqual([
      `timeline:${def.ref}`,
    ]);
  });
});
