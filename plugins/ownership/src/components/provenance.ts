import {
  OwnershipProvenance,
  OwnershipSource,
} from '@triad/plugin-ownership-common';
import { shortRef } from './refs';

/** The badge text of each source. */
export const SOURCE_LABELS: Record<OwnershipSource, string> = {
  explicit: 'explicit',
  inherited: 'inherited',
  derived: 'derived',
  default: 'default',
};

/** What each source means, for tooltips. */
export const SOURCE_EXPLANATIONS: Record<OwnershipSource, string> = {
  explicit: "Assigned in the entity's own spec.responsibilities.",
  inherited:
    'Not assigned on the entity itself, so taken from the nearest system or domain it is part of that assigns the role.',
  derived:
    'The platform role, taken from the owner of a platform-team-owned resource the entity is or depends on.',
  default:
    "Nothing assigns the role, so the entity's accountable owner (spec.owner) holds it.",
};

/**
 * Where a role holder came from, in words: "inherited from system:checkout",
 * "derived from resource:checkout-db", "default from spec.owner".
 */
export function describeProvenance(provenance: OwnershipProvenance): string {
  const [, ...rest] = provenance.path;
  const source = rest.length ? shortRef(rest[rest.length - 1]) : undefined;
  switch (provenance.source) {
    case 'explicit':
      return 'set explicitly on this entity';
    case 'inherited': {
      if (!source) return 'inherited from a parent you may not see';
      const via = rest.slice(0, -1).map(shortRef);
      return `inherited from ${source}${
        via.length ? ` via ${via.join(', ')}` : ''
      }`;
    }
    case 'derived':
      return source
        ? `derived from ${source}`
        : 'derived: this resource is owned by a platform team';
    case 'default':
      return 'default from spec.owner';
    default:
      return String(provenance.source);
  }
}
