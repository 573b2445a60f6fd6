const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { parseAllDocuments } = require('yaml');
const { APP, PROMETHEUS_SLO } = require('../src/instance');
const {
  expectAccessible,
  signedInPage,
  screenshot,
} = require('../src/browser');
const { api, artefacts, state } = require('./context');
// The page's own formatting rules, so that the journey holds for every state
// a budget can be in (left, exhausted, overspent, no data) on any date.
const {
  formatBudgetLeft,
  formatPercent,
  sloRemaining,
  summarize,
} = require('@triad/plugin-slo-common');
// The fleet's order: least budget left first, SLOs without data last.
const minRemaining = slo => sloRemaining(slo) ?? Infinity;
// The fleet's first cell: the title, and a composite's chip with its parts.
const rowTitle = (title, parts) =>
  parts ? `${title} composite · ${parts} part${parts === 1 ? '' : 's'}` : title;

/**
 * Checks that each chart with `testId` draws `perChart` lines through several
 * points. (A flat line has no height, so it counts as drawn once it is in the
 * page, not "visible".)
 */
async function chartLines(page, testId, perChart, charts = 1) {
  const curves = page.getByTestId(testId).locator('.recharts-line-curve');
  await curves.nth(perChart * charts - 1).waitFor({ state: 'attached' });
  assert.equal(await curves.count(), perChart * charts);
  for (const d of await curves.evaluateAll(paths =>
    paths.map(p => p.getAttribute('d')),
  )) {
    assert.ok((d.match(/[CL]/g) ?? []).length >= 2, `a line: ${d}`);
  }
}

test('journey 1: a service SLO tab shows its objectives, numbers, both charts and the firing tier', async () => {
  const page = await signedInPage(
    state.browser,
    `${APP}/catalog/default/component/payments-gateway/slos`,
  );
  try {
    const { items } = await api(
      '/api/slo/v1/entities/component/default/payments-gateway/slos',
    );
    const [slo] = items;
    const [objective] = slo.objectives;
    await page.getByText(slo.title).first().waitFor();
    // Objective and numbers as the backend computed them.
    await page.getByRole('cell', { name: objective.displayName }).waitFor();
    await page
      .getByRole('cell', {
        name: formatPercent(objective.target, 3),
        exact: true,
      })
      .waitFor();
    await page
      .getByRole('cell', { name: formatPercent(objective.sli, 3), exact: true })
      .waitFor();
    await page
      .getByText(formatBudgetLeft(objective.budget.remaining))
      .first()
      .waitFor();
    // Both charts are drawn with data: the SLI line, and the budget and
    // even-spend lines, each through several points.
    await chartLines(page, 'sli-chart', 1);
    await chartLines(page, 'burndown-chart', 2);
    // The fast-burning example fires its page tier.
    assert.ok(
      objective.alerts.find(a => a.name === 'page-fast').firing,
      'the backend says page-fast fires',
    );
    const fastRow = page
      .getByRole('table', { name: 'Burn rates per alert tier' })
      .getByRole('row')
      .filter({ hasText: 'page-fast' });
    await fastRow.getByText('Firing').waitFor();
    await page.getByText('Release gate blocked').waitFor();
    await page
      .getByTestId('slo-summary')
      .first()
      .getByText(summarize(objective, slo), { exact: false })
      .waitFor();
    await screenshot(page, artefacts, 'journey-1-slo-tab');
    await expectAccessible(page, ['main'], 'The SLO tab');
  } finally {
    await page.close();
  }
});

