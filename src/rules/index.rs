//! The marks ([`Marks`]) and the anchors ([`Anchors`]) of a text, found in
//! one read of it ([`char_set::sweep`]): the marks by their lead bytes, the
//! anchors by the nibbles of their bytes, block by block.

use super::anchors::{self, Anchors};
use super::marks::{self, Marks};
use crate::text::byte_set::{bits, BLOCK};
use crate::text::char_set;

pub struct Index {
    pub marks: Marks,
    pub anchors: Anchors,
}

impl Index {
    pub fn of(text: &str) -> Index {
        let bytes = text.as_bytes();
        let mut marks = Marks::new();
        let mut anchors = Anchors::default();
        char_set::sweep(bytes, &marks::LEADS, &anchors::CLASSES, |first, blocks| {
            for (k, &(leads, candidates)) in blocks.iter().enumerate() {
                let block = first + k * BLOCK;
                for at in bits(leads) {
                    marks.add(bytes, block + at);
                }
                for at in bits(candidates) {
                    anchors.add(bytes, block + at);
                }
            }
        });
        Index { marks, anchors }
    }
}
