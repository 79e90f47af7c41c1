//! Naming a report's parts by its order: the review, then the tasks, a
//! heading's wording being evidence, not the only door.

use super::event::{first_sentence, Event};
use super::markdown::clean_label;
use super::model::{Level, Part};
use super::parts;
use crate::text::TextRange;

/// The review and the tasks by the order of a report (DOMAIN §2), the
/// wording of a heading being evidence, not the only door: after the
/// opening, the first top-level part is the review; the thanks and the
/// shortcomings close it; what follows is the tasks. A heading that names
/// the session's year or a coming five-year plan is tasks, one that names the
/// years before is review ([`parts::heading_tense`]).
///
/// The top level is that of the `一、` headings when their numbering runs
/// through the report, else that of the unnumbered part headings
/// (`过去一年的主要工作` / `2023年工作安排`, each with its own `一、`…): then
/// a part whose heading is lost is missing, not found in its first `一、`.
///
/// Only a work report with an opening is read by its order (`by_order`);
/// elsewhere only headings worded as a part are labelled.
pub(super) fn label_parts(
    events: &mut [(usize, Event)],
    session_year: Option<u32>,
    by_order: bool,
) {
    use parts::Tense;
    let is_heading = |e: &Event| !e.leaf && !e.inline && matches!(e.level, Level::Part | Level::H1);
    // Matter after the closing, or after the first appendix heading where
    // no closing was found, has numbering and headings of its own.
    let body = events
        .iter()
        .position(|(_, e)| matches!(e.part, Some(Part::Closing | Part::Appendix)))
        .unwrap_or(events.len());
    let (events, _) = events.split_at_mut(body);
    let numbers: Vec<u32> = events
        .iter()
        .filter(|(_, e)| is_heading(e) && e.level == Level::H1)
        .filter_map(|(_, e)| e.marker.as_ref().map(|m| m.number))
        .collect();
    let restarts = numbers.windows(2).any(|w| w.get(1) <= w.first());
    let part_heading = |part: Option<Part>| {
        events
            .iter()
            .any(|(_, e)| is_heading(e) && e.level == Level::Part && e.part == part)
    };
    // `过去一年的主要工作` or `2023年工作安排` unnumbered: so are the parts.
    let parts_named = part_heading(Some(Part::Review)) || part_heading(Some(Part::Tasks));
    let unnumbered = events
        .iter()
        .filter(|(_, e)| is_heading(e) && e.level == Level::Part && e.part.is_none())
        .count();
    // `“十二五”主要成就及2015年工作回顾` before the first `一、`, and another
    // such heading after it: the `一、` are sections of the parts.
    let unnumbered_first = unnumbered >= 2
        && events
            .iter()
            .find(|(_, e)| is_heading(e))
            .is_some_and(|(_, e)| e.level == Level::Part);
    let top = if numbers.is_empty() || parts_named || unnumbered_first || restarts && unnumbered > 0
    {
        Level::Part
    } else {
        Level::H1
    };
    let (mut seen_review, mut seen_tasks, mut closed) = (false, false, false);
    let mut review_year = None;
    for (_, ev) in events.iter_mut() {
        if ev.leaf {
            closed |= ev.closes_review();
            continue;
        }
        let worded = ev.part;
        if !is_heading(ev)
            || ((!by_order || ev.level != top) && worded.is_none())
            || matches!(worded, Some(Part::Lessons | Part::Appendix))
        {
            continue;
        }
        let tense = parts::heading_tense(&ev.label, session_year);
        let year = parts::label_year(&ev.label);
        let later_year = session_year.is_none()
            && year
                .zip(review_year)
                .is_some_and(|(now, before)| now > before);
        // Years the heading names, all before the session's.
        let names_past_years = session_year.is_some_and(|session| {
            parts::named_years(&ev.label)
                .max()
                .is_some_and(|y| y < session)
        });
        let part = if closed || seen_tasks {
            // `过去五年工作回顾` after the year's review and its shortcomings
            // is a review still, and so is a heading naming only years before
            // the session's (`二、关于2019年工作` after a part on the epidemic
            // and its thanks) until the tasks begin; anything else is what
            // comes next.
            let review_proper = worded == Some(Part::Review)
                && ev.label.contains("回顾")
                && tense != Some(Tense::Coming)
                || !seen_tasks && worded != Some(Part::Tasks) && names_past_years;
            Some(if review_proper {
                Part::Review
            } else {
                Part::Tasks
            })
        } else if tense == Some(Tense::Coming) && (seen_review || year.is_some()) || later_year {
            Some(Part::Tasks)
        } else if tense == Some(Tense::Past) || !seen_review && ev.level == top {
            Some(Part::Review)
        } else {
            worded
        };
        if part == Some(Part::Review) && !seen_review {
            review_year = year;
        }
        seen_review |= part == Some(Part::Review);
        seen_tasks |= part == Some(Part::Tasks);
        ev.part = part;
    }
}

/// A review written without any heading, from the opening to its thanks or
/// shortcomings, becomes a part headed by its first sentence, as an
/// announced one is: `2003年，全市上下…。` … `在肯定成绩的同时，我们也清醒地看到…`.
/// A review with numbered sections but no heading of its own has lost it.
pub(super) fn unheaded_review(
    text: &str,
    body: &[TextRange],
    first: usize,
    events: &mut Vec<(usize, Event)>,
) {
    let closure = events.iter().position(|(_, e)| e.closes_review());
    let Some(closure) = closure else {
        return;
    };
    let labelled_before = events
        .get(..closure)
        .unwrap_or_default()
        .iter()
        .any(|(_, e)| !e.leaf && !e.inline && e.level < Level::Item);
    let Some(&p) = body.get(first) else {
        return;
    };
    if labelled_before || events.iter().any(|(_, e)| e.part == Some(Part::Review)) {
        return;
    }
    let at = events.partition_point(|&(i, _)| i < first);
    let heading = first_sentence(text, p);
    events.insert(
        at,
        (
            first,
            Event {
                level: Level::Part,
                part: Some(Part::Review),
                marker: None,
                label: clean_label(heading.slice(text)),
                heading,
                leaf: false,
                inline: false,
            },
        ),
    );
}
