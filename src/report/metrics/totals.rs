//! A total the text states with the parts it lists under it:
//! `全市共建成代表家站689个，其中，代表之家300个、代表联络站389个`. The only
//! figures a summary adds up: the parts count what the total counts, in the
//! same sentence and period, and their sum is set beside the stated total.

use std::sync::LazyLock;

use memchr::memmem;
use serde::Serialize;

use super::{Category, Claim, Figure};

/// A stated total and its parts: indices into the figures given to
/// [`stated_totals`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatedTotal {
    pub total: usize,
    pub parts: Vec<usize>,
}

/// Longest text between a total and its `其中`, in bytes: a few words
/// (`1285件建议全部答复代表，其中`), not another clause's worth.
const MAX_GAP: usize = 16 * 3;

/// Longest list after `其中`, in bytes, to the end of its clause group.
const MAX_LIST: usize = 2048;

/// A figure followed closely by `其中` with the figures listed after it:
/// the first, and those that count what it counts in its period (indices
/// into the figures given to [`listings`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    pub total: usize,
    pub first: usize,
    pub parts: Vec<usize>,
}

/// Every figure of `metrics` that `其中` lists parts of: read once, for
/// [`totals_of`] and [`oversized_of`] both.
pub fn listings(text: &str, metrics: &[Figure]) -> Vec<Listing> {
    (0..metrics.len())
        .filter_map(|total| {
            let (first, parts) = listed(text, metrics, total)?;
            Some(Listing {
                total,
                first,
                parts: parts.collect(),
            })
        })
        .collect()
}

/// Every stated total in `metrics` (in text order, as
/// [`extract`](super::extract) gives them) with its parts: a figure followed
/// closely by `其中` in its sentence (or opening the next), with no figure of
/// its measure word in between, and the figures of that measure word and
/// period after `其中` up to the end of its clause group (`；` or `。`).
pub fn stated_totals(text: &str, metrics: &[Figure]) -> Vec<StatedTotal> {
    totals_of(metrics, &listings(text, metrics))
}

/// The stated totals of [`listings`] of `metrics`.
pub fn totals_of(metrics: &[Figure], listings: &[Listing]) -> Vec<StatedTotal> {
    listings
        .iter()
        .filter_map(|listing| {
            let total = metrics.get(listing.total)?;
            let parts: Vec<usize> = listing
                .parts
                .iter()
                .copied()
                // A figure larger than the total is no part of it: the clause
                // has moved on (`其中…370公里，…铁路总里程3.66万公里`).
                .take_while(|&n| metrics.get(n).is_some_and(|m| m.value <= total.value))
                .collect();
            (!parts.is_empty()).then_some(StatedTotal {
                total: listing.total,
                parts,
            })
        })
        .collect()
}

/// Each total whose `其中` names first a figure larger than the total itself
/// (`总投资5.2亿元，其中…3.1万亿元`), with that figure: indices into
/// `metrics`, from its [`listings`]. [`stated_totals`] leaves such a figure
/// out, as no part.
pub fn oversized_of(metrics: &[Figure], listings: &[Listing]) -> Vec<(usize, usize)> {
    listings
        .iter()
        .filter(|listing| {
            listing.parts.first() == Some(&listing.first)
                && metrics
                    .get(listing.first)
                    .zip(metrics.get(listing.total))
                    .is_some_and(|(part, total)| part.value > total.value)
        })
        .map(|listing| (listing.total, listing.first))
        .collect()
}

