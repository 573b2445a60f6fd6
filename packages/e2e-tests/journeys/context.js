// Shared state of one e2e run: the instance, the browser and where artefacts go.
const path = require('node:path');
const { guestToken, BACKEND } = require('../src/instance');

const artefacts = path.resolve(__dirname, '../../../test-results/e2e');

/** Asks the backend directly, to compare what the page shows with the API. */
async function api(pathname) {
  const res = await fetch(`${BACKEND}${pathname}`, {
    headers: { Authorization: `Bearer ${await guestToken()}` },
  });
  if (!res.ok)
    throw new Error(`${pathname}: ${res.status} ${await res.text()}`);
  return res.json();
}

module.exports = { artefacts, api, state: {} };
