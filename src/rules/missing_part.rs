//! BG001: a standard part of the detected kind of report is missing.

use super::shared::{self, Located};
use super::{Context, Edit, Finding, Fix, RuleDoc, Severity};
use crate::report::{Kind, Level, Part, Report};
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG001",
    name: "missing-part",
    family: super::Family::Structure,
    default_severity: Severity::Warning,
    summary: "A standard part of the report (title, salutation, opening, review, tasks, closing) is missing",
    explanation: "\
## What it does

Checks that a report has the parts its kind always has (DOMAIN §2): a title,
a salutation (`各位代表:`), an opening (`受市人大常委会委托,我向大会报告工作,
请予审议。`), the review of the year's work, the tasks for the coming year and
a closing. A speech (`汇报发言`) needs only its title, salutation and closing.
A fragment of a report, or a text that is not a report, is never asked for
parts. The finding sits where the part is expected, and its quick fix inserts
a skeleton of the part there.

Extra wordings that count as a part can be configured under `[parts]`.

## Why

The shape of a work report is fixed by convention: it is read aloud at the
session and delegates expect each part in its place. A report without its
tasks part, or without a closing, is unfinished.

## Example

```text
各位代表:
受市人大常委会委托,我向大会报告工作,请予审议。
过去一年的主要工作
……
各位代表,……让我们……而团结奋斗!
```

has no tasks part (`2023年工作安排`, `今后一年工作建议`) between the review and
the closing.
",
};

/// What a report may lack: its title or one of its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Expected {
    Title,
    Part(Part),
}

/// The parts a report of `kind` must have; `optional` asks for those whose
/// absence is only worth a hint.
pub fn expected_parts(kind: Kind, optional: bool) -> &'static [Expected] {
    use Expected::{Part as P, Title};
    match (kind, optional) {
        (Kind::Congress | Kind::Consultative | Kind::Government, false) => &[
            Title,
            P(Part::Salutation),
            P(Part::Opening),
            P(Part::Review),
            P(Part::Tasks),
            P(Part::Closing),
        ],
        (Kind::Congress | Kind::Consultative | Kind::Government, true) => {
            &[P(Part::Thanks), P(Part::Shortcomings)]
        }
        (Kind::Speech, false) => &[Title, P(Part::Salutation), P(Part::Closing)],
        (Kind::Speech, true) | (Kind::Other, _) => &[],
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (report, located) in ctx.reports_with_parts() {
        missing(ctx, report, located, false, &DOC, out);
    }
}

/// Reports each part of `expected_parts(kind, optional)` that `report` lacks.
pub fn missing(
    ctx: &Context,
    report: &Report,
    located: &[Located],
    optional: bool,
    doc: &RuleDoc,
    out: &mut Vec<Finding>,
) {
    let kind = shared::kind_of(ctx, report);
    let has = |part: Part| located.iter().any(|l| l.part == part);
    // A copy printed to be read (as many governments publish their report)
    // starts at its first part: the salutation and the opening are spoken,
    // and without both of them the text is that form, not a slip; their
    // absence is then only worth a hint. One of them alone is missing.
    let spoken = [
        Expected::Part(Part::Salutation),
        Expected::Part(Part::Opening),
    ];
    let printed = matches!(kind, Kind::Congress | Kind::Consultative | Kind::Government)
        && !has(Part::Salutation)
        && !has(Part::Opening)
        && (has(Part::Review) || has(Part::Tasks));
    let extra: &[Expected] = if optional && printed { &spoken } else { &[] };
    for &expected in expected_parts(kind, optional).iter().chain(extra) {
        let present = match expected {
            Expected::Title => report.title.is_some(),
            Expected::Part(part) => has(part),
        };
        if present
            || !optional && printed && spoken.contains(&expected)
            || expected == Expected::Part(Part::Review) && review_lost_heading(report, located)
        {
            continue;
        }
        // A closing written before the end is out of order, not missing.
        if expected == Expected::Part(Part::Closing)
            && super::part_order::early_closing(ctx, report, kind).is_some()
        {
            continue;
        }
        let place = expected_place(ctx, report, located, expected);
        let skeleton = skeleton(ctx, report, kind, expected, located);
        let what = name(expected);
        let mut finding = shared::finding(
            doc,
            place.anchor,
            format!(
                "缺少{what}:{}通常{}{}{}",
                kind.name(),
                usual_wording(kind, expected, report, located, ctx.text),
                if place.at_end {
                    ",应在此段之后"
                } else {
                    ",应在此段之前"
                },
                if optional && printed && spoken.contains(&expected) {
                    "(印发稿常省去称谓和开头语,宣读稿应写上)"
                } else {
                    ""
                }
            ),
        );
        let lb = ctx.line_break();
        let new_text = if place.at_end {
            format!("{lb}{skeleton}")
        } else {
            format!("{skeleton}{lb}")
        };
        finding.push_fix(Fix {
            title: format!("插入{what}"),
            edits: vec![Edit {
                range: TextRange::empty(place.insert_at),
                new_text,
            }],
        });
        out.push(finding);
    }
}

