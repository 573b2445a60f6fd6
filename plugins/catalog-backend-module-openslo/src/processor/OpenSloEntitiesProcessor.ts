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
    // Links each distinct name once; `refs` pairs a field path with its value.
    const linkAll = (
      kind: string,
      refs: Array<[field: string, name: string | undefined]>,
      type: string,
      reverse: string,
    ) => {
      const seen = new Set<string>();
      for (const [field, name] of refs) {
        if (!name || seen.has(name)) continue;
        seen.add(name);
        const target = ref(kind, name, field);
        if (target) link(target, type, reverse);
      }
    };
    const linkDataSources = (spec: SliSpec | undefined, path: string) => {
      const metrics = {
        thresholdMetric: spec?.thresholdMetric,
        'ratioMetric.good': spec?.ratioMetric?.good,
        'ratioMetric.bad': spec?.ratioMetric?.bad,
        'ratioMetric.total': spec?.ratioMetric?.total,
        'ratioMetric.raw': spec?.ratioMetric?.raw,
      };
      linkAll(
        'DataSource',
        Object.entries(metrics).map(([field, m]) => [
          `${path}.${field}.metricSource.metricSourceRef`,
          m?.metricSource.metricSourceRef,
        ]),
        RELATION_USES_DATA_SOURCE,
        RELATION_DATA_SOURCE_OF,
      );
    };

    switch (doc.kind) {
      case 'SLO': {
        linkAll(
          'component',
          [['spec.service', doc.spec.service]],
          RELATION_MEASURES,
          RELATION_MEASURED_BY,
        );
        linkAll(
          'SLI',
          [
            ['spec.indicatorRef', doc.spec.indicatorRef],
            ...doc.spec.objectives.map(
              (o, i) =>
                [`spec.objectives[${i}].indicatorRef`, o.indicatorRef] as [
                  string,
                  string | undefined,
                ],
            ),
          ],
          RELATION_HAS_INDICATOR,
          RELATION_INDICATOR_OF,
        );
        linkDataSources(doc.spec.indicator?.spec, 'spec.indicator.spec');
        doc.spec.objectives.forEach((o, i) =>
          linkDataSources(
            o.indicator?.spec,
            `spec.objectives[${i}].indicator.spec`,
          ),
        );
        linkAll(
          'AlertPolicy',
          (doc.spec.alertPolicies ?? []).map((policy, i) => {
            if (typeof policy === 'string')
              return [`spec.alertPolicies[${i}]`, policy];
            if ('alertPolicyRef' in policy)
              return [
                `spec.alertPolicies[${i}].alertPolicyRef`,
                policy.alertPolicyRef,
              ];
            return [`spec.alertPolicies[${i}]`, undefined];
          }),
          RELATION_HAS_ALERT_POLICY,
          RELATION_ALERT_POLICY_OF,
        );
        break;
      }
      case 'SLI':
        linkDataSources(doc.spec, 'spec');
        break;
      case 'AlertPolicy':
        linkAll(
          'AlertCondition',
          doc.spec.conditions.map((c, i) => [
            `spec.conditions[${i}].conditionRef`,
            'conditionRef' in c ? c.conditionRef : undefined,
          ]),
          RELATION_HAS_ALERT_CONDITION,
          RELATION_ALERT_CONDITION_OF,
        );
        break;
      default:
        break;
    }
    return entity;
  }
}
