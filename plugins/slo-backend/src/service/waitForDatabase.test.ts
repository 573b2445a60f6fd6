import { waitForDatabase } from './waitForDatabase';

describe('waitForDatabase', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('asks every interval until the database answers', async () => {
    const down = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    const ping = jest
      .fn()
      .mockRejectedValueOnce(down)
      .mockRejectedValueOnce(down)
      .mockResolvedValue(undefined);
    const waited = waitForDatabase(ping, {
      intervalMs: 1000,
      signal: new AbortController().signal,
    });
    await jest.advanceTimersByTimeAsync(999);
    expect(ping).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(ping).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(1000);
    await expect(waited).resolves.toBe(true);
    expect(ping).toHaveBeenCalledTimes(3);
  });

  it('gives up when the signal aborts, without waiting for the interval', async () => {
    const ping = jest.fn().mockRejectedValue(new Error('down'));
    const controller = new AbortController();
    const waited = waitForDatabase(ping, {
      intervalMs: 60_000,
      signal: controller.signal,
    });
    await jest.advanceTimersByTimeAsync(10);
    controller.abort();
    await expect(waited).resolves.toBe(false);
    expect(ping).toHaveBeenCalledTimes(1);
    expect(jest.getTimerCount()).toBe(0);
  });
});
