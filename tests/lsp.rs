//! The language server as an editor sees it: the built binary, framed
//! JSON-RPC on its stdio, real reports from tests/fixtures.

mod cli_run;
mod fixture;
mod lsp_client;

use std::path::Path;

use fixture::fixture;
use lsp_client::{position, position16, uri, utf16, Client};
use serde_json::{json, Value};

fn offering(encodings: &[&str]) -> Value {
    json!({ "general": { "positionEncodings": encodings } })
}

#[test]
fn lifecycle_capabilities_and_clean_exit() {
    let (client, init) = Client::start(json!({}));
    let caps = &init["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    for provider in [
        "documentSymbolProvider",
        "foldingRangeProvider",
        "selectionRangeProvider",
        "workspaceSymbolProvider",
    ] {
        assert!(!caps[provider].is_null(), "{provider} missing: {caps}");
    }
    assert!(
        caps["diagnosticProvider"].is_null(),
        "no pull diagnostics for a client without them"
    );
    assert_eq!(init["serverInfo"]["name"], "baogao");
    // The log goes to --log-file, never to stdout.
    let log = client.log();
    assert!(log.contains("initialize: client baogao-tests"), "{log}");
    let status = client.shutdown_and_exit();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn an_unwritable_log_file_is_a_clear_error() {
    let output = cli_run::baogao_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["lsp", "--log-file", "/nonexistent-dir/baogao.log"],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot open log file /nonexistent-dir/baogao.log"),
        "{stderr}"
    );
}

#[test]
fn exit_without_shutdown_is_status_1() {
    let (mut client, _) = Client::start(json!({}));
    client.notify("exit", Value::Null);
    assert_eq!(client.wait_exit().code(), Some(1));
}

#[test]
fn negotiates_the_best_offered_encoding() {
    for (offer, expect) in [
        (vec!["utf-16"], "utf-16"),
        (vec!["utf-16", "utf-8"], "utf-8"),
        (vec!["utf-32", "utf-16"], "utf-32"),
    ] {
        let (client, init) = Client::start(offering(&offer));
        assert_eq!(
            init["capabilities"]["positionEncoding"], expect,
            "{offer:?}"
        );
        drop(client);
    }
}

/// The outline a client gets is the CLI's `outline --json`, node for node,
/// with positions in whatever encoding was negotiated.
#[test]
fn outline_matches_the_cli_in_each_encoding() {
    for name in [
        "renda-nantong.txt",
        "zhengfu-beijing-2026.txt",
        "zhengxie-suzhou.txt",
        "compilation-22.txt",
    ] {
        let text = fixture(name);
        let path = fixture::dir().join(name);
        let cli = cli_run::baogao_in(
            &fixture::dir(),
            &["outline", "--json", &path.to_string_lossy()],
            None,
        );
        assert!(
            cli.status.success(),
            "{}",
            String::from_utf8_lossy(&cli.stderr)
        );
        let cli: Value = serde_json::from_slice(&cli.stdout).unwrap();
        let reports = cli["reports"].as_array().unwrap();
        for encoding in ["utf-16", "utf-8", "utf-32"] {
            let (mut client, _) = Client::start(offering(&[encoding]));
            client.open(&uri(name), "plaintext", 1, &text);
            let symbols = client.symbols(&uri(name));
            let symbols = symbols.as_array().unwrap();
            assert_eq!(symbols.len(), reports.len(), "{name}");
            for (symbol, report) in symbols.iter().zip(reports) {
                let title = report["title"]["text"].as_str();
                let expected_name = title.unwrap_or(report["kind_name"].as_str().unwrap());
                assert_eq!(symbol["name"], expected_name, "{name}");
                assert_eq!(symbol["kind"], 2, "a report is a Module");
                assert!(symbol["detail"]
                    .as_str()
                    .unwrap()
                    .starts_with(report["kind_name"].as_str().unwrap()));
                assert_range(&text, encoding, &symbol["range"], &report["range"]);
                compare_nodes(&text, encoding, &symbol["children"], &report["nodes"]);
            }
            drop(client);
        }
    }
}

