import {
  RELATION_COLLABORATES_WITH,
  RELATION_CONSUMES_SERVICE_OF,
  RELATION_FACILITATED_BY,
  RELATION_FACILITATES,
  RELATION_PROVIDES_SERVICE_TO,
} from './relations';
import { DeclaredInteraction, InteractionMode, TeamType } from './types';

/**
 * An interaction between two teams with its direction made explicit.
 *
 * @public
 */
export interface TeamInteraction {
  mode: InteractionMode;
  /**
   * The providing team for `x-as-a-service`, the facilitating team for
   * `facilitating`, the declaring team for `collaboration`.
   */
  from: string;
  /** The consuming, facilitated or other collaborating team. */
  to: string;
  until?: string;
}

/**
 * Gives a declared interaction its direction.
 *
 * @remarks
 * Interactions may be declared on either team, so the direction follows Team
 * Topologies: a stream-aligned team consumes services, any other team type
 * provides them; an enabling team facilitates, any other team is
 * facilitated. Collaboration has no direction.
 *
 * @public
 */
export function orientInteraction(
  team: string,
  teamType: TeamType,
  interaction: DeclaredInteraction,
): TeamInteraction {
  const { mode, until } = interaction;
  const declaringLeads =
    mode === 'collaboration' ||
    (mode === 'x-as-a-service' && teamType !== 'stream-aligned') ||
    (mode === 'facilitating' && teamType === 'enabling');
  const [from, to] = declaringLeads
    ? [team, interaction.with]
    : [interaction.with, team];
  return { mode, from, to, ...(until !== undefined && { until }) };
}

/**
 * The catalog relations that express an interaction, both directions.
 *
 * @public
 */
export function interactionRelations(
  interaction: TeamInteraction,
): { source: string; type: string; target: string }[] {
  const { from, to } = interaction;
  switch (interaction.mode) {
    case 'collaboration':
      return [
        { source: from, type: RELATION_COLLABORATES_WITH, target: to },
        { source: to, type: RELATION_COLLABORATES_WITH, target: from },
      ];
    case 'x-as-a-service':
      return [
        { source: from, type: RELATION_PROVIDES_SERVICE_TO, target: to },
        { source: to, type: RELATION_CONSUMES_SERVICE_OF, target: from },
      ];
    case 'facilitating':
      return [
        { source: from, type: RELATION_FACILITATES, target: to },
        { source: to, type: RELATION_FACILITATED_BY, target: from },
      ];
    default:
      throw new Error(`Unknown interaction mode ${interaction.mode}`);
  }
}

/**
 * True when an interaction planned to end before `today` (`YYYY-MM-DD`).
 *
 * @public
 */
export function isInteractionExpired(
  until: string | undefined,
  today: string,
): boolean {
  // ISO dates compare correctly as strings.
  return until !== undefined && until < today;
}
