//! The period a figure is scoped to (`2022年`, `五年来`, `本届以来`) and
//! whether its sentence sets a target, read on from figure to figure so the
//! scan stays linear.

use serde::Serialize;

use super::chars::char_before;
use super::number;
use super::{Claim, Figure};
use crate::report::Words;

/// Which kind of period a figure belongs to, read once from the period its
/// sentence names and its claim: the summary groups figures by it, and BG013
/// compares only figures of one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Span {
    /// One year: the one named (`2025年`) or, when none is, the year the
    /// part reports on.
    Year,
    /// Several years: `五年来`, `过去五年`, `2021—2025年`, `“十四五”时期`, `本届`.
    Years,
    /// A running total: `累计`, `2018年以来`.
    Cumulative,
    /// A goal: `力争`, `预期目标`, `3000美元的目标`.
    Target,
}

impl Span {
    /// The span of a figure with this period (as [`period`] reads it) and claim.
    pub(super) fn of(period: Option<&str>, claim: Claim) -> Span {
        match period {
            _ if claim == Claim::Target => Span::Target,
            None => Span::Year,
            Some(p) if p.contains("累计") || p.ends_with("以来") => Span::Cumulative,
            Some(p) if is_single_year(p) => Span::Year,
            Some(_) => Span::Years,
        }
    }

    /// Stable identifier used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Span::Year => "year",
            Span::Years => "years",
            Span::Cumulative => "cumulative",
            Span::Target => "target",
        }
    }

    /// The name a drafter reads.
    pub fn name(self) -> &'static str {
        match self {
            Span::Year => "当年",
            Span::Years => "多年",
            Span::Cumulative => "累计",
            Span::Target => "目标",
        }
    }
}

impl Figure {
    /// The period as a drafter reads it: the words the text names
    /// (`2025年`, `五年来`, `累计`), else the span's name.
    pub fn period_label(&self) -> &str {
        match (&self.period, self.span) {
            (_, Span::Target) => Span::Target.name(),
            (Some(p), _) => p,
            (None, span) => span.name(),
        }
    }

    /// Whether two figures are of one period: the same span, and the same
    /// words, except that a figure naming no year is of the year its part
    /// reports on, so it matches a single named year but no other span.
    pub fn same_period(&self, other: &Figure) -> bool {
        self.span == other.span
            && match (self.period.as_deref(), other.period.as_deref()) {
                (None, None) => true,
                (Some(a), Some(b)) => a == b,
                (Some(p), None) | (None, Some(p)) => is_single_year(p),
            }
    }
}

/// `2025年`: four digits and `年`.
fn is_single_year(period: &str) -> bool {
    period.len() == 4 + '年'.len_utf8()
        && period
            .strip_suffix('年')
            .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
}

/// What a text from `start` up to `end` says of the figures after it.
pub(super) struct Memo<'t> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) framing: Framing<'t>,
}

/// The period a text names (the last one) and whether it sets a target.
#[derive(Clone, Copy, Default)]
pub(super) struct Framing<'t> {
    pub(super) period: Option<&'t str>,
    pub(super) target: bool,
}

/// Longest period token in bytes (`2018—2022年`), read again when a
/// sentence's period is read on.
pub(super) const MAX_PERIOD_BYTES: usize = 16;

