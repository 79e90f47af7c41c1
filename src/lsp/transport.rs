//! JSON-RPC over stdio: framing, dispatch to the tower-lsp service, and the
//! single writer of stdout.
//!
//! Why not `tower_lsp::Server`: it reads through tokio-util's `FramedRead`,
//! which ends the stream after the first decode error, so one malformed
//! message would stop the server. Here a bad frame gets its JSON-RPC error
//! (or a log line when there is nothing to answer) and reading goes on.
//!
//! Ordering: notifications (`didOpen`, `didChange`, …) run to completion one
//! after another, in the order received, so document edits can never be
//! reordered whatever their handlers do. Requests run as tasks of their own,
//! each started after every notification received before it. A panic in any
//! handler is caught here and answered with an internal error.
//!
//! Architecture invariant: a notification handler never waits for a reply
//! from the client (a `workspace/configuration` pull, a registration): the
//! reply would be read by the loop that is waiting for the handler. Such
//! exchanges run in spawned tasks.

use std::io::{self, BufRead, Read, Write};
use std::panic::AssertUnwindSafe;
use std::sync::mpsc as std_mpsc;
use std::thread;

use futures::{FutureExt, SinkExt, StreamExt};
use serde_json::Value;
use tokio::sync::mpsc;
use tower::Service;
use tower_lsp::jsonrpc::{Error, ErrorCode, Id, Request, Response};
use tower_lsp::{ClientSocket, LspService};

use super::log;
use super::panic::panic_message;
use super::server::Server;

/// Larger bodies are refused: a `Content-Length` this big is far more likely
/// a corrupt header than a real document (a 50 MB report is fine).
const MAX_CONTENT_LENGTH: usize = 1 << 30;

/// What the reader hands to the dispatcher.
enum Incoming {
    Request(Request),
    Response(Response),
}

/// What the writer puts on stdout.
enum Outgoing {
    /// A message's JSON body.
    Message(String),
    /// Everything sent before this is written and flushed; the writer stops.
    Stop,
}

/// A cloneable handle to the writer thread.
#[derive(Clone)]
struct Output(std_mpsc::Sender<Outgoing>);

impl Output {
    /// Encodes `message` here, straight to text: going through a `Value`
    /// would copy a large response (an outline of thousands of symbols)
    /// into a second tree first.
    fn send(&self, message: impl serde::Serialize) {
        match serde_json::to_string(&message) {
            // A send error means the writer has stopped (stdout closed):
            // there is no one left to tell.
            Ok(body) => {
                let _ = self.0.send(Outgoing::Message(body));
            }
            Err(err) => log::error(format_args!("cannot encode a message: {err}")),
        }
    }

    fn error(&self, id: Id, error: Error) {
        self.send(Response::from_error(id, error));
    }
}

/// Serves `service` on stdin/stdout until `exit` or end of input.
pub(crate) async fn serve(service: LspService<Server>, socket: ClientSocket) {
    let (out_tx, out_rx) = std_mpsc::channel();
    let output = Output(out_tx);
    let writer = thread::spawn(move || write_loop(io::stdout().lock(), out_rx));

    // A bounded queue: a client that floods the server is slowed down
    // rather than growing memory without limit.
    let (in_tx, in_rx) = mpsc::channel(256);
    let reader_output = output.clone();
    // Not joined: it blocks in `read` until stdin closes, which may be never
    // once `exit` has been handled.
    thread::spawn(move || read_loop(io::stdin().lock(), &in_tx, &reader_output));

    let (requests, responses) = socket.split();
    let forward_output = output.clone();
    let forward = tokio::spawn(async move {
        let mut requests = requests;
        while let Some(request) = requests.next().await {
            forward_output.send(request);
        }
    });

    dispatch(service, in_rx, responses, &output).await;

    forward.abort();
    let _ = output.0.send(Outgoing::Stop);
    if writer.join().is_err() {
        log::error("the stdout writer panicked");
    }
}

