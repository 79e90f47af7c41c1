//! What a figure counts: the clause before it, trimmed of fillers, the noun
//! after its measure word, or what the figure before it counted.

use super::chars::{is_han, rfind_char, trim_white};
use super::lexicon::{
    is_noun_stop, BARE_VERBS, LEADING_FILLERS, NOUN_STOP_WORDS, PREFIX_MARKERS, TRAILING_FILLERS,
};
use super::number;
use super::scan::Scanner;
use super::WhatSource;

/// What a character means to the clause before a figure.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum ClauseMark {
    /// `,` `，` `、` `;` `；` `。` `:` `：` `!` `！` `?` `？` `…` `●` `■` `◆`,
    /// a line break or a tab: the clause begins after it.
    Break,
    /// `(` `（`
    Open,
    /// `)` `）`
    Close,
    Other,
}

/// The mark of the character `bytes` start with, told by its UTF-8 bytes:
/// the clause is read backwards a byte at a time, with no decoding.
pub(super) fn clause_mark(bytes: &[u8]) -> ClauseMark {
    match bytes {
        [b'(', ..] | [0xEF, 0xBC, 0x88, ..] => ClauseMark::Open,
        [b')', ..] | [0xEF, 0xBC, 0x89, ..] => ClauseMark::Close,
        [b',' | b';' | b':' | b'!' | b'?' | b'\n' | b'\r' | b'\t', ..]
        // ，；：！？
        | [0xEF, 0xBC, 0x8C | 0x9B | 0x9A | 0x81 | 0x9F, ..]
        // 、。
        | [0xE3, 0x80, 0x81 | 0x82, ..]
        // … ● ◆ ■
        | [0xE2, 0x80, 0xA6, ..]
        | [0xE2, 0x97, 0x8F | 0x86, ..]
        | [0xE2, 0x96, 0xA0, ..] => ClauseMark::Break,
        _ => ClauseMark::Other,
    }
}

/// Whether a phrase says nothing about what was counted: a word or two, or
/// only verbs.
pub(crate) fn is_bare_verb(what: &str) -> bool {
    !what.is_empty() && (crate::text::at_most_chars(what, 2) || is_verbs(what))
}

/// Whether a phrase is one or more of the verbs in [`BARE_VERBS`].
pub(super) fn is_verbs(what: &str) -> bool {
    if what.is_empty() {
        return false;
    }
    let mut rest = what;
    while !rest.is_empty() {
        match BARE_VERBS.find(rest) {
            Some(v) => rest = &rest[v.len()..],
            None => return false,
        }
    }
    true
}

/// Longest phrase before a figure taken as what it counts, in characters.
pub(super) const MAX_WHAT: usize = 16;

/// How far back a clause is searched for its start, in characters.
pub(super) const MAX_CLAUSE: usize = 40;

/// Longest noun after a measure word, in characters.
pub(super) const MAX_NOUN: usize = 10;

/// What a figure counts, and the object or verb (words of the text) a figure
/// after it may borrow.
pub(super) struct What<'t> {
    pub(super) text: String,
    pub(super) object: Option<&'t str>,
    pub(super) verb: Option<&'t str>,
    pub(super) source: WhatSource,
}

/// The object of a verb–object phrase: what follows its leading verbs
/// (`审议法规` → `法规`).
pub(super) fn object_of(what: &str) -> Option<&str> {
    let mut rest = what;
    let mut stripped = false;
    while let Some(v) = BARE_VERBS.find(rest) {
        rest = &rest[v.len()..];
        stripped = true;
    }
    (stripped && !rest.is_empty()).then_some(rest)
}

