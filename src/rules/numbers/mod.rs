//! Number forms (GB/T 15835-2011): each rule in its own file.

pub mod double_estimate;
pub mod full_width_digit;
pub mod range_unit;
pub mod session_number;
pub mod short_year;
pub mod thousand_unit;
pub mod year_zero;
