import { testIndex } from '../../__fixtures__/catalog';
import { entityOwnership } from './entityOwnership';

const index = testIndex();
const everything = () => true;
const except =
  (...hidden: string[]) =>
  (ref: string) =>
    !hidden.includes(ref);

describe('entityOwnership', () => {
  it('answers each role with its holder and provenance', () => {
    expect(
      entityOwnership(index, 'component:default/ledger', everything),
    ).toEqual({
      entity: {
        ref: 'component:default/ledger',
        kind: 'component',
        namespace: 'default',
        name: 'ledger',
        type: 'service',
        lifecycle: 'production',
      },
      roles: [
        {
          role: 'devops',
          title: 'DevOps',
          status: 'covered',
          owner: {
            ref: 'group:default/payments-team',
            kind: 'group',
            namespace: 'default',
            name: 'payments-team',
            onCall: { 'pagerduty.com/service-id': 'PPAYMNT' },
          },
          provenance: { source: 'default', path: ['component:default/ledger'] },
        },
        {
          role: 'sre',
          title: 'SRE',
          status: 'covered',
          owner: {
            ref: 'group:default/sre-core',
            kind: 'group',
            namespace: 'default',
            name: 'sre-core',
          },
          provenance: {
            source: 'inherited',
            path: [
              'component:default/ledger',
              'system:default/payments-core',
              'domain:default/payments',
            ],
          },
        },
        {
          role: 'platform',
          title: 'Platform',
          status: 'uncovered',
          searched: [
            'component:default/ledger',
            'system:default/payments-core',
            'domain:default/payments',
          ],
        },
      ],
      indexedAt: '2026-11-28T10:00:00.000Z',
    });
  });

  it('reports an orphaned holder with the reference it names', () => {
    const { roles } = entityOwnership(
      index,
      'component:default/cart-service',
      everything,
    );
    expect(roles[1]).toEqual({
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
    });
  });

  it('leaves out what the caller may not read', () => {
    const { roles } = entityOwnership(
      index,
      'component:default/ledger',
      except('group:default/sre-core', 'system:default/payments-core'),
    );
    expect(roles[1]).toEqual({
      role: 'sre',
      title: 'SRE',
      status: 'restricted',
    });
    expect(roles[2]).toMatchObject({
      status: 'uncovered',
      searched: ['component:default/ledger', 'domain:default/payments'],
    });
    expect(
      entityOwnership(
        index,
        'component:default/checkout-service',
        except('resource:default/checkout-db'),
      ).roles[2],
    ).toMatchObject({
      status: 'covered',
      provenance: {
        source: 'derived',
        path: ['component:default/checkout-service'],
      },
    });
  });

  it('gives the same 404 for a missing entity and one the caller may not read', () => {
    expect(() =>
      entityOwnership(index, 'component:default/nothing', everything),
    ).toThrow(
      expect.objectContaining({
        name: 'NotFoundError',
        message: 'No entity component:default/nothing in the ownership index',
      }),
    );
    expect(() =>
      entityOwnership(
        index,
        'component:default/ledger',
        except('component:default/ledger'),
      ),
    ).toThrow(
      expect.objectContaining({
        name: 'NotFoundError',
        message: 'No entity component:default/ledger in the ownership index',
      }),
    );
  });
});
