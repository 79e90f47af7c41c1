//! The rules on the real documents of tests/fixtures: nothing on a complete
//! report, the real gaps of the truncated one, and every seeded fault caught
//! with the right code at the right place.

mod fixture;

use fixture::fixture;
use std::path::Path;

use baogao::report::analyze;
use baogao::rules::{self, Config, Family, Finding, Severity};

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

/// Whether a finding is about the report's structure or figures: the
/// proofreading families (punctuation, numbers, leftovers) find real slips
/// in these copies (the Beijing report's `新增长点;推动…`, the feature's
/// `......`), which `tests/published.rs` and `tests/proofreading.rs` cover.
fn structural(f: &&Finding) -> bool {
    baogao::rules::lookup(f.code)
        .is_some_and(|d| matches!(d.family, Family::Structure | Family::Figures))
}

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
            .filter(structural)
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
    let hints: Vec<&str> = findings.iter().filter(structural).map(|f| f.code).collect();
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
        let all: Vec<&Finding> = findings.iter().filter(structural).collect();
        assert!(all.is_empty(), "{name}:\n{}", describe(&text, &all));
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
        assert_eq!(f.fixes()[0].edits[0].range.start, last, "{}", f.message);
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
    let edit = &f.fixes()[0].edits[0];
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

/// Every standard part of every complete report, deleted in turn (its
/// heading line, or its paragraph), leaves a warning behind: the part is
/// reported missing, or the numbering it took with it is.
#[test]
fn deleting_any_part_of_a_complete_report_is_caught() {
    use baogao::report::Part;
    // Deletions that go unnoticed, each for a reason.
    let unnoticed = [
        // Its tasks are also announced in a sentence (`新的一年…做好以下…工作:`),
        // so the report still has a tasks part.
        ("renda-nantong.txt", Part::Tasks),
        // The last of two tasks parts (`三、2026年重点工作`): its sections
        // then read as part of `二、…目标任务`.
        ("zhengfu-beijing-2026.txt", Part::Tasks),
        // The paragraph before the closing also opens `各位代表,` and calls
        // (`新的一年,我们要…`): the parser takes it for the closing.
        ("renda-fuxin.txt", Part::Closing),
    ];
    let mut deletions = 0;
    for name in COMPLETE {
        let text = fixture(name);
        let document = analyze(&text);
        let report = &document.reports[0];
        for node in report.walk() {
            let Some(part) = node.part.filter(|p| {
                matches!(
                    p,
                    Part::Salutation | Part::Opening | Part::Review | Part::Tasks | Part::Closing
                )
            }) else {
                continue;
            };
            let line_start = text[..node.heading.start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[node.heading.start..]
                .find('\n')
                .map_or(text.len(), |i| node.heading.start + i + 1);
            let seeded = format!("{}{}", &text[..line_start], &text[line_end..]);
            deletions += 1;
            let loud = check(&seeded)
                .into_iter()
                .filter(|f| f.severity >= Severity::Warning)
                .count();
            if loud == 0 {
                assert!(
                    unnoticed.contains(&(name, part)),
                    "{name}: deleting the {} line {:?} went unnoticed",
                    part.id(),
                    text[line_start..line_end]
                        .chars()
                        .take(30)
                        .collect::<String>()
                );
            }
        }
    }
    assert!(deletions >= 24 * 5, "{deletions}");
}

/// In every numbered heading list of every complete report, a number
/// skipped at the second heading (`一、三、四、` for `一、二、三、`) is
/// reported at that marker.
#[test]
fn skipping_a_number_in_any_heading_list_is_caught() {
    use baogao::report::{MarkerStyle, Node, Part};
    fn lists<'a>(children: &'a [Node], out: &mut Vec<Vec<&'a Node>>) {
        for style in [
            MarkerStyle::ChineseNumeral,
            MarkerStyle::ChineseParen,
            MarkerStyle::ArabicNumeral,
            MarkerStyle::ArabicParen,
        ] {
            let list: Vec<&Node> = children
                .iter()
                .filter(|n| n.marker.as_ref().is_some_and(|m| m.style == style))
                .collect();
            if list.len() >= 3 {
                out.push(list);
            }
        }
        for child in children.iter().filter(|c| c.part != Some(Part::Appendix)) {
            lists(&child.children, out);
        }
    }
    let mut seeded_count = 0;
    for name in COMPLETE {
        let text = fixture(name);
        let document = analyze(&text);
        let mut all = Vec::new();
        lists(&document.reports[0].nodes, &mut all);
        for list in all {
            let marker = list[1].marker.as_ref().unwrap();
            let written = marker.range.slice(&text);
            let bumped = written.replace('二', "三").replace('2', "3");
            assert_ne!(written, bumped, "{name}: {written}");
            let seeded = format!(
                "{}{}{}",
                &text[..marker.range.start],
                bumped,
                &text[marker.range.end..]
            );
            seeded_count += 1;
            let found = check(&seeded);
            assert!(
                found.iter().any(|f| f.code == "BG004"
                    && f.range.start == marker.range.start
                    && f.range.slice(&seeded) == bumped),
                "{name}: {written} → {bumped} not caught: {:#?}",
                found
                    .iter()
                    .map(|f| (f.code, &f.message))
                    .collect::<Vec<_>>()
            );
        }
    }
    assert!(seeded_count > 40, "{seeded_count}");
}

