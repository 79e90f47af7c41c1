//! The Chinese marks of a text: every character whose UTF-8 leads with E2,
//! E3 or EF (`“”…—`, `、。《》【】`, `，：；（）`, and the few letters and
//! symbols of those blocks), found in one pass ([`super::index`]) and kept
//! by mark, so that a rule reads where its own marks are instead of walking
//! all of them.

use crate::text::TextRange;

/// The bytes a mark leads with.
pub(super) const LEADS: [u8; 3] = [0xE2, 0xE3, 0xEF];

/// Where each mark is, in text order. A mark's place in the table is
/// its bytes: a page of 64 for each lead and second byte a text uses (a
/// report uses four or five), and in it one list for each third byte.
pub struct Marks {
    pages: Vec<Option<Box<[Vec<usize>; 64]>>>,
}

/// The page and the list within it of a mark's three bytes, the first one
/// of [`LEADS`]. The page of E2, E3 or EF is told by its low nibble (2, 3,
/// 15) rather than by comparisons: the three take turns in a text, and a
/// branch on which it is would be mispredicted.
fn place([lead, second, third]: [u8; 3]) -> (usize, usize) {
    (
        usize::from(lead & 0x0F).min(4).saturating_sub(2) * 64 + usize::from(second & 0x3F),
        usize::from(third & 0x3F),
    )
}

/// The page and the list within it of the mark `bytes` start with, if they
/// start with one.
fn slot(bytes: &[u8]) -> Option<(usize, usize)> {
    let &[lead, second, third] = bytes.get(..3)? else {
        return None;
    };
    LEADS.contains(&lead).then(|| place([lead, second, third]))
}

impl Marks {
    pub(super) fn new() -> Marks {
        Marks {
            pages: (0..LEADS.len() * 64).map(|_| None).collect(),
        }
    }

    /// Keeps the mark at `at` of `bytes`, a byte of [`LEADS`]; marks are
    /// added in text order.
    pub(super) fn add(&mut self, bytes: &[u8], at: usize) {
        let Some(&three) = bytes
            .get(at..at + 3)
            .and_then(|b| <&[u8; 3]>::try_from(b).ok())
        else {
            return;
        };
        let (page, list) = place(three);
        if let Some(Some(list)) = self.pages.get_mut(page).map(|p| {
            p.get_or_insert_with(|| Box::new(std::array::from_fn(|_| Vec::new())))
                .get_mut(list)
        }) {
            list.push(at);
        }
    }

    /// Whether `c` is one of the characters kept here.
    pub fn is_mark(c: char) -> bool {
        let mut buf = [0u8; 4];
        slot(c.encode_utf8(&mut buf).as_bytes()).is_some()
    }

    /// Where `mark` is, in order (nowhere for a character that is no mark).
    pub fn positions(&self, mark: char) -> &[usize] {
        let mut buf = [0u8; 4];
        slot(mark.encode_utf8(&mut buf).as_bytes())
            .and_then(|(page, list)| self.pages.get(page)?.as_ref()?.get(list))
            .map_or(&[], Vec::as_slice)
    }

    /// Where `mark` is within `range`.
    pub fn positions_in(&self, mark: char, range: TextRange) -> &[usize] {
        super::prose::within(self.positions(mark), range)
    }

    /// Each of `marks` where it is, in text order.
    pub fn in_order(&self, marks: &[char]) -> Vec<(usize, char)> {
        // Each mark's list is in order: each merged into those before it,
        // the shortest first, as each merge copies all the lists before.
        let mut lists: Vec<(&[usize], char)> = marks
            .iter()
            .map(|&mark| (self.positions(mark), mark))
            .filter(|(list, _)| !list.is_empty())
            .collect();
        lists.sort_by_key(|(list, _)| list.len());
        let mut found: Vec<(usize, char)> = Vec::new();
        for (list, mark) in lists {
            let mut merged = Vec::with_capacity(found.len() + list.len());
            let mut earlier = found.into_iter().peekable();
            for &at in list {
                while let Some(before) = earlier.next_if(|&(b, _)| b < at) {
                    merged.push(before);
                }
                merged.push((at, mark));
            }
            merged.extend(earlier);
            found = merged;
        }
        found
    }

    /// The runs of one mark among `wanted`, each at least as long as the
    /// least given with its mark, each with its mark, in text order.
    pub fn runs(&self, wanted: &[(char, usize)]) -> Vec<(char, TextRange)> {
        let mut found = Vec::new();
        for &(mark, min) in wanted {
            let width = mark.len_utf8();
            let positions = self.positions(mark);
            let mut i = 0;
            while let Some(&start) = positions.get(i) {
                let mut len = 1;
                while positions.get(i + len) == Some(&(start + len * width)) {
                    len += 1;
                }
                if len >= min {
                    found.push((mark, TextRange::new(start, start + len * width)));
                }
                i += len;
            }
        }
        found.sort_unstable_by_key(|&(_, range)| range.start);
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::index::Index;

    const TEXT: &str = "各位代表：“一、二”。。。《条例》（一）,―…… ・∶ａＺ";

    #[test]
    fn each_mark_where_a_search_for_it_finds_it() {
        let marks = Index::of(TEXT).marks;
        for c in TEXT.chars().filter(|c| c.len_utf8() == 3) {
            let expected: Vec<usize> = TEXT.match_indices(c).map(|(i, _)| i).collect();
            let lead = c.to_string().as_bytes()[0];
            let found = marks.positions(c);
            if LEADS.contains(&lead) {
                assert_eq!(found, expected, "{c}");
            } else {
                assert!(found.is_empty(), "{c}");
            }
        }
        assert!(marks.positions(',').is_empty());
    }

    #[test]
    fn each_lead_has_the_page_of_its_place_among_the_leads() {
        for (i, &lead) in LEADS.iter().enumerate() {
            assert_eq!(place([lead, 0x80, 0x81]), (i * 64, 1), "{lead:X}");
        }
    }

    #[test]
    fn runs_and_order() {
        let marks = Index::of(TEXT).marks;
        let runs: Vec<(char, &str)> = marks
            .runs(&[('。', 2), ('…', 2), ('、', 2)])
            .into_iter()
            .map(|(c, r)| (c, r.slice(TEXT)))
            .collect();
        assert_eq!(runs, [('。', "。。。"), ('…', "……")]);
        let order: String = marks
            .in_order(&['《', '》', '“', '”'])
            .iter()
            .map(|p| p.1)
            .collect();
        assert_eq!(order, "“”《》");
        let inside = TextRange::new(0, TEXT.find('《').unwrap_or(0));
        assert_eq!(marks.positions_in('。', inside).len(), 3);
        assert!(marks.positions_in('《', inside).is_empty());
    }
}
