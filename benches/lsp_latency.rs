//! Server-level latency, measured as an editor sees it: the release binary
//! `baogao lsp` on a pipe, framed JSON-RPC, the real 545 KB compilation.
//!
//! Measures didOpen → publishDiagnostics, edit → publishDiagnostics over
//! 1,000 random single-character edits (inserts and deletes, sent one at a
//! time, each waiting for its own version's diagnostics), documentSymbol and
//! hover latency, and the server's peak RSS (VmHWM). The debounce is set to
//! 0 ms through `initializationOptions`, so the figures are the server's own
//! work; an editor adds its configured `debounceMs` (200 ms by default).
//!
//! `cargo bench --bench lsp_latency` (builds the release binary first), or
//! `target/release/deps/lsp_latency-* [--edits N] [--bin PATH] [--file PATH]`.
//! Timestamps are taken when a whole message has arrived, before it is
//! parsed; the random edits come from a fixed seed, so every run replays the
//! same edits.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

#[path = "../tests/lsp_client/frames.rs"]
mod frames;

const TIMEOUT: Duration = Duration::from_secs(120);
const URI: &str = "file:///bench/compilation-22.txt";

struct Options {
    bin: PathBuf,
    file: PathBuf,
    edits: usize,
    requests: usize,
}

fn options() -> Options {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut options = Options {
        bin: std::env::var_os("BAOGAO_BIN").map_or_else(
            || PathBuf::from(env!("CARGO_BIN_EXE_baogao")),
            PathBuf::from,
        ),
        file: root.join("tests/fixtures/compilation-22.txt"),
        edits: 1000,
        requests: 100,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--bin" => options.bin = args.next().expect("--bin PATH").into(),
            "--file" => options.file = args.next().expect("--file PATH").into(),
            "--edits" => {
                options.edits = args.next().and_then(|n| n.parse().ok()).expect("--edits N")
            }
            "--requests" => {
                options.requests = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--requests N")
            }
            // `cargo bench` passes `--bench`; filters do not apply here.
            _ => {}
        }
    }
    options
}

/// A message from the server and when its last byte arrived.
struct Received {
    at: Instant,
    message: Value,
}

struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Received>,
    next_id: i64,
}

impl Server {
    fn spawn(bin: &PathBuf) -> Self {
        let mut child = Command::new(bin)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, messages) = mpsc::channel();
        thread::spawn(move || {
            frames::read_frames(stdout, |body| {
                let at = Instant::now();
                let message = serde_json::from_slice(&body).expect("server sent invalid JSON");
                tx.send(Received { at, message }).is_ok()
            })
        });
        Server {
            child,
            stdin,
            messages,
            next_id: 0,
        }
    }

    /// Sends a message; returns when its last byte was written.
    fn send(&mut self, message: &Value) -> Instant {
        let body = serde_json::to_vec(message).expect("JSON");
        let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        frame.extend_from_slice(&body);
        let sent = Instant::now();
        self.stdin.write_all(&frame).expect("write to server");
        self.stdin.flush().expect("flush to server");
        sent
    }

    fn notify(&mut self, method: &str, params: Value) -> Instant {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }))
    }

    fn request(&mut self, method: &str, params: Value) -> (Duration, Value) {
        self.next_id += 1;
        let id = self.next_id;
        let sent =
            self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let reply = self.wait(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none());
        if let Some(error) = reply.message.get("error") {
            panic!("{method} failed: {error}");
        }
        (reply.at - sent, reply.message["result"].clone())
    }

    /// The first message `wanted` accepts; answers the server's own
    /// requests on the way and drops other notifications.
    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Received {
        loop {
            let received = self
                .messages
                .recv_timeout(TIMEOUT)
                .expect("server went silent");
            if wanted(&received.message) {
                return received;
            }
            let m = &received.message;
            if let (Some(id), Some(_)) = (m.get("id"), m.get("method")) {
                let id = id.clone();
                self.send(&json!({ "jsonrpc": "2.0", "id": id, "result": null }));
            }
        }
    }

    /// Waits for the diagnostics of `version` of the document.
    fn diagnostics(&mut self, version: i64) -> Received {
        self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == URI
                && m["params"]["version"] == version
        })
    }

    /// Peak resident set size in bytes (Linux VmHWM).
    fn peak_rss(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb * 1024)
    }

    fn shutdown(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let _ = self.child.wait();
    }
}

/// SplitMix64: a fixed-seed generator, so every run makes the same edits.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The UTF-16 position of byte `offset` in `text`.
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count();
    let character: usize = before[line_start..].chars().map(char::len_utf16).sum();
    json!({ "line": line, "character": character })
}

/// A random char boundary of `text` that is not inside a line break.
fn random_boundary(text: &str, random: &mut Random) -> usize {
    loop {
        let at = random.below(text.len() + 1);
        if text.is_char_boundary(at) {
            return at;
        }
    }
}

