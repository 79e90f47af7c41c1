//! Items inside a paragraph: inline enumerations (`一是…二是…`,
//! `（1）…（2）…`), and the lead sentences that subdivide a section.

use super::event::Event;
use super::markdown::clean_label;
use super::model::{Level, Marker, MarkerStyle, Node, Part};
use super::{marker, numeral, Words};
use crate::text::lines::{trim_blanks, BLANKS};
use crate::text::sentence::{is_sentence_end, sentence_end, sentence_starts, CLOSERS};
use crate::text::TextRange;

/// `一是…。二是…。` inside a paragraph: one item per enumerator, in order.
/// An enumeration may also open after a colon (`干好四件大事：一是…；二是…`);
/// there it counts only when a second item follows, so a lone `一是` in a
/// clause is not taken for a list. Heading markers inside a paragraph
/// (`办好10件实事。（1）…。（2）…`) enumerate its items the same way, and
/// always need a second item.
pub(super) fn inline_items(
    text: &str,
    span: TextRange,
    mut expected: Option<(MarkerStyle, u32)>,
    paragraph: usize,
    events: &mut Vec<(usize, Event)>,
) {
    let s = span.slice(text);
    // A paragraph continuing an item it opens with may hold nothing else
    // that opens one (`（1）…（2）…`).
    if expected.is_none() && !may_open_item(s) {
        return;
    }
    // The span starts a sentence: a paragraph, or the body after a heading.
    let (lead, _) = trim_blanks(s);
    let mut sentences = std::iter::once(lead).chain(sentence_starts(s)).peekable();
    // A full-width colon starts with 0xEF: found by byte search and told
    // apart from `，` and the other full-width forms by its other bytes.
    let bytes = s.as_bytes();
    let mut colons = memchr::memchr2_iter(b':', 0xEF, bytes)
        .filter_map(|i| match bytes.get(i..) {
            Some([b':', ..]) => Some(i + 1),
            Some([0xEF, 0xBC, 0x9A, ..]) => Some(i + 3),
            _ => None,
        })
        .filter(|&at| at < s.len())
        .peekable();
    // Sentence starts and the starts after a colon, both in order, merged;
    // with whether the start is after a colon only.
    let starts = std::iter::from_fn(move || match (sentences.peek(), colons.peek()) {
        (Some(&at), colon) if colon.is_none_or(|&c| at <= c) => {
            sentences.next();
            colons.next_if_eq(&at);
            Some((at, false))
        }
        (_, Some(&at)) => {
            colons.next();
            Some((at, true))
        }
        _ => None,
    });
    // Runs of items, each opened by a `一是` (or continuing `expected`), with
    // whether the run is an item only with a second one.
    let mut runs: Vec<(bool, Vec<(usize, marker::Found)>)> = Vec::new();
    for (at, after_colon) in starts {
        let rest = s.get(at..).unwrap_or("");
        let Some(found) = marker::parse(rest, span.start + at) else {
            continue;
        };
        let continues = expected
            .is_some_and(|(style, n)| style == found.marker.style && found.marker.number == n + 1);
        if continues {
            if let Some((_, run)) = runs.last_mut() {
                run.push((at, found.clone()));
            } else {
                runs.push((false, vec![(at, found.clone())]));
            }
        } else if expected.is_none() && found.marker.number == 1 {
            let needs_two = after_colon || found.level != Level::Item;
            runs.push((needs_two, vec![(at, found.clone())]));
        } else {
            continue;
        }
        expected = Some((found.marker.style, found.marker.number));
    }
    for (needs_two, run) in runs {
        if needs_two && run.len() < 2 {
            continue;
        }
        for (k, (at, found)) in run.iter().enumerate() {
            let next = run.get(k + 1).map_or(s.len(), |(n, _)| *n);
            let label_start = at + found.label_start;
            let label_text = s.get(label_start..next).unwrap_or("");
            let len = item_extent(label_text);
            events.push((
                paragraph,
                Event {
                    level: Level::Item,
                    part: None,
                    marker: Some(found.marker.clone()),
                    label: clean_label(label_text.get(..len).unwrap_or("")),
                    heading: TextRange::new(span.start + at, span.start + label_start + len),
                    leaf: false,
                    inline: true,
                },
            ));
        }
    }
}

/// Whether `s` holds an ordinal marker (`第一，`), a numeral before `是` or
/// `要`, or a first heading marker (`（1）` `1.` `（一）` `一、`) where a
/// sentence or a colon leaves off: the openers of an item (see
/// `marker::parse`). Most paragraphs have none, and need no walk over their
/// sentences.
fn may_open_item(s: &str) -> bool {
    // One pass for all the openers: paragraphs are many and short, so a
    // search's fixed cost counts as much as its speed. `1.` is searched
    // apart, by its rare `.`: a word of two bytes would make the pass
    // stop at every character that shares the first two bytes of `是`,
    // `要` or `一` and at every full-width comma.
    static OPENERS: Words = words!(
        "第",
        "是",
        "要",
        "（1）",
        "(1)",
        "1．",
        "1、",
        "（一）",
        "(一)",
        "一、"
    );
    OPENERS.any_word_after(s, |word, rest| opens_item(s, word, rest))
        || memchr::memchr_iter(b'.', s.as_bytes()).any(|dot| {
            dot > 0
                && s.as_bytes().get(dot - 1) == Some(&b'1')
                && s.get(dot + 1..)
                    .is_some_and(|rest| opens_item(s, "1.", rest))
        })
}

