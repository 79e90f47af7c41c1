//! The Han characters the number, figure and leftover rules start from
//! (`年` for years, `次` and `届` for sessions, `约` for estimates…), found
//! in one pass over the text for all of them ([`super::index`]): searched
//! one by one, each would be a pass of its own.

use crate::text::char_set::Classes;

/// Every character a rule starts its search from.
const ANCHORS: [&str; 11] = [
    "年", "次", "届", "千", "第", "某", "约", "概", "近", "分", "下",
];

/// [`ANCHORS`] as their three bytes.
// Evaluated while compiling: an index out of range fails the build.
#[allow(clippy::indexing_slicing)]
const BYTES: [[u8; 3]; ANCHORS.len()] = {
    let mut bytes = [[0u8; 3]; ANCHORS.len()];
    let mut i = 0;
    while i < ANCHORS.len() {
        let anchor = ANCHORS[i].as_bytes();
        assert!(anchor.len() == 3, "every anchor is three bytes long");
        bytes[i] = [anchor[0], anchor[1], anchor[2]];
        i += 1;
    }
    bytes
};

/// Which of [`ANCHORS`] `bytes` are.
fn which(bytes: &[u8]) -> Option<usize> {
    let &[b0, b1, b2] = bytes else { return None };
    BYTES.iter().position(|anchor| *anchor == [b0, b1, b2])
}

/// [`ANCHORS`] by their bytes, in eight classes: a position whose bytes
/// fall in one is a candidate, told exactly by [`Anchors::add`]. A class of
/// two characters also takes the mixes of their bytes (`E5 8D 86`), none of
/// them a common character.
pub(super) const CLASSES: Classes = Classes::new(&[
    // 年 E5 B9 B4
    [&[0xE5], &[0xB9], &[0xB4]],
    // 次 E6 AC A1
    [&[0xE6], &[0xAC], &[0xA1]],
    // 届 E5 B1 8A
    [&[0xE5], &[0xB1], &[0x8A]],
    // 千 E5 8D 83, 分 E5 88 86
    [&[0xE5], &[0x8D, 0x88], &[0x83, 0x86]],
    // 第 E7 AC AC
    [&[0xE7], &[0xAC], &[0xAC]],
    // 某 E6 9F 90, 概 E6 A6 82
    [&[0xE6], &[0x9F, 0xA6], &[0x90, 0x82]],
    // 约 E7 BA A6
    [&[0xE7], &[0xBA], &[0xA6]],
    // 近 E8 BF 91, 下 E4 B8 8B
    [&[0xE8, 0xE4], &[0xBF, 0xB8], &[0x91, 0x8B]],
]);

/// Where each of [`ANCHORS`] is in a text, in order.
#[derive(Default)]
pub struct Anchors {
    at: [Vec<usize>; ANCHORS.len()],
}

impl Anchors {
    /// Keeps the anchor at `at` of `bytes`, if a candidate of [`CLASSES`]
    /// there is one; anchors are added in text order.
    pub(super) fn add(&mut self, bytes: &[u8], at: usize) {
        if let Some(list) = bytes
            .get(at..at + 3)
            .and_then(which)
            .and_then(|i| self.at.get_mut(i))
        {
            list.push(at);
        }
    }

    /// Where `anchor` is, in order; nowhere for a character that is not
    /// one of [`ANCHORS`].
    pub fn positions(&self, anchor: char) -> &[usize] {
        let mut buf = [0u8; 4];
        which(anchor.encode_utf8(&mut buf).as_bytes())
            .and_then(|i| self.at.get(i))
            .map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_anchor_where_a_search_for_it_would() {
        let text = "2023年第5次会议约有近千人,某某县分别占第一产业的大概";
        let anchors = crate::rules::index::Index::of(text).anchors;
        for word in ANCHORS {
            let expected: Vec<usize> = text.match_indices(word).map(|(i, _)| i).collect();
            let anchor = word.chars().next().unwrap_or_default();
            assert_eq!(anchors.positions(anchor), expected, "{word}");
        }
        assert!(anchors.positions('的').is_empty());
    }

    #[test]
    fn finds_every_anchor_of_a_report() {
        let text = include_str!("../../tests/fixtures/renda-baicheng.txt");
        let anchors = crate::rules::index::Index::of(text).anchors;
        for word in ANCHORS {
            let expected: Vec<usize> = text.match_indices(word).map(|(i, _)| i).collect();
            let anchor = word.chars().next().unwrap_or_default();
            assert_eq!(anchors.positions(anchor), expected, "{word}");
        }
    }
}
