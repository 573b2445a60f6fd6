import { mockCredentials } from '@backstage/backend-test-utils';
import { CatalogMemory, NotReadyError } from '@triad/backend-utils';
import { setupSloServices } from '../__testUtils__/setupSloServices';

const T0 = Date.parse('2026-03-01T12:00:00Z');
const amara = mockCredentials.user('user:default/amara');
const bo = mockCredentials.user('user:default/bo');

/** SloService whose catalog can be made to fail, on a clock the test moves. */
function setup() {
  let nowMs = T0;
  const services = setupSloServices({
    catalogMemory: new CatalogMemory({ now: () => nowMs }),
  });
  const { catalog } = services;
  return {
    ...services,
    advance: (ms: number) => {
      nowMs += ms;
    },
    failCatalog() {
      const down = Object.assign(
        new Error('connect ECONNREFUSED 127.0.0.1:7007'),
        {
          code: 'ECONNREFUSED',
        },
      );
      jest.spyOn(catalog, 'getEntityByRef').mockRejectedValue(down);
      jest.spyOn(catalog, 'getEntities').mockRejectedValue(down);
      jest.spyOn(catalog, 'getEntitiesByRefs').mockRejectedValue(down);
    },
  };
}

const staleSince = (ageSeconds: number) => ({
  asOf: '2026-03-01T12:00:00.000Z',
  ageSeconds,
  reason: 'the catalog failed (ECONNREFUSED)',
});

describe('SloService while the catalog fails', () => {
  it('answers entity pages, SLOs and policies from the catalog’s last answers to the caller, marked stale with the age', async () => {
    const { service, failCatalog, advance, clear, measure } = setup();
    const fresh = await service.entitySlos('component:default/svc', amara);
    expect(fresh.catalogStale).toBeUndefined();
    await service.getSlo('default', 'availability', amara);
    await service.policy('component:default/svc', amara);

    failCatalog();
    advance(90_000);
    clear(); // nothing cached: the SLO is resolved and measured again
    const page = await service.entitySlos('component:default/svc', amara);
    expect(page.items.map(i => i.ref)).toEqual(['slo:default/availability']);
    expect(page.catalogStale).toEqual(staleSince(90));
    expect(measure).toHaveBeenCalledTimes(2);
    expect(
      (await service.getSlo('default', 'availability', amara)).catalogStale,
    ).toEqual(staleSince(90));
    expect(
      (await service.policy('component:default/svc', amara)).catalogStale,
    ).toEqual(staleSince(90));
  });

  it('answers 503 to a caller the catalog never answered, rather than using another caller’s answer', async () => {
    const { service, failCatalog } = setup();
    await service.entitySlos('component:default/svc', amara);
    failCatalog();
    await expect(
      service.entitySlos('component:default/svc', bo),
    ).rejects.toBeInstanceOf(NotReadyError);
  });

  it('keeps an entity the catalog hid from the caller hidden', async () => {
    const { service, catalog, failCatalog } = setup();
    jest.spyOn(catalog, 'getEntityByRef').mockResolvedValue(undefined);
    await expect(
      service.getSlo('default', 'availability', amara),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    failCatalog();
    await expect(
      service.getSlo('default', 'availability', amara),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('refuses once what it remembers is older than the bound (10 minutes)', async () => {
    const { service, failCatalog, advance } = setup();
    await service.entitySlos('component:default/svc', amara);
    failCatalog();
    advance(10 * 60_000 + 1);
    await expect(
      service.entitySlos('component:default/svc', amara),
    ).rejects.toBeInstanceOf(NotReadyError);
  });

  it('lists the fleet from the snapshots with the remembered decisions, and leaves out an SLO whose visibility is not known', async () => {
    const { fleetList, fleet, snapshots, catalog, failCatalog, advance } =
      setup();
    await fleet.evaluateAll();
    const row = (name: string, serviceName: string) =>
      ({
        ref: `slo:default/${name}`,
        title: name,
        serviceRef: `component:default/${serviceName}`,
        status: 'healthy',
      } as const);
    snapshots.listRefs.mockResolvedValue([
      row('availability', 'svc'),
      row('hidden', 'secret'),
    ]);
    jest
      .spyOn(catalog, 'getEntitiesByRefs')
      .mockImplementation(async ({ entityRefs }) => ({
        items: entityRefs.map(ref =>
          ref.includes('hidden') || ref.includes('secret')
            ? null
            : ({ kind: 'x' } as any),
        ),
      }));
    const fresh = await fleetList.list({}, amara);
    expect(fresh.items.map(i => i.ref)).toEqual(['slo:default/availability']);

    failCatalog();
    advance(5_000);
    const stale = await fleetList.list({}, amara);
    expect(stale.items.map(i => i.ref)).toEqual(['slo:default/availability']);
    expect(stale.totalItems).toBe(1);
    expect(stale.catalogStale).toEqual(staleSince(5));

    snapshots.listRefs.mockResolvedValue([
      row('availability', 'svc'),
      row('new', 'svc'),
    ]);
    // An SLO whose visibility was never decided is left out, not guessed.
    const withNew = await fleetList.list({}, amara);
    expect(withNew.items.map(i => i.ref)).toEqual(['slo:default/availability']);
    // A caller with no remembered decision at all gets a 503.
    await expect(fleetList.list({}, bo)).rejects.toBeInstanceOf(NotReadyError);
  });
});
