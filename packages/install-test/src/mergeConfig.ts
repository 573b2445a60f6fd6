import { Document, isMap, isSeq, parseDocument } from 'yaml';

/**
 * Merges a configuration snippet of the guide into app-config.yaml the way the
 * guide asks a person to: mappings are merged key by key, list entries are
 * added after the entries already there, and other values replace the old
 * ones. Comments and layout of the file stay.
 */
export function mergeConfig(fileText: string, snippet: string): string {
  const doc = parseDocument(fileText);
  const add = parseDocument(snippet).toJS();
  mergeInto(doc, [], add);
  return doc.toString();
}

function mergeInto(
  doc: Document,
  path: Array<string | number>,
  value: unknown,
) {
  const existing = path.length ? doc.getIn(path, true) : doc.contents;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if (!isMap(existing)) {
      doc.setIn(path, doc.createNode(value));
      return;
    }
    for (const [key, inner] of Object.entries(value)) {
      mergeInto(doc, [...path, key], inner);
    }
  } else if (Array.isArray(value) && isSeq(existing)) {
    for (const item of value) existing.add(doc.createNode(item));
  } else {
    doc.setIn(path, doc.createNode(value));
  }
}
