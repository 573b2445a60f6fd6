/**
 * A catalog-safe document name: lower case, letters, digits and single
 * dashes (another tool's names may hold dots, underscores or capitals).
 */
export function entityName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/** A burn-rate factor as a document states it: ten significant digits. */
export function tidyFactor(n: number): number {
  return Number(n.toPrecision(10));
}
