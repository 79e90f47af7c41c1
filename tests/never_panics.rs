//! Property tests: the analysis and the rules take any text without
//! panicking, and what they return always holds together: outline ranges
//! nest, and every finding, related place and quick-fix edit lies inside the
//! text on character boundaries, so an editor can always apply it.

use baogao::report::analyze;
use baogao::rules;
use baogao::rules::Config;
use baogao::text::TextRange;
use proptest::prelude::*;

/// Pieces that real reports are made of, faults included, so random texts
/// reach every path of the parser and every rule.
const PIECES: &[&str] = &[
    "一、",
    "二、",
    "十一、",
    "(一)",
    "（二）",
    "1.",
    "2、",
    "(1)",
    "（3）",
    "一是",
    "二是",
    "第一,",
    "各位代表:",
    "各位委员：",
    "受市人大常委会委托,我向大会报告工作,请予审议。",
    "过去一年的主要工作",
    "2023年工作安排",
    "在此,我代表常委会表示衷心的感谢!",
    "我们也清醒地认识到还存在不足。",
    "各位代表,让我们团结奋斗!",
    "汇报完毕,谢谢!",
    "**",
    "# ",
    "---",
    "(第3/9页)",
    "上一篇:",
    "。",
    "，",
    ",",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\u{3000}",
    "\u{feff}",
    "😀",
    "𠮷",
    "\u{0}",
    "\u{7}",
    "工作报告",
    "召开会议9次",
    "480余万元",
    "“两个确立”",
    "某市人民代表大会常务委员会工作报告\n",
    "四、",
    "一.",
    "二,",
    "(三）",
    "3.",
    "四是",
    "第三,",
    "重点抓好四个方面工作:",
    "以下三点建议:",
    "2022年工作回顾",
    "2024年工作安排",
    "二〇二三年的主要工作",
    "各位代表,让我们更加紧密地团结在以习近平同志为核心的党中央周围,为建设现代化城市而团结奋斗!",
    "名词解释",
    "附件",
    "召开常委会会议9次",
    "召开常委会会议8次",
    "2026年北京市政府工作报告\n",
];

fn report_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => any::<String>(),
        ],
        0..120,
    )
    .prop_map(|parts| parts.concat())
}

fn cases() -> u32 {
    std::env::var("BAOGAO_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

fn valid(text: &str, range: TextRange) -> bool {
    range.start <= range.end
        && range.end <= text.len()
        && text.is_char_boundary(range.start)
        && text.is_char_boundary(range.end)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn any_text_gives_a_consistent_outline(text in report_like()) {
        let doc = analyze(&text);
        for p in &doc.paragraphs {
            prop_assert!(p.end <= text.len() && text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
        }
        for report in &doc.reports {
            for node in report.walk() {
                prop_assert!(node.range.start <= node.range.end);
                prop_assert!(report.range.contains_range(node.range));
                prop_assert!(text.is_char_boundary(node.heading.start) && text.is_char_boundary(node.heading.end));
                for pair in node.children.windows(2) {
                    prop_assert!(pair[0].range.end <= pair[1].range.start);
                }
            }
        }
    }

    #[test]
    fn every_range_is_inside_the_text(text in report_like()) {
        let document = analyze(&text);
        for f in rules::check(&text, &document, &Config::default()) {
            prop_assert!(valid(&text, f.range), "{} {:?}", f.code, f.range);
            prop_assert!(!f.message.is_empty());
            for r in f.related() {
                prop_assert!(valid(&text, r.range), "{} related {:?}", f.code, r.range);
            }
            for fix in f.fixes() {
                prop_assert!(!fix.edits.is_empty());
                for e in &fix.edits {
                    prop_assert!(valid(&text, e.range), "{} edit {:?}", f.code, e.range);
                }
                // Edits of one fix never overlap, so they apply together.
                let mut ranges: Vec<TextRange> = fix.edits.iter().map(|e| e.range).collect();
                ranges.sort();
                for pair in ranges.windows(2) {
                    prop_assert!(pair[0].end <= pair[1].start, "{} overlapping edits", f.code);
                }
            }
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        let document = analyze(&text);
        rules::check(&text, &document, &Config::default());
    }
}

#[test]
fn a_one_megabyte_line_is_analysed() {
    let line =
        "一、坚持党的领导。一是加强学习。二是抓好落实。(一)推进工作,召开会议9次。".repeat(12_000);
    assert!(line.len() > 1 << 20);
    let doc = analyze(&line);
    assert!(!doc.reports.is_empty());
}
