import {
  CoverageResponse,
  EntityOwnershipResponse,
  GroupResponsibilitiesResponse,
  GroupSummary,
  LookupResponse,
  RoleOwnership,
  TopologyResponse,
} from '@triad/plugin-ownership-common';

/** Responses of the ownership backend for the example organisation. */

export const indexedAt = '2026-11-28T04:15:35.963Z';

const group = (
  name: string,
  title: string,
  extra: Partial<GroupSummary> = {},
): GroupSummary => ({
  ref: `group:default/${name}`,
  namespace: 'default',
  name,
  title,
  type: 'team',
  ...extra,
});

export const groups = {
  checkout: group('checkout-team', 'Checkout', { teamType: 'stream-aligned' }),
  storefront: group('storefront-team', 'Storefront', {
    teamType: 'stream-aligned',
  }),
  payments: group('payments-team', 'Payments', {
    teamType: 'stream-aligned',
    onCall: { 'pagerduty.com/service-id': 'PPAYMNT' },
  }),
  fraud: group('fraud-models', 'Fraud Models', {
    teamType: 'complicated-subsystem',
  }),
  growth: group('growth-lab', 'Growth Lab', { teamType: 'stream-aligned' }),
  enablement: group('delivery-enablement', 'Delivery Enablement', {
    teamType: 'enabling',
  }),
  runtime: group('runtime-platform', 'Runtime Platform', {
    teamType: 'platform',
    onCall: { 'opsgenie.com/team': 'runtime-platform' },
  }),
  sre: group('sre-core', 'SRE Core', {
    teamType: 'enabling',
    onCall: { 'pagerduty.com/service-id': 'PSRECOR' },
  }),
};

const owner = (g: GroupSummary) => ({
  ref: g.ref,
  kind: 'group',
  namespace: g.namespace,
  name: g.name,
  title: g.title,
  ...(g.onCall && { onCall: g.onCall }),
});

export const entity = (kind: string, name: string, extra = {}) => ({
  ref: `${kind}:default/${name}`,
  kind,
  namespace: 'default',
  name,
  ...extra,
});

export const checkoutService = entity('component', 'checkout-service', {
  description: 'Turns a cart into an order and takes the payment.',
  type: 'service',
  lifecycle: 'production',
});

export const checkoutRoles: RoleOwnership[] = [
  {
    role: 'devops',
    title: 'DevOps',
    status: 'covered',
    owner: owner(groups.checkout),
    provenance: {
      source: 'default',
      path: ['component:default/checkout-service'],
    },
  },
  {
    role: 'sre',
    title: 'SRE',
    status: 'covered',
    owner: owner(groups.sre),
    provenance: {
      source: 'inherited',
      path: ['component:default/checkout-service', 'system:default/checkout'],
    },
  },
  {
    role: 'platform',
    title: 'Platform',
    status: 'covered',
    owner: owner(groups.runtime),
    provenance: {
      source: 'derived',
      path: [
        'component:default/checkout-service',
        'resource:default/checkout-db',
      ],
    },
  },
];

export const checkoutOwnership: EntityOwnershipResponse = {
  entity: checkoutService,
  roles: checkoutRoles,
  indexedAt,
};

/** Every status: explicit but orphaned, uncovered, restricted. */
export const gapsOwnership: EntityOwnershipResponse = {
  entity: entity('component', 'cart-service', {
    lifecycle: 'production',
    onCall: { 'pagerduty.com/service-id': 'PCART01' },
  }),
  roles: [
    {
      role: 'devops',
      title: 'DevOps',
      status: 'restricted',
    },
    {
      role: 'sre',
      title: 'SRE',
      status: 'orphaned',
      owner: {
        ref: 'group:default/checkout-oncall',
        kind: 'group',
        namespace: 'default',
        name: 'checkout-oncall',
      },
      provenance: {
        source: 'explicit',
        path: ['component:default/cart-service'],
      },
    },
    {
      role: 'platform',
      title: 'Platform',
      status: 'uncovered',
      searched: [
        'component:default/cart-service',
        'system:default/checkout',
        'domain:default/commerce',
      ],
    },
  ],
  indexedAt,
};

