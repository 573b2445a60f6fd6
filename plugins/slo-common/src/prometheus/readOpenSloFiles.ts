import {
  OpenSloDocument,
  validateOpenSloDocument,
} from '../openslo/validateOpenSloDocument';

/**
 * The part of a document from `yaml`'s `parseAllDocuments` this module reads.
 * Taking the parser as an argument keeps this package free of a YAML
 * dependency while the scaffolder actions and the CLI share one reading.
 */
export interface YamlDocumentLike {
  errors: ReadonlyArray<{
    message: string;
    linePos?: ReadonlyArray<{ line: number; col: number }>;
  }>;
  /** `[start, valueEnd, nodeEnd]` offsets in the source. */
  range?: readonly number[] | null;
  contents: unknown;
  toJS(): unknown;
}

/** `parseAllDocuments` from the `yaml` package, or anything shaped like it. */
export type ParseAllYamlDocuments = (
  source: string,
) => Iterable<YamlDocumentLike>;

/** An OpenSLO document and where it was read from. */
export interface LocatedOpenSloDocument {
  document: OpenSloDocument;
  /** The file, as the caller named it (e.g. relative to a workspace). */
  file?: string;
  /** 1-based position of the document in its file. */
  index?: number;
  /** 1-based line where the document starts. */
  line?: number;
}

/** One thing wrong with a file, a document in it, or a field of a document. */
export interface OpenSloFileProblem {
  file?: string;
  index?: number;
  line?: number;
  kind?: string;
  name?: string;
  /** Dotted path of the field (`spec.objectives[0].target`); empty for the whole document. */
  path: string;
  message: string;
}

/** The OpenSLO documents found in a set of files, and every problem. */
export interface OpenSloFileSet {
  documents: LocatedOpenSloDocument[];
  problems: OpenSloFileProblem[];
  /** Defaults taken where OpenSLO leaves a meaning open; not problems. */
  warnings: OpenSloFileProblem[];
  /** Documents that are not OpenSLO (e.g. Backstage entities in a catalog file). */
  otherDocuments: number;
}

/**
 * One line per problem, as CI logs and task logs show it:
 * `slos.yaml:12 (document 2, SLO "checkout"): spec.objectives[0].target: must be below 1`.
 */
export function formatOpenSloFileProblem(problem: OpenSloFileProblem): string {
  const field = problem.path ? `${problem.path}: ` : '';
  if (problem.file === undefined) return `${field}${problem.message}`;
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const what = [
    problem.index !== undefined ? `document ${problem.index}` : undefined,
    problem.kind
      ? `${problem.kind}${problem.name ? ` "${problem.name}"` : ''}`
      : undefined,
  ].filter(Boolean);
  return `${where}${what.length ? ` (${what.join(', ')})` : ''}: ${field}${
    problem.message
  }`;
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) line++;
  }
  return line;
}

function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}

/**
 * Reads every OpenSLO document of a set of YAML files and validates it with
 * {@link validateOpenSloDocument}. Documents of other apiVersions are counted
 * and left alone, so catalog files with Backstage entities can be passed as
 * they are; `openslo/v1alpha` and other versions are reported, not ignored.
 * Two SLOs (or SLIs, …) with the same name and namespace are a problem too:
 * the catalog would keep only one of them.
 */
export function readOpenSloFiles(
  files: ReadonlyArray<{ path: string; content: string }>,
  parseAllDocuments: ParseAllYamlDocuments,
): OpenSloFileSet {
  const set: OpenSloFileSet = {
    documents: [],
    problems: [],
    warnings: [],
    otherDocuments: 0,
  };
  const seen = new Map<string, LocatedOpenSloDocument>();
  for (const { path: file, content } of files) {
    let index = 0;
    for (const doc of parseAllDocuments(content)) {
      index++;
      // The content's own start skips a leading `---` and comments.
      const start =
        (doc.contents as { range?: number[] } | null)?.range?.[0] ??
        doc.range?.[0];
      const line = start !== undefined ? lineAt(content, start) : undefined;
      if (doc.errors.length) {
        for (const error of doc.errors) {
          set.problems.push(yamlSyntaxProblem(error, { file, index, line }));
        }
        continue;
      }
      if (doc.contents === null || doc.contents === undefined) {
        index--; // an empty document, e.g. after a trailing `---`
        continue;
      }
      addDocument(set, seen, doc.toJS(), { file, index, line });
    }
  }
  return set;
}

/** Where a document is: its file, its position in the file and its first line. */
type DocumentPlace = Pick<LocatedOpenSloDocument, 'file' | 'index' | 'line'>;

function yamlSyntaxProblem(
  error: YamlDocumentLike['errors'][number],
  place: DocumentPlace,
): OpenSloFileProblem {
  return {
    ...place,
    line: error.linePos?.[0]?.line ?? place.line,
    path: '',
    // The line is already in the location; keep the message short.
    message: `YAML syntax error: ${error.message
      .split('\n')[0]
      .replace(/ at line \d+, column \d+:?$/, '')}`,
  };
}

/**
 * Adds one parsed document to the set: counted when it is not OpenSLO, else
 * validated, and refused when `seen` holds one of its kind and name.
 */
function addDocument(
  set: OpenSloFileSet,
  seen: Map<string, LocatedOpenSloDocument>,
  value: unknown,
  place: DocumentPlace,
) {
  const apiVersion = stringField(value, 'apiVersion');
  if (!apiVersion?.startsWith('openslo/')) {
    set.otherDocuments++;
    return;
  }
  const kind = stringField(value, 'kind');
  const meta = (value as { metadata?: unknown }).metadata;
  const name = stringField(meta, 'name');
  const at = { ...place, kind, name };
  const result = validateOpenSloDocument(value);
  if (!result.ok) {
    for (const p of result.problems) set.problems.push({ ...at, ...p });
    return;
  }
  for (const w of result.warnings) set.warnings.push({ ...at, ...w });
  const located = { document: result.document, ...place };
  const key = `${kind}:${stringField(meta, 'namespace') ?? 'default'}/${name}`;
  const first = seen.get(key);
  if (first) {
    set.problems.push({
      ...at,
      path: 'metadata.name',
      message: `another ${kind} has the same name in ${first.file}${
        first.line ? `:${first.line}` : ''
      } (document ${first.index})`,
    });
    return;
  }
  seen.set(key, located);
  set.documents.push(located);
}
