import { EntityOwnershipResponse } from '@triad/plugin-ownership-common';
import { ownershipFacts } from './ownershipFacts';

const owner = (ref: string) => {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return { ref, kind, namespace, name };
};

describe('ownershipFacts', () => {
  it('gives each role its status, holder and source, and names the gaps', () => {
    const answer: EntityOwnershipResponse = {
      entity: {
        ref: 'component:default/svc',
        kind: 'component',
        namespace: 'default',
        name: 'svc',
      },
      indexedAt: '2026-03-15T12:00:00.000Z',
      roles: [
        {
          role: 'devops',
          title: 'DevOps',
          status: 'covered',
          owner: owner('group:default/team'),
          provenance: { source: 'default', path: ['component:default/svc'] },
        },
        {
          role: 'sre',
          title: 'SRE',
          status: 'orphaned',
          owner: owner('group:default/gone'),
          provenance: {
            source: 'inherited',
            path: ['component:default/svc', 'system:default/sys'],
          },
        },
        {
          role: 'platform',
          title: 'Platform',
          status: 'uncovered',
          searched: ['component:default/svc'],
        },
        { role: 'security', title: 'Security', status: 'restricted' },
      ],
    };
    expect(ownershipFacts(answer)).toEqual({
      roles: {
        devops: {
          status: 'covered',
          holder: 'group:default/team',
          source: 'default',
        },
        sre: {
          status: 'orphaned',
          holder: 'group:default/gone',
          source: 'inherited',
        },
        platform: { status: 'uncovered', holder: null, source: null },
        security: { status: 'restricted', holder: null, source: null },
      },
      orphaned: true,
      uncoveredRoles: ['platform'],
    });
  });
});
