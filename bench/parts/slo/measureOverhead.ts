import { componentName } from '../../lib/generateSlos';
import { fmt, log } from '../../lib/report';
import { median, now } from '../../lib/util';
import { Bench } from './Bench';

/**
 * Evaluation time against Prometheus's own time for the same queries, on
 * components after the first `skip`. Returns how many it used.
 */
export async function measureOverhead(
  bench: Bench,
  skip: number,
): Promise<number> {
  const { out, section, recorder } = bench;
  log(
    'evaluation overhead against the same queries sent to Prometheus directly',
  );
  const ratios: { triad: number; prom: number }[] = [];
  const runs = bench.quick ? 10 : 30;
  for (let i = 0; i < runs; i++) {
    recorder.reset();
    let started = now();
    await bench.get(
      `/entities/component/default/${componentName(skip + i)}/slos`,
    );
    const triad = now() - started;
    const calls = recorder.calls();
    // The same five queries, at the same evaluation time, in parallel as
    // the backend sends them, straight to /api/v1/query.
    const direct: number[] = [];
    for (let r = 0; r < 3; r++) {
      started = now();
      await Promise.all(
        calls.map(async c => {
          const res = await recorder.realFetch(
            `${bench.prometheusUrl}/api/v1/query`,
            {
              method: 'POST',
              headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
              body: c.body,
            },
          );
          const body = await res.json();
          if (body.status !== 'success') throw new Error(body.error);
        }),
      );
      direct.push(now() - started);
    }
    ratios.push({ triad, prom: median(direct) });
  }
  const overhead = median(ratios.map(r => r.triad / r.prom));
  out.raw.overhead = ratios;
  out.row({
    section,
    metric:
      'GET …/slos, not cached, vs the same 5 queries straight to Prometheus',
    value: `${fmt.ms(median(ratios.map(r => r.triad)))} vs ${fmt.ms(
      median(ratios.map(r => r.prom)),
    )} (median of ${runs} entities)`,
  });
  out.row({
    section,
    metric: 'evaluation time / Prometheus time (median of per-page ratios)',
    value: fmt.x(overhead),
    goal: '≤ 1.2×',
    met: overhead <= 1.2,
  });
  return runs;
}