test('journey 8: an SLO measured by Prometheus draws both charts for every objective, ending at the table', async () => {
  const page = await signedInPage(
    state.browser,
    `${APP}/catalog/default/component/cart-service/slos`,
  );
  try {
    const slo = await api(`/api/slo/v1/slos/default/${PROMETHEUS_SLO}`);
    assert.equal(slo.dataSource.type, 'prometheus');
    assert.equal(slo.stale, false);
    assert.equal(slo.objectives.length, 2);
    const timeline = await api(
      `/api/slo/v1/slos/default/${PROMETHEUS_SLO}/timeline`,
    );
    await page.getByText(slo.title).first().waitFor();
    for (const o of slo.objectives) {
      // The chart's last point is the table's figure, to 1e-9.
      const { points } = timeline.objectives.find(t => t.index === o.index);
      assert.ok(
        points.length > 100,
        `${o.displayName}: ${points.length} points`,
      );
      const last = points[points.length - 1];
      assert.equal(last.t, Date.parse(slo.evaluatedAt));
      assert.ok(Math.abs(last.remaining - o.budget.remaining) <= 1e-9);
      assert.ok(Math.abs(last.sli - o.sli) <= 1e-9);
      // The incident nine days ago shows as a drop of the remaining budget.
      const drops = points
        .slice(1)
        .map((p, i) => points[i].remaining - p.remaining);
      assert.ok(
        Math.max(...drops) >
          5 * (drops.reduce((a, b) => a + b, 0) / drops.length),
        `${o.displayName}: the incident stands out in the burn-down`,
      );
      await page.getByRole('cell', { name: o.displayName }).waitFor();
      await page
        .getByText(formatBudgetLeft(o.budget.remaining))
        .first()
        .waitFor();
    }
    // Both charts of both objectives draw their lines through many points.
    await chartLines(page, 'sli-chart', 1, 2);
    await chartLines(page, 'burndown-chart', 2, 2);
    await screenshot(page, artefacts, 'journey-8-prometheus-slo');
    await expectAccessible(page, ['main'], 'The SLO tab of a Prometheus SLO');
  } finally {
    await page.close();
  }
});

test('journey 2: the fleet page lists every example SLO, least budget first, and filters by team', async () => {
  const page = await signedInPage(state.browser, `${APP}/slo`);
  try {
    // Every SLO of the example files, read from them, not from the app:
    // the built-in store's, the Prometheus example's, the composite example
    // (its parts and the composite itself, marked with a chip naming its
    // number of parts) and the platform resources'.
    const titles = [
      'slos.yaml',
      'prometheus/cart-service.yaml',
      'composite-slos.yaml',
      'platform-slos.yaml',
    ].flatMap(f =>
      parseAllDocuments(
        fs.readFileSync(
          path.resolve(__dirname, '../../../examples', f),
          'utf8',
        ),
      )
        .map(d => d.toJS())
        .filter(d => d && d.kind === 'SLO')
        .map(d =>
          rowTitle(
            d.metadata.displayName ?? d.metadata.name,
            d.spec.objectives.filter(o => o.sloRef).length,
          ),
        ),
    );
    await page.getByText(`SLOs (${titles.length})`).waitFor();
    const table = page.getByRole('table').first();
    const firstCells = async () =>
      (await table.locator('tbody tr td:first-child').allInnerTexts()).map(t =>
        t.replace(/\s+/g, ' ').trim(),
      );
    const shown = await firstCells();
    assert.deepEqual([...shown].sort(), [...titles].sort());
    // Sorted by remaining budget, worked out here from the API's numbers.
    const { items } = await api('/api/slo/v1/slos?limit=1000');
    const expected = [...items]
      .sort((a, b) => minRemaining(a) - minRemaining(b))
      .map(s => rowTitle(s.title, s.composite?.parts));
    assert.deepEqual(shown, expected);
    await screenshot(page, artefacts, 'journey-2-fleet');
    await expectAccessible(page, ['main'], 'The SLO fleet page');

    await page.getByLabel('Team', { exact: true }).click();
    await page.getByRole('option', { name: 'payments-team' }).click();
    const payments = expected.filter(title =>
      items.some(
        s =>
          rowTitle(s.title, s.composite?.parts) === title &&
          s.ownerRef === 'group:default/payments-team',
      ),
    );
    await page.getByText(`SLOs (${payments.length})`).waitFor();
    assert.deepEqual(await firstCells(), payments);
    await screenshot(page, artefacts, 'journey-2-fleet-filtered');
  } finally {
    await page.close();
  }
});

