//! `baogao serve`: a web page and a JSON API on the same analysis as the
//! command line and the language server, for drafters who use no code
//! editor.
//!
//! Files: `api` (the two endpoints and their errors), `body` (reading a
//! request body under the size limit), `response` (an analysis as JSON),
//! `page` (the page and its script, embedded in the binary) and `upload`
//! (an uploaded file's text).
//!
//! Architecture invariant: the text of a request lives only as long as the
//! request. Nothing here writes it to disk, logs it or keeps it (no cache,
//! no session): each request is analysed from scratch and forgotten, since
//! drafts of official reports are confidential.

mod api;
mod body;
mod page;
mod response;
mod upload;

use std::sync::Arc;

use axum::routing::{get, post};
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// The largest request body accepted, in bytes: a report is rarely above
/// 1 MB, a `.docx` with pictures can be several.
pub const MAX_BODY: usize = 16 << 20;

/// What every request shares.
#[derive(Clone)]
struct State {
    /// Analyses running at once: one per core; further requests wait
    /// their turn instead of piling up blocking threads and memory.
    analyses: Arc<Semaphore>,
}

/// The routes: the page, its script and style, and the API.
pub fn router() -> Router {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let state = State {
        analyses: Arc::new(Semaphore::new(cores)),
    };
    Router::new()
        .route("/", get(page::index))
        .route("/app.js", get(page::script))
        .route("/app.css", get(page::style))
        .route("/api/analyse", post(api::analyse))
        .route("/api/upload", post(api::upload))
        .fallback(api::not_found)
        .with_state(state)
}

/// Serves [`router`] on `listener` until the process ends.
pub async fn serve(listener: TcpListener) -> std::io::Result<()> {
    axum::serve(listener, router()).await
}
