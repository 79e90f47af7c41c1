//! Finding figures: one forward scan that stops at numerals, then a look at a
//! small window around each — the markers before it, the multiplier and
//! measure word after it, the quotes and titles it may sit in, and the clause
//! that says what was counted.

use super::chars::{char_after, char_before, utf8_len};
use super::lexicon::PREFIX_MARKERS;
use super::number::{self, Notation};
use super::period::Memo;
use super::stops::Stops;
use super::Figure;
use crate::text::{byte_set, TextRange};

/// Every counted figure in `text`.
pub fn extract(text: &str) -> Vec<Figure> {
    extract_in(text, &[TextRange::new(0, text.len())])
}

/// Every counted figure in the given paragraphs of `text` (e.g. the
/// document's paragraphs, so page chrome and other noise are skipped). Ranges
/// that do not fall on character boundaries of `text` are ignored.
pub fn extract_in(text: &str, paragraphs: &[TextRange]) -> Vec<Figure> {
    // Reports hold a figure every 650 or so bytes: room for most of them up
    // front leaves at most one doubling, and one copy of the figures read.
    let mut out = Vec::with_capacity(text.len() / 1024);
    let mut stops = Stops::new(text.as_bytes());
    for &paragraph in paragraphs {
        if let Some(slice) = text.get(paragraph.start..paragraph.end) {
            Scanner::new(slice, paragraph.start).run(&mut stops, &mut out);
        }
    }
    out
}

/// The last figure read in the paragraph, the last one in the output too:
/// its `what` is read there rather than copied.
pub(super) struct Previous<'t> {
    pub(super) end: usize,
    pub(super) unit: &'static str,
    /// The object a bare verb after this figure borrows, if any.
    pub(super) object: Option<&'t str>,
    /// The verb a bare noun after this figure borrows, if any.
    pub(super) verb: Option<&'t str>,
    pub(super) sentence_start: usize,
}

pub(super) struct Scanner<'t> {
    pub(super) text: &'t str,
    pub(super) base: usize,
    /// Inside “…” or ‘…’ (or 「…」): slogans and quotations.
    pub(super) curly: bool,
    /// Inside "…" (straight quotes pair up left to right).
    pub(super) straight: bool,
    /// Depth inside 《…》 or 〈…〉: titles of laws and documents.
    pub(super) title: usize,
    /// Where the quotes and titles have been read up to (see [`Self::quoted`]).
    pub(super) marks_read: usize,
    pub(super) previous: Option<Previous<'t>>,
    /// Where the current sentence began.
    pub(super) sentence_start: usize,
    /// Index in the output of the first figure of the current sentence.
    pub(super) open_from: usize,
    /// Where the current paragraph (line) began, and the index in the output
    /// of its first figure.
    pub(super) paragraph_start: usize,
    pub(super) paragraph_from: usize,
    /// What the current sentence says up to the last figure read.
    pub(super) sentence_memo: Option<Memo<'t>>,
    /// What the current paragraph says before the current sentence.
    pub(super) paragraph_memo: Option<Memo<'t>>,
}

impl<'t> Scanner<'t> {
    pub(super) fn new(text: &'t str, base: usize) -> Self {
        Scanner {
            text,
            base,
            curly: false,
            straight: false,
            title: 0,
            marks_read: 0,
            previous: None,
            sentence_start: 0,
            open_from: 0,
            paragraph_start: 0,
            paragraph_from: 0,
            sentence_memo: None,
            paragraph_memo: None,
        }
    }