/// A review whose heading a copy lost: its second-level sections
/// (`（一）`…`（九）`) stand in no part before its thanks or shortcomings. The
/// review is there; BG005 reports the heading missing above its sections.
/// (Its `一、` sections left bare are a report's own top level: the lost
/// part heading is then only BG001's to report.)
fn review_lost_heading(report: &Report, located: &[Located]) -> bool {
    let closure = located
        .iter()
        .find(|l| matches!(l.part, Part::Thanks | Part::Shortcomings));
    closure.is_some_and(|closure| {
        report
            .nodes
            .iter()
            .any(|n| n.part.is_none() && n.level > Level::H1 && n.range.start < closure.range.start)
    })
}

fn name(expected: Expected) -> &'static str {
    match expected {
        Expected::Title => "标题",
        Expected::Part(part) => part.name(),
    }
}

/// Where a missing part belongs: the paragraph it should precede (or, at the
/// end of a report, follow) and the offset to insert it at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub insert_at: usize,
    /// The paragraph the finding is shown on.
    pub anchor: TextRange,
    /// The part belongs after the last paragraph of the report.
    pub at_end: bool,
}

/// After the section of the nearest part that comes before it in the usual
/// order, or after the title, or at the start of the report.
pub fn expected_place(
    ctx: &Context,
    report: &Report,
    located: &[Located],
    expected: Expected,
) -> Place {
    let paragraphs = shared::report_paragraphs(ctx, report);
    let after = match expected {
        Expected::Title => None,
        Expected::Part(part) => located
            .iter()
            .filter(|l| l.part < part)
            .map(|l| l.range.end)
            .max()
            .or_else(|| report.title.as_ref().map(|t| t.range.end)),
    };
    let next = match after {
        None => paragraphs.first().copied(),
        Some(end) => {
            let next = paragraphs.iter().find(|p| p.start >= end).copied();
            // Matter after the closing stays after it: a part that belongs
            // before the closing goes before the first appendix.
            let appendix = report
                .walk()
                .find(|n| n.part == Some(Part::Appendix))
                .map(|n| n.range.start);
            match (next, appendix) {
                (Some(p), Some(a)) if p.start > a && expected != Expected::Part(Part::Closing) => {
                    paragraphs.iter().find(|p| p.start >= a).copied()
                }
                (None, Some(a)) => paragraphs.iter().find(|p| p.start >= a).copied(),
                _ => next,
            }
        }
    };
    // A closing missing before notes belongs after the last paragraph of the
    // body, not on the notes' heading.
    let appendix = report
        .walk()
        .find(|n| n.part == Some(Part::Appendix))
        .map(|n| n.range.start);
    let before_notes = expected == Expected::Part(Part::Closing)
        && next.zip(appendix).is_some_and(|(p, a)| p.start >= a);
    if before_notes {
        if let Some(last) = next.and_then(|n| paragraphs.iter().rev().find(|p| p.end <= n.start)) {
            return Place {
                insert_at: last.end,
                anchor: first_line(ctx.text, *last),
                at_end: true,
            };
        }
    }
    match next {
        Some(p) => Place {
            insert_at: p.start,
            anchor: first_line(ctx.text, p),
            at_end: false,
        },
        None => {
            let last = paragraphs.last().copied().unwrap_or(report.range);
            Place {
                insert_at: last.end,
                anchor: first_line(ctx.text, last),
                at_end: true,
            }
        }
    }
}

