import { mockCredentials } from '@backstage/backend-test-utils';
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

  it('answers not found for an SLO or an entity the catalog does not return', async () => {
    const { service } = setupSloServices();
    await expect(
      service.getSlo('default', 'missing', credentials),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(
      service.entitySlos('component:default/nothing', credentials),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