/// Whether `word`, one of [`may_open_item`]'s openers, followed in `s` by
/// `rest`, opens an item there.
fn opens_item(s: &str, word: &str, rest: &str) -> bool {
    let at = s.len() - rest.len() - word.len();
    if !matches!(word, "第" | "是" | "要") {
        let before = s.get(..at).unwrap_or("").trim_end_matches(CLOSERS);
        return before.trim_matches(BLANKS).is_empty()
            || before
                .chars()
                .next_back()
                .is_some_and(|c| is_sentence_end(c) || matches!(c, ':' | '：'));
    }
    if word == "第" {
        // `第` opens an item only as `第一，` `第二是` (most are `第十四届`).
        s.get(at..)
            .and_then(|from| marker::parse(from, 0))
            .is_some_and(|found| found.level == Level::Item)
    } else {
        s.get(..at)
            .and_then(|before| before.chars().next_back())
            .is_some_and(numeral::is_numeral_char)
    }
}

/// An inline item's own text: up to the end of its sentence or clause group
/// (`。` or `；`), with a closing quote kept.
pub(super) fn item_extent(label: &str) -> usize {
    if let Some((i, c)) = sentence_end(label) {
        let after = label.get(i + c.len_utf8()..).unwrap_or("");
        let quotes = after.trim_start_matches(['”', '’', '"', '」']);
        return label.len() - quotes.len();
    }
    label.trim_end_matches(BLANKS).len()
}

/// A paragraph that opens with a short topic sentence (`持续强化思想理论武装。
/// 坚持把…`): in print it is bold, and it subdivides its section.
fn lead_sentence(text: &str, p: TextRange) -> Option<TextRange> {
    let s = p.slice(text);
    // A markdown draft marks the lead in bold: `**持续强化思想理论武装。**坚持把…`.
    if let Some(inner) = s.strip_prefix("**") {
        let close = inner.find("**")?;
        let bold = inner.get(..close)?.trim_end_matches(is_sentence_end);
        let n = bold.chars().count();
        let rest = inner.get(close + 2..)?;
        return ((2..=30).contains(&n) && !bold.contains(['。', '；']) && !rest.trim().is_empty())
            .then(|| TextRange::new(p.start, p.start + 2 + close + 2));
    }
    // Most paragraphs open with a long sentence: no need to count it, nor
    // to look for its end past the bytes 24 characters can take.
    let (end, ch) = sentence_end(crate::text::first_bytes(s, 25))?;
    if end > 24 * 4 {
        return None;
    }
    let sentence = s.get(..end)?;
    let n = sentence.chars().count();
    let rest = s.get(end + ch.len_utf8()..)?;
    ((4..=24).contains(&n)
        && matches!(ch, '。' | '！' | '!')
        && !sentence.contains([',', '，', ':', '：', '“', '"', '(', '（'])
        && (rest.len() >= 20 * 4 || rest.chars().count() >= 20))
        .then(|| TextRange::new(p.start, p.start + end + ch.len_utf8()))
}

/// Where a section uses lead sentences for two or more of its own paragraphs
/// (outside any numbered subsection), those become its items.
pub(super) fn add_lead_items(text: &str, body: &[TextRange], node: &mut Node) {
    for child in &mut node.children {
        add_lead_items(text, body, child);
    }
    let has_items = node.children.iter().any(|c| c.level == Level::Item);
    if has_items
        || node.level == Level::Item
        || node
            .part
            .is_some_and(|p| p != Part::Review && p != Part::Tasks)
    {
        return;
    }
    // Paragraphs are sorted: take the section's own slice by binary search.
    let first = body.partition_point(|p| p.start < node.heading.end);
    let last = body.partition_point(|p| p.end <= node.range.end);
    let own = body.get(first..last.max(first)).unwrap_or_default();
    // The paragraphs come in order: the children ending before one are
    // passed for good.
    let mut children = node.children.iter().peekable();
    let mut in_child = |p: &TextRange| {
        while children.next_if(|c| c.range.end <= p.start).is_some() {}
        children.peek().is_some_and(|c| c.range.contains_range(*p))
    };
    let leads: Vec<(usize, TextRange)> = own
        .iter()
        .enumerate()
        .filter(|(_, p)| !in_child(p))
        .filter_map(|(i, p)| lead_sentence(text, *p).map(|lead| (i, lead)))
        .collect();
    if leads.len() < 2 {
        return;
    }
    let mut items = Vec::with_capacity(leads.len());
    for (k, &(i, lead)) in leads.iter().enumerate() {
        let next_lead = leads.get(k + 1).map(|&(_, l)| l.start);
        let next_child = node
            .children
            .get(
                node.children
                    .partition_point(|c| c.range.start <= lead.start),
            )
            .map(|c| c.range.start);
        let next_start = next_lead
            .into_iter()
            .chain(next_child)
            .min()
            .unwrap_or(node.range.end);
        // The item runs to the end of its last paragraph before what follows.
        let end = own
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|p| p.end <= next_start)
            .last()
            .map_or(lead.end, |p| p.end);
        items.push(Node {
            level: Level::Item,
            part: None,
            marker: Some(Marker {
                style: MarkerStyle::Lead,
                number: 0,
                range: TextRange::empty(lead.start),
                separator: None,
                width: None,
            }),
            label: clean_label(lead.slice(text)),
            heading: lead,
            range: TextRange::new(lead.start, end),
            children: Vec::new(),
        });
    }
    node.children.extend(items);
    node.children.sort_by_key(|c| c.range.start);
}
