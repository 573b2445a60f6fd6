import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { DEFAULT_OWNERSHIP_ROLES } from '@triad/plugin-ownership-common';
import { OwnershipIndex } from '../ownershipIndex/OwnershipIndex';

/*
 * A small organisation for tests, with the relations the catalog would stitch.
 *
 *   acme (organization)
 *   ├─ product (department): checkout-team, payments-team, enablement
 *   └─ infrastructure (department): runtime-platform, sre-core
 *
 * Ownership cases: checkout-service inherits sre from system checkout and
 * derives platform from checkout-db (runtime-platform is a platform team);
 * ledger inherits sre from domain payments through payments-core;
 * payments-gateway has sre explicitly; cart-service names a missing group
 * (orphaned); web has no sre or platform (uncovered); proto is experimental.
 * Interactions: runtime-platform serves checkout-team; sre-core and
 * payments-team collaborate (declared on both); enablement facilitated
 * checkout-team until 2026-03-31 (stale on 2026-11-28); checkout-service
 * consumes payments-api without a declared interaction.
 */

type Spec = NonNullable<Entity['spec']>;

function e(
  kind: string,
  name: string,
  spec: Spec,
  metadata: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', ...metadata },
    spec,
  };
}

const declared: Entity[] = [
  e('Group', 'acme', { type: 'organization', children: [] }),
  e('Group', 'product', { type: 'department', parent: 'acme', children: [] }),
  e('Group', 'infrastructure', {
    type: 'department',
    parent: 'acme',
    children: [],
  }),
  e(
    'Group',
    'checkout-team',
    {
      type: 'team',
      parent: 'product',
      children: [],
      topology: { type: 'stream-aligned', disciplines: ['devops'] },
    },
    { title: 'Checkout' },
  ),
  e(
    'Group',
    'payments-team',
    {
      type: 'team',
      parent: 'product',
      children: [],
      topology: {
        type: 'stream-aligned',
        interactions: [
          { with: 'sre-core', mode: 'collaboration', until: '2027-01-31' },
        ],
      },
    },
    {
      annotations: {
        'pagerduty.com/service-id': 'PPAYMNT',
        'backstage.io/x': 'y',
      },
    },
  ),
  e('Group', 'enablement', {
    type: 'team',
    parent: 'product',
    children: [],
    topology: {
      type: 'enabling',
      disciplines: ['devops', 'sre'],
      interactions: [
        { with: 'checkout-team', mode: 'facilitating', until: '2026-03-31' },
      ],
    },
  }),
  e('Group', 'runtime-platform', {
    type: 'team',
    parent: 'infrastructure',
    children: [],
    topology: {
      type: 'platform',
      disciplines: ['platform'],
      interactions: [{ with: 'checkout-team', mode: 'x-as-a-service' }],
    },
  }),
  e('Group', 'sre-core', {
    type: 'team',
    parent: 'infrastructure',
    children: [],
    topology: {
      type: 'enabling',
      disciplines: ['sre'],
      interactions: [
        { with: 'payments-team', mode: 'collaboration', until: '2027-06-30' },
      ],
    },
  }),
  // A block the catalog module would reject; the index ignores it.
  e('Group', 'broken-team', { type: 'team', topology: { type: 'squad' } }),
  e('User', 'amara', {
    profile: { displayName: 'Amara Okafor', email: 'amara@acme.example' },
    memberOf: ['checkout-team'],
  }),
  e('User', 'priya', {
    profile: { displayName: 'Priya Nair' },
    memberOf: ['payments-team'],
  }),
  e('User', 'david', {
    profile: { displayName: 'David Levi' },
    memberOf: ['sre-core', 'enablement'],
  }),

  e('Domain', 'payments', {
    owner: 'payments-team',
    responsibilities: [{ role: 'sre', ref: 'group:sre-core' }],
  }),
  e('System', 'checkout', {
    owner: 'checkout-team',
    responsibilities: [{ role: 'sre', ref: 'sre-core' }],
  }),
  e('System', 'payments-core', { owner: 'payments-team', domain: 'payments' }),
  e(
    'Component',
    'checkout-service',
    {
      type: 'service',
      lifecycle: 'production',
      owner: 'checkout-team',
      system: 'checkout',
      dependsOn: ['resource:checkout-db'],
      consumesApis: ['payments-api'],
    },
    { title: 'Checkout Service' },
  ),
  e('Component', 'cart-service', {
    type: 'service',
    lifecycle: 'production',
    owner: 'checkout-team',
    system: 'checkout',
    responsibilities: [{ role: 'sre', ref: 'checkout-oncall' }],
  }),
  e('Component', 'ledger', {
    type: 'service',
    lifecycle: 'production',
    owner: 'payments-team',
    system: 'payments-core',
  }),
  e(
    'Component',
    'payments-gateway',
    {
      type: 'service',
      lifecycle: 'production',
      owner: 'payments-team',
      system: 'payments-core',
      responsibilities: [{ role: 'sre', ref: 'sre-core' }],
    },
    { annotations: { 'pagerduty.com/service-id': 'PGATEWY' } },
  ),
  e('Component', 'web', {
    type: 'website',
    lifecycle: 'production',
    owner: 'checkout-team',
    consumesApis: ['payments-api'],
  }),
  e('Component', 'proto', {
    type: 'service',
    lifecycle: 'experimental',
    owner: 'payments-team',
  }),
  e('API', 'payments-api', {
    type: 'openapi',
    lifecycle: 'production',
    owner: 'payments-team',
    system: 'payments-core',
  }),
  e('Resource', 'checkout-db', { type: 'database', owner: 'runtime-platform' }),
];

const ref = (kind: string, value: string) =>
  value.includes(':')
    ? `${value.split(':')[0]}:default/${value.split(':')[1]}`
    : `${kind}:default/${value}`;

/** The organisation as the catalog serves it: with relations, both ways. */
export function testCatalog(): Entity[] {
  const entities = declared.map(x => ({
    ...x,
    relations: [] as { type: string; targetRef: string }[],
  }));
  const byRef = new Map(entities.map(x => [stringifyEntityRef(x), x]));
  const relate = (from: string, type: string, to: string, reverse: string) => {
    byRef.get(from)?.relations.push({ type, targetRef: to });
    byRef.get(to)?.relations.push({ type: reverse, targetRef: from });
  };
  for (const x of entities) {
    const self = stringifyEntityRef(x);
    const s = x.spec as Spec;
    if (s.owner)
      relate(self, 'ownedBy', ref('group', s.owner as string), 'ownerOf');
    if (s.system)
      relate(self, 'partOf', ref('system', s.system as string), 'hasPart');
    if (s.domain)
      relate(self, 'partOf', ref('domain', s.domain as string), 'hasPart');
    for (const d of (s.dependsOn as string[]) ?? [])
      relate(self, 'dependsOn', ref('component', d), 'dependencyOf');
    for (const a of (s.consumesApis as string[]) ?? [])
      relate(self, 'consumesApi', ref('api', a), 'apiConsumedBy');
    if (s.parent)
      relate(self, 'childOf', ref('group', s.parent as string), 'parentOf');
    for (const g of (s.memberOf as string[]) ?? [])
      relate(self, 'memberOf', ref('group', g), 'hasMember');
  }
  return entities;
}

/** The test organisation indexed with the default roles. */
export function testIndex(): OwnershipIndex {
  return OwnershipIndex.build(testCatalog(), {
    roles: DEFAULT_OWNERSHIP_ROLES.map(r => ({ ...r })),
    indexedAt: new Date('2026-11-28T10:00:00Z'),
  });
}
