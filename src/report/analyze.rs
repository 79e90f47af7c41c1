//! Text → [`Document`]: lines → noise and paragraphs → report roots →
//! parts, headings and items → outline tree.

use super::closing::{appendix, find_closing};
use super::event::{first_sentence, leaf, Event};
use super::heading::heading_event;
use super::items::{add_lead_items, inline_items};
use super::label::{label_parts, unheaded_review};
use super::markdown::{bold_closes, clean_label, markdown_prefix, unmarked};
use super::marker;
use super::model::*;
use super::noise;
use super::parts;
use super::tree::{
    bodiless_runs_are_items, build_tree, first_number_is_late, headings_inside_numbered_parts,
};
use super::Words;
use crate::text::lines::{pieces, trim_blanks, trimmed_lines};
use crate::text::sentence::{after_full_stop, sentence_starts};
use crate::text::{Shift, TextRange};
use rayon::prelude::*;

/// Analyses a whole text. Never fails: odd input gives an odd but valid
/// outline. Ranges are byte offsets into `text` (a BOM, if any, included).
///
/// The reports of a compilation are analysed in parallel.
pub fn analyze(text: &str) -> Document {
    in_pool(|| {
        let split = split(text);
        let outlines = par_map_longest_first(
            &split.segments,
            |segment| segment.range.len(),
            |segment| segment.outline(text).shifted(segment.range.start),
        );
        Document::assemble(split.noise, outlines)
    })
}

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

/// `f()` run on a thread of the pool. An analysis has two parallel steps
/// (the whole-text pass and the reports): called from outside the pool, each
/// would hand its work over, wait for a sleeping worker to wake and then for
/// the caller to be woken; run inside, the hand-over is made once.
pub(crate) fn in_pool<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    rayon::scope(|_| f())
}

/// `f` of every item, in order, computed in parallel one item per task, the
/// longest first. Rayon's default hands each thread a run of items, so one
/// thread could finish its run while the other still had a long report to
/// go: on the compilation this way is 2–3 % faster (1.80 → 1.75 ms).
pub(crate) fn par_map_longest_first<I: Sync, T: Send>(
    items: &[I],
    len: impl Fn(&I) -> usize,
    f: impl Fn(&I) -> T + Sync,
) -> Vec<T> {
    let mut order: Vec<(usize, &I)> = items.iter().enumerate().collect();
    order.sort_by_key(|&(_, item)| std::cmp::Reverse(len(item)));
    let mut results: Vec<(usize, T)> = order
        .into_par_iter()
        .with_max_len(1)
        .map(|(i, item)| (i, f(item)))
        .collect();
    results.sort_unstable_by_key(|&(i, _)| i);
    results.into_iter().map(|(_, result)| result).collect()
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
        let paragraphs = self
            .paragraphs
            .iter()
            .copied()
            .filter(|p| {
                !toc.contains(&p.start)
                    && noise
                        .binary_search_by_key(&p.start, |n| n.range.start)
                        .is_err()
            })
            .collect();
        Document {
            reports: vec![report],
            noise,
            paragraphs,
        }
    }
}

/// What the whole-text pass finds line by line.
#[derive(Default)]
struct Lines {
    paragraphs: Vec<TextRange>,
    /// Indices of the paragraphs shaped like a report title, told while each
    /// is at hand: told later, every paragraph would be read again on one
    /// thread.
    titles: Vec<usize>,
    noise: Vec<Noise>,
}

/// Splits the text into trimmed non-empty lines, sets noise lines aside,
/// splits one-line documents at their inline headings and notes the
/// paragraphs shaped like a title.
///
/// Each line is classified alone, so a long text is cut at line breaks into
/// pieces that are classified in parallel.
fn lines(text: &str) -> Lines {
    let front = front_matter(text);
    let body = TextRange::new(front.last().map_or(0, |n| n.range.end), text.len());
    let pieces: Vec<Lines> = pieces(text, body)
        .par_iter()
        .map(|&piece| {
            let mut lines = Lines::default();
            for mut line in trimmed_lines(piece.slice(text)) {
                line.shift(piece.start);
                match noise::classify(line.slice(text)) {
                    Some(kind) => lines.noise.push(Noise { kind, range: line }),
                    None => {
                        let first = lines.paragraphs.len();
                        split_inline(text, line, &mut lines.paragraphs);
                        for (i, p) in lines.paragraphs.iter().enumerate().skip(first) {
                            if parts::looks_like_title(p.slice(text)) {
                                lines.titles.push(i);
                            }
                        }
                    }
                }
            }
            lines
        })
        .collect();
    let mut all = Lines {
        paragraphs: Vec::with_capacity(pieces.iter().map(|p| p.paragraphs.len()).sum()),
        titles: Vec::new(),
        noise: front,
    };
    for mut piece in pieces {
        let before = all.paragraphs.len();
        all.titles.extend(piece.titles.iter().map(|i| before + i));
        all.paragraphs.append(&mut piece.paragraphs);
        all.noise.append(&mut piece.noise);
    }
    all
}

/// `---` front matter, as markdown drafts from publishing sites carry.
fn front_matter(text: &str) -> Vec<Noise> {
    let block: Vec<TextRange> = trimmed_lines(text).take(60).collect();
    if block.first().map(|l| l.slice(text)) != Some("---") {
        return Vec::new();
    }
    let Some(close) = block.iter().skip(1).position(|l| l.slice(text) == "---") else {
        return Vec::new();
    };
    block
        .iter()
        .take(close + 2)
        .map(|&range| Noise {
            kind: NoiseKind::FrontMatter,
            range,
        })
        .collect()
}