/// A deleted part is reported by its own name, not as another part the
/// parser mistook for it: the opening is looked for before the first part
/// heading only, and a `二〇二三年的主要工作` after the thanks is the tasks.
#[test]
fn a_deleted_part_is_named() {
    for (name, line, missing) in [
        (
            "renda-changzhou.txt",
            "我受常州市第十七届人民代表大会常务委员会委托,向大会报告工作,请予审议。\n",
            "缺少开头语",
        ),
        (
            "renda-jinan.txt",
            "二〇二二年以来的主要工作\n",
            "缺少工作回顾",
        ),
    ] {
        let text = fixture(name).replacen(line, "", 1);
        let findings = check(&text);
        let reported: Vec<&str> = findings
            .iter()
            .filter(|f| f.code == "BG001")
            .map(|f| f.message.split(':').next().unwrap_or(""))
            .collect();
        assert_eq!(reported, vec![missing], "{name}");
    }
}

/// Glossaries and lists of 民生实事 after the closing keep their own
/// numbering: the closing stays the closing and nothing there is checked.
#[test]
fn matter_after_the_closing_is_not_checked() {
    use baogao::report::Part;
    let report = fixture("renda-baicheng.txt");
    for appendix in [
        "附件\n名词解释\n1.基层立法联系点:指……。\n3.代表联络站:指……。\n",
        "名词解释\n1.基层立法联系点:指……。\n1.代表联络站:指……。\n",
        "2023年市政府民生实事项目\n一、教育\n新建学校3所。\n三、医疗\n新建医院2所。\n",
        "附件1:\n(一)甲\n(一)乙\n",
    ] {
        let text = format!("{report}{appendix}");
        let findings = check(&text);
        let loud: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .collect();
        assert!(loud.is_empty(), "{appendix}\n{}", describe(&text, &loud));
        let document = analyze(&text);
        let last = document.reports[0].nodes.last().unwrap();
        assert_eq!(last.part, Some(Part::Appendix), "{appendix}");
        assert!(document.reports[0].part(Part::Closing).is_some());
    }
}

/// A published 政府工作报告 as printed (full-width punctuation, bold `一、`
/// headings, inline `（1）` items), with numbering faults seeded at either
/// level: each is reported by its code at its marker, and the report as
/// published has none.
#[test]
fn numbering_faults_seeded_in_a_published_report_are_found_at_their_line() {
    let name = "published/政府工作报告-主要城市/广州市/2021.md";
    let original = fixture(name);
    let numbering = |text: &str| -> Vec<Finding> {
        check(text)
            .into_iter()
            .filter(|f| matches!(f.code, "BG004" | "BG005" | "BG011"))
            .collect()
    };
    let clean = numbering(&original);
    assert!(
        clean.is_empty(),
        "{}",
        describe(&original, &clean.iter().collect::<Vec<_>>())
    );
    // (code, text replaced, its replacement, where the finding starts, what it covers)
    let seeds = [
        // A gap at level 1: 一、 then 三、.
        (
            "BG004",
            "**二、“十四五”",
            "**三、“十四五”",
            "三、“十四五”",
            "三、",
        ),
        // A repeat at level 2: （二） twice.
        (
            "BG004",
            "（三）城市能级显著提高",
            "（二）城市能级显著提高",
            "（二）城市能级",
            "（二）",
        ),
        // A gap at level 2 in the tasks.
        (
            "BG004",
            "（五）推进“双区”建设",
            "（六）推进“双区”建设",
            "（六）推进“双区”",
            "（六）",
        ),
        // A （一） whose 一、 was lost, before the 二、 of its siblings.
        (
            "BG005",
            "**一、“十三五”时期发展成就和2020年主要工作**\n",
            "",
            "（一）综合实力",
            "（一）",
        ),
    ];
    for (code, from, to, at, covers) in seeds {
        assert!(original.contains(from), "{from:?} not found");
        let text = original.replacen(from, to, 1);
        let found = numbering(&text);
        let start = text.find(at).unwrap();
        assert!(
            found.iter().any(|f| f.code == code
                && f.range.start == start
                && f.range.slice(&text) == covers),
            "{from} → {to}: {}",
            describe(&text, &found.iter().collect::<Vec<_>>())
        );
    }
}
