import {
  DependencyEdges,
  parseSoftDependencies,
  walkDependencies,
} from './walkDependencies';

const graph =
  (edges: Record<string, DependencyEdges>) =>
  (ref: string): DependencyEdges | undefined =>
    edges[ref];
const hard = (...dependsOn: string[]) => ({ dependsOn, soft: [] });

describe('walkDependencies', () => {
  it('reaches transitive dependencies by their shortest path, once each', () => {
    const { dependencies, hidden } = walkDependencies(
      'svc',
      graph({
        svc: hard('db', 'api'),
        api: hard('db', 'cluster'),
        db: hard('cluster'),
        cluster: hard(),
      }),
    );
    expect(dependencies).toEqual([
      { ref: 'api', path: ['svc', 'api'], soft: false },
      { ref: 'db', path: ['svc', 'db'], soft: false },
      { ref: 'cluster', path: ['svc', 'db', 'cluster'], soft: false },
    ]);
    expect(hidden).toEqual([]);
  });

  it('ends at a cycle', () => {
    const { dependencies } = walkDependencies(
      'svc',
      graph({ svc: hard('a'), a: hard('b'), b: hard('a', 'svc') }),
    );
    expect(dependencies.map(d => d.path.join(' → '))).toEqual([
      'svc → a',
      'svc → a → b',
    ]);
  });

  it('marks soft what is reached only past a soft edge', () => {
    const { dependencies } = walkDependencies(
      'svc',
      graph({
        svc: { dependsOn: ['cache', 'db'], soft: ['cache'] },
        cache: hard('cluster', 'disk'),
        db: hard('cluster'),
        cluster: hard(),
        disk: hard(),
      }),
    );
    expect(dependencies).toEqual([
      { ref: 'db', path: ['svc', 'db'], soft: false },
      // Also behind the soft cache, but the db needs it: hard.
      { ref: 'cluster', path: ['svc', 'db', 'cluster'], soft: false },
      { ref: 'cache', path: ['svc', 'cache'], soft: true },
      { ref: 'disk', path: ['svc', 'cache', 'disk'], soft: true },
    ]);
  });

  it('leaves out what cannot be read and everything only behind it', () => {
    const { dependencies, hidden } = walkDependencies(
      'svc',
      graph({ svc: hard('secret', 'db'), db: hard(), behind: hard() }),
    );
    expect(dependencies.map(d => d.ref)).toEqual(['db']);
    expect(hidden).toEqual(['secret']);
  });
});

describe('parseSoftDependencies', () => {
  it('reads comma-separated references as full refs', () => {
    expect(
      parseSoftDependencies(' resource:redis-sessions , search ', 'shop'),
    ).toEqual(['resource:shop/redis-sessions', 'component:shop/search']);
    expect(parseSoftDependencies(undefined)).toEqual([]);
  });
});
