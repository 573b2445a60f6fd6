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
  OpenSloDocument,
  RELATION_ALERT_CONDITION_OF,
  RELATION_ALERT_POLICY_OF,
  RELATION_DATA_SOURCE_OF,
  RELATION_HAS_ALERT_CONDITION,
  RELATION_HAS_ALERT_POLICY,
  RELATION_HAS_INDICATOR,
  RELATION_INDICATOR_OF,
  RELATION_MEASURED_BY,
  RELATION_MEASURES,
  RELATION_USES_DATA_SOURCE,
  SliSpec,
  validateOpenSloDocument,
} from '@triad/plugin-slo-common';

const validators = makeValidator();

/** Whether a parsed reference can name an entity (kind, namespace and name all valid). */
function isValidRef(ref: CompoundEntityRef): boolean {
  return (
    validators.isValidKind(ref.kind) &&
    validators.isValidNamespace(ref.namespace) &&
    validators.isValidEntityName(ref.name)
  );
}

/**
 * Accepts `openslo/v1` documents (SLO, SLI, DataSource, AlertPolicy,
 * AlertCondition) as catalog entities and emits their relations. An invalid
 * document fails on its own with a message naming every bad field; the other
 * documents of the same file are unaffected.
 */
export class OpenSloEntitiesProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'OpenSloEntitiesProcessor';
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
    const doc = entity as unknown as OpenSloDocument;
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
    const ref = (kind: string, name: string) => {
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
          `${doc.kind} "${self.name}": "${name}" is not a valid entity reference`,
        ),
      );
      return undefined;
    };
    const linkTo = (
      kind: string,
      name: string,
      type: string,
      reverse: string,
    ) => {
      const target = ref(kind, name);
      if (target) link(target, type, reverse);
    };
    const linkDataSources = (spec: SliSpec | undefined) => {
      const metrics = [
        spec?.thresholdMetric,
        spec?.ratioMetric?.good,
        spec?.ratioMetric?.bad,
        spec?.ratioMetric?.total,
        spec?.ratioMetric?.raw,
      ];
      const names = new Set(
        metrics
          .map(m => m?.metricSource.metricSourceRef)
          .filter((n): n is string => !!n),
      );
      for (const n of names)
        linkTo(
          'DataSource',
          n,
          RELATION_USES_DATA_SOURCE,
          RELATION_DATA_SOURCE_OF,
        );
    };

    switch (doc.kind) {
      case 'SLO': {
        linkTo(
          'component',
          doc.spec.service,
          RELATION_MEASURES,
          RELATION_MEASURED_BY,
        );
        const indicators = new Set(
          [
            doc.spec.indicatorRef,
            ...doc.spec.objectives.map(o => o.indicatorRef),
          ].filter((n): n is string => !!n),
        );
        for (const n of indicators)
          linkTo('SLI', n, RELATION_HAS_INDICATOR, RELATION_INDICATOR_OF);
        linkDataSources(doc.spec.indicator?.spec);
        doc.spec.objectives.forEach(o => linkDataSources(o.indicator?.spec));
        for (const policy of doc.spec.alertPolicies ?? []) {
          if (typeof policy === 'string') {
            linkTo(
              'AlertPolicy',
              policy,
              RELATION_HAS_ALERT_POLICY,
              RELATION_ALERT_POLICY_OF,
            );
          } else if ('alertPolicyRef' in policy) {
            linkTo(
              'AlertPolicy',
              policy.alertPolicyRef,
              RELATION_HAS_ALERT_POLICY,
              RELATION_ALERT_POLICY_OF,
            );
          }
        }
        break;
      }
      case 'SLI':
        linkDataSources(doc.spec);
        break;
      case 'AlertPolicy':
        for (const c of doc.spec.conditions) {
          if ('conditionRef' in c) {
            linkTo(
              'AlertCondition',
              c.conditionRef,
              RELATION_HAS_ALERT_CONDITION,
              RELATION_ALERT_CONDITION_OF,
            );
          }
        }
        break;
      default:
        break;
    }
    return entity;
  }
}
