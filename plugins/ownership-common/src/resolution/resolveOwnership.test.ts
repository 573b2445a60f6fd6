import { DEFAULT_OWNERSHIP_ROLES } from '../model/roles';
import {
  OwnershipGraph,
  OwnershipGraphNode,
  RoleResolution,
  isPlatformTopology,
  resolveOwnership,
  resolveRole,
} from './resolveOwnership';

type NodeSpec = Partial<OwnershipGraphNode> & { ref: string };

/** A small catalog; groups listed in `platformTeams` are platform teams. */
function graphOf(
  nodes: NodeSpec[],
  groups: string[],
  platformTeams: string[] = [],
): OwnershipGraph {
  const byRef = new Map(
    nodes.map(n => [
      n.ref,
      {
        kind: n.ref.split(':')[0],
        responsibilities: [],
        partOf: [],
        dependsOn: [],
        ...n,
      },
    ]),
  );
  return {
    node: ref => byRef.get(ref),
    exists: ref => groups.includes(ref),
    isPlatformTeam: ref => platformTeams.includes(ref),
  };
}

const c = 'component:default/checkout-service';
const sys = 'system:default/checkout';
const dom = 'domain:default/commerce';
const db = 'resource:default/checkout-db';
const cache = 'resource:default/cache';
const checkoutTeam = 'group:default/checkout-team';
const sreCore = 'group:default/sre-core';
const runtime = 'group:default/runtime-platform';
const storageTeam = 'group:default/storage';
const missing = 'group:default/checkout-oncall';
const groups = [checkoutTeam, sreCore, runtime, storageTeam];

const cases: {
  name: string;
  nodes: NodeSpec[];
  role: string;
  platformTeams?: string[];
  expected: RoleResolution;
}[] = [
  {
    name: 'explicit on the entity',
    nodes: [
      {
        ref: c,
        owner: checkoutTeam,
        responsibilities: [{ role: 'sre', ref: sreCore }],
      },
    ],
    role: 'sre',
    expected: {
      role: 'sre',
      status: 'covered',
      owner: sreCore,
      provenance: { source: 'explicit', path: [c] },
    },
  },
  {
    name: 'inherited from the system',
    nodes: [
      { ref: c, owner: checkoutTeam, partOf: [sys] },
      { ref: sys, responsibilities: [{ role: 'sre', ref: sreCore }] },
    ],
    role: 'sre',
    expected: {
      role: 'sre',
      status: 'covered',
      owner: sreCore,
      provenance: { source: 'inherited', path: [c, sys] },
    },
  },
  {
    name: 'inherited from the domain through the system',
    nodes: [
      { ref: c, owner: checkoutTeam, partOf: [sys] },
      { ref: sys, partOf: [dom] },
      { ref: dom, responsibilities: [{ role: 'sre', ref: sreCore }] },
    ],
    role: 'sre',
    expected: {
      role: 'sre',
      status: 'covered',
      owner: sreCore,
      provenance: { source: 'inherited', path: [c, sys, dom] },
    },
  },
  {
    name: 'inherited from the nearest ancestor',
    nodes: [
      { ref: c, owner: checkoutTeam, partOf: [sys] },
      {
        ref: sys,
        partOf: [dom],
        responsibilities: [{ role: 'sre', ref: checkoutTeam }],
      },
      { ref: dom, responsibilities: [{ role: 'sre', ref: sreCore }] },
    ],
    role: 'sre',
    expected: {
      role: 'sre',
      status: 'covered',
      owner: checkoutTeam,
      provenance: { source: 'inherited', path: [c, sys] },
    },
  },
  {
    name: 'explicit before inherited',
    nodes: [
      {
        ref: c,
        partOf: [sys],
        responsibilities: [{ role: 'sre', ref: checkoutTeam }],
      },
      { ref: sys, responsibilities: [{ role: 'sre', ref: sreCore }] },
    ],
    role: 'sre',
    expected: {
      role: 'sre',
      status: 'covered',
      owner: checkoutTeam,
      provenance: { source: 'explicit', path: [c] },
    },
  },
  {
    name: 'derived from a dependency owned by a platform team',
    nodes: [
      { ref: c, owner: checkoutTeam, dependsOn: [db] },
      { ref: db, owner: runtime },
    ],
    role: 'platform',
    platformTeams: [runtime],
    expected: {
      role: 'platform',
      status: 'covered',
      owner: runtime,
      provenance: { source: 'derived', path: [c, db] },
    },
  },
  {
    name: 'derived for a resource its platform team owns',
    nodes: [{ ref: db, owner: runtime }],
    role: 'platform',
    platformTeams: [runtime],
    expected: {
      role: 'platform',
      status: 'covered',
      owner: runtime,
      provenance: { source: 'derived', path: [db] },
    },
  },
  {
    name: 'derived only from resources of platform teams',
    nodes: [
      { ref: c, owner: checkoutTeam, dependsOn: [cache, db] },
      { ref: cache, owner: checkoutTeam },
      { ref: db, owner: storageTeam },
    ],
    role: 'platform',
    platformTeams: [storageTeam],
    expected: {
      role: 'platform',
      status: 'covered',
      owner: storageTeam,
      provenance: { source: 'derived', path: [c, db] },
    },
  },
  {
    name: 'inherited before derived',
    nodes: [
      { ref: c, owner: checkoutTeam, partOf: [sys], dependsOn: [db] },
      { ref: sys, responsibilities: [{ role: 'platform', ref: checkoutTeam }] },
      { ref: db, owner: runtime },
    ],
    role: 'platform',
    platformTeams: [runtime],
    expected: {
      role: 'platform',
      status: 'covered',
      owner: checkoutTeam,
      provenance: { source: 'inherited', path: [c, sys] },
    },
  },
  {
    name: 'default: spec.owner holds devops',
    nodes: [{ ref: c, owner: checkoutTeam }],
    role: 'devops',
    expected: {
      role: 'devops',
      status: 'covered',
      owner: checkoutTeam,
      provenance: { source: 'default', path: [c] },
    },
  },
  {
    name: 'explicit devops before the default',
    nodes: [
      {
        ref: c,
        owner: checkoutTeam,
        responsibilities: [{ role: 'devops', ref: runtime }],
      },
    ],
    role: 'devops',
    expected: {
      role: 'devops',
      status: 'covered',
      owner: runtime,
      provenance: { source: 'explicit', path: [c] },
    },
  },
  {
    name: 'uncovered: nothing assigns the role',
    nodes: [
      { ref: c, owner: checkoutTeam, partOf: [sys], dependsOn: [db] },
      { ref: sys, partOf: [dom] },
      { ref: dom },
      { ref: db, owner: runtime },
    ],
    role: 'sre',
    platformTeams: [runtime],
    expected: { role: 'sre', status: 'uncovered', searched: [c, sys, dom] },
  },
  {
    name: 'uncovered: spec.owner is no default for other roles',
    nodes: [
      { ref: c, owner: checkoutTeam, dependsOn: [db] },
      { ref: db, owner: checkoutTeam },
    ],
    role: 'platform',
    expected: { role: 'platform', status: 'uncovered', searched: [c, db] },
  },
  {
    name: 'orphaned: explicit ref to a missing group',
    nodes: [
      {
        ref: c,
        owner: checkoutTeam,
        partOf: [sys],
        responsibilities: [{ role: 'sre', ref: missing }],
      },
      { ref: sys, responsibilities: [{ role: 'sre', ref: sreCore }] },
    ],
    role: 'sre',
    expected: {
      role: 'sre',
      status: 'orphaned',
      owner: missing,
      provenance: { source: 'explicit', path: [c] },
    },
  },
  {
    name: 'orphaned: inherited ref to a missing group',
    nodes: [
      { ref: c, owner: checkoutTeam, partOf: [sys] },
      { ref: sys, responsibilities: [{ role: 'sre', ref: missing }] },
    ],
    role: 'sre',
    expected: {
      role: 'sre',
      status: 'orphaned',
      owner: missing,
      provenance: { source: 'inherited', path: [c, sys] },
    },
  },
  {
    name: 'orphaned: spec.owner names a missing group',
    nodes: [{ ref: c, owner: missing }],
    role: 'devops',
    expected: {
      role: 'devops',
      status: 'orphaned',
      owner: missing,
      provenance: { source: 'default', path: [c] },
    },
  },
  {
    name: 'a partOf cycle ends the walk',
    nodes: [
      { ref: c, owner: checkoutTeam, partOf: [sys] },
      { ref: sys, partOf: [dom] },
      { ref: dom, partOf: [sys, c] },
    ],
    role: 'sre',
    expected: { role: 'sre', status: 'uncovered', searched: [c, sys, dom] },
  },
  {
    name: 'a partOf target missing from the catalog is skipped',
    nodes: [{ ref: c, owner: checkoutTeam, partOf: ['system:default/gone'] }],
    role: 'sre',
    expected: { role: 'sre', status: 'uncovered', searched: [c] },
  },
];

