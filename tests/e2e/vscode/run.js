// Drives the packaged baogao extension in a real VS Code (code-server) through
// headless Chromium. Called by tests/e2e/run-vscode.sh, which installs the
// dependencies and packages the extensions; see that script for the inputs.
//
// code-server starts no extension code until a browser connects, so the
// browser opens the workspace; the probe extension then collects the outline,
// diagnostics and hovers through VS Code's own API into a JSON file, which is
// checked here against tests/e2e/expect.json. Last, the workbench UI is driven
// to show the Outline view, the Problems panel and a hover for the screenshot.
"use strict";
const { spawn, execFileSync } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const path = require("node:path");

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
};

const DEPS = env("E2E_VSCODE_DEPS");
const RUN = env("E2E_RUN");
const WORKSPACE = env("E2E_WORKSPACE");
const EXPECT = JSON.parse(fs.readFileSync(env("E2E_EXPECT"), "utf8"));
const VSIXES = env("E2E_VSIXES").split(path.delimiter);
const CHROMIUM = process.env.E2E_CHROMIUM || "/usr/lib/chromium/chromium";
const SCREENSHOT = process.env.E2E_SCREENSHOT || "";
const TIMEOUT_MS = Number(process.env.BAOGAO_E2E_TIMEOUT_MS || 60000);

const { chromium } = require(path.join(DEPS, "node_modules", "playwright-core"));
const CODE_SERVER = path.join(DEPS, "node_modules", ".bin", "code-server");

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed += 1;
    console.log(`ok   ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name}${detail ? `\n     ${detail}` : ""}`);
  }
  return ok;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what, probe, timeoutMs = TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await sleep(100);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 };

function flatten(symbols, parent, acc) {
  for (const s of symbols) {
    acc.push({
      name: s.name,
      line: s.selectionRange.start.line,
      endLine: s.selectionRange.end.line,
      endChar: s.selectionRange.end.character,
      parent,
      children: s.children.length,
    });
    flatten(s.children, s.name, acc);
  }
  return acc;
}

// `lines`: the document's text by line; a JS string's length is in UTF-16
// code units, as VS Code positions are.
function assertSymbols(label, symbols, lines, expected) {
  const flat = flatten(symbols, undefined, []);
  const outline = flat
    .map((s) => `${s.line + 1}:${s.name} (parent ${s.parent ?? "-"}, ${s.children} children, ends ${s.endLine + 1}:${s.endChar})`)
    .join("\n       ");
  for (const w of expected) {
    const found = flat.find((s) => s.name.startsWith(w.name) && s.line === w.line);
    const ok =
      found !== undefined &&
      (w.parent === undefined || (found.parent !== undefined && found.parent.startsWith(w.parent))) &&
      (w.children === undefined || found.children === w.children) &&
      (!w.ends_line || (found.endLine === w.line && found.endChar === lines[w.line].length));
    check(`${label}: symbol "${w.name}" on line ${w.line + 1}`, ok, found ? JSON.stringify(found) : `outline was:\n       ${outline}`);
  }
}

function assertHovers(label, hovers, expected) {
  for (const w of expected) {
    const h = hovers.find((x) => x.line === w.line && x.at === w.at);
    const name = `${label}: hover at "${w.at}" on line ${w.line + 1}`;
    if (!check(`${name} (position)`, h !== undefined && h.error === undefined, h && h.error)) {
      continue;
    }
    const missing = w.contains.filter((needle) => !h.text.includes(needle));
    check(name, missing.length === 0, `missing ${JSON.stringify(missing)} in hover:\n${h.text}`);
  }
}

