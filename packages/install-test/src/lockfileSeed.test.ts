import { parse } from 'yaml';
import { mergeSeed } from './lockfileSeed';

const lock = `__metadata:
  version: 8
  cacheKey: 10c0

"@backstage/errors@npm:1.3.1":
  version: 1.3.1
  resolution: "@backstage/errors@npm:1.3.1"
  languageName: node
  linkType: hard

"@triad/plugin-slo@npm:^0.1.0":
  version: 0.1.0
  resolution: "@triad/plugin-slo@npm:0.1.0"
  languageName: node
  linkType: hard

"app@link:../app::locator=backend%40workspace%3Apackages%2Fbackend":
  version: 0.0.0-use.local
  resolution: "app@link:../app::locator=backend%40workspace%3Apackages%2Fbackend"
  languageName: node
  linkType: soft

"app@workspace:packages/app":
  version: 0.0.0-use.local
  resolution: "app@workspace:packages/app"
  languageName: unknown
  linkType: soft
`;

describe('mergeSeed', () => {
  it("keeps registry packages, not the app's workspaces or Triad's packages", () => {
    const seed = parse(mergeSeed(undefined, lock));
    expect(Object.keys(seed)).toEqual([
      '__metadata',
      '@backstage/errors@npm:1.3.1',
    ]);
  });

  it('adds the entries of another lockfile and keeps the ones it has', () => {
    const first = mergeSeed(undefined, lock);
    const other = `__metadata:
  version: 8
  cacheKey: 10c0

"@backstage/app-defaults@npm:1.7.12":
  version: 1.7.12
  resolution: "@backstage/app-defaults@npm:1.7.12"

"@backstage/errors@npm:1.3.1":
  version: 9.9.9
  resolution: "@backstage/errors@npm:9.9.9"
`;
    const seed = parse(mergeSeed(first, other));
    expect(seed['@backstage/app-defaults@npm:1.7.12'].version).toBe('1.7.12');
    expect(seed['@backstage/errors@npm:1.3.1'].version).toBe('1.3.1');
  });
});
