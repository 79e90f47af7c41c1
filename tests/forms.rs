//! Small inputs for each heading form, noise form and odd text shape.

use baogao::report::{analyze, Kind, Level, MarkerStyle, NoiseKind, Part, Width};

fn outline(text: &str) -> Vec<(Level, String)> {
    analyze(text)
        .reports
        .iter()
        .flat_map(|r| r.walk())
        .map(|n| (n.level, n.label.clone()))
        .collect()
}

const REPORT: &str = "某市人民代表大会常务委员会工作报告\n各位代表:\n受市人大常委会委托,我向大会报告工作,请予审议。\n过去一年的主要工作\n一、坚持党的领导\n(一)加强理论武装。全年召开会议9次。\n(二)落实决策部署。内容。\n二、提高立法质量\n1.加强地方立法。内容。\n(1)制定条例。内容。\n在此,我代表市人大常委会,向大家表示衷心的感谢!\n我们也清醒地认识到,工作还存在一些差距和不足。\n2023年的主要任务\n一、加强监督\n各位代表,让我们更加紧密地团结在一起,为建设美好家园而团结奋斗!\n";

#[test]
fn half_width_report_has_every_level_and_part() {
    let doc = analyze(REPORT);
    let report = &doc.reports[0];
    assert_eq!(report.kind, Kind::Congress);
    for part in [
        Part::Salutation,
        Part::Opening,
        Part::Review,
        Part::Thanks,
        Part::Shortcomings,
        Part::Tasks,
        Part::Closing,
    ] {
        assert!(report.part(part).is_some(), "{part:?}");
    }
    let levels: Vec<Level> = report.walk().map(|n| n.level).collect();
    for level in [Level::Part, Level::H1, Level::H2, Level::H3, Level::H4] {
        assert!(levels.contains(&level), "{level:?}");
    }
    let review = report.part(Part::Review).unwrap();
    let second = &review.children[1];
    assert_eq!(second.label, "提高立法质量");
    assert_eq!(second.children[0].level, Level::H3);
    assert_eq!(second.children[0].children[0].level, Level::H4);
}

#[test]
fn full_width_punctuation_reads_the_same() {
    let full = REPORT
        .replace('(', "（")
        .replace(')', "）")
        .replace(',', "，")
        .replace(':', "：")
        .replace('!', "！")
        .replace("1.", "1．");
    let half: Vec<(Level, String)> = outline(REPORT);
    let full_outline: Vec<(Level, String)> = outline(&full)
        .into_iter()
        .map(|(l, s)| {
            (
                l,
                s.replace('，', ",").replace('：', ":").replace('！', "!"),
            )
        })
        .collect();
    assert_eq!(half, full_outline);
    let doc = analyze(&full);
    let h2 = doc.reports[0]
        .walk()
        .find(|n| n.level == Level::H2)
        .unwrap();
    assert_eq!(h2.marker.as_ref().unwrap().width, Some(Width::Full));
}

#[test]
fn crlf_bom_and_no_trailing_newline() {
    let crlf = format!("\u{feff}{}", REPORT.replace('\n', "\r\n"));
    let crlf = crlf.trim_end();
    let doc = analyze(crlf);
    assert_eq!(outline(crlf), outline(REPORT));
    let title = doc.reports[0].title.as_ref().unwrap();
    assert_eq!(title.range.start, 3, "ranges count the BOM");
    assert_eq!(
        title.range.slice(crlf),
        "某市人民代表大会常务委员会工作报告"
    );
    for node in doc.reports[0].walk() {
        assert!(!node.heading.slice(crlf).ends_with('\r'));
    }
}

#[test]
fn empty_and_blank_texts_have_no_reports() {
    for text in ["", "   \n\t\n\u{3000}\r\n", "\u{feff}"] {
        let doc = analyze(text);
        assert!(doc.reports.is_empty(), "{text:?}");
        assert!(doc.paragraphs.is_empty());
    }
}

