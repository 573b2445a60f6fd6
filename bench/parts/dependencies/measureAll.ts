import { fmt } from '../../lib/report';
import { Bench } from './Bench';
import { measurePass, Pass } from './measurePass';

/**
 * The ceiling of every SLO's service and the attribution of every SLO,
 * one at a time and at the evaluation concurrency; the goal is both at
 * that concurrency inside a minute, the scheduled evaluation's.
 */
export async function measureAll(bench: Bench) {
  const { backend, chains, out, section, concurrency } = bench;
  const api = `${backend.baseUrl}/api/slo/v1`;
  const ceilings = chains.services.map(ref => {
    const [kind, rest] = ref.split(':');
    return `${api}/entities/${kind}/${rest}/dependency-ceiling`;
  });
  const attributions = chains.services.map(
    ref =>
      `${api}/slos/default/${ref.split('/')[1]}-availability/burn-attribution`,
  );
  const passes: Pass[] = [];
  // The goal first: at the evaluation concurrency, then one at a time.
  for (const c of [concurrency, 1]) {
    passes.push(
      await measurePass(bench, 'ceilings of all SLOs’ services', ceilings, c),
    );
    passes.push(
      await measurePass(bench, 'attribution of all SLOs', attributions, c),
    );
  }
  out.raw.passes = passes;
  const at = (c: number) => passes.filter(p => p.concurrency === c);
  const total = (c: number) => at(c).reduce((s, p) => s + p.elapsedMs, 0);
  const errors = passes.reduce((s, p) => s + p.errors, 0);
  out.row({
    section,
    metric: `ceilings and attribution for ${fmt.int(
      chains.services.length,
    )} SLOs, concurrency ${concurrency} (sequential: ${fmt.ms(total(1))})`,
    value: `${fmt.ms(total(concurrency))} (ceilings ${fmt.ms(
      at(concurrency)[0].elapsedMs,
    )}, attribution ${fmt.ms(at(concurrency)[1].elapsedMs)}), ${errors} errors`,
    goal: '< 60 s',
    met: total(concurrency) < 60_000 && errors === 0,
  });
}
