// Journeys 3–5 of the browser end-to-end tests: the ownership card, the
// ownership page (lookup and coverage) and the team topology page.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { parseAllDocuments } = require('yaml');
const { APP } = require('../src/instance');
const {
  expectAccessible,
  signedInPage,
  screenshot,
} = require('../src/browser');
const { api, artefacts, state } = require('./context');

/** `system:default/checkout` → `system:checkout`, as the views write it. */
const short = ref => {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return namespace === 'default' ? `${kind}:${name}` : ref;
};
/** `group:sre-core` → `group:default/sre-core` */
const full = (ref, kind = 'group') => {
  const [k, rest] = ref.includes(':') ? ref.split(':') : [kind, ref];
  return rest.includes('/') ? `${k}:${rest}` : `${k}:default/${rest}`;
};

/** The words the card should use for a provenance, worked out here. */
function expectedWords(provenance) {
  const last = provenance.path[provenance.path.length - 1];
  switch (provenance.source) {
    case 'explicit':
      return 'set explicitly on this entity';
    case 'inherited':
      return `inherited from ${short(last)}`;
    case 'derived':
      return `derived from ${short(last)}`;
    default:
      return 'default from spec.owner';
  }
}

test('journey 3: a component ownership card shows each role with its provenance', async () => {
  const page = await signedInPage(
    state.browser,
    `${APP}/catalog/default/component/checkout-service`,
  );
  try {
    const { roles } = await api(
      '/api/ownership/v1/entities/component/default/checkout-service',
    );
    // The example data covers three rules on this one service.
    assert.deepEqual(
      roles.map(r => [r.role, r.status, r.owner?.ref, r.provenance?.source]),
      [
        ['devops', 'covered', 'group:default/checkout-team', 'default'],
        ['sre', 'covered', 'group:default/sre-core', 'inherited'],
        ['platform', 'covered', 'group:default/runtime-platform', 'derived'],
      ],
    );
    assert.deepEqual(roles[1].provenance.path.slice(-1), [
      'system:default/checkout',
    ]);
    assert.deepEqual(roles[2].provenance.path.slice(-1), [
      'resource:default/checkout-db',
    ]);

    await page.getByText('Who answers for each discipline, and why').waitFor();
    for (const role of roles) {
      const row = page.getByTestId(`role-${role.role}`);
      await row.getByText(role.title, { exact: true }).waitFor();
      const owner = row.getByRole('link', { name: role.owner.title });
      await owner.waitFor();
      assert.equal(
        await owner.getAttribute('href'),
        `/catalog/default/group/${role.owner.name}`,
      );
      await row.getByText(role.provenance.source, { exact: true }).waitFor();
      await row
        .getByText(expectedWords(role.provenance), { exact: true })
        .waitFor();
    }
    // On-call from the SRE team's PagerDuty annotation.
    assert.equal(
      await page
        .getByTestId('role-sre')
        .getByRole('link', { name: 'PagerDuty service PSRECOR' })
        .getAttribute('href'),
      'https://app.pagerduty.com/service-directory/PSRECOR',
    );
    await screenshot(page, artefacts, 'journey-3-ownership-card');
    await expectAccessible(
      page,
      ['main'],
      'An entity page with the ownership and SLO cards',
    );

    // A responsibility naming a team that does not exist shows as orphaned.
    await page.goto(`${APP}/catalog/default/component/cart-service`);
    const sre = page.getByTestId('role-sre');
    await sre.getByText('orphaned', { exact: true }).waitFor();
    await sre.getByText('group:checkout-oncall', { exact: true }).waitFor();
    await screenshot(page, artefacts, 'journey-3-ownership-card-orphaned');
  } finally {
    await page.close();
  }
});