fn compare_nodes(text: &str, encoding: &str, symbols: &Value, nodes: &Value) {
    let (symbols, nodes) = (symbols.as_array().unwrap(), nodes.as_array().unwrap());
    assert_eq!(symbols.len(), nodes.len());
    for (symbol, node) in symbols.iter().zip(nodes) {
        let marker = node["marker"].as_str().unwrap_or("");
        let label = node["label"].as_str().unwrap();
        assert_eq!(symbol["name"], format!("{marker}{label}"));
        let kind = match (
            node["role"].as_str().unwrap(),
            node["level"].as_str().unwrap(),
        ) {
            (role, _) if role != "heading" => 3,
            (_, "h1") => 5,
            (_, "h2") => 6,
            (_, "h3") => 12,
            (_, "h4") => 7,
            (_, "item") => 8,
            (_, level) => panic!("unexpected level {level}"),
        };
        assert_eq!(symbol["kind"], kind, "{}", symbol["name"]);
        assert_range(text, encoding, &symbol["range"], &node["range"]);
        assert_range(text, encoding, &symbol["selectionRange"], &node["heading"]);
        compare_nodes(text, encoding, &symbol["children"], &node["children"]);
    }
}

/// `lsp` is an LSP range; `span` the CLI's byte span of the same thing.
fn assert_range(text: &str, encoding: &str, lsp: &Value, span: &Value) {
    let start = span["start"].as_u64().unwrap() as usize;
    let end = span["end"].as_u64().unwrap() as usize;
    assert_eq!(
        lsp["start"],
        position(text, start, encoding),
        "start of {span}"
    );
    assert_eq!(lsp["end"], position(text, end, encoding), "end of {span}");
}

#[test]
fn outline_of_a_congress_report_by_hand() {
    let text = fixture("renda-nantong.txt");
    let (mut client, _) = Client::start(json!({}));
    client.open(&uri("nantong"), "plaintext", 1, &text);
    let symbols = client.symbols(&uri("nantong"));
    let root = &symbols[0];
    assert_eq!(root["name"], "南通市人民代表大会常务委员会工作报告");
    assert_eq!(root["detail"], "人大常委会工作报告 · 49 项数据");
    let children = root["children"].as_array().unwrap();
    let names: Vec<&str> = children
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.first(), Some(&"各位代表"));
    let review = children
        .iter()
        .find(|c| c["name"] == "一、2022年的主要工作")
        .expect("review part");
    assert_eq!(review["kind"], 3, "a part is a Namespace");
    assert_eq!(review["detail"], "工作回顾 · 47 项数据");
    // Line 4 of the file (0-based 3), from column 0 to the end of the heading.
    assert_eq!(
        review["selectionRange"],
        json!({ "start": { "line": 3, "character": 0 },
                "end": { "line": 3, "character": utf16("一、2022年的主要工作") } })
    );
    let first = &review["children"][0];
    assert_eq!(
        first["name"],
        "(一)加强党的创新理论武装,坚定自觉坚持党的全面领导"
    );
    assert_eq!(first["kind"], 6, "a (一) heading is a Method");
}

/// A change in UTF-16 coordinates, computed on `model` (which it also edits).
fn edit(model: &mut String, at: usize, delete: usize, insert: &str) -> Value {
    let change = json!({
        "range": { "start": position16(model, at), "end": position16(model, at + delete) },
        "text": insert,
    });
    model.replace_range(at..at + delete, insert);
    change
}

#[test]
fn incremental_edits_after_cjk_and_emoji_give_the_outline_of_the_final_text() {
    let text = fixture("renda-nantong.txt");
    let (mut client, _) = Client::start(json!({}));
    let doc = uri("edited");
    client.open(&doc, "plaintext", 1, &text);
    let mut model = text.clone();
    let mut version = 1;
    let mut send = |client: &mut Client, change: Value| {
        version += 1;
        client.change(&doc, version, json!([change]));
    };

    // An astral character into a heading, then edits after it on that line.
    let at = model.find("(一)加强").unwrap() + "(一)".len();
    let change = edit(&mut model, at, 0, "😀");
    send(&mut client, change);
    let at = model.find("😀加强").unwrap() + "😀".len();
    let change = edit(&mut model, at, "加强".len(), "全面加强");
    send(&mut client, change);
    // A new section, with CJK, an emoji and a CRLF, before (二).
    let at = model.find("(二)发挥").unwrap();
    let change = edit(&mut model, at, 0, "(二)新增😀一节\r\n");
    send(&mut client, change);
    // Renumber the tasks part, and delete across a line break.
    let at = model.find("二、2023年").unwrap();
    let change = edit(&mut model, at, "二".len(), "三");
    send(&mut client, change);
    let from = model.find("健全吸纳民意").unwrap();
    let to = model.find("建好直通直达").unwrap() + "建好".len();
    let change = edit(&mut model, from, to - from, "");
    send(&mut client, change);
    // Several changes in one notification apply in order.
    version += 1;
    let first = edit(&mut model, 0, 0, "𠀀");
    let second = edit(&mut model, "𠀀".len(), 0, "报");
    client.change(&doc, version, json!([first, second]));

    let edited = client.symbols(&doc);
    client.open(&uri("fresh"), "plaintext", 1, &model);
    let fresh = client.symbols(&uri("fresh"));
    assert_eq!(edited, fresh);
    assert!(edited
        .to_string()
        .contains("(一)😀全面加强党的创新理论武装"));
    assert!(edited.to_string().contains("(二)新增😀一节"));
    assert!(edited.to_string().contains("三、2023年的主要任务"));
}