/// The first sentence of a paragraph, so the finding marks a readable span
/// and not a whole page of a one-line document.
fn first_line(text: &str, p: TextRange) -> TextRange {
    let s = p.slice(text);
    let end = s
        .char_indices()
        .find(|&(_, c)| matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';'))
        .map_or(s.len(), |(i, c)| i + c.len_utf8());
    TextRange::new(p.start, p.start + end)
}

/// The years of the review and of the tasks, for dating the wording and the
/// skeletons: as their headings name them, else the session's year for the
/// tasks and the year before it for the review.
fn years(report: &Report, located: &[Located], text: &str) -> (Option<u32>, Option<u32>) {
    let review = review_year(located, text).or(report.session_year.map(|y| y - 1));
    let tasks = tasks_year(located, text).or(report.session_year);
    (review, tasks)
}

/// The review's year, when the report names one.
fn review_year(located: &[Located], text: &str) -> Option<u32> {
    located
        .iter()
        .filter(|l| l.part == Part::Review)
        .find_map(|l| shared::years(l.heading.slice(text)).last().map(|y| y.value))
}

fn tasks_year(located: &[Located], text: &str) -> Option<u32> {
    located
        .iter()
        .filter(|l| l.part == Part::Tasks)
        .find_map(|l| shared::years(l.heading.slice(text)).next().map(|y| y.value))
}

fn usual_wording(
    kind: Kind,
    expected: Expected,
    report: &Report,
    located: &[Located],
    text: &str,
) -> String {
    let (review, tasks) = years(report, located, text);
    let quoted = |items: &[String]| {
        items
            .iter()
            .map(|s| format!("“{s}”"))
            .collect::<Vec<_>>()
            .join("或")
    };
    let words: Vec<String> = match expected {
        Expected::Title => vec![title(kind).to_string()],
        Expected::Part(Part::Salutation) => vec![salutation(kind).to_string()],
        Expected::Part(Part::Opening) => vec![opening(kind).to_string()],
        Expected::Part(Part::Review) => match tasks {
            Some(y) => vec![format!("{}年工作回顾", y - 1), "过去一年的主要工作".into()],
            None => vec!["过去一年的主要工作".into(), "2022年工作回顾".into()],
        },
        Expected::Part(Part::Tasks) => match review {
            Some(y) => vec![format!("{}年工作安排", y + 1), "今后一年工作建议".into()],
            None => vec!["2023年工作安排".into(), "今后一年工作建议".into()],
        },
        Expected::Part(Part::Thanks) => vec!["在此,我代表……表示衷心的感谢!".into()],
        Expected::Part(Part::Shortcomings) => {
            vec!["我们也清醒地认识到,工作中还存在一些差距和不足".into()]
        }
        Expected::Part(Part::Closing) => vec![closing(kind).to_string()],
        Expected::Part(Part::Lessons | Part::Appendix) => Vec::new(),
    };
    match expected {
        Expected::Title => format!("以{}为题", quoted(&words)),
        Expected::Part(Part::Review | Part::Tasks) => format!("有{}一部分", quoted(&words)),
        _ => format!("写有{}", quoted(&words)),
    }
}

fn title(kind: Kind) -> &'static str {
    match kind {
        Kind::Consultative => "政协××市委员会常务委员会工作报告",
        Kind::Government => "××市政府工作报告",
        Kind::Speech => "××在××会议上的汇报发言",
        Kind::Congress | Kind::Other => "××市人民代表大会常务委员会工作报告",
    }
}

fn salutation(kind: Kind) -> &'static str {
    match kind {
        Kind::Consultative => "各位委员:",
        Kind::Speech => "尊敬的各位领导,同志们:",
        _ => "各位代表:",
    }
}

fn opening(kind: Kind) -> &'static str {
    match kind {
        Kind::Consultative => "现在,我代表政协××市委员会常务委员会,向大会报告工作,请予审议。",
        Kind::Government => {
            "现在,我代表市人民政府,向大会报告工作,请予审议,并请市政协委员和其他列席人员提出意见。"
        }
        _ => "受市人大常委会委托,我向大会报告工作,请予审议。",
    }
}

