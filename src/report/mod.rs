//! The pure analysis: text in, a [`Document`] out. No I/O, no protocol types,
//! and it never fails: any text, however odd, gives a (possibly empty) outline.

mod model;

pub use model::*;
mod analyze;
mod marker;
mod noise;
pub mod numeral;
mod parts;

pub use analyze::analyze;
