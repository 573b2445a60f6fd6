#!/usr/bin/env bash
# Starts the Triad example instance: frontend on http://localhost:3000, backend
# on http://localhost:7007, embedded SQLite, example data loaded.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
triad_bootstrap
cd "$TRIAD_ROOT"
exec node .yarn/releases/yarn-4.13.0.cjs start "$@"