#[test]
fn utf8_session_counts_bytes() {
    let text = "各位代表:\n一、😀工作回顾\n(一)加强立法\n";
    let (mut client, _) = Client::start(offering(&["utf-8"]));
    client.open(&uri("utf8"), "plaintext", 1, text);
    // Replace `工作` (after a 4-byte emoji and 6 bytes of `一、`) by `履职`.
    client.change(
        &uri("utf8"),
        2,
        json!([{ "range": { "start": { "line": 1, "character": 10 },
                            "end": { "line": 1, "character": 16 } },
                 "text": "履职" }]),
    );
    let symbols = client.symbols(&uri("utf8"));
    let all = symbols.to_string();
    assert!(all.contains("一、😀履职回顾"), "{all}");
    let heading = find_symbol(&symbols, "(一)加强立法").expect("(一) heading");
    assert_eq!(
        heading["selectionRange"]["end"],
        json!({ "line": 2, "character": "(一)加强立法".len() })
    );
}

fn find_symbol<'a>(symbols: &'a Value, name: &str) -> Option<&'a Value> {
    symbols.as_array()?.iter().find_map(|s| {
        if s["name"] == name {
            Some(s)
        } else {
            find_symbol(&s["children"], name)
        }
    })
}

#[test]
fn folding_and_selection_ranges_follow_sections() {
    let text = fixture("renda-nantong.txt");
    let (mut client, _) = Client::start(json!({}));
    client.open(&uri("nantong"), "plaintext", 1, &text);
    let folds = client.request(
        "textDocument/foldingRange",
        json!({ "textDocument": { "uri": uri("nantong") } }),
    )["result"]
        .clone();
    let folds = folds.as_array().unwrap();
    // The review part runs from its heading (line 3) to the line before the thanks (31).
    assert!(
        folds
            .iter()
            .any(|f| f["startLine"] == 3 && f["endLine"] == 30 && f["kind"] == "region"),
        "{folds:?}"
    );
    // Expanding from inside a sentence of a (一) section's body.
    let offset = text.find("常态化开展学习教育").unwrap();
    let response = client.request(
        "textDocument/selectionRange",
        json!({ "textDocument": { "uri": uri("nantong") },
                "positions": [position16(&text, offset)] }),
    );
    let mut ranges = Vec::new();
    let mut next = Some(&response["result"][0]);
    while let Some(range) = next.filter(|r| !r.is_null()) {
        ranges.push(range["range"].clone());
        next = range.get("parent");
    }
    assert!(
        ranges.len() >= 5,
        "sentence, paragraph, sections, report: {ranges:?}"
    );
    let line_span = |r: &Value| {
        (
            r["start"]["line"].as_u64().unwrap(),
            r["end"]["line"].as_u64().unwrap(),
        )
    };
    // The sentence, then its paragraph (line 7), the (一) section (5-9), the
    // review part (3-30), the report.
    let sentence = &ranges[0];
    assert_eq!(
        sentence["start"],
        position16(&text, text.find("认真落实").unwrap())
    );
    assert_eq!(
        sentence["end"],
        position16(&text, offset + "常态化开展学习教育。".len())
    );
    assert_eq!(line_span(&ranges[1]), (7, 7));
    assert_eq!(line_span(&ranges[2]).0, 5);
    assert_eq!(line_span(&ranges[3]).0, 3);
    assert!(line_span(ranges.last().unwrap()).1 >= 40);
}

