import {
  CatalogModelLayer,
  createCatalogModelLayer,
} from '@backstage/catalog-model/alpha';
import {
  OwnershipRole,
  RELATION_COLLABORATES_WITH,
  RELATION_CONSUMES_SERVICE_OF,
  RELATION_FACILITATED_BY,
  RELATION_FACILITATES,
  RELATION_PROVIDES_SERVICE_TO,
  RESPONSIBILITY_KINDS,
  roleOwnedByRelation,
  roleOwnerOfRelation,
} from '@triad/plugin-ownership-common';

/**
 * The role relations of the configured roles and the team interaction
 * relations, described to the catalog model.
 *
 * @remarks
 * Only relation pairs: no relation fields, since the processor emits these
 * relations (from `spec.responsibilities` and `spec.topology`, which it also
 * validates) and declared fields would make the catalog emit them again.
 *
 * @alpha
 */
export function ownershipModelLayer(roles: OwnershipRole[]): CatalogModelLayer {
  return createCatalogModelLayer({
    layerId: 'triad.dev/ownership',
    builder: model => {
      for (const role of roles) {
        model.addRelationPair({
          fromKind: [...RESPONSIBILITY_KINDS],
          toKind: ['Group', 'User'],
          description: `The holder of the ${
            role.title
          } role for an entity (spec.responsibilities, role ${role.id})${
            role.description ? `: ${role.description}` : '.'
          }`,
          forward: {
            type: roleOwnedByRelation(role.id),
            title: `${role.title} owned by`,
          },
          reverse: {
            type: roleOwnerOfRelation(role.id),
            title: `${role.title} owner of`,
          },
        });
      }
      model.addRelationPair({
        fromKind: 'Group',
        toKind: 'Group',
        description:
          'Two teams that work closely together (Team Topologies collaboration, spec.topology.interactions); emitted in both directions.',
        forward: {
          type: RELATION_COLLABORATES_WITH,
          title: 'collaborates with',
        },
        reverse: {
          type: RELATION_COLLABORATES_WITH,
          title: 'collaborates with',
        },
      });
      model.addRelationPair({
        fromKind: 'Group',
        toKind: 'Group',
        description:
          'A team that provides something as a service to another (Team Topologies X-as-a-Service, spec.topology.interactions).',
        forward: {
          type: RELATION_PROVIDES_SERVICE_TO,
          title: 'provides service to',
        },
        reverse: {
          type: RELATION_CONSUMES_SERVICE_OF,
          title: 'consumes service of',
        },
      });
      model.addRelationPair({
        fromKind: 'Group',
        toKind: 'Group',
        description:
          'An enabling team that helps another learn a practice (Team Topologies facilitating, spec.topology.interactions).',
        forward: { type: RELATION_FACILITATES, title: 'facilitates' },
        reverse: { type: RELATION_FACILITATED_BY, title: 'facilitated by' },
      });
    },
  });
}
