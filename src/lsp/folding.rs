//! `textDocument/foldingRange`: one fold per report and per section that
//! spans lines, and one per run of page chrome that spans lines (a table of
//! contents, front matter).

use tower_lsp::lsp_types::{FoldingRange, FoldingRangeKind};

use super::analysis::Analysed;
use super::encoding::Converter;
use crate::report::NoiseKind;
use crate::text::{Encoding, TextRange};

pub(crate) fn folding_ranges(analysis: &Analysed, encoding: Encoding) -> Vec<FoldingRange> {
    let conv = analysis.converter(encoding);
    let text = analysis.text.as_str();
    let mut folds = Vec::new();
    for report in &analysis.document.reports {
        let title = report.title.as_ref().map(|t| t.text.clone());
        folds.extend(fold(
            &conv,
            text,
            report.range,
            FoldingRangeKind::Region,
            title,
        ));
        for node in report.walk() {
            let label = node.name(text);
            folds.extend(fold(
                &conv,
                text,
                node.range,
                FoldingRangeKind::Region,
                Some(label),
            ));
        }
    }
    let mut run: Option<(NoiseKind, TextRange)> = None;
    for noise in &analysis.document.noise {
        if !matches!(
            noise.kind,
            NoiseKind::TableOfContents | NoiseKind::FrontMatter
        ) {
            continue;
        }
        match &mut run {
            Some((kind, range))
                if *kind == noise.kind
                    && conv.line(noise.range.start) <= conv.line(range.end) + 1 =>
            {
                range.end = noise.range.end;
            }
            _ => {
                if let Some((_, range)) = run.take() {
                    folds.extend(fold(&conv, text, range, FoldingRangeKind::Comment, None));
                }
                run = Some((noise.kind, noise.range));
            }
        }
    }
    if let Some((_, range)) = run {
        folds.extend(fold(&conv, text, range, FoldingRangeKind::Comment, None));
    }
    folds.sort_by_key(|f| (f.start_line, std::cmp::Reverse(f.end_line)));
    folds.dedup_by_key(|f| (f.start_line, f.end_line));
    folds
}

fn fold(
    conv: &Converter<'_>,
    text: &str,
    range: TextRange,
    kind: FoldingRangeKind,
    collapsed_text: Option<String>,
) -> Option<FoldingRange> {
    // Trailing blank lines belong to no one's fold.
    let end = range.start + range.slice(text).trim_end().len();
    let start_line = conv.line(range.start);
    let end_line = conv.line(end);
    (end_line > start_line).then_some(FoldingRange {
        start_line,
        start_character: None,
        end_line,
        end_character: None,
        kind: Some(kind),
        collapsed_text,
    })
}
