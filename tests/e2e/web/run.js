// Drives the page of `baogao serve` in headless Chromium. Called by
// tests/e2e/run-web.sh, which installs playwright-core and builds baogao.
//
// Starts the server on a free loopback port, pastes a real report with a
// seeded numbering gap into the editor, waits for the outline, the BG004
// finding (listed and marked in the text) and the figures of the part under
// the cursor, applies the quick fix, types markup that must stay text,
// uploads the .txt (and .docx files, when given) and compares their outlines
// with the pasted one's.
"use strict";
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const DEPS = env("E2E_WEB_DEPS");
const BIN = env("E2E_BAOGAO");
const REPORT = env("E2E_REPORT");
// Files whose outline must equal the pasted report's, uploaded one by one.
const UPLOADS = (process.env.E2E_UPLOADS || "").split(path.delimiter).filter(Boolean);
const CHROMIUM = process.env.E2E_CHROMIUM || "/usr/lib/chromium/chromium";
const SCREENSHOT = process.env.E2E_SCREENSHOT || "";
const TIMEOUT_MS = Number(process.env.BAOGAO_E2E_TIMEOUT_MS || 20000);

const { chromium } = require(path.join(DEPS, "node_modules", "playwright-core"));

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

// Waits for `predicate(arg)` in the page; false on timeout, never throws.
async function waitIn(page, predicate, arg) {
  try {
    await page.waitForFunction(predicate, arg, { timeout: TIMEOUT_MS, polling: 100 });
    return true;
  } catch {
    return false;
  }
}

function startServer() {
  const server = spawn(BIN, ["serve", "--host", "127.0.0.1", "--port", "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = new Promise((resolve, reject) => {
    let out = "";
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const match = /http:\/\/\S+\//.exec(out);
      if (match) resolve(match[0]);
    });
    server.on("exit", (code) => reject(new Error(`baogao serve exited with ${code}`)));
  });
  return { server, url };
}

const outlineOf = (page) => page.$$eval("#outline button", (all) => all.map((b) => b.textContent));
const stem = (file) => path.basename(file).replace(/\.[^.]*$/, "");
const findingsText = (page) => page.$eval("#findings", (node) => node.textContent);

