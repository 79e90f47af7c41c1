//! One report's outline from its paragraphs, in the order of a report:
//! title and the lines under it, salutation, opening, one event or more per
//! paragraph (the closing found first), parts labelled, then the tree.

use super::closing::{appendix, find_closing};
use super::event::{first_sentence, leaf, Event};
use super::heading::heading_event;
use super::items::{add_lead_items, inline_items};
use super::label::{label_parts, unheaded_review};
use super::markdown::{clean_label, unmarked};
use super::model::*;
use super::title::{lines_under_title, read_title, title_year};
use super::tree::{
    bodiless_runs_are_items, build_tree, first_number_is_late, headings_inside_numbered_parts,
};
use super::{marker, parts};
use crate::text::TextRange;

/// The outline of one report from its paragraphs, ranges relative to `text`;
/// the noise found around its title goes to `noise`.
pub(super) fn build_report(
    text: &str,
    paragraphs: &[TextRange],
    title_kind: Option<(Kind, &'static str)>,
    front_title: Option<TextRange>,
    toc: &std::collections::HashSet<usize>,
    noise: &mut Vec<Noise>,
) -> Report {
    let range = TextRange::new(
        front_title
            .or(paragraphs.first().copied())
            .map_or(0, |p| p.start),
        paragraphs.last().map_or(0, |p| p.end),
    );
    let mut evidence = Vec::new();
    let (title, index) = read_title(text, paragraphs, title_kind, front_title, noise);
    let kind = kind_by_title(title_kind, title.as_ref(), &mut evidence);
    let (index, dated) = lines_under_title(text, paragraphs, index, title.is_some(), noise);
    // The year the session plans for: its date, else the title's year.
    let session_year = dated.or_else(|| title.as_ref().and_then(|t| title_year(&t.text)));
    let body: Vec<TextRange> = paragraphs
        .get(index..)
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|p| !toc.contains(&p.start))
        .collect();

    // About one event per paragraph: headings and parts, inline items fewer.
    let mut events: Vec<(usize, Event)> = Vec::with_capacity(body.len());
    let salutation_at = salutation(text, &body, &mut evidence, &mut events);
    // An opening follows a title or a salutation; a text with neither has none.
    let opening_at = if title.is_some() || salutation_at.is_some() {
        let from = salutation_at.map_or(0, |s| s + 1);
        opening(text, &body, from, &mut evidence, &mut events)
    } else {
        None
    };
    let kind =
        kind.unwrap_or_else(|| infer_kind(text, &body, salutation_at, opening_at, &mut evidence));

    let first_body = opening_at.or(salutation_at).map_or(0, |i| i + 1);
    let closing_at = find_closing(text, &body, first_body);
    body_events(
        text,
        &body,
        first_body,
        (opening_at, closing_at),
        session_year,
        &mut events,
    );

    bodiless_runs_are_items(text, &body, &mut events);
    headings_inside_numbered_parts(text, &body, &mut events);
    // A titled report printed to be read starts at its first part, with
    // neither salutation nor opening: at a review worded as one, or it ends
    // on its closing as any report does.
    let review_worded = || {
        events
            .iter()
            .any(|(_, e)| !e.leaf && e.part == Some(Part::Review))
    };
    let framed = opening_at.is_some()
        || salutation_at.is_some()
        || title.is_some() && (closing_at.is_some() || review_worded());
    let by_order = framed && matches!(kind, Kind::Congress | Kind::Consultative | Kind::Government);
    label_parts(&mut events, session_year, by_order);
    if by_order {
        unheaded_review(text, &body, first_body, &mut events);
    }
    let mut nodes = build_tree(&body, events);
    for node in &mut nodes {
        add_lead_items(text, &body, node);
    }
    let starts_inside = title.is_none() && salutation_at.is_none() && first_number_is_late(&nodes);
    let (kind, fragment) = fragment(
        text,
        &nodes,
        title.as_ref(),
        starts_inside,
        kind,
        &mut evidence,
    );
    // Pushed one at a time, a few a report: without the room for more a
    // first push makes, which a report every few lines would multiply.
    evidence.shrink_to_fit();
    Report {
        kind,
        evidence,
        title,
        fragment,
        session_year: dated,
        range,
        nodes,
    }
}

