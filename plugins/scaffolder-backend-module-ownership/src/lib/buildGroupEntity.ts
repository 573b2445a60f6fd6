import { Entity, groupEntityV1alpha1Validator } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { GroupTopology } from './checkTeamTopology';

/** The fields of `ownership:team:create` that make up the Group. */
export interface GroupInput {
  name: string;
  namespace?: string;
  title?: string;
  description?: string;
  type?: string;
  parent?: string;
  children?: string[];
  members?: string[];
  email?: string;
}

/**
 * The Group entity for a team, checked with the catalog's own Group
 * validator. Optional fields that were not given are left out.
 */
export async function buildGroupEntity(
  input: GroupInput,
  topology: GroupTopology,
): Promise<Entity> {
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: input.name,
      ...(input.namespace && { namespace: input.namespace }),
      ...(input.title && { title: input.title }),
      ...(input.description && { description: input.description }),
    },
    spec: {
      type: input.type ?? 'team',
      ...(input.email && { profile: { email: input.email } }),
      ...(input.parent && { parent: input.parent }),
      children: input.children ?? [],
      ...(input.members?.length && { members: input.members }),
      topology: {
        type: topology.type,
        ...(topology.disciplines.length && {
          disciplines: topology.disciplines,
        }),
        ...(topology.interactions.length && {
          interactions: topology.interactions,
        }),
      },
    },
  };
  try {
    await groupEntityV1alpha1Validator.check(entity);
  } catch (e) {
    throw new InputError(
      `The group would not be a valid Group entity: ${(e as Error).message}`,
    );
  }
  return entity;
}
