import { componentName } from '../../lib/generateSlos';
import { fmt, log } from '../../lib/report';
import { median, now, summary } from '../../lib/util';
import { Bench } from './Bench';

/**
 * Entity pages (5 SLOs each), not cached: Prometheus round trips and
 * latency. Returns how many components it used (the first ones).
 */
export async function measureEntityPages(bench: Bench): Promise<number> {
  const { out, section, get, recorder } = bench;
  log('entity pages (5 SLOs each), not cached');
  const pages = bench.quick ? 10 : 30;
  const pageRuns: {
    dataMs: number;
    pageMs: number;
    roundTrips: number;
    slos: number;
  }[] = [];
  for (let i = 0; i < pages; i++) {
    const name = componentName(i);
    recorder.reset();
    const started = now();
    // What the SLO tab asks first: the SLOs and the release policy.
    const [slos] = await Promise.all([
      get(`/entities/component/default/${name}/slos`),
      get(`/entities/component/default/${name}/policy`),
    ]);
    const dataMs = now() - started;
    // Then, per SLO, the charts' timeline and the history of snapshots.
    await Promise.all(
      slos.items.flatMap((s: any) => [
        get(`/slos/${s.namespace}/${s.name}/timeline`),
        get(`/slos/${s.namespace}/${s.name}/history`),
      ]),
    );
    const errors = slos.items.filter((s: any) => s.error || s.stale);
    if (errors.length)
      throw new Error(
        `${name}: ${errors.map((s: any) => s.error ?? s.staleReason)}`,
      );
    pageRuns.push({
      dataMs,
      pageMs: now() - started,
      roundTrips: recorder.calls().length,
      slos: slos.items.length,
    });
  }
  const perSlo = Math.max(...pageRuns.map(r => r.roundTrips / r.slos));
  out.raw.pages = pageRuns;
  out.row({
    section,
    metric: 'entity page (5 SLOs): Prometheus round trips per SLO',
    value: `${perSlo} (most in one page: ${Math.max(
      ...pageRuns.map(r => r.roundTrips),
    )} for 5 SLOs; SLOs + policy, then timeline and history of each)`,
    goal: '≤ 1',
    met: perSlo <= 1,
  });
  out.row({
    section,
    metric: 'entity page, not cached: SLOs + policy answered / whole tab',
    value: `p50 ${fmt.ms(median(pageRuns.map(r => r.dataMs)))} / ${fmt.ms(
      median(pageRuns.map(r => r.pageMs)),
    )}, p99 ${fmt.ms(summary(pageRuns.map(r => r.dataMs)).p99)} / ${fmt.ms(
      summary(pageRuns.map(r => r.pageMs)).p99,
    )}`,
  });
  return pages;
}