test('journey 7: a team page rolls up the SLOs of what the team owns', async () => {
  const page = await signedInPage(
    state.browser,
    `${APP}/catalog/default/group/payments-team`,
  );
  try {
    const { totalItems } = await api(
      `/api/slo/v1/slos?team=${encodeURIComponent(
        'group:default/payments-team',
      )}&limit=1`,
    );
    await page.getByText('SLOs of this team and its sub-teams').waitFor();
    await page
      .getByTestId('team-rollup')
      .getByText(new RegExp(`^${totalItems} SLOs:`))
      .waitFor();
    await screenshot(page, artefacts, 'journey-7-team-slos');
    await expectAccessible(page, ['main'], 'A team page with its SLO card');
  } finally {
    await page.close();
  }
});

test("journey 10: a system page shows its composite SLO, each part's contribution adding up to the budget spent", async () => {
  const system = 'system:default/payments-core';
  const { composites } = await api(
    '/api/slo/v1/entities/system/default/payments-core/slos',
  );
  assert.equal(composites?.length, 1, `${system} has one composite SLO`);
  const [{ namespace, name, title }] = composites;
  const { parts } = await api(
    `/api/slo/v1/slos/${namespace}/${name}/composite`,
  );
  const page = await signedInPage(
    state.browser,
    `${APP}/catalog/default/system/payments-core`,
  );
  try {
    const card = page.getByTestId(`composite-${name}`);
    await card.getByText(title).waitFor();
    const rows = card.locator('tbody tr');
    await rows.nth(parts.length - 1).waitFor();
    assert.equal(await rows.count(), parts.length);
    // Read back from the page: budget left and the parts' contributions
    // (each shown to 0.1 %) must tell one story: contributions add up to the
    // budget spent. Both come from one answer, so the clock cannot split them.
    const percent = text => Number(/(-?[\d.]+) %/.exec(text)[1]);
    const left = percent(
      await card
        .getByText(/ of budget left$|^Overspent by /)
        .first()
        .textContent(),
    );
    const spent = left >= 0 ? 100 - left : 100 + left;
    let sum = 0;
    for (let i = 0; i < parts.length; i++) {
      const cells = await rows.nth(i).locator('td').allTextContents();
      assert.ok(
        cells[0].includes(parts[i].displayName ?? parts[i].title),
        `row ${i}: ${cells[0]}`,
      );
      if (cells[3] !== '–') sum += percent(cells[3]);
    }
    assert.ok(
      Math.abs(sum - spent) <= 0.05 * parts.length + 0.05,
      `contributions ${sum} % against ${spent} % spent`,
    );
    await screenshot(page, artefacts, 'journey-10-system-composite');
    await expectAccessible(
      page,
      ['main'],
      'A system page with its composite SLO',
    );
  } finally {
    await page.close();
  }
});

test('every example SLO: the chart ends at the figures of the SLO itself', async () => {
  const { items } = await api('/api/slo/v1/slos?limit=1000');
  assert.ok(items.length > 0);
  // The Prometheus-backed SLO is among them, with a timeline of its own.
  assert.ok(
    items.some(
      s => s.name === PROMETHEUS_SLO && s.dataSource?.type === 'prometheus',
    ),
    `${PROMETHEUS_SLO} is evaluated from Prometheus`,
  );
  // A composite has no SLI, so no chart of its own (journey 10 checks it).
  for (const { namespace, name } of items.filter(s => !s.composite)) {
    const slo = await api(`/api/slo/v1/slos/${namespace}/${name}`);
    const timeline = await api(
      `/api/slo/v1/slos/${namespace}/${name}/timeline`,
    );
    for (const o of slo.objectives) {
      const { points } = timeline.objectives.find(t => t.index === o.index);
      const last = points[points.length - 1];
      if (o.budget.remaining === undefined) {
        assert.equal(last?.remaining, undefined, `${name}: no data, no budget`);
        continue;
      }
      assert.ok(
        Math.abs(last.remaining - o.budget.remaining) <= 1e-9,
        `${name}/${o.index}: chart ${last.remaining}, SLO ${o.budget.remaining}`,
      );
      assert.equal(last.t, Date.parse(slo.evaluatedAt));
    }
  }
});
