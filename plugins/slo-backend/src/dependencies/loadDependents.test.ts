import { Entity } from '@backstage/catalog-model';
import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { loadDependents } from './loadDependents';

/** A component whose `dependencyOf` relations name `dependents`. */
const entity = (name: string, dependents: string[] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: {},
  relations: dependents.map(d => ({
    type: 'dependencyOf',
    targetRef: `component:default/${d}`,
  })),
});

// db ← api ← web ← api (a cycle); db ← worker; api ← gone (not in the catalog).
const db = entity('db', ['api', 'worker']);
const entities = [
  db,
  entity('api', ['web', 'gone']),
  entity('web', ['api']),
  entity('worker'),
];
const ref = (name: string) => `component:default/${name}`;

describe('loadDependents', () => {
  const catalog = catalogServiceMock({ entities });
  const credentials = mockCredentials.user();

  it('walks dependencyOf transitively, nearest first, once each, leaving out what it cannot read', async () => {
    const { dependents, truncated } = await loadDependents(
      catalog,
      db,
      credentials,
      10,
    );
    expect(truncated).toBe(false);
    expect(dependents.map(d => [d.ref, d.path])).toEqual([
      [ref('api'), [ref('api'), ref('db')]],
      [ref('worker'), [ref('worker'), ref('db')]],
      [ref('web'), [ref('web'), ref('api'), ref('db')]],
    ]);
  });

  it('stops at the cap and says so', async () => {
    const { dependents, truncated } = await loadDependents(
      catalog,
      db,
      credentials,
      2,
    );
    expect(dependents.map(d => d.ref)).toEqual([ref('api'), ref('worker')]);
    expect(truncated).toBe(true);
  });
});
