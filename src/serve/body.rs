//! Reading a request body whole, up to [`MAX_BODY`](super::MAX_BODY).

use axum::body::Body;
use futures::StreamExt;

/// Why a body could not be read.
pub(crate) enum BodyError {
    TooLarge,
    /// The connection failed while the body was being sent.
    Broken(String),
}

/// A body above the limit is read to its end and dropped, up to this many
/// bytes: a client still sending when the answer comes may lose the answer
/// to a reset connection, so a moderately oversized upload gets its 413.
const DRAIN: usize = 4 * super::MAX_BODY;

/// The body's bytes, or [`BodyError::TooLarge`] when there are more than
/// `limit`. `declared` is the request's `Content-Length`, if any: a body
/// declared far too large is refused before it is read.
pub(crate) async fn read(
    body: Body,
    declared: Option<u64>,
    limit: usize,
) -> Result<Vec<u8>, BodyError> {
    if declared.is_some_and(|n| n > DRAIN as u64) {
        return Err(BodyError::TooLarge);
    }
    let capacity = declared
        .and_then(|n| usize::try_from(n).ok())
        .filter(|&n| n <= limit)
        .unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    let mut seen = 0usize;
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| BodyError::Broken(e.to_string()))?;
        seen = seen.saturating_add(chunk.len());
        if seen > DRAIN {
            return Err(BodyError::TooLarge);
        }
        if seen > limit {
            // Dropped, not kept: the rest is only drained.
            bytes = Vec::new();
        } else {
            bytes.extend_from_slice(&chunk);
        }
    }
    if seen > limit {
        return Err(BodyError::TooLarge);
    }
    Ok(bytes)
}
