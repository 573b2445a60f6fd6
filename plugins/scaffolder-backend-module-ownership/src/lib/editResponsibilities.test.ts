import { editResponsibilities } from './editResponsibilities';

const CATALOG = `# Checkout: the service and its API.
# Keep this header.
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout-service   # do not rename
  annotations:
    pagerduty.com/service-id: "PX123"
spec:
  type: service
  lifecycle: production    # GA since 2025
  owner: 'group:storefront-team'
  system: checkout
  responsibilities:
    # who answers for reliability
    - role: sre
      ref: group:old-sre
  dependsOn: [resource:orders-db]
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: checkout-api }
spec: { type: openapi, lifecycle: production, owner: group:checkout-team, definition: "{}" }
...
`;

const file = 'catalog-info.yaml';
const component = { file, entityRef: 'component:checkout-service' };

function changedLines(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  return {
    removed: a.filter(l => !b.includes(l)),
    added: b.filter(l => !a.includes(l)),
  };
}

describe('editResponsibilities', () => {
  it('changes only the owner and responsibilities lines', () => {
    const result = editResponsibilities(
      CATALOG,
      {
        owner: 'group:checkout-team',
        responsibilities: [
          { role: 'sre', ref: 'group:sre-core' },
          { role: 'platform', ref: 'group:runtime-platform' },
        ],
      },
      component,
    );
    expect(result.changed).toBe(true);
    expect(result.entity).toMatchObject({
      kind: 'Component',
      name: 'checkout-service',
    });
    expect(result.text).toBe(
      CATALOG.replace(
        "  owner: 'group:storefront-team'",
        '  owner: group:checkout-team',
      ).replace(
        `  responsibilities:
    # who answers for reliability
    - role: sre
      ref: group:old-sre
`,
        `  responsibilities:
    - role: sre
      ref: group:sre-core
    - role: platform
      ref: group:runtime-platform
`,
      ),
    );
    expect(changedLines(CATALOG, result.text)).toEqual({
      removed: [
        "  owner: 'group:storefront-team'",
        '    # who answers for reliability',
        '      ref: group:old-sre',
      ],
      added: [
        '  owner: group:checkout-team',
        '      ref: group:sre-core',
        '    - role: platform',
        '      ref: group:runtime-platform',
      ],
    });

    // Running it again changes nothing at all.
    const again = editResponsibilities(
      result.text,
      {
        owner: 'group:checkout-team',
        responsibilities: [
          { role: 'sre', ref: 'group:sre-core' },
          { role: 'platform', ref: 'group:runtime-platform' },
        ],
      },
      component,
    );
    expect(again).toMatchObject({ changed: false, text: result.text });
  });

  it('inserts missing fields after lifecycle, owner first', () => {
    const text = `apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: checkout
spec:
  # the checkout system
  type: product
  lifecycle: production
  domain: commerce
`;
    const result = editResponsibilities(
      text,
      {
        owner: 'group:checkout-team',
        responsibilities: [{ role: 'sre', ref: 'group:sre-core' }],
      },
      { file },
    );
    expect(result.text).toBe(`apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: checkout
spec:
  # the checkout system
  type: product
  lifecycle: production
  owner: group:checkout-team
  responsibilities:
    - role: sre
      ref: group:sre-core
  domain: commerce
`);
  });

  it('puts responsibilities after an existing owner and removes an emptied list', () => {
    const text = CATALOG.replace(
      `  responsibilities:
    # who answers for reliability
    - role: sre
      ref: group:old-sre
`,
      '',
    );
    const added = editResponsibilities(
      text,
      { responsibilities: [{ role: 'devops', ref: 'user:ada' }] },
      component,
    );
    expect(added.text).toBe(
      text.replace(
        "  owner: 'group:storefront-team'\n",
        "  owner: 'group:storefront-team'\n  responsibilities:\n    - role: devops\n      ref: user:ada\n",
      ),
    );
    const removed = editResponsibilities(
      CATALOG,
      { responsibilities: [] },
      component,
    );
    expect(removed.text).toBe(text);
  });

  it('picks the entity by reference and rewrites only a flow-style document', () => {
    const result = editResponsibilities(
      CATALOG,
      { owner: 'group:api-guild' },
      { file, entityRef: 'api:checkout-api' },
    );
    const [header, entity, api] = result.text.split('\n---\n');
    expect([header, entity]).toEqual(CATALOG.split('\n---\n').slice(0, 2));
    expect(api).toContain('owner: group:api-guild');
    expect(api).toContain('metadata: { name: checkout-api }');
    expect(result.text.endsWith('...\n')).toBe(true);
  });

  it('says which entity it cannot find or choose', () => {
    expect(() =>
      editResponsibilities(CATALOG, { owner: 'group:a' }, { file }),
    ).toThrow(
      'entityRef: catalog-info.yaml holds 2 entities that take responsibilities (component:default/checkout-service, api:default/checkout-api); say which one',
    );
    expect(() =>
      editResponsibilities(
        CATALOG,
        { owner: 'group:a' },
        { file, entityRef: 'component:default/other' },
      ),
    ).toThrow('entityRef: catalog-info.yaml holds no component:default/other');
    expect(() =>
      editResponsibilities('kind: Group\nmetadata: {name: a}\n', {}, { file }),
    ).toThrow(
      'path: catalog-info.yaml holds no Component, System, Domain, Resource, API entity',
    );
    expect(() => editResponsibilities('kind: [', {}, { file })).toThrow(
      'path: catalog-info.yaml is not valid YAML, so it is left alone',
    );
  });
});
