import { InputError } from '@backstage/errors';
import { parseAllDocuments, stringify } from 'yaml';

/** How a document to write is recognised among the file's documents. */
export type DocumentMatcher = (value: unknown) => boolean;

/** YAML as Triad writes it: block style, no folding of long PromQL lines, no anchors. */
export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}

/**
 * Replaces the first document of a multi-document YAML text that `matches`
 * with `value`, or appends `value` as a new document. Only the replaced
 * document's content changes: every other byte — other documents, comments,
 * `---` markers — is kept. With no text (a new file) the result is just the
 * document.
 */
export function upsertYamlDocument(
  text: string | undefined,
  matches: DocumentMatcher,
  value: unknown,
  file: string,
): { text: string; replaced: boolean } {
  const body = toYaml(value);
  if (text === undefined || !text.trim())
    return { text: body, replaced: false };

  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return { text: body, replaced: false };
  for (const doc of docs) {
    if (doc.errors.length) {
      throw new InputError(
        `${file} is not valid YAML, so it is left alone: ${
          doc.errors[0].message.split('\n')[0]
        }`,
      );
    }
  }
  for (const doc of docs) {
    const contents = doc.contents;
    if (!contents?.range || !matches(doc.toJS())) continue;
    const [start, end] = contents.range;
    // A document that ends the file without a newline keeps ending that way.
    const replacement =
      end >= text.length && !text.endsWith('\n') ? body.slice(0, -1) : body;
    return {
      text: text.slice(0, start) + replacement + text.slice(end),
      replaced: true,
    };
  }
  const separator = text.endsWith('\n') ? '' : '\n';
  return { text: `${text}${separator}---\n${body}`, replaced: false };
}
