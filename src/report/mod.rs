//! The pure analysis: text in, a [`Document`] out. No I/O, no protocol types,
//! and it never fails: any text, however odd, gives a (possibly empty) outline.

/// A `LazyLock<Regex>` for a pattern written in the source.
macro_rules! re {
    ($pattern:expr) => {
        std::sync::LazyLock::new(|| $crate::report::static_regex($pattern))
    };
}

/// A [`Words`] set: several words found in one pass over a text, written
/// out or taken from a list (`words!(from LIST)`) that other code also reads.
macro_rules! words {
    (from $list:expr) => {
        $crate::report::Words(std::sync::LazyLock::new(|| {
            $crate::report::static_words(&$list)
        }))
    };
    ($($word:literal),+ $(,)?) => {
        $crate::report::Words(std::sync::LazyLock::new(|| {
            $crate::report::static_words(&[$($word),+])
        }))
    };
}

mod analyze;
mod build;
mod closing;
mod event;
mod heading;
mod items;
mod label;
mod lines;
mod markdown;
pub mod marker;
pub mod metrics;
mod model;
mod noise;
pub mod numeral;
pub mod parts;
mod split;
mod title;
mod tree;

pub use analyze::analyze;
pub(crate) use analyze::{in_pool, par_map_longest_first};
pub use model::*;
pub use split::{split, Segment, SegmentKey, Split};

/// Compiles a pattern written in the source. Every pattern is compiled by the
/// unit tests of its module, so a typo fails there, never on user input.
#[allow(clippy::expect_used)]
pub(crate) fn static_regex(pattern: &str) -> regex::Regex {
    regex::Regex::new(pattern).expect("patterns in the source are valid")
}

#[allow(clippy::expect_used)]
pub(crate) fn static_words(words: &[&'static str]) -> Searchers {
    let disjoint = words.iter().all(|a| {
        words.iter().all(|b| {
            // An occurrence of `b` starting `d` bytes into one of `a`.
            (0..a.len()).all(|d| {
                let tail = a.as_bytes().get(d..).unwrap_or_default();
                (d == 0 && a == b)
                    || !(b.as_bytes().starts_with(tail) || tail.starts_with(b.as_bytes()))
            })
        })
    });
    Searchers {
        automaton: aho_corasick::AhoCorasick::new(words)
            .expect("word lists in the source are valid"),
        finders: words
            .iter()
            .map(|w| memchr::memmem::Finder::new(w.as_bytes()))
            .collect(),
        packed: (words.len() > 1)
            .then(|| aho_corasick::packed::Searcher::new(words.iter()))
            .flatten(),
        disjoint,
    }
}

/// The searchers behind a [`Words`] set. On Chinese text the automaton is
/// slow: its byte prefilter ranks bytes by English text and so stops at
/// nearly every character. It serves only sets whose occurrences can overlap.
pub(crate) struct Searchers {
    automaton: aho_corasick::AhoCorasick,
    /// One vectorised substring search per word: for a single word, or where
    /// the machine has no Teddy.
    finders: Vec<memchr::memmem::Finder<'static>>,
    /// For several words, one vectorised pass for all (Teddy) where the
    /// machine has it.
    packed: Option<aho_corasick::packed::Searcher>,
    /// No two occurrences of the words can overlap: then the per-word
    /// searches, and the packed searcher's leftmost-first ones, find exactly
    /// the automaton's (non-overlapping) matches.
    disjoint: bool,
}

/// Where `finder`'s needle occurs in `haystack`, without overlaps. Unlike
/// `Finder::find_iter`, which copies the whole searcher for every iterator,
/// this runs on the shared one: paragraphs are many and short.
pub(crate) fn occurrences<'a>(
    finder: &'a memchr::memmem::Finder<'_>,
    haystack: &'a [u8],
) -> impl Iterator<Item = usize> + 'a {
    let step = finder.needle().len().max(1);
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + finder.find(haystack.get(from..)?)?;
        from = at + step;
        Some(at)
    })
}

