//! Counted metrics on report snippets and on the real reports in
//! `tests/fixtures`: every numeral form, every exclusion, and figures checked
//! by hand against the text.

mod cli_run;
mod fixture;

use fixture::fixture;
use std::str::FromStr;

use baogao::report::metrics::{
    contradictions, describe, extract, figures, Category, Figure, WhatSource,
};
use baogao::report::{self};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The figures of `text` as (as written, value, unit, marker, what).
fn read(text: &str) -> Vec<(String, Decimal, &'static str, Option<&'static str>, String)> {
    extract(text)
        .into_iter()
        .map(|m| {
            (
                m.range.slice(text).to_string(),
                m.value,
                m.unit,
                m.approx,
                m.what,
            )
        })
        .collect()
}

/// The one figure of `text`.
fn one(text: &str) -> Figure {
    let mut all = extract(text);
    assert_eq!(all.len(), 1, "{text}: {all:#?}");
    all.remove(0)
}

fn written(text: &str) -> Vec<String> {
    extract(text)
        .iter()
        .map(|m| m.range.slice(text).to_string())
        .collect()
}

// ---- numeral forms -------------------------------------------------------

#[test]
fn arabic_integers() {
    let m = one("2022年共召开市人大常委会会议9次。");
    assert_eq!(
        (m.value, m.unit, m.category),
        (dec("9"), "次", Category::Events)
    );
    assert_eq!(m.what, "召开市人大常委会会议");
    assert!(m.is_exact());
}

#[test]
fn arabic_decimals_and_multipliers() {
    let all = read("47.74万选民踊跃参与投票");
    assert_eq!(
        all,
        [(
            "47.74万选民".into(),
            dec("477400"),
            "人",
            None,
            "选民".into()
        )]
    );
    assert_eq!(one("全年接待1.2万人次").value, dec("12000"));
    assert_eq!(one("筹集资金3千万元").value, dec("30000000"));
}

#[test]
fn thousands_separators() {
    let m = one("拨付资金1,234,567元");
    assert_eq!((m.value, m.unit), (dec("1234567"), "元"));
    // A comma between figures is punctuation.
    assert_eq!(written("审议法规32件,通过18件"), ["32件", "18件"]);
}

#[test]
fn full_width_digits_and_punctuation() {
    let m = one("审议法规３２件，");
    assert_eq!((m.value, m.unit), (dec("32"), "件"));
    let m = one("参选率达９０．５１％");
    assert_eq!(
        (m.value, m.unit, m.category),
        (dec("90.51"), "％", Category::Rate)
    );
}

#[test]
fn chinese_numerals() {
    let m = one("收集意见建议一千二百余条");
    assert_eq!((m.value, m.unit, m.approx), (dec("1200"), "条", Some("余")));
    let m = one("走访调研企业逾千家");
    assert_eq!((m.value, m.unit, m.approx), (dec("1000"), "家", Some("逾")));
    assert_eq!(one("惠及群众两万人").value, dec("20000"));
    assert_eq!(one("报道代表履职事迹百余篇").value, dec("100"));
    assert_eq!(one("选派机关二十余名干部").value, dec("20"));
    assert_eq!(one("投入三亿五千万元").value, dec("350000000"));
    // A Chinese multiplier after digits is read with them, not again alone.
    assert_eq!(one("开展活动9 百余次").value, dec("900"));
}

#[test]
fn money_is_normalised_to_yuan_exactly() {
    let m = one("组织代表捐款捐物480余万元。");
    assert_eq!(
        (m.value, m.unit, m.category, m.approx),
        (dec("4800000"), "元", Category::Money, Some("余"))
    );
    assert_eq!(m.what, "组织代表捐款捐物");
    let m = one("推动急用项目约28亿元");
    assert_eq!((m.value, m.approx), (dec("2800000000"), Some("约")));
    assert_eq!(one("捐赠款物8000多万元").value, dec("80000000"));
    assert_eq!(one("地区生产总值5.2万亿元").value, dec("5200000000000"));
    // Exact, with no float rounding.
    assert_eq!(one("安排资金0.01亿元").value, dec("1000000"));
    assert_eq!(one("安排资金1042.83亿元").value, dec("104283000000"));
}