async fn dispatch(
    mut service: LspService<Server>,
    mut incoming: mpsc::Receiver<Incoming>,
    mut responses: impl futures::Sink<Response> + Unpin,
    output: &Output,
) {
    while let Some(message) = incoming.recv().await {
        let request = match message {
            Incoming::Response(response) => {
                if responses.send(response).await.is_err() {
                    break;
                }
                continue;
            }
            Incoming::Request(request) => request,
        };
        // Waits while `initialize` is being handled, as the protocol asks.
        if futures::future::poll_fn(|cx| service.poll_ready(cx))
            .await
            .is_err()
        {
            break;
        }
        let method = request.method().to_owned();
        let id = request.id().cloned();
        // Notifications run in line, in order. So do `initialize` and
        // `shutdown`: what comes after them must see the state they set.
        let in_line = id.is_none() || matches!(method.as_str(), "initialize" | "shutdown");
        let exit = method == "exit";
        let call = AssertUnwindSafe(service.call(request)).catch_unwind();
        let answer = {
            let output = output.clone();
            async move {
                match call.await {
                    Ok(Ok(Some(response))) => output.send(response),
                    Ok(Ok(None) | Err(_)) => {}
                    Err(panic) => {
                        let message = panic_message(&*panic);
                        log::error(format_args!("handler for {method} panicked: {message}"));
                        if let Some(id) = id {
                            output.error(id, internal_error(&method, &message));
                        }
                    }
                }
            }
        };
        if in_line {
            answer.await;
            if exit {
                break;
            }
        } else {
            tokio::spawn(answer);
        }
    }
}

fn internal_error(method: &str, message: &str) -> Error {
    Error {
        code: ErrorCode::InternalError,
        message: format!("internal error in {method}: {message}").into(),
        data: None,
    }
}

fn write_loop(mut stdout: impl Write, messages: std_mpsc::Receiver<Outgoing>) {
    while let Ok(Outgoing::Message(body)) = messages.recv() {
        let written = write!(stdout, "Content-Length: {}\r\n\r\n{body}", body.len())
            .and_then(|()| stdout.flush());
        if let Err(err) = written {
            log::error(format_args!("cannot write to stdout: {err}"));
            return;
        }
    }
}

/// Reads frames until end of input, sending well-formed messages on and
/// answering malformed ones. Runs on its own thread: stdin reads block.
fn read_loop(stdin: impl BufRead, incoming: &mpsc::Sender<Incoming>, output: &Output) {
    let mut frames = FrameReader::new(stdin);
    loop {
        match frames.next_frame() {
            Ok(Some(body)) => match classify(&body) {
                Ok(message) => {
                    if incoming.blocking_send(message).is_err() {
                        return; // the dispatcher has stopped (`exit`)
                    }
                }
                Err((id, error)) => {
                    log::warn(format_args!("bad message: {}", error.message));
                    output.error(id, error);
                }
            },
            Ok(None) => return,
            Err(FrameError::Header(problem)) => {
                log::warn(format_args!("bad message header: {problem}"));
                output.error(
                    Id::Null,
                    Error {
                        code: ErrorCode::ParseError,
                        message: format!("bad message header: {problem}").into(),
                        data: None,
                    },
                );
            }
            Err(FrameError::Io(err)) => {
                log::error(format_args!("cannot read stdin: {err}"));
                return;
            }
        }
    }
}

/// Sorts a frame's body into a request or notification, a response to one
/// of ours, or the JSON-RPC error it deserves.
fn classify(body: &[u8]) -> Result<Incoming, (Id, Error)> {
    let value: Value = serde_json::from_slice(body).map_err(|err| {
        let error = Error {
            code: ErrorCode::ParseError,
            message: format!("invalid JSON: {err}").into(),
            data: None,
        };
        (Id::Null, error)
    })?;
    let id = value
        .get("id")
        .and_then(|id| serde_json::from_value::<Id>(id.clone()).ok())
        .unwrap_or(Id::Null);
    let invalid = |why: String| {
        let error = Error {
            code: ErrorCode::InvalidRequest,
            message: why.into(),
            data: None,
        };
        (id.clone(), error)
    };
    let Some(object) = value.as_object() else {
        return Err(invalid("a message must be a JSON object".to_owned()));
    };
    if object.contains_key("method") {
        let mut value = value;
        // `"params": null` is how some clients say "no params" (for
        // `shutdown`, `exit`); tower-lsp would refuse it.
        if let Some(object) = value.as_object_mut() {
            if object.get("params").is_some_and(Value::is_null) {
                object.remove("params");
            }
        }
        if value.get("method").and_then(Value::as_str) == Some("initialize") {
            spell_workspace_diagnostics(&mut value);
        }
        serde_json::from_value(value)
            .map(Incoming::Request)
            .map_err(|err| invalid(format!("invalid request: {err}")))
    } else if object.contains_key("result") || object.contains_key("error") {
        serde_json::from_value(value)
            .map(Incoming::Response)
            .map_err(|err| invalid(format!("invalid response: {err}")))
    } else {
        Err(invalid(
            "a message needs a method, a result or an error".to_owned(),
        ))
    }
}

