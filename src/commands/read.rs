//! `diptych [PATHS…]`: the interactive reader (placeholder until the TUI
//! lands: it loads the inputs so errors are reported, then explains).

use anyhow::{Result, bail};

use crate::io::load;

pub fn run(paths: &[String]) -> Result<()> {
    let articles = load(paths)?;
    bail!(
        "the reader is not built yet; {} article(s) loaded. Try `diptych align A B`.",
        articles.len()
    )
}
