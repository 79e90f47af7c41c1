//! One version of one document, analysed: the text it was computed from, its
//! line index, and the core's results (outline, figures, findings). Computed
//! at most once per version (the document store keeps a cell per version
//! that requests and the diagnostics task share), off the async workers,
//! with panics caught.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use ropey::Rope;
use tokio::sync::{OnceCell, Semaphore};

use super::encoding::Converter;
use super::log;
use super::panic::panic_message;
use crate::analysis::{self, Analysis, Cache};
use crate::config;
use crate::report::metrics::Figures;
use crate::report::Document;
use crate::rules::{Config, Finding};
use crate::text::{Encoding, LineIndex};

/// One version of a document, analysed: the text and line index the
/// results were computed from, and the results.
pub(crate) struct Analysed {
    pub(crate) version: i32,
    pub(crate) text: String,
    pub(crate) lines: LineIndex,
    pub(crate) document: Document,
    /// Every counted figure, in text order, and their contradictions.
    pub(crate) figures: Figures,
    /// The rules' findings, in text order.
    pub(crate) findings: Vec<Finding>,
    /// A `baogao.toml` that applies to the document but could not be read;
    /// the editor's settings were used instead.
    pub(crate) config_error: Option<String>,
    /// Why the analysis failed, if it did; the results are then empty.
    pub(crate) failure: Option<String>,
    /// The size limit the text exceeded, if it did: it then has its outline
    /// and no figures nor findings.
    pub(crate) too_large: Option<usize>,
}

/// What an analysis depends on besides the text.
#[derive(Debug, Clone)]
pub(crate) struct Inputs {
    /// The rules' configuration from the editor's settings.
    pub(crate) rules: Config,
    /// The document's file, whose folders are searched for `baogao.toml`.
    pub(crate) path: Option<PathBuf>,
    /// Bytes of text above which only the outline is computed.
    pub(crate) max_document_size: usize,
}

/// The shared, lazily computed analysis of one version.
pub(crate) type Cell = Arc<OnceCell<Arc<Analysed>>>;

impl Analysed {
    fn compute(rope: &Rope, version: i32, inputs: &Inputs, reports: &Mutex<Cache>) -> Self {
        let text = rope.to_string();
        let lines = LineIndex::new(&text);
        let (config, config_error) = config_for(inputs);
        let too_large = (text.len() > inputs.max_document_size).then_some(inputs.max_document_size);
        let result = catch_unwind(AssertUnwindSafe(|| {
            if too_large.is_some() {
                return analysis::outline_only(&text);
            }
            // A panic leaves the cache as it was before this call.
            let mut reports = reports.lock().unwrap_or_else(PoisonError::into_inner);
            reports.update(&text, &config)
        }));
        let (results, failure) = match result {
            Ok(results) => (results, None),
            Err(panic) => {
                let why = panic_message(&*panic);
                log::error(format_args!(
                    "analysis of version {version} panicked: {why}"
                ));
                (Analysis::default(), Some(why))
            }
        };
        Self {
            version,
            text,
            lines,
            document: results.document,
            figures: results.figures,
            findings: results.findings,
            config_error,
            failure,
            too_large,
        }
    }

    /// Stands in when the analysis could not even run (runtime shutting
    /// down): empty results, positions still convertible.
    fn unavailable(version: i32, why: String) -> Self {
        let results = Analysis::default();
        Self {
            version,
            text: String::new(),
            lines: LineIndex::new(""),
            document: results.document,
            figures: results.figures,
            findings: results.findings,
            config_error: None,
            failure: Some(why),
            too_large: None,
        }
    }

    pub(crate) fn converter(&self, encoding: Encoding) -> Converter<'_> {
        Converter::new(&self.text, &self.lines, encoding)
    }
}

/// The editor's configuration, overridden by the nearest `baogao.toml` above
/// the document (as `baogao check` finds it).
fn config_for(inputs: &Inputs) -> (Config, Option<String>) {
    let Some(dir) = inputs.path.as_deref().and_then(|p| p.parent()) else {
        return (inputs.rules.clone(), None);
    };
    match config::discover(dir) {
        Ok(Some((_, file))) => (inputs.rules.clone().merged(&file), None),
        Ok(None) => (inputs.rules.clone(), None),
        Err(err) => (inputs.rules.clone(), Some(err.to_string())),
    }
}

/// The analysis in `cell`, computed from `rope` if no one has yet.
///
/// At most `limit`'s permits of analyses run at once. A computation cannot
/// be stopped once started, so without the bound a burst of edits to a large
/// document would pile up analyses of versions nobody will ask for again;
/// with it, the diagnostics run of a superseded version is aborted while it
/// waits for its turn. `reports` holds the results of the document's last
/// analysed version, so only the reports an edit changed are analysed again.
pub(crate) async fn compute_once(
    cell: Cell,
    rope: Rope,
    version: i32,
    inputs: Inputs,
    reports: Arc<Mutex<Cache>>,
    limit: Arc<Semaphore>,
) -> Arc<Analysed> {
    cell.get_or_init(|| async move {
        let Ok(permit) = limit.acquire_owned().await else {
            return Arc::new(Analysed::unavailable(version, "shutting down".to_owned()));
        };
        let computed = tokio::task::spawn_blocking(move || {
            let analysis = Analysed::compute(&rope, version, &inputs, &reports);
            drop(permit);
            analysis
        })
        .await;
        Arc::new(computed.unwrap_or_else(|err| Analysed::unavailable(version, err.to_string())))
    })
    .await
    .clone()
}
