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
  describeProblems,
  isOpenSloDocument,
  validateOpenSloDocument,
} from '@triad/plugin-slo-common';
import { relationTargets } from './relationTargets';

const validators = makeValidator();

/**
 * Where OpenSLO labels that a catalog label cannot hold (a list of values,
 * or a value with spaces) are kept: the document's labels as written, JSON.
 */
export const OPENSLO_LABELS_ANNOTATION = 'triad.dev/openslo-labels';

/**
 * The entity a reference names, with the kind and namespace it defaults to;
 * undefined when it cannot name one.
 */
function parseTargetRef(
  ref: string,
  defaultKind: string,
  defaultNamespace: string,
): CompoundEntityRef | undefined {
  let parsed: CompoundEntityRef;
  try {
    parsed = parseEntityRef(ref, { defaultKind, defaultNamespace });
  } catch {
    return undefined;
  }
  // A reference that parses can still not name an entity ("a:b:c/d").
  return validators.isValidKind(parsed.kind) &&
    validators.isValidNamespace(parsed.namespace) &&
    validators.isValidEntityName(parsed.name)
    ? parsed
    : undefined;
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
    const self = getCompoundEntityRef(entity);
    // Each distinct target once, however many fields name it.
    const seen = new Set<string>();
    for (const { kind, name, path, relation } of relationTargets(
      result.document,
      self.name,
    )) {
      const key = `${kind}\0${name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const target = parseTargetRef(name, kind, self.namespace);
      if (!target) {
        emit(
          processingResult.inputError(
            location,
            `${result.document.kind} "${self.name}": ${path} "${name}" is not a valid entity reference`,
          ),
        );
        continue;
      }
      emit(
        processingResult.relation({
          source: self,
          type: relation.forward.type,
          target,
        }),
      );
      emit(
        processingResult.relation({
          source: target,
          type: relation.reverse.type,
          target: self,
        }),
      );
    }
    return entity;
  }
}