#[test]
fn unnumbered_part_headings_in_slogan_forms() {
    // 镇江 2021, 黄山 2022, 淮北 2014: a slogan in two halves, a slogan
    // before the part it heads, a year before a slogan in bold.
    let text = "镇江市政府工作报告\n各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n\
                打赢收官战，全面建成小康社会胜利在望\n2020年是极不平凡的一年。\n\
                一年来，我们主要做了以下工作:\n（一）经济稳中向好。全年增长5%。\n\
                同时，我们清醒看到，发展不充分仍是我市最大短板。\n\
                埋头苦干、勇毅前行——2021年主要工作\n今年是“十四五”开局之年。\n\
                **2021年：改革创新、稳中求进**\n（一）培育新兴动能。内容。\n\
                各位代表！让我们团结奋斗，为建设美好镇江而努力奋斗！\n";
    let labels: Vec<(Level, String)> = outline(text);
    let part_headings: Vec<&str> = labels
        .iter()
        .filter(|(level, _)| *level == Level::Part)
        .map(|(_, label)| label.as_str())
        .collect();
    assert!(
        part_headings.contains(&"打赢收官战，全面建成小康社会胜利在望"),
        "{labels:?}"
    );
    assert!(
        part_headings.contains(&"埋头苦干、勇毅前行——2021年主要工作"),
        "{labels:?}"
    );
    assert!(
        part_headings.contains(&"2021年：改革创新、稳中求进"),
        "{labels:?}"
    );
    let report = &analyze(text).reports[0];
    assert!(report.part(Part::Review).is_some() && report.part(Part::Tasks).is_some());
}

#[test]
fn markdown_heading_and_bold_forms() {
    let text = "# 某市政府工作报告\n各位代表:\n现在,我代表市人民政府,向大会报告工作,请予审议。\n## 一、2023年工作回顾\n**（一）经济稳中向好。**全年增长5%。\n**（二）民生持续改善。**内容。\n## 二、2024年重点工作\n**市人大代表提出建议。\n";
    let doc = analyze(text);
    let report = &doc.reports[0];
    assert_eq!(report.kind, Kind::Government);
    let review = report.part(Part::Review).unwrap();
    assert_eq!(review.label, "2023年工作回顾");
    assert_eq!(review.children[0].label, "经济稳中向好");
    assert_eq!(
        review.children[0].heading.slice(text),
        "**（一）经济稳中向好。**"
    );
    assert_eq!(report.part(Part::Tasks).unwrap().label, "2024年重点工作");
    // `**市` is a redacted name, not bold: no heading.
    assert!(report.walk().all(|n| !n.label.contains("市人大代表")));
}

#[test]
fn inline_enumerators_are_items_in_order() {
    let text = "一、加强监督\n一是听取报告。内容。二是开展检查。内容。四是不在序列。\n第一,要提高站位。第二,要抓好落实。\n";
    let items: Vec<(MarkerStyle, u32, String)> = analyze(text).reports[0]
        .walk()
        .filter(|n| n.level == Level::Item)
        .map(|n| {
            let m = n.marker.as_ref().unwrap();
            (m.style, m.number, n.label.clone())
        })
        .collect();
    assert_eq!(
        items,
        [
            (MarkerStyle::InlineShi, 1, "听取报告".to_string()),
            (MarkerStyle::InlineShi, 2, "开展检查".to_string()),
            (MarkerStyle::Ordinal, 1, "要提高站位".to_string()),
            (MarkerStyle::Ordinal, 2, "要抓好落实".to_string()),
        ]
    );
}

