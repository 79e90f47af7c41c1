//! The page: HTML, style and one script (CodeMirror 6 and the page's own
//! code, bundled by esbuild from `editors/web/`), all embedded, so the page
//! works from the binary alone, offline.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

const INDEX: &str = include_str!("../../editors/web/src/index.html");
const SCRIPT: &str = include_str!("../../editors/web/dist/app.js");
const STYLE: &str = include_str!("../../editors/web/src/app.css");

/// Scripts only from the page's own origin, never inline nor evaluated:
/// a report's text that slipped into the page as markup could not run.
/// Styles may be inline: the editor positions its elements with them.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
    connect-src 'self'; img-src 'self' data:; font-src 'self'; base-uri 'none'; \
    form-action 'none'; frame-ancestors 'none'";

pub(crate) async fn index() -> Response {
    asset("text/html; charset=utf-8", INDEX)
}

pub(crate) async fn script() -> Response {
    asset("text/javascript; charset=utf-8", SCRIPT)
}

pub(crate) async fn style() -> Response {
    asset("text/css; charset=utf-8", STYLE)
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(CSP),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (
                header::REFERRER_POLICY,
                HeaderValue::from_static("no-referrer"),
            ),
            // A new binary may serve a new script: always revalidated.
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}
