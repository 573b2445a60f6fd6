#!/usr/bin/env bash
# Packs every publishable package (every workspace that is not private) the
# way it would be published: checks the Backstage package metadata
# (`backstage-cli repo fix --publish --check`), builds the packages, runs
# `yarn pack` for each (whose prepack step, `backstage-cli package prepack`,
# refuses incomplete plugin metadata) and checks that every packed manifest
# points only at files in its archive.
#
#   scripts/pack.sh [FOLDER]   # archives go to FOLDER (default .cache/packs)
#
# Used by scripts/test.sh and by the install test (scripts/test-install.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
triad_bootstrap
cd "$TRIAD_ROOT"

out="$(mkdir -p "${1:-.cache/packs}" && cd "${1:-.cache/packs}" && pwd)"

if ! triad_yarn backstage-cli repo fix --publish --check; then
  echo "Package metadata is not ready to publish: run 'node .yarn/releases/yarn-4.13.0.cjs backstage-cli repo fix --publish' and commit the result." >&2
  exit 1
fi
# Declarations first (dist-types), which the package builds bundle.
triad_yarn tsc
triad_yarn backstage-cli repo build
rm -f "$out"/*.tgz
triad_yarn workspaces foreach --all --no-private pack --out "$out/%s-%v.tgz" > "$out/pack.log" ||
  { tail -n 40 "$out/pack.log" >&2; exit 1; }
node scripts/check-packs.js "$out"
echo "archives in $out"
