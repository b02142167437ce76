//! `diptych completions SHELL` and `diptych man`: generated from the clap
//! definitions, so they never drift from the real arguments.

use anyhow::{Context, Result};
use clap::CommandFactory;

use crate::cli::Cli;

/// Prints the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "diptych", &mut std::io::stdout());
    Ok(())
}

/// Prints the man page (roff).
pub fn man() -> Result<()> {
    match clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write the man page"),
    }
}
