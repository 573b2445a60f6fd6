import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { setupSloServices } from '../__testUtils__/setupSloServices';

describe('SloService', () => {
  const credentials = mockCredentials.user();

  it('answers an entity page from the cache without resolving its SLOs again', async () => {
    const { service, byRefs, measure, clear } = setupSloServices();

    const first = await service.entitySlos(
      'component:default/svc',
      credentials,
    );
    expect(first.items.map(i => [i.ref, i.ownerRef, i.error])).toEqual([
      ['slo:default/availability', 'group:default/team', undefined],
    ]);
    // Resolving the SLO looked up its SLI by reference.
    expect(byRefs).toHaveBeenCalledTimes(1);
    expect(byRefs.mock.calls[0][0].entityRefs).toEqual([
      'sli:default/requests',
    ]);
    expect(measure).toHaveBeenCalledTimes(1);

    const second = await service.entitySlos(
      'component:default/svc',
      credentials,
    );
    expect(second).toEqual(first);
    expect(byRefs).toHaveBeenCalledTimes(1);
    expect(measure).toHaveBeenCalledTimes(1);

    // Without a cached answer the SLO is resolved and measured again.
    clear();
    await service.entitySlos('component:default/svc', credentials);
    expect(byRefs).toHaveBeenCalledTimes(2);
    expect(measure).toHaveBeenCalledTimes(2);
  });

  it('does not serve a cached answer made for the service an SLO measured before', async () => {
    const { service, measure, cache } = setupSloServices();
    const first = await service.getSlo('default', 'availability', credentials);
    // As if the SLO had measured another service when it was last evaluated.
    await cache.set('evaluation:slo:default/availability', {
      ...first,
      serviceRef: 'component:default/old-service',
      ownerRef: 'group:default/old-team',
    } as any);
    const again = await service.entitySlos(
      'component:default/svc',
      credentials,
    );
    expect(measure).toHaveBeenCalledTimes(2);
    expect(again.items.map(i => [i.serviceRef, i.ownerRef])).toEqual([
      ['component:default/svc', 'group:default/team'],
    ]);
  });

  it('answers one SLO from the cache without resolving it again', async () => {
    const { service, byRefs, measure } = setupSloServices();

    const first = await service.getSlo('default', 'availability', credentials);
    expect(first.ref).toBe('slo:default/availability');
    const second = await service.getSlo('default', 'availability', credentials);
    expect(second).toEqual(first);
    expect(byRefs).toHaveBeenCalledTimes(1);
    expect(measure).toHaveBeenCalledTimes(1);
  });

  it('answers 503 with a retry time for the fleet until an evaluation of every SLO has finished', async () => {
    const { service, fleet } = setupSloServices();
    const warming = await service.list({}, credentials).catch(e => e);
    expect(warming).toMatchObject({
      name: 'ServiceUnavailableError',
      retryAfterSeconds: 10,
      message: expect.stringMatching(/^The SLO fleet is warming up/),
    });
    await fleet.evaluateAll();
    await expect(service.list({}, credentials)).resolves.toMatchObject({
      totalItems: 0,
    });
  });

  it('answers not found for an SLO or an entity the catalog does not return', async () => {
    const { service } = setupSloServices();
    await expect(
      service.getSlo('default', 'missing', credentials),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(
      service.entitySlos('component:default/nothing', credentials),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
  describe('the fleet list', () => {
    // 250 SLOs in the store's order, each of its own service.
    const rows = Array.from({ length: 250 }, (_, i) => ({
      ref: `slo:default/s${i}`,
      serviceRef: `component:default/svc${i}`,
    }));
    const policy = (result: AuthorizeResult) =>
      mockServices.permissions.mock({
        authorizeConditional: async () => [
          result === AuthorizeResult.ALLOW
            ? { result }
            : ({
                result,
                pluginId: 'catalog',
                resourceType: 'catalog-entity',
                conditions: {
                  rule: 'HAS_LABEL',
                  resourceType: 'catalog-entity',
                  params: { label: 'x' },
                },
              } as any),
        ],
      });

    it('reads only the page it answers, and asks the catalog nothing when the caller may read everything', async () => {
      const { service, fleet, snapshots, byRefs } = setupSloServices({
        permissions: policy(AuthorizeResult.ALLOW),
      });
      await fleet.evaluateAll();
      byRefs.mockClear();
      snapshots.listRefs.mockResolvedValue(rows);
      const page = await service.list(
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
      expect(page).toMatchObject({ totalItems: 250, offset: 200, limit: 30 });
      expect(page.items.map(i => i.ref)).toEqual(
        rows.slice(200, 230).map(r => r.ref),
      );
    });

    it('asks the catalog which SLOs and services a conditionally allowed caller may read', async () => {
      const { service, fleet, snapshots, byRefs } = setupSloServices({
        permissions: policy(AuthorizeResult.CONDITIONAL),
      });
      await fleet.evaluateAll();
      byRefs.mockClear();
      // The in-memory catalog holds svc and its SLO only.
      snapshots.listRefs.mockResolvedValue([
        ...rows.slice(0, 3),
        {
          ref: 'slo:default/availability',
          serviceRef: 'component:default/svc',
        },
      ]);
      const page = await service.list({}, credentials);
      expect(byRefs).toHaveBeenCalledTimes(1);
      expect(page.totalItems).toBe(1);
      expect(page.items.map(i => i.ref)).toEqual(['slo:default/availability']);
    });
  });
});
