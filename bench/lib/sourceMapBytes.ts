const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one segment of base64 VLQ numbers. */
function decodeSegment(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = DIGIT.get(ch);
    if (digit === undefined) throw new Error(`bad VLQ character ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/**
 * How many bytes of a generated (minified) file come from each source file,
 * from its source map: each mapped segment counts up to the next segment on
 * the same line; unmapped bytes count as `(unmapped)`. Lines are ASCII in
 * minified output, so characters stand for bytes.
 */
export function bytesPerSource(
  code: string,
  map: { sources: string[]; mappings: string },
): Map<string, number> {
  const lines = code.split('\n');
  const result = new Map<string, number>();
  const add = (source: string, n: number) =>
    n > 0 && result.set(source, (result.get(source) ?? 0) + n);
  const mappingLines = map.mappings.split(';');
  let sourceIndex = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    const segments = (mappingLines[l] ?? '').split(',').filter(Boolean);
    let column = 0;
    let prevColumn = 0;
    let prevSource: string | undefined;
    for (const seg of segments) {
      const v = decodeSegment(seg);
      column += v[0];
      add(prevSource ?? '(unmapped)', column - prevColumn);
      if (v.length >= 4) {
        sourceIndex += v[1];
        prevSource = map.sources[sourceIndex];
      } else {
        prevSource = undefined;
      }
      prevColumn = column;
    }
    add(prevSource ?? '(unmapped)', line.length - prevColumn + 1);
  }
  return result;
}
