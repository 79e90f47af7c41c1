//! Punctuation (GB/T 15834-2011): each rule in its own file.

pub mod comma_before_deng;
pub mod comma_between_marks;
pub mod ellipsis;
pub mod half_width;
pub mod paired_marks;
pub mod repeated_mark;
pub mod sequence_mark;
pub mod title_mark;
