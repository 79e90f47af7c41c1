//! The capabilities exchanged at `initialize`: what the client can do
//! ([`Session`], read once) and what the server offers ([`capabilities`]).

use tower_lsp::lsp_types::*;

use super::encoding;
use crate::text::Encoding;

/// What the client told us at `initialize`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Session {
    pub(crate) encoding: Encoding,
    /// The client pulls diagnostics (`textDocument/diagnostic`); we then do
    /// not push them as well, or it would show each twice.
    pub(crate) pull_diagnostics: bool,
    /// The client answers `workspace/configuration`.
    pub(crate) configuration: bool,
    /// The client takes versioned `documentChanges` in workspace edits.
    pub(crate) document_changes: bool,
    /// The client pulls again on `workspace/diagnostic/refresh`.
    pub(crate) diagnostic_refresh: bool,
    /// The client resolves a code action's `edit` (`codeAction/resolve`)
    /// and keeps its `data` until then: fixes that are costly to carry
    /// (renumbering a list) are then computed when chosen.
    pub(crate) resolve_edits: bool,
}

impl Session {
    pub(crate) fn new(capabilities: &ClientCapabilities) -> Self {
        Self {
            encoding: encoding::negotiate(capabilities),
            pull_diagnostics: capabilities
                .text_document
                .as_ref()
                .is_some_and(|t| t.diagnostic.is_some()),
            configuration: capabilities
                .workspace
                .as_ref()
                .and_then(|w| w.configuration)
                .unwrap_or(false),
            document_changes: capabilities
                .workspace
                .as_ref()
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|e| e.document_changes)
                .unwrap_or(false),
            diagnostic_refresh: capabilities
                .workspace
                .as_ref()
                .and_then(|w| w.diagnostic.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
            resolve_edits: capabilities
                .text_document
                .as_ref()
                .and_then(|t| t.code_action.as_ref())
                .is_some_and(|c| {
                    c.data_support == Some(true)
                        && c.resolve_support
                            .as_ref()
                            .is_some_and(|r| r.properties.iter().any(|p| p == "edit"))
                }),
        }
    }
}

impl Default for Session {
    /// Before `initialize`: UTF-16, pushed diagnostics, no client features.
    fn default() -> Self {
        Self {
            encoding: Encoding::Utf16,
            pull_diagnostics: false,
            configuration: false,
            document_changes: false,
            diagnostic_refresh: false,
            resolve_edits: false,
        }
    }
}

/// What the server offers a client with `session`'s capabilities.
pub(crate) fn capabilities(session: Session) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding::kind(session.encoding)),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                ..Default::default()
            },
        )),
        document_symbol_provider: Some(OneOf::Right(DocumentSymbolOptions {
            label: Some("baogao".to_owned()),
            work_done_progress_options: Default::default(),
        })),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                super::code_action::fix_all_kind(),
            ]),
            resolve_provider: Some(session.resolve_edits),
            work_done_progress_options: Default::default(),
        })),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        selection_range_provider: Some(SelectionRangeProviderCapability::Simple(true)),
        diagnostic_provider: session.pull_diagnostics.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("baogao".to_owned()),
                inter_file_dependencies: false,
                workspace_diagnostics: false,
                work_done_progress_options: Default::default(),
            })
        }),
        ..Default::default()
    }
}
