//! `baogao check DIR` and `--statistics`, as a drafting office runs them on a
//! folder of reports: the real binary on folders built from the fixtures.

mod cli_run;
mod fixture;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::{json, Value};
use tempfile::TempDir;

fn baogao_in(dir: &Path, args: &[&str]) -> Output {
    cli_run::baogao_in(dir, args, None)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn json_of(o: &Output) -> Value {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

/// `files` (path in the folder, fixture) copied into `reports/` of a fresh
/// temporary folder.
fn folder(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::Builder::new()
        .prefix("baogao-check-folders-")
        .tempdir()
        .unwrap();
    for (path, fixture) in files {
        let to = dir.path().join("reports").join(path);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(fixture::dir().join(fixture), to).unwrap();
    }
    dir
}

/// Five reports of four kinds, nested and with every ending read, beside
/// a report in each place that is skipped.
fn office() -> TempDir {
    folder(&[
        ("renda-baicheng.txt", "renda-baicheng.txt"),
        ("2023/drafts/shenzhen.md", "000_0deef21429734504.txt"),
        ("zhengxie/suzhou.markdown", "zhengxie-suzhou.txt"),
        ("zhengfu/BEIJING.TXT", "zhengfu-beijing-2026.txt"),
        ("speech.txt", "004_5840c7f5b0384c13.txt"),
        // Skipped: not a text ending, hidden, build output, dependencies.
        ("scan.pdf", "renda-fuxin.txt"),
        (".drafts/fuxin.txt", "renda-fuxin.txt"),
        ("target/fuxin.txt", "renda-fuxin.txt"),
        ("node_modules/pkg/fuxin.md", "renda-fuxin.txt"),
    ])
}

#[test]
fn statistics_of_a_folder() {
    let dir = office();
    let out = baogao_in(dir.path(), &["check", "--statistics", "reports"]);
    // The truncated report's warnings fail the check, as without --statistics.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "\
findings  files  code   name                    severity
       2      1  BG001  missing-part            warning
       2      1  BG002  missing-optional-part   hint
       1      1  BG014  half-width-punctuation  info

reports  share  kind
      2  40.0%  人大常委会工作报告
      1  20.0%  政协常委会工作报告
      1  20.0%  政府工作报告
      1  20.0%  汇报发言/讲话
      0   0.0%  其他文稿

reports   share  part
      5  100.0%  称谓
      4   80.0%  开头语
      4   80.0%  工作回顾
      0    0.0%  体会
      3   60.0%  致谢
      3   60.0%  不足
      3   60.0%  工作安排
      4   80.0%  结束语

5 files, 5 reports, 1 file with warnings or errors
"
    );
    let lenient = baogao_in(
        dir.path(),
        &["check", "--statistics", "--deny", "errors", "reports"],
    );
    assert_eq!(lenient.status.code(), Some(0));
}

#[test]
fn statistics_as_json() {
    let dir = office();
    let out = baogao_in(
        dir.path(),
        &["check", "--statistics", "--format", "json", "reports"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let kind = |kind: &str, name: &str, reports: usize| json!({ "kind": kind, "name": name, "reports": reports });
    let part = |part: &str, name: &str, reports: usize| json!({ "part": part, "name": name, "reports": reports });
    assert_eq!(
        json_of(&out),
        json!({
            "codes": [
                { "code": "BG001", "name": "missing-part", "severity": "warning", "findings": 2, "files": 1 },
                { "code": "BG002", "name": "missing-optional-part", "severity": "hint", "findings": 2, "files": 1 },
                // The Beijing report's `新增长点;推动…`: a stray half-width semicolon.
                { "code": "BG014", "name": "half-width-punctuation", "severity": "info", "findings": 1, "files": 1 },
            ],
            "kinds": [
                kind("congress", "人大常委会工作报告", 2),
                kind("consultative", "政协常委会工作报告", 1),
                kind("government", "政府工作报告", 1),
                kind("speech", "汇报发言/讲话", 1),
                kind("other", "其他文稿", 0),
            ],
            "parts": [
                part("salutation", "称谓", 5),
                part("opening", "开头语", 4),
                part("review", "工作回顾", 4),
                part("lessons", "体会", 0),
                part("thanks", "致谢", 3),
                part("shortcomings", "不足", 3),
                part("tasks", "工作安排", 3),
                part("closing", "结束语", 4),
            ],
            "totals": { "files": 5, "reports": 5, "files_with_warnings": 1 },
            "summary": { "error": 0, "warning": 2, "info": 1, "hint": 2 },
        })
    );
}

/// Every fixture, spread over nested folders.
fn every_fixture() -> (TempDir, Vec<String>) {
    let names = fixture::fixture_names();
    assert!(names.len() >= 20, "{names:?}");
    let places: Vec<(String, &str)> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let under = ["", "a/", "a/b/", "c/"][i % 4];
            (format!("{under}{name}"), name.as_str())
        })
        .collect();
    let files: Vec<(&str, &str)> = places.iter().map(|(p, f)| (p.as_str(), *f)).collect();
    let dir = folder(&files);
    // The order the walk promises: paths sorted component by component.
    let mut paths: Vec<PathBuf> = places
        .iter()
        .map(|(p, _)| Path::new("reports").join(p))
        .collect();
    paths.sort();
    let paths = paths
        .into_iter()
        .map(|p| p.to_str().unwrap().to_string())
        .collect();
    (dir, paths)
}

#[test]
fn a_folder_is_checked_as_its_files_by_name() {
    let (dir, paths) = every_fixture();
    for format in ["human", "json", "sarif"] {
        let by_folder = baogao_in(dir.path(), &["check", "--format", format, "reports"]);
        let mut args = vec!["check", "--format", format];
        args.extend(paths.iter().map(String::as_str));
        let by_name = baogao_in(dir.path(), &args);
        assert_eq!(by_folder.status.code(), by_name.status.code(), "{format}");
        assert_eq!(stdout(&by_folder), stdout(&by_name), "{format}");
        assert_eq!(stderr(&by_folder), "", "{format}");
    }
    // Folders and files mixed, in the order given.
    let first = paths
        .iter()
        .find(|p| p.starts_with("reports/a/b/"))
        .unwrap();
    let out = baogao_in(
        dir.path(),
        &["check", "--format", "json", first, "reports/c"],
    );
    let json = json_of(&out);
    let files: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = std::iter::once(first.as_str())
        .chain(
            paths
                .iter()
                .filter(|p| p.starts_with("reports/c/"))
                .map(String::as_str),
        )
        .collect();
    assert_eq!(files, expected);
}

/// The statistics are the sums of what `check` and `outline` say of each
/// file: counted over every fixture rather than written out.
#[test]
fn statistics_sum_the_findings_and_outlines_of_each_file() {
    let (dir, paths) = every_fixture();
    let mut args = vec!["check", "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let checked = json_of(&baogao_in(dir.path(), &args));
    let mut codes: BTreeMap<(String, String), (u64, u64)> = BTreeMap::new();
    let mut files_with_warnings = 0;
    for file in checked["files"].as_array().unwrap() {
        let findings = file["findings"].as_array().unwrap();
        let mut seen = Vec::new();
        for f in findings {
            let key = (
                f["code"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            );
            codes.entry(key.clone()).or_default().0 += 1;
            if !seen.contains(&key) {
                codes.entry(key.clone()).or_default().1 += 1;
                seen.push(key);
            }
        }
        if findings
            .iter()
            .any(|f| ["warning", "error"].contains(&f["severity"].as_str().unwrap()))
        {
            files_with_warnings += 1;
        }
    }
    let mut kinds: BTreeMap<String, u64> = BTreeMap::new();
    let mut parts: BTreeMap<String, u64> = BTreeMap::new();
    let mut reports = 0;
    for path in &paths {
        let outline = json_of(&baogao_in(dir.path(), &["outline", "--json", path]));
        for report in outline["reports"].as_array().unwrap() {
            reports += 1;
            *kinds
                .entry(report["kind"].as_str().unwrap().to_string())
                .or_default() += 1;
            for part in report["parts_found"].as_array().unwrap() {
                *parts.entry(part.as_str().unwrap().to_string()).or_default() += 1;
            }
        }
    }

    let out = baogao_in(
        dir.path(),
        &["check", "--statistics", "--format", "json", "reports"],
    );
    let stats = json_of(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the fixtures hold seeded faults"
    );
    let rows = stats["codes"].as_array().unwrap();
    let counted: BTreeMap<(String, String), (u64, u64)> = rows
        .iter()
        .map(|r| {
            (
                (
                    r["code"].as_str().unwrap().to_string(),
                    r["severity"].as_str().unwrap().to_string(),
                ),
                (
                    r["findings"].as_u64().unwrap(),
                    r["files"].as_u64().unwrap(),
                ),
            )
        })
        .collect();
    assert_eq!(counted, codes);
    assert!(rows
        .windows(2)
        .all(|w| w[0]["findings"].as_u64() >= w[1]["findings"].as_u64()));
    for (key, counted) in [("kinds", &kinds), ("parts", &parts)] {
        let by_id: BTreeMap<String, u64> = stats[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let id = r.get("kind").or(r.get("part")).unwrap();
                (
                    id.as_str().unwrap().to_string(),
                    r["reports"].as_u64().unwrap(),
                )
            })
            .filter(|&(_, n)| n > 0)
            .collect();
        assert_eq!(&by_id, counted, "{key}");
    }
    assert_eq!(
        stats["totals"],
        json!({ "files": paths.len(), "reports": reports, "files_with_warnings": files_with_warnings })
    );
    assert_eq!(stats["summary"], checked["summary"]);

    // The table says the same.
    let table = stdout(&baogao_in(
        dir.path(),
        &["check", "--statistics", "reports"],
    ));
    for r in rows {
        let row = format!(
            "{}  {}  {}",
            r["files"],
            r["code"].as_str().unwrap(),
            r["name"].as_str().unwrap()
        );
        assert!(table.contains(&row), "{row} in\n{table}");
    }
    let file_s = if files_with_warnings == 1 {
        "file"
    } else {
        "files"
    };
    let totals = format!(
        "{} files, {reports} reports, {files_with_warnings} {file_s} with warnings or errors\n",
        paths.len()
    );
    assert!(table.ends_with(&totals), "{table}");
}

#[test]
fn an_unreadable_file_is_reported_and_the_others_checked() {
    let dir = office();
    let binary = dir.path().join("reports/zhengfu/scan.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let out = baogao_in(dir.path(), &["check", "reports"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "baogao: reports/zhengfu/scan.txt: looks like a binary file (contains NUL bytes), not text\n"
    );
    assert!(stdout(&out).contains("--> reports/2023/drafts/shenzhen.md:38:1"));
    assert!(stdout(&out).ends_with("2 warnings, 1 info, 2 hints in 5 files\n"));
    let stats = baogao_in(dir.path(), &["check", "--statistics", "reports"]);
    assert_eq!(stats.status.code(), Some(2));
    assert!(stdout(&stats).ends_with("5 files, 5 reports, 1 file with warnings or errors\n"));
}

#[test]
fn statistics_have_no_sarif_form() {
    let dir = office();
    let out = baogao_in(
        dir.path(),
        &["check", "--statistics", "--format", "sarif", "reports"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not SARIF"), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}
