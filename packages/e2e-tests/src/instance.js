// Starts the example instance the way the README's start command does, and
// waits until it serves pages and has evaluated the example SLOs.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../../..');
const APP = 'http://localhost:3000';
const BACKEND = 'http://localhost:7007';
/** The example SLO measured by Prometheus (examples/prometheus/cart-service.yaml). */
const PROMETHEUS_SLO = 'cart-service-availability';

async function ok(url, init) {
  try {
    const res = await fetch(url, {
      ...init,
      signal: AbortSignal.timeout(5000),
    });
    return res.ok ? res : undefined;
  } catch {
    return undefined;
  }
}

/** A guest token, as the sign-in page gets it. */
async function guestToken() {
  const res = await ok(`${BACKEND}/api/auth/guest/refresh?env=development`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  return res ? (await res.json()).backstageIdentity.token : undefined;
}

async function waitFor(what, probe, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (child && child.exitCode !== null) {
      throw new Error(
        `the example instance exited (code ${child.exitCode}) while waiting for ${what}`,
      );
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs / 1000}s waiting for ${what}`,
      );
    await new Promise(r => setTimeout(r, 2000));
  }
}

/**
 * Starts `scripts/start.sh` unless an instance already answers on :3000, and
 * resolves once the example SLOs have been evaluated by the scheduler.
 */
async function startInstance(logDir) {
  let child;
  if (!(await ok(APP))) {
    fs.mkdirSync(logDir, { recursive: true });
    const log = fs.openSync(path.join(logDir, 'instance.log'), 'w');
    child = spawn('bash', [path.join(ROOT, 'scripts/start.sh')], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...process.env, BROWSER: 'none' },
    });
  }
  await waitFor('the frontend on :3000', () => ok(APP), 8 * 60_000, child);
  await waitFor(
    'the backend on :7007',
    () => ok(`${BACKEND}/.backstage/health/v1/readiness`),
    2 * 60_000,
    child,
  );
  // The scheduled evaluation fills the fleet list once the catalog holds the
  // example SLOs (503 until a first evaluation has finished). The Prometheus
  // example registers its SLO once its Prometheus answers, which may be after
  // that run: opening its service's SLOs evaluates it at once.
  await waitFor(
    'the evaluation of the example SLOs, the Prometheus one included',
    async () => {
      const token = await guestToken();
      if (!token) return false;
      const headers = { Authorization: `Bearer ${token}` };
      await ok(
        `${BACKEND}/api/slo/v1/entities/component/default/cart-service/slos`,
        {
          headers,
        },
      );
      const res = await ok(`${BACKEND}/api/slo/v1/slos?limit=1000`, {
        headers,
      });
      const items = res ? (await res.json()).items : [];
      return (
        items.length >= 6 &&
        items.some(s => s.name === PROMETHEUS_SLO && !s.error)
      );
    },
    3 * 60_000,
    child,
  );
  return {
    async stop() {
      if (!child) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const deadline = Date.now() + 15_000;
      while (child.exitCode === null && Date.now() < deadline)
        await new Promise(r => setTimeout(r, 250));
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}

module.exports = { startInstance, guestToken, APP, BACKEND, PROMETHEUS_SLO };
