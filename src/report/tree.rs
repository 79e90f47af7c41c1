//! The outline tree from a report's events: runs of bodiless sections read
//! as items, unnumbered headings inside a numbered section read as its
//! lines, then nesting by rank.

use super::event::Event;
use super::model::{Level, MarkerStyle, Node, Part};
use crate::text::TextRange;

/// Three or more numbered paragraphs in a row, one after another with no
/// text between them, most of them nothing but their first sentence
/// (`1、缓解市民“出行难”。` / `2、…`, a glossary's `1.“六稳”：…`), are the
/// items of a list, not sections left empty: an empty section stands among
/// siblings that have text, and sections written each on one line have
/// their text after their first sentence.
pub(super) fn bodiless_runs_are_items(
    text: &str,
    body: &[TextRange],
    events: &mut [(usize, Event)],
) {
    let heading = |ev: &Event| !ev.inline && ev.level > Level::Part && ev.level < Level::Item;
    // Whether the heading is all of its paragraph.
    let alone = |(i, ev): &(usize, Event)| {
        body.get(*i).is_some_and(|p| {
            text.get(ev.heading.end..p.end).is_some_and(|rest| {
                rest.chars().all(|c| {
                    c.is_whitespace() || matches!(c, '\u{feff}' | '*' | '#' | '。' | ':' | '：')
                })
            })
        })
    };
    // Whether `next` is numbered right after `ev`, in the paragraph after it.
    let follows = |(i, ev): &(usize, Event), (j, next): &(usize, Event)| {
        *j == i + 1
            && heading(next)
            && match (&ev.marker, &next.marker) {
                (Some(a), Some(b)) => a.style == b.style && b.number == a.number + 1,
                _ => false,
            }
    };
    let mut start = 0;
    while start < events.len() {
        let mut end = start + 1;
        if events.get(start).is_some_and(|(_, ev)| heading(ev)) {
            while let (Some(prev), Some(next)) = (events.get(end - 1), events.get(end)) {
                if !follows(prev, next) {
                    break;
                }
                end += 1;
            }
            let run = events.get_mut(start..end).unwrap_or_default();
            let lone = run.iter().filter(|e| alone(e)).count();
            if run.len() >= 3 && 2 * lone >= run.len() {
                for (_, ev) in run {
                    ev.level = Level::Item;
                }
            }
        }
        start = end;
    }
}

/// An unnumbered heading inside a section numbered `一、` whose numbering
/// goes on after it (`二、2009年的目标和主要任务` / `2009年要着力做好以下六方面
/// 工作：` / `（一）…` / `三、…`) is a line of that section, not a part that
/// encloses the rest: read as an item of the section, it keeps the `（一）`
/// after it under `二、` and `三、` beside `二、`. So is one inside the last
/// section where the `一、` headings name the parts. A heading line that names
/// a part is a part of its own where the numbering runs on across parts,
/// unless it is the second line of the `一、` heading right above it.
pub(super) fn headings_inside_numbered_parts(
    text: &str,
    body: &[TextRange],
    events: &mut [(usize, Event)],
) {
    let is_h1 = |ev: &Event| ev.level == Level::H1 && !ev.inline;
    // The number of the next `一、` heading after each event, and whether
    // the next heading after it is numbered below `一、`: the section goes
    // on after it. Both told in one walk back, not by a walk forward from
    // each event (quadratic in a run of items).
    let mut next_h1 = vec![None; events.len()];
    let mut inside_after = vec![false; events.len()];
    let (mut next, mut inside) = (None, false);
    for (k, (_, ev)) in events.iter().enumerate().rev() {
        if let (Some(slot), Some(inside_slot)) = (next_h1.get_mut(k), inside_after.get_mut(k)) {
            *slot = next;
            *inside_slot = inside;
        }
        if is_h1(ev) {
            next = ev.marker.as_ref().map(|m| m.number);
        }
        if !ev.inline && ev.level != Level::Item {
            inside = ev.level > Level::H1;
        }
    }
    // The last `一、` heading before, with its paragraph, number and whether
    // it names a part; none once a part heading of its own came after it.
    let mut open: Option<(usize, u32, bool)> = None;
    for k in 0..events.len() {
        let inside = inside_after.get(k).copied().unwrap_or(false);
        let Some((i, ev)) = events.get_mut(k) else {
            break;
        };
        if is_h1(ev) {
            open = ev
                .marker
                .as_ref()
                .map(|m| (*i, m.number, ev.part.is_some()));
            continue;
        }
        // The thanks or the shortcomings read among a section's `（一）`s are
        // a paragraph of that section, not the end of the part.
        let paragraph_part = ev.closes_review();
        if ev.level != Level::Part
            || (ev.leaf && !(paragraph_part && inside))
            || ev.marker.is_some()
        {
            continue;
        }
        if ev.part == Some(Part::Appendix) {
            open = None;
            continue;
        }
        let Some((h1_paragraph, number, names_part)) = open else {
            continue;
        };
        let runs_on = match next_h1.get(k).copied().flatten() {
            Some(n) => n == number + 1,
            None => names_part,
        };
        let sentence = ev.heading.slice(text).trim_end_matches(['*', ' ']);
        let part_line = !ev.leaf
            && ev.part.is_some()
            && body.get(*i) == Some(&ev.heading)
            && !sentence.ends_with([':', '：']);
        let second_line = *i == h1_paragraph + 1;
        if runs_on && (!part_line || second_line) {
            ev.level = Level::Item;
            ev.leaf = false;
        } else if !ev.leaf {
            open = None;
        }
    }
}

