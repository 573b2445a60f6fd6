import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { readSloBackendConfig } from '../config';
import { FleetEvaluation } from './FleetEvaluation';
import { scheduleFleetEvaluation } from './scheduleFleetEvaluation';

/** The scheduled evaluation's task function, with a fleet that fails as told. */
async function evaluationTask(failure: Error, pingDatabase: jest.Mock) {
  const scheduler = mockServices.scheduler.mock();
  const fleet = {
    evaluateAll: jest.fn().mockRejectedValue(failure),
  } as unknown as FleetEvaluation;
  await scheduleFleetEvaluation({
    scheduler,
    logger: mockServices.logger.mock(),
    fleet,
    store: { deleteBefore: jest.fn() },
    snapshots: { deleteBefore: jest.fn() },
    eventStore: { deleteBefore: jest.fn() },
    config: readSloBackendConfig(mockServices.rootConfig()),
    pingDatabase,
  });
  const task = scheduler.scheduleTask.mock.calls.find(
    ([t]) => t.id === 'slo-evaluate-all',
  )![0] as SchedulerServiceTaskInvocationDefinition;
  return task.fn;
}

describe('scheduleFleetEvaluation', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('fails a run that lost the database only once the database answers again', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ECONNREFUSED',
    });
    const ping = jest
      .fn()
      .mockRejectedValueOnce(refused)
      .mockRejectedValueOnce(refused)
      .mockResolvedValue(undefined);
    const fn = await evaluationTask(refused, ping);
    let outcome: unknown = 'running';
    Promise.resolve(fn(new AbortController().signal)).catch(
      (e: unknown) => (outcome = e),
    );
    await jest.advanceTimersByTimeAsync(1999);
    expect(outcome).toBe('running');
    await jest.advanceTimersByTimeAsync(1);
    expect(outcome).toBe(refused);
    expect(ping).toHaveBeenCalledTimes(3);
  });

  it('fails at once for any other error', async () => {
    const ping = jest.fn();
    const fn = await evaluationTask(new Error('boom'), ping);
    await expect(fn(new AbortController().signal)).rejects.toThrow('boom');
    expect(ping).not.toHaveBeenCalled();
  });

  it('removes events with the retention of snapshots', async () => {
    jest.setSystemTime(Date.parse('2026-12-01T00:00:00Z'));
    const scheduler = mockServices.scheduler.mock();
    const snapshots = { deleteBefore: jest.fn().mockResolvedValue(3) };
    const eventStore = { deleteBefore: jest.fn().mockResolvedValue(2) };
    await scheduleFleetEvaluation({
      scheduler,
      logger: mockServices.logger.mock(),
      fleet: {
        evaluateAll: jest.fn().mockResolvedValue({ evaluated: 1, failed: 0 }),
      } as unknown as FleetEvaluation,
      store: { deleteBefore: jest.fn().mockResolvedValue(0) },
      snapshots,
      eventStore,
      config: readSloBackendConfig(
        mockServices.rootConfig({
          data: { slo: { snapshotRetention: '30d' } },
        }),
      ),
      pingDatabase: jest.fn(),
    });
    const task = scheduler.scheduleTask.mock.calls.find(
      ([t]) => t.id === 'slo-evaluate-all',
    )![0] as SchedulerServiceTaskInvocationDefinition;
    await task.fn(new AbortController().signal);
    // 30 days before 2026-12-01 is 2026-11-01, for both.
    const cutoff = Date.parse('2026-11-01T00:00:00Z');
    expect(snapshots.deleteBefore).toHaveBeenCalledWith(cutoff);
    expect(eventStore.deleteBefore).toHaveBeenCalledWith(cutoff);
  });
});
