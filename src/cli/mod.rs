//! Command-line front end: reading input files and rendering the analysis.

pub mod check;
pub mod checked;
pub mod metrics;
pub mod outline;
pub mod rules;
pub mod serve;
pub mod statistics;
pub mod walk;

/// An error that ends a command with exit code 2 and a one-line message.
#[derive(Debug)]
pub struct CliError(pub String);

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CliError {}

impl From<crate::input::InputError> for CliError {
    fn from(e: crate::input::InputError) -> CliError {
        CliError(e.to_string())
    }
}

/// Makes the calling thread one of the global thread pool's workers, beside
/// one more per remaining core. A command's main thread only waits while
/// the pool analyses; outside the pool it would hand each analysis over to a
/// sleeping worker and then sleep itself until woken, a hand-over that
/// shows in the timing of every analysis. Not for the server: its main
/// thread runs the async runtime and would never take the pool's work.
pub fn work_in_pool() {
    // Fails only when the pool is already built, which then serves as it is.
    let _ = rayon::ThreadPoolBuilder::new()
        .use_current_thread()
        .build_global();
}

/// Writes command output to stdout; a closed pipe (`| head`) is not an error.
pub fn write_stdout(s: &str) -> Result<(), CliError> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(s.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError(format!("cannot write output: {e}"))),
    }
}

/// Writes `value` to stdout as pretty JSON and a line break, as it is
/// serialised: the JSON of a document can be many times its text, so it is
/// never held whole. A closed pipe is not an error.
pub fn write_json_stdout(value: &impl serde::Serialize) -> Result<(), CliError> {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = serde_json::to_writer_pretty(&mut out, value)
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    match written {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError(format!("cannot write output: {e}"))),
    }
}
