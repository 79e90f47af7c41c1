//! Drafting rules: each rule is one file with a code, a severity, its doc and
//! its tests. Rules read the report model and return plain-data findings;
//! [`check`] runs them all under a [`Config`]. No I/O happens here.

mod anchors;
mod family;
mod finding;
mod index;
mod marks;
mod prose;
mod settings;
mod shared;

mod contradicting_figure;
mod count_word;
mod duplicate_heading;
mod empty_section;
mod missing_optional_part;
mod missing_parent_heading;
mod missing_part;
mod mixed_bracket_width;
mod mixed_list_separator;
mod numbering_separator;
mod numbering_sequence;
mod part_order;
mod year_mismatch;

mod figures;
mod leftovers;
mod numbers;
mod punctuation;

pub use family::Family;
pub use finding::{Edit, Finding, Fix, Message, Related, Renumber, Severity};
pub use numbering_sequence::{Renumbering, RENUMBER_TITLE};
pub use settings::{Config, RuleLevel};

use crate::report::metrics::{self, Figures, Listing};
use std::sync::OnceLock;

use crate::text::TextRange;

use crate::report::{Document, Report};
use index::Index;
pub use marks::Marks;
use shared::{List, Located};

/// The rules' documentation in the repository: one anchor per rule (`#bg001`).
pub const DOCS_PATH: &str = "docs/rules.md";

/// The documentation of one rule, written once and shown everywhere: `baogao
/// rules`, docs/rules.md, hovers and SARIF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleDoc {
    /// Stable code, e.g. `BG001`.
    pub code: &'static str,
    /// Stable kebab-case name, e.g. `missing-part`; usable in configuration.
    pub name: &'static str,
    /// The family the rule belongs to; configuration can set a whole family.
    pub family: Family,
    pub default_severity: Severity,
    /// One line.
    pub summary: &'static str,
    /// Markdown with `## What it does`, `## Why` and `## Example`.
    pub explanation: &'static str,
}

impl RuleDoc {
    /// The web address of this rule's documentation, for `codeDescription`
    /// and SARIF `helpUri`: under the `repository` of Cargo.toml, so `None`
    /// until the package names one.
    pub fn url(&self) -> Option<String> {
        let repository = env!("CARGO_PKG_REPOSITORY").trim_end_matches('/');
        (!repository.is_empty()).then(|| {
            format!(
                "{repository}/blob/main/{DOCS_PATH}#{}",
                self.code.to_ascii_lowercase()
            )
        })
    }
}

/// What a rule sees: the text, its analysis and the configuration.
pub(crate) struct Context<'a> {
    pub text: &'a str,
    pub document: &'a Document,
    pub figures: &'a Figures,
    pub config: &'a Config,
    /// The line break the text uses, for inserted lines: a search of the
    /// whole text, so made only when a fix inserts a line.
    line_break: OnceLock<&'static str>,
    /// Each report's numbered lists, worked out on first use: several rules
    /// read them.
    lists: OnceLock<Vec<Vec<List<'a>>>>,
    /// Each report's standard parts ([`shared::located_parts`]), likewise.
    parts: OnceLock<Vec<Vec<Located>>>,
    /// Where the Chinese marks ([`Marks`]) and the Han characters the rules
    /// start from ([`Anchors`](anchors::Anchors)) are: one pass for all the
    /// rules.
    index: OnceLock<Index>,
    /// The figures `其中` lists parts of ([`metrics::listings`]): two
    /// figure rules read them.
    listings: OnceLock<Vec<Listing>>,
}