describe('resolveRole', () => {
  it.each(cases)('$name', ({ nodes, role, platformTeams, expected }) => {
    const graph = graphOf(nodes, groups, platformTeams);
    expect(resolveRole(graph, nodes[0].ref, role)).toEqual(expected);
  });

  it('refuses an entity the graph does not know', () => {
    expect(() => resolveRole(graphOf([], groups), c, 'sre')).toThrow(
      'Cannot resolve ownership of unknown entity component:default/checkout-service',
    );
  });
});

describe('resolveOwnership', () => {
  it('resolves every configured role, and one team may hold several', () => {
    const graph = graphOf(
      [
        {
          ref: c,
          owner: checkoutTeam,
          responsibilities: [{ role: 'sre', ref: checkoutTeam }],
          dependsOn: [db],
        },
        { ref: db, owner: checkoutTeam },
      ],
      groups,
      [checkoutTeam],
    );
    expect(
      resolveOwnership(graph, c, DEFAULT_OWNERSHIP_ROLES).map(r => [
        r.role,
        r.status === 'uncovered' ? undefined : r.owner,
        r.status === 'uncovered' ? undefined : r.provenance.source,
      ]),
    ).toEqual([
      ['devops', checkoutTeam, 'default'],
      ['sre', checkoutTeam, 'explicit'],
      ['platform', checkoutTeam, 'derived'],
    ]);
  });
});

describe('isPlatformTopology', () => {
  it.each([
    [undefined, false],
    [{ type: 'platform' as const, disciplines: [], interactions: [] }, true],
    [
      {
        type: 'stream-aligned' as const,
        disciplines: ['devops', 'platform'],
        interactions: [],
      },
      true,
    ],
    [
      { type: 'enabling' as const, disciplines: ['sre'], interactions: [] },
      false,
    ],
  ])('%j → %s', (topology, expected) => {
    expect(isPlatformTopology(topology)).toBe(expected);
  });
});