/// The figures `其中` lists after the figure at `index`, when it is a total
/// and names one of its parts first: the first figure after `其中`, and those
/// that count what the total counts, in its period (indices into `metrics`,
/// in order).
fn listed<'m>(
    text: &str,
    metrics: &'m [Figure],
    index: usize,
) -> Option<(usize, impl Iterator<Item = usize> + 'm)> {
    let total = metrics.get(index)?;
    if total.category == Category::Rate || total.claim == Claim::Change {
        return None;
    }
    let gap_end = text.floor_char_boundary((total.range.end + MAX_GAP).min(text.len()));
    let gap = text.get(total.range.end..gap_end)?;
    // One searcher for all the figures: set up for each, it cost more than
    // the search of a few words.
    static AMONG: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new("其中".as_bytes()).into_owned());
    let among = total.range.end + AMONG.find(gap.as_bytes())?;
    let after = metrics.get(index + 1..).unwrap_or_default();
    if after
        .iter()
        .take_while(|m| m.range.start < among)
        .any(|m| m.unit == total.unit)
    {
        return None;
    }
    // The end of its clause group, looked for within a bound: a list runs
    // for a sentence, and a text with no sentence end is no list.
    let bound = text.floor_char_boundary((among + MAX_LIST).min(text.len()));
    let end = among + text.get(among..bound)?.find(['；', ';', '。', '\n'])?;
    let mut listed = after
        .iter()
        .enumerate()
        .skip_while(move |(_, m)| m.range.start < among)
        .take_while(move |(_, m)| m.range.end <= end)
        .peekable();
    // `其中` divides the total when it names a part of it first: `其中
    // 规模工业增加值增长6.2%` divides something else.
    let first = match listed.peek() {
        Some((n, m)) if m.unit == total.unit => index + 1 + n,
        _ => return None,
    };
    Some((
        first,
        listed
            .filter(move |(_, m)| {
                m.unit == total.unit && m.claim == Claim::Stated && m.same_period(total)
            })
            .map(move |(n, _)| index + 1 + n),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::metrics::extract;

    fn totals(text: &str) -> Vec<(String, Vec<String>)> {
        let metrics = extract(text);
        stated_totals(text, &metrics)
            .into_iter()
            .map(|t| {
                (
                    metrics[t.total].range.slice(text).to_string(),
                    t.parts
                        .iter()
                        .map(|&i| metrics[i].range.slice(text).to_string())
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_total_with_its_parts() {
        assert_eq!(
            totals("共审议法规32件，其中制定18件、修改10件，听取报告12项。"),
            [(
                "32件".to_string(),
                vec!["18件".to_string(), "10件".to_string()]
            )]
        );
        assert_eq!(
            totals("全年共接待群众1200人次。其中来访800人次，来信400人次。"),
            [(
                "1200人次".to_string(),
                vec!["800人次".to_string(), "400人次".to_string()]
            )]
        );
    }

    #[test]
    fn no_total_without_its_parts() {
        // `其中` divides the figure right before it, not the first one.
        assert_eq!(
            totals("共审议法规32件，通过18件，其中修改10件。"),
            [("18件".to_string(), vec!["10件".to_string()])]
        );
        // Parts of another measure word count something else.
        assert!(totals("共投入资金5亿元，其中建设项目12个。").is_empty());
        assert!(totals("支援一线疫情防控146人次,其中10名局级干部赴一线。").is_empty());
        assert!(totals("提出意见建议9489条,其中89.9%的意见建议已得到转化落实。").is_empty());
        // A `其中` far from the figure is about something else.
        assert!(totals("新建学校12所，并同步配齐教师队伍和各类设施设备，其中新建8所。").is_empty());
        // `其中` dividing another figure, and figures past the parts.
        assert!(totals(
            "地区生产总值达到5.53万亿元、增长4.8%，其中工业增加值增长6.2%，财政收入达3507.6亿元。"
        )
        .is_empty());
        assert_eq!(
            totals(
                "新增铁路运营里程639公里，其中高铁370公里，铁路总里程达3.66万公里、高铁2600公里。"
            ),
            [("639公里".to_string(), vec!["370公里".to_string()])]
        );
        // The parts end with their clause group.
        assert_eq!(
            totals("新建学校12所，其中小学8所；改建学校5所。"),
            [("12所".to_string(), vec!["8所".to_string()])]
        );
    }
}
