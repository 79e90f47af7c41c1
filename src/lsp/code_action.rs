//! `textDocument/codeAction`: the quick fixes the rules attach to their
//! findings, as workspace edits on the version they were computed for.

use std::collections::HashMap;

use tower_lsp::lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, Range, TextDocumentEdit, TextEdit, Url, WorkspaceEdit,
};

use super::analysis::Analysed;
use super::diagnostics;
use super::log;
use crate::rules::Fix;
use crate::text::Encoding;

pub(crate) struct Request<'a> {
    pub(crate) uri: &'a Url,
    pub(crate) range: Range,
    /// The kinds the client asked for (`context.only`), if it narrowed them.
    pub(crate) only: Option<&'a [CodeActionKind]>,
    pub(crate) encoding: Encoding,
    /// The client takes versioned `documentChanges`: the edit is then
    /// refused if the document changed since.
    pub(crate) document_changes: bool,
}

pub(crate) fn code_actions(analysis: &Analysed, request: &Request<'_>) -> Vec<CodeActionOrCommand> {
    let wanted = |kind: &CodeActionKind| {
        request
            .only
            .is_none_or(|only| only.iter().any(|o| kind.as_str().starts_with(o.as_str())))
    };
    if !wanted(&CodeActionKind::QUICKFIX) {
        return Vec::new();
    }
    let conv = analysis.converter(request.encoding);
    let asked = conv.text_range(request.range);
    let mut actions = Vec::new();
    for finding in &analysis.findings {
        // A cursor touching the finding's span, or a selection overlapping it.
        let hit = finding.range.touches(asked.start)
            || (asked.start < finding.range.end && finding.range.start < asked.end);
        if !hit || finding.fixes.is_empty() {
            continue;
        }
        let diagnostic = diagnostics::diagnostic(&conv, request.uri, finding);
        let single = finding.fixes.len() == 1;
        for fix in &finding.fixes {
            if overlaps(fix) {
                log::error(format_args!(
                    "{}: fix {:?} has overlapping edits; not offered",
                    finding.code, fix.title
                ));
                continue;
            }
            let edits: Vec<TextEdit> = fix
                .edits
                .iter()
                .map(|e| TextEdit::new(conv.range(e.range), e.new_text.clone()))
                .collect();
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(workspace_edit(analysis, request, edits)),
                is_preferred: Some(single),
                ..Default::default()
            }));
        }
    }
    actions
}

fn workspace_edit(
    analysis: &Analysed,
    request: &Request<'_>,
    edits: Vec<TextEdit>,
) -> WorkspaceEdit {
    if request.document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: request.uri.clone(),
                    version: Some(analysis.version),
                },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..Default::default()
        }
    } else {
        WorkspaceEdit {
            changes: Some(HashMap::from([(request.uri.clone(), edits)])),
            ..Default::default()
        }
    }
}

/// Clients refuse a text edit list whose ranges overlap.
fn overlaps(fix: &Fix) -> bool {
    let mut ranges: Vec<_> = fix.edits.iter().map(|e| e.range).collect();
    ranges.sort();
    ranges.windows(2).any(|pair| match pair {
        [a, b] => b.start < a.end,
        _ => false,
    })
}
