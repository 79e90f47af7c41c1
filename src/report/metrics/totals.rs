//! A total the text states with the parts it lists under it:
//! `共审议法规32件，其中通过18件、修改10件`. The only figures a summary adds
//! up: the parts count what the total counts, in the same sentence and
//! period, and their sum is set beside the stated total.

use serde::Serialize;

use super::chars::{char_at, char_before};
use super::counted::clause_start_in;
use super::{Category, Claim, Figure};

/// A stated total and its parts: indices into the figures given to
/// [`stated_totals`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatedTotal {
    pub total: usize,
    pub parts: Vec<usize>,
}

/// Words before a figure that make it a total.
const TOTAL_WORDS: [&str; 5] = ["共计", "合计", "总计", "总共", "共"];

/// Characters after `共` that make it part of another word (`共同` `共享`).
const NOT_TOTAL_AFTER: &str = "同享建产青识赢治商富性有担融生鸣进";

/// Whether the clause before a figure calls it a total: `共召开`, `合计`.
fn names_a_total(clause: &str) -> bool {
    TOTAL_WORDS.iter().any(|word| {
        clause.match_indices(word).any(|(at, w)| {
            *word != "共"
                || !(char_before(clause, at) == Some('公')
                    || char_at(clause, at + w.len()).is_some_and(|c| NOT_TOTAL_AFTER.contains(c)))
        })
    })
}

/// Every stated total in `metrics` (in text order, as
/// [`extract`](super::extract) gives them) with its parts: the figures after
/// `其中` that follow it in its sentence or open the next one, of its
/// measure word and period, before any other figure of that measure word.
pub fn stated_totals(text: &str, metrics: &[Figure]) -> Vec<StatedTotal> {
    let mut found = Vec::new();
    for (index, total) in metrics.iter().enumerate() {
        if total.category == Category::Rate
            || total.claim == Claim::Change
            || !names_a_total(
                text.get(
                    clause_start_in(text, total.sentence.start, total.range.start)
                        ..total.range.start,
                )
                .unwrap_or(""),
            )
        {
            continue;
        }
        // `其中` in the rest of the sentence, or right after its end.
        let rest_end = text.ceil_char_boundary((total.sentence.end + 3 * 3).min(text.len()));
        let Some(among) = text
            .get(total.range.end..rest_end)
            .and_then(|rest| rest.find("其中"))
            .map(|at| total.range.end + at)
        else {
            continue;
        };
        let after: Vec<(usize, &Figure)> = metrics
            .iter()
            .enumerate()
            .skip(index + 1)
            .take_while(|(_, m)| m.paragraph == total.paragraph)
            .collect();
        // A figure of the same measure word before `其中` is what `其中` divides.
        if after
            .iter()
            .any(|(_, m)| m.range.start < among && m.unit == total.unit)
        {
            continue;
        }
        let Some(sentence) = after
            .iter()
            .find(|(_, m)| m.range.start > among)
            .map(|(_, m)| m.sentence)
        else {
            continue;
        };
        let parts: Vec<usize> = after
            .iter()
            .filter(|(_, m)| {
                m.range.start > among
                    && m.sentence == sentence
                    && m.unit == total.unit
                    && m.claim == Claim::Stated
                    && m.same_period(total)
            })
            .map(|&(i, _)| i)
            .collect();
        if !parts.is_empty() && (sentence == total.sentence || sentence.start <= among) {
            found.push(StatedTotal {
                total: index,
                parts,
            });
        }
    }
    found
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
    fn no_total_without_its_words() {
        // `其中` divides the figure right before it, not the first one.
        assert!(totals("共审议法规32件，通过18件，其中修改10件。").is_empty());
        // `共同` and `公共` are no totals.
        assert!(totals("共同推进项目12个，其中完工8个。").is_empty());
        assert!(totals("公共服务设施12个，其中新建8个。").is_empty());
        assert!(totals("审议法规32件，其中制定18件。").is_empty());
        // Parts of another measure word count something else.
        assert!(totals("共投入资金5亿元，其中建设项目12个。").is_empty());
    }
}
