import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { log } from '../../lib/report';
import { callers, FleetBench } from './FleetBench';

export interface PagingFigures {
  caller: string;
  expected: number;
  seen: number;
  pages: number;
}

/**
 * Pages through the whole fleet (1,000 a page) as both callers and fails
 * the part unless the total and the SLOs seen are exactly the generated
 * ones, each once, and the roll-ups by owner add up to the same total.
 */
export async function checkPaging(
  bench: FleetBench,
  entities: Entity[],
): Promise<PagingFigures[]> {
  // Both callers see every SLO: see "The conditional caller" in bench/README.md.
  const expected = entities
    .filter(e => e.kind === 'SLO')
    .map(e => stringifyEntityRef(e));
  const figures: PagingFigures[] = [];
  for (const caller of callers(bench)) {
    const seen = new Map<string, number>();
    let pages = 0;
    let total = -1;
    for (let offset = 0; offset === 0 || offset < total; offset += 1000) {
      const page = await bench.get(
        `/slos?offset=${offset}&limit=1000`,
        caller.token,
      );
      pages++;
      if (total !== -1 && page.totalItems !== total)
        throw new Error(
          `${caller.name}: the total changed from ${total} to ${page.totalItems} while paging`,
        );
      total = page.totalItems;
      for (const item of page.items)
        seen.set(item.ref, (seen.get(item.ref) ?? 0) + 1);
    }
    const twice = [...seen].filter(([, n]) => n > 1).map(([ref]) => ref);
    const missing = expected.filter(ref => !seen.has(ref));
    const wanted = new Set(expected);
    const extra = [...seen.keys()].filter(ref => !wanted.has(ref));
    const rollUps = await bench.get('/slos/rollups?by=owner', caller.token);
    const rolledUp = rollUps.rows.reduce(
      (n: number, r: { total: number }) => n + r.total,
      0,
    );
    if (
      total !== expected.length ||
      twice.length ||
      missing.length ||
      extra.length ||
      rolledUp !== total
    ) {
      throw new Error(
        `fleet paging as ${caller.name} is wrong: total ${total} (expected ${
          expected.length
        }), roll-ups by owner add up to ${rolledUp}, ${
          twice.length
        } seen twice (${twice.slice(0, 3)}), ${
          missing.length
        } missing (${missing.slice(0, 3)}), ${
          extra.length
        } not expected (${extra.slice(0, 3)})`,
      );
    }
    log(`paging as ${caller.name}: ${total} SLOs in ${pages} pages, each once`);
    figures.push({
      caller: caller.name,
      expected: expected.length,
      seen: seen.size,
      pages,
    });
  }
  return figures;
}
