// Writes one entry per rule family and per rule into the `baogao.rules`
// setting of package.json, from the server's own registry (`baogao rules
// --markdown`), so the Settings editor lists every family and every rule with
// its name, default and summary. tests/editor_settings.rs
// fails when the two disagree.
//
//   node scripts/sync-rules.mjs [path/to/baogao]    (default: $BAOGAO_BIN, else baogao on PATH)
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const SEVERITIES = ["error", "warning", "info", "hint", "off"];
const manifestPath = new URL("../package.json", import.meta.url);
const baogao = process.argv[2] ?? process.env.BAOGAO_BIN ?? "baogao";

// The table of docs/rules.md: one row per rule, with its family.
const table = execFileSync(baogao, ["rules", "--markdown"], { encoding: "utf8" });
const families = {};
const rules = {};
for (const line of table.split("\n")) {
  // | [BG004](#bg004) | `numbering-sequence` | warning | structure | A numbered list skips, … |
  const match = /^\| \[(BG\d{3})\]\(#bg\d{3}\) \| `([^`]+)` \| (\S+) \| (\S+) \| (.+) \|$/.exec(line);
  if (match === null) {
    continue;
  }
  const [, code, name, severity, family, summary] = match;
  if (!SEVERITIES.includes(severity)) {
    throw new Error(`unexpected default severity ${severity} for ${code}`);
  }
  (families[family] ??= []).push(code);
  rules[code] = {
    type: "string",
    enum: SEVERITIES,
    markdownDescription: `\`${name}\` (default: ${severity}). ${summary}.`,
  };
}
if (Object.keys(rules).length === 0) {
  throw new Error(`\`${baogao} rules --markdown\` listed no rules:\n${table}`);
}
// A family sets all its rules at once; a rule set by its code wins.
const properties = {};
for (const [family, codes] of Object.entries(families)) {
  properties[family] = {
    type: "string",
    enum: SEVERITIES,
    markdownDescription: `Every rule of the \`${family}\` family (${codes.join(", ")}), but those set by their code.`,
  };
}
Object.assign(properties, rules);

const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const setting = manifest.contributes.configuration.properties["baogao.rules"];
setting.markdownDescription =
  'Severity per rule family or rule code, e.g. `{ "punctuation": "warning", "BG003": "off" }`; a rule set by its code wins over its family. Rules not listed keep their default severity. `baogao rules` lists the codes.';
setting.properties = properties;
delete setting.patternProperties;
writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`baogao.rules: ${Object.keys(families).length} families, ${Object.keys(rules).length} rules`);
