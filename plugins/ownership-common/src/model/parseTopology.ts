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

/** Problems with the team type, which is required. */
function teamTypeProblems(type: unknown, path: string): OwnershipProblem[] {
  if (type === undefined) {
    return [{ path, message: `is required (${TEAM_TYPES.join(', ')})` }];
  }
  if (!TEAM_TYPES.includes(type as TeamType)) {
    return [
      {
        path,
        message: `${describe(type)} is not a team type (${TEAM_TYPES.join(
          ', ',
        )})`,
      },
    ];
  }
  return [];
}

/** The configured roles a team practises, each once. */
function parseDisciplines(
  disciplines: unknown,
  roles: readonly OwnershipRole[],
  path: string,
  problems: OwnershipProblem[],
): string[] {
  const roleIds = roles.map(r => r.id);
  const parsed: string[] = [];
  if (!Array.isArray(disciplines)) {
    problems.push({
      path,
      message: `must be a list of roles (${roleIds.join(', ')}), got ${describe(
        disciplines,
      )}`,
    });
    return parsed;
  }
  disciplines.forEach((discipline, index) => {
    if (typeof discipline !== 'string' || !roleIds.includes(discipline)) {
      problems.push({
        path: `${path}[${index}]`,
        message: `${describe(
          discipline,
        )} is not a configured role (${roleIds.join(', ')})`,
      });
    } else if (!parsed.includes(discipline)) {
      parsed.push(discipline);
    }
  });
  return parsed;
}

/** The valid interactions of a team; each invalid field is a problem. */
function parseInteractions(
  interactions: unknown,
  path: string,
  options: { namespace?: string; self?: string },
  problems: OwnershipProblem[],
): DeclaredInteraction[] {
  if (!Array.isArray(interactions)) {
    problems.push({
      path,
      message: `must be a list of {with, mode, until}, got ${describe(
        interactions,
      )}`,
    });
    return [];
  }
  return interactions.flatMap((item, index) => {
    const parsed = parseInteraction(
      item,
      `${path}[${index}]`,
      options,
      problems,
    );
    return parsed ? [parsed] : [];
  });
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
  if (value === undefined || value === null) return { problems: [] };
  if (!isPlainObject(value)) {
    return {
      problems: [
        {
          path,
          message: `must be an object with type, disciplines and interactions, got ${describe(
            value,
          )}`,
        },
      ],
    };
  }
  const problems = unknownKeys(
    value,
    ['type', 'disciplines', 'interactions'],
    path,
  );
  const { type, disciplines = [], interactions = [] } = value;
  problems.push(...teamTypeProblems(type, `${path}.type`));
  const parsedDisciplines = parseDisciplines(
    disciplines,
    options.roles,
    `${path}.disciplines`,
    problems,
  );
  const parsedInteractions = parseInteractions(
    interactions,
    `${path}.interactions`,
    options,
    problems,
  );

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

/** The other team of an interaction: a Group that is not the team itself. */
function parseInteractionWith(
  value: unknown,
  path: string,
  options: { namespace?: string; self?: string },
  problems: OwnershipProblem[],
): string | undefined {
  if (value === undefined) {
    problems.push({ path, message: 'is required' });
    return undefined;
  }
  const parsed = parseRef(value, {
    defaultKind: 'group',
    defaultNamespace: options.namespace ?? 'default',
  });
  if (typeof parsed === 'string') {
    problems.push({ path, message: parsed });
  } else if (parsed.kind.toLocaleLowerCase('en-US') !== 'group') {
    problems.push({
      path,
      message: `must refer to a Group, not a ${parsed.kind}`,
    });
  } else if (
    options.self &&
    normalizeEntityRef(parsed) === normalizeEntityRef(options.self)
  ) {
    problems.push({ path, message: 'a team cannot interact with itself' });
  } else {
    return stringifyEntityRef(parsed);
  }
  return undefined;
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

  const other = parseInteractionWith(
    item.with,
    `${at}.with`,
    options,
    problems,
  );

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
