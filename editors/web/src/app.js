// The page of `baogao serve`: a CodeMirror 6 editor whose text is analysed by
// the server's JSON API as you type, with the outline, the findings (marked
// in the text, with their quick fixes) and the figures of the part under the
// cursor beside it.
//
// Every text from a report or an answer is put in the page as text
// (textContent, text nodes), never as markup: a report may contain
// `<script>` or `<img onerror=…>`.
import { ChangeSet, EditorState } from "@codemirror/state";
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";

// As the language server's default `debounceMs`.
const DEBOUNCE_MS = 200;
// The server's request limit (serve::MAX_BODY): larger files are refused here.
const MAX_BYTES = 16 << 20;
const SEVERITY_NAMES = { error: "错误", warning: "警告", info: "提示", hint: "建议" };

const $ = (id) => document.getElementById(id);
// Each outline entry's button, to mark the one under the cursor.
let buttons = new Map();

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// The last answer applied and the document it was computed for; `since`
// holds the edits made after it, to map its positions onto the current text.
let shown = null;
let timer = 0;
let inFlight = null;

function status(text, error = false) {
  const node = $("status");
  node.textContent = text;
  delete node.dataset.file;
  node.classList.toggle("error", error);
}

// A line and UTF-16 character of the analysed text, as an offset into it.
function offsetIn(doc, position) {
  if (position.line + 1 > doc.lines) return doc.length;
  const line = doc.line(position.line + 1);
  return Math.min(line.from + position.character, line.to);
}

// The same place in the current text.
function now(position) {
  return shown.since.mapPos(offsetIn(shown.doc, position));
}

const view = new EditorView({
  parent: $("editor"),
  state: EditorState.create({
    doc: "",
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      history(),
      drawSelection(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      EditorView.lineWrapping,
      lintGutter(),
      placeholder("在此粘贴报告全文，或把 .txt / .docx 文件拖到这里"),
      keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap]),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) {
          if (shown) shown.since = shown.since.compose(update.changes);
          schedule();
        }
        if (update.docChanged || update.selectionSet) showFigures();
      }),
      EditorView.domEventHandlers({
        drop(event) {
          const file = event.dataTransfer && event.dataTransfer.files[0];
          if (!file) return false;
          event.preventDefault();
          upload(file);
          return true;
        },
      }),
    ],
  }),
});

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(analyse, DEBOUNCE_MS);
}

async function analyse() {
  const doc = view.state.doc;
  if (inFlight) inFlight.abort();
  const controller = new AbortController();
  inFlight = controller;
  const started = performance.now();
  status("分析中…");
  try {
    const response = await fetch("/api/analyse", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: doc.toString() }),
      signal: controller.signal,
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error || response.statusText);
    // An answer for a text that has changed since waits for the next one.
    if (view.state.doc !== doc) return;
    apply(doc, answer, performance.now() - started);
  } catch (error) {
    if (error.name !== "AbortError") status(`分析失败：${error.message}`, true);
  } finally {
    if (inFlight === controller) inFlight = null;
  }
}

async function upload(file) {
  const name = file.name;
  if (file.size > MAX_BYTES) {
    status(`${name} 太大：上限 ${MAX_BYTES >> 20} MB`, true);
    return;
  }
  status(`读取 ${name}…`);
  const started = performance.now();
  try {
    const response = await fetch(`/api/upload?name=${encodeURIComponent(name)}`, {
      method: "POST",
      body: file,
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error || response.statusText);
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: answer.text } });
    // The answer is already the analysis of this text.
    clearTimeout(timer);
    apply(view.state.doc, answer, performance.now() - started);
    status(`${name}：${$("status").textContent}`);
    $("status").dataset.file = name;
  } catch (error) {
    status(`读取失败：${error.message}`, true);
  }
}

$("file").addEventListener("change", (event) => {
  const file = event.target.files[0];
  if (file) upload(file);
  event.target.value = "";
});
// A file dropped beside the editor is read, not opened by the browser.
document.addEventListener("dragover", (event) => event.preventDefault());
document.addEventListener("drop", (event) => {
  event.preventDefault();
  const file = event.dataTransfer && event.dataTransfer.files[0];
  if (file) upload(file);
});

function apply(doc, answer, ms) {
  shown = { doc, answer, since: ChangeSet.empty(doc.length) };
  view.dispatch(setDiagnostics(view.state, answer.findings.map((f) => diagnostic(doc, answer, f))));
  renderOutline(answer);
  renderFindings(answer);
  showFigures();
  const reports = answer.reports.length;
  status(`${reports} 个报告，${answer.findings.length} 个问题（${Math.round(ms)} ms）`);
}

function diagnostic(doc, answer, finding) {
  return {
    from: offsetIn(doc, finding.range.start),
    to: offsetIn(doc, finding.range.end),
    severity: finding.severity,
    source: finding.code,
    message: finding.message,
    renderMessage: () => {
      const box = el("div");
      box.append(el("div", "", `${finding.code} ${finding.message}`));
      const rule = answer.rules[finding.code];
      if (rule) box.append(explanation(rule));
      return box;
    },
    actions: finding.fixes.map((fix) => ({ name: fix.title, apply: () => applyFix(fix) })),
  };
}

function explanation(rule) {
  const details = el("details", "explanation");
  details.append(el("summary", "", `${rule.name}：${rule.summary}`));
  details.append(markdown(rule.explanation));
  return details;
}

function applyFix(fix) {
  if (!shown) return;
  const changes = fix.edits.map((edit) => ({
    from: now(edit.range.start),
    to: now(edit.range.end),
    insert: edit.new_text,
  }));
  view.dispatch({ changes, userEvent: "input.fix" });
  view.focus();
}

