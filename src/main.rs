//! The binary edge: parse arguments, load inputs, run a command, and turn
//! every failure into one line on stderr with a non-zero exit code.

mod cli;
mod commands;
mod io;
mod tui;

use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use cli::{Cli, Command};
use diptych::article::{LoadError, LoadOptions};

/// Exit code for unusable input (missing, binary, empty directory, bad
/// JSON, a URL that cannot be fetched).
const EXIT_BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    io::set_load_options(LoadOptions {
        format: cli.input_format.into(),
        ..LoadOptions::default()
    });
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("diptych: {error:#}");
            let bad_input = error.downcast_ref::<LoadError>().is_some()
                || error.downcast_ref::<io::BadInput>().is_some();
            ExitCode::from(if bad_input { EXIT_BAD_INPUT } else { 1 })
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Some(Command::Align(args)) => commands::align::run(args),
        Some(Command::Facts(args)) => commands::facts::run(args),
        Some(Command::Report(args)) => commands::report::run(args),
        #[cfg(feature = "serve")]
        Some(Command::Serve(args)) => commands::serve::run(args),
        None => commands::read::run(&cli.paths),
    }
}
