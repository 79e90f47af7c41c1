//! The Han characters the number, figure and leftover rules start from
//! (`年` for years, `次` and `届` for sessions, `约` for estimates…), found
//! in one pass over the text for all of them: searched one by one, each
//! would be a pass of its own.

use std::sync::LazyLock;

use crate::report::{static_words, Words};

/// Every character a rule starts its search from.
const ANCHORS: [&str; 10] = ["年", "次", "届", "千", "第", "某", "约", "概", "近", "分"];

static SEARCH: Words = Words(LazyLock::new(|| static_words(&ANCHORS)));

/// Where each of [`ANCHORS`] is in a text, in order.
pub struct Anchors {
    at: [Vec<usize>; ANCHORS.len()],
}

impl Anchors {
    pub fn of(text: &str) -> Anchors {
        let mut at: [Vec<usize>; ANCHORS.len()] = Default::default();
        SEARCH.find_each(text, |anchor, start| {
            if let Some(list) = at.get_mut(anchor) {
                list.push(start);
            }
        });
        Anchors { at }
    }

    /// Where `anchor` is, in order; nowhere for a character that is not
    /// one of [`ANCHORS`].
    pub fn positions(&self, anchor: char) -> &[usize] {
        ANCHORS
            .iter()
            .position(|word| word.chars().eq([anchor]))
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
        let anchors = Anchors::of(text);
        for word in ANCHORS {
            let expected: Vec<usize> = text.match_indices(word).map(|(i, _)| i).collect();
            let anchor = word.chars().next().unwrap_or_default();
            assert_eq!(anchors.positions(anchor), expected, "{word}");
        }
        assert!(anchors.positions('的').is_empty());
    }
}
