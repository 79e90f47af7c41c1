//! The whole-text pass, line by line: trimmed lines, noise set aside (front
//! matter, site chrome), a document pasted on one line split at its inline
//! headings, and the paragraphs shaped like a title noted.

use super::markdown::bold_closes;
use super::model::{Level, MarkerStyle, Noise, NoiseKind};
use super::{marker, noise, parts, Words};
use crate::text::lines::{pieces, trim_blanks, trimmed_lines};
use crate::text::sentence::{after_full_stop, sentence_starts};
use crate::text::{Shift, TextRange};
use rayon::prelude::*;

/// What the whole-text pass finds line by line.
#[derive(Default)]
pub(super) struct Lines {
    pub(super) paragraphs: Vec<TextRange>,
    /// Indices of the paragraphs shaped like a report title, told while each
    /// is at hand: told later, every paragraph would be read again on one
    /// thread.
    pub(super) titles: Vec<usize>,
    pub(super) noise: Vec<Noise>,
}

/// Splits the text into trimmed non-empty lines, sets noise lines aside,
/// splits one-line documents at their inline headings and notes the
/// paragraphs shaped like a title.
///
/// Each line is classified alone, so a long text is cut at line breaks into
/// pieces that are classified in parallel.
pub(super) fn lines(text: &str) -> Lines {
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
    // `…决不姑息。各位代表！…而努力奋斗！`: the closing glued to the last
    // paragraph of the tasks is a paragraph of its own.
    if let Some(at) = glued_closing(s) {
        out.push(TextRange::new(line.start, line.start + at));
        out.push(TextRange::new(line.start + at, line.end));
        return;
    }
    // `…提出意见。一、2003年工作的回顾`: a heading glued to the end of the
    // paragraph before it is a paragraph of its own.
    if let Some(at) = glued_heading(s) {
        out.push(TextRange::new(line.start, line.start + at));
        out.push(TextRange::new(line.start + at, line.end));
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

/// Where a closing glued to the paragraph before it starts: the last
/// address after a full stop, in a paragraph that ends exclaiming.
fn glued_closing(s: &str) -> Option<usize> {
    if !s.trim_end_matches([' ', '*']).ends_with(['！', '!']) {
        return None;
    }
    let at = s.rfind("各位代表").filter(|&at| at > 0)?;
    let before = s.get(..at)?.trim_end_matches([' ', '\u{3000}']);
    let rest = s.get(at..)?;
    (before.ends_with(['。', '！', '!']) && !parts::is_thanks(rest)).then_some(at)
}

/// Where a heading glued to the end of a paragraph starts: the last
/// sentence opens with a part or section marker (`一、`, `（一）`), says no
/// more than a heading does (no sentence end, at most 40 characters) and
/// follows a full stop.
fn glued_heading(s: &str) -> Option<usize> {
    // Most lines end a sentence: a line that ends on a heading does not.
    let last = s.trim_end_matches([' ', '*']).chars().next_back()?;
    if matches!(
        last,
        '。' | '！' | '？' | '；' | '：' | '，' | '、' | '!' | '?' | ';' | ':' | ','
    ) {
        return None;
    }
    // A heading is short: only the end of the line need be read.
    let tail = s.len() - crate::text::last_chars(s, 41).len();
    let at = tail + sentence_starts(s.get(tail..)?).last()?;
    let rest = s.get(at..)?;
    let found = marker::parse(rest, 0)?;
    let heading = found.level <= Level::H2
        && crate::text::at_most_chars(rest, 40)
        && !rest.contains(['。', '！', '？', '!', '?', '；', ';', '：', ':', '，', ','])
        && rest
            .get(found.marker.range.end..)
            .is_some_and(|words| !words.trim().is_empty());
    (heading && after_full_stop(s, at)).then_some(at)
}

/// `…汇报发言尊敬的各位领导,同志们:党的二十届…`: the salutation's range.
fn glued_salutation(s: &str) -> Option<(usize, usize)> {
    static ADDRESS: Words = words!("尊敬的", "各位代表", "各位委员", "各位领导", "同志们");
    // Most long lines have no address even in a few more characters: they
    // need no count of the first 80.
    ADDRESS.first_start(crate::text::first_bytes(s, 80))?;
    let start = ADDRESS.first_start(crate::text::first_chars(s, 80))?;
    let after = s.get(start..)?;
    let colon = after
        .char_indices()
        .take(30)
        .find(|&(_, c)| c == ':' || c == '：')?;
    let end = start + colon.0 + colon.1.len_utf8();
    parts::is_salutation(s.get(start..end)?).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_glued_to_the_paragraph_before_it() {
        fn glued(s: &str) -> Option<&str> {
            glued_heading(s).map(|at| &s[at..])
        }
        assert_eq!(
            glued("现在，我代表市人民政府作报告，请予审议。一、2003年工作的回顾"),
            Some("一、2003年工作的回顾")
        );
        assert_eq!(
            glued("切实加以解决。（二）产业结构调整进一步深化"),
            Some("（二）产业结构调整进一步深化")
        );
        // Items, sentences and a heading on its own line are not glued.
        assert_eq!(glued("主要做了三件事。一是加强立法"), None);
        assert_eq!(glued("主要做了三件事。（一）加强立法，推进改革。"), None);
        assert_eq!(glued("一、2003年工作的回顾"), None);
        assert_eq!(glued("加强立法。一、"), None);
    }
}
