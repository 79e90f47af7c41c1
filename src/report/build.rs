//! One report's outline from its paragraphs: title, salutation, opening,
//! one event per paragraph, closing, parts labelled, then the tree.

use super::closing::{appendix, find_closing};
use super::event::{first_sentence, leaf, Event};
use super::heading::heading_event;
use super::items::{add_lead_items, inline_items};
use super::label::{label_parts, unheaded_review};
use super::markdown::{clean_label, markdown_prefix, unmarked};
use super::model::*;
use super::title::title_first_line;
use super::tree::{
    bodiless_runs_are_items, build_tree, first_number_is_late, headings_inside_numbered_parts,
};
use super::{marker, parts};
use crate::text::TextRange;

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
    let mut index = 0;
    let mut title = None;
    if let (Some(first), Some(second)) = (paragraphs.first(), paragraphs.get(1)) {
        let (upper, lower) = (first.slice(text), second.slice(text));
        if title_first_line(upper) && parts::looks_like_title(lower) {
            title = Some(Title {
                text: format!("{}{}", clean_label(upper), clean_label(lower)),
                range: TextRange::new(first.start, second.end),
            });
            index = 2;
        }
    }
    // `市十六届人大七次会议文件（三）` / `政府工作报告` / `——2021年2月5日在…`:
    // a line or two of a document's header above its title.
    for at in 1..=2 {
        let (Some(upper), Some(lower), None) = (paragraphs.get(at), paragraphs.get(at + 1), &title)
        else {
            break;
        };
        let (line, under) = (unmarked(upper.slice(text)), unmarked(lower.slice(text)));
        let headers = paragraphs.get(..at).unwrap_or_default();
        let header_lines = headers.iter().all(|h| {
            let header = unmarked(h.slice(text));
            !parts::looks_like_title(header)
                && parts::at_most_chars(header, 40)
                && !header.contains(['。', '，', ',', ':', '：'])
        });
        if header_lines
            && parts::looks_like_title(line)
            && (parts::is_date_venue(under)
                || parts::is_speaker(under, false)
                || parts::is_salutation(under))
        {
            noise.extend(headers.iter().map(|&range| Noise {
                kind: NoiseKind::Header,
                range,
            }));
            title = Some(Title {
                text: clean_label(line).trim_matches('*').to_string(),
                range: *upper,
            });
            index = at + 1;
            break;
        }
    }
    if let Some(first) = paragraphs.first().filter(|_| title.is_none()) {
        let line = first.slice(text);
        // `# 一、2023年工作回顾` is a heading, not a title.
        let numbered = line
            .get(markdown_prefix(line).0..)
            .is_some_and(|bare| marker::parse(bare, 0).is_some());
        // The date-and-venue and speaker lines stand under a title; a copy
        // that starts with them has none in its body.
        let under_title = || {
            let bare = unmarked(line);
            parts::is_date_venue(bare) || parts::is_speaker(bare, false)
        };
        let is_title = title_kind.is_some()
            || (parts::looks_like_title(line) && !numbered)
            || (line.chars().count() <= 60
                && !line.contains(['。', ':', '：', '!', '！', '?', '？'])
                && !numbered
                && !parts::is_salutation(line)
                && !under_title());
        if is_title {
            title = Some(Title {
                text: parts::title_words(
                    clean_label(line.trim_start_matches('#')).trim_matches('*'),
                )
                .to_string(),
                range: *first,
            });
            index = 1;
        }
    }
    if let Some(line) = front_title.filter(|_| title.is_none()) {
        let whole = line.slice(text);
        if let Some(front) = parts::front_matter_title(whole) {
            // The title's own words, without `title:` and the date after them.
            let at = line.start + (front.as_ptr() as usize - whole.as_ptr() as usize);
            title = Some(Title {
                text: front.to_string(),
                range: TextRange::new(at, at + front.len()),
            });
        }
    }
    let mut kind = None;
    if let (Some((k, why)), Some(t)) = (
        title_kind.or_else(|| title.as_ref().and_then(|t| parts::title_kind(&t.text))),
        &title,
    ) {
        kind = Some(k);
        evidence.push(Evidence {
            reason: why.to_string(),
            range: t.range,
        });
    }
    // The year the session plans for: its date, else the title's year.
    let mut session_year = None;
    let mut after_date_venue = false;
    // Date-and-venue, speaker and caption lines under the title.
    while let Some(p) = paragraphs.get(index) {
        let line = unmarked(p.slice(text));
        let noise_kind = if parts::is_date_venue(line) {
            session_year = session_year.or_else(|| parts::session_year(line));
            NoiseKind::DateVenue
        } else if (title.is_some() || after_date_venue)
            && index <= 6
            && parts::is_speaker(line, after_date_venue)
        {
            NoiseKind::Speaker
        } else {
            break;
        };
        after_date_venue = noise_kind == NoiseKind::DateVenue;
        noise.push(Noise {
            kind: noise_kind,
            range: *p,
        });
        index += 1;
    }
    let session_year = session_year.or_else(|| {
        let title = &title.as_ref()?.text;
        // `2022年12月12日在…会议上的政府工作报告`: a dated title.
        parts::session_year(title).or_else(|| parts::label_year(title))
    });
    let body: Vec<TextRange> = paragraphs
        .get(index..)
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|p| !toc.contains(&p.start))
        .collect();

    // About one event per paragraph: headings and parts, inline items fewer.
    let mut events: Vec<(usize, Event)> = Vec::with_capacity(body.len());
    let mut salutation_at = None;
    for (i, p) in body.iter().enumerate().take(4) {
        let line = unmarked(p.slice(text));
        if parts::is_salutation(line) {
            salutation_at = Some(i);
            evidence.push(Evidence {
                reason: format!("称谓“{}”", line.trim_end_matches([':', '：'])),
                range: *p,
            });
            events.push((i, leaf(text, Part::Salutation, *p)));
            break;
        }
    }
    let mut opening_at = None;
    let opening_from = salutation_at.map_or(0, |s| s + 1);
    // An opening follows a title or a salutation; a text with neither has none.
    let openings = if title.is_some() || salutation_at.is_some() {
        2
    } else {
        0
    };
    for (i, p) in body.iter().enumerate().skip(opening_from).take(openings) {
        let line = p.slice(text);
        // The opening comes before the first part heading, never after it.
        if parts::heading_part(line).is_some() {
            break;
        }
        if parts::is_opening(line) && marker::parse(line, 0).is_none() {
            opening_at = Some(i);
            evidence.push(Evidence {
                reason: "开头语“向大会报告工作”".to_string(),
                range: *p,
            });
            events.push((i, leaf(text, Part::Opening, *p)));
            break;
        }
    }
    let kind =
        kind.unwrap_or_else(|| infer_kind(text, &body, salutation_at, opening_at, &mut evidence));

    let first_body = opening_at.or(salutation_at).map_or(0, |i| i + 1);
    let closing_at = find_closing(text, &body, first_body);
    let mut seen_review = false;
    let mut found = PartsFound::default();
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
        let s = p.slice(text);
        if let Some(ev) = heading_event(text, *p) {
            // After the closing, an unnumbered heading (`名词解释`,
            // `2023年民生实事项目`) opens more matter outside the report's
            // own parts and numbering.
            if ev.level == Level::Part && closing_at.is_some_and(|c| i > c + 1) {
                events.push((i, appendix(text, *p)));
                continue;
            }
            // A heading line followed by another short line is one heading
            // with a subtitle (`坚持党的领导` / `护航全过程人民民主正确政治方向`).
            if ev.level == Level::Part && ev.part.is_none() {
                if let Some((prev_i, prev)) = events.last_mut() {
                    if *prev_i + 1 == i
                        && prev.level == Level::Part
                        && prev.part.is_none()
                        && !prev.leaf
                    {
                        // Added in place: copied whole for each line, a run
                        // of such lines took time with its square.
                        prev.label.push(' ');
                        prev.label.push_str(&ev.label);
                        prev.heading = TextRange::new(prev.heading.start, ev.heading.end);
                        *prev_i = i;
                        continue;
                    }
                }
            }
            seen_review |= ev.part == Some(Part::Review) || ev.level == Level::H1;
            let inline_from = ev.heading.end;
            // After an item, the next must continue its sequence; after a
            // heading, a new sequence may start right at its body.
            let sequence = match (&ev.marker, ev.level) {
                (Some(m), Level::Item) => Some((m.style, m.number)),
                _ => None,
            };
            events.push((i, ev));
            let span = TextRange::new(inline_from, p.end);
            inline_items(text, span, sequence, i, &mut events);
            continue;
        }
        // A review may run unheaded from the opening to its thanks and
        // shortcomings (`一、` … then number the tasks).
        let unheaded_review = opening_at.is_some() && i > first_body + 1;
        if (seen_review || unheaded_review) && closing_at.is_none_or(|c| i < c) {
            let cues = parts::closing_cues(s);
            if cues.thanks && parts::is_thanks(s) && s.chars().count() < 600 {
                events.push((i, leaf(text, Part::Thanks, *p)));
                continue;
            }
            if cues.shortcomings && parts::is_shortcomings(s) {
                events.push((i, leaf(text, Part::Shortcomings, *p)));
                continue;
            }
            if cues.lessons && parts::is_lessons(s) && !found.has(&events, Part::Lessons) {
                events.push((i, leaf(text, Part::Lessons, *p)));
                continue;
            }
        }
        // A report without part headings may announce its parts in a
        // sentence: `一年来,主要做了以下工作:` … `新的一年,将重点做好以下工作:`.
        let mut has = |part: Part| found.has(&events, part);
        let announceable = if !seen_review && !has(Part::Review) {
            Some(Part::Review)
        } else if seen_review && !has(Part::Tasks) {
            Some(Part::Tasks)
        } else {
            None
        };
        // The first sentence is cut only where a part may still be announced.
        let intro = announceable
            .map(|part| (part, first_sentence(text, *p)))
            .filter(|&(part, announced)| {
                let sentence = announced.slice(text);
                match part {
                    Part::Review => parts::is_review_intro(sentence),
                    _ => parts::is_tasks_intro(sentence),
                }
            });
        if let Some((part, announced)) = intro {
            events.push((
                i,
                Event {
                    level: Level::Part,
                    part: Some(part),
                    marker: None,
                    label: clean_label(announced.slice(text)),
                    heading: announced,
                    leaf: false,
                    inline: false,
                },
            ));
            seen_review = true;
        }
        inline_items(text, *p, None, i, &mut events);
    }

    bodiless_runs_are_items(text, &body, &mut events);
    headings_inside_numbered_parts(text, &body, &mut events);
    let by_order = (opening_at.is_some() || salutation_at.is_some())
        && matches!(kind, Kind::Congress | Kind::Consultative | Kind::Government);
    label_parts(&mut events, session_year, by_order);
    if by_order {
        unheaded_review(text, &body, first_body, &mut events);
    }
    let mut nodes = build_tree(&body, events);
    for node in &mut nodes {
        add_lead_items(text, &body, node);
    }
    let starts_inside = title.is_none() && salutation_at.is_none() && first_number_is_late(&nodes);
    // `政府工作报告（摘要）`: an abstract keeps only some of the parts.
    let abridged = title
        .as_ref()
        .is_some_and(|t| ["摘要", "节选", "摘编"].iter().any(|w| t.text.contains(w)));
    let fragment = starts_inside || abridged;
    let kind = if starts_inside {
        if let Some(first) = nodes.first() {
            evidence.push(Evidence {
                reason: format!(
                    "从“{}”开始,是报告的片段",
                    first.marker.as_ref().map_or("", |m| m.range.slice(text))
                ),
                range: first.heading,
            });
        }
        Kind::Other
    } else {
        kind
    };
    Report {
        kind,
        evidence,
        title,
        fragment,
        range,
        nodes,
    }
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
            reason: format!("开头语“{who}”"),
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
            reason: "没有报告标题、称谓和开头语".to_string(),
            range: body.first().copied().unwrap_or_default(),
        });
        return Kind::Other;
    };
    kind
}
