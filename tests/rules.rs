//! The rules on the real documents of tests/fixtures: nothing on a complete
//! report, the real gaps of the truncated one, and every seeded fault caught
//! with the right code at the right place.

use std::path::Path;

use baogao::config::Config;
use baogao::report::analyze;
use baogao::rules::{self, Finding, Severity};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn check(text: &str) -> Vec<Finding> {
    rules::check(text, &analyze(text), &Config::default())
}

/// The complete reports: every standard part is there and well formed.
const COMPLETE: [&str; 24] = [
    "renda-baicheng.txt",
    "renda-baoding.txt",
    "renda-changzhou.txt",
    "renda-chongqing.txt",
    "renda-fuxin.txt",
    "renda-jiayuguan.txt",
    "renda-jinan.txt",
    "renda-longyan.txt",
    "renda-luohe.txt",
    "renda-nantong.txt",
    "renda-sanming.txt",
    "renda-shenyang.txt",
    "renda-yaan.txt",
    "renda-yongzhou.txt",
    "renda-yueyang.txt",
    "renda-yuxi.txt",
    "renda-zigong.txt",
    "zhengxie-changchun.txt",
    "zhengxie-deyang.txt",
    "zhengxie-suzhou.txt",
    "zhengxie-yingkou.txt",
    "zhengxie-yiwu.txt",
    "zhengfu-beijing-2026.txt",
    "zhengfu-zhejiang-2026.txt",
];

fn describe(text: &str, findings: &[&Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("{} {:?} {:?}", f.code, f.range.slice(text), f.message))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn complete_reports_have_no_warning_or_error() {
    for name in COMPLETE {
        let text = fixture(name);
        let findings = check(&text);
        let loud: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .collect();
        assert!(loud.is_empty(), "{name}:\n{}", describe(&text, &loud));
    }
}

#[test]
fn the_compilation_of_complete_reports_is_clean_too() {
    let text = fixture("compilation-22.txt");
    let findings = check(&text);
    let loud: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .collect();
    assert!(loud.is_empty(), "{}", describe(&text, &loud));
    // Only 阜新's missing thanks, as in its own file.
    let hints: Vec<&str> = findings.iter().map(|f| f.code).collect();
    assert_eq!(hints, vec!["BG002"]);
}

#[test]
fn non_reports_and_fragments_are_not_asked_for_parts() {
    for name in [
        "002_5ac5394e31afa987.txt",
        "003_3ed323abb443ba16.txt",
        "004_5840c7f5b0384c13.txt",
    ] {
        let text = fixture(name);
        let findings = check(&text);
        let all: Vec<&Finding> = findings.iter().collect();
        assert!(findings.is_empty(), "{name}:\n{}", describe(&text, &all));
    }
}

#[test]
fn the_truncated_report_lacks_its_tasks_and_closing() {
    let text = fixture("000_0deef21429734504.txt");
    let findings = check(&text);
    let summary: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f.code, f.message.split(':').next().unwrap_or("")))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("BG001", "缺少工作安排"),
            ("BG001", "缺少结束语"),
            ("BG002", "缺少致谢"),
            ("BG002", "缺少不足"),
        ]
    );
    // All belong after the last paragraph the page kept, before the reprint
    // notice that is not part of the report.
    let last = analyze(&text).reports[0].range.end;
    for f in &findings {
        assert_eq!(f.fixes[0].edits[0].range.start, last, "{}", f.message);
        assert!(f
            .range
            .slice(&text)
            .starts_with("(二)从严从实加强干部队伍建设"));
    }
}

/// One seeded fault: the code expected and the text its range must cover.
struct Seed {
    fixture: &'static str,
    from: &'static str,
    to: &'static str,
    code: &'static str,
    /// The finding's range starts where this text first occurs after seeding.
    at: &'static str,
    /// And covers exactly this text.
    covers: &'static str,
}