export const checkoutResponsibilities = (
  includeSubTeams = true,
): GroupResponsibilitiesResponse => ({
  group: groups.checkout,
  includeSubTeams,
  teams: [groups.checkout],
  roles: [
    {
      role: 'devops',
      title: 'DevOps',
      items: [
        {
          entity: checkoutService,
          heldBy: groups.checkout.ref,
          provenance: {
            source: 'default',
            path: ['component:default/checkout-service'],
          },
        },
        {
          entity: entity('component', 'cart-service', { title: 'Cart' }),
          heldBy: groups.checkout.ref,
          provenance: {
            source: 'default',
            path: ['component:default/cart-service'],
          },
        },
      ],
    },
    { role: 'sre', title: 'SRE', items: [] },
    { role: 'platform', title: 'Platform', items: [] },
  ],
  indexedAt,
});

/** A tribe whose items are held by its sub-teams. */
export const commerceResponsibilities = (
  includeSubTeams = true,
): GroupResponsibilitiesResponse => ({
  group: group('commerce', 'Commerce', { type: 'tribe' }),
  includeSubTeams,
  teams: includeSubTeams
    ? [group('commerce', 'Commerce'), groups.checkout, groups.storefront]
    : [group('commerce', 'Commerce')],
  roles: [
    {
      role: 'devops',
      title: 'DevOps',
      items: [
        {
          entity: entity('domain', 'commerce'),
          heldBy: 'group:default/commerce',
          provenance: { source: 'default', path: ['domain:default/commerce'] },
        },
        ...(includeSubTeams
          ? [
              {
                entity: entity('component', 'storefront-web'),
                heldBy: groups.storefront.ref,
                provenance: {
                  source: 'default' as const,
                  path: ['component:default/storefront-web'],
                },
              },
            ]
          : []),
      ],
    },
    { role: 'sre', title: 'SRE', items: [] },
    { role: 'platform', title: 'Platform', items: [] },
  ],
  indexedAt,
});

export const emptyResponsibilities: GroupResponsibilitiesResponse = {
  group: groups.fraud,
  includeSubTeams: true,
  teams: [groups.fraud],
  roles: [
    { role: 'devops', title: 'DevOps', items: [] },
    { role: 'sre', title: 'SRE', items: [] },
    { role: 'platform', title: 'Platform', items: [] },
  ],
  indexedAt,
};

export const lookupGuest: LookupResponse = {
  query: 'guest',
  results: [
    {
      type: 'user',
      user: {
        ref: 'user:default/guest',
        namespace: 'default',
        name: 'guest',
        displayName: 'Guest',
      },
      teams: [groups.checkout],
      responsibilities: [
        {
          role: 'devops',
          title: 'DevOps',
          entities: [
            entity('api', 'cart-api'),
            checkoutService,
            entity('system', 'checkout'),
          ],
        },
        { role: 'sre', title: 'SRE', entities: [] },
        { role: 'platform', title: 'Platform', entities: [] },
      ],
    },
  ],
  indexedAt,
};

export const lookupCheckout: LookupResponse = {
  query: 'checkout',
  results: [
    {
      type: 'group',
      group: groups.checkout,
      responsibilities: [
        { role: 'devops', title: 'DevOps', entities: [checkoutService] },
        { role: 'sre', title: 'SRE', entities: [] },
        { role: 'platform', title: 'Platform', entities: [] },
      ],
    },
    { type: 'entity', entity: checkoutService, roles: checkoutRoles },
  ],
  indexedAt,
};

