use std::process::ExitCode;

use clap::{Parser, Subcommand};

use baogao::cli::{self, CliError};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc's `mimalloc.h` (the bindings name no
/// constant for it): how long freed memory is kept before it goes back to
/// the system, a second by default (`options.c`).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory goes back after 10 ms, not a second: an analysis frees
/// large vectors as it goes from step to step, and kept for a second they
/// add up to a third more peak memory on large texts. Handed back at once
/// (0 ms), the next step or the next analysis faults the same pages in
/// again: 7 % more time on the compilation (BENCHMARKS.md).
fn purge_soon() {
    // SAFETY: sets an integer option; mimalloc reads it on its next purge.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 10) }
}

/// Outline, diagnostics and metric summaries for Chinese work reports (工作报告).
#[derive(Parser)]
#[command(name = "baogao", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the section outline of a report (`-` reads stdin).
    Outline(cli::outline::Args),
    /// Run the language server on stdin/stdout.
    Lsp(baogao::lsp::Options),
    /// List every counted figure of a report, per section (`-` reads stdin).
    Metrics(cli::metrics::Args),
    /// Check reports for missing parts and drafting faults (`-` reads stdin).
    Check(cli::check::Args),
    /// List the rules, or explain one (`baogao rules BG003`).
    Rules(cli::rules::Args),
    /// Serve a web page and a JSON API on the analysis (loopback by default).
    Serve(cli::serve::Args),
}

fn main() -> ExitCode {
    purge_soon();
    let cli = Cli::parse();
    // The servers' main threads run their async runtime.
    if !matches!(cli.command, Command::Lsp(_) | Command::Serve(_)) {
        cli::work_in_pool();
    }
    let result: Result<ExitCode, CliError> = match cli.command {
        Command::Outline(args) => cli::outline::run(&args),
        Command::Lsp(options) => Ok(baogao::lsp::run(&options)),
        Command::Metrics(args) => cli::metrics::run(&args),
        Command::Check(args) => cli::check::run(&args),
        Command::Rules(args) => cli::rules::run(&args),
        Command::Serve(args) => cli::serve::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("baogao: {error}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_purge_delay_is_the_option_named() {
        // Its default is 1000 ms (`options.c`); no option beside it has that
        // default.
        // SAFETY: reads an integer option.
        let delay = unsafe { libmimalloc_sys::mi_option_get(super::PURGE_DELAY) };
        assert_eq!(delay, 1000);
    }
}
