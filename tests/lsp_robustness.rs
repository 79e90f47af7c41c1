//! Trying hard to break the server: malformed frames and JSON, unknown
//! methods, bad edits, floods, huge documents, requests after shutdown. Each
//! gets the answer the protocol asks for and the server keeps serving the
//! exact text the client sent.

mod fixture;
mod lsp_client;

use std::time::{Duration, Instant};

use fixture::fixture;
use lsp_client::{uri, Client};
use serde_json::{json, Value};

const DOC: &str = "各位代表:\n一、😀工作回顾\n（一）加强立法\n二、明年任务\n";

fn started() -> Client {
    let (mut client, _) = Client::start(json!({}));
    client.open(&uri("doc"), "plaintext", 1, DOC);
    client
}

/// The names in the document's outline, depth first.
fn names(client: &mut Client, doc: &str) -> Vec<String> {
    fn walk(symbols: &Value, out: &mut Vec<String>) {
        for s in symbols.as_array().into_iter().flatten() {
            out.push(s["name"].as_str().unwrap().to_owned());
            walk(&s["children"], out);
        }
    }
    let mut out = Vec::new();
    walk(&client.symbols(doc), &mut out);
    out
}

fn error_code(response: &Value) -> i64 {
    response["error"]["code"]
        .as_i64()
        .unwrap_or_else(|| panic!("expected an error: {response}"))
}

fn assert_still_serving(client: &mut Client) {
    let names = names(client, &uri("doc"));
    assert!(names.contains(&"一、😀工作回顾".to_owned()), "{names:?}");
}

#[test]
fn malformed_json_gets_a_parse_error_and_the_server_goes_on() {
    let mut client = started();
    let bad = r#"{"jsonrpc":"2.0","id":5,"method":"#;
    client.send_raw(format!("Content-Length: {}\r\n\r\n{bad}", bad.len()).as_bytes());
    let response = client.response(&Value::Null);
    assert_eq!(error_code(&response), -32700);
    // Valid JSON that is no request: Invalid Request, with the id it had.
    client.send(&json!({ "jsonrpc": "2.0", "id": 77 }));
    assert_eq!(error_code(&client.response(&json!(77))), -32600);
    client.send(&json!([1, 2, 3]));
    assert_eq!(error_code(&client.response(&Value::Null)), -32600);
    // Invalid UTF-8 in a body.
    client.send_raw(b"Content-Length: 4\r\n\r\n\xff\xfe{}");
    assert_eq!(error_code(&client.response(&Value::Null)), -32700);
    assert_still_serving(&mut client);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn wrong_and_missing_content_length_are_survived() {
    let mut client = started();
    // Missing and unparsable lengths.
    client.send_raw(b"Content-Type: application/vscode-jsonrpc\r\n\r\n");
    assert_eq!(error_code(&client.response(&Value::Null)), -32700);
    client.send_raw(b"Content-Length: lots\r\n\r\n");
    assert_eq!(error_code(&client.response(&Value::Null)), -32700);
    client.send_raw(b"Content-Length: 99999999999999999999\r\n\r\n");
    assert_eq!(error_code(&client.response(&Value::Null)), -32700);
    assert_still_serving(&mut client);
    // Too short: the body is cut, its tail is garbage before the next header.
    let body = json!({ "jsonrpc": "2.0", "id": 90, "method": "shutdown" }).to_string();
    client.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len() - 3).as_bytes());
    assert_eq!(error_code(&client.response(&Value::Null)), -32700);
    assert_still_serving(&mut client);
    // Too long: the body swallows the start of the next message. Both are
    // lost; the one after them is served.
    let next = json!({ "jsonrpc": "2.0", "method": "$/nothing" }).to_string();
    client.send_raw(format!("Content-Length: {}\r\n\r\n{{}}", 2 + 10).as_bytes());
    client.send_raw(format!("Content-Length: {}\r\n\r\n{next}", next.len()).as_bytes());
    assert_eq!(error_code(&client.response(&Value::Null)), -32700);
    assert_still_serving(&mut client);
}

#[test]
fn unknown_methods_and_unopened_documents() {
    let mut client = started();
    let response = client.request("baogao/noSuchThing", json!({}));
    assert_eq!(error_code(&response), -32601);
    // Unknown notifications, `$/` ones included, are ignored without reply.
    client.notify("$/setTrace", json!({ "value": "off" }));
    client.notify("baogao/noSuchNotification", json!({}));
    let response = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri("never-opened") } }),
    );
    assert_eq!(error_code(&response), -32602);
    assert!(response["error"]["message"]
        .as_str()
        .unwrap()
        .contains("not open"));
    // Wrong params for a known method.
    let response = client.request("textDocument/documentSymbol", json!({ "textDocument": 3 }));
    assert_eq!(error_code(&response), -32602);
    // Changing or closing a document that is not open is logged and ignored.
    client.change(&uri("never-opened"), 2, json!([{ "text": "x" }]));
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri("never-opened") } }),
    );
    let logged = client
        .wait(|m| m["method"] == "window/logMessage")
        .expect("a logMessage about the unknown document");
    assert!(logged["params"]["message"]
        .as_str()
        .unwrap()
        .contains("not open"));
    assert_still_serving(&mut client);
}

#[test]
fn requests_before_initialize_and_after_shutdown() {
    let mut client = Client::spawn();
    let response = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri("doc") } }),
    );
    assert_eq!(error_code(&response), -32002, "server not initialized");
    client.initialize(json!({}));
    client.open(&uri("doc"), "plaintext", 1, DOC);
    let response = client.request("shutdown", json!(null));
    assert!(response.get("error").is_none(), "{response}");
    let response = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri("doc") } }),
    );
    assert_eq!(
        error_code(&response),
        -32600,
        "invalid request after shutdown"
    );
    client.notify("exit", json!(null));
    assert_eq!(client.wait_exit().code(), Some(0));
}

