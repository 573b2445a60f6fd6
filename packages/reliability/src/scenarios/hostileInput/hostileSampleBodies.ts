import * as fc from 'fast-check';
import { hostileSampleBody, sampleBodyIsValid } from '../../corpus/api';
import { MainSetup } from '../../suite/context';
import { each, messagesOf, Tally } from './Tally';

/** Generated ingest bodies: the server must agree with the documented contract. */
export async function hostileSampleBodies(
  api: MainSetup['api'],
  runSeed: number,
  now: number,
): Promise<Tally> {
  const bodies = new Tally(
    'ingest bodies with hostile fields (generated, checked against the documented contract)',
  );
  await each(
    fc.sample(hostileSampleBody(now), { numRuns: 300, seed: runSeed + 3 }),
    4,
    async body => {
      const a = await api.service('/api/slo/v1/samples', { json: body });
      bodies.record(a.status);
      const valid = sampleBodyIsValid(body, {
        now,
        retentionMs: 35 * 86_400_000,
      });
      const shown = JSON.stringify(body)?.slice(0, 200);
      if (a.status >= 500 || a.status === 0) {
        bodies.fail(`${shown}: ${a.status} ${a.failure ?? messagesOf(a)}`);
      } else if (valid && a.status !== 202) {
        bodies.fail(
          `${shown}: valid but answered ${a.status} ${messagesOf(a)}`,
        );
      } else if (!valid && a.status === 202) {
        bodies.fail(`${shown}: invalid but accepted`);
      } else if (!valid) {
        // A body that is not a JSON object is refused by the JSON parser.
        if (/samples|JSON/.test(messagesOf(a))) bodies.named++;
        else
          bodies.fail(
            `${shown}: ${a.status} not naming the field: ${messagesOf(a)}`,
          );
      }
    },
  );
  return bodies;
}
