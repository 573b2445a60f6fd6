import { Config } from '@backstage/config';
import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  OwnershipProblem,
  OwnershipRole,
  RESPONSIBILITY_KINDS,
  formatOwnershipProblem,
  interactionRelations,
  orientInteraction,
  parseOwnershipRoles,
  parseResponsibilities,
  parseTopology,
  roleOwnedByRelation,
  roleOwnerOfRelation,
} from '@triad/plugin-ownership-common';

const responsibilityKinds: string[] = RESPONSIBILITY_KINDS.map(k =>
  k.toLocaleLowerCase('en-US'),
);

/**
 * Validates `spec.responsibilities` (Component, System, Domain, Resource, API)
 * and `spec.topology` (Group), and emits the role and interaction relations
 * they declare.
 *
 * @remarks
 * Each problem is its own processing error naming the field. As with any
 * entity that fails processing, the catalog then keeps serving the entity's
 * last valid version (or none) until the block is fixed.
 *
 * @public
 */
export class OwnershipEntitiesProcessor implements CatalogProcessor {
  readonly #roles: OwnershipRole[];

  static fromConfig(config: Config): OwnershipEntitiesProcessor {
    return new OwnershipEntitiesProcessor({
      roles: parseOwnershipRoles(config.getOptional('ownership.roles')),
    });
  }

  constructor(options: { roles: OwnershipRole[] }) {
    this.#roles = options.roles;
  }

  getProcessorName(): string {
    return 'OwnershipEntitiesProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const kind = entity.kind.toLocaleLowerCase('en-US');
    const self = getCompoundEntityRef(entity);
    const selfRef = stringifyEntityRef(self);
    const report = (problems: OwnershipProblem[]) => {
      for (const problem of problems) {
        emit(
          processingResult.inputError(
            location,
            `Invalid ownership block in ${selfRef}: ${formatOwnershipProblem(
              problem,
            )}`,
          ),
        );
      }
    };
    const relation = (source: string, type: string, target: string) =>
      emit(
        processingResult.relation({
          source: parseEntityRef(source),
          type,
          target: parseEntityRef(target),
        }),
      );

    if (responsibilityKinds.includes(kind)) {
      const { responsibilities, problems } = parseResponsibilities(
        entity.spec?.responsibilities,
        { roles: this.#roles, namespace: self.namespace },
      );
      report(problems);
      for (const { role, ref } of responsibilities) {
        relation(selfRef, roleOwnedByRelation(role), ref);
        relation(ref, roleOwnerOfRelation(role), selfRef);
      }
    } else if (kind === 'group') {
      const { topology, problems } = parseTopology(entity.spec?.topology, {
        roles: this.#roles,
        namespace: self.namespace,
        self: selfRef,
      });
      report(problems);
      for (const interaction of topology?.interactions ?? []) {
        const oriented = orientInteraction(
          selfRef,
          topology!.type,
          interaction,
        );
        for (const r of interactionRelations(oriented)) {
          relation(r.source, r.type, r.target);
        }
      }
    }
    return entity;
  }
}