/// One random single-character edit applied to `model`, as LSP change.
fn random_edit(model: &mut String, random: &mut Random) -> Value {
    // Characters a drafter types: CJK, full-width punctuation, a digit, a
    // line break (which can make or unmake a heading).
    const TYPED: [&str; 7] = ["的", "一", "，", "。", "2", "（", "\n"];
    let at = random_boundary(model, random);
    let next = model[at..].chars().next();
    let delete = random.below(2) == 0 && next.is_some_and(|c| c != '\n' && c != '\r');
    if let (true, Some(c)) = (delete, next) {
        let start = position(model, at);
        let end = position(model, at + c.len_utf8());
        model.replace_range(at..at + c.len_utf8(), "");
        json!({ "range": { "start": start, "end": end }, "text": "" })
    } else {
        let typed = TYPED[random.below(TYPED.len())];
        let start = position(model, at);
        model.insert_str(at, typed);
        json!({ "range": { "start": start, "end": start }, "text": typed })
    }
}

struct Stats {
    p50: Duration,
    p95: Duration,
    max: Duration,
}

fn stats(mut samples: Vec<Duration>) -> Stats {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    Stats {
        p50: at(0.50),
        p95: at(0.95),
        max: at(1.0),
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn row(what: &str, s: &Stats, n: usize) {
    println!(
        "| {what} | {n} | {} | {} | {} |",
        ms(s.p50),
        ms(s.p95),
        ms(s.max)
    );
}

fn main() {
    let options = options();
    let text = std::fs::read_to_string(&options.file)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", options.file.display()));
    let mut server = Server::spawn(&options.bin);
    let (_, init) = server.request(
        "initialize",
        json!({
            "processId": std::process::id(),
            "rootUri": null,
            "capabilities": { "general": { "positionEncodings": ["utf-16"] } },
            "initializationOptions": { "debounceMs": 0 },
        }),
    );
    server.notify("initialized", json!({}));
    let capabilities = &init["capabilities"];
    let hover =
        !capabilities["hoverProvider"].is_null() && capabilities["hoverProvider"] != json!(false);

    println!(
        "server {} on {} ({} bytes), debounce 0 ms, {} edits, {} requests each",
        options.bin.display(),
        options.file.display(),
        text.len(),
        options.edits,
        options.requests
    );

    let opened = server.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": URI, "languageId": "plaintext", "version": 1, "text": text } }),
    );
    let first = server.diagnostics(1);
    let open_latency = first.at - opened;
    let open_count = first.message["params"]["diagnostics"]
        .as_array()
        .map_or(0, Vec::len);

    let mut model = text.clone();
    let mut random = Random(0x6261_6f67_616f);
    let mut version = 1;
    let mut edits = Vec::with_capacity(options.edits);
    let mut diagnostics = 0;
    for _ in 0..options.edits {
        let change = random_edit(&mut model, &mut random);
        version += 1;
        let sent = server.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": URI, "version": version }, "contentChanges": [change] }),
        );
        let published = server.diagnostics(version);
        diagnostics = published.message["params"]["diagnostics"]
            .as_array()
            .map_or(0, Vec::len);
        edits.push(published.at - sent);
    }

    // documentSymbol right after an edit (includes the analysis of the new
    // version) and again on the same version (the analysis is shared).
    let mut symbols_fresh = Vec::with_capacity(options.requests);
    let mut symbols_cached = Vec::with_capacity(options.requests);
    for _ in 0..options.requests {
        let change = random_edit(&mut model, &mut random);
        version += 1;
        server.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": URI, "version": version }, "contentChanges": [change] }),
        );
        let params = json!({ "textDocument": { "uri": URI } });
        symbols_fresh.push(
            server
                .request("textDocument/documentSymbol", params.clone())
                .0,
        );
        symbols_cached.push(server.request("textDocument/documentSymbol", params).0);
    }

    let mut hovers = Vec::with_capacity(options.requests);
    if hover {
        for _ in 0..options.requests {
            let at = random_boundary(&model, &mut random);
            let params =
                json!({ "textDocument": { "uri": URI }, "position": position(&model, at) });
            hovers.push(server.request("textDocument/hover", params).0);
        }
    }

    let peak = server.peak_rss();
    server.shutdown();

    println!();
    println!("| measure | n | p50 | p95 | max |");
    println!("|---|---:|---:|---:|---:|");
    println!(
        "| didOpen → publishDiagnostics ({open_count} diagnostics) | 1 | {} | | |",
        ms(open_latency)
    );
    row(
        &format!("edit → publishDiagnostics ({diagnostics} diagnostics at the end)"),
        &stats(edits),
        options.edits,
    );
    row(
        "documentSymbol after an edit (analysis included)",
        &stats(symbols_fresh),
        options.requests,
    );
    row(
        "documentSymbol, same version (analysis shared)",
        &stats(symbols_cached),
        options.requests,
    );
    if hover {
        row(
            "hover at a random position",
            &stats(hovers),
            options.requests,
        );
    } else {
        println!("| hover | – | not offered by this server build | | |");
    }
    match peak {
        Some(bytes) => {
            let budget = 50 * 1_000_000 + 4 * text.len() as u64;
            println!(
                "\npeak RSS (VmHWM): {:.1} MB (target < {:.1} MB = 50 MB + 4 × {} bytes)",
                bytes as f64 / 1e6,
                budget as f64 / 1e6,
                text.len()
            );
        }
        None => println!("\npeak RSS: /proc/<pid>/status not readable here"),
    }
}
