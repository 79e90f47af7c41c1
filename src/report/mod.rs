//! The pure analysis: text in, a [`Document`] out. No I/O, no protocol types,
//! and it never fails: any text, however odd, gives a (possibly empty) outline.

/// A `LazyLock<Regex>` for a pattern written in the source.
macro_rules! re {
    ($pattern:expr) => {
        std::sync::LazyLock::new(|| $crate::report::static_regex($pattern))
    };
}

mod analyze;
mod marker;
mod model;
mod noise;
pub mod numeral;
pub mod parts;

pub use analyze::analyze;
pub use model::*;

/// Compiles a pattern written in the source. Every pattern is compiled by the
/// unit tests of its module, so a typo fails there, never on user input.
#[allow(clippy::expect_used)]
pub(crate) fn static_regex(pattern: &str) -> regex::Regex {
    regex::Regex::new(pattern).expect("patterns in the source are valid")
}
