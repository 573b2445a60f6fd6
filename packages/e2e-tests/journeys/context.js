// Shared state of one e2e run: the instance, the browser and where artefacts go.
const path = require('node:path');
const { guestToken, BACKEND } = require('../src/instance');

const artefacts = path.resolve(__dirname, '../../../test-results/e2e');

/**
 * Asks the backend directly as the guest, to compare what the page shows
 * with the API; `body`, when given, is POSTed as JSON.
 */
async function api(pathname, body) {
  const res = await fetch(`${BACKEND}${pathname}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      Authorization: `Bearer ${await guestToken()}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok)
    throw new Error(`${pathname}: ${res.status} ${await res.text()}`);
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

module.exports = { artefacts, api, state: {} };
