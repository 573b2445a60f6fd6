import { upsertYamlDocument } from './upsertYamlDocument';

const isGroup = (d: unknown) => (d as { kind?: string })?.kind === 'Group';

describe('upsertYamlDocument', () => {
  const text = [
    '# the team file',
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata: { name: a } # keep me',
    '---',
    'kind: Group',
    'metadata:',
    '  name: old',
    '',
  ].join('\n');

  it('replaces only the matching document and keeps every other byte', () => {
    const { text: out, replaced } = upsertYamlDocument(
      text,
      isGroup,
      { kind: 'Group', metadata: { name: 'new' } },
      'f.yaml',
    );
    expect(replaced).toBe(true);
    expect(out).toBe(text.replace('  name: old', '  name: new'));
  });

  it('appends a document when none matches, and writes a new file whole', () => {
    const { text: out } = upsertYamlDocument(
      text,
      d => (d as any)?.kind === 'API',
      { kind: 'API' },
      'f.yaml',
    );
    expect(out).toBe(`${text}---\nkind: API\n`);
    expect(
      upsertYamlDocument(undefined, isGroup, { kind: 'Group' }, 'f.yaml'),
    ).toEqual({ text: 'kind: Group\n', replaced: false });
  });

  it('leaves invalid YAML alone and says why', () => {
    expect(() => upsertYamlDocument('a: [', isGroup, {}, 'f.yaml')).toThrow(
      /f\.yaml is not valid YAML, so it is left alone/,
    );
  });
});
