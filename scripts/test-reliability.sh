#!/usr/bin/env bash
# The reliability and security suite (packages/reliability): source outage,
# slow source, crash during ingest, two replicas, hostile input, permissions,
# workspace safety, a PostgreSQL restart, a Redis outage, the catalog failing
# and slow, and a replica whose clock runs ahead, against real
# PostgreSQL, Redis and Prometheus processes on loopback. Prints what it tried
# and what held; exits non-zero when anything did not hold. Takes about 7
# minutes.
#
#   scripts/test-reliability.sh                      # every scenario
#   scripts/test-reliability.sh --only outage,slow   # some of them
#   scripts/test-reliability.sh --soak [--minutes N] # the soak alone: N minutes
#                                                    # (default 60) of mixed traffic;
#                                                    # never part of the default run
#
# Uses $TRIAD_TEST_POSTGRES (default postgresql://postgres@127.0.0.1:5432; the
# user must be able to create databases) and $TRIAD_TEST_REDIS (default
# redis://127.0.0.1:6379). TRIAD_RELIABILITY_SEED=<n> repeats the generated
# inputs of an earlier run; TRIAD_RELIABILITY_LOGS=<folder> keeps the logs of
# every backend the suite starts. The database and cache scenarios start a
# private PostgreSQL (initdb and postgres from `pg_config --bindir` or
# /usr/lib/postgresql/*/bin) and a private redis-server on free ports, so that
# they can stop them; the shared servers are never stopped. The skew scenario
# runs one replica under libfaketime (installed here when missing, as root).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
triad_bootstrap
cd "$TRIAD_ROOT"

export TRIAD_TEST_POSTGRES="${TRIAD_TEST_POSTGRES:-postgresql://postgres@127.0.0.1:5432}"
export TRIAD_TEST_REDIS="${TRIAD_TEST_REDIS:-redis://127.0.0.1:6379}"

if ! node -e '
  const { Client } = require("pg");
  const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 5000 });
  c.connect().then(() => c.end()).catch(e => { console.error(e.message); process.exit(1); });' "$TRIAD_TEST_POSTGRES"; then
  echo "PostgreSQL is not reachable at $TRIAD_TEST_POSTGRES (set TRIAD_TEST_POSTGRES to use another server)." >&2
  exit 1
fi
# The soak needs nothing more than PostgreSQL.
for arg in "$@"; do
  if [ "$arg" = --soak ]; then
    exec node --require @backstage/cli/config/nodeTransform.cjs packages/reliability/src/run.ts "$@"
  fi
done
if ! node -e '
  const net = require("net");
  const u = new URL(process.argv[1]);
  const s = net.connect(Number(u.port || 6379), u.hostname);
  s.setTimeout(5000, () => process.exit(1));
  s.on("connect", () => s.write("PING\r\n"));
  s.on("data", d => process.exit(String(d).startsWith("+PONG") ? 0 : 1));
  s.on("error", () => process.exit(1));' "$TRIAD_TEST_REDIS"; then
  echo "Redis is not reachable at $TRIAD_TEST_REDIS (set TRIAD_TEST_REDIS to use another server)." >&2
  exit 1
fi
for tool in prometheus promtool; do
  if [ ! -x "/usr/bin/$tool" ]; then
    echo "/usr/bin/$tool is missing: the suite runs a real Prometheus (Debian: apt-get install prometheus)." >&2
    exit 1
  fi
done

pg_bin=""
for dir in "$(pg_config --bindir 2>/dev/null || true)" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -rn); do
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ]; then
    pg_bin="$dir"
    break
  fi
done
if [ -z "$pg_bin" ]; then
  echo "initdb and postgres are missing (looked in \`pg_config --bindir\` and /usr/lib/postgresql/*/bin): the database scenario starts a private PostgreSQL to stop and restart (Debian: apt-get install postgresql)." >&2
  exit 1
fi
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  echo "PostgreSQL does not run as root and there is no user 'postgres' to run the private server as (Debian's postgresql package creates it)." >&2
  exit 1
fi
# The skew scenario runs a replica with its clock moved (Debian's libfaketime,
# preloaded); nothing else installs it, so install it here when we may.
if [ ! -e /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian's faketime"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null
  else
    echo "libfaketime is missing: the skew scenario runs a replica with its clock moved ahead (Debian: apt-get install faketime)." >&2
    exit 1
  fi
fi
if ! command -v redis-server >/dev/null; then
  echo "redis-server is missing: the cache scenario starts a private Redis to freeze and stop (Debian: apt-get install redis-server)." >&2
  exit 1
fi

exec node --require @backstage/cli/config/nodeTransform.cjs packages/reliability/src/run.ts "$@"
