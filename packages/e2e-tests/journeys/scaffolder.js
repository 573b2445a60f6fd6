const assert = require('node:assert/strict');
const { test } = require('node:test');
const { APP } = require('../src/instance');
const { signedInPage, screenshot } = require('../src/browser');
const { api, artefacts, state } = require('./context');

test('journey 6: "Service with SLOs and ownership" runs from the UI to its final step', async () => {
  const page = await signedInPage(state.browser, `${APP}/create`);
  try {
    const title = 'Service with SLOs and ownership';
    // The innermost card holding the title is the template's own card.
    const card = page
      .locator('.MuiCard-root')
      .filter({ hasText: title })
      .last();
    await card.getByRole('button', { name: /choose/i }).click();
    const name = `e2e-service-${Date.now().toString(36)}`;
    await page.getByLabel(/^Name/).first().fill(name);
    // Walk the form with its defaults: responsibilities, SLOs and alerting.
    for (let i = 0; i < 3; i++) {
      await page
        .getByRole('button', { name: /^(next|review)$/i })
        .first()
        .click();
    }
    await page.getByRole('button', { name: /^create$/i }).click();

    await page.waitForURL(/\/create\/tasks\/[^/]+$/);
    const taskId = page.url().split('/').pop();
    // The task's final step finishes, in the page and in the scaffolder API.
    await page.getByText('Finished step Summary').waitFor({ timeout: 120_000 });
    const task = await api(`/api/scaffolder/v2/tasks/${taskId}`);
    assert.equal(task.status, 'completed');
    assert.equal(
      task.spec.templateInfo.entityRef,
      'template:default/service-with-slos-and-ownership',
    );
    assert.equal(task.spec.parameters.name, name);
    // What it produced is shown: the catalog file with the responsibilities.
    await page.getByText(`name: ${name}`).first().waitFor();
    await page.getByText('ref: group:default/sre-core').first().waitFor();
    await page
      .getByText(/2 SLOs and \d+ Prometheus rules/)
      .first()
      .waitFor();
    await screenshot(page, artefacts, 'journey-6-template-run');
  } finally {
    await page.close();
  }
});
