//! `baogao lsp`: the language server, on stdio.
//!
//! The only module that knows the Language Server Protocol. It keeps open
//! documents as ropes, asks the core for analyses of their current text and
//! converts the results (byte ranges, plain data) into protocol types in the
//! negotiated position encoding.
//!
//! Files: `transport` (framing, dispatch, stdout), `server` (lifecycle and
//! request dispatch), `capabilities` (what client and server can do),
//! `store` (the open documents), `document` (rope edits), `encoding` (position
//! encodings), `analysis` (per-version results), `config` (settings), and one
//! file per feature.
//!
//! Architecture invariant: nothing here writes to stdout except the
//! transport's writer thread, and no input (message, edit, text) can make
//! the server panic its way out: handler panics become error responses,
//! analysis panics become an empty outline and one diagnostic.

#![deny(clippy::print_stdout)]

mod analysis;
mod capabilities;
mod code_action;
mod config;
mod diagnostics;
mod document;
mod encoding;
mod folding;
mod hover;
mod log;
mod panic;
mod selection;
mod server;
mod store;
mod symbols;
mod transport;

use std::path::PathBuf;
use std::process::ExitCode;

use tower_lsp::LspService;

/// Options of `baogao lsp`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Options {
    /// Write the server's log to this file (appended) instead of stderr.
    #[arg(long, value_name = "PATH")]
    pub log_file: Option<PathBuf>,
}

/// Runs the server until the client sends `exit` or closes stdin. Exits 0
/// after an orderly `shutdown` and `exit`, 1 otherwise (as the protocol
/// asks), 2 when the log file cannot be opened.
pub fn run(options: &Options) -> ExitCode {
    if let Err(err) = log::init(options.log_file.as_deref()) {
        eprintln!(
            "baogao: cannot open log file {}: {err}",
            options
                .log_file
                .as_deref()
                .unwrap_or(std::path::Path::new(""))
                .display()
        );
        return ExitCode::from(2);
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            log::error(format_args!("cannot start the async runtime: {err}"));
            return ExitCode::from(2);
        }
    };
    log::info(format_args!(
        "baogao {} language server starting",
        env!("CARGO_PKG_VERSION")
    ));
    let (service, socket) = LspService::new(server::Server::new);
    let clean = runtime.block_on(async move {
        let shutdown = service.inner().shutdown_flag();
        transport::serve(service, socket).await;
        shutdown.load(std::sync::atomic::Ordering::SeqCst)
    });
    // Analyses still running on blocking threads are abandoned, not awaited.
    runtime.shutdown_background();
    log::info(format_args!(
        "exiting ({})",
        if clean {
            "after shutdown"
        } else {
            "without shutdown"
        }
    ));
    if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
