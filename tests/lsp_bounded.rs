//! Issue 26 in the editor: large documents of pathological shape leave the
//! server alive and answering, with at most `maxDiagnostics` diagnostics
//! published and no rules run above `maxDocumentSize`.

mod lsp_client;
mod shapes;

use lsp_client::Client;
use serde_json::{json, Value};

const MAX_DIAGNOSTICS: usize = 50;
const MAX_DOCUMENT_SIZE: usize = 256 << 10;

fn start() -> Client {
    let mut client = Client::spawn();
    let response = client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": null,
            "capabilities": {},
            "initializationOptions": {
                "debounceMs": 0,
                "maxDiagnostics": MAX_DIAGNOSTICS,
                "maxDocumentSize": MAX_DOCUMENT_SIZE,
            },
        }),
    );
    assert!(response.get("error").is_none(), "{response}");
    client.notify("initialized", json!({}));
    client
}

fn codes(diagnostics: &Value) -> Vec<&str> {
    diagnostics["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap_or(""))
        .collect()
}

#[test]
fn pathological_documents_get_bounded_diagnostics_and_an_answering_server() {
    let mut client = start();
    // Under the size limit: the rules run and find three faults a line.
    for (name, make) in [
        (
            "heading-lines",
            shapes::heading_lines as fn(usize) -> String,
        ),
        ("one-line-headings", shapes::one_line_headings),
        ("random-markers", shapes::random_markers),
    ] {
        let uri = format!("file:///tmp/baogao-bounded/{name}.txt");
        client.open(&uri, "plaintext", 1, &make(200 << 10));
        let published = client.diagnostics(&uri, Some(1));
        let codes = codes(&published);
        assert!(
            codes.len() <= MAX_DIAGNOSTICS + 1,
            "{name}: {}",
            codes.len()
        );
        if name != "random-markers" {
            // The findings left out are counted in one more, last.
            assert_eq!(codes.len(), MAX_DIAGNOSTICS + 1, "{name}");
            assert_eq!(codes.last(), Some(&"limit"), "{name}");
        }
        assert!(client.symbols(&uri).is_array(), "{name}");
    }
    // Over it: the outline and one notice.
    let uri = "file:///tmp/baogao-bounded/large.txt";
    client.open(
        uri,
        "plaintext",
        1,
        &shapes::heading_lines(2 * MAX_DOCUMENT_SIZE),
    );
    let published = client.diagnostics(uri, Some(1));
    assert_eq!(codes(&published), ["size"], "{published}");
    let symbols = client.symbols(uri);
    assert!(
        symbols.as_array().is_some_and(|s| !s.is_empty()),
        "{symbols}"
    );
    assert!(client.shutdown_and_exit().success());
}