#[test]
fn percentages_and_points() {
    let m = one("参选率达90.51%");
    assert_eq!(
        (m.value, m.unit, m.category),
        (dec("90.51"), "%", Category::Rate)
    );
    assert_eq!(m.what, "参选率");
    assert!(m.is_exact(), "达 stresses, it does not approximate");
    let m = one("高于全国0.4个百分点");
    assert_eq!(
        (m.value, m.unit, m.category),
        (dec("0.4"), "个百分点", Category::Rate)
    );
    let m = one("优良水质占比稳定在90%以上");
    assert_eq!((m.approx, m.range.len()), (Some("以上"), "90%以上".len()));
}

#[test]
fn approximation_markers() {
    for (text, marker) in [
        ("接待群众14600余人次", "余"),
        ("浏览量达4.2万多人次", "多"),
        ("推动急用项目约28亿元", "约"),
        ("征求意见近300条", "近"),
        ("走访企业逾千家", "逾"),
        ("新增企业超过50家", "超过"),
        ("培训代表300人次以上", "以上"),
        ("新增就业不少于28万人", "不少于"),
        ("城镇调查失业率控制在5.5%以内", "以内"),
        ("超百亿元", "超"),
    ] {
        let m = one(text);
        assert_eq!(m.approx, Some(marker), "{text}");
        assert!(!m.is_exact(), "{text}");
    }
    // A marker-like character inside a word is not a marker.
    let m = one("签约12个项目");
    assert_eq!(m.approx, None);
}

#[test]
fn categories_by_measure_word() {
    for (text, category) in [
        ("任免国家机关工作人员138人次", Category::People),
        ("邀请35名代表", Category::People),
        ("开展活动13场", Category::Events),
        ("举办讲堂15期", Category::Events),
        ("制定地方性法规3部", Category::Documents),
        ("形成调研报告7篇", Category::Documents),
        ("建好257个基层立法联系点", Category::Organisations),
        ("走访企业261家", Category::Organisations),
        ("帮扶困难群众5000余户", Category::Organisations),
        ("交办问题12批", Category::Other),
    ] {
        assert_eq!(one(text).category, category, "{text}");
    }
}

// ---- what was counted ----------------------------------------------------

#[test]
fn what_before_and_after() {
    let all = read(
        "审议法规32件,通过18件,建好用好257个基层立法联系点,全年共召开8次常委会会议、18次主任会议。",
    );
    let whats: Vec<&str> = all.iter().map(|f| f.4.as_str()).collect();
    assert_eq!(
        whats,
        [
            "审议法规",
            "通过(法规)",
            "基层立法联系点",
            "召开常委会会议",
            "召开主任会议"
        ]
    );
    let ms = extract("组织宪法宣誓5次39人");
    assert_eq!(ms[1].what, "组织宪法宣誓");
    assert_eq!(ms[1].what_source, WhatSource::Borrowed);
    let ms = extract("代表建议办结率和满意率分别达96%和94%");
    assert_eq!(ms[0].what, ms[1].what);
}

#[test]
fn describes_a_figure() {
    let m = one("线上线下接待群众14600余人次");
    assert_eq!(
        describe(&m),
        "**14,600 人次**，约数（“余”：略多于此数）\n\n- 类别：人员（人次）\n- 所计：线上线下接待群众"
    );
}

// ---- exclusions ----------------------------------------------------------

#[test]
fn years_and_dates_are_not_figures() {
    for text in [
        "2022年是党的二十大召开之年",
        "2022年9月28日,市人大常委会召开会议",
        "二〇二二年以来的主要工作",
        "1-11月份",
        "从2024年1月1日起施行",
        "2018—2022年",
    ] {
        assert!(extract(text).is_empty(), "{text}: {:?}", written(text));
    }
}

#[test]
fn ordinals_are_not_figures() {
    for text in [
        "第十四届全国人民代表大会",
        "党的二十大",
        "市七届人大二次会议",
        "省委十三届二次全会",
        "第3次会议",
        "位列全省第2名",
        "进入全国前10名",
        "市十六届人大3次会议",
        "获评全国第一家",
        "推进地铁3期工程",
        "位列“政能量榜”第1、2名",
    ] {
        assert!(extract(text).is_empty(), "{text}: {:?}", written(text));
    }
}

