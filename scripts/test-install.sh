#!/usr/bin/env bash
# The install test (packages/install-test): plays a user adding Triad to an
# existing Backstage instance. For each frontend system it creates a fresh
# @backstage/create-app 0.9.2 app pinned to Backstage 1.55, packs every Triad
# package (scripts/pack.sh) and serves the archives as the @triad scope of a
# local registry, installs and wires Triad with exactly the marked steps of
# docs/install.md, type-checks the app with library checking on, starts its
# backend and checks every Triad endpoint (the ownership of an example
# component must answer within 60 s of the start), and builds its frontend.
# Exits non-zero when anything did not hold.
#
#   scripts/test-install.sh                      # both frontend systems
#   scripts/test-install.sh --only legacy        # new, legacy
#   scripts/test-install.sh --packs .cache/packs # archives scripts/pack.sh made
#   scripts/test-install.sh --update-seed        # add the apps' lockfiles to the seed
#
# Each app starts from packages/install-test/seed.yarn.lock, so that its
# install resolves the same versions on every run. Apps, logs and archives are
# kept in .cache/install-test/ (ignored by git); packages come from the npm
# registry through Yarn's cache.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
triad_bootstrap
cd "$TRIAD_ROOT"

exec node --require @backstage/cli/config/nodeTransform.cjs packages/install-test/src/run.ts "$@"
