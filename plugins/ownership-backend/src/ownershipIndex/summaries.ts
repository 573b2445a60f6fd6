import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  EntitySummary,
  GroupSummary,
  ON_CALL_ANNOTATIONS,
  TeamTopology,
  UserSummary,
} from '@triad/plugin-ownership-common';

function onCallOf(entity: Entity): Record<string, string> | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const present = ON_CALL_ANNOTATIONS.filter(a => annotations[a]);
  return present.length
    ? Object.fromEntries(present.map(a => [a, annotations[a]]))
    : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** An entity as responses show it. */
export function entitySummary(ref: string, entity: Entity): EntitySummary {
  const { kind, namespace, name } = parseEntityRef(ref);
  return {
    ref,
    kind,
    namespace,
    name,
    title: str(entity.metadata.title),
    description: str(entity.metadata.description),
    type: str(entity.spec?.type),
    lifecycle: str(entity.spec?.lifecycle),
    onCall: onCallOf(entity),
  };
}

/** A group as responses show it. */
export function groupSummary(
  ref: string,
  entity: Entity,
  topology: TeamTopology | undefined,
): GroupSummary {
  const { namespace, name } = parseEntityRef(ref);
  const profile = entity.spec?.profile as { displayName?: unknown } | undefined;
  return {
    ref,
    namespace,
    name,
    title: str(entity.metadata.title) ?? str(profile?.displayName),
    type: str(entity.spec?.type),
    teamType: topology?.type,
    onCall: onCallOf(entity),
  };
}

/** A user as responses show it. */
export function userSummary(ref: string, entity: Entity): UserSummary {
  const { namespace, name } = parseEntityRef(ref);
  const profile = entity.spec?.profile as
    | { displayName?: unknown; email?: unknown }
    | undefined;
  return {
    ref,
    namespace,
    name,
    displayName: str(profile?.displayName) ?? str(entity.metadata.title),
    email: str(profile?.email),
  };
}
