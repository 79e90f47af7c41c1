//! `baogao serve`: a web page and a JSON API on the same analysis as the
//! command line and the language server, for drafters who use no code
//! editor.
//!
//! Files: `api` (the two endpoints and their errors), `body` (reading a
//! request body under the size limit), `response` (an analysis as JSON),
//! and `page` (the page and its script, embedded in the binary); an
//! upload's text is read by [`crate::input`], as the command line reads files.
//!
//! Architecture invariant: the text of a request lives only as long as the
//! request. Nothing here writes it to disk, logs it or keeps it (no cache,
//! no session): each request is analysed from scratch and forgotten, since
//! drafts of official reports are confidential.

mod api;
mod body;
mod page;
mod response;

use axum::routing::{get, post};
use axum::Router;
use tokio::net::TcpListener;

/// The largest request body accepted, in bytes: a report is rarely above
/// 1 MB, a `.docx` with pictures can be several.
pub const MAX_BODY: usize = 16 << 20;

/// The routes: the page, its script and style, and the API.
pub fn router() -> Router {
    Router::new()
        .route("/", get(page::index))
        .route("/app.js", get(page::script))
        .route("/app.css", get(page::style))
        .route("/api/analyse", post(api::analyse))
        .route("/api/upload", post(api::upload))
        .fallback(api::not_found)
}

/// Serves [`router`] on `listener` until the process ends.
pub async fn serve(listener: TcpListener) -> std::io::Result<()> {
    axum::serve(listener, router()).await
}
