import {
  Entity,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** Where the owner and system of an SLO's service come from. */
export interface SloContext {
  ownerRef?: string;
  systemRef?: string;
}

/** The service an SLO measures, as evaluations name it. */
export interface MeasuredService {
  ref: string;
  context: SloContext;
}

/** The owner and system of an SLO's service, from its relations. */
export function contextOf(service: Entity | undefined): SloContext {
  const target = (type: string, kind?: string) =>
    service?.relations?.find(
      r => r.type === type && (!kind || r.targetRef.startsWith(`${kind}:`)),
    )?.targetRef;
  return {
    ownerRef: target(RELATION_OWNED_BY),
    systemRef: target(RELATION_PART_OF, 'system'),
  };
}

/** A service entity the caller may read, as evaluations name it. */
export function measuredService(service: Entity): MeasuredService {
  return { ref: stringifyEntityRef(service), context: contextOf(service) };
}
