//! The Han characters the number, figure and leftover rules start from
//! (`年` for years, `次` and `届` for sessions, `约` for estimates…), found
//! in one pass over the text for all of them: searched one by one, each
//! would be a pass of its own.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

/// Every character a rule starts its search from.
const ANCHORS: [char; 10] = ['年', '次', '届', '千', '第', '某', '约', '概', '近', '分'];

/// Where each of [`ANCHORS`] is in a text, in order.
pub struct Anchors {
    at: [Vec<usize>; ANCHORS.len()],
}

impl Anchors {
    pub fn of(text: &str) -> Anchors {
        static SEARCH: LazyLock<AhoCorasick> = LazyLock::new(|| {
            // Leftmost-first, for the vectorised search it allows; whole
            // characters never overlap, so every one is found.
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(ANCHORS.map(String::from))
                .expect("ten one-character words make an automaton")
        });
        let mut at: [Vec<usize>; ANCHORS.len()] = Default::default();
        for found in SEARCH.find_iter(text) {
            if let Some(list) = at.get_mut(found.pattern().as_usize()) {
                list.push(found.start());
            }
        }
        Anchors { at }
    }

    /// Where `anchor` is, in order; nowhere for a character that is not
    /// one of [`ANCHORS`].
    pub fn positions(&self, anchor: char) -> &[usize] {
        ANCHORS
            .iter()
            .position(|&c| c == anchor)
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
        for c in ANCHORS {
            let expected: Vec<usize> = text.match_indices(c).map(|(i, _)| i).collect();
            assert_eq!(anchors.positions(c), expected, "{c}");
        }
        assert!(anchors.positions('的').is_empty());
    }
}
