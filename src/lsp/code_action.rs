//! `textDocument/codeAction`: the quick fixes the rules attach to their
//! findings, as workspace edits on the version they were computed for.
//! A fix the rules compute on demand (renumbering a list) is offered
//! without its edit to a client that resolves one (`codeAction/resolve`),
//! with [`Data`] naming it, and computed in [`resolve`].

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use tower_lsp::lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, Range, TextDocumentEdit, TextEdit, Url, WorkspaceEdit,
};

use super::analysis::Analysed;
use super::diagnostics;
use super::log;
use crate::rules::{self, Family, Finding, Fix, Renumbering, RENUMBER_TITLE};
use crate::text::{Encoding, TextRange};

pub(crate) struct Request<'a> {
    pub(crate) uri: &'a Url,
    pub(crate) range: Range,
    /// The kinds the client asked for (`context.only`), if it narrowed them.
    pub(crate) only: Option<&'a [CodeActionKind]>,
    pub(crate) encoding: Encoding,
    /// The client takes versioned `documentChanges`: the edit is then
    /// refused if the document changed since.
    pub(crate) document_changes: bool,
    /// The client resolves an action's edit: fixes computed on demand are
    /// offered without it.
    pub(crate) resolve: bool,
}

/// What names an action offered without its edit: the document's version,
/// the finding (code and byte range in that version) and which of its
/// fixes (the carried ones first, then the one computed on demand).
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Data {
    pub(crate) uri: Url,
    pub(crate) version: i32,
    pub(crate) code: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) fix: usize,
}

impl Data {
    pub(crate) fn of(action: &CodeAction) -> Option<Data> {
        serde_json::from_value(action.data.clone()?).ok()
    }
}

pub(crate) fn code_actions(analysis: &Analysed, request: &Request<'_>) -> Vec<CodeActionOrCommand> {
    let wanted = |kind: &CodeActionKind| {
        request
            .only
            .is_none_or(|only| only.iter().any(|o| kind.as_str().starts_with(o.as_str())))
    };
    let mut actions = Vec::new();
    // A source action only when asked for by kind (`source`, `source.fixAll`
    // from an editor's on-save actions), not at every cursor.
    if request.only.is_some() && wanted(&fix_all_kind()) {
        actions.extend(fix_all(analysis, request));
    }
    if !wanted(&CodeActionKind::QUICKFIX) {
        return actions;
    }
    let conv = analysis.converter(request.encoding);
    let asked = conv.text_range(request.range);
    let renumbering = Renumbering::new(&analysis.text, &analysis.document);
    for finding in &analysis.findings {
        // A cursor touching the finding's span, or a selection overlapping it.
        let hit = finding.range.touches(asked.start)
            || (asked.start < finding.range.end && finding.range.start < asked.end);
        if !hit || (finding.fixes().is_empty() && finding.renumber().is_none()) {
            continue;
        }
        let diagnostic = diagnostics::diagnostic(&conv, request.uri, finding);
        let single = finding.fixes().len() + usize::from(finding.renumber().is_some()) == 1;
        let action = |title: &str, edit: Option<WorkspaceEdit>, data: Option<Data>| {
            CodeActionOrCommand::CodeAction(CodeAction {
                title: title.to_owned(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit,
                is_preferred: Some(single),
                data: data.and_then(|d| serde_json::to_value(d).ok()),
                ..Default::default()
            })
        };
        for fix in finding.fixes() {
            if let Some(edit) = edit_of(analysis, request, finding, fix) {
                actions.push(action(&fix.title, Some(edit), None));
            }
        }
        let Some(renumber) = finding.renumber() else {
            continue;
        };
        if request.resolve {
            let data = Data {
                uri: request.uri.clone(),
                version: analysis.version,
                code: finding.code.to_owned(),
                start: finding.range.start,
                end: finding.range.end,
                fix: finding.fixes().len(),
            };
            actions.push(action(RENUMBER_TITLE, None, Some(data)));
        } else if let Some(fix) = renumbering.fix(renumber) {
            if let Some(edit) = edit_of(analysis, request, finding, &fix) {
                actions.push(action(&fix.title, Some(edit), None));
            }
        }
    }
    actions
}

/// The kind of the fix-all action, `source.fixAll.baogao`.
pub(crate) fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.baogao")
}

