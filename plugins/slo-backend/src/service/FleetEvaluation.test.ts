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
});