/// What decides which later event closes an open section.
struct Nesting {
    rank: u8,
    /// A paragraph part holds only the items inside its own paragraph
    /// (`我们深刻体会到:一是…二是…`); anything else closes it.
    leaf: Option<usize>,
}

impl Nesting {
    fn of(paragraph: usize, ev: &Event) -> Self {
        Nesting {
            rank: ev.level.rank(),
            leaf: ev.leaf.then_some(paragraph),
        }
    }

    /// Whether the event `ev` of `paragraph` closes the section.
    fn closed_by(&self, paragraph: usize, ev: &Event) -> bool {
        let rank = if ev.leaf { 0 } else { ev.level.rank() };
        self.rank >= rank
            || self
                .leaf
                .is_some_and(|own| own != paragraph || ev.level != Level::Item)
    }
}

/// How many children each event's node has, and how many nodes are roots:
/// the nodes' vectors are made that size, with no room to grow into, which
/// a long flat list would leave unused in every vector, the list's own.
fn child_counts(body: &[TextRange], events: &[(usize, Event)]) -> (Vec<u32>, usize) {
    // Held beside every event and node: half the size of a `usize`.
    let mut children = vec![0u32; events.len()];
    let mut roots = 0;
    let mut stack: Vec<(usize, Nesting)> = Vec::new();
    for (i, (paragraph, ev)) in events.iter().enumerate() {
        if body.get(*paragraph).is_none() {
            continue;
        }
        while stack
            .last()
            .is_some_and(|(_, open)| open.closed_by(*paragraph, ev))
        {
            stack.pop();
        }
        match stack
            .last()
            .and_then(|(parent, _)| children.get_mut(*parent))
        {
            Some(count) => *count = count.saturating_add(1),
            None => roots += 1,
        }
        stack.push((i, Nesting::of(*paragraph, ev)));
    }
    (children, roots)
}

/// Builds the tree from events in document order. A node's section runs
/// until the next event of the same or an enclosing rank.
pub(super) fn build_tree(body: &[TextRange], events: Vec<(usize, Event)>) -> Vec<Node> {
    let (child_counts, roots) = child_counts(body, &events);
    let mut roots: Vec<Node> = Vec::with_capacity(roots);
    let mut stack: Vec<(Node, Nesting)> = Vec::new();
    let close = |stack: &mut Vec<(Node, Nesting)>, roots: &mut Vec<Node>, end: usize| {
        if let Some((mut node, _)) = stack.pop() {
            node.range.end = end.max(node.range.end);
            match stack.last_mut() {
                Some((parent, _)) => parent.children.push(node),
                None => roots.push(node),
            }
        }
    };
    for ((paragraph, ev), children) in events.into_iter().zip(child_counts) {
        let Some(p) = body.get(paragraph) else {
            continue;
        };
        let start = ev.heading.start;
        // Sections end where the previous paragraph ended, or for inline
        // items where the next item starts.
        let end_before = if ev.inline {
            start
        } else {
            paragraph
                .checked_sub(1)
                .and_then(|q| body.get(q))
                .map_or(p.start, |q| q.end)
        };
        while stack
            .last()
            .is_some_and(|(_, open)| open.closed_by(paragraph, &ev))
        {
            close(&mut stack, &mut roots, end_before);
        }
        let nesting = Nesting::of(paragraph, &ev);
        let node = Node {
            level: ev.level,
            part: ev.part,
            marker: ev.marker,
            label: ev.label,
            heading: ev.heading,
            range: TextRange::new(start, if ev.leaf { p.end } else { ev.heading.end }),
            children: Vec::with_capacity(children as usize),
        };
        stack.push((node, nesting));
    }
    let end = body.last().map_or(0, |p| p.end);
    while !stack.is_empty() {
        close(&mut stack, &mut roots, end);
    }
    roots
}

/// A text that starts at `（五）` or `三、` starts inside a report.
pub(super) fn first_number_is_late(nodes: &[Node]) -> bool {
    nodes
        .iter()
        .find(|n| n.marker.is_some())
        .and_then(|n| n.marker.as_ref())
        .is_some_and(|m| m.number > 1 && m.style != MarkerStyle::Lead)
}
