import { Entity } from '@backstage/catalog-model';

/**
 * Whether an SLO entity's objectives point at other SLOs, read from the
 * entity as it is, without validating it: a cheap question to ask of every
 * SLO, before validating the few that look composite.
 */
export function looksComposite(entity: Entity): boolean {
  const objectives = entity.spec?.objectives;
  return (
    Array.isArray(objectives) &&
    objectives.some(o => (o as { sloRef?: unknown })?.sloRef !== undefined)
  );
}
