import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { entityRefActionInput, entityRefInput } from '@triad/backend-utils';
import { RESPONSIBILITY_KINDS } from '@triad/plugin-ownership-common';
import { OwnershipService } from '../service/OwnershipService';
import { ownershipSchemas, toRoleOutput } from './ownershipActionOutput';

const kinds: string[] = RESPONSIBILITY_KINDS.map(k =>
  k.toLocaleLowerCase('en-US'),
);

/** Registers `who-owns`: every role of an entity with its holder and provenance. */
export function createWhoOwnsAction(options: {
  actionsRegistry: ActionsRegistryService;
  service: OwnershipService;
}) {
  const { actionsRegistry, service } = options;
  actionsRegistry.register({
    name: 'who-owns',
    title: 'Who owns an entity, per role',
    description: `Answers who is responsible for a catalog entity (component, system, domain, resource or API) in every ownership role — by default DevOps (builds and ships it), SRE (reliability, on call) and platform (runs what it runs on) — with the holding group or user, its on-call annotations, and the provenance: declared on the entity, inherited from its system or domain, derived from the platform resources it depends on, or the default (spec.owner). Use it for "who do I page for X?", "which team runs X?" or "why is team Y responsible for X?". The entity is a reference like "checkout-service" or "system:default/checkout" (kind defaults to component). An entity the caller may not see is reported as not found.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => entityRefActionInput(z, 'checkout-service'),
      output: z => {
        const { entity, role } = ownershipSchemas(z);
        return z.object({
          entity,
          summary: z.string().describe('Every role in words'),
          roles: z.array(role),
          indexedAt: z
            .string()
            .describe('When the ownership index that answered was built'),
        });
      },
    },
    examples: [
      {
        title: 'Who holds each role for a service',
        input: { entityRef: 'component:default/cart-service' },
      },
    ],
    async action({ input, credentials }) {
      const ref = entityRefInput(input.entityRef, 'entityRef', 'component');
      if (!kinds.includes(ref.kind)) {
        throw new InputError(
          `entityRef: a ${
            ref.kind
          } has no ownership roles; give one of ${kinds.join(
            ', ',
          )} (for a team or person, use lookup)`,
        );
      }
      const answer = await service.entityOwnership(
        stringifyEntityRef(ref),
        credentials,
      );
      const roles = answer.roles.map(toRoleOutput);
      return {
        output: {
          entity: answer.entity,
          summary: [`${answer.entity.ref}:`, ...roles.map(r => r.summary)].join(
            ' ',
          ),
          roles,
          indexedAt: answer.indexedAt,
        },
      };
    },
  });
}
