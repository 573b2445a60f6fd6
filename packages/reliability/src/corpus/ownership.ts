import * as fc from 'fast-check';
import { hostileValue, Mutation, mutationOf } from './mutate';

/** A component with a valid `spec.responsibilities` block. */
export const VALID_COMPONENT = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'hostile-component' },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-a',
    responsibilities: [
      { role: 'sre', ref: 'group:default/team-platform' },
      { role: 'platform', ref: 'team-platform' },
    ],
  },
};

/** A group with a valid `spec.topology` block. */
export const VALID_GROUP = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'hostile-team' },
  spec: {
    type: 'team',
    children: [],
    topology: {
      type: 'platform',
      disciplines: ['platform', 'sre'],
      interactions: [
        { with: 'group:default/team-a', mode: 'x-as-a-service' },
        { with: 'team-platform', mode: 'collaboration', until: '2027-03-31' },
      ],
    },
  },
};

const component = (responsibilities: unknown) => ({
  ...VALID_COMPONENT,
  spec: { ...VALID_COMPONENT.spec, responsibilities },
});
const group = (topology: unknown) => ({
  ...VALID_GROUP,
  spec: { ...VALID_GROUP.spec, topology },
});
const interaction = (fields: Record<string, unknown>) =>
  group({ ...VALID_GROUP.spec.topology, interactions: [fields] });

/** Hand-written malformed blocks, each with the field its error must name. */
export const MALFORMED_OWNERSHIP: Array<{
  name: string;
  doc: unknown;
  names: string;
}> = [
  {
    name: 'responsibilities as an object',
    doc: component({ role: 'sre', ref: 'group:team-a' }),
    names: 'spec.responsibilities',
  },
  {
    name: 'responsibilities as text',
    doc: component('sre=team-a'),
    names: 'spec.responsibilities',
  },
  {
    name: 'entry without ref',
    doc: component([{ role: 'sre' }]),
    names: 'spec.responsibilities[0]',
  },
  {
    name: 'entry without role',
    doc: component([{ ref: 'group:team-a' }]),
    names: 'spec.responsibilities[0]',
  },
  {
    name: 'unknown role',
    doc: component([{ role: 'wizard', ref: 'group:team-a' }]),
    names: 'spec.responsibilities[0].role',
  },
  {
    name: 'role of the wrong type',
    doc: component([{ role: ['sre'], ref: 'group:team-a' }]),
    names: 'spec.responsibilities[0].role',
  },
  {
    name: 'ref not a reference',
    doc: component([{ role: 'sre', ref: 'group:' }]),
    names: 'spec.responsibilities[0].ref',
  },
  {
    name: 'ref to a component',
    doc: component([{ role: 'sre', ref: 'component:default/svc-prom' }]),
    names: 'spec.responsibilities[0].ref',
  },
  {
    name: 'ref with three colons',
    doc: component([{ role: 'sre', ref: 'a:b:c:d' }]),
    names: 'spec.responsibilities[0].ref',
  },
  {
    name: 'one role twice',
    doc: component([
      { role: 'sre', ref: 'group:team-a' },
      { role: 'sre', ref: 'group:team-platform' },
    ]),
    names: 'spec.responsibilities[1]',
  },
  {
    name: 'unknown key in an entry',
    doc: component([{ role: 'sre', ref: 'group:team-a', since: 2020 }]),
    names: 'spec.responsibilities[0].since',
  },
  {
    name: '1,000 entries',
    doc: component(
      Array.from({ length: 1_000 }, (_, i) => ({ role: `r${i}`, ref: 'x' })),
    ),
    names: 'spec.responsibilities[999]',
  },
  {
    // Over the catalog's request limit: refused before any processor runs.
    name: '10,000 entries',
    doc: component(
      Array.from({ length: 10_000 }, (_, i) => ({ role: `r${i}`, ref: 'x' })),
    ),
    names: 'too large',
  },
  {
    name: 'topology as a list',
    doc: group(['platform']),
    names: 'spec.topology',
  },
  {
    name: 'unknown team type',
    doc: group({ type: 'rockstar' }),
    names: 'spec.topology.type',
  },
  {
    name: 'topology without type',
    doc: group({ disciplines: ['sre'] }),
    names: 'spec.topology.type',
  },
  {
    name: 'unknown discipline',
    doc: group({ type: 'platform', disciplines: ['alchemy'] }),
    names: 'spec.topology.disciplines[0]',
  },
  {
    name: 'disciplines as text',
    doc: group({ type: 'platform', disciplines: 'sre' }),
    names: 'spec.topology.disciplines',
  },
  {
    name: 'interaction with itself',
    doc: interaction({
      with: 'group:default/hostile-team',
      mode: 'collaboration',
    }),
    names: 'spec.topology.interactions[0].with',
  },
  {
    name: 'interaction without with',
    doc: interaction({ mode: 'collaboration' }),
    names: 'spec.topology.interactions[0]',
  },
  {
    name: 'unknown interaction mode',
    doc: interaction({ with: 'group:team-a', mode: 'telepathy' }),
    names: 'spec.topology.interactions[0].mode',
  },
  {
    name: 'impossible date',
    doc: interaction({
      with: 'group:team-a',
      mode: 'collaboration',
      until: '2027-13-45',
    }),
    names: 'spec.topology.interactions[0].until',
  },
  {
    name: 'date as a number',
    doc: interaction({
      with: 'group:team-a',
      mode: 'collaboration',
      until: 20270331,
    }),
    names: 'spec.topology.interactions[0].until',
  },
  {
    name: 'interaction with a component',
    doc: interaction({ with: 'component:svc-prom', mode: 'collaboration' }),
    names: 'spec.topology.interactions[0].with',
  },
];

/** Valid blocks changed at one random place, and blocks replaced outright. */
export const mutatedOwnership: fc.Arbitrary<Mutation<any>> = fc.oneof(
  mutationOf(VALID_COMPONENT, ['spec', 'responsibilities']),
  mutationOf(VALID_GROUP, ['spec', 'topology']),
  hostileValue.map(value => ({
    doc: component(value),
    path: ['spec', 'responsibilities'],
    op: 'replace' as const,
  })),
  hostileValue.map(value => ({
    doc: group(value),
    path: ['spec', 'topology'],
    op: 'replace' as const,
  })),
);