/// LSP 3.17 names the client's diagnostic refresh support
/// `workspace.diagnostics`, as VS Code and Neovim send it; lsp-types 0.94
/// reads `workspace.diagnostic`. Copies the one to the other so the server
/// sees what the client said.
fn spell_workspace_diagnostics(initialize: &mut Value) {
    let Some(workspace) = initialize
        .pointer_mut("/params/capabilities/workspace")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    if !workspace.contains_key("diagnostic") {
        if let Some(diagnostics) = workspace.get("diagnostics").cloned() {
            workspace.insert("diagnostic".to_owned(), diagnostics);
        }
    }
}

#[derive(Debug)]
enum FrameError {
    /// The header block was unusable; the reader has moved past it.
    Header(String),
    Io(io::Error),
}

/// Splits the byte stream into `Content-Length` framed bodies, resynchronising
/// on the next `Content-Length` header after garbage.
struct FrameReader<R> {
    input: R,
    line: Vec<u8>,
}

impl<R: BufRead> FrameReader<R> {
    fn new(input: R) -> Self {
        Self {
            input,
            line: Vec::new(),
        }
    }

    /// The next body, `None` at end of input.
    fn next_frame(&mut self) -> Result<Option<Vec<u8>>, FrameError> {
        let mut length: Option<Result<usize, String>> = None;
        let mut in_header = false;
        loop {
            self.line.clear();
            let read = self
                .input
                .read_until(b'\n', &mut self.line)
                .map_err(FrameError::Io)?;
            if read == 0 {
                return match in_header {
                    true => Err(FrameError::Header("input ended inside a header".into())),
                    false => Ok(None),
                };
            }
            let line = trim_line_end(&self.line);
            if line.is_empty() {
                if !in_header {
                    continue; // stray blank lines between messages
                }
                return match length {
                    Some(Ok(length)) => self.read_body(length).map(Some),
                    Some(Err(problem)) => Err(FrameError::Header(problem)),
                    None => Err(FrameError::Header("no Content-Length header".into())),
                };
            }
            let (skipped, header) = split_garbage(line);
            if skipped > 0 {
                log::warn(format_args!(
                    "skipped {skipped} bytes of garbage in the input"
                ));
            }
            let Some(header) = header else {
                continue;
            };
            in_header = true;
            if let Some(value) = header_value(header, b"content-length") {
                length = Some(parse_length(value));
            }
        }
    }

    fn read_body(&mut self, length: usize) -> Result<Vec<u8>, FrameError> {
        let mut body = Vec::with_capacity(length.min(1 << 20));
        let read = (&mut self.input)
            .take(length as u64)
            .read_to_end(&mut body)
            .map_err(FrameError::Io)?;
        if read < length {
            return Err(FrameError::Header(format!(
                "input ended after {read} of {length} body bytes"
            )));
        }
        Ok(body)
    }
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Splits a line into the garbage before a header and the header itself. A
/// line is a header when it is `Name: value` with a token name; otherwise the
/// header may still follow garbage on the same line (a body shorter than its
/// `Content-Length` said leaves its tail before the next header).
fn split_garbage(line: &[u8]) -> (usize, Option<&[u8]>) {
    if is_header(line) {
        return (0, Some(line));
    }
    let lower = line.to_ascii_lowercase();
    match lower
        .windows(b"content-length:".len())
        .position(|w| w == b"content-length:")
    {
        Some(at) => (at, line.get(at..)),
        None => (line.len(), None),
    }
}

fn is_header(line: &[u8]) -> bool {
    match line.iter().position(|&b| b == b':') {
        Some(colon) if colon > 0 => line
            .iter()
            .take(colon)
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-'),
        _ => false,
    }
}

fn header_value<'a>(line: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let colon = line.iter().position(|&b| b == b':')?;
    let (key, value) = line.split_at(colon);
    key.eq_ignore_ascii_case(name)
        .then(|| value.get(1..).unwrap_or_default().trim_ascii())
}

