// Runs last: it drives checkout-service's availability SLO into its page
// tier, which the other journeys would otherwise see.
const assert = require('node:assert/strict');
const { test } = require('node:test');
const { parseEntityRef } = require('@backstage/catalog-model');
const { poll } = require('@triad/test-utils');
const { describeSloTransition } = require('@triad/plugin-slo-common');
const { APP, BACKEND, guestToken } = require('../src/instance');
const { signedInPage, screenshot } = require('../src/browser');
const { api, artefacts, state } = require('./context');

/** An SLO of `checkout-service`, owned by `checkout-team`, the guest's team. */
const SLO = 'checkout-availability';
const SERIES = 'checkout-service/requests';
const TASK = '/api/slo/.backstage/scheduler/v1/tasks/slo-evaluate-all';
const MINUTE = 60_000;

const pageFiring = slo =>
  slo.objectives.some(o =>
    o.alerts.some(a => a.severity === 'page' && a.firing),
  );

/** The fleet evaluation's state in the scheduler, as its own API gives it. */
async function evaluationTask() {
  const { tasks } = await api('/api/slo/.backstage/scheduler/v1/tasks');
  return tasks.find(t => t.taskId === 'slo-evaluate-all').taskState;
}

/**
 * Runs the scheduled fleet evaluation now rather than at its turn, and waits
 * for a run that started after this call to finish. (A trigger is refused
 * with 409 while a run is going; the run seen idle before an accepted trigger
 * is the last one that can have started earlier.)
 */
async function evaluateNow() {
  const before = await poll(
    'the fleet evaluation to be idle',
    async () => {
      const s = await evaluationTask();
      if (s.status !== 'idle') return undefined;
      const res = await fetch(`${BACKEND}${TASK}/trigger`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await guestToken()}` },
      });
      if (res.status === 409) return undefined;
      assert.equal(res.status, 200, await res.text());
      return s;
    },
    5 * MINUTE,
  );
  const after = await poll(
    'the triggered fleet evaluation to finish',
    async () => {
      const s = await evaluationTask();
      return s.status === 'idle' && s.lastRunEndedAt !== before.lastRunEndedAt
        ? s
        : undefined;
    },
    5 * MINUTE,
  );
  assert.equal(after.lastRunError, undefined, 'the evaluation succeeded');
}

/** The guest's notifications (read or not) with `title` and `link`. */
async function notificationsAbout(title, link) {
  const { notifications } = await api(
    '/api/notifications/notifications?limit=1000',
  );
  return notifications.filter(
    n => n.payload.title === title && n.payload.link === link,
  );
}

test('journey 9: an SLO driven into its page tier tells its team once, on the notifications page, linking to its SLO tab', async () => {
  const healthy = await api(`/api/slo/v1/slos/default/${SLO}`);
  assert.equal(pageFiring(healthy), false, `${SLO} starts healthy`);
  // The notifications backend tells the members of the owning group; the
  // guest must be one (app-config.yaml's guest userEntityRef).
  const { sub } = JSON.parse(
    Buffer.from((await guestToken()).split('.')[1], 'base64url').toString(),
  );
  const user = parseEntityRef(sub);
  const { relations } = await api(
    `/api/catalog/entities/by-name/user/${user.namespace}/${user.name}`,
  );
  assert.ok(
    relations.some(
      r => r.type === 'memberOf' && r.targetRef === healthy.ownerRef,
    ),
    `${sub} is a member of ${healthy.ownerRef}`,
  );

  const { kind, namespace, name } = parseEntityRef(healthy.serviceRef);
  // The service's SLO tab, in the app's lower-case entity routes.
  const link = `/catalog/${namespace}/${kind}/${name}/slos`.toLocaleLowerCase(
    'en-US',
  );
  // The wording of the scheduled run, from slo-common; its title names the
  // SLO and the transition (the figures in the text are the run's own).
  const { title } = describeSloTransition('pageStarted', healthy, []);

  // Half an hour with a fifth of the requests failing, ending two minutes
  // ago (the example traffic fills the last minute or two itself): a burn
  // rate of about 100 over the hour and at least 40 over five minutes, above
  // the page tier's 13.44, and about a sixth of the 28-day budget.
  const now = Math.floor(Date.now() / MINUTE);
  const samples = [];
  for (let m = now - 31; m <= now - 2; m++) {
    samples.push({
      series: SERIES,
      timestamp: m * MINUTE,
      good: 80,
      total: 100,
    });
  }
  const { accepted } = await api('/api/slo/v1/samples', { samples });
  assert.equal(accepted, samples.length);

  await evaluateNow();
  const burning = await api(`/api/slo/v1/slos/default/${SLO}`);
  assert.ok(pageFiring(burning), `${SLO} fires its page tier`);
  const found = await notificationsAbout(title, link);
  assert.equal(found.length, 1, `one notification "${title}"`);
  const [sent] = found;
  assert.equal(sent.payload.severity, 'high');
  assert.match(
    sent.payload.description,
    new RegExp(
      `Sent to the holders of ${healthy.serviceRef}: .*${healthy.ownerRef} as Owner`,
    ),
  );

  const page = await signedInPage(state.browser, `${APP}/notifications`);
  try {
    const shown = page.getByRole('link', { name: title, exact: true });
    await shown.first().waitFor();
    assert.equal(await shown.count(), 1);
    assert.equal(await shown.getAttribute('href'), link);
    await screenshot(page, artefacts, 'journey-9-notification');

    // Another run sees the same state: nothing new is sent.
    await evaluateNow();
    assert.equal((await notificationsAbout(title, link)).length, 1);
    await page.reload();
    await shown.first().waitFor();
    assert.equal(await shown.count(), 1);

    // The link opens the SLO tab, which shows the page tier firing.
    await shown.click();
    await page.waitForURL(`${APP}${link}`);
    await page.getByText(healthy.title).first().waitFor();
    for (const o of burning.objectives) {
      for (const a of o.alerts.filter(x => x.severity === 'page' && x.firing)) {
        await page
          .getByRole('table', { name: 'Burn rates per alert tier' })
          .getByRole('row')
          .filter({ hasText: a.name })
          .getByText('Firing')
          .first()
          .waitFor();
      }
    }
    await screenshot(page, artefacts, 'journey-9-slo-tab');
  } finally {
    await page.close();
  }
});
