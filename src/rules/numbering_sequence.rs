//! BG004: a gap, a repeat or a wrong order in a numbered list.

use super::shared::{self, List};
use std::sync::OnceLock;

use super::{Context, Edit, Finding, Fix, Renumber, RuleDoc, Severity};
use crate::report::{marker, numeral, Document, Level, Marker, MarkerStyle, Report};
use crate::text::sentence::clause_starts;
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG004",
    name: "numbering-sequence",
    family: super::Family::Structure,
    default_severity: Severity::Warning,
    summary: "A numbered list skips, repeats or reorders a number (一、二、四、)",
    explanation: "\
## What it does

Checks every list of numbered headings (`一、` `（一）` `1.` `（1）`) and of
items (`一是` `第一,`) under one parent: it should count 1, 2, 3… without a
gap, a repeat or a number out of order. Numbering restarts under each parent,
and a list that starts again at 1 is a new list. Lead sentences and the
numbering of appendices (名词解释, 民生实事 lists) are not checked. The quick
fix renumbers the whole list.

## Why

A section deleted or moved while redrafting leaves `一、二、四、` behind, and
nobody reading the draft on screen notices until it is printed.

## Example

```text
一、坚持党的领导
二、加强地方立法
四、增强监督实效
```

skips `三、`.
",
};

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (report, lists) in ctx.reports_with_lists() {
        let runs_on = runs_on(ctx, lists);
        for (list, &runs_on) in lists.iter().zip(&runs_on) {
            if let Some(finding) = check_list(ctx, report, list, runs_on) {
                out.push(finding);
            }
        }
    }
}

/// For each list, whether it goes on from the list of the same form before
/// it in the text (`23.` ends one section's list, `24.` opens the next
/// one's): numbering of the whole document, which some reports use for
/// their tasks, not a list missing its first numbers.
fn runs_on(ctx: &Context, lists: &[List]) -> Vec<bool> {
    let form = |m: &Marker| (m.style, m.range.slice(ctx.text).chars().next_back());
    let mut order: Vec<(usize, usize)> = lists
        .iter()
        .enumerate()
        .filter_map(|(k, l)| Some((l.items.first()?.heading.start, k)))
        .collect();
    order.sort_unstable();
    let mut runs_on = vec![false; lists.len()];
    // The last number of the latest list of each form.
    let mut last: Vec<((MarkerStyle, Option<char>), u32)> = Vec::new();
    for (_, k) in order {
        let Some(list) = lists.get(k) else { continue };
        let mut numbers = list.items.iter().filter_map(|n| n.marker.as_ref());
        let (Some(first), Some(end)) = (numbers.clone().next(), numbers.next_back()) else {
            continue;
        };
        let before = last.iter_mut().find(|(f, _)| *f == form(first));
        if let (Some((_, n)), Some(slot)) = (&before, runs_on.get_mut(k)) {
            *slot = first.number > 1 && first.number == *n + 1;
        }
        match before {
            Some((_, n)) => *n = end.number,
            None => last.push((form(first), end.number)),
        }
    }
    runs_on
}

fn check_list(ctx: &Context, report: &Report, list: &List, runs_on: bool) -> Option<Finding> {
    let markers = markers_of(ctx, list);
    let first = markers.first()?;
    let text = ctx.text;
    let show = |m: &Marker| format!("“{}”", m.range.slice(text));
    // The text before the list, inside its parent: a `1.` or `一是` written
    // right after a colon or glued to the previous sentence is in the text,
    // only not at a place where the outline takes markers.
    let before = TextRange::new(
        list.parent
            .map_or(report.range.start, |p| p.heading.end)
            .min(first.range.start),
        first.range.start,
    );
    // A page cut out of a longer report starts wherever the page starts.
    // A list that starts at 1 is right either way: `before` is not searched.
    let free_start = report.fragment && list.parent.is_none();
    let start = if first.number == 1 || free_start || runs_on || written(text, first, 1, before) {
        first.number
    } else {
        1
    };
    let fault = if first.number != start {
        Some((
            first,
            format!(
                "编号从{}开始,缺少{}",
                show(first),
                quoted(text, first, 1..first.number)
            ),
        ))
    } else {
        markers.windows(2).find_map(|pair| {
            let [prev, this] = pair else { return None };
            let expected = prev.number + 1;
            let between = TextRange::new(prev.range.end, this.range.start.max(prev.range.end));
            let message = if this.number == expected || written(text, this, expected, between) {
                return None;
            } else if this.number == prev.number {
                format!("编号{}重复", show(this))
            } else if this.number < prev.number || markers.iter().any(|m| m.number == expected) {
                format!("编号{}排在{}之后,顺序颠倒", show(this), show(prev))
            } else {
                format!(
                    "编号从{}跳到{},缺少{}",
                    show(prev),
                    show(this),
                    quoted(text, this, expected..this.number)
                )
            };
            Some((this, message))
        })
    };
    let (at, message) = fault?;
    let mut finding = shared::finding(&DOC, at.range, message);
    // The edits are computed when the fix is asked for ([`Renumbering`]):
    // the finding carries what names them.
    if markers.iter().zip(start..).any(|(m, n)| m.number != n) {
        finding.set_renumber(Renumber {
            first: first.range,
            start,
        });
    }
    Some(finding)
}