/// The kind the title names, with the title as evidence.
fn kind_by_title(
    title_kind: Option<(Kind, &'static str)>,
    title: Option<&Title>,
    evidence: &mut Vec<Evidence>,
) -> Option<Kind> {
    let title = title?;
    let (kind, why) = title_kind.or_else(|| parts::title_kind(&title.text))?;
    evidence.push(Evidence {
        reason: why.into(),
        range: title.range,
    });
    Some(kind)
}

/// The salutation (`各位代表：`) among the first lines of the body.
fn salutation(
    text: &str,
    body: &[TextRange],
    evidence: &mut Vec<Evidence>,
    events: &mut Vec<(usize, Event)>,
) -> Option<usize> {
    for (i, p) in body.iter().enumerate().take(4) {
        let line = unmarked(p.slice(text));
        if parts::is_salutation(line) {
            evidence.push(Evidence {
                reason: format!("称谓“{}”", line.trim_end_matches([':', '：'])).into(),
                range: *p,
            });
            events.push((i, leaf(text, Part::Salutation, *p)));
            return Some(i);
        }
    }
    None
}

/// The opening (`现在，我代表…向大会报告工作`) in the two paragraphs from
/// `from`.
fn opening(
    text: &str,
    body: &[TextRange],
    from: usize,
    evidence: &mut Vec<Evidence>,
    events: &mut Vec<(usize, Event)>,
) -> Option<usize> {
    for (i, p) in body.iter().enumerate().skip(from).take(2) {
        let line = p.slice(text);
        // The opening comes before the first part heading, never after it.
        if parts::heading_part(line).is_some() {
            return None;
        }
        if parts::is_opening(line) && marker::parse(line, 0).is_none() {
            evidence.push(Evidence {
                reason: "开头语“向大会报告工作”".into(),
                range: *p,
            });
            events.push((i, leaf(text, Part::Opening, *p)));
            return Some(i);
        }
    }
    None
}

/// The events of the body after the opening, paragraph by paragraph: the
/// closing and what follows it, headings with their inline items, paragraph
/// parts, announced parts and inline items.
fn body_events(
    text: &str,
    body: &[TextRange],
    first_body: usize,
    (opening_at, closing_at): (Option<usize>, Option<usize>),
    session_year: Option<u32>,
    events: &mut Vec<(usize, Event)>,
) {
    let mut seen_review = false;
    let mut found = PartsFound::default();
    let mut tasks_begun = TasksBegun::default();
    for (i, p) in body.iter().enumerate().skip(first_body) {
        if Some(i) == closing_at {
            events.push((i, leaf(text, Part::Closing, *p)));
            continue;
        }
        // `各位代表！` on its own line opens the closing below it.
        if closing_at == Some(i + 1) && parts::is_salutation(unmarked(p.slice(text))) {
            continue;
        }
        if closing_at.is_some_and(|c| i == c + 1) {
            // Matter after the closing (名词解释, 附件 …) belongs to the
            // document but not to the report's own numbering.
            events.push((i, appendix(text, *p)));
            if marker::parse(p.slice(text), 0).is_none() {
                continue;
            }
        }
        if let Some(ev) = heading_event(text, *p) {
            seen_review |= add_heading(text, i, *p, ev, closing_at, events);
            continue;
        }
        // A review may run unheaded from the opening to its thanks and
        // shortcomings (`一、` … then number the tasks).
        let unheaded_review = opening_at.is_some() && i > first_body + 1;
        if (seen_review || unheaded_review) && closing_at.is_none_or(|c| i < c) {
            let in_tasks = tasks_begun.update(events, session_year);
            if let Some(part) = paragraph_part(p.slice(text), in_tasks, events, &mut found) {
                // Whatever its heading says (`首先报告2001年的工作`), a part
                // with thanks or shortcomings was the review.
                seen_review |= matches!(part, Part::Thanks | Part::Shortcomings);
                events.push((i, leaf(text, part, *p)));
                continue;
            }
        }
        if let Some(announced) = announced_part(text, *p, seen_review, events, &mut found)
            .filter(|_| !leads_sections(text, body, i, events))
            .or_else(|| tasks_lead_in(text, body, i, session_year, events, &mut found))
        {
            events.push((i, announced));
            seen_review = true;
        }
        inline_items(text, *p, None, i, events);
    }
}

/// Adds the event of heading `ev`, which opens paragraph `i`, and the items
/// inline after it; returns whether the heading shows the review has begun.
fn add_heading(
    text: &str,
    i: usize,
    p: TextRange,
    ev: Event,
    closing_at: Option<usize>,
    events: &mut Vec<(usize, Event)>,
) -> bool {
    // After the closing, an unnumbered heading (`名词解释`,
    // `2023年民生实事项目`) opens more matter outside the report's
    // own parts and numbering.
    if ev.level == Level::Part && closing_at.is_some_and(|c| i > c + 1) {
        events.push((i, appendix(text, p)));
        return false;
    }
    // A heading line followed by another short line is one heading
    // with a subtitle (`坚持党的领导` / `护航全过程人民民主正确政治方向`).
    if ev.level == Level::Part && ev.part.is_none() {
        if let Some((prev_i, prev)) = events.last_mut() {
            if *prev_i + 1 == i && prev.level == Level::Part && prev.part.is_none() && !prev.leaf {
                // Added in place: copied whole for each line, a run
                // of such lines took time with its square.
                prev.label.push(' ');
                prev.label.push_str(&ev.label);
                prev.heading = TextRange::new(prev.heading.start, ev.heading.end);
                *prev_i = i;
                return false;
            }
        }
    }
    // A heading broken over two lines: `2020年工作` / `和“十三五”成就回顾`.
    if ev.level == Level::Part && ev.marker.is_none() && continues_heading(&ev.label) {
        if let Some((prev_i, prev)) = events.last_mut() {
            if *prev_i + 1 == i && prev.level == Level::Part && !prev.leaf && !prev.inline {
                prev.label.push_str(&ev.label);
                prev.heading = TextRange::new(prev.heading.start, ev.heading.end);
                *prev_i = i;
                return false;
            }
        }
    }
    let opens_review = ev.part == Some(Part::Review) || ev.level == Level::H1;
    let inline_from = ev.heading.end;
    // After an item, the next must continue its sequence; after a
    // heading, a new sequence may start right at its body.
    let sequence = match (&ev.marker, ev.level) {
        (Some(m), Level::Item) => Some((m.style, m.number)),
        _ => None,
    };
    events.push((i, ev));
    let span = TextRange::new(inline_from, p.end);
    inline_items(text, span, sequence, i, events);
    opens_review
}

/// Whether paragraph `i`, inside a numbered part (`二、2017年工作重点`), leads
/// that part's `（一）` sections (`今年，我们将重点做好以下七个方面工作：`): an
/// announcement there introduces sections, it opens no part of its own.
fn leads_sections(text: &str, body: &[TextRange], i: usize, events: &[(usize, Event)]) -> bool {
    // The thanks or the shortcomings after the part's heading end it.
    let in_numbered_part = events
        .iter()
        .rev()
        .find(|(_, e)| e.closes_review() || !e.leaf && !e.inline && e.level <= Level::H1)
        .is_some_and(|(_, e)| !e.leaf && e.level == Level::H1);
    let next_heading = body
        .iter()
        .skip(i + 1)
        .take(4)
        .find_map(|p| marker::parse(unmarked(p.slice(text)), 0));
    in_numbered_part && next_heading.is_some_and(|f| f.level == Level::H2)
}

/// A heading's line that starts with a conjunction continues the line above.
fn continues_heading(label: &str) -> bool {
    ["和", "及", "与", "暨", "以及"]
        .iter()
        .any(|w| label.starts_with(w))
}

/// Whether the tasks have begun: the latest top-level heading that names a
/// part, by the years it names or its words, names the tasks
/// (`二、2010年主要工作`, or an announcement `…做好以下八个方面工作` above
/// `一、`…`七、`). Read on from where the last call stopped, as
/// [`PartsFound`] is.
#[derive(Default)]
struct TasksBegun {
    read: usize,
    begun: bool,
}

impl TasksBegun {
    fn update(&mut self, events: &[(usize, Event)], session_year: Option<u32>) -> bool {
        // The last event read may have grown since (a heading's second line).
        let from = self.read.saturating_sub(1);
        for (_, e) in events.get(from..).unwrap_or_default() {
            if let Some(begun) = names_tasks(e, session_year) {
                self.begun = begun;
            }
        }
        self.read = events.len();
        self.begun
    }
}

/// Whether top-level heading `e` names the tasks (`Some(true)`) or another
/// part. The years named decide before the words: `今年工作为“十二五”发展
/// 赢得圆满收官`, said late in 2015, looks back; tense words alone do not
/// tell (`实现良好开局` looks back where `开好局` looks ahead).
fn names_tasks(e: &Event, session_year: Option<u32>) -> Option<bool> {
    if e.leaf || e.inline || e.level > Level::H1 {
        return None;
    }
    let tense = session_year.and_then(|year| parts::tense_by_years(&e.label, year));
    // `一、2004年工作回顾和2005年工作总体要求` opens the review.
    let looks_back = e.label.contains("回顾");
    match tense {
        Some(tense) => Some(tense == parts::Tense::Coming),
        None if e.part == Some(Part::Tasks) && !looks_back => Some(true),
        None if e.part.is_some() || looks_back => Some(false),
        None => None,
    }
}

/// The part a paragraph of the review is by its words: the thanks, the
/// shortcomings (which end the review, so never among the tasks), or the
/// lessons (once).
fn paragraph_part(
    s: &str,
    in_tasks: bool,
    events: &[(usize, Event)],
    found: &mut PartsFound,
) -> Option<Part> {
    let cues = parts::closing_cues(s);
    if cues.thanks && parts::is_thanks(s) && s.chars().count() < 600 {
        return Some(Part::Thanks);
    }
    if cues.shortcomings && !in_tasks && parts::is_shortcomings(s) {
        return Some(Part::Shortcomings);
    }
    if cues.lessons && parts::is_lessons(s) && !found.has(events, Part::Lessons) {
        return Some(Part::Lessons);
    }
    None
}

/// A report without part headings may announce its parts in a sentence:
/// `一年来,主要做了以下工作:` … `新的一年,将重点做好以下工作:`. The part
/// paragraph `p` announces in its first sentence, if it is the one still to
/// come.
fn announced_part(
    text: &str,
    p: TextRange,
    seen_review: bool,
    events: &[(usize, Event)],
    found: &mut PartsFound,
) -> Option<Event> {
    let mut has = |part: Part| found.has(events, part);
    let announceable = if !seen_review && !has(Part::Review) {
        Part::Review
    } else if seen_review && !has(Part::Tasks) {
        Part::Tasks
    } else {
        return None;
    };
    // The first sentence is cut only where a part may still be announced.
    let announced = first_sentence(text, p);
    let sentence = announced.slice(text);
    let intro = match announceable {
        Part::Review => parts::is_review_intro(sentence),
        _ => parts::is_tasks_intro(sentence),
    };
    intro.then(|| Event {
        level: Level::Part,
        part: Some(announceable),
        marker: None,
        label: clean_label(sentence),
        heading: announced,
        leaf: false,
        inline: false,
    })
}

/// The tasks announced a few paragraphs on (`…今年要着重做好以下八个方面工作。`
/// above `一、`) begin where the review ends, at the paragraph that turns to
/// the coming year (`2002年是…非常重要的一年。`) right after the review's
/// thanks or shortcomings: a part headed by that paragraph's first sentence.
fn tasks_lead_in(
    text: &str,
    body: &[TextRange],
    i: usize,
    session_year: Option<u32>,
    events: &[(usize, Event)],
    found: &mut PartsFound,
) -> Option<Event> {
    let bare = |k: usize| body.get(k).map_or("", |p| unmarked(p.slice(text)));
    let (closed_at, closure) = events.last()?;
    let after_closure =
        closure.closes_review() && (closed_at + 1..i).all(|k| parts::is_salutation(bare(k)));
    if !after_closure || found.has(events, Part::Tasks) {
        return None;
    }
    if !parts::opens_with_coming_year(bare(i), session_year) {
        return None;
    }
    let announced = (i + 1..body.len())
        .take(4)
        .map(bare)
        .take_while(|s| marker::parse(s, 0).is_none())
        .any(|s| {
            let end = first_sentence(s, TextRange::new(0, s.len())).end;
            parts::is_tasks_intro(s.get(..end).unwrap_or(s))
        });
    let p = *body.get(i)?;
    let heading = first_sentence(text, p);
    announced.then(|| Event {
        level: Level::Part,
        part: Some(Part::Tasks),
        marker: None,
        label: clean_label(heading.slice(text)),
        heading,
        leaf: false,
        inline: false,
    })
}

/// The kind and whether the report is a fragment: a text that starts inside
/// a report (`starts_inside`), whose kind is then unknown, or an abstract.
fn fragment(
    text: &str,
    nodes: &[Node],
    title: Option<&Title>,
    starts_inside: bool,
    kind: Kind,
    evidence: &mut Vec<Evidence>,
) -> (Kind, bool) {
    // `政府工作报告（摘要）`: an abstract keeps only some of the parts.
    let abridged =
        title.is_some_and(|t| ["摘要", "节选", "摘编"].iter().any(|w| t.text.contains(w)));
    if !starts_inside {
        return (kind, abridged);
    }
    if let Some(first) = nodes.first() {
        evidence.push(Evidence {
            reason: format!(
                "从“{}”开始,是报告的片段",
                first.marker.as_ref().map_or("", |m| m.range.slice(text))
            )
            .into(),
            range: first.heading,
        });
    }
    (Kind::Other, true)
}

/// The parts among a report's events so far, read on from the last event
/// looked at: a look through all the events for every paragraph was
/// quadratic. An event's part does not change once it is pushed.
#[derive(Default)]
struct PartsFound {
    read: usize,
    parts: u16,
}

impl PartsFound {
    fn has(&mut self, events: &[(usize, Event)], part: Part) -> bool {
        for (_, event) in events.get(self.read..).unwrap_or_default() {
            if let Some(p) = event.part {
                self.parts |= 1 << p as u16;
            }
        }
        self.read = events.len();
        self.parts & (1 << part as u16) != 0
    }
}

fn infer_kind(
    text: &str,
    body: &[TextRange],
    salutation_at: Option<usize>,
    opening_at: Option<usize>,
    evidence: &mut Vec<Evidence>,
) -> Kind {
    let salutation = salutation_at
        .and_then(|i| body.get(i))
        .map(|p| p.slice(text))
        .unwrap_or("");
    let opening = opening_at
        .and_then(|i| body.get(i))
        .map(|p| p.slice(text))
        .unwrap_or("");
    if let Some((kind, who)) = parts::speaker_kind(opening) {
        evidence.push(Evidence {
            reason: format!("开头语“{who}”").into(),
            range: opening_at
                .and_then(|i| body.get(i))
                .copied()
                .unwrap_or_default(),
        });
        return kind;
    }
    // An opening that names no speaker: the salutation and the words left.
    let kind = if salutation.contains("领导") {
        Kind::Speech
    } else if salutation.contains("委员") {
        Kind::Consultative
    } else if opening.contains("政府工作") {
        Kind::Government
    } else if opening.contains("人大常委会") || opening.contains("人民代表大会常务委员会")
    {
        Kind::Congress
    } else if !salutation.is_empty()
        && body
            .last()
            .is_some_and(|p| parts::is_speech_end(p.slice(text)))
    {
        Kind::Speech
    } else {
        evidence.push(Evidence {
            reason: "没有报告标题、称谓和开头语".into(),
            range: body.first().copied().unwrap_or_default(),
        });
        return Kind::Other;
    };
    kind
}
