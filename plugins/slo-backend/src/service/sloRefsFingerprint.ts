import { createHash } from 'crypto';

/** One hash for a set of SLO references, whatever their order. */
export function sloRefsFingerprint(refs: readonly string[]): string {
  const sorted = [...new Set(refs)].sort();
  return createHash('sha256').update(sorted.join('\n')).digest('hex');
}
