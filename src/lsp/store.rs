//! The document store: every open document with its rope, whether it is
//! served, and the work attached to its current version (the shared
//! analysis cell, the per-report cache, the pending diagnostics run),
//! beside the session's settings.
//!
//! Architecture invariant: the store's lock is only ever taken in short
//! synchronous sections, never across an `.await`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError, RwLock};

use ropey::Rope;
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;
use tower_lsp::lsp_types::Url;

use super::analysis::{self, Analysed, Cell, Inputs};
use super::capabilities::Session;
use super::config::Settings;
use super::document::TextDocument;
use crate::analysis::Cache;

pub(crate) struct State {
    documents: Mutex<HashMap<Url, Entry>>,
    /// Set once, at `initialize`.
    pub(crate) session: OnceLock<Session>,
    settings: RwLock<Arc<Settings>>,
    /// Set once `shutdown` is requested.
    pub(crate) shutdown: Arc<AtomicBool>,
    /// Bounds the analyses running at once (see `analysis::compute_once`).
    analysis_slots: Arc<Semaphore>,
}

/// Texts beyond this many bytes have their stale analyses freed off-thread.
const LARGE_TEXT: usize = 1 << 20;

/// One open document and the work attached to its current version.
pub(crate) struct Entry {
    pub(crate) document: TextDocument,
    /// The document is one the settings say to analyse.
    pub(crate) served: bool,
    analysis: Cell,
    /// The last analysed version's results, report by report, kept across
    /// versions.
    reports: Arc<std::sync::Mutex<Cache>>,
    /// The pending diagnostics run for this version, if any.
    pub(crate) diagnostics: Option<JoinHandle<()>>,
}

impl Entry {
    pub(crate) fn new(document: TextDocument, served: bool) -> Self {
        Self {
            document,
            served,
            analysis: Cell::default(),
            reports: Arc::default(),
            diagnostics: None,
        }
    }

    /// Forgets everything computed for the previous text.
    pub(crate) fn invalidate(&mut self) {
        let old = std::mem::take(&mut self.analysis);
        // Freeing the analysis of a large text (its copy of the text, tens of
        // thousands of nodes and figures) takes long enough to delay the edit
        // that made it stale: leave that to a blocking thread.
        if old.get().is_some_and(|a| a.text.len() > LARGE_TEXT) {
            tokio::task::spawn_blocking(move || drop(old));
        }
        if let Some(task) = self.diagnostics.take() {
            task.abort();
        }
    }
}

/// A document's current version and what is needed to analyse it, taken
/// from the store so the lock can be released before analysing.
pub(crate) struct Snapshot {
    cell: Cell,
    reports: Arc<std::sync::Mutex<Cache>>,
    rope: Rope,
    version: i32,
    pub(crate) served: bool,
    /// The document's file, if it is one (for `baogao.toml` discovery).
    path: Option<PathBuf>,
}

impl State {
    pub(crate) fn new() -> Self {
        Self {
            documents: Mutex::new(HashMap::new()),
            session: OnceLock::new(),
            settings: RwLock::new(Arc::new(Settings::default())),
            shutdown: Arc::new(AtomicBool::new(false)),
            analysis_slots: Arc::new(Semaphore::new(
                std::thread::available_parallelism().map_or(1, |n| n.get().min(4)),
            )),
        }
    }

    pub(crate) fn documents(&self) -> MutexGuard<'_, HashMap<Url, Entry>> {
        // A panicking handler cannot leave an entry half-edited: edits are
        // applied by ropey calls on clamped indices, which do not panic.
        self.documents
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn session(&self) -> Session {
        self.session.get().copied().unwrap_or_default()
    }

    pub(crate) fn settings(&self) -> Arc<Settings> {
        Arc::clone(&self.settings.read().unwrap_or_else(PoisonError::into_inner))
    }

    pub(crate) fn set_settings(&self, settings: Settings) {
        *self
            .settings
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Arc::new(settings);
    }

    pub(crate) fn snapshot(&self, uri: &Url) -> Option<Snapshot> {
        let documents = self.documents();
        let entry = documents.get(uri)?;
        Some(Snapshot {
            cell: Arc::clone(&entry.analysis),
            reports: Arc::clone(&entry.reports),
            rope: entry.document.rope().clone(),
            version: entry.document.version(),
            served: entry.served,
            path: uri.to_file_path().ok(),
        })
    }

    pub(crate) fn current_version(&self, uri: &Url) -> Option<i32> {
        self.documents().get(uri).map(|e| e.document.version())
    }

    /// The analysis of `snapshot`'s version, computed once (see
    /// `analysis::compute_once`).
    pub(crate) async fn analysed(&self, snapshot: Snapshot) -> Arc<Analysed> {
        let inputs = Inputs {
            rules: self.settings().rules.clone(),
            path: snapshot.path,
            max_document_size: self.settings().max_document_size,
        };
        let limit = Arc::clone(&self.analysis_slots);
        analysis::compute_once(
            snapshot.cell,
            snapshot.rope,
            snapshot.version,
            inputs,
            snapshot.reports,
            limit,
        )
        .await
    }

    /// Every served open document, for workspace-wide requests.
    pub(crate) fn served_snapshots(&self) -> Vec<(Url, Snapshot)> {
        let documents = self.documents();
        documents
            .iter()
            .filter(|(_, e)| e.served)
            .map(|(uri, entry)| {
                let snapshot = Snapshot {
                    cell: Arc::clone(&entry.analysis),
                    reports: Arc::clone(&entry.reports),
                    rope: entry.document.rope().clone(),
                    version: entry.document.version(),
                    served: true,
                    path: uri.to_file_path().ok(),
                };
                (uri.clone(), snapshot)
            })
            .collect()
    }
}
