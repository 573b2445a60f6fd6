import { SloSample } from '@triad/plugin-slo-common';

/** The samples of a file, or what is wrong with it, line by line. */
export interface ParsedSamples {
  samples: SloSample[];
  problems: string[];
}

const COLUMNS = ['series', 'timestamp', 'good', 'total'] as const;

function checkSample(
  raw: Record<string, unknown>,
  where: string,
  problems: string[],
): SloSample | undefined {
  const before = problems.length;
  const { series, timestamp, good, total } = raw;
  if (typeof series !== 'string' || !series.trim()) {
    problems.push(`${where}: series: must be a non-empty string`);
  }
  // CSV cells are strings; digits only are epoch milliseconds.
  const time =
    typeof timestamp === 'string' && /^\d+$/.test(timestamp)
      ? Number(timestamp)
      : timestamp;
  if (
    !(typeof time === 'number' && Number.isFinite(time)) &&
    !(typeof time === 'string' && !Number.isNaN(Date.parse(time)))
  ) {
    problems.push(
      `${where}: timestamp: must be an ISO 8601 time or epoch milliseconds, got ${JSON.stringify(
        timestamp,
      )}`,
    );
  }
  const count = (value: unknown, field: string) => {
    const n = typeof value === 'string' && value.trim() ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      problems.push(
        `${where}: ${field}: must be a whole number of events, got ${JSON.stringify(
          value,
        )}`,
      );
      return 0;
    }
    return n;
  };
  const g = count(good, 'good');
  const t = count(total, 'total');
  if (problems.length !== before) return undefined;
  return {
    series: (series as string).trim(),
    timestamp: time as string | number,
    good: g,
    total: t,
  };
}

function parseJson(file: string, content: string): ParsedSamples {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (e) {
    return {
      samples: [],
      problems: [`${file}: not valid JSON: ${(e as Error).message}`],
    };
  }
  const list = Array.isArray(value)
    ? value
    : (value as { samples?: unknown })?.samples;
  if (!Array.isArray(list)) {
    return {
      samples: [],
      problems: [`${file}: must be a list of samples or { "samples": [...] }`],
    };
  }
  const problems: string[] = [];
  const samples = list.flatMap((raw, i) => {
    if (typeof raw !== 'object' || raw === null) {
      problems.push(`${file}: samples[${i}]: must be an object`);
      return [];
    }
    const sample = checkSample(raw, `${file}: samples[${i}]`, problems);
    return sample ? [sample] : [];
  });
  return { samples, problems };
}

function parseCsv(file: string, content: string): ParsedSamples {
  const lines = content.split(/\r?\n/);
  const cells = (line: string) =>
    line.split(',').map(c => c.trim().replace(/^"(.*)"$/, '$1'));
  const header = cells(lines[0] ?? '');
  const missing = COLUMNS.filter(c => !header.includes(c));
  if (missing.length) {
    return {
      samples: [],
      problems: [
        `${file}:1: the header must name the columns ${COLUMNS.join(
          ',',
        )} (missing ${missing.join(', ')})`,
      ],
    };
  }
  const problems: string[] = [];
  const samples: SloSample[] = [];
  lines.slice(1).forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const values = cells(line);
    const raw = Object.fromEntries(header.map((h, j) => [h, values[j]]));
    const sample = checkSample(raw, `${file}:${i + 2}`, problems);
    if (sample) samples.push(sample);
  });
  return { samples, problems };
}

/**
 * Reads samples from JSON (a list, or `{ "samples": [...] }`) or CSV with a
 * `series,timestamp,good,total` header. Checks shapes only; the backend
 * checks the rest (good ≤ total, retention) and refuses a batch as a whole.
 */
export function parseSamples(file: string, content: string): ParsedSamples {
  const json = /\.json$/i.test(file) || /^\s*[[{]/.test(content);
  return json ? parseJson(file, content) : parseCsv(file, content);
}