// The same checks as tests/e2e/nvim/test.lua, on what VS Code reported.
function assertDocument(file, want, got) {
  if (!check(`${file}: collected`, got !== undefined && got.error === undefined, got ? got.error : "the probe did not report this document")) {
    return;
  }
  check(`${file}: language ${want.languageId}`, got.languageId === want.languageId, got.languageId);

  assertSymbols(file, got.symbols, got.lines, want.symbols || []);

  if (want.diagnostics) {
    const all = got.diagnostics
      .map((d) => `${d.code} line ${d.range.start.line + 1} col ${d.range.start.character} ${d.severity}: ${d.message}`)
      .join("\n       ");
    const matched = new Set();
    for (const w of want.diagnostics.items || []) {
      const index = got.diagnostics.findIndex(
        (d, i) => !matched.has(i) && d.code === w.code && d.range.start.line === w.line && (w.severity === undefined || d.severity === w.severity),
      );
      if (index >= 0) {
        matched.add(index);
      }
      check(`${file}: diagnostic ${w.code} on line ${w.line + 1}`, index >= 0, `diagnostics were:\n       ${all || "(none)"}`);
    }
    if (want.diagnostics.no_other_at_least) {
      const limit = SEVERITY[want.diagnostics.no_other_at_least];
      const extra = got.diagnostics.filter((d, i) => !matched.has(i) && SEVERITY[d.severity] <= limit);
      check(
        `${file}: no other diagnostic at ${want.diagnostics.no_other_at_least} or above`,
        extra.length === 0,
        extra.map((d) => `${d.code} line ${d.range.start.line + 1}: ${d.message}`).join("\n       "),
      );
    }
  }

  assertHovers(file, got.hovers, want.hovers || []);

  if (want.fix) {
    const fix = got.fix || { error: "the probe did not report the quick fix" };
    const offered = check(
      `${file}: quick fix "${want.fix.title_contains}" offered`,
      fix.error === undefined && fix.title !== undefined,
      fix.error || JSON.stringify(fix.titles),
    );
    if (offered) {
      for (const w of want.fix.then_lines) {
        const text = fix.lines[w.line] ?? "";
        check(`${file}: after the fix, line ${w.line + 1} starts with "${w.starts}"`, text.startsWith(w.starts), text);
      }
      check(`${file}: after the fix, no ${want.fix.then_gone}`, fix.gone === true);
    }
  }

  if (want.edits) {
    const edited = got.edits || { error: "the probe did not report the edits" };
    if (check(`${file}: edits applied`, edited.error === undefined, edited.error)) {
      assertSymbols(`${file} after edits`, edited.symbols, edited.lines, want.edits.symbols || []);
      assertHovers(`${file} after edits`, edited.hovers, want.edits.hovers || []);
    }
  }
}

// Runs a command from the palette, as a user would.
async function palette(page, title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(`>${title}`);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor();
  await page.keyboard.press("Enter");
  await input.waitFor({ state: "hidden" });
}

async function screenshot(page, shot) {
  if (shot.problem) {
    await palette(page, "View: Focus Problems");
    await page.locator(".markers-panel .monaco-list-row", { hasText: shot.problem }).first().waitFor();
  }
  // Collapse the file tree above the outline so the outline gets the height
  // (its rows are virtual: only the visible ones are in the page).
  const folders = page.locator('.pane-header[aria-expanded="true"]', { hasText: path.basename(WORKSPACE) });
  if ((await folders.count()) > 0) {
    await folders.first().click();
  }
  await palette(page, "Explorer: Focus on Outline View");
  await page.locator(".outline-pane .monaco-list-row", { hasText: shot.outline }).first().waitFor();
  await palette(page, "View: Focus Active Editor Group");
  await palette(page, "Show or Focus Hover");
  // The hover shows the diagnostic first and the server's text a moment later.
  await page.locator(".monaco-hover", { hasText: shot.hover }).first().waitFor();
  await sleep(300);
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
}

// The running language servers' command lines: the test checks that the
// extension started the binary bundled in the .vsix, not one found elsewhere.
function serverCommandLines() {
  const lines = [];
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) {
      continue;
    }
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
      if (args.some((arg) => path.basename(arg) === "baogao") && args.at(-1) === "lsp") {
        lines.push(args.join(" "));
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return lines;
}

