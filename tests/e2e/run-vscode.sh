#!/usr/bin/env bash
# End-to-end test of the baogao VS Code extension in a real VS Code.
#   bash tests/e2e/run-vscode.sh [--screenshot]     (from the repository root)
# Installs what it needs (Debian: chromium, ripgrep, build headers, CJK fonts;
# npm: code-server 4.100.3 = VS Code 1.100.3 and playwright-core, cached in
# ~/.cache/baogao-e2e), builds baogao, packages the extension with the binary
# bundled (npm ci + npm run package), installs the .vsix into a fresh code-server,
# drives it with headless Chromium and checks tests/e2e/expect.json.
# --screenshot also writes docs/vscode.png. Last line: `vscode-e2e: N passed, M failed`.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

screenshot=""
for arg in "$@"; do
  case $arg in
    --screenshot) screenshot="$E2E_REPO/docs/vscode.png" ;;
    *) e2e_log "unknown argument $arg"; exit 2 ;;
  esac
done

e2e_apt_install "${E2E_APT_PACKAGES[@]}"
DEPS=$(e2e_vscode_deps)
BIN=$(e2e_baogao_bin)

RUN=$(mktemp -d "${TMPDIR:-/tmp}/baogao-vscode-e2e.XXXXXX")
trap 'rm -rf "$RUN"' EXIT
e2e_workspace "$RUN/workspace"

EXT="$E2E_REPO/editors/vscode"
# npm ci again only when the lockfile changed since the last one.
if ! cmp -s "$EXT/package-lock.json" "$EXT/node_modules/.baogao-e2e-lock.json"; then
  e2e_log "installing the extension's dependencies (npm ci)"
  (cd "$EXT" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$EXT/package-lock.json" "$EXT/node_modules/.baogao-e2e-lock.json"
fi
e2e_log "packaging the extension with $BIN bundled"
# Packaged from a copy, so a server/baogao of the developer's own is neither
# used nor overwritten; the copy shares the installed node_modules.
mkdir -p "$RUN/extension/server"
cp -r "$EXT"/{package.json,package-lock.json,tsconfig.json,.vscodeignore,LICENSE,README.md,src} "$RUN/extension/"
ln -s "$EXT/node_modules" "$RUN/extension/node_modules"
# A stripped copy: the debug build's symbols would only bloat the .vsix.
strip -o "$RUN/extension/server/baogao" "$BIN" 2>/dev/null || cp "$BIN" "$RUN/extension/server/baogao"
# `npm run package` as the README says, with the .vsix written to the run folder.
(cd "$RUN/extension" && npm run --silent package -- --out "$RUN/baogao.vsix" >/dev/null)
(cd "$E2E_REPO/tests/e2e/vscode/probe" &&
  "$EXT/node_modules/.bin/vsce" package --no-dependencies --allow-missing-repository --skip-license \
    --out "$RUN/probe.vsix" >/dev/null)

E2E_VSCODE_DEPS="$DEPS" E2E_RUN="$RUN" E2E_WORKSPACE="$RUN/workspace" \
  E2E_EXPECT="$E2E_REPO/tests/e2e/expect.json" E2E_VSIXES="$RUN/baogao.vsix:$RUN/probe.vsix" \
  E2E_SCREENSHOT="$screenshot" \
  node "$E2E_REPO/tests/e2e/vscode/run.js" || {
    status=$?
    e2e_log "code-server log (last 40 lines):"
    tail -n 40 "$RUN/code-server.log" >&2 || true
    if [[ -f $RUN/failed.png ]]; then
      mkdir -p "$E2E_REPO/.e2e" && cp "$RUN/failed.png" "$E2E_REPO/.e2e/vscode-failed.png"
      e2e_log "screenshot of the failure: .e2e/vscode-failed.png"
    fi
    exit "$status"
  }
