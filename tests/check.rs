//! `baogao check` and `baogao rules` as a user runs them: the real binary.

mod cli_run;

use std::path::Path;
use std::process::Output;

use serde_json::Value;
use tempfile::TempDir;

fn baogao_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    cli_run::baogao_in(dir, args, stdin.map(str::as_bytes))
}

fn baogao(args: &[&str], stdin: Option<&str>) -> Output {
    baogao_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, stdin)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A fresh folder under the system temp dir for one test, removed when dropped.
fn scratch(name: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(&format!("baogao-check-{name}-"))
        .tempdir()
        .unwrap()
}

#[test]
fn a_complete_report_passes() {
    let out = baogao(&["check", "tests/fixtures/renda-baicheng.txt"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "no findings in 1 file\n");
}

#[test]
fn the_truncated_report_fails_with_carets_under_the_span() {
    let out = baogao(&["check", "tests/fixtures/000_0deef21429734504.txt"], None);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.starts_with("warning[BG001]: 缺少工作安排"), "{text}");
    assert!(text.contains("  --> tests/fixtures/000_0deef21429734504.txt:38:1\n"));
    // `(二)从严从实加强干部队伍建设。`: two narrow brackets, 14 wide characters.
    assert!(
        text.contains(&format!("   | {}\n", "^".repeat(2 + 14 * 2))),
        "{text}"
    );
    assert!(text.contains("= help: 可用修复: 插入工作安排"));
    assert!(text.ends_with("2 warnings, 2 hints in 1 file\n"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour off a terminal");
}

#[test]
fn carets_align_under_wide_characters() {
    let out = baogao(
        &["check", "-"],
        Some("一、坚持党的领导\n内容。\n二、加强立法\n内容。\n四、增强监督实效\n内容。\n"),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("warning[BG004]: 编号从“二、”跳到“四、”,缺少“三、”\n --> <stdin>:5:1\n  |\n5 | 四、增强监督实效\n  | ^^^^\n"),
        "{text}"
    );
    let out = baogao(
        &["check", "-"],
        Some("一、甲\n(一)加强政治建设\n内容。\n(二)加强政治建设\n内容。\n"),
    );
    let text = stdout(&out);
    assert!(
        text.contains("4 | (二)加强政治建设\n  | ^^^^^^^^^^^^^^^^\n"),
        "{text}"
    );
}

#[test]
fn deny_sets_the_failing_level() {
    let fuxin = "tests/fixtures/renda-fuxin.txt";
    assert_eq!(baogao(&["check", fuxin], None).status.code(), Some(0));
    let hints = baogao(&["check", "--deny", "hints", fuxin], None);
    assert_eq!(hints.status.code(), Some(1));
    assert!(stdout(&hints).contains("1 hint in 1 file"));
    let truncated = "tests/fixtures/000_0deef21429734504.txt";
    assert_eq!(
        baogao(&["check", "--deny", "errors", truncated], None)
            .status
            .code(),
        Some(0)
    );
    let bad = baogao(&["check", "--deny", "loud", truncated], None);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("expected `errors`, `warnings`, `infos` or `hints`"));
}

#[test]
fn json_is_stable_and_complete() {
    let out = baogao(
        &[
            "check",
            "--format",
            "json",
            "tests/fixtures/000_0deef21429734504.txt",
            "tests/fixtures/renda-jinan.txt",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["summary"]["warning"], 2);
    assert_eq!(json["summary"]["hint"], 2);
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[1]["findings"].as_array().unwrap().len(), 0);
    let first = &files[0]["findings"][0];
    assert_eq!(first["code"], "BG001");
    assert_eq!(first["name"], "missing-part");
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["range"]["start_line"], 38);
    assert_eq!(first["range"]["start_column"], 1);
    // Columns count characters; the end is exclusive.
    assert_eq!(first["range"]["end_column"], 17);
    assert_eq!(first["fixes"][0]["title"], "插入工作安排");
    // The review names no year, so neither does the skeleton.
    assert_eq!(
        first["fixes"][0]["edits"][0]["new_text"],
        "\n今后一年的主要任务"
    );
}

