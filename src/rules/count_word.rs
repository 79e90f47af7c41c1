//! BG009: a count word that disagrees with the items it introduces.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use memchr::arch::all::packedpair::HeuristicFrequencyRank;
use memchr::memmem;
use regex::Regex;

use super::index::Index;
use super::prose;
use super::shared::{self, List};
use super::{numbering_sequence, Context, Edit, Finding, Fix, Related, RuleDoc, Severity};
use crate::report::numeral::{parse_small, to_chinese};
use crate::report::{marker, Level, Marker, MarkerStyle, Node, Report};
use crate::text::sentence::clause_starts;
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG009",
    name: "count-word",
    family: super::Family::Structure,
    default_severity: Severity::Warning,
    summary:
        "A count word disagrees with the items it introduces (四个方面 followed by five headings)",
    explanation: "\
## What it does

Finds a sentence that announces a number of items and ends with a colon
(`重点抓好四个方面工作:`, `干好四件大事:`, `提出以下三点建议。`) and counts the
numbered headings or items that follow it (`一、`… or `一是`…). When the count
differs, the count word is flagged and the quick fix corrects it.

## Why

Sections are added and dropped while a report is drafted; the sentence that
announced them is rarely updated, and the mismatch is read aloud at the session.

## Example

```text
重点抓好四个方面工作:
一、……
二、……
三、……
四、……
五、……
```

announces four and lists five.
",
};

/// `四个方面工作:` `四件大事：` `以下三点建议。` — the numeral is group 2.
static COUNT_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    crate::report::static_regex(
        r"(以下|如下)?([一二两三四五六七八九十]{1,3})(个方面|方面|个|点|项|条|件|大|类|种)([^，,。；;:：!！?？“”‘’\x22]{0,10})([:：]|。)",
    )
});

