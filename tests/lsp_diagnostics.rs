//! Diagnostics, quick fixes and rule hovers as an editor gets them, checked
//! against `baogao check` on the same files: the same findings at the same
//! places, in UTF-16 and in UTF-8.

mod cli_run;
mod fixture;
mod lsp_client;

use std::path::Path;

use fixture::fixture;
use lsp_client::{position, position16, Client};
use serde_json::{json, Value};
use tempfile::TempDir;

/// A scratch folder of its own for each test, removed when dropped (the
/// server looks for `baogao.toml` above each document, as `baogao check` does).
fn scratch(name: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(&format!("baogao-lsp-diag-{name}-"))
        .tempdir()
        .unwrap()
}

fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn check_json(path: &Path) -> Vec<Value> {
    let output = cli_run::baogao_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["check", "--format", "json", &path.to_string_lossy()],
        None,
    );
    let json: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stderr)));
    json["files"][0]["findings"].as_array().unwrap().clone()
}

fn range(text: &str, span: &Value, encoding: &str) -> Value {
    let at = |key: &str| span[key].as_u64().unwrap() as usize;
    json!({ "start": position(text, at("start"), encoding), "end": position(text, at("end"), encoding) })
}

fn severity(name: &str) -> i64 {
    match name {
        "error" => 1,
        "warning" => 2,
        "info" => 3,
        _ => 4,
    }
}

/// The text of `renda-yaan.txt` with the tasks part's 三、四、 renumbered
/// 四、五、: a gap (BG004) with a quick fix.
fn yaan_with_gap() -> String {
    let text = fixture("renda-yaan.txt");
    let lines: Vec<String> = text
        .split('\n')
        .enumerate()
        .map(|(n, line)| match n {
            40 => line.replacen("三、", "四、", 1),
            42 => line.replacen("四、", "五、", 1),
            _ => line.to_owned(),
        })
        .collect();
    lines.join("\n")
}

const CLASH: &str = "某市人民代表大会常务委员会工作报告\n各位代表:\n受市人大常委会委托,我向大会报告工作,请予审议。\n\
                     过去一年的主要工作\n一年来,召开常委会会议9次,审议法规32件。\n\
                     全年召开常委会会议8次,听取专项报告12个。\n";

