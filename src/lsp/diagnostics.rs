//! The diagnostics of one analysis, for `publishDiagnostics` and for
//! `textDocument/diagnostic`.

use tower_lsp::lsp_types::{Diagnostic, DiagnosticSeverity, NumberOrString, Position, Range};

use super::analysis::Analysis;
use super::config::Settings;
use crate::text::Encoding;

pub(crate) const SOURCE: &str = "baogao";

pub(crate) fn to_proto(
    analysis: &Analysis,
    _settings: &Settings,
    _encoding: Encoding,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(why) = &analysis.failure {
        // Said once, at the top: the outline is empty for a reason.
        out.push(Diagnostic {
            range: Range::new(Position::new(0, 0), Position::new(0, 0)),
            severity: Some(DiagnosticSeverity::ERROR),
            code: Some(NumberOrString::String("internal".to_owned())),
            source: Some(SOURCE.to_owned()),
            message: format!("baogao could not analyse this text (a bug; please report it): {why}"),
            ..Default::default()
        });
    }
    out
}