#[test]
fn meetings_counted_before_the_noun_are_figures() {
    let m = one("全年召开9次会议");
    assert_eq!(
        (m.value, m.unit, m.what.as_str()),
        (dec("9"), "次", "召开会议")
    );
}

#[test]
fn durations_are_not_figures() {
    // Durations are not counts: they are neither extracted nor summed.
    for text in [
        "连续3年",
        "用时3个月",
        "近5年来",
        "每年开展2次",
        "10个工作日内办结",
        "连续三年",
        "12小时",
    ] {
        assert!(extract(text).is_empty(), "{text}: {:?}", written(text));
    }
}

#[test]
fn quoted_slogans_are_not_figures() {
    for text in [
        "忠诚拥护“两个确立”、增强“四个意识”",
        "听取和审议“一府一委两院”工作报告",
        "编制“十四五”规划",
        "培育发展壮大“20+8”产业集群",
        "培育发展壮大\"20+8\"产业集群",
        "坚持“三高四新”战略",
        "开展“3个100”项目建设",
        "落实“1+4”制度",
        "开展‘百名代表进万家’活动",
    ] {
        assert!(extract(text).is_empty(), "{text}: {:?}", written(text));
    }
    // The figure after the quotation is still read.
    assert_eq!(written("听取和审议“一府一委两院”工作报告9项"), ["9项"]);
    // An unbalanced quote does not hide the next sentence.
    assert_eq!(written("坚持“两个维护。召开会议9次"), ["9次"]);
}

#[test]
fn numerals_in_titles_are_not_figures() {
    for text in [
        "审议《关于2022年市级预算执行情况的报告》",
        "出台《关于加强10项重点工作的意见》",
        "《深圳经济特区数据条例(2021年)》",
    ] {
        assert!(extract(text).is_empty(), "{text}: {:?}", written(text));
    }
    assert_eq!(written("修订《节约用水条例》等3部法规"), ["3部"]);
}

#[test]
fn idioms_codes_ranges_and_ratios_are_not_figures() {
    for text in [
        "走进千家万户",
        "千方百计扩大内需",
        "两个维护",
        "推动解决一批问题",
        "中央八项规定",
        "落实一法一条例",
        "12345热线",
        "G20峰会",
        "5G基站",
        "3至5家",
        "工资58万元/人",
        "每千人口拥有床位6张",
        "数百家企业",
        "上千人",
        "一次会议",
    ] {
        assert!(extract(text).is_empty(), "{text}: {:?}", written(text));
    }
    // The lower end of a range is not a figure either.
    assert_eq!(written("年均增速4.5%-5%"), Vec::<String>::new());
}

// ---- contradictions ------------------------------------------------------