#[test]
fn diagnostics_are_the_findings_of_baogao_check() {
    let folder = scratch("same");
    let dir = folder.path();
    let mut files = Vec::new();
    for name in [
        "000_0deef21429734504.txt",
        "compilation-22.txt",
        "renda-fuxin.txt",
    ] {
        let path = dir.join(name);
        std::fs::write(&path, fixture(name)).unwrap();
        files.push(path);
    }
    let path = dir.join("yaan-gap.txt");
    std::fs::write(&path, yaan_with_gap()).unwrap();
    files.push(path);
    let path = dir.join("clash.txt");
    std::fs::write(&path, CLASH).unwrap();
    files.push(path);

    let mut seen = std::collections::BTreeSet::new();
    for encoding in ["utf-16", "utf-8"] {
        let (mut client, _) =
            Client::start(json!({ "general": { "positionEncodings": [encoding] } }));
        for path in &files {
            let text = std::fs::read_to_string(path).unwrap();
            let uri = file_uri(path);
            client.open(&uri, "plaintext", 3, &text);
            let published = client.diagnostics(&uri, Some(3));
            let diagnostics = published["diagnostics"].as_array().unwrap();
            let findings = check_json(path);
            assert!(!findings.is_empty(), "{}", path.display());
            assert_eq!(diagnostics.len(), findings.len(), "{}", path.display());
            for (d, f) in diagnostics.iter().zip(&findings) {
                seen.insert(f["code"].as_str().unwrap().to_owned());
                assert_eq!(d["code"], f["code"]);
                assert_eq!(d["source"], "baogao");
                // Each diagnostic links to its rule's section of docs/rules.md.
                let code = f["code"].as_str().unwrap().to_ascii_lowercase();
                let href = d["codeDescription"]["href"].as_str().unwrap();
                assert!(
                    href.starts_with(env!("CARGO_PKG_REPOSITORY"))
                        && href.ends_with(&format!("/blob/main/docs/rules.md#{code}")),
                    "{href}"
                );
                assert_eq!(d["message"], f["message"]);
                assert_eq!(d["severity"], severity(f["severity"].as_str().unwrap()));
                assert_eq!(
                    d["range"],
                    range(&text, &f["range"], encoding),
                    "{}",
                    f["code"]
                );
                let related = f["related"].as_array().unwrap();
                if related.is_empty() {
                    assert!(d.get("relatedInformation").is_none());
                }
                for (r, fr) in d["relatedInformation"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .zip(related)
                {
                    assert_eq!(r["message"], fr["message"]);
                    assert_eq!(r["location"]["uri"], uri.as_str());
                    assert_eq!(r["location"]["range"], range(&text, &fr["range"], encoding));
                }
            }
        }
    }
    for code in ["BG001", "BG002", "BG004", "BG013"] {
        assert!(seen.contains(code), "{code} not exercised: {seen:?}");
    }
}

#[test]
fn a_contradiction_points_at_the_other_mention() {
    let folder = scratch("clash");
    let dir = folder.path();
    let path = dir.join("clash.txt");
    std::fs::write(&path, CLASH).unwrap();
    let (mut client, _) = Client::start(json!({}));
    client.open(&file_uri(&path), "plaintext", 1, CLASH);
    let published = client.diagnostics(&file_uri(&path), Some(1));
    let clash = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "BG013")
        .expect("BG013")
        .clone();
    let eight = CLASH.find("8次").unwrap();
    let nine = CLASH.find("9次").unwrap();
    assert_eq!(clash["range"]["start"], position16(CLASH, eight));
    assert_eq!(
        clash["relatedInformation"][0]["location"]["range"]["start"],
        position16(CLASH, nine)
    );
}

/// Applies LSP text edits (UTF-16 ranges) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let (line, character) = (
            p["line"].as_u64().unwrap() as usize,
            p["character"].as_u64().unwrap() as usize,
        );
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= character || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (a, b, new) in spans {
        out.replace_range(a..b, new);
    }
    out
}

#[test]
fn the_quick_fix_renumbers_and_the_warning_goes() {
    let folder = scratch("fix");
    let dir = folder.path();
    let path = dir.join("yaan-gap.txt");
    let text = yaan_with_gap();
    std::fs::write(&path, &text).unwrap();
    let uri = file_uri(&path);
    for document_changes in [false, true] {
        let (mut client, _) = Client::start(json!({
            "workspace": { "workspaceEdit": { "documentChanges": document_changes } }
        }));
        client.open(&uri, "plaintext", 7, &text);
        let published = client.diagnostics(&uri, Some(7));
        let gap = published["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "BG004")
            .expect("BG004 on the seeded gap")
            .clone();
        assert_eq!(gap["range"]["start"]["line"], 40);
        let response = client.request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri },
                "range": { "start": gap["range"]["start"], "end": gap["range"]["start"] },
                "context": { "diagnostics": [gap] },
            }),
        );
        let actions = response["result"].as_array().unwrap();
        let fix = actions
            .iter()
            .find(|a| a["kind"] == "quickfix")
            .expect("a quick fix");
        assert_eq!(fix["diagnostics"][0]["code"], "BG004");
        let edits = if document_changes {
            let change = &fix["edit"]["documentChanges"][0];
            assert_eq!(change["textDocument"]["uri"], uri.as_str());
            assert_eq!(change["textDocument"]["version"], 7);
            change["edits"].as_array().unwrap().clone()
        } else {
            fix["edit"]["changes"][uri.as_str()]
                .as_array()
                .unwrap()
                .clone()
        };
        let fixed = apply(&text, &edits);
        assert_eq!(
            fixed,
            fixture("renda-yaan.txt"),
            "the fix restores 三、四、"
        );
        // Asking for refactorings only gives no quick fixes.
        let response = client.request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri },
                "range": { "start": gap["range"]["start"], "end": gap["range"]["start"] },
                "context": { "diagnostics": [], "only": ["refactor"] },
            }),
        );
        assert_eq!(response["result"], json!([]));
        // Applied through the editor, the warning goes.
        client.change(&uri, 8, json!([{ "text": fixed }]));
        let published = client.diagnostics(&uri, Some(8));
        assert!(
            !published["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["code"] == "BG004"),
            "{published}"
        );
    }
}

