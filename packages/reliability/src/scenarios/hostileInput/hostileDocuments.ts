import * as fc from 'fast-check';
import { MALFORMED_OPENSLO } from '../../corpus/malformedOpenSlo';
import { formatPath, Mutation } from '../../corpus/mutate';
import { mutatedOpenSlo } from '../../corpus/openslo';
import { MALFORMED_OWNERSHIP, mutatedOwnership } from '../../corpus/ownership';
import { MainSetup } from '../../suite/context';
import { each, FIELD, messagesOf, Tally } from './Tally';

/**
 * Malformed OpenSLO documents and ownership blocks, hand-written and
 * generated, through the catalog's validate-entity (the processors that
 * ingestion runs): a 400 must carry a processing error naming the problem.
 */
export async function hostileDocuments(
  api: MainSetup['api'],
  runSeed: number,
): Promise<Tally[]> {
  const handWritten = async (
    title: string,
    cases: Array<{ name: string; doc: unknown; names: string }>,
  ) => {
    const tally = new Tally(title);
    await each(cases, 4, c => validate(api, tally, c.name, c.doc, c.names));
    return tally;
  };
  const generated = async (
    title: string,
    mutations: fc.Arbitrary<Mutation<any>>,
    seed: number,
  ) => {
    const tally = new Tally(title);
    await each(fc.sample(mutations, { numRuns: 250, seed }), 4, m =>
      validate(
        api,
        tally,
        `${m.doc.kind} with ${m.op} at ${formatPath(m.path)}`,
        m.doc,
        undefined,
        m.value,
      ),
    );
    return tally;
  };
  return [
    await handWritten(
      'malformed OpenSLO documents (hand-written)',
      MALFORMED_OPENSLO,
    ),
    await generated(
      'OpenSLO documents changed at one random place (generated)',
      mutatedOpenSlo,
      runSeed,
    ),
    await handWritten(
      'malformed responsibilities and topology blocks (hand-written)',
      MALFORMED_OWNERSHIP,
    ),
    await generated(
      'responsibilities and topology blocks changed or replaced (generated)',
      mutatedOwnership,
      runSeed + 1,
    ),
  ];
}

async function validate(
  api: MainSetup['api'],
  tally: Tally,
  label: string,
  doc: unknown,
  mustName: string | undefined,
  /** For generated changes: the value put in, which a message may quote instead. */
  value?: unknown,
) {
  const a = await api.service('/api/catalog/validate-entity', {
    json: {
      entity: doc,
      location: 'url:https://example.com/catalog-info.yaml',
    },
  });
  tally.record(a.status);
  const message = messagesOf(a);
  if (a.status >= 500 || a.status === 0) {
    tally.fail(`${label}: ${a.status} ${a.failure ?? message}`);
  } else if (a.status === 200) {
    if (mustName !== undefined && mustName !== '') {
      tally.fail(`${label}: accepted, but it is invalid (${mustName})`);
    }
  } else if (a.status === 413) {
    // Over the catalog's request size limit.
    if (/too large/i.test(message)) tally.named++;
    else tally.fail(`${label}: 413 without saying why: ${message}`);
  } else if (a.status >= 400) {
    const names =
      mustName === undefined
        ? FIELD.test(message) ||
          /kind|apiVersion|metadata|spec/.test(message) ||
          (typeof value === 'string' &&
            value !== '' &&
            message.includes(JSON.stringify(value)))
        : message.toLowerCase().includes(mustName.toLowerCase());
    if (names) tally.named++;
    else
      tally.fail(
        `${label}: ${a.status} without naming ${
          mustName ?? 'a field'
        }: ${message}`,
      );
  }
}