impl<'a> Context<'a> {
    /// Each report with its numbered lists ([`shared::lists`]).
    pub fn reports_with_lists(&self) -> impl Iterator<Item = (&'a Report, &[List<'a>])> {
        self.per_report(&self.lists, shared::lists)
    }

    /// Each report with its standard parts ([`shared::located_parts`]).
    pub fn reports_with_parts(&self) -> impl Iterator<Item = (&'a Report, &[Located])> {
        self.per_report(&self.parts, |report| shared::located_parts(self, report))
    }

    /// Each report with what `make` gives for it, made once for all rules.
    fn per_report<'s, T>(
        &'s self,
        cell: &'s OnceLock<Vec<Vec<T>>>,
        make: impl Fn(&'a Report) -> Vec<T>,
    ) -> impl Iterator<Item = (&'a Report, &'s [T])> {
        let made = cell.get_or_init(|| self.document.reports.iter().map(make).collect());
        self.document
            .reports
            .iter()
            .zip(made.iter().map(Vec::as_slice))
    }

    /// The figures `其中` lists parts of ([`metrics::listings`]).
    pub fn listings(&self) -> &[Listing] {
        self.listings
            .get_or_init(|| metrics::listings(self.text, &self.figures.metrics))
    }

    /// Where the Chinese marks of the text are.
    pub fn marks(&self) -> &Marks {
        &self.index().marks
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::of(self.text))
    }

    /// The index, if made (before the rules, when a proofreading rule is
    /// on): for a rule that would otherwise search for a mark or an anchor
    /// itself, and should not make the index for one search.
    pub fn index_made(&self) -> Option<&Index> {
        self.index.get()
    }

    /// Where each Han character a rule starts from is
    /// ([`Anchors`](anchors::Anchors)).
    pub fn anchors(&self, anchor: char) -> &[usize] {
        self.index().anchors.positions(anchor)
    }

    /// Where `c`, a Chinese mark ([`Marks`]) or one of the
    /// [`Anchors`](anchors::Anchors), is within `range`.
    pub fn positions_in(&self, c: char, range: TextRange) -> &[usize] {
        let all = if Marks::is_mark(c) {
            self.marks().positions(c)
        } else {
            self.anchors(c)
        };
        prose::within(all, range)
    }

    /// Where `word` is, which starts with one of the
    /// [`Anchors`](anchors::Anchors) or with a Chinese mark ([`Marks`]).
    pub fn word_starts<'s>(&'s self, word: &'s str) -> impl Iterator<Item = usize> + 's {
        self.word_starts_in(word, TextRange::new(0, self.text.len()))
    }

    /// Where `word` is within `range` (as [`Self::word_starts`]).
    pub fn word_starts_in<'s>(
        &'s self,
        word: &'s str,
        range: TextRange,
    ) -> impl Iterator<Item = usize> + 's {
        let first = word.chars().next().unwrap_or_default();
        let text: &'s str = self.text;
        self.positions_in(first, range)
            .iter()
            .copied()
            .filter(move |&at| {
                text.as_bytes()
                    .get(at..)
                    .is_some_and(|s| s.starts_with(word.as_bytes()))
            })
    }

    /// The line break the text uses ([`shared::line_break`]).
    pub fn line_break(&self) -> &'static str {
        self.line_break
            .get_or_init(|| shared::line_break(self.text))
    }
}

type Check = fn(&Context, &mut Vec<Finding>);

struct Rule {
    doc: &'static RuleDoc,
    check: Check,
}

/// Every rule, in code order.
static RULES: [Rule; 34] = [
    Rule {
        doc: &missing_part::DOC,
        check: missing_part::check,
    },
    Rule {
        doc: &missing_optional_part::DOC,
        check: missing_optional_part::check,
    },
    Rule {
        doc: &part_order::DOC,
        check: part_order::check,
    },
    Rule {
        doc: &numbering_sequence::DOC,
        check: numbering_sequence::check,
    },
    Rule {
        doc: &missing_parent_heading::DOC,
        check: missing_parent_heading::check,
    },
    Rule {
        doc: &mixed_bracket_width::DOC,
        check: mixed_bracket_width::check,
    },
    Rule {
        doc: &numbering_separator::DOC,
        check: numbering_separator::check,
    },
    Rule {
        doc: &mixed_list_separator::DOC,
        check: mixed_list_separator::check,
    },
    Rule {
        doc: &count_word::DOC,
        check: count_word::check,
    },
    Rule {
        doc: &year_mismatch::DOC,
        check: year_mismatch::check,
    },
    Rule {
        doc: &empty_section::DOC,
        check: empty_section::check,
    },
    Rule {
        doc: &duplicate_heading::DOC,
        check: duplicate_heading::check,
    },
    Rule {
        doc: &contradicting_figure::DOC,
        check: contradicting_figure::check,
    },
    Rule {
        doc: &punctuation::half_width::DOC,
        check: punctuation::half_width::check,
    },
    Rule {
        doc: &punctuation::paired_marks::DOC,
        check: punctuation::paired_marks::check,
    },
    Rule {
        doc: &punctuation::sequence_mark::DOC,
        check: punctuation::sequence_mark::check,
    },
    Rule {
        doc: &punctuation::repeated_mark::DOC,
        check: punctuation::repeated_mark::check,
    },
    Rule {
        doc: &punctuation::ellipsis::DOC,
        check: punctuation::ellipsis::check,
    },
    Rule {
        doc: &punctuation::comma_before_deng::DOC,
        check: punctuation::comma_before_deng::check,
    },
    Rule {
        doc: &punctuation::comma_between_marks::DOC,
        check: punctuation::comma_between_marks::check,
    },
    Rule {
        doc: &numbers::year_zero::DOC,
        check: numbers::year_zero::check,
    },
    Rule {
        doc: &numbers::full_width_digit::DOC,
        check: numbers::full_width_digit::check,
    },
    Rule {
        doc: &numbers::range_unit::DOC,
        check: numbers::range_unit::check,
    },
    Rule {
        doc: &numbers::thousand_unit::DOC,
        check: numbers::thousand_unit::check,
    },
    Rule {
        doc: &numbers::double_estimate::DOC,
        check: numbers::double_estimate::check,
    },
    Rule {
        doc: &leftovers::placeholder::DOC,
        check: leftovers::placeholder::check,
    },
    Rule {
        doc: &leftovers::repeated_paragraph::DOC,
        check: leftovers::repeated_paragraph::check,
    },
    Rule {
        doc: &figures::shares_total::DOC,
        check: figures::shares_total::check,
    },
    Rule {
        doc: &figures::parts_exceed_total::DOC,
        check: figures::parts_exceed_total::check,
    },
    Rule {
        doc: &figures::part_exceeds_whole::DOC,
        check: figures::part_exceeds_whole::check,
    },
    Rule {
        doc: &figures::change_rate::DOC,
        check: figures::change_rate::check,
    },
    Rule {
        doc: &numbers::short_year::DOC,
        check: numbers::short_year::check,
    },
    Rule {
        doc: &numbers::session_number::DOC,
        check: numbers::session_number::check,
    },
    Rule {
        doc: &punctuation::title_mark::DOC,
        check: punctuation::title_mark::check,
    },
];