/// The clause before a figure without the words that say nothing about what
/// was counted: leading time phrases and adverbs, trailing `共计` `达到`.
pub(super) fn trim_phrase(clause: &str) -> &str {
    let mut s = trim_white(clause);
    // A clause that starts inside a title (`…的建议》等82篇`) keeps only what
    // follows the title.
    if let Some(close) = rfind_char(s, '》').filter(|&i| rfind_char(&s[..i], '《').is_none()) {
        s = &s[close + '》'.len_utf8()..];
    }
    loop {
        let before = s.len();
        if let Some(rest) = strip_year(s).or_else(|| strip_enumerator(s)) {
            s = rest;
        }
        if let Some(f) = LEADING_FILLERS.find(s) {
            s = &s[f.len()..];
        }
        if let Some(f) = TRAILING_FILLERS.find(s) {
            s = &s[..s.len() - f.len()];
        }
        if let Some(m) = PREFIX_MARKERS.find(s) {
            s = &s[..s.len() - m.len()];
        }
        // Titles right before a figure (`《…》《…》等27篇`) name examples,
        // not what was counted.
        if let Some(open) = s
            .strip_suffix('》')
            .map(|t| rfind_char(t, '《').unwrap_or(0))
        {
            s = &s[..open];
        }
        // A markdown copy's bold lead (`**一是…。**地区生产总值`).
        s = trim_white(s).trim_matches('*');
        if s.len() == before {
            return s;
        }
    }
}

/// What follows a leading enumerator: `(一)` `（2）` `1.` `3、` `一是` `第一,`.
pub(super) fn strip_enumerator(s: &str) -> Option<&str> {
    let numeral = |c: char| c.is_ascii_digit() || number::han(c).is_some();
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if matches!(first, '(' | '（') {
        let (close, c) = chars.take(4).find(|&(_, c)| !numeral(c))?;
        return matches!(c, ')' | '）')
            .then(|| &s[close + c.len_utf8()..])
            .filter(|_| close > 1);
    }
    let rest = s.strip_prefix('第').unwrap_or(s);
    let digits = rest
        .chars()
        .take_while(|&c| numeral(c))
        .map(char::len_utf8)
        .sum::<usize>();
    if digits == 0 {
        return None;
    }
    let tail = &rest[digits..];
    ["是", "要", "、", ".", "．", ",", "，"]
        .iter()
        .find_map(|sep| tail.strip_prefix(sep))
}

/// A leading year (`2022年`) with what follows it.
pub(super) fn strip_year(s: &str) -> Option<&str> {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut digits = 0;
    while let Some((_, len)) = number::digit_at(bytes, i) {
        i += len;
        digits += 1;
    }
    (digits == 4).then(|| s.get(i..)?.strip_prefix('年'))?
}

/// A phrase cut to at most `MAX_WHAT` characters, at a word that starts the
/// object when there is one (`听取和审议…工作报告` keeps its end).
pub(super) fn shorten(phrase: &str) -> &str {
    let count = phrase.chars().count();
    if count <= MAX_WHAT {
        return phrase;
    }
    let skip = count - MAX_WHAT;
    let cut = phrase
        .char_indices()
        .skip(skip)
        .find(|&(_, c)| {
            matches!(
                c,
                '的' | '对' | '在' | '为' | '将' | '把' | '向' | '与' | '和' | '并' | '及'
            )
        })
        .map(|(i, c)| i + c.len_utf8())
        .filter(|&i| phrase.len() - i >= 6)
        .or_else(|| phrase.char_indices().nth(skip).map(|(i, _)| i));
    cut.and_then(|i| phrase.get(i..)).unwrap_or(phrase)
}

/// The noun right after a nominal measure word (`257个基层立法联系点`).
pub(super) fn noun_after(rest: &str) -> Option<&str> {
    let mut end = 0;
    let mut quoted = false;
    for (n, (i, ch)) in rest.char_indices().enumerate() {
        // Quoted words belong to the noun: `119个“一件事”重点事项`.
        let quote = matches!(ch, '“' | '”');
        if !is_han(ch) && !quote {
            break;
        }
        let tail = &rest[i..];
        if is_noun_stop(ch) || NOUN_STOP_WORDS.find(tail).is_some() {
            break;
        }
        if n >= MAX_NOUN {
            return None;
        }
        end = i + ch.len_utf8();
        quoted |= quote;
    }
    let noun = rest.get(..end)?.trim_end_matches('“');
    // Without quotes, the noun is ideographs only (most are): any will do.
    let fits = if quoted {
        noun.chars().any(is_han) && noun.matches('“').count() == noun.matches('”').count()
    } else {
        !noun.is_empty()
    };
    fits.then_some(noun)
}