const SEEDS: [Seed; 12] = [
    // A deleted part: the tasks heading and its introduction.
    Seed {
        fixture: "renda-jinan.txt",
        from: "二〇二三年的主要工作\n",
        to: "",
        code: "BG001",
        at: "",
        covers: "",
    },
    // A deleted opening.
    Seed {
        fixture: "renda-baicheng.txt",
        from: "受市人大常委会委托,我向大会报告工作,请予审议。\n",
        to: "",
        code: "BG001",
        at: "2022年工作回顾",
        covers: "2022年工作回顾",
    },
    // A skipped number.
    Seed {
        fixture: "renda-baicheng.txt",
        from: "三、聚焦寓支持于监督之中",
        to: "四、聚焦寓支持于监督之中",
        code: "BG004",
        at: "四、聚焦寓支持于监督之中",
        covers: "四、",
    },
    Seed {
        fixture: "zhengfu-zhejiang-2026.txt",
        from: "（三）千方百计扩大内需",
        to: "（四）千方百计扩大内需",
        code: "BG004",
        at: "（四）千方百计扩大内需",
        covers: "（四）",
    },
    // A wrong count word.
    Seed {
        fixture: "renda-yaan.txt",
        from: "重点抓好四个方面工作:",
        to: "重点抓好五个方面工作:",
        code: "BG009",
        at: "五个方面工作",
        covers: "五",
    },
    Seed {
        fixture: "zhengfu-zhejiang-2026.txt",
        from: "干好四件大事",
        to: "干好三件大事",
        code: "BG009",
        at: "三件大事",
        covers: "三",
    },
    // A wrong year.
    Seed {
        fixture: "renda-baicheng.txt",
        from: "2023年工作安排",
        to: "2024年工作安排",
        code: "BG010",
        at: "2024年工作安排",
        covers: "2024",
    },
    Seed {
        fixture: "zhengfu-beijing-2026.txt",
        from: "三、2026年重点工作",
        to: "三、2027年重点工作",
        code: "BG010",
        at: "2027年重点工作",
        covers: "2027",
    },
    // Mixed bracket widths.
    Seed {
        fixture: "zhengxie-deyang.txt",
        from: "(二)紧扣中心大局履职",
        to: "（二）紧扣中心大局履职",
        code: "BG006",
        at: "（二）紧扣中心大局履职",
        covers: "（二）",
    },
    // A wrong separator.
    Seed {
        fixture: "renda-jinan.txt",
        from: "\n二、",
        to: "\n二.",
        code: "BG007",
        at: "二.",
        covers: "二.",
    },
    // A duplicated heading.
    Seed {
        fixture: "000_0deef21429734504.txt",
        from: "(三)加强社会治理现代化立法",
        to: "(三)加强经济高质量发展立法",
        code: "BG012",
        at: "(三)加强经济高质量发展立法",
        covers: "(三)加强经济高质量发展立法。",
    },
    // A figure that contradicts the summary.
    Seed {
        fixture: "renda-baicheng.txt",
        from: "一是精准推进特色立法供给。",
        to: "一是精准推进特色立法供给。全年召开常委会会议6次。",
        code: "BG013",
        at: "6次",
        covers: "6次",
    },
];

#[test]
fn seeded_faults_are_caught_with_the_right_code_and_range() {
    for seed in &SEEDS {
        let original = fixture(seed.fixture);
        assert!(
            original.contains(seed.from),
            "{}: {:?} not found",
            seed.fixture,
            seed.from
        );
        let before: Vec<Finding> = check(&original)
            .into_iter()
            .filter(|f| f.code == seed.code)
            .collect();
        let text = original.replacen(seed.from, seed.to, 1);
        let new: Vec<Finding> = check(&text)
            .into_iter()
            .filter(|f| f.code == seed.code && !before.contains(f))
            .collect();
        assert!(
            !new.is_empty(),
            "{} {} → {}: not caught",
            seed.fixture,
            seed.from,
            seed.code
        );
        if !seed.at.is_empty() {
            let at = text.find(seed.at).unwrap_or(usize::MAX);
            assert!(
                new.iter()
                    .any(|f| f.range.start == at && f.range.slice(&text) == seed.covers),
                "{} {} → {}: {:#?}",
                seed.fixture,
                seed.from,
                seed.code,
                new
            );
        }
    }
}

#[test]
fn a_deleted_tasks_heading_is_reported_where_the_tasks_belong() {
    let original = fixture("renda-jinan.txt");
    let text = original.replacen("二〇二三年的主要工作\n", "", 1);
    let findings = check(&text);
    let f = findings
        .iter()
        .find(|f| f.code == "BG001")
        .expect("missing tasks caught");
    assert!(f.message.starts_with("缺少工作安排"), "{}", f.message);
    assert!(f.message.contains("2023年工作安排"), "{}", f.message);
    // Applying the fix restores a report with no warning.
    let edit = &f.fixes[0].edits[0];
    let mut fixed = text.clone();
    fixed.replace_range(edit.range.start..edit.range.end, &edit.new_text);
    let after = check(&fixed);
    assert!(
        after.iter().all(|f| f.severity < Severity::Warning),
        "{:#?}",
        after
    );
}

#[test]
fn docs_rules_md_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == baogao::cli::rules::markdown(),
        "docs/rules.md is stale: run `cargo run -- rules --markdown > docs/rules.md`"
    );
}

#[test]
fn every_rule_has_an_anchor_in_the_docs() {
    let markdown = baogao::cli::rules::markdown();
    for doc in rules::all() {
        let anchor = format!("<a id=\"{}\"></a>", doc.code.to_ascii_lowercase());
        assert!(markdown.contains(&anchor), "{}", doc.code);
    }
}
