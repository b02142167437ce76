//! The binary edge: parse arguments, load inputs, run a command, and turn
//! every failure into one line on stderr with a non-zero exit code.

// The entry point is the C `main` below (see `startup`); test builds keep
// the test harness's.
#![cfg_attr(not(test), no_main)]

mod cli;
mod commands;
mod io;
mod output;
mod signals;
mod startup;
mod tui;

use anyhow::Result;
use clap::Parser;

use cli::{Cli, Command};
use diptych::article::sanitize;
use diptych::article::{LoadError, LoadOptions};

/// Exit code for unusable input (missing, binary, empty directory, bad
/// JSON, a URL that cannot be fetched).
const EXIT_BAD_INPUT: i32 = 2;

/// The process's entry (see `startup` for why it is not Rust's `main`).
#[cfg_attr(not(test), unsafe(no_mangle))]
extern "C" fn main(_argc: libc::c_int, _argv: *const *const libc::c_char) -> libc::c_int {
    startup::run(run_cli)
}

/// The command line run to its exit code.
fn run_cli() -> i32 {
    io::guard_standard_streams();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if error.kind() == clap::error::ErrorKind::InvalidUtf8 => {
            // Paths travel as text; a directory's files are read whatever
            // their names, so the directory is the way in.
            let name = std::env::args_os()
                .find(|arg| arg.to_str().is_none())
                .map(|arg| arg.to_string_lossy().into_owned())
                .unwrap_or_default();
            io::to_stderr(&format!(
                "diptych: {}: a name that is not UTF-8 cannot be given on the command line; \
                 give its directory instead\n",
                sanitize::line(&name)
            ));
            return EXIT_BAD_INPUT;
        }
        Err(error) if error.use_stderr() => {
            // Clap quotes the offending argument, which may hold escapes.
            let message = error.render().to_string();
            io::to_stderr(&sanitize::lines(&message));
            return u8::try_from(error.exit_code()).map_or(1, i32::from);
        }
        Err(help) => help.exit(),
    };
    io::set_load_options(LoadOptions {
        format: cli.input_format.into(),
        max_input_bytes: cli.max_input_size.0,
        ..LoadOptions::default()
    });
    match run(cli) {
        Ok(()) => 0,
        Err(error) => {
            // File names and URLs in the message came from input.
            let message = format!("{error:#}");
            io::to_stderr(&format!("diptych: {}\n", sanitize::line(&message)));
            let bad_input = error.downcast_ref::<LoadError>().is_some()
                || error.downcast_ref::<io::BadInput>().is_some();
            if bad_input { EXIT_BAD_INPUT } else { 1 }
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Some(Command::Align(args)) => commands::align::run(args),
        Some(Command::Facts(args)) => commands::facts::run(args),
        Some(Command::Report(args)) => commands::report::run(args),
        Some(Command::Config(args)) => commands::config::run(&args, cli.config.as_deref()),
        Some(Command::Completions(args)) => commands::docs::completions(args.shell),
        Some(Command::Man) => commands::docs::man(),
        #[cfg(feature = "serve")]
        Some(Command::Serve(args)) => {
            commands::serve::run(args, cli.config.as_deref(), cli.theme.map(Into::into))
        }
        None => commands::read::run(&cli.paths, cli.config.as_deref(), cli.theme.map(Into::into)),
    }
}