test('journey 4: the ownership page answers a lookup and shows the coverage report', async () => {
  const page = await signedInPage(state.browser, `${APP}/ownership`);
  try {
    // Lookup: a person, answered with their teams and what those hold.
    await page.getByLabel('Look up').fill('guest');
    const { results } = await api('/api/ownership/v1/lookup?q=guest');
    const user = results.find(r => r.type === 'user');
    assert.ok(user, 'the backend finds the guest user');
    await page.getByText(/match(es)? for “guest”/).waitFor();
    const card = page
      .getByTestId('lookup-result')
      .filter({ has: page.getByRole('link', { name: 'Guest' }) });
    for (const team of user.teams) {
      await card.getByRole('link', { name: team.title }).first().waitFor();
    }
    for (const r of user.responsibilities) {
      await card
        .getByText(`${r.title} (${r.entities.length})`, { exact: true })
        .waitFor();
      for (const e of r.entities) {
        await card
          .getByRole('link', { name: e.title ?? e.name, exact: true })
          .first()
          .waitFor();
      }
    }
    assert.match(page.url(), /\?q=guest$/);
    await screenshot(page, artefacts, 'journey-4-lookup');

    // Coverage: every role's share, and every gap by name.
    const coverage = await api('/api/ownership/v1/coverage');
    for (const role of coverage.roles) {
      const bar = page.getByTestId(`coverage-${role.role}`);
      await bar
        .getByText(
          role.share === null
            ? 'no production components'
            : `${role.covered} of ${role.total} covered (${Math.round(
                role.share * 100,
              )} %)`,
        )
        .waitFor();
      const gaps = [...role.uncovered, ...role.orphaned.map(o => o.entity)];
      for (const e of gaps) {
        await page
          .getByTestId(`gaps-${role.role}`)
          .getByRole('link', { name: e.title ?? e.name, exact: true })
          .waitFor();
      }
    }
    assert.ok(
      coverage.roles.some(r => r.uncovered.length && r.orphaned.length),
      'the example data has uncovered and orphaned components',
    );
    assert.equal(
      await page.getByTestId('multi-role-team').count(),
      coverage.multiRoleTeams.length,
    );
    assert.equal(
      await page.getByTestId('stale-interaction').count(),
      coverage.staleInteractions.length,
    );

    // The CSV holds one row per gap.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    const rows = csv.trim().split('\r\n');
    assert.equal(
      rows[0],
      'role,role_title,covered,total,share,gap,entity,entity_title,holder,provenance',
    );
    for (const role of coverage.roles) {
      for (const e of role.uncovered) {
        assert.ok(
          rows.some(
            r =>
              r.startsWith(`${role.role},`) &&
              r.includes(`,uncovered,${e.ref},`),
          ),
          `CSV lists ${e.ref} as uncovered for ${role.role}`,
        );
      }
      for (const o of role.orphaned) {
        assert.ok(
          rows.some(r => r.includes(`,orphaned,${o.entity.ref},`)),
          `CSV lists ${o.entity.ref} as orphaned for ${role.role}`,
        );
      }
    }
    await page.getByText('Gaps', { exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, artefacts, 'journey-4-coverage');
    await expectAccessible(page, ['main'], 'The ownership page');
  } finally {
    await page.close();
  }
});

test('journey 5: the team topology page draws every example team and its interactions', async () => {
  const page = await signedInPage(state.browser, `${APP}/team-topology`);
  try {
    // The example organisation, read from the file, not from the app.
    const file = path.resolve(__dirname, '../../../examples/org.yaml');
    const groups = parseAllDocuments(fs.readFileSync(file, 'utf8'))
      .map(d => d.toJS())
      .filter(d => d && d.kind === 'Group');
    const teams = groups.filter(g => g.spec.topology || g.spec.type === 'team');
    const declared = new Set(
      teams.flatMap(g =>
        (g.spec.topology?.interactions ?? []).map(i =>
          [
            [full(g.metadata.name), full(i.with)].sort().join(' ~ '),
            i.mode,
          ].join(' '),
        ),
      ),
    );
    assert.ok(teams.length >= 8 && declared.size >= 5);

    const nodes = page.getByTestId('topology-node');
    await nodes.first().waitFor();
    const drawnTeams = async () =>
      (
        await nodes.evaluateAll(els =>
          els.map(e => [e.dataset.ref, e.dataset.teamType]),
        )
      ).sort();
    assert.deepEqual(
      await drawnTeams(),
      teams
        .map(g => [full(g.metadata.name), g.spec.topology?.type ?? 'none'])
        .sort(),
    );
    for (const g of teams) {
      await nodes
        .filter({ hasText: g.metadata.title ?? g.metadata.name })
        .first()
        .waitFor();
    }

    const interactions = page.getByTestId('topology-interaction');
    const drawnInteractions = async () =>
      interactions.evaluateAll(els =>
        els.map(e => ({
          from: e.dataset.from,
          to: e.dataset.to,
          modes: e.dataset.modes.split(' ').filter(Boolean),
          mismatch: e.dataset.mismatch === 'true',
        })),
      );
    const drawnDeclared = new Set(
      (await drawnInteractions()).flatMap(i =>
        i.modes.map(m => `${[i.from, i.to].sort().join(' ~ ')} ${m}`),
      ),
    );
    assert.deepEqual([...drawnDeclared].sort(), [...declared].sort());
    // Each line is drawn in two segments through its label.
    assert.equal(
      await page.getByTestId('topology-edge').count(),
      2 * (await interactions.count()),
    );
    // Declared but not observed: highlighted as the backend says.
    const topology = await api('/api/ownership/v1/topology');
    for (const i of await drawnInteractions()) {
      const d = topology.declared.filter(
        x => x.from === i.from && x.to === i.to,
      );
      assert.equal(
        i.mismatch,
        d.every(x => !x.observed),
        `${i.from} → ${i.to}`,
      );
    }
    await screenshot(page, artefacts, 'journey-5-topology-declared');
    await expectAccessible(page, ['main'], 'The team topology page');

    // Observed: every dependency between teams, undeclared ones highlighted.
    await page.getByRole('button', { name: 'Observed' }).click();
    await page
      .locator('[data-testid="topology-interaction"][data-view="observed"]')
      .first()
      .waitFor();
    assert.deepEqual(
      (await drawnInteractions())
        .map(i => `${i.from} → ${i.to} mismatch=${i.mismatch}`)
        .sort(),
      topology.observed
        .map(o => `${o.from} → ${o.to} mismatch=${!o.declared}`)
        .sort(),
    );
    assert.ok(topology.observed.some(o => !o.declared));
    await page
      .getByText(
        `Observed, not declared (${
          topology.observed.filter(o => !o.declared).length
        })`,
      )
      .waitFor();
    await screenshot(page, artefacts, 'journey-5-topology-observed');

    // Filter by type, then click through to a team's page.
    await page.getByRole('checkbox', { name: 'Enabling' }).uncheck();
    await nodes
      .and(page.locator('[data-team-type="enabling"]'))
      .first()
      .waitFor({ state: 'detached' });
    await page
      .locator(
        '[data-testid="topology-node"][data-ref="group:default/payments-team"]',
      )
      .click();
    await page.waitForURL(/\/catalog\/default\/group\/payments-team$/);
    await page.getByText('Responsibilities', { exact: true }).waitFor();
  } finally {
    await page.close();
  }
});