fn closing(kind: Kind) -> &'static str {
    match kind {
        Kind::Consultative => {
            "各位委员,……让我们更加紧密地团结在以习近平同志为核心的党中央周围,……而团结奋斗!"
        }
        Kind::Speech => "汇报完毕,谢谢!",
        _ => "各位代表,……让我们更加紧密地团结在以习近平同志为核心的党中央周围,……而团结奋斗!",
    }
}

fn thanks(kind: Kind) -> &'static str {
    match kind {
        Kind::Consultative => "在此,我代表政协××市委员会常务委员会,向……表示衷心的感谢!",
        Kind::Government => "在此,我代表市人民政府,向……表示衷心的感谢!",
        _ => "在此,我代表市人大常委会,向……表示衷心的感谢!",
    }
}

/// The text a quick fix inserts for a missing part, in the report's own
/// punctuation width.
fn skeleton(
    ctx: &Context,
    report: &Report,
    kind: Kind,
    expected: Expected,
    located: &[Located],
) -> String {
    let (review, tasks) = years(report, located, ctx.text);
    let text: String = match expected {
        Expected::Title => title(kind).into(),
        Expected::Part(Part::Salutation) => salutation(kind).into(),
        Expected::Part(Part::Opening) => opening(kind).into(),
        Expected::Part(Part::Review) => match tasks {
            Some(y) => format!("{}年工作回顾", y - 1),
            None => "过去一年的主要工作".into(),
        },
        Expected::Part(Part::Tasks) => match review {
            Some(y) => format!("{}年工作安排", y + 1),
            None => "今后一年的主要任务".into(),
        },
        Expected::Part(Part::Thanks) => thanks(kind).into(),
        Expected::Part(Part::Shortcomings) => {
            "我们也清醒地认识到,工作中还存在一些差距和不足:……".into()
        }
        Expected::Part(Part::Closing) => closing(kind).into(),
        Expected::Part(Part::Lessons | Part::Appendix) => String::new(),
    };
    // Most skeletons have no punctuation to widen: the report's width, a
    // search of all of it, is read only for those that have.
    if !text.contains(shared::NARROW_PUNCTUATION) {
        return text;
    }
    shared::with_width(&text, shared::uses_full_width(ctx.text, report.range))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{codes, fixture_findings, run};
    use super::super::Config;
    use super::*;

    const COMPLETE: &str = "××市人民代表大会常务委员会工作报告
各位代表:
受市人大常委会委托,我向大会报告工作,请予审议。
2022年工作回顾
一、坚持党的领导
常委会坚持党的领导,认真履行职责。
二、加强地方立法
全年制定地方性法规5件。
2023年工作安排
一、加强监督工作
常委会将继续加强监督。
各位代表,新征程呼唤新担当。让我们更加紧密地团结在以习近平同志为核心的党中央周围,为建设现代化城市而团结奋斗!
";

    #[test]
    fn dont_flag_a_complete_report() {
        assert_eq!(codes(&run(COMPLETE), "BG001"), 0);
    }

    #[test]
    fn a_review_whose_heading_is_lost_is_no_missing_review() {
        // The copy lost `一、2003年工作回顾` above its sections: BG005 says so
        // at the first `（一）`; the review itself, with its thanks and
        // shortcomings, is there.
        let text = "\
××市政府工作报告
各位代表:
现在,我代表市人民政府,向大会报告工作,请予审议。
（一）经济平稳增长。全年地区生产总值增长6%。
（二）民生持续改善。城镇新增就业5万人。
各位代表,过去一年取得的成绩来之不易。在此,我代表市人民政府,向全市人民表示衷心的感谢!
我们也清醒地看到,发展中还存在一些困难和问题。
二、2004年工作安排
（一）扩大投资。全年完成投资1000亿元。
各位代表,让我们更加紧密地团结在以习近平同志为核心的党中央周围,为建设现代化城市而团结奋斗!
";
        let findings = run(text);
        assert_eq!(codes(&findings, "BG005"), 1);
        assert!(!findings
            .iter()
            .any(|f| f.message.starts_with("缺少工作回顾")));
    }

    #[test]
    fn flags_missing_tasks_with_a_dated_skeleton() {
        let text = COMPLETE
            .replace("2023年工作安排\n", "")
            .replace("一、加强监督工作\n常委会将继续加强监督。\n", "");
        let findings = run(&text);
        let bg001: Vec<_> = findings.iter().filter(|f| f.code == "BG001").collect();
        assert_eq!(bg001.len(), 1, "{findings:#?}");
        let f = bg001[0];
        assert!(f.message.starts_with("缺少工作安排"), "{}", f.message);
        assert!(f.message.contains("2023年工作安排"), "{}", f.message);
        // Expected between the review's last section and the closing.
        assert!(f.range.slice(&text).starts_with("各位代表,新征程"));
        let edit = &f.fixes()[0].edits[0];
        assert_eq!(edit.new_text, "2023年工作安排\n");
        assert_eq!(
            edit.range,
            TextRange::empty(text.find("各位代表,新征程").unwrap())
        );
    }

    #[test]
    fn flags_missing_salutation_and_title_at_the_start() {
        let text = COMPLETE.replace("各位代表:\n", "");
        let findings = run(&text);
        let f = findings.iter().find(|f| f.code == "BG001").unwrap();
        assert!(f.message.starts_with("缺少称谓"), "{}", f.message);
        assert!(f.range.slice(&text).starts_with("受市人大常委会委托"));
        assert_eq!(f.fixes()[0].edits[0].new_text, "各位代表:\n");
    }

    #[test]
    fn dont_flag_fragments_or_non_reports() {
        let feature = "区人大常委会打造“有为人大”\n坚持党的领导\n区人大常委会坚持党的领导,组织代表开展活动30场。\n";
        assert_eq!(codes(&run(feature), "BG001"), 0);
        let page = "(五)推动深圳打造可持续发展先锋\n常委会听取审议了报告。\n(六)推动深港合作\n常委会开展调研。\n";
        assert_eq!(codes(&run(page), "BG001"), 0);
    }

    #[test]
    fn configured_wording_counts_as_the_part() {
        let text = COMPLETE.replace("2023年工作安排", "下一步工作思路");
        let config = Config {
            parts: [(Part::Tasks, vec!["下一步工作思路".to_string()])].into(),
            ..Config::default()
        };
        let doc = crate::report::analyze(&text);
        let with = super::super::check(&text, &doc, &config);
        assert!(with.iter().all(|f| f.code != "BG001"), "{with:#?}");
    }

    #[test]
    fn the_configured_kind_overrides_detection_but_not_fragments() {
        let with_kind = |text: &str, kind: &str| {
            let config = Config {
                kind: Kind::from_id(kind),
                ..Config::default()
            };
            let document = crate::report::analyze(text);
            super::super::check(text, &document, &config)
        };
        let (feature, _) = fixture_findings("003_3ed323abb443ba16.txt");
        assert!(codes(&with_kind(&feature, "congress"), "BG001") > 0);
        let (truncated, _) = fixture_findings("000_0deef21429734504.txt");
        assert_eq!(codes(&with_kind(&truncated, "other"), "BG001"), 0);
        // A speech asks only for its title, salutation and closing.
        assert_eq!(codes(&with_kind(&truncated, "speech"), "BG001"), 1);
        let (page, _) = fixture_findings("002_5ac5394e31afa987.txt");
        assert_eq!(codes(&with_kind(&page, "congress"), "BG001"), 0);
    }

    #[test]
    fn truncated_000_lacks_its_tasks_and_closing() {
        let (text, findings) = fixture_findings("000_0deef21429734504.txt");
        let missing: Vec<&str> = findings
            .iter()
            .filter(|f| f.code == "BG001")
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(missing.len(), 2, "{missing:#?}");
        assert!(missing[0].starts_with("缺少工作安排") || missing[1].starts_with("缺少工作安排"));
        assert!(missing.iter().any(|m| m.starts_with("缺少结束语")));
        let last = crate::report::analyze(&text).reports[0].range;
        for f in findings.iter().filter(|f| f.code == "BG001") {
            // Both belong after the last paragraph of the truncated text.
            assert_eq!(f.fixes()[0].edits[0].range, TextRange::empty(last.end));
            assert!(f.fixes()[0].edits[0].new_text.starts_with('\n'));
            assert!(f.message.ends_with(",应在此段之后"), "{}", f.message);
        }
    }
}
