import { ResponsibilityEntry } from './editResponsibilities';

/**
 * Combines the entries given with those already in the file: given roles
 * replace existing ones in place, new roles are appended.
 */
export function mergeResponsibilities(
  existing: unknown,
  given: ResponsibilityEntry[],
): ResponsibilityEntry[] {
  const list = Array.isArray(existing)
    ? (existing as ResponsibilityEntry[]).map(e => ({ ...e }))
    : [];
  for (const entry of given) {
    const at = list.findIndex(e => e?.role === entry.role);
    if (at === -1) list.push(entry);
    else list[at] = entry;
  }
  return list;
}
