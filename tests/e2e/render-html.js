// Renders an HTML file to a PNG with Chromium (playwright-core from the VS Code
// test's dependencies): node render-html.js DEPS IN.html OUT.png WIDTH
"use strict";
const path = require("node:path");

const [deps, input, output, width] = process.argv.slice(2);
const { chromium } = require(path.join(deps, "node_modules", "playwright-core"));

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.E2E_CHROMIUM || "/usr/lib/chromium/chromium",
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: Number(width), height: 400 } });
    await page.goto(`file://${path.resolve(input)}`);
    await page.screenshot({ path: output, fullPage: true });
  } finally {
    await browser.close();
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