impl<'t> Scanner<'t> {
    /// Start of the clause that ends at `at`: after the last clause break, the
    /// previous figure, or `MAX_CLAUSE` characters back.
    pub(super) fn clause_start(&self, at: usize) -> usize {
        let floor = self.previous.as_ref().map_or(0, |p| p.end).min(at);
        let head = self.text.as_bytes().get(floor..at).unwrap_or_default();
        let mut start = at;
        // Breaks inside brackets do not end the clause: `代表之家(站、点)`.
        let mut depth = 0usize;
        let mut chars = 0;
        for (i, &b) in head.iter().enumerate().rev() {
            // Inside a character: its first byte tells it.
            if b & 0xC0 == 0x80 {
                continue;
            }
            match clause_mark(head.get(i..).unwrap_or_default()) {
                ClauseMark::Close => depth += 1,
                ClauseMark::Open => depth = depth.saturating_sub(1),
                ClauseMark::Break if depth == 0 => break,
                _ => {}
            }
            if chars >= MAX_CLAUSE {
                break;
            }
            chars += 1;
            start = floor + i;
        }
        start
    }

    /// What a figure counts; `previous_what` is what the figure before it
    /// counts.
    pub(super) fn what(
        &self,
        clause: &'t str,
        mention_start: usize,
        unit: &str,
        nominal: bool,
        noun: Option<&'t str>,
        previous_what: &str,
    ) -> What<'t> {
        let phrase = trim_phrase(clause);
        let previous = self
            .previous
            .as_ref()
            .filter(|p| p.sentence_start == self.sentence_start);
        if let Some(noun) = noun {
            // `召开8次常委会会议`, `制定3部地方性法规`: verb before, noun after.
            if is_verbs(phrase) {
                return What {
                    text: format!("{phrase}{noun}"),
                    object: Some(noun),
                    verb: Some(phrase),
                    source: WhatSource::Clause,
                };
            }
            // `…、18次主任会议`: the verb of the figure before.
            if let Some(verb) = previous.and_then(|p| p.verb).filter(|_| phrase.is_empty()) {
                return What {
                    text: format!("{verb}{noun}"),
                    object: Some(noun),
                    verb: Some(verb),
                    source: WhatSource::Borrowed,
                };
            }
            if nominal {
                return What {
                    text: noun.to_string(),
                    object: Some(noun),
                    verb: None,
                    source: WhatSource::Noun,
                };
            }
        }
        if let Some(p) = previous {
            let borrowed = |text: String, object: Option<&'t str>| What {
                text,
                object,
                verb: p.verb,
                source: WhatSource::Borrowed,
            };
            // `组织宪法宣誓5次39人`: a second figure right after the first.
            // `入园率和普惠率分别达96%和94%`: the second of a pair shares the
            // first one's subject but not its value.
            let pair = matches!(phrase, "" | "和" | "与" | "及" | "或");
            if p.end == mention_start || pair && !previous_what.is_empty() {
                return borrowed(previous_what.to_string(), p.object);
            }
            // `审议法规32件,通过18件`: a bare verb continues the figure before.
            if is_verbs(phrase) && p.unit == unit {
                if let Some(object) = p.object {
                    return What {
                        text: format!("{phrase}({object})"),
                        object: Some(object),
                        verb: Some(phrase),
                        source: WhatSource::Borrowed,
                    };
                }
            }
        }
        let text = shorten(phrase);
        let object = object_of(text);
        What {
            text: text.to_string(),
            object,
            verb: object.and_then(|o| text.strip_suffix(o)),
            source: WhatSource::Clause,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_marks_are_the_characters() {
        let breaks = ",，、;；。:：!！?？\n\r\t…●■◆";
        for ch in '\0'..='\u{10ffff}' {
            let mut buf = [0u8; 4];
            let mark = clause_mark(ch.encode_utf8(&mut buf).as_bytes());
            let expected = match ch {
                '(' | '（' => ClauseMark::Open,
                ')' | '）' => ClauseMark::Close,
                _ if breaks.contains(ch) => ClauseMark::Break,
                _ => ClauseMark::Other,
            };
            assert_eq!(mark, expected, "{ch}");
        }
    }
}
