import { z } from 'zod';
import { normalizeOpenSloDocument } from './normalizeOpenSloDocument';
import {
  AlertConditionSpec,
  AlertNotificationTargetSpec,
  AlertPolicySpec,
  DataSourceSpec,
  OPENSLO_API_VERSION,
  OPENSLO_KINDS,
  OpenSloKind,
  ServiceSpec,
  SliSpec,
  SloSpec,
  specSchemas,
} from './schema';

/** One thing wrong with a document: the field's path and what is wrong. */
export interface OpenSloProblem {
  /** Dotted path of the field, e.g. `spec.objectives[0].target`. */
  path: string;
  message: string;
}

interface DocumentOf<K extends OpenSloKind, S> {
  apiVersion: typeof OPENSLO_API_VERSION;
  kind: K;
  metadata: {
    name: string;
    namespace?: string;
    displayName?: string;
    [key: string]: unknown;
  };
  spec: S;
}

export type SloDocument = DocumentOf<'SLO', SloSpec>;
export type SliDocument = DocumentOf<'SLI', SliSpec>;
export type DataSourceDocument = DocumentOf<'DataSource', DataSourceSpec>;
export type AlertPolicyDocument = DocumentOf<'AlertPolicy', AlertPolicySpec>;
export type AlertConditionDocument = DocumentOf<
  'AlertCondition',
  AlertConditionSpec
>;
export type AlertNotificationTargetDocument = DocumentOf<
  'AlertNotificationTarget',
  AlertNotificationTargetSpec
>;
export type ServiceDocument = DocumentOf<'Service', ServiceSpec>;
export type OpenSloDocument =
  | SloDocument
  | SliDocument
  | DataSourceDocument
  | AlertPolicyDocument
  | AlertConditionDocument
  | AlertNotificationTargetDocument
  | ServiceDocument;

export type OpenSloValidationResult =
  | {
      ok: true;
      /** The document with OpenSLO's defaults filled in (see normalizeOpenSloDocument). */
      document: OpenSloDocument;
      /** Defaults taken where the specification leaves the meaning open. */
      warnings: OpenSloProblem[];
    }
  | { ok: false; problems: OpenSloProblem[] };

/** Formats a zod path as `spec.objectives[0].target`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

function problemsOf(
  error: z.ZodError,
  prefix: (string | number)[],
): OpenSloProblem[] {
  const seen = new Set<string>();
  const problems: OpenSloProblem[] = [];
  for (const issue of error.issues) {
    // A union reports why each branch failed; the most specific branch says most.
    const nested =
      issue.code === z.ZodIssueCode.invalid_union
        ? issue.unionErrors
            .map(e => e.issues)
            .sort((a, b) => b[0]!.path.length - a[0]!.path.length)[0]
        : undefined;
    for (const i of nested ?? [issue]) {
      const p = {
        path: formatPath([...prefix, ...i.path]),
        message: i.message,
      };
      const key = `${p.path}\0${p.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        problems.push(p);
      }
    }
  }
  return problems;
}

/** Whether a document claims to be OpenSLO v1 (whatever else is wrong with it). */
export function isOpenSloDocument(doc: unknown): boolean {
  return (
    typeof doc === 'object' &&
    doc !== null &&
    (doc as { apiVersion?: unknown }).apiVersion === OPENSLO_API_VERSION
  );
}

/**
 * Validates one OpenSLO v1 document and lists every problem with the path of
 * the field it concerns. Unknown kinds and a missing spec are problems too.
 * Only what the specification forbids is a problem; a valid document comes
 * back with its defaults filled in and a warning for each ambiguous one.
 */
export function validateOpenSloDocument(doc: unknown): OpenSloValidationResult {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return {
      ok: false,
      problems: [
        { path: '', message: 'the document must be a YAML/JSON object' },
      ],
    };
  }
  const d = doc as Record<string, unknown>;
  const problems: OpenSloProblem[] = [];
  if (d.apiVersion !== OPENSLO_API_VERSION) {
    problems.push({
      path: 'apiVersion',
      message: `must be ${OPENSLO_API_VERSION}`,
    });
  }
  const kind = d.kind as OpenSloKind;
  if (!OPENSLO_KINDS.includes(kind)) {
    problems.push({
      path: 'kind',
      message: `must be one of ${OPENSLO_KINDS.join(', ')}`,
    });
  }
  const meta = d.metadata as Record<string, unknown> | undefined;
  if (typeof meta !== 'object' || meta === null) {
    problems.push({ path: 'metadata', message: 'is required' });
  } else if (typeof meta.name !== 'string' || !meta.name) {
    problems.push({ path: 'metadata.name', message: 'is required' });
  }
  if (typeof d.spec !== 'object' || d.spec === null || Array.isArray(d.spec)) {
    problems.push({
      path: 'spec',
      message: 'is required and must be an object',
    });
  } else if (OPENSLO_KINDS.includes(kind)) {
    const result = specSchemas[kind].safeParse(d.spec);
    if (!result.success) problems.push(...problemsOf(result.error, ['spec']));
  }
  if (problems.length) return { ok: false, problems };
  const { document, warnings } = normalizeOpenSloDocument(d);
  return {
    ok: true,
    document: document as unknown as OpenSloDocument,
    warnings,
  };
}

/** One line per problem, for logs, processing errors and the CLI. */
export function describeProblems(
  doc: { kind?: unknown; metadata?: { name?: unknown } },
  problems: readonly OpenSloProblem[],
): string {
  const kind = typeof doc.kind === 'string' ? doc.kind : 'document';
  const name =
    typeof doc.metadata?.name === 'string' ? ` "${doc.metadata.name}"` : '';
  const lines = problems.map(p =>
    p.path ? `${p.path}: ${p.message}` : p.message,
  );
  return `OpenSLO ${kind}${name} is invalid: ${lines.join('; ')}`;
}