/// The paragraphs, by index, that may hold a count phrase that introduces
/// something: one that ends in a colon, or in `。` after `以下`/`如下`. Every
/// other match of [`COUNT_PHRASE`] is skipped, so the other paragraphs
/// (nearly all) need not be searched by the regex, which stops at every `个`
/// or `项`. Each mark is searched for once over the span of all the
/// paragraphs, not paragraph by paragraph: most paragraphs hold none, and a
/// search per paragraph costs its setup a thousand times a compilation.
/// `：` and `下` are read from `index` when the proofreading rules made it.
fn introducing(text: &str, paragraphs: &[TextRange], index: Option<&Index>) -> Vec<usize> {
    static FULL_COLON: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| {
        memmem::FinderBuilder::new().build_forward_with_ranker_owned(ColonBytes, "：".as_bytes())
    });
    static BELOW: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new("下".as_bytes()).into_owned());
    let (Some(first), Some(last)) = (paragraphs.first(), paragraphs.last()) else {
        return Vec::new();
    };
    let span = text
        .as_bytes()
        .get(first.start..last.end)
        .unwrap_or_default();
    let range = TextRange::new(first.start, last.end);
    // Each mark as its start and length in the span.
    let colons = memchr::memchr_iter(b':', span).map(|at| (at, 1));
    let (full_colons, below): (Vec<usize>, Vec<usize>) = match index {
        Some(index) => {
            let relative = |positions: &[usize]| -> Vec<usize> {
                prose::within(positions, range)
                    .iter()
                    .map(|at| at - first.start)
                    .collect()
            };
            (
                relative(index.marks.positions('：')),
                relative(index.anchors.positions('下')),
            )
        }
        None => (
            FULL_COLON.find_iter(span).collect(),
            BELOW.find_iter(span).collect(),
        ),
    };
    let full_colons = full_colons.into_iter().map(|at| (at, "：".len()));
    let below = below.into_iter().filter_map(|at| {
        let head = span.get(..at)?;
        let introduced = head.ends_with("以".as_bytes()) || head.ends_with("如".as_bytes());
        introduced.then(|| (at - "以".len(), "以下".len()))
    });
    // A mark counts only whole inside a paragraph, as a search of the
    // paragraph alone would find it.
    let mut found: Vec<usize> = colons
        .chain(full_colons)
        .chain(below)
        .filter_map(|(at, len)| {
            let at = first.start + at;
            let i = paragraphs.partition_point(|p| p.end <= at);
            paragraphs
                .get(i)
                .filter(|p| p.start <= at && at + len <= p.end)
                .map(|_| i)
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// The clauses of `s` that a count phrase may end: `(start, end, full_stop)`
/// of each run of text up to and including a `:` `：` or `。`, none of which
/// a [`COUNT_PHRASE`] holds but at its end. So each clause holds at most one
/// match, the one `captures_iter` over the paragraph finds there, and the
/// regex runs on a few bytes before each end instead of over the paragraph.
fn clauses(s: &str) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
    let bytes = s.as_bytes();
    let mut start = 0;
    // `：` starts with EF and `。` with E3: lead bytes of punctuation only.
    memchr::memchr3_iter(b':', 0xEF, 0xE3, bytes).filter_map(move |i| {
        let rest = bytes.get(i..).unwrap_or_default();
        let (len, full_stop) = if rest.starts_with(b":") {
            (1, false)
        } else if rest.starts_with("：".as_bytes()) {
            (3, false)
        } else if rest.starts_with("。".as_bytes()) {
            (3, true)
        } else {
            return None;
        };
        let clause = (start, i + len, full_stop);
        start = i + len;
        Some(clause)
    })
}

/// The longest [`COUNT_PHRASE`] match in bytes: `以下`, three numerals,
/// `个方面`, ten characters of four bytes and the colon.
const LONGEST_PHRASE: usize = 6 + 9 + 9 + 40 + 3;

/// Where to search a clause that ends `upto` and starts at `start`: no match
/// ending there starts earlier than [`LONGEST_PHRASE`] before the end.
fn window_start(upto: &str, start: usize) -> usize {
    upto.floor_char_boundary(upto.len().saturating_sub(LONGEST_PHRASE).max(start))
}

/// The bytes the search for `：` (EF BC 9A) stops at: its first and last.
/// The default pair is its last two, which it shares with `会`, one of the
/// commonest characters.
struct ColonBytes;

impl HeuristicFrequencyRank for ColonBytes {
    fn rank(&self, byte: u8) -> u8 {
        match byte {
            0xEF => 0,
            0x9A => 1,
            _ => u8::MAX,
        }
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (report, lists) in ctx.reports_with_lists() {
        let paragraphs = shared::report_paragraphs(ctx, report);
        // Made at the first count phrase a list follows: a walk of the
        // report for each was quadratic in a text of many of them.
        let mut firsts = None;
        for i in introducing(ctx.text, paragraphs, ctx.index_made()) {
            let Some(p) = paragraphs.get(i) else {
                continue;
            };
            let s = p.slice(ctx.text);
            for (start, end, full_stop) in clauses(s) {
                // `。` ends a count phrase only after `以下`/`如下`.
                let clause = s.get(start..end).unwrap_or_default();
                if full_stop && !(clause.contains("以下") || clause.contains("如下")) {
                    continue;
                }
                let Some(caps) = s
                    .get(..end)
                    .and_then(|upto| COUNT_PHRASE.captures_at(upto, window_start(upto, start)))
                else {
                    continue;
                };
                let (Some(whole), Some(numeral), Some(end)) =
                    (caps.get(0), caps.get(2), caps.get(5))
                else {
                    continue;
                };
                // `以下三点建议。` counts; a sentence merely mentioning
                // `三个方面。` does not introduce anything.
                if end.as_str() == "。" && caps.get(1).is_none() {
                    continue;
                }
                // A slogan in quotes (`“四个意识”:`) is not a count.
                let before = s.get(..whole.start()).and_then(|b| b.chars().next_back());
                if before.is_some_and(|c| matches!(c, '“' | '"' | '‘' | '「')) {
                    continue;
                }
                let count = match numeral.as_str() {
                    "两" => 2,
                    other => match parse_small(other) {
                        Some(n) => n,
                        None => continue,
                    },
                };
                if count < 2 {
                    continue;
                }
                let rest = s.get(whole.end()..).unwrap_or("");
                let trimmed = rest.trim_start_matches([' ', '\u{3000}']);
                let markers = if trimmed.is_empty() {
                    // The list follows in the next paragraph: `一、` headings
                    // or items, as the outline has them.
                    let Some(next) = paragraphs.get(i + 1) else {
                        continue;
                    };
                    let firsts = firsts.get_or_insert_with(|| list_firsts(report, lists));
                    match firsts.get(&next.start).copied() {
                        Some(list) => numbering_sequence::markers_of(ctx, list),
                        None => continue,
                    }
                } else {
                    let from = p.start + whole.end() + (rest.len() - trimmed.len());
                    inline_markers(ctx.text, paragraphs.get(i..).unwrap_or_default(), from)
                };
                if markers.is_empty() {
                    continue;
                }
                let items = markers.len() as u32;
                let highest = markers.last().map_or(0, |m| m.number);
                if items == count || highest == count {
                    continue;
                }
                let range = TextRange::new(p.start + numeral.start(), p.start + numeral.end());
                let mut finding = shared::finding(
                    &DOC,
                    range,
                    format!(
                        "“{}”与其后列出的{items}项不符",
                        s.get(numeral.start()..caps.get(3).map_or(numeral.end(), |u| u.end()))
                            .unwrap_or("")
                    ),
                );
                if let Some(last) = markers.last() {
                    finding.push_related(Related {
                        message: format!("第{items}项").into(),
                        range: last.range,
                    });
                }
                finding.push_fix(Fix {
                    title: format!("改为“{}”", to_chinese(items)),
                    edits: vec![Edit {
                        range,
                        new_text: to_chinese(items),
                    }],
                });
                out.push(finding);
            }
        }
    }
}

/// Items written inline right after the colon (`…四件大事：一是…。二是…。`),
/// continued by paragraphs that start with the next items (`三是…`). The
/// outline takes items only at sentence starts, so they are read here.
fn inline_markers(text: &str, paragraphs: &[TextRange], from: usize) -> Vec<Marker> {
    let Some((first_paragraph, later)) = paragraphs.split_first() else {
        return Vec::new();
    };
    let head = text.get(from..first_paragraph.end).unwrap_or("");
    let Some(first) =
        marker::parse(head, from).filter(|f| f.level == Level::Item && f.marker.number == 1)
    else {
        return Vec::new();
    };
    let form = |m: &Marker| (m.style, m.range.slice(text).chars().next_back());
    let wanted = form(&first.marker);
    let mut out = Vec::new();
    // Markers of the same form at sentence starts of `s`, and after a comma
    // where they go on from the last (`一是…，二是…，三是…`); false at a new
    // `一是`. A marker may be set in bold (`。**二是**突出…`).
    let scan = |s: &str, base: usize, out: &mut Vec<Marker>| -> bool {
        let commas = s
            .match_indices(['，', ','])
            .map(|(at, comma)| (at + comma.len(), true));
        let mut starts: Vec<(usize, bool)> = std::iter::once(0)
            .chain(clause_starts(s))
            .map(|at| (at, false))
            .chain(commas)
            .collect();
        starts.sort_unstable();
        starts.dedup_by_key(|(at, _)| *at);
        for (at, after_comma) in starts {
            let at = if s.get(at..).is_some_and(|r| r.starts_with("**")) {
                at + 2
            } else {
                at
            };
            let Some(found) = s.get(at..).and_then(|r| marker::parse(r, base + at)) else {
                continue;
            };
            if form(&found.marker) != wanted {
                continue;
            }
            let goes_on = out
                .last()
                .is_some_and(|last: &Marker| found.marker.number == last.number + 1);
            if after_comma && !goes_on {
                continue;
            }
            if found.marker.number == 1 && !out.is_empty() {
                return false;
            }
            out.push(found.marker);
        }
        true
    };
    if !scan(head, from, &mut out) {
        return out;
    }
    for p in later {
        let s = p.slice(text);
        let continues = marker::parse(s, p.start)
            .is_some_and(|f| form(&f.marker) == wanted && f.marker.number != 1);
        if !continues || !scan(s, p.start, &mut out) {
            break;
        }
    }
    out
}

/// The lists by where their first item starts: of the numbered nodes that
/// start at one place, the first in the outline's order, if it opens a list.
fn list_firsts<'a>(report: &'a Report, lists: &'a [List<'a>]) -> HashMap<usize, &'a List<'a>> {
    let by_first: HashMap<*const Node, &List> = lists
        .iter()
        .filter_map(|l| Some((std::ptr::from_ref::<Node>(l.items.first()?), l)))
        .collect();
    let mut firsts = HashMap::new();
    let mut seen = HashSet::new();
    for node in report.walk() {
        let numbered = node
            .marker
            .as_ref()
            .is_some_and(|m| m.style != MarkerStyle::Lead);
        if numbered && seen.insert(node.heading.start) {
            if let Some(list) = by_first.get(&std::ptr::from_ref(node)) {
                firsts.insert(node.heading.start, *list);
            }
        }
    }
    firsts
}

