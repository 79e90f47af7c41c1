import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import {
  DocumentFilter,
  Executable,
  LanguageClient,
  LanguageClientOptions,
} from "vscode-languageclient/node";

const SECTION = "baogao";
const CLIENT_ID = "baogao";
const CLIENT_NAME = "baogao";
const EXE = process.platform === "win32" ? "baogao.exe" : "baogao";

/** Settings that change which process runs or which documents it sees: the
 * client must be recreated for them. The others reach the running server
 * through workspace/didChangeConfiguration. */
const RESTART_SETTINGS = [`${SECTION}.server.path`, `${SECTION}.files`];

type Resolution =
  | { ok: true; command: string; source: string }
  | { ok: false; message: string };

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
/** Start, stop and restart run one after another, never interleaved. */
let lifecycle: Promise<void> = Promise.resolve();

export function activate(context: vscode.ExtensionContext): void {
  output = vscode.window.createOutputChannel("baogao");
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("baogao.restartServer", () => {
      output.appendLine("Restarting the baogao server.");
      return queue(() => restart(context));
    }),
    vscode.commands.registerCommand("baogao.showOutput", () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (RESTART_SETTINGS.some((setting) => event.affectsConfiguration(setting))) {
        output.appendLine("Server path or file globs changed: restarting the baogao server.");
        void queue(() => restart(context));
      }
    }),
  );
  void queue(() => start(context));
}

export function deactivate(): Thenable<void> {
  return queue(stop);
}

function queue(step: () => Promise<void>): Promise<void> {
  lifecycle = lifecycle.then(step, step);
  return lifecycle;
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stop();
  await start(context);
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running === undefined) {
    return;
  }
  try {
    await running.stop();
  } catch (error) {
    output.appendLine(`Stopping the baogao server failed: ${describe(error)}`);
  }
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const server = resolveServer(context);
  if (!server.ok) {
    output.appendLine(server.message);
    void reportMissingServer(context, server.message);
    return;
  }
  output.appendLine(`Starting ${server.command} lsp (${server.source}).`);

  const executable: Executable = { command: server.command, args: ["lsp"] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    traceOutputChannel: output,
    // The server reads these at startup, is sent them again on every change
    // (didChangeConfiguration), and may pull them per document
    // (workspace/configuration); the client answers all three from the settings.
    initializationOptions: vscode.workspace.getConfiguration(SECTION),
    synchronize: { configurationSection: SECTION },
    markdown: { isTrusted: false, supportHtml: false },
  };
  const next = new LanguageClient(
    CLIENT_ID,
    CLIENT_NAME,
    { run: executable, debug: executable },
    clientOptions,
  );
  client = next;
  try {
    await next.start();
  } catch (error) {
    client = undefined;
    const message = `The baogao server (${server.command}) failed to start: ${describe(error)}`;
    output.appendLine(message);
    const choice = await vscode.window.showErrorMessage(message, "Show output");
    if (choice === "Show output") {
      output.show(true);
    }
  }
}

function documentSelector(): DocumentFilter[] {
  const selector: DocumentFilter[] = [];
  for (const language of ["plaintext", "markdown"]) {
    for (const scheme of ["file", "untitled"]) {
      selector.push({ scheme, language });
    }
  }
  const globs = vscode.workspace.getConfiguration(SECTION).get<string[]>("files", []);
  for (const pattern of globs) {
    if (typeof pattern === "string" && pattern.trim() !== "") {
      selector.push({ scheme: "file", pattern: pattern.trim() });
    }
  }
  return selector;
}

/** `baogao.server.path`, else the binary bundled in the extension's `server/`
 * folder, else `baogao` on PATH. A configured path that is wrong is an error,
 * not a reason to fall back silently to another binary. */
function resolveServer(context: vscode.ExtensionContext): Resolution {
  const configured = vscode.workspace
    .getConfiguration(SECTION)
    .get<string>("server.path", "")
    .trim();
  if (configured !== "") {
    const resolved = expandPath(configured);
    return isExecutable(resolved)
      ? { ok: true, command: resolved, source: "baogao.server.path" }
      : {
          ok: false,
          message: `baogao.server.path is set to "${configured}", but ${resolved} is not an executable file.`,
        };
  }

  const bundled = path.join(context.extensionPath, "server", EXE);
  if (isExecutable(bundled)) {
    return { ok: true, command: bundled, source: "bundled with the extension" };
  }

  const onPath = findOnPath();
  if (onPath !== undefined) {
    return { ok: true, command: onPath, source: "found on PATH" };
  }

  return {
    ok: false,
    message:
      "The baogao language server was not found: it is not bundled with this extension, " +
      "not on PATH, and baogao.server.path is not set.",
  };
}

function expandPath(configured: string): string {
  let expanded = configured;
  if (expanded === "~" || expanded.startsWith("~/") || expanded.startsWith("~\\")) {
    expanded = path.join(os.homedir(), expanded.slice(1));
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder !== undefined) {
    expanded = expanded.replace(/\$\{workspaceFolder\}/g, folder);
    if (!path.isAbsolute(expanded)) {
      expanded = path.join(folder, expanded);
    }
  }
  return path.resolve(expanded);
}

function findOnPath(): string | undefined {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter((dir) => dir !== "");
  const names =
    process.platform === "win32"
      ? (process.env.PATHEXT ?? ".EXE").split(";").map((ext) => `baogao${ext.toLowerCase()}`)
      : [EXE];
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    fs.accessSync(file, process.platform === "win32" ? fs.constants.R_OK : fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function reportMissingServer(
  context: vscode.ExtensionContext,
  message: string,
): Promise<void> {
  const installSteps = "Install steps";
  const settings = "Open settings";
  const choice = await vscode.window.showErrorMessage(message, installSteps, settings);
  if (choice === installSteps) {
    // The README shipped in the extension says how to install the server:
    // it is there offline and always matches this version. vsce stores it
    // as readme.md; a development checkout has README.md.
    const readme = ["readme.md", "README.md"]
      .map((name) => path.join(context.extensionPath, name))
      .find((file) => fs.existsSync(file));
    if (readme !== undefined) {
      await vscode.commands.executeCommand("markdown.showPreview", vscode.Uri.file(readme));
    } else {
      await vscode.commands.executeCommand("extension.open", context.extension.id);
    }
  } else if (choice === settings) {
    await vscode.commands.executeCommand("workbench.action.openSettings", "baogao.server.path");
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