#[test]
fn front_matter_and_page_noise_stay_out_of_the_outline() {
    let text = "---\ntitle: 报告\ndate: 2024-01-01\n---\n某市人大常委会工作报告\n——2024年1月8日在某市第十六届人民代表大会第五次会议上\n各位代表:\n受委托,我向大会报告工作,请予审议。\n(第3/9页)\n上一篇:另一篇文章\n";
    let doc = analyze(text);
    let kinds: Vec<NoiseKind> = doc.noise.iter().map(|n| n.kind).collect();
    assert_eq!(
        kinds,
        [
            NoiseKind::FrontMatter,
            NoiseKind::FrontMatter,
            NoiseKind::FrontMatter,
            NoiseKind::FrontMatter,
            NoiseKind::DateVenue,
            NoiseKind::PageMarker,
            NoiseKind::NavigationLink
        ]
    );
    let report = &doc.reports[0];
    assert_eq!(
        report.title.as_ref().unwrap().text,
        "某市人大常委会工作报告"
    );
    assert_eq!(report.kind, Kind::Congress);
    assert!(report.walk().all(|n| !n.label.contains("上一篇")));
}

#[test]
fn wrong_separators_are_still_headings() {
    let text = "一.第一部分\n内容。\n二,第二部分\n内容。\n三、第三部分\n";
    let seps: Vec<Option<char>> = analyze(text).reports[0]
        .walk()
        .filter_map(|n| n.marker.as_ref().map(|m| m.separator))
        .collect();
    assert_eq!(seps, [Some('.'), Some(','), Some('、')]);
}

#[test]
fn one_line_document_without_inline_headings_is_one_paragraph() {
    let text = "这是一篇普通的新闻报道,全文只有一行。".repeat(40);
    let doc = analyze(&text);
    assert_eq!(doc.paragraphs.len(), 1);
    assert_eq!(doc.reports[0].kind, Kind::Other);
}

#[test]
fn markdown_government_report_with_front_matter_and_bold() {
    let text = "---\ntitle: \"政府工作报告\"\nsource: 某市人民政府网\n---\n\n# 政府工作报告\n\n——2025年1月8日在某市第十六届人民代表大会第五次会议上\n\n某市人民政府市长　张三\n\n各位代表：\n\n现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。\n\n## 一、过去五年工作回顾\n\n**（一）经济实力跃上新台阶。**地区生产总值年均增长6%。\n\n**（二）改革开放迈出新步伐。**内容。\n\n在此，我代表市人民政府，向全市人民表示衷心的感谢！\n\n我们也清醒看到，发展中还存在不少困难和问题。\n\n## 二、今后五年的目标任务\n\n内容。\n\n## 三、2025年工作\n\n**（一）扩大有效需求。**内容。\n\n各位代表！让我们更加紧密地团结在一起，为建设美好家园而努力奋斗！\n";
    let doc = analyze(text);
    assert_eq!(doc.reports.len(), 1);
    let report = &doc.reports[0];
    assert_eq!(report.kind, Kind::Government);
    assert_eq!(report.title.as_ref().unwrap().text, "政府工作报告");
    let parts: Vec<(Part, String)> = report
        .walk()
        .filter_map(|n| n.part.map(|p| (p, n.label.clone())))
        .collect();
    let names: Vec<Part> = parts.iter().map(|(p, _)| *p).collect();
    assert_eq!(
        names,
        [
            Part::Salutation,
            Part::Opening,
            Part::Review,
            Part::Thanks,
            Part::Shortcomings,
            Part::Tasks,
            Part::Tasks,
            Part::Closing
        ]
    );
    assert_eq!(parts[6].1, "2025年工作");
    let kinds: Vec<NoiseKind> = doc.noise.iter().map(|n| n.kind).collect();
    assert!(kinds.contains(&NoiseKind::FrontMatter));
    assert!(kinds.contains(&NoiseKind::DateVenue));
    assert!(kinds.contains(&NoiseKind::Speaker));
    let review = report.part(Part::Review).unwrap();
    assert_eq!(review.children.len(), 2);
    assert_eq!(review.children[0].label, "经济实力跃上新台阶");
}

#[test]
fn lessons_paragraph_is_a_part() {
    let text = "某市人大常委会工作报告\n各位代表:\n受委托,我向大会报告工作,请予审议。\n过去五年工作回顾\n一、立法\n内容。\n我们深切体会到,必须坚持党的领导。\n今后一年的主要任务\n一、监督\n";
    let report = &analyze(text).reports[0];
    assert!(report.part(Part::Lessons).is_some());
}

