use std::process::ExitCode;

use clap::{Parser, Subcommand};

use baogao::cli::{self, CliError};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
