import { ObservedInteraction } from '@triad/plugin-ownership-common';
import { shortRef } from './refs';

/** The dependencies behind an observed interaction, in one line. */
export function evidenceText(
  evidence: ObservedInteraction['evidence'],
): string {
  return evidence
    .map(e => `${shortRef(e.source)} ${e.relation} ${shortRef(e.target)}`)
    .join('; ');
}
