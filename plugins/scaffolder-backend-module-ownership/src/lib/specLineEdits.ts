import { Node as YamlNode, Pair, YAMLMap, isScalar } from 'yaml';
import { ResponsibilityEntry } from './editResponsibilities';
import { lineEnd, lineStart, pairOf, yamlScalar } from './yamlLines';

/** Replaces `text.slice(start, end)` with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

type YamlPair = Pair<YamlNode, YamlNode>;

function renderResponsibilities(
  entries: ResponsibilityEntry[],
  indent: string,
): string {
  return [
    'responsibilities:',
    ...entries.flatMap(e => [
      `${indent}  - role: ${yamlScalar(e.role)}`,
      `${indent}    ref: ${yamlScalar(e.ref)}`,
    ]),
  ].join('\n');
}

/** The end of the last line of a pair, its value's or (when empty) its key's. */
function pairLineEnd(text: string, pair: YamlPair): number {
  return lineEnd(text, (pair.value ?? pair.key).range![1] - 1);
}

/** Sets owner: its value alone when it is a scalar, else its whole line. */
function ownerEdit(
  text: string,
  pair: YamlPair | undefined,
  owner: string,
  at: { indent: string; insertAt: number },
): TextEdit {
  const value = pair?.value;
  if (pair && value?.range && isScalar(value) && value.value !== null) {
    return {
      start: value.range[0],
      end: value.range[1],
      text: yamlScalar(owner),
    };
  }
  if (pair) {
    const start = pair.key.range![0];
    return {
      start,
      end: lineEnd(text, start),
      text: `owner: ${yamlScalar(owner)}\n`,
    };
  }
  return {
    start: at.insertAt,
    end: at.insertAt,
    text: `${at.indent}owner: ${yamlScalar(owner)}\n`,
  };
}

/** Replaces, removes or adds the lines of responsibilities. */
function responsibilitiesEdit(
  text: string,
  pair: YamlPair | undefined,
  entries: ResponsibilityEntry[],
  at: { indent: string; insertAt: number },
): TextEdit | undefined {
  if (pair) {
    const start = pair.key.range![0];
    const end = pairLineEnd(text, pair);
    return entries.length
      ? {
          start,
          end,
          text: `${renderResponsibilities(entries, at.indent)}\n`,
        }
      : { start: lineStart(text, start), end, text: '' };
  }
  if (!entries.length) return undefined;
  return {
    start: at.insertAt,
    end: at.insertAt,
    text: `${at.indent}${renderResponsibilities(entries, at.indent)}\n`,
  };
}

/**
 * The text edits that set owner and responsibilities (when given) in a block
 * spec, on their own lines. A new field goes after owner, else after
 * lifecycle or type, else first; responsibilities follow owner.
 */
export function specLineEdits(
  text: string,
  spec: YAMLMap,
  change: { owner?: string; responsibilities?: ResponsibilityEntry[] },
): TextEdit[] {
  const keyStart = (spec.items[0].key as YamlNode).range![0];
  const indent = text.slice(lineStart(text, keyStart), keyStart);
  const after = (...keys: string[]) => {
    for (const key of keys) {
      const pair = pairOf(spec, key);
      const value = pair?.value ?? pair?.key;
      if (value?.range) return lineEnd(text, value.range[1] - 1);
    }
    return lineStart(text, keyStart);
  };
  const ownerPair = pairOf(spec, 'owner');
  const at = {
    indent,
    insertAt: ownerPair
      ? pairLineEnd(text, ownerPair)
      : after('lifecycle', 'type'),
  };

  const edits: TextEdit[] = [];
  if (change.owner !== undefined) {
    edits.push(ownerEdit(text, ownerPair, change.owner, at));
  }
  if (change.responsibilities !== undefined) {
    const edit = responsibilitiesEdit(
      text,
      pairOf(spec, 'responsibilities'),
      change.responsibilities,
      at,
    );
    if (edit) edits.push(edit);
  }
  return edits;
}