function jump(range) {
  const from = now(range.start);
  view.dispatch({
    selection: { anchor: from },
    effects: EditorView.scrollIntoView(from, { y: "start", yMargin: 40 }),
  });
  view.focus();
}

function renderOutline(answer) {
  buttons = new Map();
  const root = el("ul", "tree");
  for (const report of answer.reports) {
    const item = el("li", "report");
    const button = el("button", "", report.name);
    button.append(el("span", "badge", `[${report.kind_name}${report.fragment ? "·片段" : ""}]`));
    button.addEventListener("click", () => jump(report.selection));
    buttons.set(report, button);
    item.append(button);
    if (report.absent.length > 0) {
      const names = report.absent.map((id) => PART_NAMES[id] || id).join(" ");
      item.append(el("div", "kind", `缺少：${names}`));
    }
    item.append(nodes(report.children));
    root.append(item);
  }
  $("outline").replaceChildren(root);
}

const PART_NAMES = {
  salutation: "称谓", opening: "开头语", review: "工作回顾", lessons: "体会", thanks: "致谢",
  shortcomings: "不足", tasks: "工作安排", closing: "结束语", appendix: "附件",
};

function nodes(children) {
  const list = el("ul");
  for (const node of children) {
    const item = el("li");
    const button = el("button", "", node.name);
    button.title = node.name;
    button.dataset.level = node.level;
    if (node.part_name) button.append(el("span", "badge", `〔${node.part_name}〕`));
    if (node.figures > 0) button.append(el("span", "badge", `${node.figures} 项数据`));
    button.addEventListener("click", () => jump(node.selection));
    buttons.set(node, button);
    item.append(button);
    if (node.children.length > 0) item.append(nodes(node.children));
    list.append(item);
  }
  return list;
}

function renderFindings(answer) {
  const list = $("findings");
  list.replaceChildren();
  $("count").textContent = `(${answer.findings.length})`;
  for (const finding of answer.findings) {
    const item = el("li");
    const head = el("div", "head");
    head.append(el("span", `sev ${finding.severity}`));
    head.append(el("span", "code", finding.code));
    head.append(document.createTextNode(finding.message));
    head.append(el("span", "line", `第 ${finding.range.start.line + 1} 行 · ${SEVERITY_NAMES[finding.severity] || ""}`));
    head.addEventListener("click", () => jump(finding.range));
    item.append(head);
    // Other places the finding points at (the other mention of a figure).
    for (const related of finding.related) {
      const link = el("div", "related", `↳ 第 ${related.range.start.line + 1} 行：${related.message}`);
      link.addEventListener("click", () => jump(related.range));
      item.append(link);
    }
    for (const fix of finding.fixes) {
      const button = el("button", "fix", `修复：${fix.title}`);
      button.addEventListener("click", () => applyFix(fix));
      item.append(button);
    }
    const rule = answer.rules[finding.code];
    if (rule) item.append(explanation(rule));
    list.append(item);
  }
}

// The figures of the innermost section under the cursor, as the hover on
// its heading shows them.
function showFigures() {
  if (!shown) return;
  const cursor = view.state.selection.main.head;
  const contains = (range) => now(range.start) <= cursor && cursor <= now(range.end);
  const path = [];
  let level = shown.answer.reports;
  for (;;) {
    const inside = level.find((node) => contains(node.range));
    if (!inside) break;
    path.push(inside);
    level = inside.children;
  }
  const innermost = path[path.length - 1];
  $("where").textContent = path.map((node) => node.name).join(" › ");
  $("figures").replaceChildren(innermost ? markdown(innermost.summary) : el("p", "", "光标不在任何报告中。"));
  for (const button of document.querySelectorAll(".tree button.current")) button.classList.remove("current");
  if (innermost && buttons.has(innermost)) buttons.get(innermost).classList.add("current");
}

// The little Markdown the server writes (summaries, rule explanations):
// paragraphs, `- ` and `1. ` lists, `##` headings, fenced code, **bold**,
// `code` and backslash escapes; built as elements and text nodes.
function markdown(source) {
  const box = el("div", "md");
  let list = null;
  let fence = null;
  for (const line of source.split("\n")) {
    if (line.startsWith("```")) {
      if (fence) {
        fence = null;
      } else {
        fence = el("pre");
        box.append(fence);
      }
      list = null;
      continue;
    }
    if (fence) {
      fence.append(document.createTextNode(`${fence.childNodes.length ? "\n" : ""}${line}`));
      continue;
    }
    const bullet = /^- (.*)$/.exec(line);
    const numbered = /^\d+\. (.*)$/.exec(line);
    const heading = /^#{1,6} (.*)$/.exec(line);
    if (bullet || numbered) {
      const tag = bullet ? "UL" : "OL";
      if (!list || list.tagName !== tag) {
        list = el(tag.toLowerCase());
        box.append(list);
      }
      const item = el("li");
      inline(item, (bullet || numbered)[1]);
      list.append(item);
      continue;
    }
    list = null;
    if (heading) {
      inline(box.appendChild(el("h4")), heading[1]);
    } else if (line.trim() !== "") {
      inline(box.appendChild(el("p")), line);
    }
  }
  return box;
}

function inline(parent, text) {
  let target = parent;
  let buffer = "";
  const flush = () => {
    if (buffer) target.append(document.createTextNode(buffer));
    buffer = "";
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === "\\" && i + 1 < text.length) {
      buffer += text[i + 1];
      i += 1;
    } else if (c === "*" && text[i + 1] === "*") {
      flush();
      target = target === parent ? parent.appendChild(el("strong")) : parent;
      i += 1;
    } else if (c === "`") {
      flush();
      target = target === parent ? parent.appendChild(el("code")) : parent;
    } else {
      buffer += c;
    }
  }
  flush();
}

view.focus();
