//! The JSON API: `POST /api/analyse` with `{"text": …}`, `POST
//! /api/upload?name=…` with a file's bytes. Both answer the analysis
//! ([`response::Answer`]); errors are `{"error": "…"}` with a status that
//! says whose fault it is.

use std::panic::{catch_unwind, AssertUnwindSafe};

use axum::body::Body;
use axum::extract::Query;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::body::{self, BodyError};
use super::response;
use crate::analysis;
use crate::input;
use crate::rules::Config;

#[derive(Deserialize)]
pub(crate) struct AnalyseRequest {
    text: String,
}

#[derive(Deserialize)]
pub(crate) struct UploadQuery {
    name: String,
}

pub(crate) async fn analyse(headers: HeaderMap, body: Body) -> Response {
    let bytes = match read(&headers, body).await {
        Ok(bytes) => bytes,
        Err(response) => return response,
    };
    let request: AnalyseRequest = match serde_json::from_slice(&bytes) {
        Ok(request) => request,
        Err(e) => {
            return error(
                StatusCode::BAD_REQUEST,
                format!("the body must be JSON {{\"text\": \"…\"}}: {e}"),
            )
        }
    };
    drop(bytes);
    run(move || {
        let analysis = analysis::full(&request.text, &Config::default());
        serde_json::to_vec(&response::answer(&request.text, &analysis))
    })
    .await
}

pub(crate) async fn upload(
    query: Result<Query<UploadQuery>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Ok(Query(UploadQuery { name })) = query else {
        return error(
            StatusCode::BAD_REQUEST,
            "name the file: POST /api/upload?name=report.docx".to_owned(),
        );
    };
    let bytes = match read(&headers, body).await {
        Ok(bytes) => bytes,
        Err(response) => return response,
    };
    run(move || {
        let input = match input::from_bytes(&name, bytes) {
            Ok(input) => input,
            Err(why) => return Ok(Err(why.to_string())),
        };
        let analysis = analysis::full(&input.text, &Config::default());
        let mut answer = response::answer(&input.text, &analysis);
        answer.name = Some(&input.name);
        answer.text = Some(&input.text);
        serde_json::to_vec(&answer).map(Ok)
    })
    .await
}

/// Any other path.
pub(crate) async fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "no such page".to_owned())
}

/// The request's body under the size limit, or the error to answer.
async fn read(headers: &HeaderMap, body: Body) -> Result<Vec<u8>, Response> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    body::read(body, declared, super::MAX_BODY)
        .await
        .map_err(|e| match e {
            BodyError::TooLarge => error(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!(
                    "the request is larger than the limit of {} MB",
                    super::MAX_BODY >> 20
                ),
            ),
            BodyError::Broken(why) => error(
                StatusCode::BAD_REQUEST,
                format!("the request's body could not be read: {why}"),
            ),
        })
}

/// Runs `work` (an analysis and its JSON) on the thread pool the analysis
/// runs its reports on, off the async workers, and answers with its JSON.
/// The pool's threads are one per core: requests beyond them wait their
/// turn there. A panic is a 500, never a dropped connection.
async fn run<W, T>(work: W) -> Response
where
    W: FnOnce() -> serde_json::Result<T> + Send + 'static,
    T: IntoJson + Send + 'static,
{
    let (done, answer) = tokio::sync::oneshot::channel();
    rayon::spawn(move || {
        // The receiver is gone only when the client is: no one to answer.
        let _ = done.send(catch_unwind(AssertUnwindSafe(work)));
    });
    match answer.await {
        Ok(Ok(Ok(json))) => json.into_json(),
        Ok(Ok(Err(e))) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the answer could not be written: {e}"),
        ),
        Ok(Err(_)) | Err(_) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "baogao could not analyse this text (a bug; please report it)".to_owned(),
        ),
    }
}

/// What a piece of work produces: JSON, or for an upload the reason the
/// file has no text.
trait IntoJson {
    fn into_json(self) -> Response;
}

impl IntoJson for Vec<u8> {
    fn into_json(self) -> Response {
        json(StatusCode::OK, self)
    }
}

impl IntoJson for Result<Vec<u8>, String> {
    fn into_json(self) -> Response {
        match self {
            Ok(bytes) => json(StatusCode::OK, bytes),
            Err(why) => error(StatusCode::UNPROCESSABLE_ENTITY, why),
        }
    }
}

fn error(status: StatusCode, message: String) -> Response {
    let body = serde_json::json!({ "error": message }).to_string();
    json(status, body.into_bytes())
}

fn json(status: StatusCode, body: Vec<u8>) -> Response {
    (
        status,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            // Analyses of drafts are no more to be kept than the drafts.
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        ],
        body,
    )
        .into_response()
}
