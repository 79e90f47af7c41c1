//! The diagnostics of one analysis, for `publishDiagnostics` and for
//! `textDocument/diagnostic`: one per rule finding (code, link to the rule's
//! documentation, related places), plus one at the top when a `baogao.toml`
//! could not be read, the analysis itself failed, the document is too large
//! for the rules or it has more findings than are published.

use tower_lsp::lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, Range, Url,
};

use super::analysis::Analysed;
use super::encoding::Converter;
use crate::rules::{self, Finding, RuleDoc, Severity};
use crate::text::Encoding;

pub(crate) const SOURCE: &str = "baogao";

/// The diagnostics of `analysis`: the notices at the top, then at most
/// `max` findings, the first by position (findings are in text order).
pub(crate) fn to_proto(
    analysis: &Analysed,
    uri: &Url,
    encoding: Encoding,
    max: usize,
) -> Vec<Diagnostic> {
    let conv = analysis.converter(encoding);
    let mut out = Vec::new();
    if let Some(why) = &analysis.config_error {
        out.push(at_top(
            "config",
            DiagnosticSeverity::ERROR,
            format!("{why} (the editor's settings are used instead)"),
        ));
    }
    if let Some(why) = &analysis.failure {
        out.push(at_top(
            "internal",
            DiagnosticSeverity::ERROR,
            format!("baogao could not analyse this text (a bug; please report it): {why}"),
        ));
    }
    if let Some(limit) = analysis.too_large {
        out.push(at_top(
            "size",
            DiagnosticSeverity::INFORMATION,
            format!(
                "this document has {} bytes, more than baogao.maxDocumentSize ({limit}): \
                 it has its outline, but the rules were not run",
                analysis.text.len()
            ),
        ));
    }
    out.extend(
        analysis
            .findings
            .iter()
            .take(max)
            .map(|finding| diagnostic(&conv, uri, finding)),
    );
    let left_out = analysis.findings.len().saturating_sub(max);
    if left_out > 0 {
        out.push(at_top(
            "limit",
            DiagnosticSeverity::INFORMATION,
            format!(
                "{left_out} more findings are not shown: the first {max} by position are \
                 (baogao.maxDiagnostics)"
            ),
        ));
    }
    out
}

pub(crate) fn diagnostic(conv: &Converter<'_>, uri: &Url, finding: &Finding) -> Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = finding
        .related()
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), conv.range(r.range)),
            message: r.message.to_string(),
        })
        .collect();
    Diagnostic {
        range: conv.range(finding.range),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.code.to_owned())),
        code_description: rules::lookup(finding.code)
            .and_then(RuleDoc::url)
            .and_then(|url| Url::parse(&url).ok())
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_owned()),
        message: finding.message.to_string(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// A problem with the whole document, shown on its first line.
fn at_top(code: &str, severity: DiagnosticSeverity, message: String) -> Diagnostic {
    Diagnostic {
        range: Range::new(Position::new(0, 0), Position::new(0, 0)),
        severity: Some(severity),
        code: Some(NumberOrString::String(code.to_owned())),
        source: Some(SOURCE.to_owned()),
        message,
        ..Default::default()
    }
}
