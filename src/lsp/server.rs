//! The `LanguageServer` implementation: the lifecycle, settings, scheduled
//! diagnostics and the dispatch of each request to its feature module. The
//! documents live in `store.rs`, the capabilities in `capabilities.rs`.
//!
//! Architecture invariant: `didChange` applies its edits before its first
//! `.await`; the store's lock is never held across one.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serde_json::Value;
use tower_lsp::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

use super::analysis::Analysed;
use super::capabilities::{capabilities, Session};
use super::config::Settings;
use super::document::{Change, Clamp, TextDocument};
use super::encoding::line_col;
use super::store::{Entry, State};
use super::{code_action, diagnostics, folding, hover, log, selection, symbols};

pub(crate) struct Server {
    client: Client,
    state: Arc<State>,
}

impl Server {
    pub(crate) fn new(client: Client) -> Self {
        Self {
            client,
            state: Arc::new(State::new()),
        }
    }

    /// Set once `shutdown` is requested: `exit` then ends with status 0.
    pub(crate) fn shutdown_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.state.shutdown)
    }

    fn session(&self) -> Session {
        self.state.session()
    }

    fn settings(&self) -> Arc<Settings> {
        self.state.settings()
    }

    /// The analysis of a document's current version; `None` for a document
    /// that is open but not served (another language).
    async fn analysed(&self, uri: &Url) -> Result<Option<Arc<Analysed>>> {
        let snapshot = self.state.snapshot(uri).ok_or_else(|| not_open(uri))?;
        if !snapshot.served {
            return Ok(None);
        }
        Ok(Some(self.state.analysed(snapshot).await))
    }

    /// Schedules diagnostics for `uri`'s current version after the debounce
    /// delay. Runs synchronously up to the spawn, so callers stay free of
    /// `.await` while they hold no lock.
    fn schedule_diagnostics(&self, uri: &Url) {
        if self.session().pull_diagnostics {
            return;
        }
        let state = Arc::clone(&self.state);
        let client = self.client.clone();
        let delay = self.settings().debounce;
        let mut documents = self.state.documents();
        let Some(entry) = documents.get_mut(uri) else {
            return;
        };
        if !entry.served {
            return;
        }
        if let Some(task) = entry.diagnostics.take() {
            task.abort();
        }
        let uri = uri.clone();
        entry.diagnostics = Some(tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            let Some(snapshot) = state.snapshot(&uri) else {
                return;
            };
            let analysis = state.analysed(snapshot).await;
            let version = analysis.version;
            let max = state.settings().max_diagnostics;
            let items = diagnostics::to_proto(&analysis, &uri, state.session().encoding, max);
            // Publish only if this is still the document's version: a newer
            // edit has aborted this task or will publish its own.
            if state.current_version(&uri) != Some(version) {
                return;
            }
            client.publish_diagnostics(uri, items, Some(version)).await;
        }));
    }

    async fn log_clamps(&self, uri: &Url, clamps: Vec<Clamp>) {
        for clamp in clamps {
            let what = match clamp {
                Clamp::Reversed => "a range whose start is after its end (applied swapped)",
                Clamp::PastEnd => "a position past the end of the document (clamped to the end)",
                Clamp::InsideChar => "a column inside a character (moved to the character's start)",
            };
            let message = format!("didChange for {uri}: {what}");
            log::warn(&message);
            self.client.log_message(MessageType::WARNING, message).await;
        }
    }

    /// Reads settings from a `workspace/configuration` reply or a
    /// `didChangeConfiguration` payload and applies them.
    async fn apply_settings(&self, value: &Value) {
        let (settings, problems) = Settings::from_json(value);
        for problem in problems {
            log::warn(&problem);
            self.client
                .show_message(MessageType::WARNING, problem)
                .await;
        }
        self.state.set_settings(settings);
        self.refresh_all().await;
    }

    /// After a settings change: re-decide which documents are served, forget
    /// analyses that depended on the old settings, republish diagnostics
    /// (and clear them from documents no longer served).
    async fn refresh_all(&self) {
        let settings = self.settings();
        let mut dropped = Vec::new();
        let uris: Vec<Url> = {
            let mut documents = self.state.documents();
            for (uri, entry) in documents.iter_mut() {
                let served = settings.serves(entry.document.language_id(), path_of(uri).as_deref());
                if entry.served && !served {
                    dropped.push(uri.clone());
                }
                entry.invalidate();
                entry.served = served;
            }
            documents.keys().cloned().collect()
        };
        for uri in &uris {
            self.schedule_diagnostics(uri);
        }
        if !self.session().pull_diagnostics {
            for uri in dropped {
                self.client.publish_diagnostics(uri, Vec::new(), None).await;
            }
        }
        // Pulling clients without refresh support pull again on their next
        // edit; pushed diagnostics were rescheduled above.
        if self.session().diagnostic_refresh {
            let client = self.client.clone();
            tokio::spawn(async move {
                if let Err(err) = client.workspace_diagnostic_refresh().await {
                    log::warn(format_args!("workspace/diagnostic/refresh failed: {err}"));
                }
            });
        }
    }
}

