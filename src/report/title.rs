//! The head of a report: its title (on one line or two, under a header, or
//! the front matter's) and the date-and-venue and speaker lines under it.

use super::markdown::{clean_label, markdown_prefix, unmarked};
use super::model::{Kind, Noise, NoiseKind, Title};
use super::{marker, parts};
use crate::text::TextRange;

/// The report's title, and the index of the first paragraph after it. A
/// header above the title becomes noise.
pub(super) fn read_title(
    text: &str,
    paragraphs: &[TextRange],
    title_kind: Option<(Kind, &'static str)>,
    front_title: Option<TextRange>,
    noise: &mut Vec<Noise>,
) -> (Option<Title>, usize) {
    let found = two_line_title(text, paragraphs)
        .or_else(|| title_under_header(text, paragraphs, noise))
        .or_else(|| first_line_title(text, paragraphs, title_kind));
    match found {
        Some((title, index)) => (Some(title), index),
        // The front matter's title stands above the paragraphs.
        None => (title_from_front_matter(text, front_title), 0),
    }
}

/// `××市人民代表大会常务委员会` / `工作报告`: a title set on two lines.
fn two_line_title(text: &str, paragraphs: &[TextRange]) -> Option<(Title, usize)> {
    let (first, second) = (paragraphs.first()?, paragraphs.get(1)?);
    let (upper, lower) = (first.slice(text), second.slice(text));
    (title_first_line(upper) && parts::looks_like_title(lower)).then(|| {
        let title = Title {
            text: format!("{}{}", clean_label(upper), clean_label(lower)),
            range: TextRange::new(first.start, second.end),
        };
        (title, 2)
    })
}

/// The first line of a title set on two lines: short, no punctuation, not a
/// title by itself (`××市人民代表大会常务委员会`).
pub(super) fn title_first_line(line: &str) -> bool {
    line.len() <= 40 * 4
        && !line.contains(['。', '，', ',', ':', '：', '!', '！', '?', '？', '、'])
        && !parts::looks_like_title(line)
        && marker::parse(line, 0).is_none()
        && (line.ends_with("委员会") || line.ends_with("人民政府") || line.ends_with("政府"))
}

/// A line that may stand above a report's title as its header
/// (`市十六届人大七次会议文件（三）`): short, without a sentence in it.
pub(super) fn may_head_report(line: &str) -> bool {
    crate::text::at_most_chars(line, 40) && !line.contains(['。', '，', ','])
}

/// A header line that the title's reading sets aside: one that may head a
/// report, holds no colon and is no title itself.
fn is_header_above_title(line: &str) -> bool {
    may_head_report(line) && !line.contains([':', '：']) && !parts::looks_like_title(line)
}

/// `市十六届人大七次会议文件（三）` / `政府工作报告` / `——2021年2月5日在…`:
/// a line or two of a document's header above its title.
fn title_under_header(
    text: &str,
    paragraphs: &[TextRange],
    noise: &mut Vec<Noise>,
) -> Option<(Title, usize)> {
    // Each of the first lines is read as a header, as the title and as the
    // line under it: without its markdown once.
    let lines: Vec<&str> = paragraphs
        .iter()
        .take(4)
        .map(|p| unmarked(p.slice(text)))
        .collect();
    for at in 1..=2 {
        let (Some(upper), Some(&line), Some(&under)) =
            (paragraphs.get(at), lines.get(at), lines.get(at + 1))
        else {
            break;
        };
        let headers = paragraphs.get(..at).unwrap_or_default();
        let header_lines = lines
            .get(..at)
            .unwrap_or_default()
            .iter()
            .all(|header| is_header_above_title(header));
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
            let title = Title {
                text: clean_label(line).trim_matches('*').to_string(),
                range: *upper,
            };
            return Some((title, at + 1));
        }
    }
    None
}

/// The first line as the title: the kind the whole-text pass read in it, a
/// line shaped like a title, or a short line without a sentence that is no
/// heading, salutation, date or speaker.
fn first_line_title(
    text: &str,
    paragraphs: &[TextRange],
    title_kind: Option<(Kind, &'static str)>,
) -> Option<(Title, usize)> {
    let first = paragraphs.first()?;
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
    is_title.then(|| {
        let title = Title {
            text: parts::title_words(clean_label(line.trim_start_matches('#')).trim_matches('*'))
                .to_string(),
            range: *first,
        };
        (title, 1)
    })
}

/// The front matter's `title:`, for a text whose paragraphs hold none.
fn title_from_front_matter(text: &str, front_title: Option<TextRange>) -> Option<Title> {
    let line = front_title?;
    let whole = line.slice(text);
    let front = parts::front_matter_title(whole)?;
    // The title's own words, without `title:` and the date after them.
    let at = line.start + (front.as_ptr() as usize - whole.as_ptr() as usize);
    Some(Title {
        text: front.to_string(),
        range: TextRange::new(at, at + front.len()),
    })
}

/// The date-and-venue, speaker and caption lines under the title, from
/// paragraph `index` on, set aside as noise: the index of the paragraph
/// after them, and the year the date names.
pub(super) fn lines_under_title(
    text: &str,
    paragraphs: &[TextRange],
    mut index: usize,
    titled: bool,
    noise: &mut Vec<Noise>,
) -> (usize, Option<u32>) {
    let mut session_year = None;
    let mut after_date_venue = false;
    while let Some(p) = paragraphs.get(index) {
        let line = unmarked(p.slice(text));
        let noise_kind =
            if parts::is_date_venue(line) || after_date_venue && parts::is_venue_rest(line) {
                session_year = session_year.or_else(|| parts::session_year(line));
                NoiseKind::DateVenue
            } else if (titled || after_date_venue)
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
    (index, session_year)
}

/// The year a title names: `2022年12月12日在…会议上的政府工作报告`, a dated
/// title, else the first year in it.
pub(super) fn title_year(title: &str) -> Option<u32> {
    parts::session_year(title).or_else(|| parts::label_year(title))
}
