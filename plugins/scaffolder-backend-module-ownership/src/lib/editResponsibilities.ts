import { InputError } from '@backstage/errors';
import { Document, isMap, parseAllDocuments, stringify } from 'yaml';
import { EditedEntity, chooseDocument, refOf } from './chooseDocument';
import { TextEdit, specLineEdits } from './specLineEdits';
import { pairOf } from './yamlLines';

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

/** The documents of a catalog file; invalid YAML is refused, not rewritten. */
function parseDocuments(text: string, file: string): Document.Parsed[] {
  const docs = parseAllDocuments(text) as Document.Parsed[];
  if (!Array.isArray(docs) || !docs.length) {
    throw new InputError(`path: ${file} holds no YAML document`);
  }
  for (const doc of docs) {
    if (doc.errors.length) {
      throw new InputError(
        `path: ${file} is not valid YAML, so it is left alone: ${
          doc.errors[0].message.split('\n')[0]
        }`,
      );
    }
  }
  return docs;
}

/** The fields of the edit that differ from what the entity holds. */
function changedFields(
  entity: EditedEntity,
  edit: ResponsibilitiesEdit,
): ResponsibilitiesEdit {
  const current = JSON.stringify(entity.responsibilities ?? []);
  return {
    ...(edit.owner !== undefined &&
      entity.owner !== edit.owner && { owner: edit.owner }),
    ...(edit.responsibilities !== undefined &&
      current !== JSON.stringify(edit.responsibilities) && {
        responsibilities: edit.responsibilities,
      }),
  };
}

/** `spec: { … }` has no lines to edit one by one; rewrite this document. */
function rewriteDocument(
  text: string,
  doc: Document.Parsed,
  change: ResponsibilitiesEdit,
): string {
  if (change.owner !== undefined) doc.setIn(['spec', 'owner'], change.owner);
  if (change.responsibilities?.length) {
    doc.setIn(['spec', 'responsibilities'], change.responsibilities);
  } else if (change.responsibilities) {
    doc.deleteIn(['spec', 'responsibilities']);
  }
  const [start, end] = doc.contents!.range!;
  const body = stringify(doc.contents, { lineWidth: 0 });
  return text.slice(0, start) + body + text.slice(end);
}

/**
 * Applies edits from the end, so earlier offsets stay valid; of two
 * insertions at one place the later one goes first, leaving owner above
 * responsibilities.
 */
function applyTextEdits(text: string, edits: TextEdit[]): string {
  let result = text;
  const ordered = edits
    .map((e, index) => ({ ...e, index }))
    .sort((a, b) => b.start - a.start || b.index - a.index);
  for (const e of ordered) {
    result = result.slice(0, e.start) + e.text + result.slice(e.end);
  }
  return result;
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
  const docs = parseDocuments(text, options.file);
  const { doc, entity } = chooseDocument(docs, options.entityRef, options.file);
  const root = doc.contents;
  const spec = isMap(root) ? pairOf(root, 'spec')?.value : undefined;
  if (!isMap(spec) || !spec.items.length) {
    throw new InputError(
      `path: ${refOf(entity)} in ${
        options.file
      } has no spec to set responsibilities in`,
    );
  }

  const change = changedFields(entity, edit);
  if (change.owner === undefined && change.responsibilities === undefined) {
    return { text, entity, changed: false };
  }
  if (spec.flow) {
    return { text: rewriteDocument(text, doc, change), entity, changed: true };
  }
  const result = applyTextEdits(text, specLineEdits(text, spec, change));
  return { text: result, entity, changed: result !== text };
}