/// A client that resolves an action's edit gets the renumbering fix without
/// it, and its edit when it resolves the action; after an edit, resolving
/// the stale action gives no edit rather than a wrong one.
#[test]
fn the_renumbering_fix_is_computed_when_resolved() {
    let folder = scratch("resolve");
    let path = folder.path().join("yaan-gap.txt");
    let text = yaan_with_gap();
    std::fs::write(&path, &text).unwrap();
    let uri = file_uri(&path);
    let resolving = json!({ "textDocument": { "codeAction": {
        "dataSupport": true,
        "resolveSupport": { "properties": ["edit"] },
    } } });
    let (mut client, init) = Client::start(resolving);
    assert_eq!(
        init["capabilities"]["codeActionProvider"]["resolveProvider"],
        true
    );
    client.open(&uri, "plaintext", 3, &text);
    let at = position16(&text, text.find("四、全面提升").unwrap());
    let ask = json!({
        "textDocument": { "uri": uri },
        "range": { "start": at, "end": at },
        "context": { "diagnostics": [] },
    });
    let response = client.request("textDocument/codeAction", ask.clone());
    let action = response["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["diagnostics"][0]["code"] == "BG004")
        .expect("the renumbering fix")
        .clone();
    assert_eq!(action["title"], "重新编号本列表");
    assert!(action.get("edit").is_none(), "{action}");
    assert_eq!(action["data"]["version"], 3);
    let resolved = client.request("codeAction/resolve", action.clone());
    let edits = resolved["result"]["edit"]["changes"][uri.as_str()]
        .as_array()
        .unwrap_or_else(|| panic!("an edit: {resolved}"))
        .clone();
    assert_eq!(apply(&text, &edits), fixture("renda-yaan.txt"));
    // The document changed since the action was offered: no edit.
    client.change(
        &uri,
        4,
        json!([{ "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } }, "text": "\n" }]),
    );
    let stale = client.request("codeAction/resolve", action);
    assert_eq!(stale["result"]["title"], "重新编号本列表");
    assert!(stale["result"].get("edit").is_none(), "{stale}");
    // Offered again on the new version, it resolves again.
    let changed = format!("\n{text}");
    let at = position16(&changed, changed.find("四、全面提升").unwrap());
    let ask = json!({
        "textDocument": { "uri": uri },
        "range": { "start": at, "end": at },
        "context": { "diagnostics": [] },
    });
    let response = client.request("textDocument/codeAction", ask);
    let again = response["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["diagnostics"][0]["code"] == "BG004")
        .expect("the renumbering fix")
        .clone();
    assert_eq!(again["data"]["version"], 4);
    let resolved = client.request("codeAction/resolve", again);
    assert!(
        resolved["result"]["edit"]["changes"].is_object(),
        "{resolved}"
    );
    // A client without resolve support is offered no resolving.
    let (plain, init) = Client::start(json!({}));
    assert_eq!(
        init["capabilities"]["codeActionProvider"]["resolveProvider"],
        false
    );
    drop(plain);
}

/// `source.fixAll.baogao` applies every certain fix (punctuation and number
/// forms) in one edit, and is advertised; it is offered only when asked for
/// by kind.
#[test]
fn fix_all_applies_the_punctuation_and_number_fixes() {
    let body = "全年地区生产总值增长5.2%，城镇新增就业12万人，居民收入增长5.5%，粮食产量稳定，\
        工业增加值增长6%，投资增长4%，消费增长5%，出口增长7%，财政收入增长3%，\
        税收增长2%，民生支出占比八成，教育投入增长，医疗投入增长，住房保障加强，\
        生态环境改善，安全形势稳定，改革开放深化，创新能力提升，营商环境优化，社会大局稳定。\n";
    let text =
        format!("一、过去一年的工作\n{body}今年经济增长,就业稳定。全年完成投资２０２３亿元。\n");
    let want =
        format!("一、过去一年的工作\n{body}今年经济增长，就业稳定。全年完成投资2023亿元。\n");
    let (mut client, init) = Client::start(json!({}));
    let kinds = &init["capabilities"]["codeActionProvider"]["codeActionKinds"];
    assert!(
        kinds
            .as_array()
            .unwrap()
            .contains(&json!("source.fixAll.baogao")),
        "{kinds}"
    );
    let uri = "untitled:fix-all.txt";
    client.open(uri, "plaintext", 1, &text);
    let ask = |only: Value| {
        json!({
            "textDocument": { "uri": uri },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
            "context": { "diagnostics": [], "only": only },
        })
    };
    let response = client.request("textDocument/codeAction", ask(json!(["source.fixAll"])));
    let actions = response["result"].as_array().unwrap();
    assert_eq!(actions.len(), 1, "{response}");
    assert_eq!(actions[0]["kind"], "source.fixAll.baogao");
    let edits = actions[0]["edit"]["changes"][uri].as_array().unwrap();
    assert_eq!(apply(&text, edits), want);
    // Quick fixes only: no fix-all.
    let response = client.request("textDocument/codeAction", ask(json!(["quickfix"])));
    assert!(
        !response["result"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["kind"] == "source.fixAll.baogao"),
        "{response}"
    );
}

#[test]
fn hover_on_a_finding_explains_the_rule() {
    let folder = scratch("hover");
    let dir = folder.path();
    let path = dir.join("yaan-gap.txt");
    let text = yaan_with_gap();
    std::fs::write(&path, &text).unwrap();
    let uri = file_uri(&path);
    let (mut client, _) = Client::start(json!({}));
    client.open(&uri, "plaintext", 1, &text);
    let gap = text.find("四、全面提升").unwrap();
    let response = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": position16(&text, gap) }),
    );
    let value = response["result"]["contents"]["value"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(value.contains("**BG004**"), "{value}");
    assert!(value.contains("`numbering-sequence`"), "{value}");
    assert!(value.contains("#### What it does"), "{value}");
    // The heading's summary is there too.
    assert!(value.starts_with("**四、全面提升代表工作"), "{value}");
}

#[test]
fn settings_and_baogao_toml_configure_the_rules() {
    let folder = scratch("config");
    let dir = folder.path();
    let path = dir.join("yaan-gap.txt");
    let text = yaan_with_gap();
    std::fs::write(&path, &text).unwrap();
    let uri = file_uri(&path);
    let (mut client, _) = Client::start(json!({}));
    client.open(&uri, "plaintext", 1, &text);
    let codes = |client: &mut Client, version: i64| -> Vec<(String, i64)> {
        let published = client.diagnostics(&uri, Some(version));
        published["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().to_owned(),
                    d["severity"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(codes(&mut client, 1), vec![("BG004".to_owned(), 2)]);
    // The editor turns the rule into an error.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "baogao": { "rules": { "BG004": "error" } } } }),
    );
    assert_eq!(codes(&mut client, 1), vec![("BG004".to_owned(), 1)]);
    // A baogao.toml beside the file overrides the editor for that file.
    std::fs::write(dir.join("baogao.toml"), "[rules]\nBG004 = \"off\"\n").unwrap();
    client.change(&uri, 2, json!([{ "text": text }]));
    assert_eq!(codes(&mut client, 2), vec![]);
    // A broken one is reported on the first line; the editor's settings apply.
    std::fs::write(dir.join("baogao.toml"), "[rules]\nBG999 = \"off\"\n").unwrap();
    client.change(&uri, 3, json!([{ "text": text }]));
    let published = client.diagnostics(&uri, Some(3));
    let diagnostics = published["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics[0]["code"], "config");
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .contains("BG999"),
        "{published}"
    );
    assert_eq!(diagnostics[1]["code"], "BG004");
    assert_eq!(diagnostics[1]["severity"], 1);
}
