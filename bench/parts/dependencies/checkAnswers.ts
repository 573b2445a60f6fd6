import { fmt, log } from '../../lib/report';
import { Bench } from './Bench';

const target = (ref: string) => (ref.startsWith('resource:') ? 0.9995 : 0.999);

/**
 * Makes sure the timed calls did the work: for a sample of services, the
 * ceiling multiplies every dependency with an SLO on its chain (the
 * product of their targets, worked out here from the generator), and the
 * attribution of an SLO behind an incident puts a share on the resource.
 */
export async function checkAnswers(bench: Bench, sample = 50) {
  const { backend, chains } = bench;
  const api = `${backend.baseUrl}/api/slo/v1`;
  const get = async (path: string) => {
    const res = await fetch(`${api}${path}`, {
      headers: { Authorization: `Bearer ${backend.token}` },
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const every = Math.max(1, Math.floor(chains.services.length / sample));
  const picked = chains.services.filter((_, i) => i % every === 0);
  for (const ref of picked) {
    const [kind, rest] = ref.split(':');
    const expected = chains.dependencies.get(ref)!;
    const ceiling = await get(`/entities/${kind}/${rest}/dependency-ceiling`);
    const got = ceiling.dependencies.map((d: { ref: string }) => d.ref);
    if (got.length !== expected.length) {
      throw new Error(
        `${ref}: ceiling over [${got}] instead of [${expected}]: ${JSON.stringify(
          ceiling,
        ).slice(0, 2000)}`,
      );
    }
    const product = expected.reduce((p, r) => p * target(r), 1);
    if (expected.length && Math.abs(ceiling.targetCeiling - product) > 1e-12) {
      throw new Error(
        `${ref}: ceiling ${ceiling.targetCeiling}, not ${product}`,
      );
    }
  }
  const behind = chains.services.filter(r => chains.incident.dependents.has(r));
  for (const ref of behind.slice(0, sample)) {
    const name = `${ref.split('/')[1]}-availability`;
    const body = await get(`/slos/default/${name}/burn-attribution`);
    const shared = body.dependencies.filter(
      (d: { ref: string; share?: number }) =>
        chains.incident.resources.has(d.ref) && (d.share ?? 0) > 0,
    );
    if (!shared.length) {
      throw new Error(`${ref}: no share on an incident resource`);
    }
  }
  log(
    `checked ${picked.length} ceilings and ${fmt.int(
      Math.min(sample, behind.length),
    )} attributions`,
  );
}