#[test]
fn out_of_range_and_backward_edits_never_corrupt_the_text() {
    let mut client = started();
    let doc = uri("doc");
    // A position past the end is clamped to the end, and logged.
    client.change(
        &doc,
        2,
        json!([{ "range": { "start": { "line": 99, "character": 3 },
                            "end": { "line": 99, "character": 3 } },
                 "text": "三、新增一节\n" }]),
    );
    let logged = client.wait(|m| m["method"] == "window/logMessage").unwrap();
    assert!(logged["params"]["message"]
        .as_str()
        .unwrap()
        .contains("past the end"));
    // A column inside the emoji's surrogate pair moves to the emoji's start.
    client.change(
        &doc,
        3,
        json!([{ "range": { "start": { "line": 1, "character": 3 },
                            "end": { "line": 1, "character": 3 } },
                 "text": "★" }]),
    );
    // A change whose version goes backwards is ignored.
    client.change(&doc, 2, json!([{ "text": "一、被忽略\n" }]));
    let logged = client
        .wait(|m| {
            m["method"] == "window/logMessage"
                && m["params"]["message"]
                    .as_str()
                    .unwrap()
                    .contains("not newer")
        })
        .unwrap();
    assert!(logged["params"]["message"]
        .as_str()
        .unwrap()
        .contains("version 2"));
    let names = names(&mut client, &doc);
    assert!(names.contains(&"一、★😀工作回顾".to_owned()), "{names:?}");
    assert!(names.contains(&"三、新增一节".to_owned()), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("被忽略")), "{names:?}");
}

#[test]
fn a_burst_of_edits_applies_in_order() {
    let mut client = started();
    let doc = uri("doc");
    // Each edit inserts after the previous one's text, so any reordering
    // would scramble the digits.
    let line = 3; // 二、明年任务
    let start = "二、明年任务".encode_utf16().count() as u32;
    let mut expected = "二、明年任务".to_owned();
    for i in 0..1000u32 {
        let digit = char::from_digit(i % 10, 10).unwrap();
        expected.push(digit);
        client.change(
            &doc,
            2 + i as i64,
            json!([{ "range": { "start": { "line": line, "character": start + i },
                                "end": { "line": line, "character": start + i } },
                     "text": digit.to_string() }]),
        );
    }
    let names = names(&mut client, &doc);
    assert!(names.contains(&expected), "{:?}", names.last());
    // Diagnostics reach the last version, and no publication ever goes back
    // to an older version than one already published. (With the debounce,
    // usually only the last version is published at all.)
    let published = client.diagnostics(&doc, Some(1001));
    assert_eq!(published["version"], 1001);
    // The inbox holds what arrived before that publication; then what after.
    let before = client.inbox.len();
    client.drain(Duration::from_millis(400));
    let version = |m: &Value| {
        (m["method"] == "textDocument/publishDiagnostics")
            .then(|| m["params"]["version"].as_i64())
            .flatten()
    };
    let versions: Vec<i64> = client
        .inbox
        .iter()
        .take(before)
        .filter_map(version)
        .chain([1001])
        .chain(client.inbox.iter().skip(before).filter_map(version))
        .collect();
    assert!(
        versions.windows(2).all(|w| w[0] < w[1]),
        "out-of-order or repeated publications: {versions:?}"
    );
}

/// A 50 MB document is taken in, edited at its far end and cut back, and the
/// text the server then holds is exactly the client's: its outline is that
/// of a fresh open of the same text. (Pull diagnostics, so nothing analyses
/// the 50 MB versions in the background: the analysis of that much text is
/// the core's business and measured by its benchmark.)
#[test]
fn a_50_mb_document_is_held_exactly() {
    let (mut client, _) = Client::start(json!({ "textDocument": { "diagnostic": {} } }));
    client.open(&uri("doc"), "plaintext", 1, DOC);
    let filler_line = "常委会坚持依法履职,担当作为,为全市经济社会发展作出积极贡献。😀\n";
    let filler_lines = 50 * 1024 * 1024 / filler_line.len() + 1;
    let tail = fixture("renda-nantong.txt");
    let big = filler_line.repeat(filler_lines) + &tail;
    assert!(big.len() >= 50 * 1024 * 1024);
    let started = Instant::now();
    client.open(&uri("big"), "plaintext", 1, &big);
    // Other documents are served meanwhile.
    assert_still_serving(&mut client);
    // An edit at the very end, after 50 MB of CJK and emoji.
    let last_line = (filler_lines + tail.lines().count()) as u32;
    let closing = "各位代表,谢谢!\n";
    client.change(
        &uri("big"),
        2,
        json!([{ "range": { "start": { "line": last_line, "character": 0 },
                            "end": { "line": last_line, "character": 0 } },
                 "text": closing }]),
    );
    // Cut the filler away.
    client.change(
        &uri("big"),
        3,
        json!([{ "range": { "start": { "line": 0, "character": 0 },
                            "end": { "line": filler_lines, "character": 0 } },
                 "text": "" }]),
    );
    let held = client.symbols(&uri("big"));
    eprintln!(
        "50 MB document: opened, edited and cut in {:?}",
        started.elapsed()
    );
    client.open(&uri("fresh"), "plaintext", 1, &(tail + closing));
    assert_eq!(held, client.symbols(&uri("fresh")));
    assert_still_serving(&mut client);
}