async function paste(page, text) {
  await page.click(".cm-content");
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    document
      .querySelector(".cm-content")
      .dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function main() {
  const { server, url: urlPromise } = startServer();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "baogao-web-e2e-"));
  let context;
  try {
    const url = await urlPromise;
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1440, height: 900 },
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const page = context.pages()[0] || (await context.newPage());
    const dialogs = [];
    const problems = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      // The refused upload below is answered 422, which Chromium logs.
      const expected = /status of 422/.test(message.text());
      if (message.type() === "error" && !expected) problems.push(`console: ${message.text()}`);
    });
    // Nothing but the page's own origin is ever asked for: it works offline.
    const foreign = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(url)) foreign.push(request.url());
    });

    await page.goto(url);
    check("the page loads with its editor", await waitIn(page, () => !!document.querySelector(".cm-content")));

    const report = fs.readFileSync(REPORT, "utf8");
    await paste(page, report);
    check(
      "pasted report: the outline shows the report, its parts and headings",
      await waitIn(page, () => {
        const text = document.querySelector("#outline").textContent;
        return text.includes("雅安市人民代表大会常务委员会工作报告") && text.includes("〔工作回顾〕") && text.includes("〔工作安排〕");
      }),
      (await outlineOf(page)).slice(0, 5).join(" | "),
    );
    const pasted = await outlineOf(page);
    check(
      "pasted report: the BG004 numbering gap is listed",
      await waitIn(page, () => document.querySelector("#findings").textContent.includes("BG004")),
      await findingsText(page),
    );

    // The cursor in the review part: its figures, as the hover shows them.
    await page.click("#outline button:has-text('〔工作回顾〕')");
    check(
      "cursor in the review part: its figure summary is shown",
      await waitIn(page, () => {
        const figures = document.querySelector("#figures").textContent;
        return /数据 \d+ 项/.test(figures) && figures.includes("要点") && document.querySelector("#where").textContent.endsWith("2022年主要工作");
      }),
      await page.$eval("#figures", (n) => n.textContent.slice(0, 200)),
    );
    // Clicking the finding brings its line into view (the editor draws only
    // the lines in view), marked in the text and in the gutter.
    await page.click("#findings .head:has-text('BG004')");
    check(
      "pasted report: the finding is marked in the text",
      await waitIn(page, () => !!document.querySelector(".cm-lintRange-warning") && !!document.querySelector(".cm-lint-marker-warning")),
    );
    if (SCREENSHOT) {
      await page.hover(".cm-lintRange-warning");
      await waitIn(page, () => !!document.querySelector(".cm-tooltip-lint"));
      await page.screenshot({ path: SCREENSHOT });
      console.log(`screenshot: ${SCREENSHOT}`);
      await page.mouse.move(0, 0);
    }

    await page.click("#findings button.fix:has-text('重新编号')");
    check(
      "the quick fix renumbers the list and the finding goes",
      await waitIn(page, () => {
        const findings = document.querySelector("#findings").textContent;
        const lines = [...document.querySelectorAll(".cm-line")].map((l) => l.textContent);
        return !findings.includes("BG004") && lines.some((l) => l.startsWith("三、")) && !lines.some((l) => l.startsWith("六、"));
      }),
      await findingsText(page),
    );

    // Markup typed into the report is text: shown, never run.
    const markup = ["一、<img src=x onerror=alert(1)>", "<script>alert(2)</script>"];
    await page.click(".cm-content");
    await page.keyboard.press("Control+End");
    for (const line of markup) {
      await page.keyboard.press("Enter");
      await page.keyboard.type(line);
    }
    check(
      "typed markup is in the editor and the outline as text",
      await waitIn(
        page,
        (markup) =>
          document.querySelector(".cm-content").textContent.includes(markup[1]) &&
          document.querySelector("#outline").textContent.includes(markup[0].slice(2)),
        markup,
      ),
      (await outlineOf(page)).slice(-3).join(" | "),
    );
    check("typed markup opened no dialog", dialogs.length === 0, dialogs.join(", "));
    check(
      "typed markup created no element",
      await page.evaluate(() => document.querySelectorAll("img").length === 0 && document.scripts.length === 1),
    );

    // Each upload's outline equals that of the first file of the same name
    // (a .txt and the .docx made from it), or of the pasted report.
    const outlines = new Map([[stem(REPORT), pasted]]);
    for (const file of UPLOADS) {
      const name = path.basename(file);
      await page.setInputFiles("#file", file);
      const loaded = await waitIn(page, (name) => document.querySelector("#status").dataset.file === name, name);
      check(`upload ${name}: read and analysed`, loaded, await page.$eval("#status", (n) => n.textContent));
      const got = await outlineOf(page);
      const reference = outlines.get(stem(file));
      if (reference === undefined) {
        outlines.set(stem(file), got);
        check(`upload ${name}: an outline with parts`, got.some((entry) => entry.includes("〔工作安排〕")), got.slice(0, 5).join(" | "));
      } else {
        const diff = got.findIndex((entry, i) => entry !== reference[i]);
        check(
          `upload ${name}: the same outline as ${stem(file) === stem(REPORT) ? "the pasted report" : "its text"}`,
          diff === -1 && got.length === reference.length,
          `entry ${diff}: ${got[diff]} ≠ ${reference[diff]}`,
        );
      }
      check(`upload ${name}: a finding`, (await page.$$("#findings li")).length > 0);
      await page.locator("#outline button:has-text('项数据')").first().click();
      check(
        `upload ${name}: the figures of the first section that has some`,
        await waitIn(page, () => /数据 \d+ 项/.test(document.querySelector("#figures").textContent)),
      );
    }

    // A file with no text to read: one line saying why, the text kept.
    const before = await page.$eval(".cm-content", (n) => n.textContent.length);
    const binary = path.join(profile, "old.doc");
    fs.writeFileSync(binary, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    await page.setInputFiles("#file", binary);
    check(
      "upload old.doc: refused with its reason, the text kept",
      await waitIn(
        page,
        (before) => {
          const status = document.querySelector("#status");
          return status.classList.contains("error") && status.textContent.includes("old.doc") && document.querySelector(".cm-content").textContent.length === before;
        },
        before,
      ),
      await page.$eval("#status", (n) => n.textContent),
    );

    check("no script error and no blocked resource", problems.length === 0, problems.join("\n     "));
    check("nothing asked from another origin", foreign.length === 0, foreign.join(", "));
  } finally {
    if (context) await context.close();
    server.kill();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main()
  .catch((error) => {
    failed += 1;
    console.log(`FAIL ${error.stack || error}`);
  })
  .finally(() => {
    console.log(`web-e2e: ${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 ? 0 : 1;
  });
