import { Node as YamlNode, Pair, YAMLMap, isScalar, stringify } from 'yaml';

/*
 * Offsets into YAML text, for edits that replace whole lines and leave every
 * other byte of a file as it was.
 */

/** A YAML scalar as it would be written on its own line. */
export function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
}

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just past the end of the line holding `offset`. */
export function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end + 1;
}

/** The pair of a map with a plain `key`. */
export function pairOf(
  map: YAMLMap,
  key: string,
): Pair<YamlNode, YamlNode> | undefined {
  return map.items.find(p => isScalar(p.key) && p.key.value === key) as
    | Pair<YamlNode, YamlNode>
    | undefined;
}
