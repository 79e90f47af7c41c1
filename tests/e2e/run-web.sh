#!/usr/bin/env bash
# End-to-end test of the page of `baogao serve` in a real Chromium.
#   bash tests/e2e/run-web.sh [--screenshot]     (from the repository root)
# Installs what it needs (Debian: chromium, CJK fonts; npm: playwright-core from
# tests/e2e/web's lockfile, cached in ~/.cache/baogao-e2e), checks that the
# committed bundle editors/web/dist/app.js is what `npm run build` makes of
# editors/web/src, builds baogao, and drives the page with headless Chromium
# (tests/e2e/web/run.js). --screenshot also writes docs/web.png.
# Last line: `web-e2e: N passed, M failed`.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

screenshot=""
for arg in "$@"; do
  case $arg in
    --screenshot) screenshot="$E2E_REPO/docs/web.png" ;;
    *) e2e_log "unknown argument $arg"; exit 2 ;;
  esac
done

e2e_apt_install chromium fonts-noto-cjk fonts-noto-color-emoji
DEPS=$(e2e_web_deps)

RUN=$(mktemp -d "${TMPDIR:-/tmp}/baogao-web-e2e.XXXXXX")
trap 'rm -rf "$RUN"' EXIT

# The page the binary embeds must be the one its sources build.
WEB="$E2E_REPO/editors/web"
if ! cmp -s "$WEB/package-lock.json" "$WEB/node_modules/.baogao-e2e-lock.json"; then
  e2e_log "installing the page's dependencies (npm ci)"
  (cd "$WEB" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$WEB/package-lock.json" "$WEB/node_modules/.baogao-e2e-lock.json"
fi
(cd "$WEB" && npm run --silent build -- --outfile="$RUN/app.js" --log-level=warning)
if ! cmp -s "$RUN/app.js" "$WEB/dist/app.js"; then
  e2e_log "editors/web/dist/app.js is not what editors/web/src builds: run \`npm run build\` in editors/web and commit it"
  exit 1
fi

BIN=$(e2e_baogao_bin)
e2e_workspace "$RUN/workspace"

E2E_WEB_DEPS="$DEPS" E2E_BAOGAO="$BIN" E2E_REPORT="$RUN/workspace/renda-yaan-gap.txt" \
  E2E_UPLOADS="$RUN/workspace/renda-yaan-gap.txt:$E2E_REPO/tests/fixtures/zhengfu-beijing-2026.txt:$E2E_REPO/tests/fixtures/docx/zhengfu-beijing-2026.docx" \
  E2E_SCREENSHOT="$screenshot" \
  node "$E2E_REPO/tests/e2e/web/run.js"
