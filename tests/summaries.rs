//! Section summaries (the hover on a part, `baogao metrics --section`) on real
//! reports of each kind: snapshots of each part's summary, reviewed by hand,
//! and on every fixture, the published reports included, what issue 25 asks
//! of them: nothing is added up but a stated total's parts, which count what
//! it counts in its period; figures are shown as written; a sum has no more
//! decimals than its parts and `约` only when one of them is approximate.

mod published_fixtures;

use std::fmt::Write as _;
use std::str::FromStr;

use baogao::report::metrics::{self, Figure, Section, Summary};
use baogao::report::{self, Node};
use rust_decimal::Decimal;

fn read(path: &str) -> String {
    let path = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Calls `f` with every section of `text` (the top-level parts only when
/// `parts_only`), its summary and the document's figures.
fn each_summary(text: &str, parts_only: bool, mut f: impl FnMut(&Node, Summary, &[Figure])) {
    let document = report::analyze(text);
    let figures = metrics::figures(text, &document);
    for r in &document.reports {
        let nodes: Vec<&Node> = if parts_only {
            r.nodes.iter().collect()
        } else {
            r.walk().collect()
        };
        for node in nodes {
            let summary = metrics::summarize(
                text,
                &figures.metrics,
                &figures.contradictions,
                Section::of_node(r, node),
            );
            f(node, summary, &figures.metrics);
        }
    }
}

#[test]
fn part_summaries_of_each_kind() {
    for (name, path) in [
        ("congress-baicheng", "renda-baicheng.txt"),
        ("congress-shenzhen", "000_0deef21429734504.txt"),
        ("consultative-deyang", "zhengxie-deyang.txt"),
        ("speech", "004_5840c7f5b0384c13.txt"),
        ("government-beijing-2026", "zhengfu-beijing-2026.txt"),
        (
            "government-state-council-2025",
            "published/政府工作报告-国务院/2025.md",
        ),
        (
            "government-ningbo-2026",
            "published/政府工作报告-主要城市/宁波市/2026.md",
        ),
    ] {
        let text = read(path);
        let mut out = String::new();
        each_summary(&text, true, |node, summary, _| {
            if summary.figures > 0 || !summary.targets.is_empty() {
                let _ = writeln!(out, "## {}\n\n{}\n", node.label, summary.markdown());
            }
        });
        insta::assert_snapshot!(name, out);
    }
}

/// A sum as written (`约15400万元`, `2,566项`) read back, without its unit.
fn read_sum(sum: &str, unit: &str) -> Decimal {
    let number = sum
        .trim_start_matches('约')
        .strip_suffix(unit)
        .unwrap_or_else(|| panic!("{sum} in {unit}"));
    let (digits, scale) = [
        ("万亿", "1000000000000"),
        ("亿", "100000000"),
        ("万", "10000"),
    ]
    .iter()
    .find_map(|(suffix, scale)| Some((number.strip_suffix(suffix)?, *scale)))
    .unwrap_or((number, "1"));
    Decimal::from_str(&digits.replace(',', "")).unwrap() * Decimal::from_str(scale).unwrap()
}

fn decimals(number: &str) -> usize {
    number.split_once(['.', '．']).map_or(0, |(_, frac)| {
        frac.chars().take_while(|c| c.is_ascii_digit()).count()
    })
}

/// Checks one summary against the figures it comes from.
fn check(name: &str, text: &str, node: &Node, summary: &Summary, metrics: &[Figure]) {
    let at = |i: usize| &metrics[i];
    let place = format!("{name} «{}»", node.label);
    for key in summary.lead.iter().chain(
        summary
            .periods
            .iter()
            .flat_map(|p| p.categories.iter().flat_map(|c| c.shown.iter())),
    ) {
        assert_eq!(
            key.text,
            at(key.index).range.slice(text),
            "{place}: as written"
        );
        assert!(node.range.contains_range(at(key.index).range), "{place}");
    }
    let mut counted = 0;
    for period in &summary.periods {
        counted += period.figures;
        let mut in_period = 0;
        for c in &period.categories {
            in_period += c.figures;
            for key in &c.shown {
                let m = at(key.index);
                assert_eq!((m.category, m.span), (c.category, period.span), "{place}");
                assert_eq!(key.period, period.period, "{place}");
                if m.period.is_some() || m.span != metrics::Span::Year {
                    assert_eq!(m.period_label(), key.period, "{place}");
                }
            }
        }
        assert_eq!(in_period, period.figures, "{place}");
    }
    assert_eq!(counted, summary.figures, "{place}");
    for total in &summary.totals {
        let whole = at(total.total.index);
        let parts: Vec<&Figure> = total.parts.iter().map(|k| at(k.index)).collect();
        for part in &parts {
            assert_eq!(
                part.unit, whole.unit,
                "{place}: {} counts another thing",
                part.what
            );
            assert!(
                part.same_period(whole),
                "{place}: {} of another period",
                part.what
            );
            assert!(part.range.start > whole.range.end, "{place}");
        }
        let unit = if whole.category == metrics::Category::Money {
            "元"
        } else {
            whole.unit
        };
        let sum: Decimal = parts.iter().map(|m| m.value).sum();
        assert_eq!(read_sum(&total.sum, unit), sum, "{place}: {}", total.sum);
        let most = parts
            .iter()
            .map(|m| decimals(m.number.slice(text)))
            .max()
            .unwrap_or(0);
        assert!(decimals(&total.sum) <= most, "{place}: {}", total.sum);
        assert_eq!(
            total.sum.starts_with('约'),
            parts.iter().any(|m| !m.is_exact()),
            "{place}: {}",
            total.sum
        );
    }
}

#[test]
fn no_summary_adds_up_unlike_figures() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut texts: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    texts.extend(published_fixtures::fixtures());
    assert!(texts.len() > 60);
    let mut totals = 0;
    for (name, text) in &texts {
        each_summary(text, false, |node, summary, metrics| {
            totals += summary.totals.len();
            check(name, text, node, &summary, metrics);
        });
    }
    assert!(totals > 10, "only {totals} stated totals");
}
