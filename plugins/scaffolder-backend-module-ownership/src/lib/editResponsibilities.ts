import { InputError } from '@backstage/errors';
import { RESPONSIBILITY_KINDS } from '@triad/plugin-ownership-common';
import { parseEntityRefInput } from '@triad/scaffolder-utils';
import {
  Document,
  Node as YamlNode,
  Pair,
  YAMLMap,
  isMap,
  isScalar,
  parseAllDocuments,
  stringify,
} from 'yaml';

/** One entry of `spec.responsibilities` as written in YAML. */
export interface ResponsibilityEntry {
  role: string;
  ref: string;
}

/** What to change in the entity's spec; undefined leaves a field alone. */
export interface ResponsibilitiesEdit {
  owner?: string;
  responsibilities?: ResponsibilityEntry[];
}

/** The entity a catalog file holds, as the edit found it. */
export interface EditedEntity {
  kind: string;
  namespace: string;
  name: string;
  owner?: unknown;
  responsibilities?: unknown;
}

interface TextEdit {
  start: number;
  end: number;
  text: string;
}

const KINDS = RESPONSIBILITY_KINDS.map(k => k.toLocaleLowerCase('en-US'));

/** A YAML scalar as it would be written on its own line. */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end + 1;
}

function renderResponsibilities(
  entries: ResponsibilityEntry[],
  indent: string,
): string {
  return [
    'responsibilities:',
    ...entries.flatMap(e => [
      `${indent}  - role: ${scalar(e.role)}`,
      `${indent}    ref: ${scalar(e.ref)}`,
    ]),
  ].join('\n');
}

function entityOf(doc: Document.Parsed): EditedEntity | undefined {
  const value = doc.toJS() as Record<string, any> | null;
  if (!value || typeof value !== 'object') return undefined;
  if (
    typeof value.kind !== 'string' ||
    typeof value.metadata?.name !== 'string'
  )
    return undefined;
  return {
    kind: value.kind,
    namespace: value.metadata.namespace ?? 'default',
    name: value.metadata.name,
    owner: value.spec?.owner,
    responsibilities: value.spec?.responsibilities,
  };
}

const refOf = (e: EditedEntity) =>
  `${e.kind.toLocaleLowerCase('en-US')}:${e.namespace}/${e.name}`;

/**
 * Picks the entity to edit among a catalog file's documents: the one named by
 * `entityRef`, or the only one of a kind that takes responsibilities.
 */
function chooseDocument(
  docs: Document.Parsed[],
  entityRef: string | undefined,
  file: string,
): { doc: Document.Parsed; entity: EditedEntity } {
  const candidates = docs
    .map(doc => ({ doc, entity: entityOf(doc) }))
    .filter(
      (c): c is { doc: Document.Parsed; entity: EditedEntity } =>
        !!c.entity && KINDS.includes(c.entity.kind.toLocaleLowerCase('en-US')),
    );
  if (entityRef) {
    const ref = parseEntityRefInput(entityRef, 'entityRef');
    const wanted = `${ref.kind}:${ref.namespace}/${ref.name}`.toLocaleLowerCase(
      'en-US',
    );
    const found = candidates.find(
      c => refOf(c.entity).toLocaleLowerCase('en-US') === wanted,
    );
    if (!found) {
      throw new InputError(
        `entityRef: ${file} holds no ${wanted} (it holds ${
          candidates.map(c => refOf(c.entity)).join(', ') ||
          'no entity that takes responsibilities'
        })`,
      );
    }
    return found;
  }
  if (candidates.length !== 1) {
    throw new InputError(
      candidates.length
        ? `entityRef: ${file} holds ${
            candidates.length
          } entities that take responsibilities (${candidates
            .map(c => refOf(c.entity))
            .join(', ')}); say which one`
        : `path: ${file} holds no ${RESPONSIBILITY_KINDS.join(', ')} entity`,
    );
  }
  return candidates[0];
}

function pairOf(
  map: YAMLMap,
  key: string,
): Pair<YamlNode, YamlNode> | undefined {
  return map.items.find(p => isScalar(p.key) && p.key.value === key) as
    | Pair<YamlNode, YamlNode>
    | undefined;
}

/**
 * Sets `spec.owner` and `spec.responsibilities` of one entity in a catalog
 * file by editing only the lines of those two fields: comments, key order,
 * quoting, other fields and other documents keep their exact bytes. A field
 * that already holds the wanted value is not touched, so running again
 * changes nothing.
 */