/// The documentation of every rule, in code order.
pub fn all() -> impl ExactSizeIterator<Item = &'static RuleDoc> + Clone {
    RULES.iter().map(|r| r.doc)
}

/// The rules of one family, in code order.
pub fn of_family(family: Family) -> impl Iterator<Item = &'static RuleDoc> + Clone {
    all().filter(move |doc| doc.family == family)
}

/// A rule by code (`BG001`, any case) or by name (`missing-part`).
pub fn lookup(code_or_name: &str) -> Option<&'static RuleDoc> {
    // A code is `BG` and the rule's place in [`RULES`]: read the number
    // rather than compare with every code (each check asks for every rule).
    let by_code = code_or_name
        .get(2..)
        .filter(|_| {
            code_or_name
                .get(..2)
                .is_some_and(|p| p.eq_ignore_ascii_case("BG"))
        })
        .and_then(|digits| digits.parse::<usize>().ok())
        .and_then(|n| RULES.get(n.checked_sub(1)?))
        .map(|rule| rule.doc)
        .filter(|doc| doc.code.eq_ignore_ascii_case(code_or_name));
    by_code.or_else(|| all().find(|d| d.name == code_or_name))
}

/// Runs every rule that `config` leaves on, with the configured severities.
/// Findings come in text order.
pub fn check(text: &str, document: &Document, config: &Config) -> Vec<Finding> {
    check_with(text, document, &metrics::figures(text, document), config)
}

/// [`check`] for a caller that also shows the figures (hovers, `baogao
/// metrics`): `figures` must be [`metrics::figures`] of the same text and
/// document, so they are read once, not once per use.
pub fn check_with(
    text: &str,
    document: &Document,
    figures: &Figures,
    config: &Config,
) -> Vec<Finding> {
    let context = Context {
        text,
        document,
        figures,
        config,
        line_break: OnceLock::new(),
        lists: OnceLock::new(),
        parts: OnceLock::new(),
        index: OnceLock::new(),
        listings: OnceLock::new(),
    };
    // The proofreading families read the index of marks and anchors: made
    // before the rules when one of them is on, a structure rule that looks
    // for a mark reads it too (`Context::index_made`).
    if RULES.iter().any(|rule| {
        rule.doc.family != Family::Structure
            && matches!(config.level_of(rule.doc), RuleLevel::On(_))
    }) {
        context.index();
    }
    let mut all_findings = Vec::new();
    for rule in &RULES {
        let RuleLevel::On(severity) = config.level_of(rule.doc) else {
            continue;
        };
        // Each rule adds to the one Vec; its findings are the new tail.
        let from = all_findings.len();
        (rule.check)(&context, &mut all_findings);
        let added = all_findings.get_mut(from..).unwrap_or_default();
        for finding in added.iter_mut() {
            debug_assert_eq!(finding.code, rule.doc.code);
            finding.severity = severity;
        }
        Message::share_repeats(added);
    }
    sort_by_place(&mut all_findings);
    all_findings.dedup();
    all_findings
}