#[cfg(test)]
mod tests {
    use super::super::index::Index;
    use super::super::testing::{codes, fixture, only, run};
    use crate::text::TextRange;

    fn bg009(text: &str) -> Vec<super::Finding> {
        only("BG009", text)
    }

    #[test]
    fn flags_four_announced_and_five_listed() {
        let text = "2023年工作安排\n重点抓好四个方面工作:\n一、甲\n内容。\n二、乙\n内容。\n三、丙\n内容。\n四、丁\n内容。\n五、戊\n内容。\n";
        let found = bg009(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(text), "四");
        assert_eq!(found[0].message, "“四个方面”与其后列出的5项不符");
        assert_eq!(found[0].fixes()[0].edits[0].new_text, "五");
        assert_eq!(found[0].related()[0].range.slice(text), "五、");
    }

    #[test]
    fn items_after_commas_and_in_bold_are_counted() {
        // 巴中 2021 and 广东 2010, as published: items that go on after a
        // comma, and markers set in bold, are the list's items.
        let commas = "一、建议\n推动这些重大部署落实，需要重点把握好以下三点：一是统揽经济社会发展全局，二是深入践行新发展理念，三是牢牢把握高质量发展主题。\n";
        assert!(bg009(commas).is_empty(), "{:#?}", bg009(commas));
        let bold = "一、任务\n做好今年的政府工作，要突出三个重点。**三个重点：一是**突出现代产业体系建设。加快改造。**二是**突出自主创新。加大投入。**三是**突出民生。\n";
        assert!(bg009(bold).is_empty(), "{:#?}", bg009(bold));
        // A comma does not start a list, nor skip a number in it.
        let skipped = "一、建议\n把握好以下三点：一是统揽全局，三是践行理念，二是把握主题。\n";
        assert_eq!(bg009(skipped).len(), 1, "{:#?}", bg009(skipped));
    }

