/**
 * One thing wrong with an ownership block or with the role configuration.
 *
 * @public
 */
export interface OwnershipProblem {
  /** The field, e.g. `spec.responsibilities[1].role`. */
  path: string;
  message: string;
}

/**
 * Formats a problem the way processing errors and API errors show it:
 * `spec.responsibilities[1].role: "qa" is not a configured role (…)`.
 *
 * @public
 */
export function formatOwnershipProblem(problem: OwnershipProblem): string {
  return `${problem.path}: ${problem.message}`;
}

/** Names a value in a message: strings quoted, structures by their shape. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reports keys a block does not know, so that typos do not pass silently. */
export function unknownKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
): OwnershipProblem[] {
  return Object.keys(value)
    .filter(key => !allowed.includes(key))
    .map(key => ({
      path: `${path}.${key}`,
      message: `unknown field (allowed: ${allowed.join(', ')})`,
    }));
}
