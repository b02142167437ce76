//! `diptych [PATHS…]`: the interactive reader over the given articles, or
//! over the embedded demo corpus when there are none.

use anyhow::{Result, bail};

use crate::io::load;
use crate::tui::{self, EXIT_SIGNALLED, Ended};
use diptych::app::App;

pub fn run(paths: &[String]) -> Result<()> {
    let articles = load(paths)?;
    if articles.is_empty() {
        bail!("no articles to read");
    }
    match tui::run(App::new(articles))? {
        Ended::Quit => Ok(()),
        Ended::Signalled => std::process::exit(EXIT_SIGNALLED),
    }
}
