//! The pure analysis: text in, a [`Document`] out. No I/O, no protocol types,
//! and it never fails: any text, however odd, gives a (possibly empty) outline.

/// A `LazyLock<Regex>` for a pattern written in the source.
macro_rules! re {
    ($pattern:expr) => {
        std::sync::LazyLock::new(|| $crate::report::static_regex($pattern))
    };
}

/// A [`Words`] set: several words found in one pass over a text.
macro_rules! words {
    ($($word:literal),+ $(,)?) => {
        $crate::report::Words(
            std::sync::LazyLock::new(|| $crate::report::static_words(&[$($word),+])),
            &[$($word),+],
        )
    };
}

mod analyze;
pub mod marker;
pub mod metrics;
mod model;
mod noise;
pub mod numeral;
pub mod parts;

pub(crate) use analyze::sentence_starts;
pub use analyze::{analyze, split, Segment, SegmentKey, Split};
pub use model::*;

/// Compiles a pattern written in the source. Every pattern is compiled by the
/// unit tests of its module, so a typo fails there, never on user input.
#[allow(clippy::expect_used)]
pub(crate) fn static_regex(pattern: &str) -> regex::Regex {
    regex::Regex::new(pattern).expect("patterns in the source are valid")
}

#[allow(clippy::expect_used)]
pub(crate) fn static_words(words: &[&str]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::new(words).expect("word lists in the source are valid")
}

/// Words searched for together, e.g. the verbs of a closing call: the
/// automaton over all of them, and the words themselves.
pub(crate) struct Words(
    pub(crate) std::sync::LazyLock<aho_corasick::AhoCorasick>,
    &'static [&'static str],
);

impl Words {
    /// The text after each occurrence of one of the words.
    pub(crate) fn after_each<'a>(&'static self, s: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0.find_iter(s).filter_map(move |m| s.get(m.end()..))
    }

    /// Whether one of the words starts within the first `max_chars` of `s`.
    pub(crate) fn starts_within(&self, s: &str, max_chars: usize) -> bool {
        let window = parts::first_chars(s, max_chars + 8);
        self.0.find(window).is_some_and(|m| {
            window
                .get(..m.start())
                .is_some_and(|before| before.chars().count() <= max_chars)
        })
    }

    pub(crate) fn in_text(&self, s: &str) -> bool {
        // A few words in a long text (a whole paragraph): one vectorised
        // substring search per word is several times cheaper than the
        // automaton, whose byte prefilter ranks bytes by English text and so
        // stops at nearly every character of a Chinese one.
        if self.1.len() <= 3 && s.len() > 256 {
            self.1
                .iter()
                .any(|w| memchr::memmem::find(s.as_bytes(), w.as_bytes()).is_some())
        } else {
            self.0.is_match(s)
        }
    }
}