#[test]
fn contradiction_between_summary_and_body() {
    let text = "过去一年的主要工作\n2022年共召开常委会会议9次,审议法规32件。\n\
                一、依法立法\n(一)全年召开常委会会议8次,审议法规32件。\n";
    let metrics = extract(text);
    let found = contradictions(&metrics, &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    let (a, b) = (&metrics[found[0].first], &metrics[found[0].second]);
    assert_eq!((a.range.slice(text), b.range.slice(text)), ("9次", "8次"));
}

// ---- real reports --------------------------------------------------------

/// Asserts a figure read from a fixture: as written, what, value, unit, marker.
#[track_caller]
fn assert_figure(
    text: &str,
    metrics: &[Figure],
    written: &str,
    what: &str,
    value: &str,
    unit: &str,
    approx: Option<&str>,
) {
    let found = metrics
        .iter()
        .find(|m| m.range.slice(text) == written && m.what == what);
    let Some(m) = found else {
        let near: Vec<_> = metrics
            .iter()
            .filter(|m| m.range.slice(text) == written || m.what == what)
            .map(|m| (m.range.slice(text), &m.what))
            .collect();
        panic!("no figure {written} for {what}; similar: {near:?}");
    };
    assert_eq!(
        (m.value, m.unit, m.approx),
        (dec(value), unit, approx),
        "{written} {what}"
    );
}

#[test]
fn shenzhen_congress_report() {
    let text = fixture("000_0deef21429734504.txt");
    let m = extract(&text);
    let f = |w, what, v, u| assert_figure(&text, &m, w, what, v, u, None);
    f("9次", "召开市人大常委会会议", "9", "次");
    f("32件", "审议法规", "32", "件");
    f("18件", "通过(法规)", "18", "件");
    f("24项", "审议“一府两院”专项工作报告", "24", "项");
    f("12项", "开展计划预算审查监督", "12", "项");
    f("18项", "专项视察", "18", "项");
    f("2次", "专题询问", "2", "次");
    f("138人次", "任免国家机关工作人员", "138", "人次");
    f("828件", "督办代表议案建议", "828", "件");
    f("37次", "召开市人大常委会党组会议", "37", "次");
    f("257个", "基层立法联系点", "257", "个");
    f("288条", "收集群众意见建议", "288", "条");
    let g = |w, what, v, u, a| assert_figure(&text, &m, w, what, v, u, Some(a));
    g("1200余条", "收集法规意见建议", "1200", "条", "余");
    g("14600余人次", "线上线下接待群众", "14600", "人次", "余");
    g("逾千家", "走访调研企业", "1000", "家", "逾");
    g("940多件", "充电难等群众急难愁盼问题", "940", "件", "多");
}

#[test]
fn baicheng_congress_report() {
    let text = fixture("renda-baicheng.txt");
    let m = extract(&text);
    let f = |w, what, v, u, a| assert_figure(&text, &m, w, what, v, u, a);
    f("5次", "召开常委会会议", "5", "次", None);
    f("64人次", "任免国家机关工作人员", "64", "人次", None);
    f("39人", "组织宪法宣誓", "39", "人", None);
    f("480余万元", "组织代表捐款捐物", "4800000", "元", Some("余"));
    f("36个", "基层立法联系点", "36", "个", None);
    f("5496名", "五级人大代表", "5496", "名", None);
    f("95个", "代表联络站", "95", "个", None);
    f(
        "900余件",
        "线上线下收集群众意见建议",
        "900",
        "件",
        Some("余"),
    );
    f("达到100%", "满意率", "100", "%", Some("达到"));
    f("800余人次", "培训代表", "800", "人次", Some("余"));
}

#[test]
fn longgang_congress_report() {
    let text = fixture("003_3ed323abb443ba16.txt");
    let m = extract(&text);
    let f = |w, what, v, u, a| assert_figure(&text, &m, w, what, v, u, a);
    f("47.74万选民", "选民", "477400", "人", None);
    f("达90.51%", "参选率", "90.51", "%", Some("达"));
    f("约28亿元", "急用项目", "2800000000", "元", Some("约"));
    f("261家", "走访企业", "261", "家", None);
    f("1155人次", "接待群众", "1155", "人次", None);
}

#[test]
fn changzhou_congress_report() {
    let text = fixture("renda-changzhou.txt");
    let m = extract(&text);
    let f = |w, what, v, u| assert_figure(&text, &m, w, what, v, u, None);
    f("8次", "召开常委会会议", "8", "次");
    f("18次", "召开主任会议", "18", "次");
    f("3部", "制定地方性法规", "3", "部");
    f("11项", "审议专项工作报告", "11", "项");
    f("105人次", "任免国家机关工作人员", "105", "人次");
    f(
        "2万人次",
        "人大代表进家入站定时定点接待群众",
        "20000",
        "人次",
    );
}

#[test]
fn deyang_consultative_report() {
    let text = fixture("zhengxie-deyang.txt");
    let m = extract(&text);
    let f = |w, what, v, u| assert_figure(&text, &m, w, what, v, u, None);
    f("57次", "我们开展协商活动", "57", "次");
    f("402件", "征集提案", "402", "件");
    f("346件", "立案(提案)", "346", "件");
    f("113万元", "捐款捐物", "1130000", "元");
    f("2.03亿元", "协调资金", "203000000", "元");
    f("210场次", "组织开展协商议事活动", "210", "场次");
}

#[test]
fn beijing_government_report() {
    let text = fixture("zhengfu-beijing-2026.txt");
    let m = extract(&text);
    let f = |w, what, v, u, a| assert_figure(&text, &m, w, what, v, u, a);
    f("5.2万亿元", "全市地区生产总值", "5200000000000", "元", None);
    f("0.4个百分点", "高于全国", "0.4", "个百分点", None);
    f("2049万平方米", "治理违法建设", "20490000", "平方米", None);
    f("近70万辆", "新能源汽车年产量", "700000", "辆", Some("近"));
    f("超8600亿元", "总市值", "860000000000", "元", Some("超"));
    f("达909公里", "总里程", "909", "公里", Some("达"));
}

/// Quoted spans (“…” ‘…’ "…") and titles (《…》) of a line, as byte ranges.
fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Vec<(char, usize)> = Vec::new();
    for (i, ch) in text.char_indices() {
        match ch {
            '\n' => open.clear(),
            '“' | '‘' | '《' => open.push((ch, i)),
            '"' if open.last().is_some_and(|(c, _)| *c == '"') => {
                if let Some((_, start)) = open.pop() {
                    spans.push((start, i));
                }
            }
            '"' => open.push(('"', i)),
            '”' | '’' | '》' => {
                let opener = match ch {
                    '”' => '“',
                    '’' => '‘',
                    _ => '《',
                };
                if let Some(at) = open.iter().rposition(|(c, _)| *c == opener) {
                    spans.push((open[at].1, i));
                    open.truncate(at);
                }
            }
            _ => {}
        }
    }
    spans
}