/// The title of the renumbering fix.
pub const RENUMBER_TITLE: &str = "重新编号本列表";

/// The edits of renumbering fixes ([`Renumber`]), computed when asked for
/// from the text and outline the findings were made on. The lists of a
/// report are read once, on the first fix asked for in it.
pub struct Renumbering<'a> {
    text: &'a str,
    document: &'a Document,
    /// Per report, read on first use.
    reports: Vec<OnceLock<ReportLists<'a>>>,
}

/// A report's lists, and their indices by the start of each one's first
/// marker, sorted.
struct ReportLists<'a> {
    lists: Vec<List<'a>>,
    by_first: Vec<(usize, usize)>,
}

impl<'a> Renumbering<'a> {
    pub fn new(text: &'a str, document: &'a Document) -> Self {
        Renumbering {
            text,
            document,
            reports: document.reports.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    /// The fix `renumber` names, with its edits; `None` if no list of the
    /// outline starts at its marker or nothing is left to renumber.
    pub fn fix(&self, renumber: &Renumber) -> Option<Fix> {
        let at = renumber.first.start;
        let reports = &self.document.reports;
        let k = reports.partition_point(|r| r.range.end <= at);
        let report = reports.get(k).filter(|r| r.range.contains(at))?;
        let ReportLists { lists, by_first } = self.reports.get(k)?.get_or_init(|| {
            let lists = shared::lists(report);
            let mut by_first: Vec<(usize, usize)> = lists
                .iter()
                .enumerate()
                .filter_map(|(i, l)| {
                    Some((
                        l.items.iter().find_map(|n| n.marker.as_ref())?.range.start,
                        i,
                    ))
                })
                .collect();
            by_first.sort_unstable();
            ReportLists { lists, by_first }
        });
        let i = by_first
            .binary_search_by_key(&at, |&(start, _)| start)
            .ok()?;
        let list = lists.get(by_first.get(i)?.1)?;
        let markers = markers_in(self.text, &self.document.paragraphs, list);
        let edits: Vec<Edit> = markers
            .iter()
            .zip(renumber.start..)
            .filter(|(m, n)| m.number != *n)
            .map(|(m, n)| Edit {
                range: m.range,
                new_text: shared::renumbered(m.range.slice(self.text), n),
            })
            .collect();
        (!edits.is_empty()).then(|| Fix {
            title: RENUMBER_TITLE.to_string(),
            edits,
        })
    }
}

/// Whether marker `number`, written like `like` (brackets in either width),
/// occurs in `within`.
fn written(text: &str, like: &Marker, number: u32, within: TextRange) -> bool {
    let window = within.slice(text);
    // A marker is never empty: an empty window holds none, and needs no
    // marker written out to say so.
    if window.is_empty() {
        return false;
    }
    let marker = shared::renumbered(like.range.slice(text), number);
    // `在一、二、三级医院`, `第一、第二、第三产业`: numerals counted in a
    // sentence are no marker.
    let counted = |at: usize| {
        let before = window.get(..at).unwrap_or_default();
        let next = window
            .get(at + marker.len()..)
            .and_then(|r| r.chars().next());
        let listed = before
            .strip_suffix('、')
            .and_then(|r| r.chars().next_back());
        before.ends_with('第')
            || next.is_some_and(numeral::is_numeral_char)
            || listed.is_some_and(numeral::is_numeral_char)
    };
    if window.match_indices(&marker).any(|(at, _)| !counted(at)) {
        return true;
    }
    if !marker.contains(['(', ')', '（', '）']) {
        return false;
    }
    let other_width: String = marker
        .chars()
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect();
    window.contains(&other_width)
}

/// The missing markers `numbers`, written like `like`: `“三、”`.
fn quoted(text: &str, like: &Marker, numbers: std::ops::Range<u32>) -> String {
    numbers
        .map(|n| format!("“{}”", shared::renumbered(like.range.slice(text), n)))
        .collect::<Vec<_>>()
        .join("")
}

/// The markers of a list in text order. For items inside paragraphs
/// (`一是…。二是…。`, `（1）…（2）…`) the parser keeps only those that continue a sequence,
/// so the paragraphs are read again for markers of the same form that it
/// passed over (`四是` after `二是`); a new `一是` there opens a nested list
/// and ends the search.
pub(super) fn markers_of(ctx: &Context, list: &List) -> Vec<Marker> {
    markers_in(ctx.text, &ctx.document.paragraphs, list)
}

/// [`markers_of`] in `text` with its `paragraphs`.
fn markers_in(text: &str, paragraphs: &[TextRange], list: &List) -> Vec<Marker> {
    let mut markers = Vec::with_capacity(list.items.len());
    markers.extend(list.items.iter().filter_map(|n| n.marker.clone()));
    let Some(first) = markers.first().cloned() else {
        return markers;
    };
    if list.items.first().is_none_or(|n| n.level != Level::Item) {
        return markers;
    }
    let suffix = first.range.slice(text).chars().next_back();
    for (i, item) in list.items.iter().enumerate() {
        // Paragraphs are in text order: find the one holding the item.
        let at = paragraphs.partition_point(|p| p.end <= item.heading.start);
        let Some(paragraph) = paragraphs
            .get(at)
            .filter(|p| p.contains(item.heading.start))
        else {
            continue;
        };
        let stop = list
            .items
            .get(i + 1)
            .map_or(paragraph.end, |next| next.heading.start.min(paragraph.end));
        if item.heading.end >= stop {
            continue;
        }
        let span = TextRange::new(item.heading.end, stop);
        let s = span.slice(text);
        for at in std::iter::once(0).chain(clause_starts(s)) {
            let Some(hit) = s
                .get(at..)
                .and_then(|rest| marker::parse(rest, span.start + at))
            else {
                continue;
            };
            let m = hit.marker;
            if m.style != first.style || m.range.slice(text).chars().next_back() != suffix {
                continue;
            }
            if m.number == 1 {
                break;
            }
            markers.push(m);
        }
    }
    // The markers found come after the items' own: the stable sort keeps an
    // item's marker where both are at one place.
    markers.sort_by_key(|m| m.range.start);
    markers.dedup_by_key(|m| m.range.start);
    markers
}

#[cfg(test)]
mod tests {
    use super::super::testing::{codes, fixture, only, run};
    use crate::text::TextRange;

    fn bg004(text: &str) -> Vec<super::Finding> {
        only("BG004", text)
    }

    /// The edits of a finding's renumbering fix, computed as the editor
    /// asks for them: (old text, new text).
    fn renumbering<'t>(text: &'t str, finding: &super::Finding) -> Vec<(&'t str, String)> {
        let document = crate::report::analyze(text);
        let renumber = finding.renumber().expect("a renumbering fix");
        let fix = super::Renumbering::new(text, &document)
            .fix(renumber)
            .expect("edits");
        assert_eq!(fix.title, "重新编号本列表");
        fix.edits
            .into_iter()
            .map(|e| (e.range.slice(text), e.new_text))
            .collect()
    }

    #[test]
    fn two_labelled_lists_in_one_paragraph_are_two_lists() {
        let text = "一、甲\n集中力量抓好四大攻坚：一是燃煤压减攻坚。二是散煤治理攻坚。三是扬尘治理攻坚。四是工业污染治理攻坚。强化两大支撑：一是技术支撑。二是资金支撑。\n二、乙\n内容。\n";
        assert!(bg004(text).is_empty(), "{:#?}", bg004(text));
        assert_eq!(codes(&run(text), "BG009"), 0);
    }

    #[test]
    fn flags_a_gap_and_renumbers() {
        let text = "一、坚持党的领导\n内容。\n二、加强立法\n内容。\n四、增强监督\n内容。\n五、代表工作\n内容。\n";
        let found = bg004(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(text), "四、");
        assert_eq!(found[0].message, "编号从“二、”跳到“四、”,缺少“三、”");
        assert!(found[0].fixes().is_empty(), "the edits are not carried");
        assert_eq!(
            renumbering(text, &found[0]),
            vec![("四、", "三、".to_string()), ("五、", "四、".to_string())]
        );
    }

    #[test]
    fn flags_a_repeat_and_a_wrong_order() {
        let repeat = "(一)甲\n内容。\n(二)乙\n内容。\n(二)丙\n内容。\n";
        assert_eq!(bg004(repeat)[0].message, "编号“(二)”重复");
        let order = "1.甲\n内容。\n3.乙\n内容。\n2.丙\n内容。\n";
        let found = bg004(order);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].range.slice(order), "3.");
        assert!(
            found[0].message.contains("顺序颠倒"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn flags_a_list_not_starting_at_one() {
        let text =
            "××市人大常委会工作报告\n各位代表:\n二、加强立法\n内容。\n三、增强监督\n内容。\n";
        let found = bg004(text);
        assert_eq!(found[0].message, "编号从“二、”开始,缺少“一、”");
    }

    #[test]
    fn flags_a_gap_in_items_inside_a_paragraph() {
        let text = "一、加强监督\n常委会加强监督。一是听取报告。二是开展检查。四是专题询问。\n";
        let found = bg004(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(text), "四是");
        assert_eq!(
            renumbering(text, &found[0]),
            vec![("四是", "三是".to_string())]
        );
    }

    #[test]
    fn dont_flag_restarts_under_each_parent_or_nested_items() {
        let text = "一、甲\n(一)子\n内容。\n(二)子\n内容。\n二、乙\n(一)子\n内容。\n";
        assert_eq!(bg004(text).len(), 0);
        let items = "一、甲\n一方面,提升立法质效。\n一是推动提标。\n二是推动提效。\n另一方面,提升监督质效。\n一是提升水平。\n二是提升能力。\n";
        assert_eq!(bg004(items).len(), 0);
        let nested = "一、甲\n一是加强监督。\n二是加强立法。一是制定法规。二是清理法规。\n三是加强代表工作。\n";
        assert_eq!(bg004(nested).len(), 0, "{:#?}", bg004(nested));
    }

    #[test]
    fn dont_flag_items_split_across_paragraphs() {
        let text =
            "一、甲\n一是听取报告。二是开展检查。\n三是专题询问。四是执法检查。\n五是跟踪监督。\n";
        assert_eq!(bg004(text).len(), 0, "{:#?}", bg004(text));
    }

    #[test]
    fn dont_flag_markers_the_outline_passes_over() {
        // `一是` after a colon is not where the outline takes items.
        let colon = "一、甲\n主要做了以下工作:一是听取报告。\n二是开展检查。\n三是专题询问。\n";
        assert_eq!(bg004(colon).len(), 0, "{:#?}", bg004(colon));
        let glued = "一、甲\n一是听取报告。\n二是开展检查,三是专题询问。\n四是执法检查。\n";
        assert_eq!(bg004(glued).len(), 0, "{:#?}", bg004(glued));
    }

    #[test]
    fn dont_flag_a_fragment_starting_mid_list() {
        let text = fixture("002_5ac5394e31afa987.txt");
        assert_eq!(codes(&run(&text), "BG004"), 0);
    }

    #[test]
    fn flags_a_skipped_heading_number_in_a_real_report() {
        let text = fixture("renda-baicheng.txt")
            .replace("三、聚焦寓支持于监督之中", "四、聚焦寓支持于监督之中");
        let found = bg004(&text);
        assert_eq!(found.len(), 1, "{found:#?}");
        let at = text.find("四、聚焦寓支持于监督之中").unwrap();
        assert_eq!(found[0].range, TextRange::new(at, at + "四、".len()));
    }

    #[test]
    fn flags_a_gap_in_an_inline_enumeration() {
        let text = "一、甲\n办好实事。(1)开展培训。(2)建设公园。(4)改造道路。\n";
        let found = bg004(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(text), "(4)");
        assert_eq!(
            renumbering(text, &found[0]),
            vec![("(4)", "(3)".to_string())]
        );
    }

    #[test]
    fn renumbers_a_list_in_a_later_report_of_a_compilation() {
        let report = "××市人大常委会工作报告\n各位代表:\n一、甲\n内容。\n二、乙\n内容。\n";
        let text = format!("{report}{}", report.replace("二、乙", "三、乙"));
        let found = bg004(&text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].range.start > report.len());
        assert_eq!(
            renumbering(&text, &found[0]),
            vec![("三、", "二、".to_string())]
        );
    }

    #[test]
    fn dont_flag_numbering_that_runs_on_across_sections() {
        let text = "一、甲\n(一)子\n1.甲一\n内容。\n2.甲二\n内容。\n(二)子\n3.乙一\n内容。\n4.乙二\n内容。\n";
        assert_eq!(bg004(text).len(), 0, "{:#?}", bg004(text));
        let gap = text.replace("3.乙一", "5.乙一").replace("4.乙二", "6.乙二");
        assert_eq!(bg004(&gap).len(), 1, "{:#?}", bg004(&gap));
    }
}