/// A whole document pasted on one line keeps its headings inline after `。`.
/// Splits such a line before each inline heading of a sequence (two or more
/// of one style), and around a salutation glued to the title.
///
/// A line is such a document only when it holds a glued salutation or two
/// `一、` headings after full stops: a paragraph of a document with line
/// breaks holds inline enumerations (`（1）…（2）…`, `1.…2.…`), which are
/// its items, not headings lost on one line.
fn split_inline(text: &str, line: TextRange, out: &mut Vec<TextRange>) {
    let s = line.slice(text);
    // `各位代表，现在，我代表…向大会报告工作`: the salutation glued to the
    // opening is a paragraph of its own.
    if let Some(end) = address_before_opening(s) {
        out.push(TextRange::new(line.start, line.start + end));
        out.push(TextRange::new(line.start + end, line.end));
        return;
    }
    if s.len() < 600 {
        out.push(line);
        return;
    }
    let mut cuts: Vec<usize> = Vec::new();
    if let Some((sal_start, sal_end)) = glued_salutation(s) {
        cuts.extend([sal_start, sal_end]);
    }
    let mut by_style: Vec<(MarkerStyle, Vec<usize>)> = Vec::new();
    let mut speech_end = None;
    for at in sentence_starts(s) {
        let rest = s.get(at..).unwrap_or("");
        // `…。汇报完毕,…谢谢!` closes a speech pasted on one line.
        if speech_end.is_none() && (rest.starts_with("汇报完毕") || rest.starts_with("发言完毕"))
        {
            speech_end = Some(at);
        }
        let rest_unbold = rest.strip_prefix("**").unwrap_or(rest);
        let offset = at + (rest.len() - rest_unbold.len());
        if let Some(found) = marker::parse(rest_unbold, 0) {
            if found.level <= Level::H4 {
                let cut = if offset > at && bold_closes(rest_unbold) {
                    at
                } else {
                    offset
                };
                match by_style
                    .iter_mut()
                    .find(|(st, _)| *st == found.marker.style)
                {
                    Some((_, v)) => v.push(cut),
                    None => by_style.push((found.marker.style, vec![cut])),
                }
            }
        }
    }
    let inline_parts = by_style
        .iter()
        .find(|(style, _)| *style == MarkerStyle::ChineseNumeral)
        .map_or(0, |(_, positions)| {
            positions
                .iter()
                .filter(|&&at| after_full_stop(s, at))
                .count()
        });
    if cuts.is_empty() && inline_parts < 2 {
        out.push(line);
        return;
    }
    cuts.extend(speech_end);
    for (_, positions) in by_style {
        if positions.len() >= 2 {
            cuts.extend(positions);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut start = 0;
    for cut in cuts.into_iter().chain(std::iter::once(s.len())) {
        let piece = s.get(start..cut).unwrap_or("");
        let (lead, trimmed) = trim_blanks(piece);
        if !trimmed.is_empty() {
            let begin = line.start + start + lead;
            out.push(TextRange::new(begin, begin + trimmed.len()));
        }
        start = cut;
    }
}

/// The end of the address that opens a paragraph which goes on with the
/// opening: `各位代表，` in `各位代表，现在，我代表市人民政府，向大会报告工作…`.
fn address_before_opening(s: &str) -> Option<usize> {
    if !s.starts_with(['各', '尊']) {
        return None;
    }
    let (at, mark) = s
        .char_indices()
        .take(24)
        .find(|&(_, c)| matches!(c, '，' | ',' | '：' | ':' | '！' | '!'))?;
    let end = at + mark.len_utf8();
    let rest = s.get(end..)?;
    (parts::is_salutation(s.get(..end)?) && !rest.is_empty() && parts::is_opening(rest))
        .then_some(end)
}

/// `…汇报发言尊敬的各位领导,同志们:党的二十届…`: the salutation's range.
fn glued_salutation(s: &str) -> Option<(usize, usize)> {
    static ADDRESS: Words = words!("尊敬的", "各位代表", "各位委员", "各位领导", "同志们");
    // Most long lines have no address even in a few more characters: they
    // need no count of the first 80.
    ADDRESS.first_start(parts::first_bytes(s, 80))?;
    let start = ADDRESS.first_start(parts::first_chars(s, 80))?;
    let after = s.get(start..)?;
    let colon = after
        .char_indices()
        .take(30)
        .find(|&(_, c)| c == ':' || c == '：')?;
    let end = start + colon.0 + colon.1.len_utf8();
    parts::is_salutation(s.get(start..end)?).then_some((start, end))
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
            && paragraphs.iter().take(first).all(|p| {
                let line = unmarked(p.slice(text));
                parts::at_most_chars(line, 40) && !line.contains(['。', '，', ','])
            });
        if let Some(start) = starts.first_mut().filter(|_| header) {
            start.0 = 0;
        } else {
            starts.insert(0, (0, None));
        }
    }
    starts
}

/// The first line of a title set on two lines: short, no punctuation, not a
/// title by itself (`××市人民代表大会常务委员会`).
fn title_first_line(line: &str) -> bool {
    line.len() <= 40 * 4
        && !line.contains(['。', '，', ',', ':', '：', '!', '！', '?', '？', '、'])
        && !parts::looks_like_title(line)
        && marker::parse(line, 0).is_none()
        && (line.ends_with("委员会") || line.ends_with("人民政府") || line.ends_with("政府"))
}

fn build_report(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_results_come_in_the_items_order() {
        let items: Vec<String> = ["bb", "a", "dddd", "", "ccc", "a"].map(String::from).into();
        let lengths = par_map_longest_first(&items, |s| s.len(), |s| s.len());
        assert_eq!(lengths, [2, 1, 4, 0, 3, 1]);
        assert!(par_map_longest_first(&[] as &[String], |s| s.len(), |s| s.len()).is_empty());
    }
}
