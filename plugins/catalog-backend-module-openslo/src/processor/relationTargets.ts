import {
  compositeParts,
  OpenSloDocument,
  openSloReferences,
} from '@triad/plugin-slo-common';
import { OPENSLO_RELATIONS } from '../openSloRelations';

/** The relation types of a pair, each way. */
interface RelationTypes {
  forward: { type: string };
  reverse: { type: string };
}

/** An entity an OpenSLO document names, and the relation pair between them. */
export interface RelationTarget {
  /** The kind a reference without one defaults to. */
  kind: string;
  name: string;
  /** The path of the reference in the document, where an invalid one is reported. */
  path: string;
  relation: RelationTypes;
}

/** Everything an OpenSLO document relates to, in the order it is emitted. */
export function relationTargets(
  doc: OpenSloDocument,
  name: string,
): RelationTarget[] {
  const targets: RelationTarget[] = [];
  if (doc.kind === 'SLO') {
    targets.push({
      kind: 'component',
      name: doc.spec.service,
      path: 'spec.service',
      relation: OPENSLO_RELATIONS.measures,
    });
    // A composite's parts, so that each part's page can show what it rolls up into.
    for (const part of compositeParts(doc.spec)) {
      targets.push({
        kind: 'slo',
        name: part.sloRef,
        path: part.path,
        relation: OPENSLO_RELATIONS.sloPart,
      });
    }
  }
  // A Service is the component of its name: the one its SLOs measure.
  if (doc.kind === 'Service') {
    targets.push({
      kind: 'component',
      name,
      path: 'metadata.name',
      relation: OPENSLO_RELATIONS.describes,
    });
  }
  for (const r of openSloReferences(doc)) {
    targets.push({ ...r, relation: OPENSLO_RELATIONS[r.kind] });
  }
  return targets;
}