/// One action applying every fix whose text is certain: the only fix of a
/// punctuation or number-form finding. A fix whose edits overlap one
/// already taken is left out (the edits of one workspace edit may not).
fn fix_all(analysis: &Analysed, request: &Request<'_>) -> Option<CodeActionOrCommand> {
    // Taken edits by start, with their ends; they never overlap each other.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let clashes = |taken: &BTreeMap<usize, usize>, r: TextRange| {
        taken.contains_key(&r.start)
            || taken
                .range(..r.end.max(r.start + 1))
                .next_back()
                .is_some_and(|(_, &end)| end > r.start)
    };
    let mut fixes = Vec::new();
    for finding in &analysis.findings {
        let [fix] = finding.fixes() else {
            continue;
        };
        let certain = rules::lookup(finding.code)
            .is_some_and(|doc| matches!(doc.family, Family::Punctuation | Family::Numbers));
        if !certain
            || fix.has_overlapping_edits()
            || fix.edits.iter().any(|e| clashes(&taken, e.range))
        {
            continue;
        }
        taken.extend(fix.edits.iter().map(|e| (e.range.start, e.range.end)));
        fixes.push(fix);
    }
    if fixes.is_empty() {
        return None;
    }
    let conv = analysis.converter(request.encoding);
    let mut edits: Vec<_> = fixes.iter().flat_map(|fix| &fix.edits).collect();
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let edits = edits
        .into_iter()
        .map(|e| TextEdit::new(conv.range(e.range), e.new_text.clone()))
        .collect();
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title: format!("修复全部标点和数字用法问题（{}处）", fixes.len()),
        kind: Some(fix_all_kind()),
        edit: Some(workspace_edit(analysis, request, edits)),
        ..Default::default()
    }))
}

/// `action` with the edit its [`Data`] names, computed on `analysis`, the
/// document's current version; as it was, without an edit, if the document
/// changed since it was offered or the fix is gone.
pub(crate) fn resolve(
    analysis: &Analysed,
    mut action: CodeAction,
    data: &Data,
    request: &Request<'_>,
) -> CodeAction {
    if data.version != analysis.version {
        return action;
    }
    let Some(finding) = analysis
        .findings
        .iter()
        .find(|f| f.code == data.code && f.range.start == data.start && f.range.end == data.end)
    else {
        return action;
    };
    let computed;
    let fix = match finding.fixes().get(data.fix) {
        Some(fix) => fix,
        None if data.fix == finding.fixes().len() => {
            let renumbering = Renumbering::new(&analysis.text, &analysis.document);
            let Some(fix) = finding.renumber().and_then(|r| renumbering.fix(r)) else {
                return action;
            };
            computed = fix;
            &computed
        }
        None => return action,
    };
    action.edit = edit_of(analysis, request, finding, fix);
    action
}

/// The workspace edit of `fix`, or `None` (logged) if its edits overlap.
fn edit_of(
    analysis: &Analysed,
    request: &Request<'_>,
    finding: &Finding,
    fix: &Fix,
) -> Option<WorkspaceEdit> {
    if fix.has_overlapping_edits() {
        log::error(format_args!(
            "{}: fix {:?} has overlapping edits; not offered",
            finding.code, fix.title
        ));
        return None;
    }
    let conv = analysis.converter(request.encoding);
    let edits: Vec<TextEdit> = fix
        .edits
        .iter()
        .map(|e| TextEdit::new(conv.range(e.range), e.new_text.clone()))
        .collect();
    Some(workspace_edit(analysis, request, edits))
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