const SLOGANS: &[&str] = &[
    "两个确立",
    "四个意识",
    "四个自信",
    "两个维护",
    "一府一委两院",
    "一府两院",
    "十四五",
    "十五五",
    "三高四新",
    "二十大",
    "一法一条例",
    "八项规定",
    "千家万户",
];

#[test]
fn no_year_ordinal_or_slogan_in_any_fixture() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 20);
    let mut total = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let metrics = extract(&text);
        total += metrics.len();
        let spans = quoted_spans(&text);
        let slogans: Vec<(usize, usize)> = SLOGANS
            .iter()
            .flat_map(|w| text.match_indices(w).map(|(at, w)| (at, at + w.len())))
            .collect();
        for m in &metrics {
            let shown = m.range.slice(&text);
            let after = &text[m.range.end..];
            let after_number = &text[m.number.end..];
            let before = text[..m.range.start].chars().next_back();
            assert!(
                !["年", "月", "日", "周年", "届", "大"]
                    .iter()
                    .any(|w| after_number.starts_with(w)),
                "{name}: year, date or ordinal {shown}"
            );
            assert_ne!(before, Some('第'), "{name}: ordinal {shown}");
            assert!(
                !(m.unit == "次"
                    && ["会议", "全会", "全体会议"]
                        .iter()
                        .any(|w| after.starts_with(w))),
                "{name}: session ordinal {shown}"
            );
            assert!(
                !spans
                    .iter()
                    .any(|&(s, e)| s < m.number.start && m.number.start < e),
                "{name}: quoted or titled {shown} at {}",
                m.range.start
            );
            assert!(
                !slogans
                    .iter()
                    .any(|&(s, e)| m.number.end > s && m.number.start < e),
                "{name}: a slogan read as {shown}"
            );
            assert!(
                m.range.contains_range(m.number) && !shown.is_empty(),
                "{name}: ranges of {shown}"
            );
        }
    }
    assert!(total > 1500, "only {total} figures in all fixtures");
}

#[test]
fn document_figures_skip_noise_and_compare_within_parts() {
    let text = fixture("zhengfu-beijing-2026.txt");
    let document = report::analyze(&text);
    let all = figures(&text, &document);
    // The review (before the tasks part) and the targets (in it) count the
    // same things with different values; they are different claims.
    assert!(
        all.contradictions.is_empty(),
        "{:?}",
        all.contradictions
            .iter()
            .map(|c| (&all.metrics[c.first].what, &all.metrics[c.second].what))
            .collect::<Vec<_>>()
    );
    assert!(all.metrics.len() > 150);
    // Page chrome (`时间：2026-02-02`) is not scanned.
    for m in &all.metrics {
        assert!(document
            .paragraphs
            .iter()
            .any(|p| p.contains_range(m.range)));
    }
}

// ---- the `metrics` command -----------------------------------------------

fn baogao(args: &[&str]) -> std::process::Output {
    cli_run::baogao_in(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), args, None)
}

