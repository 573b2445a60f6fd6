import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { OwnershipEntitiesProcessor } from './OwnershipEntitiesProcessor';

const location = { type: 'file', target: '/catalog/entities.yaml' };

function entity(kind: string, name: string, spec: Record<string, unknown>) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name },
    spec,
  } as Entity;
}

async function run(processor: OwnershipEntitiesProcessor, e: Entity) {
  const results: CatalogProcessorResult[] = [];
  const returned = await processor.postProcessEntity(e, location, r =>
    results.push(r),
  );
  expect(returned).toBe(e);
  const relations = results.flatMap(r =>
    r.type === 'relation'
      ? [
          `${r.relation.source.kind}:${r.relation.source.namespace}/${r.relation.source.name} ${r.relation.type} ${r.relation.target.kind}:${r.relation.target.namespace}/${r.relation.target.name}`,
        ]
      : [],
  );
  const errors = results.flatMap(r =>
    r.type === 'error'
      ? [{ name: r.error.name, message: r.error.message, location: r.location }]
      : [],
  );
  return { relations, errors };
}

describe('OwnershipEntitiesProcessor', () => {
  const processor = OwnershipEntitiesProcessor.fromConfig(new ConfigReader({}));

  it.each(['Component', 'System', 'Domain', 'Resource', 'API'])(
    'emits role relations both ways for a %s',
    async kind => {
      const { relations, errors } = await run(
        processor,
        entity(kind, 'thing', {
          owner: 'checkout-team',
          responsibilities: [
            { role: 'sre', ref: 'group:sre-core' },
            { role: 'platform', ref: 'ops/runtime-platform' },
          ],
        }),
      );
      const self = `${kind.toLocaleLowerCase('en-US')}:default/thing`;
      expect(errors).toEqual([]);
      expect(relations).toEqual([
        `${self} sreOwnedBy group:default/sre-core`,
        `group:default/sre-core sreOwnerOf ${self}`,
        `${self} platformOwnedBy group:ops/runtime-platform`,
        `group:ops/runtime-platform platformOwnerOf ${self}`,
      ]);
    },
  );

  it('leaves entities without the blocks, and other kinds, alone', async () => {
    expect(
      await run(processor, entity('Component', 'plain', { owner: 'a' })),
    ).toEqual({ relations: [], errors: [] });
    expect(
      await run(
        processor,
        entity('User', 'li.wei', { responsibilities: 'not checked here' }),
      ),
    ).toEqual({ relations: [], errors: [] });
  });

  const malformed: {
    name: string;
    responsibilities: unknown;
    messages: string[];
    /** Entries without problems, which are still related. */
    related?: number;
  }[] = [
    {
      name: 'responsibilities that are not a list',
      responsibilities: { role: 'sre' },
      messages: [
        'spec.responsibilities: must be a list of {role, ref}, got an object',
      ],
    },
    {
      name: 'an entry that is not an object',
      responsibilities: ['sre-core'],
      messages: [
        'spec.responsibilities[0]: must be an object with role and ref, got "sre-core"',
      ],
    },
    {
      name: 'a role that is not configured',
      responsibilities: [
        { role: 'sre', ref: 'sre-core' },
        { role: 'qa', ref: 'qa-team' },
      ],
      messages: [
        'spec.responsibilities[1].role: "qa" is not a configured role (devops, sre, platform)',
      ],
      related: 1,
    },
    {
      name: 'a missing role and a missing ref',
      responsibilities: [{}],
      messages: [
        'spec.responsibilities[0].role: is required',
        'spec.responsibilities[0].ref: is required',
      ],
    },
    {
      name: 'a role given twice',
      responsibilities: [
        { role: 'sre', ref: 'a' },
        { role: 'sre', ref: 'b' },
      ],
      messages: [
        'spec.responsibilities[1].role: "sre" is already assigned in spec.responsibilities[0]',
      ],
      related: 1,
    },
    {
      name: 'a malformed ref',
      responsibilities: [{ role: 'sre', ref: 'group:a:b' }],
      messages: [
        'spec.responsibilities[0].ref: "group:a:b" is not a valid entity reference',
      ],
    },
    {
      name: 'a ref to an entity that cannot own',
      responsibilities: [{ role: 'sre', ref: 'system:checkout' }],
      messages: [
        'spec.responsibilities[0].ref: must refer to a Group or a User, not a system',
      ],
    },
    {
      name: 'an unknown field',
      responsibilities: [{ role: 'sre', group: 'sre-core' }],
      messages: [
        'spec.responsibilities[0].group: unknown field (allowed: role, ref)',
        'spec.responsibilities[0].ref: is required',
      ],
    },
  ];

  it.each(malformed)(
    'rejects $name with one input error per problem',
    async ({ responsibilities, messages, related = 0 }) => {
      const { errors, relations } = await run(
        processor,
        entity('Component', 'cart-service', {
          owner: 'checkout-team',
          responsibilities,
        }),
      );
      expect(errors).toEqual(
        messages.map(m => ({
          name: 'InputError',
          message: `Invalid ownership block in component:default/cart-service: ${m}`,
          location,
        })),
      );
      // Two relations (both directions) per entry without problems.
      expect(relations).toHaveLength(related * 2);
    },
  );

  it('still relates the valid entries of a block with a bad one', async () => {
    const { errors, relations } = await run(
      processor,
      entity('System', 'checkout', {
        responsibilities: [
          { role: 'sre', ref: 'sre-core' },
          { role: 'qa', ref: 'qa-team' },
        ],
      }),
    );
    expect(errors).toHaveLength(1);
    expect(relations).toEqual([
      'system:default/checkout sreOwnedBy group:default/sre-core',
      'group:default/sre-core sreOwnerOf system:default/checkout',
    ]);
  });

  it('emits interaction relations in the direction the team types give', async () => {
    const platform = await run(
      processor,
      entity('Group', 'runtime-platform', {
        type: 'team',
        topology: {
          type: 'platform',
          disciplines: ['platform'],
          interactions: [
            {
              with: 'group:checkout-team',
              mode: 'x-as-a-service',
              until: '2027-03-31',
            },
            { with: 'sre-core', mode: 'collaboration' },
          ],
        },
      }),
    );
    expect(platform.errors).toEqual([]);
    expect(platform.relations).toEqual([
      'group:default/runtime-platform providesServiceTo group:default/checkout-team',
      'group:default/checkout-team consumesServiceOf group:default/runtime-platform',
      'group:default/runtime-platform collaboratesWith group:default/sre-core',
      'group:default/sre-core collaboratesWith group:default/runtime-platform',
    ]);

    const streamAligned = await run(
      processor,
      entity('Group', 'storefront-team', {
        type: 'team',
        topology: {
          type: 'stream-aligned',
          interactions: [
            { with: 'delivery-enablement', mode: 'facilitating' },
            { with: 'runtime-platform', mode: 'x-as-a-service' },
          ],
        },
      }),
    );
    expect(streamAligned.relations).toEqual([
      'group:default/delivery-enablement facilitates group:default/storefront-team',
      'group:default/storefront-team facilitatedBy group:default/delivery-enablement',
      'group:default/runtime-platform providesServiceTo group:default/storefront-team',
      'group:default/storefront-team consumesServiceOf group:default/runtime-platform',
    ]);
  });

  it.each([
    [
      'a topology that is not an object',
      'platform',
      [
        'spec.topology: must be an object with type, disciplines and interactions, got "platform"',
      ],
    ],
    [
      'a missing team type',
      { disciplines: ['sre'] },
      [
        'spec.topology.type: is required (stream-aligned, platform, enabling, complicated-subsystem)',
      ],
    ],
    [
      'an unknown team type',
      { type: 'squad' },
      [
        'spec.topology.type: "squad" is not a team type (stream-aligned, platform, enabling, complicated-subsystem)',
      ],
    ],
    [
      'a discipline that is not a role',
      { type: 'enabling', disciplines: ['sre', 'qa'] },
      [
        'spec.topology.disciplines[1]: "qa" is not a configured role (devops, sre, platform)',
      ],
    ],
    [
      'an interaction without a team',
      { type: 'enabling', interactions: [{ mode: 'facilitating' }] },
      ['spec.topology.interactions[0].with: is required'],
    ],
    [
      'an interaction with an unknown mode',
      { type: 'enabling', interactions: [{ with: 'a', mode: 'pairing' }] },
      [
        'spec.topology.interactions[0].mode: "pairing" is not an interaction mode (collaboration, x-as-a-service, facilitating)',
      ],
    ],
    [
      'an interaction with a bad until',
      {
        type: 'enabling',
        interactions: [
          { with: 'a', mode: 'facilitating', until: '31/03/2027' },
        ],
      },
      [
        'spec.topology.interactions[0].until: must be a date written as YYYY-MM-DD, got "31/03/2027"',
      ],
    ],
    [
      'an interaction with the team itself',
      {
        type: 'enabling',
        interactions: [
          { with: 'group:default/sre-core', mode: 'collaboration' },
        ],
      },
      [
        'spec.topology.interactions[0].with: a team cannot interact with itself',
      ],
    ],
  ])('rejects %s and emits no relations', async (_, topology, messages) => {
    const { errors, relations } = await run(
      processor,
      entity('Group', 'sre-core', { type: 'team', topology }),
    );
    expect(errors.map(e => e.message)).toEqual(
      messages.map(
        m => `Invalid ownership block in group:default/sre-core: ${m}`,
      ),
    );
    expect(relations).toEqual([]);
  });

  it('uses the configured roles', async () => {
    const custom = OwnershipEntitiesProcessor.fromConfig(
      new ConfigReader({
        ownership: {
          roles: [{ id: 'devops' }, { id: 'security', title: 'Security' }],
        },
      }),
    );
    const { errors, relations } = await run(
      custom,
      entity('Component', 'c', {
        responsibilities: [
          { role: 'security', ref: 'appsec' },
          { role: 'sre', ref: 'sre-core' },
        ],
      }),
    );
    expect(relations).toEqual([
      'component:default/c securityOwnedBy group:default/appsec',
      'group:default/appsec securityOwnerOf component:default/c',
    ]);
    expect(errors.map(e => e.message)).toEqual([
      'Invalid ownership block in component:default/c: spec.responsibilities[1].role: "sre" is not a configured role (devops, security)',
    ]);
  });

  it('refuses an invalid role configuration at start', () => {
    expect(() =>
      OwnershipEntitiesProcessor.fromConfig(
        new ConfigReader({ ownership: { roles: [{ id: 'Data Eng' }] } }),
      ),
    ).toThrow('ownership.roles[0].id');
  });
});
