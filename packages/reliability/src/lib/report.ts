/** One property a scenario checked. */
export interface Check {
  name: string;
  held: boolean;
  detail?: string;
}

/** Figures every scenario may report, summed over the suite. */
export type Figure =
  | 'inputs'
  | 'requests'
  | 'faults'
  | 'lost'
  | 'serverErrors'
  | 'unavailable'
  | 'acknowledged';

export const FIGURE_TITLES: Record<Figure, string> = {
  inputs: 'hostile inputs tried',
  requests: 'requests sent',
  faults: 'faults injected',
  acknowledged: 'samples acknowledged',
  lost: 'requests or samples lost',
  serverErrors: '5xx answers',
  unavailable: '503s with Retry-After while the database was away',
};

const write = (line: string) => process.stdout.write(`${line}\n`);

/** What one scenario tried and what held, printed as it goes. */
export class ScenarioReport {
  readonly checks: Check[] = [];
  readonly figures: Partial<Record<Figure, number>> = {};
  readonly notes: string[] = [];

  constructor(readonly id: string, readonly title: string) {}

  tried(text: string) {
    write(`  · tried: ${text}`);
  }

  note(text: string) {
    this.notes.push(text);
    write(`    ${text}`);
  }

  held(name: string, held: boolean, detail?: string): boolean {
    this.checks.push({ name, held, detail });
    write(
      `  ${held ? '✔ held' : '✘ FAILED'}: ${name}${
        detail ? ` — ${detail}` : ''
      }`,
    );
    return held;
  }

  add(figure: Figure, n = 1) {
    this.figures[figure] = (this.figures[figure] ?? 0) + n;
  }

  get failed(): number {
    return this.checks.filter(c => !c.held).length;
  }
}
