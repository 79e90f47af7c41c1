//! Leftovers of drafting: each rule in its own file.

pub mod placeholder;
pub mod repeated_paragraph;
