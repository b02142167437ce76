//! `diptych completions SHELL` and `diptych man`: generated from the clap
//! definitions, so they never drift from the real arguments.

use anyhow::{Context, Result};
use clap::CommandFactory;

use crate::cli::Cli;
use crate::io::write_raw;

/// Prints the completion script for `shell`. Made in memory and written
/// with stdout's checks: a full disk or a closed stdout is an error, not
/// a panic or a silent success.
pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "diptych", &mut script);
    write_raw(&String::from_utf8_lossy(&script))
}

/// Prints the man page (roff), likewise.
pub fn man() -> Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .context("cannot make the man page")?;
    write_raw(&String::from_utf8_lossy(&page))
}
