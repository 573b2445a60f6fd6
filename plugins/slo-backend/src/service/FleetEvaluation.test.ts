import { SloResult } from '@triad/plugin-slo-common';
import { setupSloServices } from '../__testUtils__/setupSloServices';

describe('FleetEvaluation', () => {
  it('warns once about an SLO whose service is not in the catalog', async () => {
    const { fleet, logger } = setupSloServices();
    expect(await fleet.evaluateAll()).toEqual({ evaluated: 2, failed: 0 });
    await fleet.evaluateAll();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'slo:default/orphaned measures component:default/retired-service, which is not in the catalog; the SLO is hidden until its spec.service names an existing entity',
    );
  });

  it('says the fleet changed until it was evaluated, and again when SLOs come or go', async () => {
    const { fleet, catalog, fleetRuns } = setupSloServices();
    expect(await fleet.fleetChanged()).toBe(true);
    await fleet.evaluateAll();
    expect(fleetRuns.saveRun).toHaveBeenCalledWith({
      finishedAt: expect.any(Number),
      sloCount: 2,
      sloRefsHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await fleet.fleetChanged()).toBe(false);

    // Only references are read to compare.
    const query = jest.spyOn(catalog, 'queryEntities');
    await catalog.removeEntityByUid('orphaned-uid');
    expect(await fleet.fleetChanged()).toBe(true);
    expect(query).toHaveBeenLastCalledWith(
      expect.objectContaining({
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      }),
      expect.anything(),
    );
  });

  it('evaluates the fleet a batch at a time with the results, snapshots and run record of one batch', async () => {
    const run = async (batchSize?: number) => {
      const notifier = {
        notify: jest.fn(async (_: { result: SloResult }[]) => {}),
        retainOnly: jest.fn(async (_: readonly string[]) => {}),
      };
      const services = setupSloServices({ moreSlos: 5, batchSize, notifier });
      const outcome = await services.fleet.evaluateAll();
      return { ...services, notifier, outcome };
    };
    const batched = await run(2);
    const whole = await run();
    const refs = [
      'slo:default/availability',
      ...[1, 2, 3, 4, 5].map(i => `slo:default/availability-${i}`),
      'slo:default/orphaned',
    ].sort();

    // 1 + 5 SLOs of svc and the orphan.
    expect(batched.outcome).toEqual({ evaluated: 7, failed: 0 });
    expect(whole.outcome).toEqual({ evaluated: 7, failed: 0 });
    // Every SLO saved once: an error ratio of 0.002 against the 1 % budget
    // of target 0.99 leaves 1 - 0.002 / 0.01 = 0.8 of it.
    for (const { snapshots } of [batched, whole]) {
      const saved = snapshots.save.mock.calls.map(([r]) => r as SloResult);
      expect(saved.map(r => r.ref).sort()).toEqual(refs);
      for (const r of saved) {
        expect(r.objectives[0].budget.remaining).toBeCloseTo(0.8, 10);
      }
    }
    // 7 SLOs in batches of 2: told of in four batches, forgotten once.
    expect(
      batched.notifier.notify.mock.calls.map(([batch]) => batch.length),
    ).toEqual([2, 2, 2, 1]);
    expect(whole.notifier.notify.mock.calls.map(([b]) => b.length)).toEqual([
      7,
    ]);
    for (const { snapshots, notifier } of [batched, whole]) {
      expect(snapshots.retainOnly).toHaveBeenCalledTimes(1);
      expect([...snapshots.retainOnly.mock.calls[0][0]].sort()).toEqual(refs);
      expect(notifier.retainOnly).toHaveBeenCalledTimes(1);
      expect([...notifier.retainOnly.mock.calls[0][0]].sort()).toEqual(refs);
    }
    // The same run record, so the change check sees the same fleet.
    const [[batchedRun]] = batched.fleetRuns.saveRun.mock.calls;
    const [[wholeRun]] = whole.fleetRuns.saveRun.mock.calls;
    expect(batchedRun.sloCount).toBe(7);
    expect(batchedRun.sloRefsHash).toBe(wholeRun.sloRefsHash);
    expect(await batched.fleet.fleetChanged()).toBe(false);
  });
});
