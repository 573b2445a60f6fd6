import { InputError } from '@backstage/errors';
import { Sample } from './BuiltinStore';

const SERIES = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$/;

function toEpochMs(timestamp: unknown): number {
  if (typeof timestamp === 'number') return timestamp;
  if (typeof timestamp === 'string') return Date.parse(timestamp);
  return NaN;
}

/** A time for a message; epoch milliseconds beyond what a Date can hold stay numbers. */
function describeTime(ms: number): string {
  return Math.abs(ms) <= 8.64e15
    ? new Date(ms).toISOString()
    : `${ms} ms since the epoch`;
}

/** Limits of one ingest request. */
export interface IngestLimits {
  maxBatchSize: number;
  /** Samples older than this (epoch ms) are outside retention. */
  oldestMs: number;
  /** Samples newer than this (epoch ms) are in the future. */
  newestMs: number;
}

/**
 * The limits of a request at `nowMs`: samples within the retention period
 * and at most 5 minutes ahead (clocks drift).
 */
export function ingestLimitsAt(
  nowMs: number,
  builtin: { retentionMs: number; maxBatchSize: number },
): IngestLimits {
  return {
    maxBatchSize: builtin.maxBatchSize,
    oldestMs: nowMs - builtin.retentionMs,
    newestMs: nowMs + 5 * 60_000,
  };
}

/**
 * Checks an ingest body and turns it into per-minute samples. Every problem
 * is listed with its field, and nothing is stored unless all are fine.
 */
export function validateSamples(body: unknown, limits: IngestLimits): Sample[] {
  const samples = (body as { samples?: unknown } | undefined)?.samples;
  if (!Array.isArray(samples)) {
    throw new InputError(
      'samples: required, a list of { series, timestamp, good, total }',
    );
  }
  if (samples.length === 0) throw new InputError('samples: must not be empty');
  if (samples.length > limits.maxBatchSize) {
    throw new InputError(
      `samples: ${samples.length} samples in one request; at most ${limits.maxBatchSize} are accepted, send several batches`,
    );
  }
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const out: Sample[] = [];
  samples.forEach((raw: any, i) => {
    const at = (field: string, message: string) =>
      problems.push(`samples[${i}].${field}: ${message}`);
    if (typeof raw !== 'object' || raw === null) {
      problems.push(`samples[${i}]: must be an object`);
      return;
    }
    const { series, timestamp, good, total } = raw;
    if (typeof series !== 'string' || !SERIES.test(series)) {
      at(
        'series',
        'must be 1-200 characters of letters, digits and . _ : / - (starting with a letter or digit)',
      );
    }
    const ms = toEpochMs(timestamp);
    if (!Number.isFinite(ms)) {
      at('timestamp', 'must be an ISO 8601 time or epoch milliseconds');
    } else if (ms < limits.oldestMs) {
      at('timestamp', `${describeTime(ms)} is older than the retention period`);
    } else if (ms > limits.newestMs) {
      at('timestamp', `${describeTime(ms)} is in the future`);
    }
    for (const [field, value] of [
      ['good', good],
      ['total', total],
    ] as const) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        at(field, 'must be a number of events, 0 or more');
      }
    }
    if (typeof good === 'number' && typeof total === 'number' && good > total) {
      at('good', `must not exceed total (${good} > ${total})`);
    }
    if (problems.length) return;
    const minute = Math.floor(ms / 60_000);
    const key = `${series}\0${minute}`;
    const previous = seen.get(key);
    if (previous !== undefined) {
      at(
        'timestamp',
        `same series and minute as samples[${previous}]; send one sample per series and minute`,
      );
      return;
    }
    seen.set(key, i);
    out.push({ series, minute, good, total });
  });
  if (problems.length) {
    const shown = problems.slice(0, 20);
    const more =
      problems.length > shown.length
        ? ` (and ${problems.length - shown.length} more)`
        : '';
    throw new InputError(`Invalid samples: ${shown.join('; ')}${more}`);
  }
  return out;
}
