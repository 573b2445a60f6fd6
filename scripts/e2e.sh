#!/usr/bin/env bash
# Browser journeys through the example instance in headless Chromium. Starts
# the instance with scripts/start.sh unless one already answers on :3000.
# Screenshots of every journey go to test-results/e2e/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
triad_bootstrap
cd "$TRIAD_ROOT"

if [ -z "${TRIAD_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "installing Debian's chromium"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
  else
    echo "No Chromium: install Debian's chromium, or set TRIAD_CHROMIUM to a Chromium binary." >&2
    exit 1
  fi
fi

# The Prometheus-backed example SLO needs Debian's prometheus (the instance
# starts it); its journey fails without it, like any other.
if ! command -v prometheus > /dev/null || ! command -v promtool > /dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "installing Debian's prometheus"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus > /dev/null
  else
    echo "No Prometheus: install Debian's prometheus package for the Prometheus example SLO." >&2
    exit 1
  fi
fi

status=0
# The journeys read the plugins' own formatting rules (TypeScript) to know
# what the pages must say.
node --require @backstage/cli/config/nodeTransform.cjs --test --test-reporter=spec \
  packages/e2e-tests/journeys/e2e.test.js || status=$?
echo "Screenshots of the journeys: $TRIAD_ROOT/test-results/e2e/"
exit $status