#[test]
fn title_on_two_lines_and_parts_announced_in_sentences() {
    let text = "某市人民代表大会常务委员会\n工作报告\n（2024年1月10日）\n各位代表：\n受市人大常委会委托，我向大会报告工作，请予审议。\n一年来，我们主要做了以下工作：\n一、坚持党的领导\n内容。\n二、加强地方立法\n内容。\n在此，我代表市人大常委会，向大家表示衷心的感谢！\n新的一年，常委会将重点做好以下工作：\n一、加强监督\n内容。\n各位代表，让我们团结奋斗！\n";
    let doc = analyze(text);
    assert_eq!(doc.reports.len(), 1);
    let report = &doc.reports[0];
    assert_eq!(
        report.title.as_ref().unwrap().text,
        "某市人民代表大会常务委员会工作报告"
    );
    assert_eq!(report.kind, Kind::Congress);
    assert_eq!(
        doc.noise.iter().map(|n| n.kind).collect::<Vec<_>>(),
        [NoiseKind::DateVenue]
    );
    let review = report.part(Part::Review).unwrap();
    assert_eq!(review.label, "一年来，我们主要做了以下工作");
    assert_eq!(review.children.len(), 2);
    let tasks = report.part(Part::Tasks).unwrap();
    assert_eq!(tasks.children.len(), 1);
    assert_eq!(tasks.children[0].label, "加强监督");
}

#[test]
fn bold_lead_sentences_are_items() {
    let text = "# 一、2023年工作回顾\n**持续强化思想理论武装。**坚持把学习贯彻党的二十大精神作为首要政治任务,全年开展学习32次。\n**深入推进依法履职**围绕中心大局开展监督,听取审议专项工作报告12项。\n**市人大代表积极参与,提出建议300件。\n";
    let doc = analyze(text);
    let h1 = doc.reports[0]
        .walk()
        .find(|n| n.level == Level::H1)
        .unwrap();
    let items: Vec<&str> = h1.children.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(items, ["持续强化思想理论武装", "深入推进依法履职"]);
    assert_eq!(
        h1.children[0].heading.slice(text),
        "**持续强化思想理论武装。**"
    );
}

#[test]
fn enumeration_after_a_colon_is_items() {
    let text = "一、2026年重点工作\n今年要干好四件大事：一是稳增长。二是促改革。三是惠民生。四是保安全。\n";
    let labels: Vec<String> = analyze(text).reports[0]
        .walk()
        .filter(|n| n.level == Level::Item)
        .map(|n| n.label.clone())
        .collect();
    assert_eq!(labels, ["稳增长", "促改革", "惠民生", "保安全"]);
}

#[test]
fn a_text_long_enough_to_be_read_in_pieces_reads_like_its_copies() {
    // Past 256 KB the lines are classified in parallel pieces cut at line
    // breaks: every copy must come out as the first one does, moved.
    let copy = "---\ntitle: 报告\n---\n某市人大常委会工作报告\n——2024年1月8日在某市第十六届人民代表大会第五次会议上\n各位代表:\n受委托,我向大会报告工作,请予审议。\r\n(第3/9页)\n一、坚持党的领导\n常委会坚持党的领导,召开会议9次。\n";
    let one = analyze(copy);
    let copies = 3000;
    let text = copy.repeat(copies);
    assert!(text.len() > 3 << 18);
    let all = analyze(&text);
    assert_eq!(all.reports.len(), copies);
    // Only the first copy's `---` lines are front matter.
    let front = |d: &baogao::report::Document| {
        d.noise
            .iter()
            .filter(|n| n.kind == NoiseKind::FrontMatter)
            .count()
    };
    assert_eq!(front(&all), front(&one));
    let page_markers = all
        .noise
        .iter()
        .filter(|n| n.kind == NoiseKind::PageMarker)
        .map(|n| n.range.start % copy.len())
        .collect::<Vec<_>>();
    assert_eq!(page_markers.len(), copies);
    assert!(page_markers.iter().all(|&at| at == page_markers[0]));
}
