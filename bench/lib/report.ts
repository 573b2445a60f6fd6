import { writeFileSync } from 'fs';

/** One line of the benchmark table. */
export interface Row {
  section: string;
  metric: string;
  value: string;
  /** The issue's goal, when there is one, e.g. "≤ 1.5×". */
  goal?: string;
  met?: boolean;
}

/** What a part hands back to bench/run.js. */
export interface PartResult {
  part: string;
  rows: Row[];
  notes: string[];
  /** Raw figures, kept in the JSON file for whoever wants them. */
  raw: Record<string, unknown>;
}

export function partResult(part: string): PartResult & {
  row(r: Row): void;
  note(n: string): void;
  write(): void;
} {
  const result: PartResult = { part, rows: [], notes: [], raw: {} };
  return Object.assign(result, {
    row(r: Row) {
      result.rows.push(r);
      process.stderr.write(
        `  ${r.section} | ${r.metric}: ${r.value}${
          r.goal ? ` (goal ${r.goal}: ${r.met ? 'met' : 'NOT met'})` : ''
        }\n`,
      );
    },
    note(n: string) {
      result.notes.push(n);
    },
    write() {
      const file = process.env.BENCH_RESULT;
      const json = JSON.stringify(
        { part, rows: result.rows, notes: result.notes, raw: result.raw },
        null,
        2,
      );
      if (file) writeFileSync(file, json);
      else process.stdout.write(`${json}\n`);
    },
  });
}

export const fmt = {
  ms: (v: number) =>
    !Number.isFinite(v)
      ? 'n/a'
      : v < 1
      ? `${v.toFixed(3)} ms`
      : v < 10
      ? `${v.toFixed(2)} ms`
      : v < 1000
      ? `${v.toFixed(0)} ms`
      : `${(v / 1000).toFixed(1)} s`,
  x: (v: number) => `${v.toFixed(2)}×`,
  mib: (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`,
  kib: (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`,
  int: (v: number) => Math.round(v).toLocaleString('en-US'),
  p: (s: { p50: number; p99: number }) =>
    `p50 ${fmt.ms(s.p50)}, p99 ${fmt.ms(s.p99)}`,
};

export const log = (m: string) =>
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${m}\n`);

/**
 * Runs a part's `main` as its process: exits 0 when it finishes, 1 when it
 * throws, and 143 on SIGTERM from bench/run.js, so that 'exit' handlers stop
 * its child processes.
 */
export function runPart(main: () => Promise<void>): void {
  process.once('SIGTERM', () => process.exit(143));
  main().then(
    () => process.exit(0),
    error => {
      console.error(error);
      process.exit(1);
    },
  );
}