fn not_open(uri: &Url) -> Error {
    Error {
        code: ErrorCode::InvalidParams,
        message: format!("document not open: {uri}").into(),
        data: None,
    }
}

fn path_of(uri: &Url) -> Option<String> {
    uri.to_file_path()
        .ok()
        .map(|p| p.to_string_lossy().into_owned())
        .or_else(|| Some(uri.path().to_owned()))
}

#[tower_lsp::async_trait]
impl LanguageServer for Server {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let session = Session::new(&params.capabilities);
        let _ = self.state.session.set(session);
        if let Some(options) = &params.initialization_options {
            let (settings, problems) = Settings::from_json(options);
            for problem in problems {
                log::warn(problem);
            }
            self.state.set_settings(settings);
        }
        log::info(format_args!(
            "initialize: client {}, position encoding {:?}, {} diagnostics",
            params
                .client_info
                .as_ref()
                .map_or("unknown", |c| c.name.as_str()),
            session.encoding,
            if session.pull_diagnostics {
                "pull"
            } else {
                "push"
            },
        ));
        Ok(InitializeResult {
            capabilities: capabilities(session),
            server_info: Some(ServerInfo {
                name: env!("CARGO_PKG_NAME").to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        if self.session().configuration {
            self.pull_settings();
        }
    }

    async fn shutdown(&self) -> Result<()> {
        self.state.shutdown.store(true, Ordering::SeqCst);
        let mut documents = self.state.documents();
        for entry in documents.values_mut() {
            if let Some(task) = entry.diagnostics.take() {
                task.abort();
            }
        }
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let path = path_of(&item.uri);
        let document = TextDocument::new(&item.text, item.version, item.language_id);
        let replaced = {
            let mut documents = self.state.documents();
            // Decided under the store's lock: a settings change (applied by
            // another task) is stored before `refresh_all` re-decides every
            // entry under this lock, so the document is either decided here
            // on the new settings or re-decided there, never left behind.
            let served = self
                .settings()
                .serves(document.language_id(), path.as_deref());
            let previous = documents.insert(item.uri.clone(), Entry::new(document, served));
            previous.map(|mut e| e.invalidate()).is_some()
        };
        self.schedule_diagnostics(&item.uri);
        if replaced {
            log::warn(format_args!(
                "didOpen of {}, which was already open: replaced",
                item.uri
            ));
        }
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let encoding = self.session().encoding;
        // Everything up to the spawn in `schedule_diagnostics` is synchronous:
        // this change is applied before any later message is looked at.
        let outcome = {
            let mut documents = self.state.documents();
            match documents.get_mut(&uri) {
                None => Err(format!("didChange for {uri}, which is not open: ignored")),
                Some(entry) if version <= entry.document.version() => Err(format!(
                    "didChange for {uri} with version {version}, not newer than {}: ignored",
                    entry.document.version()
                )),
                Some(entry) => {
                    let clamps: Vec<Clamp> = params
                        .content_changes
                        .iter()
                        .filter_map(|change| {
                            let change = Change {
                                range: change.range.map(|r| (line_col(r.start), line_col(r.end))),
                                text: &change.text,
                            };
                            entry.document.apply(&change, encoding)
                        })
                        .collect();
                    entry.document.set_version(version);
                    entry.invalidate();
                    Ok(clamps)
                }
            }
        };
        match outcome {
            Ok(clamps) => {
                self.schedule_diagnostics(&uri);
                self.log_clamps(&uri, clamps).await;
            }
            Err(message) => {
                log::warn(&message);
                self.client.log_message(MessageType::WARNING, message).await;
            }
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let removed = self.state.documents().remove(&uri);
        let Some(mut entry) = removed else {
            log::warn(format_args!(
                "didClose for {uri}, which is not open: ignored"
            ));
            return;
        };
        entry.invalidate();
        if entry.served && !self.session().pull_diagnostics {
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        if self.session().configuration {
            // The payload may be empty or partial (VS Code sends only the
            // synchronized sections): ask for the section itself.
            self.pull_settings();
            return;
        }
        let section = params.settings.get("baogao").unwrap_or(&params.settings);
        self.apply_settings(section).await;
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let Some(analysis) = self.analysed(&params.text_document.uri).await? else {
            return Ok(None);
        };
        let symbols = symbols::document_symbols(&analysis, self.session().encoding);
        Ok(Some(DocumentSymbolResponse::Nested(symbols)))
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<Vec<SymbolInformation>>> {
        let encoding = self.session().encoding;
        let mut found = Vec::new();
        for (uri, snapshot) in self.state.served_snapshots() {
            let analysis = self.state.analysed(snapshot).await;
            found.extend(symbols::workspace_symbols(
                &analysis,
                &uri,
                &params.query,
                encoding,
            ));
        }
        Ok(Some(found))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = &params.text_document.uri;
        let Some(analysis) = self.analysed(uri).await? else {
            return Ok(None);
        };
        let session = self.session();
        let request = code_action::Request {
            uri,
            range: params.range,
            only: params.context.only.as_deref(),
            encoding: session.encoding,
            document_changes: session.document_changes,
            resolve: session.resolve_edits,
        };
        Ok(Some(code_action::code_actions(&analysis, &request)))
    }

    async fn code_action_resolve(&self, action: CodeAction) -> Result<CodeAction> {
        let Some(data) = code_action::Data::of(&action) else {
            return Ok(action);
        };
        // A document closed since keeps the action as it was, with no edit.
        let Ok(Some(analysis)) = self.analysed(&data.uri).await else {
            return Ok(action);
        };
        let session = self.session();
        let request = code_action::Request {
            uri: &data.uri,
            range: Range::default(),
            only: None,
            encoding: session.encoding,
            document_changes: session.document_changes,
            resolve: false,
        };
        Ok(code_action::resolve(&analysis, action, &data, &request))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let at = params.text_document_position_params;
        let Some(analysis) = self.analysed(&at.text_document.uri).await? else {
            return Ok(None);
        };
        Ok(hover::hover(
            &analysis,
            at.position,
            self.session().encoding,
        ))
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        let Some(analysis) = self.analysed(&params.text_document.uri).await? else {
            return Ok(None);
        };
        Ok(Some(folding::folding_ranges(
            &analysis,
            self.session().encoding,
        )))
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = &params.text_document.uri;
        let items = match self.analysed(uri).await? {
            Some(analysis) => diagnostics::to_proto(
                &analysis,
                uri,
                self.session().encoding,
                self.settings().max_diagnostics,
            ),
            None => Vec::new(),
        };
        // Always a full report: results depend on settings as well as on
        // the text, so a version alone cannot prove them unchanged.
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: None,
                    items,
                },
            }),
        ))
    }

    async fn selection_range(
        &self,
        params: SelectionRangeParams,
    ) -> Result<Option<Vec<SelectionRange>>> {
        let Some(analysis) = self.analysed(&params.text_document.uri).await? else {
            return Ok(None);
        };
        let encoding = self.session().encoding;
        Ok(Some(
            params
                .positions
                .iter()
                .map(|&p| selection::selection_range(&analysis, p, encoding))
                .collect(),
        ))
    }
}

impl Server {
    /// Asks the client for the `baogao` section, in a task of its own: the
    /// reply is read by the loop that runs notification handlers.
    fn pull_settings(&self) {
        let server = Server {
            client: self.client.clone(),
            state: Arc::clone(&self.state),
        };
        tokio::spawn(async move {
            let item = ConfigurationItem {
                scope_uri: None,
                section: Some("baogao".to_owned()),
            };
            match server.client.configuration(vec![item]).await {
                Ok(values) => {
                    let value = values.into_iter().next().unwrap_or(Value::Null);
                    server.apply_settings(&value).await;
                }
                Err(err) => log::warn(format_args!("workspace/configuration failed: {err}")),
            }
        });
    }
}
