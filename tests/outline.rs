//! The outline of every real document in tests/fixtures, as reviewed
//! snapshots, plus explicit assertions of the structure that matters.

mod fixture;

use fixture::{fixture, fixture_names};

use baogao::cli::outline;
use baogao::input::Input;
use baogao::report::{analyze, Document, Kind, Level, NoiseKind, Part, Report};

fn only_report(doc: &Document) -> &Report {
    assert_eq!(doc.reports.len(), 1, "expected one report");
    &doc.reports[0]
}

/// Labels of the H1 headings of a report, with their markers' numbers.
fn h1_labels(report: &Report) -> Vec<(u32, String)> {
    report
        .walk()
        .filter(|n| n.level == Level::H1 && n.part != Some(Part::Appendix))
        .map(|n| (n.marker.as_ref().map_or(0, |m| m.number), n.label.clone()))
        .collect()
}

#[test]
fn outline_snapshots_of_every_fixture() {
    for name in fixture_names() {
        let text = fixture(&name);
        let input = Input {
            name: name.clone(),
            text,
            decoded_from: None,
        };
        let document = analyze(&input.text);
        insta::assert_snapshot!(
            name.trim_end_matches(".txt"),
            outline::render(&input, &document)
        );
    }
}

#[test]
fn kind_of_every_fixture() {
    for name in fixture_names() {
        let doc = analyze(&fixture(&name));
        let expected = match name.as_str() {
            n if n.starts_with("renda-") => Kind::Congress,
            n if n.starts_with("zhengxie-") => Kind::Consultative,
            n if n.starts_with("zhengfu-") => Kind::Government,
            n if n.starts_with("000_") => Kind::Congress,
            n if n.starts_with("004_") => Kind::Speech,
            n if n.starts_with("002_") || n.starts_with("003_") => Kind::Other,
            "compilation-22.txt" => continue,
            other => panic!("unclassified fixture {other}"),
        };
        assert_eq!(only_report(&doc).kind, expected, "{name}");
    }
    assert!(only_report(&analyze(&fixture("002_5ac5394e31afa987.txt"))).fragment);
    assert!(!only_report(&analyze(&fixture("003_3ed323abb443ba16.txt"))).fragment);
}

#[test]
fn compilation_has_22_reports_in_order_with_their_own_parts() {
    let text = fixture("compilation-22.txt");
    let doc = analyze(&text);
    assert_eq!(doc.reports.len(), 22);
    let titles: Vec<&str> = doc
        .reports
        .iter()
        .map(|r| r.title.as_ref().map_or("", |t| t.text.as_str()))
        .collect();
    assert_eq!(titles[0], "白城市人民代表大会常务委员会工作报告");
    assert_eq!(titles[3], "德阳市委员会常务委员会工作报告");
    assert_eq!(titles[21], "自贡市人民代表大会常务委员会工作报告");
    for report in &doc.reports {
        assert!(report.kind == Kind::Congress || report.kind == Kind::Consultative);
        for part in [
            Part::Salutation,
            Part::Opening,
            Part::Review,
            Part::Tasks,
            Part::Closing,
        ] {
            assert!(
                report.part(part).is_some(),
                "{:?} lacks {part:?}",
                report.title
            );
        }
    }
    // Each report of the compilation has the same outline as its own file.
    let single = analyze(&fixture("renda-baicheng.txt"));
    assert_eq!(h1_labels(&doc.reports[0]), h1_labels(only_report(&single)));
    let kinds: Vec<NoiseKind> = doc.noise.iter().map(|n| n.kind).collect();
    assert_eq!(
        kinds,
        [
            NoiseKind::SiteBanner,
            NoiseKind::TableOfContents,
            NoiseKind::TableOfContents,
            NoiseKind::NavigationLink
        ]
    );
}

#[test]
fn level_one_headings_of_real_reports() {
    let doc = analyze(&fixture("000_0deef21429734504.txt"));
    let report = only_report(&doc);
    let h1 = h1_labels(report);
    assert_eq!(h1.len(), 6);
    assert_eq!(
        h1[0],
        (
            1,
            "坚持党的全面领导,牢牢把握人大工作正确政治方向".to_string()
        )
    );
    assert_eq!(h1[5].0, 6);
    let review = report.part(Part::Review).unwrap();
    assert_eq!(review.label, "过去一年的主要工作");
    assert_eq!(review.children.len(), 6);
    assert_eq!(review.children[3].children.len(), 6, "四、 has (一)…(六)");
    assert!(
        report.part(Part::Tasks).is_none(),
        "000 is cut off before its tasks"
    );
    assert!(report.part(Part::Closing).is_none());

    // Numbered parts: 一、2022年工作回顾 / 二、2023年工作打算 with (一) below.
    let doc = analyze(&fixture("renda-yongzhou.txt"));
    let report = only_report(&doc);
    let review = report.part(Part::Review).unwrap();
    assert_eq!(review.level, Level::H1);
    assert_eq!(review.label, "2022年工作回顾");
    assert_eq!(
        review
            .children
            .iter()
            .filter(|n| n.level == Level::H2)
            .count(),
        5
    );
    let tasks = report.part(Part::Tasks).unwrap();
    assert_eq!(tasks.label, "2023年工作打算");

    // Government report with full-width punctuation and page chrome.
    let doc = analyze(&fixture("zhengfu-beijing-2026.txt"));
    let report = only_report(&doc);
    assert_eq!(
        report.title.as_ref().unwrap().text,
        "2026年北京市政府工作报告"
    );
    let h1 = h1_labels(report);
    assert_eq!(
        h1.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>(),
        [
            "2025年工作回顾",
            "“十四五”时期发展成就和“十五五”时期主要目标任务",
            "2026年重点工作"
        ]
    );
    let work = report.walk().find(|n| n.label == "2026年重点工作").unwrap();
    assert_eq!(
        work.children
            .iter()
            .filter(|n| n.level == Level::H2)
            .count(),
        10
    );
    let review = report.part(Part::Review).unwrap();
    let items: Vec<u32> = review
        .children
        .iter()
        .map(|n| n.marker.as_ref().unwrap().number)
        .collect();
    assert_eq!(items, [1, 2, 3, 4, 5, 6], "一是…六是");
    let noise: Vec<NoiseKind> = doc.noise.iter().map(|n| n.kind).collect();
    for kind in [
        NoiseKind::Toolbar,
        NoiseKind::DateVenue,
        NoiseKind::SourceLine,
        NoiseKind::Speaker,
        NoiseKind::Caption,
    ] {
        assert!(noise.contains(&kind), "{kind:?} not recognised");
    }
}

