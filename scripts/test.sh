#!/usr/bin/env bash
# Runs every check and test of the repository. Every step runs even when an
# earlier one fails; the command ends with a summary of the steps and exits
# non-zero when any failed. Backend database tests run on SQLite and on the
# PostgreSQL server at $TRIAD_TEST_POSTGRES (default
# postgresql://postgres@127.0.0.1:5432). Arguments go to the unit test runner.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
triad_bootstrap || exit 1
cd "$TRIAD_ROOT"

postgres="${TRIAD_TEST_POSTGRES:-postgresql://postgres@127.0.0.1:5432}"
redis="${TRIAD_TEST_REDIS:-redis://127.0.0.1:6379}"
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$postgres"
export BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING="$redis"

summary=()
failed=0
# step NAME COMMAND...: runs one step and records how it went.
step() {
  local name=$1
  shift
  printf '\n=== %s\n' "$name"
  local started=$SECONDS
  if "$@"; then
    summary+=("passed  $name ($((SECONDS - started)) s)")
  else
    summary+=("FAILED  $name ($((SECONDS - started)) s)")
    failed=1
  fi
}

check_postgres() {
  node -e '
    const { Client } = require("pg");
    const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 5000 });
    c.connect().then(() => c.query("select version()")).then(r => { console.log(r.rows[0].version); return c.end(); })
      .catch(e => { console.error(e.message); process.exit(1); });' "$postgres" || {
    echo "PostgreSQL is not reachable at $postgres; database tests need it (set TRIAD_TEST_POSTGRES to use another server)." >&2
    return 1
  }
}

# A real Prometheus (Debian's package, with promtool) for the Prometheus data
# source tests, and Alertmanager's amtool for the route trees the rule
# generator writes.
ensure_prometheus() {
  if ! command -v prometheus > /dev/null || ! command -v promtool > /dev/null || ! command -v amtool > /dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
      echo "installing Debian's prometheus and prometheus-alertmanager packages"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus prometheus-alertmanager > /dev/null || return 1
    else
      echo "prometheus, promtool and amtool are needed on PATH (Debian: apt-get install prometheus prometheus-alertmanager)" >&2
      return 1
    fi
  fi
  prometheus --version 2>&1 | head -n 1
  amtool --version 2>&1 | head -n 1
}

check_versions() {
  node scripts/check-backstage-versions.js &&
    node --test --test-reporter=spec scripts/*.test.js
}

type_check() {
  triad_yarn tsc &&
    # The benchmarks are not run by the tests, so type-checking keeps them from rotting.
    triad_yarn tsc -p bench/tsconfig.json
}

step "PostgreSQL at $postgres" check_postgres
step "Prometheus for integration tests" ensure_prometheus
step "One version of each @backstage/* package" check_versions
step "Type check" type_check
step "Lint" triad_yarn lint
step "Formatting" triad_yarn prettier:check
step "Configuration reference matches the config.d.ts files" node scripts/config-reference.js --check
step "Publishable packages: metadata check, build and yarn pack of each (scripts/pack.sh)" bash scripts/pack.sh
step "Unit and integration tests" env CI=true node .yarn/releases/yarn-4.13.0.cjs test "$@"
step "Browser journeys (headless Chromium)" bash scripts/e2e.sh

printf '\n=== Summary (Node %s)\n' "$(node -v)"
printf '%s\n' "${summary[@]}"
if [ "$failed" != 0 ]; then
  echo "Some steps failed; their output is above, under the step's === heading."
  exit 1
fi
echo "Every step passed."
