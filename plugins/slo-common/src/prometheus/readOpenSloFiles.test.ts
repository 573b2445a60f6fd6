import {
  YamlDocumentLike,
  formatOpenSloFileProblem,
  readOpenSloFiles,
} from './readOpenSloFiles';

/**
 * A stand-in for yaml's parseAllDocuments over JSON documents separated by
 * `---` lines (this package has no YAML dependency; the scaffolder actions
 * and the CLI test the real parser).
 */
function parseJsonDocuments(source: string): YamlDocumentLike[] {
  const docs: YamlDocumentLike[] = [];
  let offset = 0;
  for (const part of source.split('---\n')) {
    const start = offset;
    offset += part.length + 4;
    if (!part.trim()) continue;
    let value: unknown;
    let error: string | undefined;
    try {
      value = JSON.parse(part);
    } catch (e) {
      error = (e as Error).message;
    }
    docs.push({
      errors: error ? [{ message: error }] : [],
      range: [start, start + part.length, start + part.length],
      contents: value ?? null,
      toJS: () => value,
    });
  }
  return docs;
}

const slo = (name: string, target: number) =>
  JSON.stringify({
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name },
    spec: {
      service: 'api',
      indicatorRef: 'api-requests',
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target }],
    },
  });

describe('readOpenSloFiles', () => {
  it('validates OpenSLO documents, skips others and locates every problem', () => {
    const catalog = [
      JSON.stringify({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
      }),
      slo('api-availability', 0.999),
      slo('api-latency', 1.5),
    ].join('\n---\n');
    const other = [
      slo('api-availability', 0.99),
      JSON.stringify({ apiVersion: 'openslo/v1alpha', kind: 'SLO' }),
      '{ not json',
    ].join('\n---\n');

    const result = readOpenSloFiles(
      [
        { path: 'catalog-info.yaml', content: catalog },
        { path: 'more.yaml', content: other },
      ],
      parseJsonDocuments,
    );
    expect(result.otherDocuments).toBe(1);
    expect(
      result.documents.map(d => [
        d.file,
        d.index,
        d.line,
        d.document.metadata.name,
      ]),
    ).toEqual([['catalog-info.yaml', 2, 3, 'api-availability']]);
    expect(result.problems.map(formatOpenSloFileProblem)).toEqual([
      'catalog-info.yaml:5 (document 3, SLO "api-latency"): spec.objectives[0].target: must be below 1; a 100 % objective leaves no error budget',
      'more.yaml:1 (document 1, SLO "api-availability"): metadata.name: another SLO has the same name in catalog-info.yaml:3 (document 2)',
      'more.yaml:3 (document 2, SLO): apiVersion: must be openslo/v1',
      'more.yaml:3 (document 2, SLO): metadata: is required',
      'more.yaml:3 (document 2, SLO): spec: is required and must be an object',
      expect.stringMatching(
        /^more\.yaml:5 \(document 3\): YAML syntax error: /,
      ),
    ]);
  });

  it('formats problems that concern no file', () => {
    expect(
      formatOpenSloFileProblem({ path: 'labels.x', message: 'is wrong' }),
    ).toBe('labels.x: is wrong');
  });
});
