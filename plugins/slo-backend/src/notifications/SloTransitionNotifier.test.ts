import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { SloResult } from '@triad/plugin-slo-common';
import { migrateDatabase } from '../database/migrateDatabase';
import { SloAlertStateStore } from '../database/SloAlertStateStore';
import { SloTransitionNotifier } from './SloTransitionNotifier';

const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'svc', namespace: 'default' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team' }],
};

/** An SLO with one objective: `remaining` budget, the page tier firing or not. */
function slo(
  name: string,
  remaining: number,
  pageFiring: boolean,
  extra: Partial<SloResult> = {},
): SloResult {
  return {
    ref: `slo:default/${name}`,
    title: name,
    serviceRef: 'component:default/svc',
    stale: false,
    objectives: [
      {
        index: 0,
        budget: { remaining },
        alerts: [
          {
            name: 'page-fast',
            severity: 'page',
            firing: pageFiring,
            factor: 14.4,
            longBurnRate: pageFiring ? 20 : 0,
            longWindowMs: 3_600_000,
          },
        ],
      },
    ],
    ...extra,
  } as unknown as SloResult;
}

describe('SloTransitionNotifier', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setup(transitions: string[] = ['pageStarted', 'pageStopped']) {
    const knex = await databases.init('SQLITE_3');
    await migrateDatabase(knex);
    const alertStates = new SloAlertStateStore(knex);
    const send = jest.fn(async (_: any) => {});
    const resolve = jest.fn(async () => [
      { ref: 'group:default/team', reasons: [] },
    ]);
    const logger = mockServices.logger.mock();
    const notifier = new SloTransitionNotifier({
      alertStates,
      notifications: { send },
      recipients: { resolve } as any,
      logger,
      config: {
        enabled: true,
        transitions: new Set(transitions as any),
        roles: ['owner'],
      },
      thresholds: { warningBelow: 0.25, breachedBelow: 0 },
      policy: {
        defaults: { minRemainingBudget: 0, blockOnPageAlert: true },
        teams: new Map(),
      },
    });
    return { notifier, alertStates, send, resolve, logger };
  }

  it('remembers first states silently, then sends each chosen transition once', async () => {
    const { notifier, send } = await setup();
    await notifier.notify([{ result: slo('a', 0.9, false), service }]);
    expect(send).not.toHaveBeenCalled();

    // The page fires (and closes the gate, a transition not chosen here).
    await notifier.notify([{ result: slo('a', 0.9, true), service }]);
    await notifier.notify([{ result: slo('a', 0.9, true), service }]);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0]).toMatchObject({
      recipients: { type: 'entity', entityRef: ['group:default/team'] },
      payload: {
        title: 'a is burning its error budget fast (page alert firing)',
        link: '/catalog/default/component/svc/slos',
        severity: 'high',
      },
    });
  });

  it('skips stale evaluations and SLOs whose service is missing', async () => {
    const { notifier, send, alertStates } = await setup();
    await notifier.notify([{ result: slo('a', 0.9, false), service }]);
    await notifier.notify([
      { result: slo('a', 0.9, true, { stale: true }), service },
      { result: slo('b', 0.9, true), service: undefined },
    ]);
    expect(send).not.toHaveBeenCalled();
    expect([...(await alertStates.all()).keys()]).toEqual(['slo:default/a']);
  });

  it('keeps the states of SLOs outside a batch until told which SLOs remain', async () => {
    const { notifier, alertStates } = await setup();
    await notifier.notify([{ result: slo('a', 0.9, false), service }]);
    await notifier.notify([{ result: slo('b', 0.9, false), service }]);
    expect([...(await alertStates.all()).keys()].sort()).toEqual([
      'slo:default/a',
      'slo:default/b',
    ]);
    await notifier.retainOnly(['slo:default/b']);
    expect([...(await alertStates.all()).keys()]).toEqual(['slo:default/b']);
  });

  it('sends nothing for a change another run has claimed', async () => {
    const { notifier, send, alertStates } = await setup();
    await notifier.notify([{ result: slo('a', 0.9, false), service }]);
    const recorded = (await alertStates.all()).get('slo:default/a')!;
    // Another run records the page between this run's read and its claim.
    const of = alertStates.of.bind(alertStates);
    jest.spyOn(alertStates, 'of').mockImplementationOnce(async refs => {
      const before = await of(refs);
      await alertStates.claim(
        'slo:default/a',
        recorded,
        { pageFiring: true, budget: 'ok', releaseBlocked: true },
        1,
      );
      return before;
    });
    await notifier.notify([{ result: slo('a', 0.9, true), service }]);
    expect(send).not.toHaveBeenCalled();
  });

  it('undoes the claim when sending fails, so the next run sends it', async () => {
    const { notifier, send, logger } = await setup();
    await notifier.notify([{ result: slo('a', 0.9, false), service }]);
    send.mockRejectedValueOnce(new Error('notifications backend away'));
    await notifier.notify([{ result: slo('a', 0.9, true), service }]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Could not notify about slo:default/a; trying again on the next evaluation: Error: notifications backend away',
      ),
    );
    await notifier.notify([{ result: slo('a', 0.9, true), service }]);
    expect(send).toHaveBeenCalledTimes(2);
    await notifier.notify([{ result: slo('a', 0.9, true), service }]);
    expect(send).toHaveBeenCalledTimes(2);
  });
});
