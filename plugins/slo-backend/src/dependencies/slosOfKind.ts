import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  isCompositeSlo,
  RELATION_MEASURES,
  SliSpec,
  sloKindOf,
  sloServiceRef,
  validateOpenSloDocument,
} from '@triad/plugin-slo-common';
import { sloDocumentOf } from '../evaluation/SloDefinitions';

/**
 * The SLOs of `kind` (see sloKindOf) that measure each of `refs`, by the
 * measured entity's ref, read with the caller's credentials. An SLO naming
 * its SLI by `indicatorRef` is judged with that SLI. Composites have no SLI.
 */
export async function slosOfKind(
  catalog: CatalogService,
  refs: string[],
  kind: string,
  credentials: BackstageCredentials,
): Promise<Map<string, Entity[]>> {
  // An empty filter value matches every SLO in the catalog: asking would
  // fetch and validate all of them for nothing.
  if (!refs.length) return new Map();
  const { items } = await catalog.getEntities(
    { filter: { kind: 'SLO', [`relations.${RELATION_MEASURES}`]: refs } },
    { credentials },
  );
  const slos = items.flatMap(entity => {
    const doc = sloDocumentOf(entity);
    return doc && !isCompositeSlo(doc.spec) ? [{ entity, doc }] : [];
  });
  const sliRef = (doc: (typeof slos)[number]['doc']) =>
    doc.spec.indicatorRef &&
    `sli:${doc.metadata.namespace ?? 'default'}/${doc.spec.indicatorRef}`;
  const wanted = [...new Set(slos.map(s => sliRef(s.doc)).filter(Boolean))];
  const slis = new Map<string, SliSpec>();
  if (wanted.length) {
    const found = await catalog.getEntitiesByRefs(
      { entityRefs: wanted as string[] },
      { credentials },
    );
    found.items.forEach((entity, i) => {
      const result = entity && validateOpenSloDocument(entity);
      if (result && result.ok && result.document.kind === 'SLI') {
        slis.set(wanted[i] as string, result.document.spec as SliSpec);
      }
    });
  }
  // Entity references match whatever their case, in the catalog as here.
  const lower = (ref: string) => ref.toLocaleLowerCase('en-US');
  const asked = new Map(refs.map(ref => [lower(ref), ref]));
  const byService = new Map<string, Entity[]>();
  for (const { entity, doc } of slos) {
    const ref = sliRef(doc);
    if (sloKindOf(doc, ref ? slis.get(ref) : undefined) !== kind) continue;
    const service = asked.get(lower(stringifyEntityRef(sloServiceRef(doc))));
    if (!service) continue;
    byService.set(service, [...(byService.get(service) ?? []), entity]);
  }
  return byService;
}