/// Words searched for together, e.g. the verbs of a closing call.
pub(crate) struct Words(pub(crate) std::sync::LazyLock<Searchers>);

impl Words {
    /// Whether `pred` holds for the text after some occurrence of one of the words.
    pub(crate) fn any_after(&self, s: &str, mut pred: impl FnMut(&str) -> bool) -> bool {
        self.any_word_after(s, |_, rest| pred(rest))
    }

    /// Whether `pred` holds for some occurrence of one of the words: the word
    /// and the text after it. One pass where several sets were searched.
    pub(crate) fn any_word_after(&self, s: &str, mut pred: impl FnMut(&str, &str) -> bool) -> bool {
        let mut hit = |start: usize, end: usize| {
            s.get(start..end)
                .zip(s.get(end..))
                .is_some_and(|(word, rest)| pred(word, rest))
        };
        if let (true, Some(packed)) = (self.0.disjoint, &self.0.packed) {
            packed.find_iter(s).any(|m| hit(m.start(), m.end()))
        } else if self.0.disjoint {
            self.0.finders.iter().any(|f| {
                let len = f.needle().len();
                occurrences(f, s.as_bytes()).any(|at| hit(at, at + len))
            })
        } else {
            self.0
                .automaton
                .find_iter(s)
                .any(|m| hit(m.start(), m.end()))
        }
    }

    /// Where the first occurrence of one of the words starts.
    pub(crate) fn first_start(&self, s: &str) -> Option<usize> {
        if let (true, Some(packed)) = (self.0.disjoint, &self.0.packed) {
            packed.find(s).map(|m| m.start())
        } else if self.0.disjoint {
            self.0
                .finders
                .iter()
                .filter_map(|f| f.find(s.as_bytes()))
                .min()
        } else {
            self.0.automaton.find(s).map(|m| m.start())
        }
    }

    /// Whether one of the words starts within the first `max_chars` of `s`.
    pub(crate) fn starts_within(&self, s: &str, max_chars: usize) -> bool {
        let window = crate::text::first_chars(s, max_chars + 8);
        self.first_start(window).is_some_and(|start| {
            window
                .get(..start)
                .is_some_and(|before| before.chars().count() <= max_chars)
        })
    }

    /// Every word found in one pass over `s`, in order: its index in the set
    /// and where it starts. A word overlapping one found before it is passed
    /// over.
    pub(crate) fn find_each(&self, s: &str, mut found: impl FnMut(usize, usize)) {
        match &self.0.packed {
            Some(packed) => packed
                .find_iter(s)
                .for_each(|m| found(m.pattern().as_usize(), m.start())),
            None => self
                .0
                .automaton
                .find_iter(s)
                .for_each(|m| found(m.pattern().as_usize(), m.start())),
        }
    }

    pub(crate) fn in_text(&self, s: &str) -> bool {
        match &self.0.packed {
            Some(packed) => packed.find(s).is_some(),
            None => self
                .0
                .finders
                .iter()
                .any(|f| f.find(s.as_bytes()).is_some()),
        }
    }
}

#[cfg(test)]
mod tests {
    use memchr::memmem::Finder;

    #[test]
    fn occurrences_are_find_iters() {
        // Overlapping candidates (`是是`, `aaa` for `aa`), one at each end,
        // none, and an empty text.
        let texts = ["一是是二是要,是", "aaaa", "是", "没有", ""];
        for needle in ["是", "aa", "二是", "要"] {
            let finder = Finder::new(needle);
            for text in texts {
                let expected: Vec<usize> = finder.find_iter(text.as_bytes()).collect();
                let found: Vec<usize> = super::occurrences(&finder, text.as_bytes()).collect();
                assert_eq!(found, expected, "{needle} in {text}");
            }
        }
    }
}
