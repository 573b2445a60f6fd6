import { Answer } from '../../lib/http';

/** How one category of hostile input fared. */
export class Tally {
  readonly statuses = new Map<number, number>();
  tried = 0;
  named = 0;
  readonly failures: string[] = [];

  constructor(readonly name: string) {}

  record(status: number) {
    this.tried++;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  fail(text: string) {
    this.failures.push(text.slice(0, 400));
  }

  get serverErrors() {
    return [...this.statuses]
      .filter(([s]) => s >= 500 || s === 0)
      .reduce((n, [, c]) => n + c, 0);
  }

  summary() {
    const statuses = [...this.statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, c]) => `${c}×${s || 'no answer'}`)
      .join(', ');
    return `${this.tried} tried: ${statuses}`;
  }
}

/** Runs `fn` over `items`, `limit` at a time. */
export async function each<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

export const messagesOf = (answer: Answer): string => {
  const body = answer.body;
  const list = Array.isArray(body?.errors)
    ? body.errors.map((e: any) => e?.message ?? '')
    : [body?.error?.message ?? ''];
  return list.join(' | ');
};

/** A field path such as spec.objectives[0].target, or samples[2].good. */
export const FIELD = /[A-Za-z_]+(\[\d+\]|\.[A-Za-z_]+)+(: | )/;
