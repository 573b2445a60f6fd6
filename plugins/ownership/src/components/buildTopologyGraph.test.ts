import { TopologyResponse } from '@triad/plugin-ownership-common';
import { groups, topology } from '../__fixtures__/ownership';
import { buildTopologyGraph, disciplinesOf } from './buildTopologyGraph';

const names = (nodes: { id: string }[]) =>
  nodes.map(n => n.id.replace('group:default/', '')).sort();
const lines = (edges: { from: string; to: string; label: string }[]) =>
  edges.map(
    e =>
      `${e.from.replace('group:default/', '')} → ${e.to.replace(
        'group:default/',
        '',
      )}: ${e.label}`,
  );

describe('buildTopologyGraph', () => {
  it('draws every team and every declared interaction, mismatches and ended ones marked', () => {
    const { nodes, edges } = buildTopologyGraph(topology, { view: 'declared' });
    expect(names(nodes)).toEqual(
      names(topology.teams.map(t => ({ id: t.team.ref }))),
    );
    expect(nodes.find(n => n.id === groups.runtime.ref)).toMatchObject({
      title: 'Runtime Platform',
      teamType: 'platform',
      disciplines: ['platform'],
      isTeam: true,
    });
    expect(lines(edges)).toEqual([
      'checkout-team → sre-core: collaboration · not observed',
      'delivery-enablement → storefront-team: facilitating · ended 2026-03-31 · not observed',
      'fraud-models → payments-team: x-as-a-service',
      'runtime-platform → checkout-team: x-as-a-service',
    ]);
    expect(edges.map(e => [e.mismatch, e.stale])).toEqual([
      [true, false],
      [true, true],
      [false, false],
      [false, false],
    ]);
  });

  it('draws observed dependencies with the declared mode, undeclared ones as mismatches', () => {
    const { edges } = buildTopologyGraph(topology, { view: 'observed' });
    expect(lines(edges)).toEqual([
      'checkout-team → payments-team: 1 dependency · undeclared',
      'payments-team → fraud-models: 1 dependency',
      'checkout-team → runtime-platform: 2 dependencies',
    ]);
    expect(edges.map(e => [e.mismatch, e.modes])).toEqual([
      [true, []],
      [false, ['x-as-a-service']],
      [false, ['x-as-a-service']],
    ]);
    expect(edges[2].description).toBe(
      'group:checkout-team depends on group:runtime-platform: component:checkout-service dependsOn resource:checkout-db; component:cart-service dependsOn resource:redis-sessions. Declared as x-as-a-service.',
    );
  });

  it('merges interactions of one direction into one line', () => {
    const both: TopologyResponse = {
      ...topology,
      declared: [
        ...topology.declared,
        { ...topology.declared[2], mode: 'collaboration', observed: false },
      ],
    };
    const { edges } = buildTopologyGraph(both, { view: 'declared' });
    const line = edges.find(e => e.from === groups.fraud.ref)!;
    expect(line.modes).toEqual(['x-as-a-service', 'collaboration']);
    expect(line.label).toBe('x-as-a-service + collaboration');
    expect(line.mismatch).toBe(false);
  });

  it('filters by team type and discipline, dropping lines to hidden teams', () => {
    const platformOnly = buildTopologyGraph(topology, {
      view: 'declared',
      teamTypes: ['platform', 'stream-aligned'],
    });
    expect(names(platformOnly.nodes)).toEqual([
      'checkout-team',
      'growth-lab',
      'payments-team',
      'runtime-platform',
      'storefront-team',
    ]);
    expect(lines(platformOnly.edges)).toEqual([
      'runtime-platform → checkout-team: x-as-a-service',
    ]);
    const sre = buildTopologyGraph(topology, {
      view: 'declared',
      discipline: 'sre',
    });
    expect(names(sre.nodes)).toEqual([
      'delivery-enablement',
      'growth-lab',
      'sre-core',
    ]);
    expect(sre.edges).toEqual([]);
  });

  it('finds a team with the teams it interacts with', () => {
    const { nodes, edges } = buildTopologyGraph(topology, {
      view: 'declared',
      search: 'CHECKOUT',
    });
    expect(names(nodes)).toEqual([
      'checkout-team',
      'runtime-platform',
      'sre-core',
    ]);
    expect(edges).toHaveLength(2);
  });

  it('leaves out teams without lines when asked', () => {
    const { nodes } = buildTopologyGraph(topology, {
      view: 'observed',
      connectedOnly: true,
    });
    expect(names(nodes)).toEqual([
      'checkout-team',
      'fraud-models',
      'payments-team',
      'runtime-platform',
    ]);
  });

  it('draws a group that is not a team when it takes part in an interaction', () => {
    const { nodes } = buildTopologyGraph(
      {
        ...topology,
        observed: [
          {
            from: groups.checkout.ref,
            to: 'group:default/commerce',
            evidence: [],
            declared: false,
          },
        ],
      },
      { view: 'observed' },
    );
    expect(nodes.find(n => n.id === 'group:default/commerce')).toEqual({
      id: 'group:default/commerce',
      ref: 'group:default/commerce',
      title: 'commerce',
      teamType: 'none',
      disciplines: [],
      isTeam: false,
    });
  });

  it('handles a few hundred teams from one response', () => {
    const many: TopologyResponse = {
      teams: Array.from({ length: 400 }, (_, i) => ({
        team: {
          ref: `group:default/team-${i}`,
          namespace: 'default',
          name: `team-${i}`,
          teamType: i % 2 ? 'platform' : 'stream-aligned',
        },
        disciplines: ['devops'],
        memberCount: 3,
        owns: [],
      })),
      declared: Array.from({ length: 399 }, (_, i) => ({
        mode: 'x-as-a-service' as const,
        from: `group:default/team-${i + 1}`,
        to: `group:default/team-${i}`,
        declaredBy: [],
        stale: false,
        observed: true,
      })),
      observed: [],
      indexedAt: '',
    };
    const { nodes, edges } = buildTopologyGraph(many, { view: 'declared' });
    expect(nodes).toHaveLength(400);
    expect(edges).toHaveLength(399);
  });
});

describe('disciplinesOf', () => {
  it('lists every discipline once', () => {
    expect(disciplinesOf(topology)).toEqual(['devops', 'platform', 'sre']);
  });
});