    /// Whether the numeral at `at` is in quotes or a title. The scan does
    /// not stop at their marks (most sentences hold some, few a figure):
    /// they are read here, from where the last reading ended, or the
    /// sentence's start, up to `at`, a block of bytes at a time. The scan
    /// passes over numerals and figures' mentions without stopping, but
    /// those hold none of these marks, so reading them all gives the same
    /// state. `＂`, rare, is still a stop, as its first byte also begins
    /// every full-width comma: it only toggles `straight`, in any order.
    pub(super) fn quoted(&mut self, at: usize) -> bool {
        let bytes = self.text.as_bytes();
        let mut block = self.marks_read;
        while block < at {
            let mut leads = byte_set::mask_at(bytes, block, &[b'"', 0xE2, 0xE3]);
            if at - block < byte_set::BLOCK {
                leads &= !(u64::MAX << (at - block));
            }
            for k in byte_set::bits(leads) {
                self.read_mark(bytes.get(block + k..).unwrap_or_default());
            }
            block += byte_set::BLOCK;
        }
        self.marks_read = at;
        self.curly || self.straight || self.title > 0
    }

    /// Applies the quote or title mark that `bytes` start with, if any.
    pub(super) fn read_mark(&mut self, bytes: &[u8]) {
        match bytes {
            [b'"', ..] => self.straight = !self.straight,
            // ‘ “ 「 『 and ’ ” 」 』
            [0xE2, 0x80, 0x98 | 0x9C, ..] | [0xE3, 0x80, 0x8C | 0x8E, ..] => self.curly = true,
            [0xE2, 0x80, 0x99 | 0x9D, ..] | [0xE3, 0x80, 0x8D | 0x8F, ..] => self.curly = false,
            // 《 〈 and 》 〉
            [0xE3, 0x80, 0x8A | 0x88, ..] => self.title += 1,
            [0xE3, 0x80, 0x8B | 0x89, ..] => self.title = self.title.saturating_sub(1),
            _ => {}
        }
    }

    /// Reads the paragraph; `stops` finds the stops of the whole text.
    pub(super) fn run(mut self, stops: &mut Stops, out: &mut Vec<Figure>) {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        self.open_from = out.len();
        self.paragraph_from = out.len();
        // Bytes, not characters: every character that matters is told by
        // its UTF-8 encoding, and all others are stepped over undecoded.
        let end = self.base + bytes.len();
        loop {
            i = stops.next(self.base + i, end) - self.base;
            let Some(&b) = bytes.get(i) else { break };
            if b.is_ascii() {
                match b {
                    b'0'..=b'9' => {
                        i = self.at_numeral(i, out);
                        continue;
                    }
                    b'\n' | b'\r' => self.end_paragraph(i + 1, out),
                    b'!' | b'?' => self.end_sentence(i + 1, out),
                    _ => {}
                }
                i += 1;
                continue;
            }
            let b1 = bytes.get(i + 1).copied().unwrap_or(0);
            let b2 = bytes.get(i + 2).copied().unwrap_or(0);
            match (b, b1, b2) {
                // 。！？: an unbalanced quote or title must not hide the rest
                // of a document pasted on one line, so quotes end with the
                // sentence.
                (0xE3, 0x80, 0x82) | (0xEF, 0xBC, 0x81 | 0x9F) => self.end_sentence(i + 3, out),
                // ＂
                (0xEF, 0xBC, 0x82) => self.straight = !self.straight,
                // ０…９
                (0xEF, 0xBC, 0x90..=0x99) => {
                    i = self.at_numeral(i, out);
                    continue;
                }
                _ if char_after(self.text, i).is_some_and(|c| number::han(c).is_some()) => {
                    i = self.at_han(i, out);
                    continue;
                }
                _ => {}
            }
            i += utf8_len(b);
        }
        self.end_paragraph(self.text.len(), out);
    }

    /// A paragraph (or line) ended just before `next`.
    pub(super) fn end_paragraph(&mut self, next: usize, out: &mut [Figure]) {
        self.end_sentence(next, out);
        if let Some(open) = out.get_mut(self.paragraph_from..) {
            for metric in open {
                metric.paragraph.end = self.base + next;
            }
        }
        self.paragraph_from = out.len();
        self.paragraph_start = next;
        self.paragraph_memo = None;
    }

