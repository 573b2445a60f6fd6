import { Entity } from '@backstage/catalog-model';
import { prng } from './util';

const LOCATION = 'url:https://bench.triad.invalid/catalog-info.yaml';

export const pad = (n: number, width = 5) => String(n).padStart(width, '0');

/**
 * Collects generated entities. One seeded random source serves every kind,
 * so the kinds must be generated in the same order on every run.
 */
export function catalogBuilder(seed: number) {
  const rand = prng(seed);
  const entities: Entity[] = [];
  return {
    entities,
    rand,
    pick: <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)],
    meta: (name: string, extra: Record<string, unknown> = {}) => ({
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': LOCATION,
        'backstage.io/managed-by-origin-location': LOCATION,
      },
      ...extra,
    }),
    add: (kind: string, metadata: any, spec: any) =>
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind,
        metadata,
        spec,
      } as Entity),
  };
}

export type CatalogBuilder = ReturnType<typeof catalogBuilder>;

/** A responsibility of a role, held by a group. */
export const resp = (role: string, ref: string) => ({
  role,
  ref: `group:${ref}`,
});
