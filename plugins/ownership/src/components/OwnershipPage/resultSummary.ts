import { GroupSummary, LookupResult } from '@triad/plugin-ownership-common';
import { TEAM_TYPE_LABELS } from '../topologyLabels';

function groupKind(group: GroupSummary): string {
  if (group.teamType) return ` · ${TEAM_TYPE_LABELS[group.teamType]} team`;
  return group.type ? ` · ${group.type}` : '';
}

/**
 * What a lookup result is about: its entity ref, its title and what kind of
 * thing it is, in words.
 */
export function resultSummary(result: LookupResult): {
  ref: string;
  title: string;
  kind: string;
} {
  switch (result.type) {
    case 'entity': {
      const { entity } = result;
      return {
        ref: entity.ref,
        title: entity.title ?? entity.name,
        kind: `${entity.kind}${entity.type ? ` · ${entity.type}` : ''}`,
      };
    }
    case 'group':
      return {
        ref: result.group.ref,
        title: result.group.title ?? result.group.name,
        kind: `group${groupKind(result.group)}`,
      };
    case 'user':
    default:
      return {
        ref: result.user.ref,
        title: result.user.displayName ?? result.user.name,
        kind: `person${result.user.email ? ` · ${result.user.email}` : ''}`,
      };
  }
}
