import { validateSamples } from './validateSamples';

const now = Date.parse('2026-11-28T12:00:00Z');
const limits = {
  maxBatchSize: 3,
  oldestMs: now - 35 * 86_400_000,
  newestMs: now + 300_000,
};
const sample = (extra: object = {}) => ({
  series: 'checkout/requests',
  timestamp: '2026-11-28T11:59:30Z',
  good: 99,
  total: 100,
  ...extra,
});

describe('validateSamples', () => {
  it('turns samples into per-minute rows', () => {
    expect(
      validateSamples(
        { samples: [sample(), sample({ timestamp: now - 120_000 })] },
        limits,
      ),
    ).toEqual([
      // 11:59:30 lies in the minute starting 11:59.
      {
        series: 'checkout/requests',
        minute: Math.floor((now - 30_000) / 60_000),
        good: 99,
        total: 100,
      },
      {
        series: 'checkout/requests',
        minute: (now - 120_000) / 60_000,
        good: 99,
        total: 100,
      },
    ]);
  });

  it.each([
    ['no body', undefined, /samples: required/],
    ['samples not a list', { samples: 'x' }, /samples: required/],
    ['an empty batch', { samples: [] }, /must not be empty/],
    [
      'too many samples',
      { samples: [sample(), sample(), sample(), sample()] },
      /4 samples in one request; at most 3/,
    ],
    [
      'a bad series name',
      { samples: [sample({ series: '../etc' })] },
      /samples\[0\]\.series: must be 1-200 characters/,
    ],
    [
      'a missing timestamp',
      { samples: [sample({ timestamp: undefined })] },
      /samples\[0\]\.timestamp: must be an ISO 8601/,
    ],
    [
      'a future timestamp',
      { samples: [sample({ timestamp: '2027-01-01T00:00:00Z' })] },
      /is in the future/,
    ],
    [
      'a timestamp beyond retention',
      { samples: [sample({ timestamp: '2026-01-01T00:00:00Z' })] },
      /older than the retention period/,
    ],
    [
      'negative counts',
      { samples: [sample({ good: -1 })] },
      /samples\[0\]\.good: must be a number of events/,
    ],
    [
      'counts as strings',
      { samples: [sample({ total: '100' })] },
      /samples\[0\]\.total: must be a number/,
    ],
    [
      'NaN-like counts',
      { samples: [sample({ total: null })] },
      /samples\[0\]\.total/,
    ],
    [
      'more good than total',
      { samples: [sample({ good: 101 })] },
      /must not exceed total \(101 > 100\)/,
    ],
    [
      'a duplicate minute',
      { samples: [sample(), sample({ timestamp: '2026-11-28T11:59:01Z' })] },
      /samples\[1\]\.timestamp: same series and minute as samples\[0\]/,
    ],
    [
      'a non-object sample',
      { samples: [42] },
      /samples\[0\]: must be an object/,
    ],
  ])('rejects %s with the field named', (_name, body, message) => {
    expect(() => validateSamples(body, limits)).toThrow(message);
  });

  it('lists the problems of several samples at once', () => {
    expect(() =>
      validateSamples(
        { samples: [sample({ good: -1 }), sample({ series: '' })] },
        limits,
      ),
    ).toThrow(/samples\[0\]\.good.*samples\[1\]\.series/);
  });
});
