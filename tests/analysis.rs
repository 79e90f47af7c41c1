//! The report-by-report analysis gives exactly what analysing the whole text
//! at once gives, and the server's cache of unchanged reports gives exactly
//! what a fresh analysis of each edited version gives.

mod fixture;

use baogao::analysis::{self, Analysis, Cache};
use baogao::report::{self, metrics};
use baogao::rules;
use baogao::rules::Config;
use fixture::fixture;
use proptest::prelude::*;

/// The whole text at once: figures and rules over the whole document.
fn whole(text: &str, config: &Config) -> Analysis {
    let document = report::analyze(text);
    let figures = metrics::figures(text, &document);
    let findings = rules::check_with(text, &document, &figures, config);
    Analysis {
        document,
        figures,
        findings,
    }
}

#[test]
fn every_fixture_analysed_report_by_report_is_analysed_as_a_whole() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert!(names.len() > 20);
    for name in names {
        let text = fixture(&name);
        let config = Config::default();
        let by_report = analysis::full(&text, &config);
        assert!(by_report == whole(&text, &config), "{name}");
    }
}

#[test]
fn the_compilation_has_contradictions_in_several_reports_indexed_into_all_figures() {
    let text = fixture("compilation-22.txt");
    let result = analysis::full(&text, &Config::default());
    assert_eq!(result.document.reports.len(), 22);
    for c in &result.figures.contradictions {
        let (first, second) = (
            &result.figures.metrics[c.first],
            &result.figures.metrics[c.second],
        );
        let report = result
            .document
            .reports
            .iter()
            .find(|r| r.range.contains_range(first.range))
            .unwrap();
        assert!(report.range.contains_range(second.range));
    }
}

#[test]
fn the_cache_agrees_after_an_edit_that_moves_later_reports_and_after_a_config_change() {
    let text = fixture("compilation-22.txt");
    let mut cache = Cache::default();
    let config = Config::default();
    assert!(cache.update(&text, &config) == whole(&text, &config));
    // An edit inside the fifth report moves every later report.
    let fifth = report::split(&text).segments[4].range;
    let at = fifth.start + text[fifth.start..].find('。').unwrap();
    let edited = format!("{}二是召开会议9次。{}", &text[..at], &text[at..]);
    assert!(cache.update(&edited, &config) == whole(&edited, &config));
    let strict = Config {
        kind: Some(report::Kind::Other),
        ..Config::default()
    };
    assert!(cache.update(&edited, &strict) == whole(&edited, &strict));
}

/// Edits that move report boundaries as well as ones inside a report.
const INSERTS: &[&str] = &[
    "的",
    "\n",
    "。",
    "一、",
    "(二)",
    "召开会议9次",
    "召开会议8次",
    "各位代表:\n",
    "\n某市人民代表大会常务委员会工作报告\n",
    "\n2024年3月1日在市第十七届人民代表大会第二次会议上\n",
    "\n2023年工作安排\n",
    "\n谢谢大家!\n",
];

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, &'static str),
    Delete(usize, usize),
}

fn apply(text: &str, edit: &Edit) -> String {
    let boundary = |at: usize| {
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    match *edit {
        Edit::Insert(at, piece) => {
            let at = boundary(at);
            format!("{}{piece}{}", &text[..at], &text[at..])
        }
        Edit::Delete(at, len) => {
            let start = boundary(at);
            let end = boundary(start.saturating_add(len).min(text.len()));
            format!("{}{}", &text[..start], &text[end..])
        }
    }
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), prop::sample::select(INSERTS)).prop_map(|(at, s)| Edit::Insert(at, s)),
        (any::<usize>(), 0..200usize).prop_map(|(at, len)| Edit::Delete(at, len)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_cache_fed_every_version_agrees_with_a_fresh_analysis(edits in prop::collection::vec(edit(), 1..6)) {
        let mut text = [fixture("renda-yongzhou.txt"), fixture("zhengxie-yingkou.txt"), fixture("002_5ac5394e31afa987.txt")].join("\n");
        let config = Config::default();
        let mut cache = Cache::default();
        cache.update(&text, &config);
        for e in &edits {
            text = apply(&text, e);
            let cached = cache.update(&text, &config);
            prop_assert!(cached == analysis::full(&text, &config), "after {e:?}");
        }
    }
}
