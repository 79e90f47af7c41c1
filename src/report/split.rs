//! A text cut into its reports ([`Split`]): the one pass that needs the
//! whole text, after which each report ([`Segment`]) is analysed alone.

use super::build::build_report;
use super::lines::{lines, Lines};
use super::markdown::unmarked;
use super::model::{Document, Kind, Noise, NoiseKind};
use super::title::{may_head_report, title_first_line};
use super::{marker, parts};
use crate::text::TextRange;

/// A text cut into its reports: the result of the one pass that needs the
/// whole text. Nothing in one report's outline depends on another report, so
/// each [`Segment`] can then be analysed alone: in parallel, and in the
/// server only when its text changed since the last version.
#[derive(Debug)]
pub struct Split {
    pub segments: Vec<Segment>,
    /// The noise lines this pass found: page chrome wherever it is, and
    /// table-of-contents lines. Date, venue and speaker lines are found with
    /// their report.
    pub noise: Vec<Noise>,
}

/// One report's paragraphs and what the whole-text pass learnt about them.
/// Ranges inside are relative to `range.start`, so the same report text
/// gives an equal [`SegmentKey`] wherever it sits in the document.
#[derive(Debug, Clone)]
pub struct Segment {
    /// From the report's first paragraph's start to its last one's end.
    pub range: TextRange,
    paragraphs: Vec<TextRange>,
    /// The kind the title names, when the report start was found by its title.
    title_kind: Option<(Kind, &'static str)>,
    /// Starts of table-of-contents lines among the paragraphs.
    toc: Vec<usize>,
    /// The front matter's `title:` line, for the document's first report:
    /// the segment then starts there.
    front_title: Option<TextRange>,
}

/// Everything a segment's analysis depends on: equal keys, equal results
/// (relative to the segment's start).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentKey {
    text: Box<str>,
    paragraphs: Vec<TextRange>,
    title_kind: Option<(Kind, &'static str)>,
    toc: Vec<usize>,
    front_title: Option<TextRange>,
}

impl SegmentKey {
    /// Whether this is [`Segment::key`] of `segment` in `text`, told without
    /// copying the segment's text into a key.
    pub fn is_key_of(&self, segment: &Segment, text: &str) -> bool {
        self.title_kind == segment.title_kind
            && self.paragraphs == segment.paragraphs
            && self.toc == segment.toc
            && self.front_title == segment.front_title
            && *self.text == *segment.range.slice(text)
    }
}

/// Finds the paragraphs, the noise and where each report starts.
pub fn split(text: &str) -> Split {
    let Lines {
        paragraphs,
        titles,
        mut noise,
    } = lines(text);
    let starts = report_starts(text, &paragraphs, &titles, &mut noise);
    // Table-of-contents lines are the only noise found among paragraphs.
    let mut toc: Vec<usize> = noise
        .iter()
        .filter(|n| n.kind == NoiseKind::TableOfContents)
        .map(|n| n.range.start)
        .collect();
    // Sorted, so each report takes its own lines by two binary searches: a
    // scan of every line per report grew with the square of the text.
    toc.sort_unstable();
    let front_title = noise
        .iter()
        .take_while(|n| n.kind == NoiseKind::FrontMatter)
        .find(|n| parts::front_matter_title(n.range.slice(text)).is_some())
        .map(|n| n.range);
    let mut segments = Vec::with_capacity(starts.len());
    for (i, &(start, title_kind)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(paragraphs.len(), |s| s.0);
        if end <= start {
            continue;
        }
        let (Some(first), Some(last)) = (
            paragraphs.get(start),
            end.checked_sub(1).and_then(|e| paragraphs.get(e)),
        ) else {
            continue;
        };
        // The front matter names the document's first report, and only
        // when it starts with the text.
        let front_title = front_title.filter(|_| start == 0);
        let range = TextRange::new(front_title.map_or(first.start, |t| t.start), last.end);
        let relative = |r: TextRange| TextRange::new(r.start - range.start, r.end - range.start);
        segments.push(Segment {
            range,
            paragraphs: paragraphs
                .get(start..end)
                .unwrap_or_default()
                .iter()
                .map(|&p| relative(p))
                .collect(),
            title_kind,
            toc: toc
                .get(toc.partition_point(|&t| t < range.start)..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&t| range.contains(t))
                .map(|t| t - range.start)
                .collect(),
            front_title: front_title.map(relative),
        });
    }
    Split { segments, noise }
}

impl Segment {
    /// What this segment's analysis depends on, for a cache of results.
    pub fn key(&self, text: &str) -> SegmentKey {
        SegmentKey {
            text: self.range.slice(text).into(),
            paragraphs: self.paragraphs.clone(),
            title_kind: self.title_kind,
            toc: self.toc.clone(),
            front_title: self.front_title,
        }
    }

