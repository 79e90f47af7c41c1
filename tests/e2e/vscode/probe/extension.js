// Test-only extension for tests/e2e/run-vscode.sh. When BAOGAO_PROBE_JOB names
// a job file, it opens each document listed there the way a user would, asks
// VS Code's own providers (so the answers come through the baogao extension
// and server) for the outline, diagnostics and hovers, and writes them as JSON
// to the job's `out` path. The test driver makes the assertions.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vscode = require("vscode");

const POLL_MS = 50;

function activate(context) {
  const jobFile = process.env.BAOGAO_PROBE_JOB;
  if (!jobFile) {
    return;
  }
  const job = JSON.parse(fs.readFileSync(jobFile, "utf8"));
  const seen = new Set();
  context.subscriptions.push(
    vscode.languages.onDidChangeDiagnostics((event) => {
      for (const uri of event.uris) {
        seen.add(uri.toString());
      }
    }),
  );
  run(job, seen).then(
    (result) => write(job.out, result),
    (error) => write(job.out, { error: String((error && error.stack) || error) }),
  );
}

function write(file, value) {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(value, null, 2));
  fs.renameSync(tmp, file);
}

async function until(what, timeoutMs, probe) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function range(r) {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

function symbol(s) {
  return {
    name: s.name,
    detail: s.detail,
    kind: s.kind,
    range: range(s.range || s.location.range),
    selectionRange: range(s.selectionRange || s.location.range),
    children: fromBaogao(s.children || []).map(symbol),
  };
}

// VS Code's own Markdown support answers symbol queries on .md files too,
// with every heading as a String symbol on the same lines as baogao's; baogao
// never uses that kind, so leaving them out leaves exactly the server's outline.
function fromBaogao(symbols) {
  return symbols.filter((s) => s.kind !== vscode.SymbolKind.String);
}

function diagnostic(d) {
  return {
    code: typeof d.code === "object" && d.code !== null ? String(d.code.value) : String(d.code),
    codeTarget: typeof d.code === "object" && d.code !== null ? String(d.code.target) : undefined,
    severity: ["error", "warning", "info", "hint"][d.severity],
    message: d.message,
    source: d.source,
    range: range(d.range),
  };
}

function hoverText(hovers) {
  const parts = [];
  for (const hover of hovers || []) {
    for (const content of hover.contents) {
      parts.push(typeof content === "string" ? content : content.value);
    }
  }
  return parts.join("\n---\n");
}

// Applies the expected quick fix as the light-bulb menu would (resolving
// the edit of an action offered without one, as choosing it does), records the
// text and whether the finding went away, then puts the original text back
// (the settings check and the screenshot want the fault).
const actionsToResolve = 20;

async function applyFix(doc, fix, timeout) {
  const character = doc.lineAt(fix.line).text.indexOf(fix.at);
  if (character < 0) {
    return { error: `"${fix.at}" not found on line ${fix.line}` };
  }
  const position = new vscode.Position(fix.line, character);
  const actions =
    (await vscode.commands.executeCommand(
      "vscode.executeCodeActionProvider",
      doc.uri,
      new vscode.Range(position, position),
      vscode.CodeActionKind.QuickFix.value,
      actionsToResolve,
    )) || [];
  const titles = actions.map((a) => a.title);
  const action = actions.find((a) => a.title.includes(fix.title_contains) && a.edit);
  if (action === undefined) {
    return { titles };
  }
  const original = doc.getText();
  if (!(await vscode.workspace.applyEdit(action.edit))) {
    return { titles, error: `VS Code refused the edit of "${action.title}"` };
  }
  const lines = doc.getText().split(/\r?\n/);
  const gone = await until(`${fix.then_gone} to go`, timeout, async () =>
    vscode.languages.getDiagnostics(doc.uri).some((d) => diagnostic(d).code === fix.then_gone) ? undefined : true,
  ).catch(() => false);
  const restore = new vscode.WorkspaceEdit();
  restore.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
  await vscode.workspace.applyEdit(restore);
  return { titles, title: action.title, lines, gone };
}

// Applies the edits as a user's typing would (the client sends them as
// incremental didChange), then asks for the outline again.
async function edit(doc, edits) {
  for (const change of edits.changes) {
    const workspaceEdit = new vscode.WorkspaceEdit();
    if (change.insert_line !== undefined) {
      workspaceEdit.insert(doc.uri, new vscode.Position(change.line, 0), `${change.insert_line}\n`);
    } else {
      const text = doc.lineAt(change.line).text;
      const at = text.indexOf(change.after);
      if (at < 0) {
        return { error: `"${change.after}" not found on line ${change.line}: ${text}` };
      }
      workspaceEdit.insert(doc.uri, new vscode.Position(change.line, at + change.after.length), change.insert);
    }
    if (!(await vscode.workspace.applyEdit(workspaceEdit))) {
      return { error: `VS Code refused the edit ${JSON.stringify(change)}` };
    }
  }
  const symbols = await vscode.commands.executeCommand("vscode.executeDocumentSymbolProvider", doc.uri);
  return {
    symbols: fromBaogao(symbols || []).map(symbol),
    lines: doc.getText().split(/\r?\n/),
    hovers: await hoversAt(doc, edits.hovers || []),
  };
}

async function hoversAt(doc, wanted) {
  const hovers = [];
  for (const h of wanted) {
    const text = doc.lineAt(h.line).text;
    // JS string indices are UTF-16 code units, as VS Code positions are.
    const character = text.indexOf(h.at);
    if (character < 0) {
      hovers.push({ line: h.line, at: h.at, error: `"${h.at}" not found on line ${h.line}` });
      continue;
    }
    const position = new vscode.Position(h.line, character);
    const result = await vscode.commands.executeCommand("vscode.executeHoverProvider", doc.uri, position);
    hovers.push({ line: h.line, at: h.at, character, text: hoverText(result) });
  }
  return hovers;
}

// Opens one document as a user would and collects what the editor shows.
async function collect(job, seen, file, want) {
  const timeout = job.timeoutMs;
  const t0 = Date.now();
  const uri = vscode.Uri.file(path.join(job.workspace, file));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });

  // The server starts with the first document: wait for a real outline.
  const symbols = await until(`the outline of ${file}`, timeout, async () => {
    const result = await vscode.commands.executeCommand("vscode.executeDocumentSymbolProvider", uri);
    return result && fromBaogao(result).length > 0 ? result : undefined;
  });

  await until(`diagnostics for ${file}`, timeout, async () => (seen.has(uri.toString()) ? true : undefined));
  // Diagnostics are debounced by the server: read them once they stop changing.
  let last = "";
  let stableSince = Date.now();
  await until(`stable diagnostics for ${file}`, timeout, async () => {
    const now = JSON.stringify(vscode.languages.getDiagnostics(uri).map(diagnostic));
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    }
    return Date.now() - stableSince >= 300 ? true : undefined;
  });
  const diagnostics = vscode.languages.getDiagnostics(uri).map(diagnostic);

  const hovers = await hoversAt(doc, want.hovers || []);
  const result = {
    languageId: doc.languageId,
    lines: doc.getText().split(/\r?\n/),
    symbols: fromBaogao(symbols).map(symbol),
    diagnostics,
    hovers,
    ms: Date.now() - t0,
  };
  if (want.fix) {
    result.fix = await applyFix(doc, want.fix, timeout);
  }
  if (want.edits) {
    result.edits = await edit(doc, want.edits);
  }
  return result;
}