#[test]
fn one_line_speech_is_split_at_its_inline_headings() {
    let text = fixture("004_5840c7f5b0384c13.txt");
    assert_eq!(text.lines().count(), 1);
    let doc = analyze(&text);
    let report = only_report(&doc);
    assert_eq!(
        report.title.as_ref().unwrap().text,
        "人大办在全市全面深化改革推进大会上的汇报发言"
    );
    assert_eq!(
        h1_labels(report)
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert_eq!(h1_labels(report)[1].1, "推动监督与改革同方向");
    let salutation = report.part(Part::Salutation).unwrap();
    assert_eq!(salutation.heading.slice(&text), "尊敬的各位领导,同志们:");
    let closing = report.part(Part::Closing).unwrap();
    assert!(closing.heading.slice(&text).starts_with("汇报完毕"));
}

#[test]
fn fragment_and_feature_are_not_reports() {
    let doc = analyze(&fixture("002_5ac5394e31afa987.txt"));
    let report = only_report(&doc);
    assert!(report.title.is_none());
    assert_eq!(report.nodes[0].label, "推动深圳打造可持续发展先锋");
    assert!(doc.noise.iter().any(|n| n.kind == NoiseKind::PageMarker));
    assert!(doc
        .noise
        .iter()
        .any(|n| n.kind == NoiseKind::NavigationLink));

    let doc = analyze(&fixture("003_3ed323abb443ba16.txt"));
    let report = only_report(&doc);
    let headings: Vec<&str> = report.nodes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(headings.len(), 5);
    assert_eq!(headings[0], "坚持党的领导 护航全过程人民民主正确政治方向");
}

#[test]
fn every_numbered_heading_line_is_in_the_outline() {
    // Every line that starts with 一、 or (一) in a report is a heading at
    // level H1 / H2 (the compilation's table of contents uses 1. and is noise).
    for name in fixture_names() {
        let text = fixture(&name);
        let doc = analyze(&text);
        let starts: Vec<(usize, Level)> = doc
            .reports
            .iter()
            .flat_map(|r| r.walk())
            .map(|n| (n.heading.start, n.level))
            .collect();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim_start();
            let at = offset + (line.len() - trimmed.len());
            offset += line.len();
            let level = if trimmed.starts_with(['(', '（'])
                && trimmed
                    .chars()
                    .nth(1)
                    .is_some_and(|c| "一二三四五六七八九十".contains(c))
                && trimmed.contains([')', '）'])
            {
                Level::H2
            } else if trimmed
                .chars()
                .next()
                .is_some_and(|c| "一二三四五六七八九十".contains(c))
                && trimmed.chars().take(4).any(|c| c == '、')
            {
                Level::H1
            } else {
                continue;
            };
            assert!(
                starts.contains(&(at, level)),
                "{name}: `{}` is not an {level:?} heading",
                trimmed.chars().take(20).collect::<String>()
            );
        }
    }
}

#[test]
fn node_ranges_nest_and_follow_each_other() {
    for name in fixture_names() {
        let text = fixture(&name);
        let doc = analyze(&text);
        for report in &doc.reports {
            for node in report.walk() {
                assert!(
                    node.range.contains_range(node.heading) || node.heading.is_empty(),
                    "{name}: {}",
                    node.label
                );
                assert!(
                    report.range.contains_range(node.range),
                    "{name}: {}",
                    node.label
                );
                for pair in node.children.windows(2) {
                    assert!(
                        pair[0].range.end <= pair[1].range.start,
                        "{name}: {} overlaps {}",
                        pair[0].label,
                        pair[1].label
                    );
                }
                for child in &node.children {
                    assert!(
                        node.range.contains_range(child.range),
                        "{name}: {} outside {}",
                        child.label,
                        node.label
                    );
                }
                assert!(
                    text.is_char_boundary(node.range.start)
                        && text.is_char_boundary(node.range.end)
                );
            }
        }
    }
}

#[test]
fn level_two_headings_sit_under_the_level_one_heading_before_them() {
    for name in fixture_names() {
        let doc = analyze(&fixture(&name));
        for report in &doc.reports {
            let mut last_h1: Option<(usize, usize)> = None;
            for node in report.walk() {
                match node.level {
                    Level::H1 => last_h1 = Some((node.range.start, node.range.end)),
                    Level::H2 => {
                        if let Some((start, end)) = last_h1 {
                            if node.range.start > start && node.range.start < end {
                                assert!(
                                    node.range.end <= end,
                                    "{name}: {} leaves its 一、",
                                    node.label
                                );
                            }
                        }
                    }
                    _ => {}
                }
            }
            // An H2 is never a child of another H2 or of an item.
            for node in report.walk() {
                for child in &node.children {
                    if child.level == Level::H2 {
                        assert!(
                            node.level < Level::H2,
                            "{name}: {} under {}",
                            child.label,
                            node.label
                        );
                    }
                }
            }
        }
    }
}
