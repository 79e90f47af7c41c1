//! A minimal LSP client for the integration tests: spawns the built
//! `baogao lsp`, frames JSON-RPC over its stdin/stdout, answers the server's
//! own requests, and keeps notifications for the test to inspect.
#![allow(dead_code)] // each test file uses a different subset

use std::collections::VecDeque;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

mod frames;

pub const TIMEOUT: Duration = Duration::from_secs(60);

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    /// Notifications (and answered server requests) not yet looked at.
    pub inbox: VecDeque<Value>,
    next_id: i64,
    /// The `baogao` section answered to `workspace/configuration`.
    pub settings: Value,
    pub log_file: PathBuf,
}

impl Client {
    pub fn spawn() -> Self {
        static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let log_file =
            std::env::temp_dir().join(format!("baogao-lsp-test-{}-{n}.log", std::process::id()));
        let mut child = Command::new(env!("CARGO_BIN_EXE_baogao"))
            .arg("lsp")
            .arg("--log-file")
            .arg(&log_file)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn baogao lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = mpsc::channel();
        thread::spawn(move || {
            frames::read_frames(stdout, |body| {
                let value: Value = serde_json::from_slice(&body).expect("server sent invalid JSON");
                tx.send(value).is_ok()
            })
        });
        Client {
            child,
            stdin,
            messages,
            inbox: VecDeque::new(),
            next_id: 0,
            settings: json!({}),
            log_file,
        }
    }

    /// Spawns and initializes with `capabilities`; returns the initialize result.
    pub fn start(capabilities: Value) -> (Self, Value) {
        let mut client = Client::spawn();
        let result = client.initialize(capabilities);
        (client, result)
    }

    pub fn initialize(&mut self, capabilities: Value) -> Value {
        let response = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "capabilities": capabilities,
                "clientInfo": { "name": "baogao-tests" },
            }),
        );
        self.notify("initialized", json!({}));
        response["result"].clone()
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).expect("write to server");
        self.stdin.flush().expect("flush to server");
    }

    pub fn send(&mut self, message: &Value) {
        let body = message.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and returns its id without waiting.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        id
    }

    /// Sends a request and waits for its response (the whole message).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.response(&json!(id))
    }

    /// Waits for the response with `id`.
    pub fn response(&mut self, id: &Value) -> Value {
        self.wait(|m| m.get("method").is_none() && &m["id"] == id)
            .unwrap_or_else(|| panic!("no response to request {id}"))
    }

    /// Waits for a message matching `pred`, answering server requests and
    /// keeping other messages in the inbox. Looks in the inbox first.
    pub fn wait(&mut self, mut pred: impl FnMut(&Value) -> bool) -> Option<Value> {
        if let Some(at) = self.inbox.iter().position(&mut pred) {
            return self.inbox.remove(at);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            let message = match self.messages.recv_timeout(left) {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            };
            self.answer_server_request(&message);
            if pred(&message) {
                return Some(message);
            }
            self.inbox.push_back(message);
        }
    }

    /// Collects messages for `duration` without waiting for anything.
    pub fn drain(&mut self, duration: Duration) {
        let deadline = Instant::now() + duration;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.messages.recv_timeout(left) {
                Ok(message) => {
                    self.answer_server_request(&message);
                    self.inbox.push_back(message);
                }
                Err(_) => return,
            }
        }
    }

    fn answer_server_request(&mut self, message: &Value) {
        let (Some(method), Some(id)) = (message["method"].as_str(), message.get("id")) else {
            return;
        };
        let result = match method {
            "workspace/configuration" => {
                let items = message["params"]["items"].as_array().map_or(0, Vec::len);
                json!(vec![self.settings.clone(); items])
            }
            _ => Value::Null,
        };
        let reply = json!({ "jsonrpc": "2.0", "id": id, "result": result });
        self.send(&reply);
    }

    /// The next `publishDiagnostics` for `uri` with `version`.
    pub fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Value {
        let version = version.map_or(Value::Null, |v| json!(v));
        self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"].get("version").unwrap_or(&Value::Null) == &version
        })
        .unwrap_or_else(|| {
            panic!(
                "{}",
                self.nothing_came(&format!("diagnostics for {uri} version {version}"))
            )
        })["params"]
            .clone()
    }

    /// Why a `wait` for `what` came back empty, with what did come and the
    /// server's log: a flaky failure must be explicable from its report.
    pub fn nothing_came(&mut self, what: &str) -> String {
        let why = match self.child.try_wait() {
            Ok(Some(status)) => format!("the server exited ({status})"),
            _ => format!("none came within {TIMEOUT:?}; the server is still running"),
        };
        let seen: Vec<String> = self
            .inbox
            .iter()
            .map(|m| {
                let mut m = m.clone();
                // Keep the report short: say how many diagnostics, not which.
                if let Some(d) = m.pointer_mut("/params/diagnostics") {
                    *d = json!(d.as_array().map_or(0, Vec::len));
                }
                m.to_string()
            })
            .collect();
        format!(
            "no {what}: {why}\nunread messages:\n{}\nserver log:\n{}",
            seen.join("\n"),
            self.log()
        )
    }

    pub fn open(&mut self, uri: &str, language: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": language, "version": version, "text": text,
            }}),
        );
    }

    pub fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": changes,
            }),
        );
    }

    pub fn symbols(&mut self, uri: &str) -> Value {
        let response = self.request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": uri } }),
        );
        assert!(response.get("error").is_none(), "{response}");
        response["result"].clone()
    }

    /// `shutdown`, `exit`, and the exit status.
    pub fn shutdown_and_exit(mut self) -> ExitStatus {
        let response = self.request("shutdown", Value::Null);
        assert!(response.get("error").is_none(), "{response}");
        assert_eq!(response["result"], Value::Null, "{response}");
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    pub fn wait_exit(mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(Instant::now() < deadline, "server did not exit");
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log_file).unwrap_or_default()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.log_file);
    }
}

pub fn uri(name: &str) -> String {
    format!("file:///work/{name}")
}

/// UTF-16 width of `s`.
pub fn utf16(s: &str) -> u32 {
    s.encode_utf16().count() as u32
}

/// The LSP position of byte `offset` in `text`, columns in UTF-16 units.
pub fn position16(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    json!({ "line": line, "character": utf16(&before[line_start..]) })
}

/// Byte offset → LSP position in `encoding` (`utf-8`, `utf-16`, `utf-32`),
/// worked out apart from the server (the texts here use `\n` only).
pub fn position(text: &str, offset: usize, encoding: &str) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let column = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let character = match encoding {
        "utf-8" => column.len(),
        "utf-16" => column.encode_utf16().count(),
        "utf-32" => column.chars().count(),
        _ => unreachable!("{encoding}"),
    };
    json!({ "line": line, "character": character })
}
