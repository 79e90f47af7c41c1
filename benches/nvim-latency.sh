#!/usr/bin/env bash
# The server's latency measured by Neovim's own LSP client (benches/nvim/latency.lua):
# a client outside this project, to confirm benches/lsp_latency.rs.
#   bash benches/nvim-latency.sh [FILE]    (default: the 545 KB compilation)
# Environment: BAOGAO_BIN (default: a release build), BAOGAO_BENCH_EDITS (500),
# BAOGAO_BENCH_REQUESTS (50), BAOGAO_POSITION_ENCODING (utf-16 to offer only it).
source "$(dirname "${BASH_SOURCE[0]}")/../tests/e2e/lib.sh"

file=$(realpath "${1:-$E2E_REPO/tests/fixtures/compilation-22.txt}")
NVIM=$(e2e_nvim)
if [[ -z ${BAOGAO_BIN:-} ]]; then
  (cd "$E2E_REPO" && cargo build --release --locked --quiet --bin baogao)
  BAOGAO_BIN=$E2E_REPO/target/release/baogao
fi
RUN=$(mktemp -d "${TMPDIR:-/tmp}/baogao-nvim-latency.XXXXXX")
trap 'rm -rf "$RUN"' EXIT
# A copy, so the edits never touch the fixture; XDG dirs inside the run folder.
cp "$file" "$RUN/"
env BAOGAO_BIN="$BAOGAO_BIN" BAOGAO_POSITION_ENCODING="${BAOGAO_POSITION_ENCODING:-}" BAOGAO_BENCH_FILE="$RUN/$(basename "$file")" \
  XDG_CONFIG_HOME="$RUN/config" XDG_STATE_HOME="$RUN/state" XDG_DATA_HOME="$RUN/data" XDG_CACHE_HOME="$RUN/cache" \
  timeout 900 "$NVIM" --headless --clean -c "luafile $E2E_REPO/benches/nvim/latency.lua" </dev/null
