import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  makeValidator,
  parseEntityRef,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  compositeParts,
  describeProblems,
  isOpenSloDocument,
  OpenSloDocument,
  OpenSloReferenceKind,
  openSloReferences,
  RELATION_ALERT_CONDITION_OF,
  RELATION_ALERT_POLICY_OF,
  RELATION_DATA_SOURCE_OF,
  RELATION_DESCRIBED_BY,
  RELATION_DESCRIBES,
  RELATION_HAS_ALERT_CONDITION,
  RELATION_HAS_ALERT_POLICY,
  RELATION_HAS_INDICATOR,
  RELATION_HAS_SLO_PART,
  RELATION_INDICATOR_OF,
  RELATION_MEASURED_BY,
  RELATION_MEASURES,
  RELATION_NOTIFIED_BY,
  RELATION_NOTIFIES,
  RELATION_SLO_PART_OF,
  RELATION_USES_DATA_SOURCE,
  validateOpenSloDocument,
} from '@triad/plugin-slo-common';

const validators = makeValidator();

/** The relation pair for each kind of document an OpenSLO document names. */
const RELATIONS: Record<OpenSloReferenceKind, readonly [string, string]> = {
  SLI: [RELATION_HAS_INDICATOR, RELATION_INDICATOR_OF],
  DataSource: [RELATION_USES_DATA_SOURCE, RELATION_DATA_SOURCE_OF],
  AlertPolicy: [RELATION_HAS_ALERT_POLICY, RELATION_ALERT_POLICY_OF],
  AlertCondition: [RELATION_HAS_ALERT_CONDITION, RELATION_ALERT_CONDITION_OF],
  AlertNotificationTarget: [RELATION_NOTIFIES, RELATION_NOTIFIED_BY],
};

/**
 * Where OpenSLO labels that a catalog label cannot hold (a list of values,
 * or a value with spaces) are kept: the document's labels as written, JSON.
 */
export const OPENSLO_LABELS_ANNOTATION = 'triad.dev/openslo-labels';

/** Whether a parsed reference can name an entity (kind, namespace and name all valid). */
function isValidRef(ref: CompoundEntityRef): boolean {
  return (
    validators.isValidKind(ref.kind) &&
    validators.isValidNamespace(ref.namespace) &&
    validators.isValidEntityName(ref.name)
  );
}

/**
 * Accepts `openslo/v1` documents (every kind: SLO, SLI, DataSource,
 * AlertPolicy, AlertCondition, AlertNotificationTarget, Service) as catalog
 * entities and emits their relations. An invalid document fails on its own
 * with a message naming every bad field; the other documents of the same file
 * are unaffected.
 */
export class OpenSloEntitiesProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'OpenSloEntitiesProcessor';
  }

  /**
   * OpenSLO allows a label to hold a list of values; a catalog label holds
   * one. Labels the catalog cannot hold move, with the others, into an
   * annotation, so the document loads and nothing is lost.
   */
  async preProcessEntity(entity: Entity): Promise<Entity> {
    const labels = entity.metadata?.labels as
      | Record<string, unknown>
      | undefined;
    if (!isOpenSloDocument(entity) || !labels) return entity;
    const fits = ([key, value]: [string, unknown]) =>
      typeof value === 'string' &&
      validators.isValidLabelKey(key) &&
      validators.isValidLabelValue(value);
    const entries = Object.entries(labels);
    if (entries.every(fits)) return entity;
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        labels: Object.fromEntries(entries.filter(fits)) as Record<
          string,
          string
        >,
        annotations: {
          ...entity.metadata.annotations,
          [OPENSLO_LABELS_ANNOTATION]: JSON.stringify(labels),
        },
      },
    };
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (!isOpenSloDocument(entity)) return false;
    const result = validateOpenSloDocument(entity);
    if (!result.ok) {
      throw new TypeError(describeProblems(entity, result.problems));
    }
    return true;
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isOpenSloDocument(entity)) return entity;
    // Defaults filled in, e.g. `alertPolicies:` left empty.
    const result = validateOpenSloDocument(entity);
    if (!result.ok) return entity;
    const doc: OpenSloDocument = result.document;
    const self = getCompoundEntityRef(entity);
    const namespace = self.namespace;
    const link = (target: CompoundEntityRef, type: string, reverse: string) => {
      emit(processingResult.relation({ source: self, type, target }));
      emit(
        processingResult.relation({
          source: target,
          type: reverse,
          target: self,
        }),
      );
    };
    // `field` is the path of the reference in the document, so that an
    // invalid one is reported where the author can find it.
    const ref = (kind: string, name: string, field: string) => {
      let parsed: CompoundEntityRef | undefined;
      try {
        parsed = parseEntityRef(name, {
          defaultKind: kind,
          defaultNamespace: namespace,
        });
      } catch {
        parsed = undefined;
      }
      // A reference that parses can still not name an entity ("a:b:c/d").
      if (parsed && isValidRef(parsed)) return parsed;
      emit(
        processingResult.inputError(
          location,
          `${doc.kind} "${self.name}": ${field} "${name}" is not a valid entity reference`,
        ),
      );
      return undefined;
    };
    // Each distinct target once, however many fields name it.
    const seen = new Set<string>();
    const linkOnce = (
      kind: string,
      name: string,
      field: string,
      [type, reverse]: readonly [string, string],
    ) => {
      const key = `${kind}\0${name}`;
      if (seen.has(key)) return;
      seen.add(key);
      const target = ref(kind, name, field);
      if (target) link(target, type, reverse);
    };

    if (doc.kind === 'SLO') {
      linkOnce('component', doc.spec.service, 'spec.service', [
        RELATION_MEASURES,
        RELATION_MEASURED_BY,
      ]);
      // A composite's parts, so that each part's page can show what it rolls up into.
      for (const part of compositeParts(doc.spec)) {
        linkOnce('slo', part.sloRef, part.path, [
          RELATION_HAS_SLO_PART,
          RELATION_SLO_PART_OF,
        ]);
      }
    }
    // A Service is the component of its name: the one its SLOs measure.
    if (doc.kind === 'Service') {
      linkOnce('component', self.name, 'metadata.name', [
        RELATION_DESCRIBES,
        RELATION_DESCRIBED_BY,
      ]);
    }
    for (const r of openSloReferences(doc)) {
      linkOnce(r.kind, r.name, r.path, RELATIONS[r.kind]);
    }
    return entity;
  }
}
