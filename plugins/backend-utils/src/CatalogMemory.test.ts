import { mockCredentials } from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogMemory } from './CatalogMemory';
import { NotReadyError } from './NotReadyError';

const amara = mockCredentials.user('user:default/amara');
const bo = mockCredentials.user('user:default/bo');
const T0 = Date.parse('2026-03-01T12:00:00Z');

function setup(options: { maxAgeMs?: number; maxEntries?: number } = {}) {
  let nowMs = T0;
  const memory = new CatalogMemory({
    timeoutMs: 3_000,
    maxAgeMs: options.maxAgeMs ?? 60_000,
    maxEntries: options.maxEntries,
    now: () => nowMs,
  });
  return {
    memory,
    advance: (ms: number) => {
      nowMs += ms;
    },
  };
}

/** As the catalog client fails: its message names the request. */
const refused = () =>
  Object.assign(
    new Error(
      'request to http://127.0.0.1:7007/api/catalog/entities/by-name/component/default/secret failed, reason: connect ECONNREFUSED',
    ),
    { code: 'ECONNREFUSED' },
  );
const failing = () => Promise.reject(refused());
const never = () => new Promise<never>(() => {});

describe('CatalogMemory', () => {
  afterEach(() => jest.useRealTimers());

  it('answers from the catalog while it answers, and is not stale', async () => {
    const { memory } = setup();
    const caller = memory.forCaller(amara);
    expect(await caller.ask('q', async () => 'fresh')).toBe('fresh');
    expect(caller.staleness()).toBeUndefined();
  });

  it('answers a failing catalog with the same caller’s last answer, and says how old it is', async () => {
    const { memory, advance } = setup();
    await memory.forCaller(amara).ask('q', async () => 'first');
    advance(42_500);
    const caller = memory.forCaller(amara);
    expect(await caller.ask('q', failing)).toBe('first');
    expect(caller.staleness()).toEqual({
      asOf: '2026-03-01T12:00:00.000Z',
      ageSeconds: 42,
      reason: 'the catalog failed (ECONNREFUSED)',
    });
  });

  it('never answers one caller with what another was told', async () => {
    const { memory } = setup();
    await memory.forCaller(amara).ask('q', async () => 'for amara');
    await expect(memory.forCaller(bo).ask('q', failing)).rejects.toThrow(
      NotReadyError,
    );
  });

  it('refuses (503) once the remembered answer is older than the bound', async () => {
    const { memory, advance } = setup({ maxAgeMs: 60_000 });
    await memory.forCaller(amara).ask('q', async () => 'first');
    advance(60_001);
    await expect(memory.forCaller(amara).ask('q', failing)).rejects.toThrow(
      /The catalog cannot answer \(the catalog failed \(ECONNREFUSED\)\)/,
    );
  });

  it('passes on a 4xx from the catalog: that is an answer, not a failure', async () => {
    const { memory } = setup();
    await memory.forCaller(amara).ask('q', async () => 'first');
    const badRequest = await ResponseError.fromResponse(
      new Response(JSON.stringify({ error: { name: 'InputError' } }), {
        status: 400,
        statusText: 'Bad Request',
        headers: { 'content-type': 'application/json' },
      }) as any,
    );
    await expect(
      memory.forCaller(amara).ask('q', () => Promise.reject(badRequest)),
    ).rejects.toBe(badRequest);
  });

  it('waits for a slow catalog only as long as the timeout', async () => {
    const { memory } = setup();
    await memory.forCaller(amara).ask('q', async () => 'first');
    jest.useFakeTimers();
    const caller = memory.forCaller(amara);
    let settled = false;
    const answer = caller.ask('q', never).finally(() => {
      settled = true;
    });
    await jest.advanceTimersByTimeAsync(2_999);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(await answer).toBe('first');
    expect(caller.staleness()?.reason).toBe(
      'the catalog did not answer within 3 s',
    );
  });

  it('answers 503 at the timeout when nothing is remembered, and remembers the late answer', async () => {
    const { memory, advance } = setup();
    jest.useFakeTimers();
    let resolve!: (v: string) => void;
    const answer = memory
      .forCaller(amara)
      .ask('q', () => new Promise<string>(r => (resolve = r)))
      .catch(e => e);
    await jest.advanceTimersByTimeAsync(3_000);
    expect(await answer).toBeInstanceOf(NotReadyError);
    resolve('late');
    await jest.advanceTimersByTimeAsync(0);
    advance(1_000);
    const caller = memory.forCaller(amara);
    expect(await caller.ask('q', failing)).toBe('late');
    expect(caller.staleness()?.ageSeconds).toBe(1);
  });

  it('after a failure, does not ask the catalog for the back-off: what is remembered answers, the rest is 503', async () => {
    const { memory, advance } = setup();
    await memory.forCaller(amara).ask('a', async () => 'a1');
    await memory.forCaller(amara).ask('b', async () => 'b1');
    await memory.forCaller(amara).ask('a', failing);
    const query = jest.fn(async () => 'fresh');
    advance(4_999);
    const caller = memory.forCaller(amara);
    expect(await caller.ask('b', query)).toBe('b1');
    expect(caller.staleness()?.reason).toBe(
      'the catalog failed (ECONNREFUSED)',
    );
    await expect(memory.forCaller(bo).ask('b', query)).rejects.toThrow(
      NotReadyError,
    );
    expect(query).not.toHaveBeenCalled();
    advance(1);
    expect(await memory.forCaller(amara).ask('b', query)).toBe('fresh');
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('drops the least recently stored answer beyond maxEntries', async () => {
    const { memory } = setup({ maxEntries: 2 });
    const caller = memory.forCaller(amara);
    await caller.ask('a', async () => 1);
    await caller.ask('b', async () => 2);
    await caller.ask('c', async () => 3);
    await expect(memory.forCaller(amara).ask('a', failing)).rejects.toThrow(
      NotReadyError,
    );
    expect(await memory.forCaller(amara).ask('c', failing)).toBe(3);
  });

  describe('readable', () => {
    const entity = (name: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default' },
    });
    const web = 'component:default/web';
    const ledger = 'component:default/ledger';

    it('remembers each decision, readable or not, and answers from them while the catalog fails', async () => {
      const { memory, advance } = setup();
      const catalog = catalogServiceMock({ entities: [entity('ledger')] });
      expect([
        ...(await memory.forCaller(amara).readable(catalog, [web, ledger])),
      ]).toEqual([ledger]);

      advance(5_000);
      jest
        .spyOn(catalog, 'getEntitiesByRefs')
        .mockRejectedValue(new Error('socket hang up'));
      const caller = memory.forCaller(amara);
      expect([...(await caller.readable(catalog, [ledger, web]))]).toEqual([
        ledger,
      ]);
      expect(caller.staleness()?.ageSeconds).toBe(5);
    });

    it('for a list, leaves out references without a remembered decision, unless none has one', async () => {
      const { memory } = setup();
      const catalog = catalogServiceMock({ entities: [entity('ledger')] });
      await memory.forCaller(amara).readable(catalog, [ledger]);
      jest.spyOn(catalog, 'getEntitiesByRefs').mockRejectedValue(refused());
      const caller = memory.forCaller(amara);
      expect([
        ...(await caller.readable(catalog, [ledger, web], { unknown: 'hide' })),
      ]).toEqual([ledger]);
      expect(caller.staleness()?.reason).toBe(
        'the catalog failed (ECONNREFUSED)',
      );
      await expect(
        memory.forCaller(bo).readable(catalog, [ledger], { unknown: 'hide' }),
      ).rejects.toThrow(NotReadyError);
    });

    it('refuses (503) when any reference has no remembered decision', async () => {
      const { memory } = setup();
      const catalog = catalogServiceMock({ entities: [entity('ledger')] });
      await memory.forCaller(amara).readable(catalog, [ledger]);
      jest
        .spyOn(catalog, 'getEntitiesByRefs')
        .mockRejectedValue(new Error('socket hang up'));
      await expect(
        memory.forCaller(amara).readable(catalog, [ledger, web]),
      ).rejects.toThrow(NotReadyError);
    });

    it('does not ask about no references', async () => {
      const { memory } = setup();
      const catalog = catalogServiceMock();
      const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
      expect(await memory.forCaller(amara).readable(catalog, [])).toEqual(
        new Set(),
      );
      expect(byRefs).not.toHaveBeenCalled();
    });
  });

  it('asks the catalog again after its back-off even when the wall clock stands still', async () => {
    // The default clock: back-offs are measured on a monotonic one, so a
    // wall clock stepped back or frozen cannot keep the catalog unasked.
    jest.spyOn(Date, 'now').mockReturnValue(T0);
    const memory = new CatalogMemory({ backOffMs: 50 });
    await expect(memory.forCaller(amara).ask('q', failing)).rejects.toThrow(
      NotReadyError,
    );
    const answered = jest.fn(async () => 'fresh');
    await expect(memory.forCaller(amara).ask('q', answered)).rejects.toThrow(
      NotReadyError,
    );
    expect(answered).not.toHaveBeenCalled();
    const started = performance.now();
    while (performance.now() - started <= 50) {
      await new Promise(resolve => setTimeout(resolve, 10));
    }
    expect(await memory.forCaller(amara).ask('q', answered)).toBe('fresh');
    jest.restoreAllMocks();
  });
});
