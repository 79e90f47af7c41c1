//! `baogao outline` as a user runs it: the real binary, real files.

mod cli_run;

use std::path::Path;
use std::process::Output;

fn baogao(args: &[&str], stdin: Option<&[u8]>) -> Output {
    cli_run::baogao_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, stdin)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn outlines_a_real_report_with_line_numbers_and_kind() {
    let out = baogao(&["outline", "tests/fixtures/renda-baicheng.txt"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("    1  白城市人民代表大会常务委员会工作报告  [人大常委会工作报告]"));
    assert!(text.contains("    6      一、聚焦党的全面领导这一最高政治原则"));
    assert!(text.contains("   35    2023年工作安排  〔工作安排〕"));
}

#[test]
fn json_has_kind_title_and_nodes_with_ranges() {
    let out = baogao(
        &[
            "outline",
            "--json",
            "tests/fixtures/000_0deef21429734504.txt",
        ],
        None,
    );
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let report = &json["reports"][0];
    assert_eq!(report["kind"], "congress");
    assert_eq!(
        report["title"]["text"],
        "深圳市人民代表大会常务委员会工作报告"
    );
    assert_eq!(
        report["parts_absent"],
        serde_json::json!(["lessons", "thanks", "shortcomings", "tasks", "closing"])
    );
    let review = &report["nodes"][2];
    assert_eq!(review["role"], "review");
    let first = &review["children"][0];
    assert_eq!(first["level"], "h1");
    assert_eq!(first["number"], 1);
    assert_eq!(first["marker"], "一、");
    assert_eq!(first["heading"]["start_line"], 6);
    assert_eq!(first["heading"]["start_column"], 1);
    assert_eq!(json["noise"][0]["kind"], "reprint_notice");
}

#[test]
fn reads_stdin_and_gb18030() {
    let text =
        "某市人大常委会工作报告\n各位代表:\n受委托,我向大会报告工作,请予审议。\n一、坚持党的领导\n";
    let out = baogao(&["outline", "-"], Some(text.as_bytes()));
    assert!(out.status.success());
    assert!(stdout(&out).contains("一、坚持党的领导"));
    let gbk: Vec<u8> = vec![
        0xb8, 0xf7, 0xce, 0xbb, 0xb4, 0xfa, 0xb1, 0xed, 0x3a, 0x0a, // 各位代表:
        0xd2, 0xbb, 0xa1, 0xa2, 0xb9, 0xa4, 0xd7, 0xf7, 0x0a, // 一、工作
    ];
    let out = baogao(&["outline", "-"], Some(&gbk));
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(shown.contains("decoded from GB18030"), "{shown}");
    assert!(shown.contains("一、工作"), "{shown}");
}

#[test]
fn bad_input_is_a_clear_error_with_exit_code_2() {
    type Case<'a> = (&'a [&'a str], Option<&'a [u8]>, &'a str);
    let cases: [Case; 4] = [
        (
            &["outline", "no/such/file.txt"],
            None,
            "no/such/file.txt: no such file",
        ),
        (&["outline", "tests"], None, "tests: is a directory"),
        (
            &["outline", "-"],
            Some(b"\x89PNG\r\n\x1a\n\0\0\0"),
            "binary file",
        ),
        (
            &["outline", "-"],
            Some(&[0xff, 0xfe, 0xfd, 0x80, 0x80, 0x80]),
            "not valid UTF-8",
        ),
    ];
    for (args, input, message) in cases {
        let out = baogao(args, input);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stdout(&out).is_empty(), "{args:?} printed output");
        let err = stderr(&out);
        assert!(err.contains(message), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}