/// The period a sentence (up to the figure) scopes its figures to: the
/// last year (`2022年`), span of years (`2018—2022年`, `五年来`, `过去五年`,
/// `这五年`, `…的五年`, `五年间`), term (`本届以来`) or `累计` it names.
pub(super) fn period<'a>(sentence: &'a str) -> Option<&'a str> {
    let mut best: Option<(usize, &'a str)> = None;
    let mut consider = |pos: usize, token: &'a str| {
        if best.is_none_or(|(p, _)| pos >= p) {
            best = Some((pos, token));
        }
    };
    // Only `年` and the characters terms end in matter, found in one
    // vectorised pass rather than by decoding every character (or by one
    // substring search each, which restart at every `年`).
    static ENDS: Words = words!(from PERIOD_ENDS);
    ENDS.find_each(sentence, |word, i| {
        let Some(&end) = PERIOD_ENDS.get(word) else {
            return;
        };
        if end != "年" {
            // Terms end in one of these.
            let through = &sentence[..i + end.len()];
            if let Some(term) = TERMS.iter().find(|t| through.ends_with(**t)) {
                consider(through.len() - term.len(), term);
            }
            return;
        }
        let year_end = i + end.len();
        let after = &sentence[year_end..];
        if let Some(from) = year_before(sentence, i) {
            // `改造2005年前建成的老旧小区` qualifies what is counted: no period.
            if after.starts_with('前') || after.starts_with("以前") {
                return;
            }
            // `2018—2022年` is one span.
            let from = char_before(sentence, from)
                .filter(|c| matches!(c, '-' | '—' | '–' | '~' | '～' | '至'))
                .and_then(|c| year_before(sentence, from - c.len_utf8()))
                .unwrap_or(from);
            // `2018年以来` is a span, not the year 2018.
            let end = if after.starts_with("以来") {
                year_end + "以来".len()
            } else {
                year_end
            };
            consider(from, &sentence[from..end]);
        } else if let Some(from) = years_count_before(sentence, i) {
            // `这是…提升的五年` names the five years the review looks back on.
            let past =
                char_before(sentence, from).is_some_and(|c| matches!(c, '去' | '近' | '这' | '的'));
            if past || after.starts_with(['来', '间']) || after.starts_with("以来") {
                // The period as written: `近3年`, `过去五年`, `这五年`.
                let from = match char_before(sentence, from) {
                    Some(c @ ('近' | '这')) => from - c.len_utf8(),
                    Some('去') if sentence[..from - '去'.len_utf8()].ends_with('过') => {
                        from - "过去".len()
                    }
                    _ => from,
                };
                consider(from, &sentence[from..year_end]);
            }
        }
    });
    best.map(|(_, token)| token)
}

/// How far back a sentence is searched for a figure's period, in bytes: a
/// text with no full stops must not make every figure read all of it.
pub(super) const MAX_SENTENCE_BYTES: usize = 600;

/// Terms of office and plan periods that scope figures, and `累计`: a total
/// over some such span, never one year's figure.
pub(super) const TERMS: &[&str] = &[
    "本届",
    "届内",
    "任期内",
    "十三五",
    "十四五",
    "十五五",
    "累计",
];

/// The characters a period ends in: `年` and the last ones of [`TERMS`].
pub(super) const PERIOD_ENDS: [&str; 5] = ["年", "届", "内", "五", "计"];

/// Words that make a sentence's figures targets rather than results.
pub(super) static TARGET_WORDS: Words =
    words!("力争", "确保", "目标", "预期", "争取", "力求", "计划");

/// Start of four digits ending at `at` (a year), if there are exactly four.
pub(super) fn year_before(s: &str, at: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut j = at;
    let mut digits = 0;
    while let Some(c) = char_before(s, j) {
        if number::digit_at(bytes, j - c.len_utf8()).is_none() {
            break;
        }
        j -= c.len_utf8();
        digits += 1;
    }
    (digits == 4).then_some(j)
}

/// Start of a count of more than one year ending at `at` (`五` of `五年来`,
/// `10` of `近10年`).
pub(super) fn years_count_before(s: &str, at: usize) -> Option<usize> {
    let c = char_before(s, at)?;
    let from = at - c.len_utf8();
    let many = match number::han(c) {
        Some(number::Han::Digit(d)) => d > 1,
        Some(number::Han::Small(10)) => true,
        _ => c.is_ascii_digit() && c != '1' && c != '0',
    };
    many.then_some(from)
}

/// What the text from `start` up to `at` says of the figures after it,
/// read on from `memo`: figures come in order, so each reads on from
/// where the one before it stopped (less a few bytes, for a word cut in
/// two), and the whole scan stays linear.
pub(super) fn framing<'t>(
    text: &'t str,
    memo: &mut Option<Memo<'t>>,
    start: usize,
    at: usize,
) -> Framing<'t> {
    let (from, earlier) = match memo.take() {
        Some(m) if m.start == start && m.end <= at => (
            text.ceil_char_boundary(m.end.saturating_sub(MAX_PERIOD_BYTES).max(start)),
            m.framing,
        ),
        _ => (start, Framing::default()),
    };
    let read = text.get(from..at).unwrap_or("");
    let framing = Framing {
        period: period(read).or(earlier.period),
        target: earlier.target || TARGET_WORDS.in_text(read),
    };
    *memo = Some(Memo {
        start,
        end: at,
        framing,
    });
    framing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_ends_in_a_period_end() {
        for term in TERMS {
            assert!(PERIOD_ENDS.iter().any(|end| term.ends_with(end)), "{term}");
        }
    }
}
