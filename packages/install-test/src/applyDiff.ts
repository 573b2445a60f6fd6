/**
 * Applies a diff as the installation guide shows one: lines starting with a
 * space are context, found in order in the file (by their text, whatever the
 * indentation, skipping other lines in between); lines starting with `+` are
 * added right before the next context line, or after the last one when none
 * follows (at the top of the file when there is no context at all); a line
 * of `…` stands for lines left out. Throws, naming the line, when a context
 * line is not in the file.
 */
export function applyDiff(source: string, diff: string): string {
  const lines = source.split('\n');
  const diffLines = diff.replace(/\n$/, '').split('\n');
  let cursor = 0;
  let pending: string[] = [];
  for (const raw of diffLines) {
    if (raw.trim() === '…' || raw.trim() === '...') continue;
    if (raw.startsWith('+')) {
      pending.push(raw.slice(1));
      continue;
    }
    if (!raw.startsWith(' ') && raw !== '') {
      throw new Error(
        `diff line "${raw}" is neither context (" ") nor an addition ("+")`,
      );
    }
    const text = raw.slice(1).trim();
    if (text === '') continue;
    let found = cursor;
    while (found < lines.length && lines[found].trim() !== text) found++;
    if (found === lines.length) {
      throw new Error(
        `the line "${text}" is not in the file${
          cursor ? ' after the lines before it in the diff' : ''
        }`,
      );
    }
    lines.splice(found, 0, ...pending);
    cursor = found + pending.length + 1;
    pending = [];
  }
  lines.splice(cursor, 0, ...pending);
  return lines.join('\n');
}