export function editResponsibilities(
  text: string,
  edit: ResponsibilitiesEdit,
  options: { entityRef?: string; file: string },
): { text: string; entity: EditedEntity; changed: boolean } {
  const docs = parseAllDocuments(text) as Document.Parsed[];
  if (!Array.isArray(docs) || !docs.length) {
    throw new InputError(`path: ${options.file} holds no YAML document`);
  }
  for (const doc of docs) {
    if (doc.errors.length) {
      throw new InputError(
        `path: ${options.file} is not valid YAML, so it is left alone: ${
          doc.errors[0].message.split('\n')[0]
        }`,
      );
    }
  }
  const { doc, entity } = chooseDocument(docs, options.entityRef, options.file);
  const root = doc.contents;
  const specPair = isMap(root) ? pairOf(root, 'spec') : undefined;
  const spec = specPair?.value;
  if (!isMap(spec) || !spec.items.length) {
    throw new InputError(
      `path: ${refOf(entity)} in ${
        options.file
      } has no spec to set responsibilities in`,
    );
  }

  const ownerChanged = edit.owner !== undefined && entity.owner !== edit.owner;
  const current = JSON.stringify(entity.responsibilities ?? []);
  const responsibilitiesChanged =
    edit.responsibilities !== undefined &&
    current !== JSON.stringify(edit.responsibilities);
  if (!ownerChanged && !responsibilitiesChanged) {
    return { text, entity, changed: false };
  }

  if (spec.flow) {
    // `spec: { … }` has no lines to edit one by one; rewrite this document.
    if (ownerChanged) doc.setIn(['spec', 'owner'], edit.owner);
    if (responsibilitiesChanged) {
      if (edit.responsibilities!.length) {
        doc.setIn(['spec', 'responsibilities'], edit.responsibilities);
      } else doc.deleteIn(['spec', 'responsibilities']);
    }
    const [start, end] = root!.range!;
    const body = stringify(doc.contents, { lineWidth: 0 });
    return {
      text: text.slice(0, start) + body + text.slice(end),
      entity,
      changed: true,
    };
  }

  const firstKey = spec.items[0].key as YamlNode;
  const keyStart = firstKey.range![0];
  const indent = text.slice(lineStart(text, keyStart), keyStart);
  const edits: TextEdit[] = [];
  const ownerPair = pairOf(spec, 'owner');
  const after = (...keys: string[]) => {
    for (const key of keys) {
      const pair = pairOf(spec, key);
      const value = pair?.value ?? pair?.key;
      if (value?.range) return lineEnd(text, value.range[1] - 1);
    }
    return lineStart(text, keyStart);
  };

  // Where owner lives (or goes), so that responsibilities can follow it.
  let ownerLineEnd: number | undefined = ownerPair
    ? lineEnd(
        text,
        ((ownerPair.value ?? ownerPair.key) as YamlNode).range![1] - 1,
      )
    : undefined;
  if (ownerChanged) {
    const value = ownerPair?.value;
    if (ownerPair && value?.range && isScalar(value) && value.value !== null) {
      edits.push({
        start: value.range[0],
        end: value.range[1],
        text: scalar(edit.owner!),
      });
    } else if (ownerPair) {
      const start = (ownerPair.key as YamlNode).range![0];
      const end = lineEnd(text, start);
      edits.push({ start, end, text: `owner: ${scalar(edit.owner!)}\n` });
    } else {
      ownerLineEnd = after('lifecycle', 'type');
      edits.push({
        start: ownerLineEnd,
        end: ownerLineEnd,
        text: `${indent}owner: ${scalar(edit.owner!)}\n`,
      });
    }
  }

  if (responsibilitiesChanged) {
    const entries = edit.responsibilities!;
    const pair = pairOf(spec, 'responsibilities');
    if (pair) {
      const start = (pair.key as YamlNode).range![0];
      const valueEnd = ((pair.value ?? pair.key) as YamlNode).range![1];
      const end = lineEnd(text, valueEnd - 1);
      edits.push(
        entries.length
          ? {
              start,
              end,
              text: `${renderResponsibilities(entries, indent)}\n`,
            }
          : { start: lineStart(text, start), end, text: '' },
      );
    } else if (entries.length) {
      const at = ownerLineEnd ?? after('lifecycle', 'type');
      edits.push({
        start: at,
        end: at,
        text: `${indent}${renderResponsibilities(entries, indent)}\n`,
      });
    }
  }

  // From the end, so earlier offsets stay valid; of two insertions at one
  // place the later one goes first, leaving owner above responsibilities.
  let result = text;
  const ordered = edits
    .map((e, index) => ({ ...e, index }))
    .sort((a, b) => b.start - a.start || b.index - a.index);
  for (const e of ordered) {
    result = result.slice(0, e.start) + e.text + result.slice(e.end);
  }
  return { text: result, entity, changed: result !== text };
}
