//! Text → [`Document`]: the text cut into its reports, then each report
//! analysed alone, in parallel.

use super::model::Document;
use super::split::split;
use crate::text::Shift;
use rayon::prelude::*;

/// Analyses a whole text. Never fails: odd input gives an odd but valid
/// outline. Ranges are byte offsets into `text` (a BOM, if any, included).
///
/// The reports of a compilation are analysed in parallel.
pub fn analyze(text: &str) -> Document {
    in_pool(|| {
        let split = split(text);
        let outlines = par_map_longest_first(
            &split.segments,
            |segment| segment.range.len(),
            |segment| segment.outline(text).shifted(segment.range.start),
        );
        // Freed before the outlines are put together, which copies them.
        drop(split.segments);
        Document::assemble(split.noise, outlines)
    })
}

/// `f()` run on a thread of the pool. An analysis has two parallel steps
/// (the whole-text pass and the reports): called from outside the pool, each
/// would hand its work over, wait for a sleeping worker to wake and then for
/// the caller to be woken; run inside, the hand-over is made once.
pub(crate) fn in_pool<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    rayon::scope(|_| f())
}

/// `f` of every item, in order, computed in parallel one item per task, the
/// longest first. Rayon's default hands each thread a run of items, so one
/// thread could finish its run while the other still had a long report to
/// go.
pub(crate) fn par_map_longest_first<I: Sync, T: Send>(
    items: &[I],
    len: impl Fn(&I) -> usize,
    f: impl Fn(&I) -> T + Sync,
) -> Vec<T> {
    let mut order: Vec<(usize, &I)> = items.iter().enumerate().collect();
    order.sort_by_key(|&(_, item)| std::cmp::Reverse(len(item)));
    let mut results: Vec<(usize, T)> = order
        .into_par_iter()
        .with_max_len(1)
        .map(|(i, item)| (i, f(item)))
        .collect();
    results.sort_unstable_by_key(|&(i, _)| i);
    results.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_results_come_in_the_items_order() {
        let items: Vec<String> = ["bb", "a", "dddd", "", "ccc", "a"].map(String::from).into();
        let lengths = par_map_longest_first(&items, |s| s.len(), |s| s.len());
        assert_eq!(lengths, [2, 1, 4, 0, 3, 1]);
        assert!(par_map_longest_first(&[] as &[String], |s| s.len(), |s| s.len()).is_empty());
    }
}