export const coverage: CoverageResponse = {
  roles: [
    {
      role: 'devops',
      title: 'DevOps',
      total: 9,
      covered: 9,
      share: 1,
      uncovered: [],
      orphaned: [],
    },
    {
      role: 'sre',
      title: 'SRE',
      total: 9,
      covered: 6,
      share: 6 / 9,
      uncovered: [
        entity('component', 'product-catalog', {
          title: 'Product catalogue, "main"',
        }),
        entity('component', 'storefront-web'),
      ],
      orphaned: [
        {
          entity: entity('component', 'cart-service'),
          owner: {
            ref: 'group:default/checkout-oncall',
            kind: 'group',
            namespace: 'default',
            name: 'checkout-oncall',
          },
          provenance: {
            source: 'explicit',
            path: ['component:default/cart-service'],
          },
        },
      ],
    },
    {
      role: 'platform',
      title: 'Platform',
      total: 0,
      covered: 0,
      share: null,
      uncovered: [],
      orphaned: [],
    },
  ],
  multiRoleTeams: [
    { team: groups.growth, roles: ['devops', 'sre', 'platform'] },
    { team: groups.runtime, roles: ['devops', 'sre', 'platform'] },
  ],
  staleInteractions: [
    {
      mode: 'facilitating',
      from: groups.enablement.ref,
      to: groups.storefront.ref,
      until: '2026-03-31',
      declaredBy: [groups.enablement.ref, groups.storefront.ref],
      stale: true,
      observed: false,
    },
  ],
  indexedAt,
};

export const emptyCoverage: CoverageResponse = {
  roles: [
    {
      role: 'devops',
      title: 'DevOps',
      total: 0,
      covered: 0,
      share: null,
      uncovered: [],
      orphaned: [],
    },
  ],
  multiRoleTeams: [],
  staleInteractions: [],
  indexedAt,
};

const team = (g: GroupSummary, disciplines: string[], memberCount = 2) => ({
  team: g,
  disciplines,
  memberCount,
  owns: [],
});

export const topology: TopologyResponse = {
  teams: [
    team(groups.checkout, ['devops'], 3),
    team(groups.storefront, ['devops']),
    team(groups.payments, ['devops']),
    team(groups.fraud, ['devops'], 1),
    team(groups.growth, ['devops', 'sre', 'platform']),
    team(groups.enablement, ['devops', 'sre'], 2),
    team(groups.runtime, ['platform']),
    team(groups.sre, ['sre']),
  ],
  declared: [
    {
      mode: 'collaboration',
      from: groups.checkout.ref,
      to: groups.sre.ref,
      until: '2027-06-30',
      declaredBy: [groups.checkout.ref, groups.sre.ref],
      stale: false,
      observed: false,
    },
    {
      mode: 'facilitating',
      from: groups.enablement.ref,
      to: groups.storefront.ref,
      until: '2026-03-31',
      declaredBy: [groups.enablement.ref, groups.storefront.ref],
      stale: true,
      observed: false,
    },
    {
      mode: 'x-as-a-service',
      from: groups.fraud.ref,
      to: groups.payments.ref,
      declaredBy: [groups.fraud.ref, groups.payments.ref],
      stale: false,
      observed: true,
    },
    {
      mode: 'x-as-a-service',
      from: groups.runtime.ref,
      to: groups.checkout.ref,
      declaredBy: [groups.runtime.ref],
      stale: false,
      observed: true,
    },
  ],
  observed: [
    {
      from: groups.checkout.ref,
      to: groups.payments.ref,
      evidence: [
        {
          source: 'component:default/checkout-service',
          relation: 'consumesApi',
          target: 'api:default/payments-api',
        },
      ],
      declared: false,
    },
    {
      from: groups.payments.ref,
      to: groups.fraud.ref,
      evidence: [
        {
          source: 'component:default/payments-gateway',
          relation: 'consumesApi',
          target: 'api:default/fraud-api',
        },
      ],
      declared: true,
    },
    {
      from: groups.checkout.ref,
      to: groups.runtime.ref,
      evidence: [
        {
          source: 'component:default/checkout-service',
          relation: 'dependsOn',
          target: 'resource:default/checkout-db',
        },
        {
          source: 'component:default/cart-service',
          relation: 'dependsOn',
          target: 'resource:default/redis-sessions',
        },
      ],
      declared: true,
    },
  ],
  indexedAt,
};

export const emptyTopology: TopologyResponse = {
  teams: [],
  declared: [],
  observed: [],
  indexedAt,
};