/// Sorts findings by place and code, keeping the rules' order among equals,
/// as a stable sort does but without its scratch copy of half the findings:
/// their order is worked out on indices and then applied in place, one
/// cycle of the permutation at a time.
fn sort_by_place(findings: &mut [Finding]) {
    let key = |f: &Finding| (f.range.start, f.range.end, f.code);
    if findings.is_sorted_by(|a, b| key(a) <= key(b)) {
        return;
    }
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_unstable_by_key(|&i| (findings.get(i).map(key), i));
    // `order[i]` is where the finding for place `i` is now; a place done
    // is marked by pointing at itself.
    for start in 0..order.len() {
        let mut at = start;
        while let Some(&from) = order.get(at) {
            if let Some(done) = order.get_mut(at) {
                *done = at;
            }
            if from == start || from == at {
                break;
            }
            findings.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sequential_and_names_unique() {
        for (i, doc) in all().enumerate() {
            assert_eq!(doc.code, format!("BG{:03}", i + 1));
            assert_eq!(all().filter(|d| d.name == doc.name).count(), 1);
            assert!(!doc.summary.contains('\n'), "{}", doc.code);
            for section in ["## What it does", "## Why", "## Example"] {
                assert!(doc.explanation.contains(section), "{}: {section}", doc.code);
            }
        }
    }

    #[test]
    fn findings_sort_by_place_as_a_stable_sort_does() {
        use crate::text::TextRange;
        // Places and codes repeat, messages tell equals apart: a cycle of
        // every length and findings already in place.
        let findings: Vec<Finding> = (0..200usize)
            .map(|i| {
                let at = (i * 37) % 23;
                let code = ["BG011", "BG004", "BG012"][(i * 7) % 3];
                let mut f = shared::finding(
                    lookup(code).expect("a rule"),
                    TextRange::new(at, at + i % 2),
                    format!("{i}"),
                );
                f.code = code;
                f
            })
            .collect();
        let mut stable = findings.clone();
        stable.sort_by_key(|f| (f.range.start, f.range.end, f.code));
        let mut sorted = findings;
        sort_by_place(&mut sorted);
        assert_eq!(sorted, stable);
        sort_by_place(&mut sorted);
        assert_eq!(sorted, stable);
    }

    #[test]
    fn lookup_by_code_or_name() {
        assert_eq!(lookup("BG001").map(|d| d.name), Some("missing-part"));
        assert_eq!(lookup("bg001").map(|d| d.code), Some("BG001"));
        assert_eq!(lookup("missing-part").map(|d| d.code), Some("BG001"));
        assert_eq!(lookup("BG999"), None);
        if let Some(url) = lookup("BG004").and_then(RuleDoc::url) {
            assert!(url.ends_with("/blob/main/docs/rules.md#bg004"), "{url}");
        }
    }
}

/// Helpers for the rules' own tests: run every rule on a snippet or fixture.
#[cfg(test)]
pub(crate) mod testing {
    use super::Config;
    use super::Finding;

    /// A small complete report, the base that rule tests alter.
    pub const REPORT: &str = "××市人民代表大会常务委员会工作报告
各位代表:
受市人大常委会委托,我向大会报告工作,请予审议。
2022年工作回顾
一、坚持党的领导
常委会坚持党的领导。
2023年工作安排
一、加强监督工作
常委会将继续加强监督。
各位代表,让我们更加紧密地团结在以习近平同志为核心的党中央周围,为建设现代化城市而团结奋斗!
";

    /// Every finding on `text` under the default configuration.
    pub fn run(text: &str) -> Vec<Finding> {
        super::check(text, &crate::report::analyze(text), &Config::default())
    }

    /// The findings of one rule on `text` under the default configuration.
    pub fn only(code: &str, text: &str) -> Vec<Finding> {
        run(text).into_iter().filter(|f| f.code == code).collect()
    }

    /// The text each finding with `code` puts in place by its first fix.
    pub fn replacements(code: &str, text: &str) -> Vec<String> {
        only(code, text)
            .iter()
            .map(|f| f.fixes()[0].edits[0].new_text.clone())
            .collect()
    }

    /// How many findings have `code`.
    pub fn codes(findings: &[Finding], code: &str) -> usize {
        findings.iter().filter(|f| f.code == code).count()
    }

    pub fn fixture(name: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    pub fn fixture_findings(name: &str) -> (String, Vec<Finding>) {
        let text = fixture(name);
        let findings = run(&text);
        (text, findings)
    }
}