async function changeSettings(job, want) {
  const uri = vscode.Uri.file(path.join(job.workspace, want.file));
  const config = vscode.workspace.getConfiguration("baogao");
  await config.update("rules", want.rules, vscode.ConfigurationTarget.Global);
  try {
    const wanted = want.then;
    const found = await until(`diagnostics under the new settings`, job.timeoutMs, async () => {
      const match = vscode.languages
        .getDiagnostics(uri)
        .map(diagnostic)
        .find((d) => d.code === wanted.code && d.range.start.line === wanted.line && d.severity === wanted.severity);
      return match;
    });
    return { diagnostic: found };
  } finally {
    await config.update("rules", undefined, vscode.ConfigurationTarget.Global);
  }
}

async function run(job, seen) {
  const timeout = job.timeoutMs;
  const started = Date.now();
  await vscode.extensions.getExtension("baogao.baogao").activate();
  const documents = {};
  for (const [file, want] of Object.entries(job.documents)) {
    try {
      documents[file] = await collect(job, seen, file, want);
    } catch (error) {
      documents[file] = { error: String((error && error.stack) || error) };
    }
  }

  // A settings change reaches the running server: the rule severities set in
  // `baogao.rules` show on the open document's diagnostics.
  let settings;
  if (job.settings) {
    settings = await changeSettings(job, job.settings).catch((error) => ({ error: String(error) }));
  }

  // "baogao: Restart server" resolves once the new server is running; it
  // must answer for the documents that are still open.
  const restart = { ok: false };
  try {
    await vscode.commands.executeCommand("baogao.restartServer");
    const first = vscode.Uri.file(path.join(job.workspace, Object.keys(job.documents)[0]));
    const symbols = await until("the outline after a restart", timeout, async () => {
      const result = await vscode.commands.executeCommand("vscode.executeDocumentSymbolProvider", first);
      return result && fromBaogao(result).length > 0 ? result : undefined;
    });
    restart.ok = symbols.length > 0;
  } catch (error) {
    restart.error = String(error);
  }

  // A wrong baogao.server.path: the extension restarts, finds no server and
  // says so (the driver looks for the message); set right again, it recovers.
  const serverPath = { ok: false };
  try {
    const config = vscode.workspace.getConfiguration("baogao");
    const first = vscode.Uri.file(path.join(job.workspace, Object.keys(job.documents)[0]));
    const outline = async () =>
      fromBaogao((await vscode.commands.executeCommand("vscode.executeDocumentSymbolProvider", first)) || []);
    await config.update("server.path", path.join(job.workspace, "no-such-baogao"), vscode.ConfigurationTarget.Global);
    await until("the server to stop", timeout, async () => ((await outline()).length === 0 ? true : undefined));
    await config.update("server.path", undefined, vscode.ConfigurationTarget.Global);
    await until("the server to come back", timeout, async () => ((await outline()).length > 0 ? true : undefined));
    serverPath.ok = true;
  } catch (error) {
    serverPath.error = String(error);
  }

  // Leave the screenshot document in front, the cursor on the hover target.
  if (job.screenshot) {
    const uri = vscode.Uri.file(path.join(job.workspace, job.screenshot.file));
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const character = Math.max(0, doc.lineAt(job.screenshot.line).text.indexOf(job.screenshot.at));
    const position = new vscode.Position(job.screenshot.line, character);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  }
  return { documents, settings, restart, serverPath, ms: Date.now() - started };
}

function deactivate() {}

module.exports = { activate, deactivate };
