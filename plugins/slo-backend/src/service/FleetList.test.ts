import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogReadPolicy } from '../__testUtils__/catalogReadPolicy';
import { setupSloServices } from '../__testUtils__/setupSloServices';

describe('FleetList', () => {
  const credentials = mockCredentials.user();

  it('answers 503 with a retry time for the fleet until an evaluation of every SLO has finished', async () => {
    const { fleetList, fleet } = setupSloServices();
    const warming = await fleetList.list({}, credentials).catch(e => e);
    expect(warming).toMatchObject({
      name: 'ServiceUnavailableError',
      retryAfterSeconds: 10,
      message: expect.stringMatching(/^The SLO fleet is warming up/),
    });
    await fleet.evaluateAll();
    await expect(fleetList.list({}, credentials)).resolves.toMatchObject({
      totalItems: 0,
    });
  });

  // 250 SLOs in the store's order, each of its own service.
  const rows = Array.from({ length: 250 }, (_, i) => ({
    ref: `slo:default/s${i}`,
    title: `s${i}`,
    serviceRef: `component:default/svc${i}`,
    status: 'breached' as const,
    remaining: -i / 1000,
  }));

  it('reads only the page it answers, and asks the catalog nothing when the caller may read everything', async () => {
    const { fleetList, fleet, snapshots, byRefs } = setupSloServices({
      permissions: catalogReadPolicy(true),
    });
    await fleet.evaluateAll();
    byRefs.mockClear();
    snapshots.listRefs.mockResolvedValue(rows);
    const page = await fleetList.list(
      { offset: 200, limit: 30, status: 'breached' },
      credentials,
    );
    expect(snapshots.listRefs).toHaveBeenCalledWith(
      expect.objectContaining({ status: 'breached' }),
    );
    expect(byRefs).not.toHaveBeenCalled();
    // Rows 200..229 of 250: the evaluations of those 30 only are read.
    expect(snapshots.results).toHaveBeenCalledTimes(1);
    expect(snapshots.results.mock.calls[0][0]).toEqual(
      rows.slice(200, 230).map(r => r.ref),
    );
    expect(page).toMatchObject({
      totalItems: 250,
      counts: { healthy: 0, warning: 0, breached: 250, 'no-data': 0 },
      offset: 200,
      limit: 30,
    });
    expect(page.items.map(i => i.ref)).toEqual(
      rows.slice(200, 230).map(r => r.ref),
    );
  });

  it('asks the catalog which SLOs and services a conditionally allowed caller may read', async () => {
    const { fleetList, fleet, snapshots, byRefs } = setupSloServices({
      permissions: catalogReadPolicy(false),
    });
    await fleet.evaluateAll();
    byRefs.mockClear();
    // The in-memory catalog holds svc and its SLO only.
    snapshots.listRefs.mockResolvedValue([
      ...rows.slice(0, 3),
      {
        ref: 'slo:default/availability',
        title: 'availability',
        serviceRef: 'component:default/svc',
        status: 'warning',
      },
    ]);
    const page = await fleetList.list({}, credentials);
    expect(byRefs).toHaveBeenCalledTimes(1);
    expect(page.totalItems).toBe(1);
    expect(page.items.map(i => i.ref)).toEqual(['slo:default/availability']);
  });
});