async function main() {
  const started = Date.now();
  const userData = path.join(RUN, "user-data");
  const extensions = path.join(RUN, "extensions");
  fs.mkdirSync(path.join(userData, "User"), { recursive: true });
  fs.writeFileSync(
    path.join(userData, "User", "settings.json"),
    JSON.stringify(
      {
        "workbench.startupEditor": "none",
        "workbench.tips.enabled": false,
        "workbench.colorTheme": "Default Dark Modern",
        "workbench.secondarySideBar.defaultVisibility": "hidden",
        "security.workspace.trust.enabled": false,
        "telemetry.telemetryLevel": "off",
        "update.mode": "none",
        "extensions.autoCheckUpdates": false,
        "extensions.autoUpdate": false,
        "editor.minimap.enabled": false,
        "editor.fontSize": 15,
        "chat.commandCenter.enabled": false,
        "chat.disableAIFeatures": true,
      },
      null,
      2,
    ),
  );

  // Its own config file: code-server would otherwise create one in ~/.config.
  const config = path.join(RUN, "code-server.yaml");
  fs.writeFileSync(config, "auth: none\n");
  for (const vsix of VSIXES) {
    execFileSync(CODE_SERVER, ["--config", config, "--user-data-dir", userData, "--extensions-dir", extensions, "--install-extension", vsix], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  }

  const out = path.join(RUN, "probe-result.json");
  const job = path.join(RUN, "probe-job.json");
  fs.writeFileSync(
    job,
    JSON.stringify({
      workspace: WORKSPACE,
      documents: EXPECT.documents,
      settings: EXPECT.settings,
      screenshot: EXPECT.screenshot,
      out,
      timeoutMs: TIMEOUT_MS,
    }),
  );

  const port = await freePort();
  const log = fs.openSync(path.join(RUN, "code-server.log"), "w");
  // detached: its own process group, so the extension host and the language
  // server (which outlive code-server's main process) are killed with it.
  const server = spawn(
    CODE_SERVER,
    [
      "--config", config,
      "--auth", "none",
      "--bind-addr", `127.0.0.1:${port}`,
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--user-data-dir", userData,
      "--extensions-dir", extensions,
      WORKSPACE,
    ],
    { detached: true, stdio: ["ignore", log, log], env: { ...process.env, BAOGAO_PROBE_JOB: job } },
  );
  let browser;
  try {
    await until("code-server's /healthz", async () => {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        return response.ok ? true : undefined;
      } catch {
        return undefined;
      }
    });
    console.log(`     code-server up after ${Date.now() - started} ms`);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-dev-shm-usage"],
    });
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(WORKSPACE)}`);

    // The probe times out each of its own waits; this is only a backstop.
    const result = await until(
      "the probe's results",
      async () => (fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, "utf8")) : undefined),
      5 * TIMEOUT_MS,
    );
    if (check("probe ran to the end", result.error === undefined, result.error)) {
      console.log(`     probe took ${result.ms} ms`);
      for (const [file, want] of Object.entries(EXPECT.documents)) {
        assertDocument(file, want, result.documents[file]);
      }
      if (EXPECT.settings) {
        const { then } = EXPECT.settings;
        check(
          `settings: baogao.rules ${JSON.stringify(EXPECT.settings.rules)} makes ${then.code} on line ${then.line + 1} an ${then.severity}`,
          result.settings !== undefined && result.settings.error === undefined,
          result.settings && result.settings.error,
        );
      }
      check("baogao: Restart server, then the new server answers", result.restart.ok, result.restart.error);
      check(
        "a wrong baogao.server.path stops the server, the right one brings it back",
        result.serverPath.ok,
        result.serverPath.error,
      );
      // Error notifications stay until dismissed: the wrong path's must be there.
      const message = page.locator(".notifications-toasts", { hasText: "is not an executable file" });
      const shown = await message
        .first()
        .waitFor({ timeout: 5000 })
        .then(() => true, () => false);
      check("a wrong baogao.server.path is reported with a clear message", shown);
      await palette(page, "Notifications: Clear All Notifications");
    }

    const servers = serverCommandLines();
    const bundled = path.join(extensions, "baogao.baogao-");
    check(
      "server is the binary bundled in the .vsix",
      servers.some((line) => line.includes(bundled) && line.includes("/server/baogao lsp")),
      `baogao lsp processes: ${JSON.stringify(servers)}`,
    );

    if (SCREENSHOT && EXPECT.screenshot) {
      try {
        await screenshot(page, EXPECT.screenshot);
        check(`screenshot ${path.relative(process.cwd(), SCREENSHOT)}`, true);
      } catch (error) {
        await page.screenshot({ path: path.join(RUN, "failed.png") }).catch(() => {});
        check("screenshot", false, String(error));
      }
    }
  } finally {
    if (browser) {
      await browser.close().catch(() => {});
    }
    try {
      process.kill(-server.pid, "SIGTERM");
      await sleep(500);
      process.kill(-server.pid, "SIGKILL");
    } catch {
      // The group has already exited.
    }
  }
  console.log(`     total ${Date.now() - started} ms`);
}

main()
  .catch((error) => check("test driver ran to the end", false, String(error && error.stack ? error.stack : error)))
  .finally(() => {
    console.log(`vscode-e2e: ${passed} passed, ${failed} failed`);
    process.exitCode = failed > 0 ? 1 : 0;
  });
