import { poll } from './poll';

describe('poll', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('asks again every interval until the probe gives a value', async () => {
    const answers = [undefined, undefined, 'ready'];
    const probe = jest.fn(async () => answers.shift());
    const result = poll('the thing', probe, 10_000, 250);
    await jest.advanceTimersByTimeAsync(500);
    await expect(result).resolves.toBe('ready');
    expect(probe).toHaveBeenCalledTimes(3);
  });

  it('gives a falsy value back rather than waiting on', async () => {
    await expect(poll('zero', async () => 0)).resolves.toBe(0);
  });

  it('names what it waited for when the deadline passes', async () => {
    const result = poll('the catalog', async () => undefined, 1_000, 250);
    const outcome = result.then(
      () => 'resolved',
      (e: Error) => e.message,
    );
    await jest.advanceTimersByTimeAsync(1_500);
    expect(await outcome).toBe('timed out after 1 s waiting for the catalog');
  });
});
