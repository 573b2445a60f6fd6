import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  SloFleetFilter,
  SloListQuery,
  SloRollUpsResponse,
  SloStatus,
} from '@triad/plugin-slo-common';
import { Request } from 'express';

const STATUSES: SloStatus[] = ['healthy', 'warning', 'breached', 'no-data'];
const validators = makeValidator();
/** Refuses path parameters that cannot name an entity, naming the parameter. */
export function checkParams(params: {
  kind?: string;
  namespace: string;
  name: string;
}) {
  if (params.kind !== undefined && !validators.isValidKind(params.kind)) {
    throw new InputError(`kind: "${params.kind}" is not a valid entity kind`);
  }
  if (!validators.isValidNamespace(params.namespace)) {
    throw new InputError(
      `namespace: "${params.namespace}" is not a valid namespace`,
    );
  }
  if (!validators.isValidEntityName(params.name)) {
    throw new InputError(`name: "${params.name}" is not a valid entity name`);
  }
}

export function entityRefOf(params: {
  kind: string;
  namespace: string;
  name: string;
}) {
  checkParams(params);
  return stringifyEntityRef({
    kind: params.kind,
    namespace: params.namespace,
    name: params.name,
  });
}

function optionalRef(
  value: unknown,
  field: string,
  defaultKind: string,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !value)
    throw new InputError(`${field}: must be an entity reference`);
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    throw new InputError(
      `${field}: "${value}" is not an entity reference such as ${defaultKind}:default/name`,
    );
  }
}

function optionalInt(
  value: unknown,
  field: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n < min || n > max) {
    throw new InputError(
      `${field}: must be a whole number from ${min} to ${max}`,
    );
  }
  return n;
}

function optionalTime(value: unknown, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms))
    throw new InputError(`${field}: must be an ISO 8601 time`);
  return new Date(ms);
}

/** The filters and page of the fleet list. */
/** The fleet filters of a query string. */
function fleetFilterOf(query: Request['query']): SloFleetFilter {
  const { status } = query;
  if (status !== undefined && !STATUSES.includes(status as SloStatus)) {
    throw new InputError(`status: must be one of ${STATUSES.join(', ')}`);
  }
  return {
    owner: optionalRef(query.owner, 'owner', 'group'),
    team: optionalRef(query.team, 'team', 'group'),
    system: optionalRef(query.system, 'system', 'system'),
    status: status as SloStatus | undefined,
    text: optionalText(query.text, 'text', 200),
  };
}

function optionalText(
  value: unknown,
  field: string,
  maxLength: number,
): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > maxLength) {
    throw new InputError(
      `${field}: must be a text of at most ${maxLength} characters`,
    );
  }
  return value;
}

export function listQueryOf(query: Request['query']): SloListQuery {
  return {
    ...fleetFilterOf(query),
    offset: optionalInt(query.offset, 'offset', 0, 1_000_000),
    limit: optionalInt(query.limit, 'limit', 1, 1000),
  };
}

const ROLL_UP_KEYS: SloRollUpsResponse['by'][] = ['owner', 'system'];

/** `by` and the filters of a roll-ups request. */
export function rollUpsQueryOf(query: Request['query']): {
  by: SloRollUpsResponse['by'];
  filter: SloFleetFilter;
} {
  const by = query.by as SloRollUpsResponse['by'];
  if (!ROLL_UP_KEYS.includes(by)) {
    throw new InputError(`by: must be one of ${ROLL_UP_KEYS.join(', ')}`);
  }
  return { by, filter: fleetFilterOf(query) };
}

/** The time range of a history request; by default the last 7 days. */
export function historyRangeOf(query: Request['query']): {
  from: Date;
  to: Date;
} {
  const to = optionalTime(query.to, 'to') ?? new Date();
  const from =
    optionalTime(query.from, 'from') ?? new Date(to.getTime() - 7 * 86_400_000);
  // Also refuses a default `from` before the earliest representable time.
  if (!(from.getTime() < to.getTime())) {
    throw new InputError('from: must be before to');
  }
  return { from, to };
}