#[test]
fn command_prints_tables_per_section() {
    let out = baogao(&["metrics", "tests/fixtures/renda-baicheng.txt"]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("tests/fixtures/renda-baicheng.txt: 27 figures\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n§3  2022年工作回顾  (line 4)\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("10:65 480余万元 4,800,000 元 金额 余 当年 组织代表捐款捐物"),
        "{stdout}"
    );
}

#[test]
fn command_prints_stable_json() {
    let out = baogao(&[
        "metrics",
        "--json",
        "tests/fixtures/000_0deef21429734504.txt",
    ]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let metrics = json["metrics"].as_array().unwrap();
    assert_eq!(
        metrics.len(),
        extract(&fixture("000_0deef21429734504.txt")).len()
    );
    let first = &metrics[0];
    assert_eq!(first["text"], "9次");
    assert_eq!(first["value"], "9");
    assert_eq!(first["unit"], "次");
    assert_eq!(first["category"], "events");
    assert_eq!(first["what"], "召开市人大常委会会议");
    assert_eq!(first["range"]["start_line"], 5);
    let sections = json["sections"].as_array().unwrap();
    let review = sections
        .iter()
        .find(|s| s["label"] == "过去一年的主要工作")
        .unwrap();
    assert!(review["summary"]
        .as_str()
        .unwrap()
        .starts_with("**数据 40 项**"));
    // The summary as data: figures per period and category, never summed.
    let overview = &review["overview"];
    assert_eq!(overview["figures"], 40);
    let periods = overview["periods"].as_array().unwrap();
    assert_eq!(periods[0]["span"], "year");
    let events = periods[0]["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["category"] == "events")
        .unwrap();
    assert_eq!(events["shown"][0]["text"], "360余场次");
    assert_eq!(first["span"], "year");
    assert_eq!(first["period_label"], "2022年");
}

#[test]
fn command_shows_one_section_with_its_summary() {
    let out = baogao(&[
        "metrics",
        "tests/fixtures/renda-baicheng.txt",
        "--section",
        "7",
    ]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("§7  三是坚强有效应对大战大考"), "{stdout}");
    assert!(
        stdout.contains("- 金额 1 项：组织代表捐款捐物 **480余万元**"),
        "{stdout}"
    );
    let out = baogao(&[
        "metrics",
        "tests/fixtures/renda-baicheng.txt",
        "--section",
        "0",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no section 0"));
}

// ---- any text ------------------------------------------------------------

/// Pieces that figures are made of, so random texts hit the figure paths.
const PIECES: &[&str] = &[
    "召开常委会会议",
    "审议法规",
    "通过",
    "建好用好",
    "9",
    "14600",
    "47.74",
    "1,234",
    "０",
    "９",
    "．",
    ".",
    ",",
    "，",
    "、",
    "。",
    "！",
    "?",
    "\n",
    "\r\n",
    " ",
    "\u{3000}",
    "一",
    "两",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "〇",
    "余",
    "多",
    "约",
    "近",
    "逾",
    "超过",
    "达",
    "以上",
    "以内",
    "次",
    "件",
    "人次",
    "个",
    "个百分点",
    "%",
    "％",
    "元",
    "万元",
    "名",
    "位",
    "家",
    "年",
    "月",
    "第",
    "届",
    "前",
    "每",
    "“",
    "”",
    "\"",
    "《",
    "》",
    "(",
    ")",
    "（",
    "）",
    "-",
    "—",
    "至",
    "+",
    "/",
    "从",
    "增加到",
    "和",
    "选民",
    "会议",
    "方面",
    "😀",
    "𠀀",
    "a",
];

fn report_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_reads_without_panic(text in report_like()) {
        let metrics = extract(&text);
        for m in &metrics {
            prop_assert!(text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end));
            prop_assert!(m.range.contains_range(m.number) && !m.number.is_empty());
            prop_assert!(m.sentence.contains_range(m.range), "{:?} {:?}", m.sentence, m.range);
            prop_assert!(!describe(m).is_empty());
        }
        for pair in metrics.windows(2) {
            prop_assert!(pair[0].range.end <= pair[1].range.start);
        }
        let document = report::analyze(&text);
        let all = figures(&text, &document);
        for c in &all.contradictions {
            prop_assert!(c.first < c.second && c.second < all.metrics.len());
        }
        let whole = baogao::text::TextRange::new(0, text.len());
        let summary = baogao::report::metrics::section_summary(&text, &all.metrics, &all.contradictions, baogao::report::metrics::Section::whole(whole));
        prop_assert!(!summary.is_empty());
    }
}
