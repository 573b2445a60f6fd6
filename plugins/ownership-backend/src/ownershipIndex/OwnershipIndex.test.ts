import { testIndex } from '../__fixtures__/catalog';

const index = testIndex();

const holder = (entity: string, role: string) => {
  const r = index.entity(entity)!.roles.find(x => x.role === role)!;
  return r.status === 'uncovered'
    ? ['uncovered']
    : [r.status, r.owner, r.provenance.source, ...r.provenance.path];
};

describe('OwnershipIndex', () => {
  it('records when it was built', () => {
    expect(index.indexedAt).toBe('2026-11-28T10:00:00.000Z');
  });

  it.each([
    [
      'component:default/payments-gateway',
      'sre',
      [
        'covered',
        'group:default/sre-core',
        'explicit',
        'component:default/payments-gateway',
      ],
    ],
    [
      'component:default/checkout-service',
      'sre',
      [
        'covered',
        'group:default/sre-core',
        'inherited',
        'component:default/checkout-service',
        'system:default/checkout',
      ],
    ],
    [
      'component:default/ledger',
      'sre',
      [
        'covered',
        'group:default/sre-core',
        'inherited',
        'component:default/ledger',
        'system:default/payments-core',
        'domain:default/payments',
      ],
    ],
    [
      'component:default/checkout-service',
      'platform',
      [
        'covered',
        'group:default/runtime-platform',
        'derived',
        'component:default/checkout-service',
        'resource:default/checkout-db',
      ],
    ],
    [
      'resource:default/checkout-db',
      'platform',
      [
        'covered',
        'group:default/runtime-platform',
        'derived',
        'resource:default/checkout-db',
      ],
    ],
    [
      'component:default/checkout-service',
      'devops',
      [
        'covered',
        'group:default/checkout-team',
        'default',
        'component:default/checkout-service',
      ],
    ],
    [
      'component:default/cart-service',
      'sre',
      [
        'orphaned',
        'group:default/checkout-oncall',
        'explicit',
        'component:default/cart-service',
      ],
    ],
    ['component:default/web', 'sre', ['uncovered']],
    ['component:default/web', 'platform', ['uncovered']],
  ])(
    'resolves %s %s from the catalog relations and specs',
    (entity, role, expected) => {
      expect(holder(entity, role)).toEqual(expected);
    },
  );

  it('knows group closure and memberships', () => {
    expect(index.subTeams('group:default/acme')).toEqual([
      'group:default/acme',
      'group:default/infrastructure',
      'group:default/product',
      'group:default/runtime-platform',
      'group:default/sre-core',
      'group:default/checkout-team',
      'group:default/enablement',
      'group:default/payments-team',
    ]);
    expect(index.subTeams('group:default/sre-core')).toEqual([
      'group:default/sre-core',
    ]);
    expect(index.user('user:default/david')!.memberOf).toEqual([
      'group:default/enablement',
      'group:default/sre-core',
    ]);
    expect(index.group('group:default/checkout-team')!.members).toEqual([
      'user:default/amara',
    ]);
  });

  it('summarises groups with title, team type and on-call annotations only', () => {
    expect(index.group('group:default/payments-team')!.summary).toEqual({
      ref: 'group:default/payments-team',
      namespace: 'default',
      name: 'payments-team',
      type: 'team',
      teamType: 'stream-aligned',
      onCall: { 'pagerduty.com/service-id': 'PPAYMNT' },
    });
  });

  it('ignores a topology block that does not validate', () => {
    expect(index.group('group:default/broken-team')!.topology).toBeUndefined();
  });

  it('describes missing holders by their reference', () => {
    expect(index.ownerSummary('group:default/checkout-oncall')).toEqual({
      ref: 'group:default/checkout-oncall',
      kind: 'group',
      namespace: 'default',
      name: 'checkout-oncall',
    });
    expect(index.ownerSummary('user:default/amara')).toEqual({
      ref: 'user:default/amara',
      kind: 'user',
      namespace: 'default',
      name: 'amara',
      title: 'Amara Okafor',
    });
  });

  it('orients interactions and merges those both teams declare', () => {
    expect(index.interactions()).toEqual(
      expect.arrayContaining([
        {
          mode: 'facilitating',
          from: 'group:default/enablement',
          to: 'group:default/checkout-team',
          until: '2026-03-31',
          declaredBy: ['group:default/enablement'],
        },
        {
          mode: 'x-as-a-service',
          from: 'group:default/runtime-platform',
          to: 'group:default/checkout-team',
          declaredBy: ['group:default/runtime-platform'],
        },
        {
          mode: 'collaboration',
          from: 'group:default/payments-team',
          to: 'group:default/sre-core',
          until: '2027-06-30',
          declaredBy: ['group:default/payments-team', 'group:default/sre-core'],
        },
      ]),
    );
    expect(index.interactions()).toHaveLength(3);
  });

  it('observes dependencies between entities of different teams', () => {
    expect(index.observations()).toEqual([
      {
        from: 'group:default/checkout-team',
        to: 'group:default/runtime-platform',
        evidence: [
          {
            source: 'component:default/checkout-service',
            relation: 'dependsOn',
            target: 'resource:default/checkout-db',
          },
        ],
      },
      {
        from: 'group:default/checkout-team',
        to: 'group:default/payments-team',
        evidence: [
          {
            source: 'component:default/checkout-service',
            relation: 'consumesApi',
            target: 'api:default/payments-api',
          },
          {
            source: 'component:default/web',
            relation: 'consumesApi',
            target: 'api:default/payments-api',
          },
        ],
      },
    ]);
  });
});
