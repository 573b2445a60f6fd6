/**
 * Fakes Date alone (at `now`, or the real time): timers, the event loop and
 * performance keep running for real, so the backend's timeouts and the
 * database work while the test sets the clock.
 */
export function fakeDateOnly(now?: Date) {
  jest.useFakeTimers({
    ...(now && { now }),
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}
