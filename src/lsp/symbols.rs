//! `textDocument/documentSymbol` (the editor's Outline view) and
//! `workspace/symbol`: each report is a root, its parts and headings nest
//! below as the core's outline tree has them.
//!
//! Symbol kinds by role: report → Module, standard part → Namespace,
//! 一、 → Class, （一） → Method, 1. → Function, （1） → Property, inline
//! item or lead sentence → Field. The detail names the part and counts the
//! figures the section claims.

use tower_lsp::lsp_types::{DocumentSymbol, Location, SymbolInformation, SymbolKind, Url};

use super::analysis::Analysed;
use super::encoding::Converter;
use crate::report::{Level, Node, Report};
use crate::text::{Encoding, TextRange};

pub(crate) fn document_symbols(analysis: &Analysed, encoding: Encoding) -> Vec<DocumentSymbol> {
    let conv = analysis.converter(encoding);
    analysis
        .document
        .reports
        .iter()
        .map(|report| report_symbol(analysis, &conv, report))
        .collect()
}

fn report_symbol(analysis: &Analysed, conv: &Converter<'_>, report: &Report) -> DocumentSymbol {
    let title = report.title.as_ref();
    let heading = title.map_or(TextRange::empty(report.range.start), |t| t.range);
    let mut detail = report.kind.name().to_owned();
    if report.fragment {
        detail.push_str(" · 片段");
    }
    let figures = analysis.figures.count_in(report.range);
    if figures > 0 {
        detail.push_str(&format!(" · {figures} 项数据"));
    }
    symbol(
        conv,
        report.name(),
        Some(detail),
        SymbolKind::MODULE,
        report.range,
        heading,
        report
            .nodes
            .iter()
            .map(|node| node_symbol(analysis, conv, node))
            .collect(),
    )
}

fn node_symbol(analysis: &Analysed, conv: &Converter<'_>, node: &Node) -> DocumentSymbol {
    symbol(
        conv,
        node.name(&analysis.text),
        node_detail(analysis, node),
        kind(node),
        node.range,
        node.heading,
        node.children
            .iter()
            .map(|child| node_symbol(analysis, conv, child))
            .collect(),
    )
}

/// The part a node is, and how many figures its section claims.
fn node_detail(analysis: &Analysed, node: &Node) -> Option<String> {
    let part = node.part.map(|p| p.name());
    match (part, analysis.figures.count_in(node.range)) {
        (None, 0) => None,
        (Some(part), 0) => Some(part.to_owned()),
        (None, n) => Some(format!("{n} 项数据")),
        (Some(part), n) => Some(format!("{part} · {n} 项数据")),
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must be named to build one.
fn symbol(
    conv: &Converter<'_>,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: TextRange,
    heading: TextRange,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: conv.range(range),
        // Clients reject a selection range outside the symbol's range.
        selection_range: conv.range(clamp_into(heading, range)),
        children: Some(children),
    }
}

pub(crate) fn kind(node: &Node) -> SymbolKind {
    if node.part.is_some() {
        return SymbolKind::NAMESPACE;
    }
    match node.level {
        Level::Part => SymbolKind::NAMESPACE,
        Level::H1 => SymbolKind::CLASS,
        Level::H2 => SymbolKind::METHOD,
        Level::H3 => SymbolKind::FUNCTION,
        Level::H4 => SymbolKind::PROPERTY,
        Level::Item => SymbolKind::FIELD,
    }
}

fn clamp_into(inner: TextRange, outer: TextRange) -> TextRange {
    let start = inner.start.clamp(outer.start, outer.end);
    let end = inner.end.clamp(start, outer.end);
    TextRange::new(start, end)
}

/// Every report and node of one document whose name matches `query`, with
/// the heading it sits under as its container.
pub(crate) fn workspace_symbols(
    analysis: &Analysed,
    uri: &Url,
    query: &str,
    encoding: Encoding,
) -> Vec<SymbolInformation> {
    let conv = analysis.converter(encoding);
    let mut out = Vec::new();
    for report in &analysis.document.reports {
        let report_name = report.name();
        let heading = report.title.as_ref().map_or(report.range, |t| t.range);
        if matches(&report_name, query) {
            out.push(information(
                &conv,
                uri,
                report_name.clone(),
                SymbolKind::MODULE,
                heading,
                None,
            ));
        }
        let mut stack: Vec<(&Node, String)> = report
            .nodes
            .iter()
            .rev()
            .map(|n| (n, report_name.clone()))
            .collect();
        while let Some((node, container)) = stack.pop() {
            let name = node.name(&analysis.text);
            stack.extend(node.children.iter().rev().map(|c| (c, name.clone())));
            if matches(&name, query) {
                out.push(information(
                    &conv,
                    uri,
                    name,
                    kind(node),
                    node.heading,
                    Some(container),
                ));
            }
        }
    }
    out
}

#[allow(deprecated)] // `SymbolInformation::deprecated` must be named to build one.
fn information(
    conv: &Converter<'_>,
    uri: &Url,
    name: String,
    kind: SymbolKind,
    range: TextRange,
    container_name: Option<String>,
) -> SymbolInformation {
    SymbolInformation {
        name,
        kind,
        tags: None,
        deprecated: None,
        location: Location::new(uri.clone(), conv.range(range)),
        container_name,
    }
}

/// The query's characters appear in the name in order, ignoring case and
/// spaces: `工作回顾` finds `2022年工作回顾`, `gzhg` finds nothing.
fn matches(name: &str, query: &str) -> bool {
    let mut name = name.chars().flat_map(char::to_lowercase);
    query
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .all(|q| name.any(|c| c == q))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_matches_characters_in_order() {
        assert!(matches("2022年工作回顾", "工作回顾"));
        assert!(matches("2022年工作回顾", "22回顾"));
        assert!(matches("Review", "rv"));
        assert!(matches("任何", ""));
        assert!(!matches("2022年工作回顾", "回顾工作"));
    }
}
