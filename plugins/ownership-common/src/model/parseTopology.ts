import { OwnershipRole } from './roles';
import {
  OwnershipProblem,
  describe,
  isPlainObject,
  unknownKeys,
} from './problems';
import {
  DeclaredInteraction,
  INTERACTION_MODES,
  InteractionMode,
  TEAM_TYPES,
  TeamTopology,
  TeamType,
} from './types';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { normalizeEntityRef, parseRef } from './refs';

/**
 * The outcome of reading `spec.topology`: the block when it is entirely
 * valid, and one problem per invalid field.
 *
 * @public
 */
export interface ParsedTopology {
  topology?: TeamTopology;
  problems: OwnershipProblem[];
}

/**
 * True for a real calendar day written as `YYYY-MM-DD`.
 *
 * @public
 */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/**
 * Validates `spec.topology` of a Group.
 *
 * @remarks
 * `type` is required; `disciplines` must be configured roles; each interaction
 * names another group (`with`, default kind `group`), a `mode` and optionally
 * an `until` date.
 *
 * @public
 */
export function parseTopology(
  value: unknown,
  options: {
    roles: readonly OwnershipRole[];
    namespace?: string;
    /** The group's own reference, to reject interactions with itself. */
    self?: string;
  },
): ParsedTopology {
  const path = 'spec.topology';
  const problems: OwnershipProblem[] = [];
  if (value === undefined || value === null) return { problems };
  if (!isPlainObject(value)) {
    problems.push({
      path,
      message: `must be an object with type, disciplines and interactions, got ${describe(
        value,
      )}`,
    });
    return { problems };
  }
  problems.push(
    ...unknownKeys(value, ['type', 'disciplines', 'interactions'], path),
  );

  const { type, disciplines = [], interactions = [] } = value;
  if (type === undefined) {
    problems.push({
      path: `${path}.type`,
      message: `is required (${TEAM_TYPES.join(', ')})`,
    });
  } else if (!TEAM_TYPES.includes(type as TeamType)) {
    problems.push({
      path: `${path}.type`,
      message: `${describe(type)} is not a team type (${TEAM_TYPES.join(
        ', ',
      )})`,
    });
  }

  const roleIds = options.roles.map(r => r.id);
  const parsedDisciplines: string[] = [];
  if (!Array.isArray(disciplines)) {
    problems.push({
      path: `${path}.disciplines`,
      message: `must be a list of roles (${roleIds.join(', ')}), got ${describe(
        disciplines,
      )}`,
    });
  } else {
    disciplines.forEach((discipline, index) => {
      if (typeof discipline !== 'string' || !roleIds.includes(discipline)) {
        problems.push({
          path: `${path}.disciplines[${index}]`,
          message: `${describe(
            discipline,
          )} is not a configured role (${roleIds.join(', ')})`,
        });
      } else if (!parsedDisciplines.includes(discipline)) {
        parsedDisciplines.push(discipline);
      }
    });
  }

  const parsedInteractions: DeclaredInteraction[] = [];
  if (!Array.isArray(interactions)) {
    problems.push({
      path: `${path}.interactions`,
      message: `must be a list of {with, mode, until}, got ${describe(
        interactions,
      )}`,
    });
  } else {
    interactions.forEach((item, index) => {
      const at = `${path}.interactions[${index}]`;
      const parsed = parseInteraction(item, at, options, problems);
      if (parsed) parsedInteractions.push(parsed);
    });
  }

  if (problems.length) return { problems };
  return {
    topology: {
      type: type as TeamType,
      disciplines: parsedDisciplines,
      interactions: parsedInteractions,
    },
    problems,
  };
}

function parseInteraction(
  item: unknown,
  at: string,
  options: { namespace?: string; self?: string },
  problems: OwnershipProblem[],
): DeclaredInteraction | undefined {
  if (!isPlainObject(item)) {
    problems.push({
      path: at,
      message: `must be an object with with, mode and until, got ${describe(
        item,
      )}`,
    });
    return undefined;
  }
  const before = problems.length;
  problems.push(...unknownKeys(item, ['with', 'mode', 'until'], at));

  let other: string | undefined;
  if (item.with === undefined) {
    problems.push({ path: `${at}.with`, message: 'is required' });
  } else {
    const parsed = parseRef(item.with, {
      defaultKind: 'group',
      defaultNamespace: options.namespace ?? 'default',
    });
    if (typeof parsed === 'string') {
      problems.push({ path: `${at}.with`, message: parsed });
    } else if (parsed.kind.toLocaleLowerCase('en-US') !== 'group') {
      problems.push({
        path: `${at}.with`,
        message: `must refer to a Group, not a ${parsed.kind}`,
      });
    } else if (
      options.self &&
      normalizeEntityRef(parsed) === normalizeEntityRef(options.self)
    ) {
      problems.push({
        path: `${at}.with`,
        message: 'a team cannot interact with itself',
      });
    } else {
      other = stringifyEntityRef(parsed);
    }
  }

  const mode = item.mode;
  if (mode === undefined) {
    problems.push({
      path: `${at}.mode`,
      message: `is required (${INTERACTION_MODES.join(', ')})`,
    });
  } else if (!INTERACTION_MODES.includes(mode as InteractionMode)) {
    problems.push({
      path: `${at}.mode`,
      message: `${describe(
        mode,
      )} is not an interaction mode (${INTERACTION_MODES.join(', ')})`,
    });
  }

  const until = item.until;
  if (until !== undefined && (typeof until !== 'string' || !isIsoDate(until))) {
    problems.push({
      path: `${at}.until`,
      message: `must be a date written as YYYY-MM-DD, got ${describe(until)}`,
    });
  }

  if (problems.length !== before || !other) return undefined;
  return {
    with: other,
    mode: mode as InteractionMode,
    ...(typeof until === 'string' && { until }),
  };
}