    /// A sentence ended just before `next`.
    pub(super) fn end_sentence(&mut self, next: usize, out: &mut [Figure]) {
        // The figures read since the last break end their sentence here.
        if let Some(open) = out.get_mut(self.open_from..) {
            for metric in open {
                metric.sentence.end = self.base + next;
            }
        }
        self.open_from = out.len();
        self.sentence_start = next;
        self.curly = false;
        self.straight = false;
        self.title = 0;
        self.marks_read = next;
    }

    /// Adds a figure; returns where scanning goes on: after its whole
    /// mention, whose multiplier may be a numeral too (`9 百余次` is one
    /// figure, not also `百余次`).
    pub(super) fn push(&self, metric: Figure, out: &mut Vec<Figure>) -> usize {
        let end = metric.range.end - self.base;
        out.push(metric);
        end
    }

    /// Reads the Arabic numeral at `at`; returns where scanning goes on.
    pub(super) fn at_numeral(&mut self, at: usize, out: &mut Vec<Figure>) -> usize {
        let bytes = self.text.as_bytes();
        match number::arabic(self.text, at) {
            Some(numeral) => {
                let mut end = numeral.end;
                if !self.quoted(at) {
                    if let Some(metric) = self.figure(at, numeral, Notation::Arabic, out) {
                        end = self.push(metric, out);
                    }
                }
                end.max(at + 1)
            }
            None => {
                // Skip the whole run so its tail is not read as a number.
                let mut i = at;
                while let Some((_, len)) = number::digit_at(bytes, i) {
                    i += len;
                }
                i.max(at + 1)
            }
        }
    }

    /// Reads the Chinese numeral run at `at`; returns where scanning goes on.
    pub(super) fn at_han(&mut self, at: usize, out: &mut Vec<Figure>) -> usize {
        // The whole run of numeral characters is passed over whether it is
        // read or not.
        let run: usize = self
            .text
            .get(at..)
            .unwrap_or_default()
            .chars()
            .take_while(|&c| number::han(c).is_some())
            .map(char::len_utf8)
            .sum();
        let end = (at + run).max(at + 1);
        // Most Chinese numerals are words (`统一`, `一批`); only an amount
        // or a numeral with an approximation marker goes on to be read. A
        // lone numeral is no amount: without a marker it is not even parsed.
        let marked = char_after(self.text, end).is_some_and(|c| c == '余' || c == '多')
            || char_before(self.text, at).is_some_and(|c| PREFIX_MARKERS.has_end_char(c));
        if !marked && end <= at + 3 || self.quoted(at) {
            return end;
        }
        let candidate = |run: &number::HanRun| run.led_by_digit && run.large && run.chars >= 2;
        if let Some(run) = number::chinese(self.text, at).filter(|r| marked || candidate(r)) {
            let notation = Notation::Han {
                led_by_digit: run.led_by_digit,
                large: run.large,
                chars: run.chars,
            };
            if let Some(metric) = self.figure(at, run.numeral, notation, out) {
                return self.push(metric, out).max(at + 1);
            }
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_read_up_to_each_numeral() {
        let written = |text: &str| -> Vec<String> {
            extract(text)
                .iter()
                .map(|m| m.range.slice(text).to_string())
                .collect()
        };
        // Marks before, between and after figures; a sentence end closing
        // what is left open; `＂` (a stop) and `"` (read later) pairing up.
        let text = "开展“3个100”活动12场,《条例》等5部;审议“十四五规划3项。\
                    “共2件”,\"20+8\"产业\"31家,＂4个\"5家";
        assert_eq!(written(text), ["12场", "5部", "4个"]);
        // Blocks of marks longer than one mask, before the first numeral.
        let long = format!("{}“{}”办理7件", "、".repeat(30), "《》".repeat(20));
        assert_eq!(written(&long), ["7件"]);
    }
}