    #[test]
    fn flags_three_points_with_two_items() {
        let text = "一、建议\n我们提出以下三点建议:一是加强监督。二是改进作风。\n";
        let found = bg009(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(text), "三");
        assert_eq!(found[0].fixes()[0].edits[0].new_text, "二");
    }

    #[test]
    fn dont_flag_matching_counts_slogans_or_mentions() {
        let ok = "重点抓好两个方面工作:\n一、甲\n内容。\n二、乙\n内容。\n";
        assert_eq!(bg009(ok).len(), 0);
        let slogan = "一、甲\n增强“四个意识”:一是学习。二是实践。\n";
        assert_eq!(bg009(slogan).len(), 0);
        let mention = "一、甲\n我们从三个方面推进工作。一是学习。二是实践。\n";
        assert_eq!(bg009(mention).len(), 0);
        // The numbering skipped a number; the count agrees with the last one.
        let gap = "一、甲\n干好四件大事:一是学习。二是实践。四是总结。\n";
        assert_eq!(bg009(gap).len(), 0, "{:#?}", bg009(gap));
    }

    #[test]
    fn paragraphs_searched_are_those_that_may_introduce_a_list() {
        let introducing = |paragraphs: &[&str]| {
            let text = paragraphs.join("\n");
            let mut start = 0;
            let ranges: Vec<TextRange> = paragraphs
                .iter()
                .map(|p| {
                    let range = TextRange::new(start, start + p.len());
                    start = range.end + 1;
                    range
                })
                .collect();
            let searched = super::introducing(&text, &ranges, None);
            let indexed = super::introducing(&text, &ranges, Some(&Index::of(&text)));
            assert_eq!(searched, indexed, "{text}");
            searched
        };
        for s in [
            "抓好四个方面工作：",
            "四件大事:",
            "以下三点建议。",
            "如下两项。",
        ] {
            assert_eq!(introducing(&[s]), [0], "{s}");
        }
        for s in ["我们从三个方面推进工作。", "会议下午召开，", "下一步。"] {
            assert_eq!(introducing(&[s]), [] as [usize; 0], "{s}");
        }
        let several = [
            "会议下午召开。",
            "四件大事:",
            "坚持以",
            "下一步。",
            "以下三点:",
        ];
        assert_eq!(introducing(&several), [1, 4]);
    }

    #[test]
    fn counts_headings_and_inline_items_in_real_reports() {
        for name in ["renda-yaan.txt", "zhengfu-zhejiang-2026.txt"] {
            assert_eq!(codes(&run(&fixture(name)), "BG009"), 0, "{name}");
        }
        let text =
            fixture("renda-yaan.txt").replace("重点抓好四个方面工作:", "重点抓好五个方面工作:");
        let found = bg009(&text);
        assert_eq!(found.len(), 1, "{found:#?}");
        let at = text.find("五个方面工作").unwrap();
        assert_eq!(found[0].range.start, at);
        assert_eq!(found[0].fixes()[0].edits[0].new_text, "四");
        let text = fixture("zhengfu-zhejiang-2026.txt").replace("干好四件大事", "干好三件大事");
        assert_eq!(bg009(&text).len(), 1);
    }
}
