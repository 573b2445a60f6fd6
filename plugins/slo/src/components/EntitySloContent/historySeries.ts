import { SloHistoryPoint } from '@triad/plugin-slo-common';

/** One line of the history chart: an objective's remaining budget. */
export interface HistoryLine {
  /** The objective's index in `spec.objectives`. */
  index: number;
  /** Its key in the chart's rows. */
  key: string;
  name: string;
}

/**
 * Rows for the history chart (`t` and one remaining budget per objective)
 * and a line per objective. Objectives are followed by their index across
 * snapshots, so one added or removed later does not shift the others; they
 * are named as the SLO names them now, or as the latest snapshot that had
 * them did.
 */
export function historySeries(
  points: readonly SloHistoryPoint[],
  current: ReadonlyArray<{ index: number; displayName?: string }>,
): { points: Array<Record<string, number | undefined>>; lines: HistoryLine[] } {
  const names = new Map<number, string | undefined>();
  current.forEach(o => names.set(o.index, o.displayName));
  const rows = points.map(p => {
    const row: Record<string, number | undefined> = {
      t: Date.parse(p.evaluatedAt),
    };
    p.objectives.forEach((o, position) => {
      // Snapshots from before objectives carried their index: by position.
      const index = o.index ?? position;
      row[`remaining${index}`] = o.remaining;
      if (!names.has(index) || names.get(index) === undefined) {
        names.set(index, o.displayName);
      }
    });
    return row;
  });
  const indices = [...names.keys()].sort((a, b) => a - b);
  const lines = indices.map(index => {
    const name = names.get(index) ?? `Objective ${index + 1}`;
    return {
      index,
      key: `remaining${index}`,
      name: indices.length > 1 ? `Budget left: ${name}` : 'Budget left',
    };
  });
  return { points: rows, lines };
}