#[test]
fn workspace_symbols_span_open_documents() {
    let (mut client, _) = Client::start(json!({}));
    client.open(
        &uri("nantong"),
        "plaintext",
        1,
        &fixture("renda-nantong.txt"),
    );
    client.open(
        &uri("suzhou"),
        "plaintext",
        1,
        &fixture("zhengxie-suzhou.txt"),
    );
    let found =
        client.request("workspace/symbol", json!({ "query": "主要任务" }))["result"].clone();
    let found = found.as_array().unwrap();
    assert!(found.iter().any(|s| s["name"] == "二、2023年的主要任务"
        && s["location"]["uri"] == uri("nantong")
        && s["containerName"] == "南通市人民代表大会常务委员会工作报告"));
    assert!(found
        .iter()
        .all(|s| s["name"].as_str().unwrap().contains("主要任务")
            || s["name"].as_str().unwrap().contains('主')));
}

#[test]
fn settings_pulled_from_the_client_decide_which_files_are_served() {
    let mut client = Client::spawn();
    client.settings = json!({ "files": ["**/*.report"] });
    client.initialize(json!({ "workspace": { "configuration": true } }));
    let text = fixture("renda-nantong.txt");
    client.open(&uri("a.report"), "ini", 1, &text);
    client.open(&uri("b.ini"), "ini", 1, &text);
    client
        .wait(|m| m["method"] == "workspace/configuration")
        .expect("the server asks for its settings");
    // Served once the settings arrive: its diagnostics are published.
    client.diagnostics(&uri("a.report"), Some(1));
    assert!(client
        .symbols(&uri("a.report"))
        .as_array()
        .is_some_and(|s| !s.is_empty()));
    assert_eq!(
        client.symbols(&uri("b.ini")),
        Value::Null,
        "another language is not served"
    );
    // A settings change is pulled again.
    client.settings = json!({ "files": [] });
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": null }),
    );
    client
        .wait(|m| m["method"] == "workspace/configuration")
        .expect("the server asks again");
    // No longer served: its diagnostics are cleared, its outline is gone.
    let cleared = client.diagnostics(&uri("a.report"), None);
    assert_eq!(cleared["diagnostics"], json!([]));
    assert_eq!(client.symbols(&uri("a.report")), Value::Null);
}

#[test]
fn settings_pushed_without_configuration_support() {
    let (mut client, _) = Client::start(json!({}));
    let text = fixture("renda-nantong.txt");
    client.open(&uri("c.report"), "ini", 1, &text);
    assert_eq!(client.symbols(&uri("c.report")), Value::Null);
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "baogao": { "files": ["*.report", "**/*.report"] } } }),
    );
    assert!(client
        .symbols(&uri("c.report"))
        .as_array()
        .is_some_and(|s| !s.is_empty()));
    // A bad value is shown to the user; the rest still applies.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "baogao": { "files": ["**/*.report"], "kind": "novel" } } }),
    );
    let shown = client
        .wait(|m| m["method"] == "window/showMessage")
        .unwrap();
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(
        message.contains("`kind`") && message.contains("novel"),
        "{message}"
    );
    assert!(client
        .symbols(&uri("c.report"))
        .as_array()
        .is_some_and(|s| !s.is_empty()));
}

#[test]
fn diagnostics_are_pushed_per_version_and_cleared_on_close() {
    let (mut client, _) = Client::start(json!({}));
    let doc = uri("nantong");
    client.open(&doc, "plaintext", 1, &fixture("renda-nantong.txt"));
    let first = client.diagnostics(&doc, Some(1));
    assert!(first["diagnostics"].is_array());
    client.change(
        &doc,
        2,
        json!([{ "range": { "start": { "line": 0, "character": 0 },
                                              "end": { "line": 0, "character": 0 } },
                                   "text": "" }]),
    );
    client.diagnostics(&doc, Some(2));
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": doc } }),
    );
    let cleared = client.diagnostics(&doc, None);
    assert_eq!(cleared["diagnostics"], json!([]));
}

#[test]
fn pull_diagnostics_when_the_client_supports_them() {
    let (mut client, init) = Client::start(json!({
        "textDocument": { "diagnostic": {} },
        "workspace": { "diagnostics": { "refreshSupport": true } },
    }));
    assert_eq!(
        init["capabilities"]["diagnosticProvider"]["identifier"],
        "baogao"
    );
    let doc = uri("nantong");
    client.open(&doc, "plaintext", 1, &fixture("renda-nantong.txt"));
    let report = client.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": doc } }),
    );
    assert_eq!(report["result"]["kind"], "full", "{report}");
    assert!(report["result"]["items"].is_array());
    // New settings: the client is asked to pull again.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "baogao": { "rules": { "BG001": "off" } } } }),
    );
    client
        .wait(|m| m["method"] == "workspace/diagnostic/refresh")
        .expect("a refresh request");
    // Nothing is pushed as well.
    client.drain(std::time::Duration::from_millis(500));
    assert!(!client
        .inbox
        .iter()
        .any(|m| m["method"] == "textDocument/publishDiagnostics"));
}

