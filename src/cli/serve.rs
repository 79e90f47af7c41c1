//! `baogao serve`: the web page and JSON API on a local port.

use std::process::ExitCode;

use super::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// The address to listen on: loopback by default; `0.0.0.0` serves
    /// every network the machine is on (an office network).
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// The port; 0 picks a free one (printed on start).
    #[arg(long, default_value_t = 7878)]
    pub port: u16,
}

/// Serves until the process is stopped. Prints the page's address on its
/// first line of output once it accepts connections.
pub fn run(args: &Args) -> Result<ExitCode, CliError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError(format!("cannot start the async runtime: {e}")))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind((args.host.as_str(), args.port))
            .await
            .map_err(|e| CliError(format!("cannot listen on {}:{}: {e}", args.host, args.port)))?;
        let address = listener
            .local_addr()
            .map_err(|e| CliError(format!("cannot listen: {e}")))?;
        super::write_stdout(&format!("baogao serve: http://{address}/\n"))?;
        crate::serve::serve(listener)
            .await
            .map_err(|e| CliError(format!("the server stopped: {e}")))
    })?;
    Ok(ExitCode::SUCCESS)
}
