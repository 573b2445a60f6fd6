#!/usr/bin/env bash
# Runs every check and test of the repository; exits non-zero on any failure.
# Backend database tests run on SQLite and on the PostgreSQL server at
# $TRIAD_TEST_POSTGRES (default postgresql://postgres@127.0.0.1:5432).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
triad_bootstrap
cd "$TRIAD_ROOT"

step() { printf '\n=== %s\n' "$*"; }

postgres="${TRIAD_TEST_POSTGRES:-postgresql://postgres@127.0.0.1:5432}"
redis="${TRIAD_TEST_REDIS:-redis://127.0.0.1:6379}"

step "PostgreSQL at $postgres"
if ! node -e '
  const { Client } = require("pg");
  const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 5000 });
  c.connect().then(() => c.query("select version()")).then(r => { console.log(r.rows[0].version); return c.end(); })
    .catch(e => { console.error(e.message); process.exit(1); });' "$postgres"; then
  echo "PostgreSQL is not reachable; database tests need it (set TRIAD_TEST_POSTGRES to use another server)." >&2
  exit 1
fi
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$postgres"
export BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING="$redis"

step "Tools for integration tests"
# A real Prometheus (Debian's package, with promtool) for the Prometheus data source tests.
if ! command -v prometheus > /dev/null || ! command -v promtool > /dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "installing Debian's prometheus package"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus > /dev/null
  else
    echo "prometheus and promtool are needed on PATH (Debian: apt-get install prometheus)" >&2
    exit 1
  fi
fi
prometheus --version 2>&1 | head -n 1

step "One version of each @backstage/* package"
node scripts/check-backstage-versions.js
node --test --test-reporter=spec scripts/*.test.js

step "Type check"
triad_yarn tsc
# The benchmarks are not run by the tests, so type-checking keeps them from rotting.
triad_yarn tsc -p bench/tsconfig.json

step "Lint"
triad_yarn lint

step "Formatting"
triad_yarn prettier:check

step "Unit and integration tests"
CI=true triad_yarn test "$@"

step "Browser journeys (headless Chromium)"
bash scripts/e2e.sh
