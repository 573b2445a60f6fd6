// Debian's chromium driven by playwright-core; browsers cannot be downloaded here.
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

function chromiumPath() {
  const candidates = [
    process.env.TRIAD_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ].filter(Boolean);
  const found = candidates.find(p => fs.existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(
        ', ',
      )}). Install Debian's chromium or set TRIAD_CHROMIUM to a Chromium binary.`,
    );
  }
  return found;
}

// Set by Debian's faketime when scripts/e2e-dates.sh moves the clock.
const MOVED_CLOCK = ['LD_PRELOAD', 'FAKETIME', 'FAKETIME_DONT_FAKE_MONOTONIC'];

async function launch() {
  // libfaketime slows Chromium down about a hundredfold, so Chromium keeps
  // the real clock and each page gets the moved one (see signedInPage).
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !MOVED_CLOCK.includes(k)),
  );
  return chromium.launch({
    executablePath: chromiumPath(),
    env,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A signed-in page: the guest provider, as a person would click it. */
async function signedInPage(browser, url) {
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  page.setDefaultTimeout(30_000);
  if (process.env.FAKETIME) {
    // The page's clock starts at this process's (moved) time and runs on.
    await page.clock.install({ time: Date.now() });
  }
  await page.goto(url);
  await page.getByRole('button', { name: 'Enter' }).click({ timeout: 120_000 });
  return page;
}

/** Keeps a full-page screenshot of a journey as a test artefact. */
async function screenshot(page, dir, name) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Runs axe-core's WCAG 2 A and AA rules on what Triad draws on the page (the
 * `include` selectors) and fails with every violation, its rule and where.
 */
async function expectAccessible(page, include, what) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(
    async ({ selectors }) => {
      const result = await window.axe.run(
        { include: selectors.map(s => [s]) },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } },
      );
      return result.violations.map(v => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes
          .slice(0, 5)
          .map(n => `${n.target.join(' ')}: ${n.failureSummary}`),
      }));
    },
    { selectors: include },
  );
  if (violations.length) {
    throw new Error(
      `${what} has accessibility violations:\n${violations
        .map(v => `- ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`)
        .join('\n')}`,
    );
  }
}

module.exports = {
  launch,
  signedInPage,
  screenshot,
  chromiumPath,
  expectAccessible,
};
