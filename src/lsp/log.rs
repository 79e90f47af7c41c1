//! The server's own log: a file given by `--log-file`, else stderr. Never
//! stdout, which carries the protocol. Messages the user should see in the
//! editor go through `window/logMessage` instead (see `server.rs`).

use std::fmt::Display;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

static SINK: OnceLock<Mutex<Sink>> = OnceLock::new();

enum Sink {
    Stderr,
    File(File),
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Level {
    Error,
    Warn,
    Info,
}

/// Directs the log to `path` (appending) or to stderr. Only the first call
/// has an effect: the sink is chosen once per process.
pub(crate) fn init(path: Option<&Path>) -> io::Result<()> {
    let sink = match path {
        Some(path) => Sink::File(OpenOptions::new().create(true).append(true).open(path)?),
        None => Sink::Stderr,
    };
    let _ = SINK.set(Mutex::new(sink));
    install_panic_hook();
    Ok(())
}

pub(crate) fn log(level: Level, message: impl Display) {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or_default();
    let line = format!("[{seconds:.3} {level:?}] {message}\n");
    let Some(sink) = SINK.get() else {
        let _ = io::stderr().write_all(line.as_bytes());
        return;
    };
    // A panic while logging must not silence the log for good.
    let mut sink = sink.lock().unwrap_or_else(PoisonError::into_inner);
    let _ = match &mut *sink {
        Sink::Stderr => io::stderr().write_all(line.as_bytes()),
        Sink::File(file) => file.write_all(line.as_bytes()).and_then(|()| file.flush()),
    };
}

pub(crate) fn error(message: impl Display) {
    log(Level::Error, message);
}

pub(crate) fn warn(message: impl Display) {
    log(Level::Warn, message);
}

pub(crate) fn info(message: impl Display) {
    log(Level::Info, message);
}

/// Panics are caught where they happen (see `transport.rs` and
/// `analysis.rs`); the hook only makes sure the message and location land in
/// the log file rather than on a stderr nobody reads.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        log(Level::Error, format_args!("panic: {info}"));
    }));
}
