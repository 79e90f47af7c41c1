//! `textDocument/selectionRange` (expand selection): sentence → paragraph →
//! each enclosing section, innermost first (a part is one of them) → report
//! → whole text.

use tower_lsp::lsp_types::{Position, Range, SelectionRange};

use super::analysis::Analysed;
use crate::report::Node;
use crate::text::{Encoding, TextRange};

/// Characters that end a sentence in a report, either width.
const SENTENCE_ENDS: [char; 7] = ['。', '！', '？', '；', '!', '?', ';'];
/// Closing quotes and brackets that stay with the sentence they end.
const CLOSERS: [char; 6] = ['”', '’', '」', '』', '）', ')'];

pub(crate) fn selection_range(
    analysis: &Analysed,
    position: Position,
    encoding: Encoding,
) -> SelectionRange {
    let conv = analysis.converter(encoding);
    let offset = conv.offset(position);
    let chain = enclosing(analysis, offset);
    let mut nested: Option<SelectionRange> = None;
    for range in chain.into_iter().rev() {
        nested = Some(SelectionRange {
            range: conv.range(range),
            parent: nested.map(Box::new),
        });
    }
    nested.unwrap_or(SelectionRange {
        range: Range::new(position, position),
        parent: None,
    })
}

/// The ranges around `offset`, innermost first, each strictly inside the next.
fn enclosing(analysis: &Analysed, offset: usize) -> Vec<TextRange> {
    let text = analysis.text.as_str();
    let document = &analysis.document;
    let mut candidates = Vec::new();
    let paragraph = document
        .paragraphs
        .iter()
        .find(|p| p.touches(offset))
        .copied();
    if let Some(paragraph) = paragraph {
        candidates.push(sentence(text, paragraph, offset));
        candidates.push(paragraph);
    }
    if let Some(report) = document.reports.iter().find(|r| r.range.touches(offset)) {
        let mut sections: Vec<&Node> = Vec::new();
        let mut nodes = &report.nodes;
        while let Some(node) = nodes.iter().find(|n| n.range.touches(offset)) {
            sections.push(node);
            nodes = &node.children;
        }
        candidates.extend(sections.iter().rev().map(|n| n.range));
        candidates.push(report.range);
    }
    candidates.push(TextRange::new(0, text.len()));

    let mut chain: Vec<TextRange> = Vec::new();
    for range in candidates.into_iter().filter(|r| !r.is_empty()) {
        let nests = chain
            .last()
            .is_none_or(|inner| range.contains_range(*inner) && range != *inner);
        if nests {
            chain.push(range);
        }
    }
    chain
}

/// The sentence of `paragraph` holding `offset`, its end punctuation and
/// closing quotes included.
fn sentence(text: &str, paragraph: TextRange, offset: usize) -> TextRange {
    let body = paragraph.slice(text);
    let at = offset.saturating_sub(paragraph.start).min(body.len());
    let mut start = 0;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !SENTENCE_ENDS.contains(&c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, closer)) = chars.peek() {
            if !CLOSERS.contains(&closer) {
                break;
            }
            end = j + closer.len_utf8();
            chars.next();
        }
        if at < end {
            return TextRange::new(paragraph.start + start, paragraph.start + end);
        }
        start = end;
    }
    TextRange::new(paragraph.start + start.min(body.len()), paragraph.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends_after_punctuation_and_closing_quote() {
        let text = "坚持“两个确立。”加强监督;完善制度";
        let paragraph = TextRange::new(0, text.len());
        let at = |s: &str| text.find(s).unwrap();
        let second = sentence(text, paragraph, at("监督"));
        assert_eq!(second.slice(text), "加强监督;");
        let first = sentence(text, paragraph, at("确立"));
        assert_eq!(first.slice(text), "坚持“两个确立。”");
        let last = sentence(text, paragraph, text.len());
        assert_eq!(last.slice(text), "完善制度");
    }
}
