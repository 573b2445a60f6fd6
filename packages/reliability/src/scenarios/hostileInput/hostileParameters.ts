import * as fc from 'fast-check';
import { ApiInput, hostileApiRequest } from '../../corpus/api';
import { MainSetup } from '../../suite/context';
import { each, messagesOf, Tally } from './Tally';

/** Hostile path and query parameters on every SLO and ownership endpoint, as the user. */
export async function hostileParameters(
  api: MainSetup['api'],
  runSeed: number,
): Promise<Tally> {
  const params = new Tally(
    'hostile path and query parameters on every SLO and ownership endpoint (generated)',
  );
  const requests = fc.sample(hostileApiRequest, {
    numRuns: 500,
    seed: runSeed + 2,
  });
  await each(requests, 4, async (r: ApiInput) => {
    const a = await api.user(r.path, { method: r.method, timeoutMs: 20_000 });
    params.record(a.status);
    if (a.status >= 500 || a.status === 0) {
      params.fail(
        `${r.label} GET ${r.path.slice(0, 200)}: ${a.status} ${
          a.failure ?? messagesOf(a)
        }`,
      );
    } else if (a.status >= 400) {
      // Node answers over-long request lines itself (431/414) with no body,
      // and a path that is no route (after `..` or `%2F`) is a bare 404.
      if (messagesOf(a) || [404, 414, 431].includes(a.status)) params.named++;
      else
        params.fail(
          `${r.label} GET ${r.path.slice(0, 200)}: ${
            a.status
          } without a message`,
        );
    }
  });
  return params;
}
