//! BG027: a paragraph repeated word for word in one report.

use std::collections::hash_map::{Entry, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use super::super::{shared, Context, Edit, Finding, Fix, Related, RuleDoc, Severity};
use crate::rules::family::Family;
use crate::text::TextRange;

pub const DOC: RuleDoc = RuleDoc {
    code: "BG027",
    name: "repeated-paragraph",
    family: Family::Leftovers,
    default_severity: Severity::Warning,
    summary: "A paragraph repeated word for word in one report",
    explanation: "\
## What it does

Finds a paragraph of twenty characters or more that repeats an earlier
paragraph of the same report word for word (markdown marks and spaces
around it aside), points at the first, and offers to delete the repeat.
Paragraphs repeated one after another (a passage pasted twice) make one
finding.

## Why

A repeated paragraph is what a paste left behind while drafting; office
proofreading services list it as its own kind of error (片段重复).

## Example

```text
坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。
…
坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。
```
",
};

/// A hasher for the keys of paragraphs (a length and eight bytes): a
/// multiply and a rotate a word, as the keys are no input an attacker picks
/// and a full comparison follows every hit.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, word: usize) {
        self.write_u64(word as u64);
    }
}

/// The paragraphs of a report by key (length and first bytes): each key's
/// first paragraph, and the others of that key.
type Seen = HashMap<(usize, u64), (TextRange, Vec<TextRange>), BuildHasherDefault<KeyHasher>>;

/// Paragraphs shorter than this (in characters) repeat by nature (`各位代表：`).
const MIN_CHARS: usize = 20;

fn words(s: &str) -> &str {
    s.trim_matches(['#', '*', '>', ' ', '\t', '\u{3000}'])
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text;
    for report in &ctx.document.reports {
        // Keyed by length and first bytes: a full comparison only on a hit.
        // The first paragraph of a key is kept beside the list of the
        // others, which most keys never have.
        let paragraphs = shared::report_paragraphs(ctx, report);
        // Room for the paragraphs long enough in any script, made at once
        // rather than by doubling, which copies the keys at each step.
        let long = paragraphs.iter().filter(|p| p.len() >= 3 * MIN_CHARS);
        let mut seen = Seen::with_capacity_and_hasher(long.count(), Default::default());
        // Repeats one after another (a passage pasted twice): one finding.
        let mut run: Option<(TextRange, TextRange)> = None;
        for &paragraph in paragraphs {
            let s = words(paragraph.slice(text));
            // Cheap bounds first: a character is one to four bytes.
            if s.len() < MIN_CHARS
                || (s.len() < 4 * MIN_CHARS && s.chars().nth(MIN_CHARS - 1).is_none())
            {
                continue;
            }
            // `责任单位：各县（市）区人民政府` under each project of a list: a
            // field repeated on purpose.
            if s.chars().take(8).any(|c| matches!(c, '：' | ':')) {
                continue;
            }
            let mut first = [0u8; 8];
            for (to, from) in first.iter_mut().zip(s.bytes()) {
                *to = from;
            }
            let key = (s.len(), u64::from_le_bytes(first));
            let earlier = match seen.entry(key) {
                Entry::Vacant(place) => {
                    place.insert((paragraph, Vec::new()));
                    None
                }
                Entry::Occupied(mut place) => {
                    let (first, others) = place.get_mut();
                    let same = std::iter::once(&*first)
                        .chain(others.iter())
                        .find(|p| words(p.slice(text)) == s)
                        .copied();
                    if same.is_none() {
                        others.push(paragraph);
                    }
                    same
                }
            };
            match earlier {
                Some(first) => {
                    run = Some(match run {
                        Some((f, r)) => (f, TextRange::new(r.start, paragraph.end)),
                        None => (first, paragraph),
                    });
                }
                None => {
                    if let Some((first, repeat)) = run.take() {
                        out.push(finding(ctx, first, repeat));
                    }
                }
            }
        }
        if let Some((first, repeat)) = run {
            out.push(finding(ctx, first, repeat));
        }
    }
}

/// The finding for `repeat`, a run of paragraphs repeating from `first`.
fn finding(ctx: &Context, first: TextRange, repeat: TextRange) -> Finding {
    let text = ctx.text;
    let mut finding = shared::finding(&DOC, repeat, "本段与前文完全相同".to_string());
    finding.push_related(Related {
        message: "前文相同的一段".into(),
        range: first,
    });
    // The lines with their break, when the repeat ends a line.
    let rest = text.get(repeat.end..).unwrap_or("");
    let line_end = repeat.end
        + if rest.starts_with("\r\n") {
            2
        } else if rest.starts_with(['\n', '\r']) {
            1
        } else {
            0
        };
    finding.push_fix(Fix {
        title: "删去重复的内容".to_string(),
        edits: vec![Edit {
            range: TextRange::new(repeat.start, line_end),
            new_text: String::new(),
        }],
    });
    finding
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::{codes, only, run, REPORT};

    #[test]
    fn flags_a_repeated_paragraph() {
        let para = "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。";
        let text = REPORT.replace(
            "常委会坚持党的领导。\n",
            &format!("常委会坚持党的领导。\n{para}\n{para}\n"),
        );
        let found = only("BG027", &text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].range.slice(&text), para);
        assert!(found[0].related()[0].range.start < found[0].range.start);
    }

    #[test]
    fn dont_flag_short_or_distinct_paragraphs() {
        assert_eq!(codes(&run(REPORT), "BG027"), 0);
        let text = REPORT.replace("常委会坚持党的领导。\n", "各位代表：\n各位代表：\n");
        assert_eq!(codes(&run(&text), "BG027"), 0);
        // The same field under each project of a list.
        let field = "责任单位：各县（市）区人民政府、开发（度假）园区管委会，市级各相关部门";
        let text = REPORT.replace(
            "常委会坚持党的领导。\n",
            &format!("1.建设学校。\n{field}\n2.建设医院。\n{field}\n"),
        );
        assert_eq!(codes(&run(&text), "BG027"), 0);
    }
}