fn cli_json(command: &str, name: &str) -> Value {
    let path = fixture::dir().join(name);
    let output = cli_run::baogao_in(
        &fixture::dir(),
        &[command, "--json", &path.to_string_lossy()],
        None,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn hover(client: &mut Client, doc: &str, position: Value) -> Value {
    let response = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": doc }, "position": position }),
    );
    assert!(response.get("error").is_none(), "{response}");
    response["result"].clone()
}

/// Hovering a heading shows the same summary as `baogao metrics`, for every
/// section of several reports.
#[test]
fn hover_on_a_heading_is_the_cli_section_summary() {
    for name in [
        "renda-nantong.txt",
        "zhengfu-beijing-2026.txt",
        "renda-shenyang.txt",
    ] {
        let text = fixture(name);
        let cli = cli_json("metrics", name);
        let (mut client, _) = Client::start(json!({}));
        client.open(&uri(name), "plaintext", 1, &text);
        let sections = cli["sections"].as_array().unwrap();
        assert!(!sections.is_empty());
        for section in sections {
            let start = section["range"]["start"].as_u64().unwrap() as usize;
            let summary = section["summary"].as_str().unwrap();
            let shown = hover(&mut client, &uri(name), position16(&text, start));
            let value = shown["contents"]["value"]
                .as_str()
                .unwrap_or_else(|| panic!("{shown}"));
            assert_eq!(shown["contents"]["kind"], "markdown");
            assert!(
                value.ends_with(summary),
                "{name} §{}: {value}",
                section["section"]
            );
            let heading_start = &shown["range"]["start"];
            assert_eq!(heading_start, &position16(&text, start));
        }
    }
}

#[test]
fn hover_on_a_figure_tells_how_it_was_read() {
    let name = "renda-nantong.txt";
    let text = fixture(name);
    let cli = cli_json("metrics", name);
    let (mut client, _) = Client::start(offering(&["utf-8"]));
    client.open(&uri(name), "plaintext", 1, &text);
    let metric = &cli["metrics"][0];
    assert_eq!(metric["text"], "7次");
    let start = metric["range"]["start"].as_u64().unwrap() as usize;
    let end = metric["range"]["end"].as_u64().unwrap() as usize;
    // Inside the figure, in a UTF-8 session.
    let shown = hover(&mut client, &uri(name), position(&text, start + 1, "utf-8"));
    let value = shown["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("**7 次**，确数"), "{value}");
    assert!(value.contains("召开常委会会议"), "{value}");
    assert_eq!(
        shown["range"],
        json!({ "start": position(&text, start, "utf-8"), "end": position(&text, end, "utf-8") })
    );
    // Plain body text has nothing to say.
    let quiet = text.find("常态化开展学习教育").unwrap();
    assert_eq!(
        hover(&mut client, &uri(name), position(&text, quiet, "utf-8")),
        Value::Null
    );
}

#[test]
fn hover_on_a_contradicted_figure_points_at_the_other_mention() {
    let text = "某市人民代表大会常务委员会工作报告\n各位代表:\n受市人大常委会委托,我向大会报告工作,请予审议。\n\
                一、过去一年的主要工作\n一年来,召开常委会会议9次,审议法规32件。\n\
                (一)依法履职\n全年召开常委会会议8次,听取专项报告12个。\n";
    let (mut client, _) = Client::start(json!({}));
    client.open(&uri("clash"), "plaintext", 1, text);
    let nine = text.find("9次").unwrap();
    let shown = hover(&mut client, &uri("clash"), position16(text, nine));
    let value = shown["contents"]["value"].as_str().unwrap();
    assert!(value.contains("与第 7 行的“8次”不一致"), "{value}");
    // The part's summary lists the clash too.
    let part = text.find("一、过去").unwrap();
    let shown = hover(&mut client, &uri("clash"), position16(text, part));
    let value = shown["contents"]["value"].as_str().unwrap();
    assert!(
        value.starts_with("**一、过去一年的主要工作**〔工作回顾〕"),
        "{value}"
    );
    assert!(value.contains("前后不一致"), "{value}");
}