#[test]
fn sarif_has_the_shape_code_scanning_needs() {
    let out = baogao(
        &[
            "check",
            "--format",
            "sarif",
            "tests/fixtures/000_0deef21429734504.txt",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let sarif: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(
        sarif["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "baogao");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), baogao::rules::all().len());
    assert_eq!(rules[0]["id"], "BG001");
    assert!(rules[0]["shortDescription"]["text"].is_string());
    let repository = env!("CARGO_PKG_REPOSITORY");
    assert_eq!(run["tool"]["driver"]["informationUri"], repository);
    for rule in rules {
        let anchor = rule["id"].as_str().unwrap().to_ascii_lowercase();
        assert_eq!(
            rule["helpUri"],
            format!("{repository}/blob/main/docs/rules.md#{anchor}")
        );
    }
    assert_eq!(rules[1]["defaultConfiguration"]["level"], "note");
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    let first = &results[0];
    assert_eq!(first["ruleId"], "BG001");
    assert_eq!(first["ruleIndex"], 0);
    assert_eq!(first["level"], "warning");
    assert!(first["message"]["text"]
        .as_str()
        .unwrap()
        .starts_with("缺少工作安排"));
    let location = &first["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "tests/fixtures/000_0deef21429734504.txt"
    );
    let region = &location["region"];
    assert_eq!(region["startLine"], 38);
    assert_eq!(region["startColumn"], 1);
    assert_eq!(region["endLine"], 38);
    assert_eq!(region["endColumn"], 17);
    let replacement = &first["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(
        replacement["insertedContent"]["text"],
        "\n今后一年的主要任务"
    );
    assert_eq!(results[2]["level"], "note");
}

#[test]
fn stdin_and_io_errors() {
    let out = baogao(&["check", "-"], Some("一、甲\n内容。\n"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let missing = baogao(&["check", "tests/fixtures/no-such-report.txt"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no-such-report.txt: no such file"));
    // The other files are still checked and shown.
    let both = baogao(
        &[
            "check",
            "tests/fixtures/no-such-report.txt",
            "tests/fixtures/000_0deef21429734504.txt",
        ],
        None,
    );
    assert_eq!(both.status.code(), Some(2));
    assert!(stdout(&both).contains("warning[BG001]"));
    let usage = baogao(&["check"], None);
    assert_eq!(usage.status.code(), Some(2));
}

/// A file over the size limit gets its outline and one notice instead of
/// the rules' findings, and does not fail the run.
#[test]
fn files_over_the_size_limit_are_outlined_not_checked() {
    let folder = scratch("size");
    let dir = folder.path();
    // Checked, every line would be a finding: each heading restarts a list.
    let large = "（一）标题\n".repeat(4 << 10);
    std::fs::write(dir.join("large.txt"), &large).unwrap();
    let notice = format!(
        "large.txt has {} bytes, more than --max-document-size (32768): \
         its outline was read, but the rules were not run",
        large.len()
    );
    let limit = "--max-document-size=32768";
    let out = baogao_in(dir, &["check", limit, "large.txt"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stderr(&out), format!("baogao: {notice}\n"));
    assert_eq!(stdout(&out), "no findings in 1 file\n");

    let out = baogao_in(
        dir,
        &["check", limit, "--format", "json", "large.txt"],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "");
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["files"][0]["notice"], notice.as_str());
    assert_eq!(json["files"][0]["findings"].as_array().unwrap().len(), 0);

    let out = baogao_in(
        dir,
        &["check", limit, "--format", "sarif", "large.txt"],
        None,
    );
    let sarif: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(notification["level"], "note");
    assert_eq!(notification["message"]["text"], notice.as_str());

    // The outline is read: `--statistics` counts its report.
    let out = baogao_in(
        dir,
        &[
            "check",
            limit,
            "--statistics",
            "--format",
            "json",
            "large.txt",
        ],
        None,
    );
    let statistics: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(
        statistics["totals"]["reports"].as_u64() >= Some(1),
        "{statistics}"
    );
    assert_eq!(stderr(&out), format!("baogao: {notice}\n"));

    // Under the limit the rules run; without the flag the server's default
    // applies, a file just over it outlined only.
    let out = baogao_in(
        dir,
        &["check", "--max-document-size=65536", "large.txt"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let out = baogao_in(dir, &["check", "large.txt"], None);
    assert_eq!(out.status.code(), Some(1));
    let default = baogao::analysis::DEFAULT_MAX_DOCUMENT_SIZE;
    let over = large.repeat(default / large.len() + 1);
    std::fs::write(dir.join("over.txt"), &over).unwrap();
    let out = baogao_in(dir, &["check", "over.txt", "large.txt"], None);
    assert_eq!(out.status.code(), Some(1), "the file under it is checked");
    assert!(
        stderr(&out).contains(&format!("more than --max-document-size ({default})")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn configuration_is_found_from_the_file_upwards() {
    let folder = scratch("discover");
    let dir = folder.path();
    let nested = dir.join("drafts/2023");
    std::fs::create_dir_all(&nested).unwrap();
    let report = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/000_0deef21429734504.txt"),
    )
    .unwrap();
    std::fs::write(nested.join("report.txt"), &report).unwrap();
    std::fs::write(
        dir.join("baogao.toml"),
        "[rules]\nmissing-part = \"hint\"\nBG002 = \"off\"\n",
    )
    .unwrap();
    let out = baogao_in(dir, &["check", "drafts/2023/report.txt"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("hint[BG001]"));
    assert!(stdout(&out).ends_with("2 hints in 1 file\n"));
    // Stdin uses the configuration of the current folder.
    let out = baogao_in(dir, &["check", "--format", "json", "-"], Some(&report));
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(json["files"][0]["config"]
        .as_str()
        .is_some_and(|p| p.ends_with("baogao.toml")));
    // An explicit --config wins.
    std::fs::write(dir.join("strict.toml"), "[rules]\nBG002 = \"error\"\n").unwrap();
    let out = baogao_in(
        dir,
        &["check", "--config", "strict.toml", "drafts/2023/report.txt"],
        None,
    );
    assert!(stdout(&out).contains("error[BG002]"), "{}", stdout(&out));
    // A bad key is an error naming it, not a silent default.
    std::fs::write(dir.join("baogao.toml"), "[rules]\nBG099 = \"off\"\n").unwrap();
    let out = baogao_in(dir, &["check", "drafts/2023/report.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("baogao.toml: `rules.BG099`: unknown rule"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn rules_lists_and_explains() {
    let out = baogao(&["rules"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with("BG001  warning  missing-part"), "{text}");
    assert!(text.contains("BG002  hint     missing-optional-part"));
    let out = baogao(&["rules", "BG004"], None);
    let text = stdout(&out);
    assert!(text.starts_with("BG004 numbering-sequence (default: warning)"));
    assert!(text.contains("## What it does") && text.contains("## Example"));
    let by_name = baogao(&["rules", "numbering-sequence"], None);
    assert_eq!(stdout(&by_name), text);
    let unknown = baogao(&["rules", "BG999"], None);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("no rule `BG999`"));
}