    /// The report alone, as a document of one report, its ranges relative to
    /// `self.range.start` (so into `self.range.slice(text)`).
    pub fn outline(&self, text: &str) -> Document {
        let local = self.range.slice(text);
        let mut noise = Vec::new();
        let toc: std::collections::HashSet<usize> = self.toc.iter().copied().collect();
        let report = build_report(
            local,
            &self.paragraphs,
            self.title_kind,
            self.front_title,
            &toc,
            &mut noise,
        );
        noise.sort_by_key(|n| n.range.start);
        // Room for all of them, as a filtered iterator would not make: few
        // are noise, and a text can hold a report every few lines.
        let mut paragraphs = Vec::with_capacity(self.paragraphs.len());
        paragraphs.extend(self.paragraphs.iter().copied().filter(|p| {
            !toc.contains(&p.start)
                && noise
                    .binary_search_by_key(&p.start, |n| n.range.start)
                    .is_err()
        }));
        Document {
            reports: vec![report],
            noise,
            paragraphs,
        }
    }
}

/// Indices of the paragraphs that start a report, with the kind the title
/// names. Table-of-contents lines before the first report become noise.
fn report_starts(
    text: &str,
    paragraphs: &[TextRange],
    titles: &[usize],
    noise: &mut Vec<Noise>,
) -> Vec<(usize, Option<(Kind, &'static str)>)> {
    let mut starts = Vec::new();
    for (k, &i) in titles.iter().enumerate() {
        let Some(line) = paragraphs.get(i).map(|p| p.slice(text)) else {
            continue;
        };
        // `——2004年1月8日在…会议上的报告` names the report under its title.
        if marker::parse(line, 0).is_some() || parts::is_date_venue(unmarked(line)) {
            continue;
        }
        // Up to the next paragraph shaped like a title.
        let next_title = titles.get(k + 1).copied().unwrap_or(paragraphs.len());
        let followed_by_report = paragraphs
            .get(i + 1..next_title)
            .unwrap_or_default()
            .iter()
            .take(7)
            .map(|q| unmarked(q.slice(text)))
            .any(|q| parts::is_salutation(q) || parts::is_date_venue(q) || parts::is_opening(q));
        if followed_by_report {
            // `××市人民代表大会常务委员会` / `工作报告`: a title set on two lines.
            let upper = i
                .checked_sub(1)
                .and_then(|h| paragraphs.get(h))
                .map(|q| q.slice(text))
                .filter(|upper| title_first_line(upper));
            match upper {
                Some(upper) => starts.push((i - 1, parts::title_kind(&format!("{upper}{line}")))),
                None => starts.push((i, parts::title_kind(line))),
            }
        }
    }
    let first = starts.first().map_or(paragraphs.len(), |s| s.0);
    let mut leading_content = false;
    for p in paragraphs.iter().take(first) {
        let line = p.slice(text);
        let toc = marker::parse(line, 0)
            .and_then(|f| line.get(f.label_start..))
            .is_some_and(parts::looks_like_title);
        if toc && starts.len() > 1 {
            noise.push(Noise {
                kind: NoiseKind::TableOfContents,
                range: *p,
            });
        } else {
            leading_content = true;
        }
    }
    if starts.is_empty() {
        starts.push((0, None));
    } else if leading_content && first > 0 {
        // `市十六届人大七次会议文件（三）`: a line or two of header above the
        // first title belong to its report; more is a text of its own.
        let header = first <= 2
            && paragraphs
                .iter()
                .take(first)
                .all(|p| may_head_report(unmarked(p.slice(text))));
        if let Some(start) = starts.first_mut().filter(|_| header) {
            start.0 = 0;
        } else {
            starts.insert(0, (0, None));
        }
    }
    starts
}
