// Writes one entry per rule into the `baogao.rules` setting of package.json,
// from the server's own registry (`baogao rules`), so the Settings editor
// lists every rule with its name, default and summary. tests/editor_settings.rs
// fails when the two disagree.
//
//   node scripts/sync-rules.mjs [path/to/baogao]    (default: $BAOGAO_BIN, else baogao on PATH)
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const SEVERITIES = ["error", "warning", "info", "hint", "off"];
const manifestPath = new URL("../package.json", import.meta.url);
const baogao = process.argv[2] ?? process.env.BAOGAO_BIN ?? "baogao";

const table = execFileSync(baogao, ["rules"], { encoding: "utf8" });
const properties = {};
for (const line of table.split("\n")) {
  // BG004  warning  numbering-sequence        A numbered list skips, …
  const match = /^(BG\d{3})\s+(\S+)\s+(\S+)\s+(.+)$/.exec(line);
  if (match === null) {
    continue;
  }
  const [, code, severity, name, summary] = match;
  if (!SEVERITIES.includes(severity)) {
    throw new Error(`unexpected default severity ${severity} for ${code}`);
  }
  properties[code] = {
    type: "string",
    enum: SEVERITIES,
    markdownDescription: `\`${name}\` (default: ${severity}). ${summary}.`,
  };
}
if (Object.keys(properties).length === 0) {
  throw new Error(`\`${baogao} rules\` listed no rules:\n${table}`);
}

const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const setting = manifest.contributes.configuration.properties["baogao.rules"];
setting.properties = properties;
delete setting.patternProperties;
writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`baogao.rules: ${Object.keys(properties).length} rules`);