fn parse_length(value: &[u8]) -> Result<usize, String> {
    let text = String::from_utf8_lossy(value);
    match text.parse::<usize>() {
        Ok(length) if length <= MAX_CONTENT_LENGTH => Ok(length),
        Ok(length) => Err(format!(
            "Content-Length {length} exceeds the limit of {MAX_CONTENT_LENGTH} bytes"
        )),
        Err(_) => Err(format!("invalid Content-Length {text:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<Result<String, String>> {
        let mut reader = FrameReader::new(input.as_bytes());
        let mut out = Vec::new();
        loop {
            match reader.next_frame() {
                Ok(Some(body)) => out.push(Ok(String::from_utf8(body).unwrap())),
                Ok(None) => return out,
                Err(FrameError::Header(p)) => out.push(Err(p)),
                Err(FrameError::Io(e)) => panic!("{e}"),
            }
        }
    }

    #[test]
    fn reads_consecutive_frames_with_any_header_case() {
        let input = "Content-Length: 2\r\n\r\n{}content-length: 4\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\nnull";
        assert_eq!(frames(input), vec![Ok("{}".into()), Ok("null".into())]);
    }

    #[test]
    fn recovers_after_short_and_missing_lengths() {
        // The first body is one byte longer than announced: its last byte is
        // garbage glued to the next header.
        let input = "Content-Length: 2\r\n\r\n{}}Content-Length: 2\r\n\r\n[]\r\nX-Other: 1\r\n\r\nContent-Length: x\r\n\r\nContent-Length: 1\r\n\r\n1";
        assert_eq!(
            frames(input),
            vec![
                Ok("{}".into()),
                Ok("[]".into()),
                Err("no Content-Length header".into()),
                Err("invalid Content-Length \"x\"".into()),
                Ok("1".into()),
            ]
        );
    }

    #[test]
    fn truncated_body_is_an_error_not_a_hang() {
        assert_eq!(
            frames("Content-Length: 10\r\n\r\n{}"),
            vec![Err("input ended after 2 of 10 body bytes".into())]
        );
    }

    #[test]
    fn reads_the_specs_spelling_of_diagnostic_refresh_support() {
        let body = br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":
            {"capabilities":{"workspace":{"diagnostics":{"refreshSupport":true}}}}}"#;
        let Ok(Incoming::Request(request)) = classify(body) else {
            panic!("initialize not read as a request")
        };
        let params = request.params().cloned().unwrap_or_default();
        let initialize: tower_lsp::lsp_types::InitializeParams =
            serde_json::from_value(params).unwrap_or_else(|err| panic!("{err}"));
        let refresh = initialize
            .capabilities
            .workspace
            .and_then(|w| w.diagnostic)
            .and_then(|d| d.refresh_support);
        assert_eq!(refresh, Some(true));
    }

    #[test]
    fn classifies_messages() {
        assert!(matches!(
            classify(br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#),
            Ok(Incoming::Request(_))
        ));
        assert!(matches!(
            classify(br#"{"jsonrpc":"2.0","id":1,"result":null}"#),
            Ok(Incoming::Response(_))
        ));
        let Err((id, error)) = classify(b"{\"jsonrpc\":") else {
            panic!("accepted invalid JSON")
        };
        assert_eq!((id, error.code), (Id::Null, ErrorCode::ParseError));
        let Err((id, error)) = classify(br#"{"jsonrpc":"2.0","id":7}"#) else {
            panic!("accepted a message without a method")
        };
        assert_eq!((id, error.code), (Id::Number(7), ErrorCode::InvalidRequest));
        let Err((_, error)) = classify(b"[1,2]") else {
            panic!("accepted a batch")
        };
        assert_eq!(error.code, ErrorCode::InvalidRequest);
    }
}
