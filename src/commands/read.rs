//! `diptych [PATHS…]`: the interactive reader over the given articles, or
//! over the embedded demo corpus when there are none, set up by the config
//! file (theme, keys, granularity, furniture, side-by-side width).

use std::io::IsTerminal;
use std::path::Path;

use anyhow::{Result, bail};

use crate::io::{load, stdout_wants_color, write_stdout, write_styled};
use crate::tui::{self, EXIT_SIGNALLED, Ended};
use diptych::align::{AlignOptions, align};
use diptych::app::{Action, App, ReaderOptions, SharedCorpus};
use diptych::config::{self, Config};
use diptych::report::align_text;
use diptych::ui::{Theme, ThemeName};

pub fn run(paths: &[String], config_file: Option<&Path>, theme: Option<ThemeName>) -> Result<()> {
    let config = config::load(config_file)?;
    let articles = load(paths)?;
    if articles.is_empty() {
        bail!("no articles to read");
    }
    if !std::io::stdout().is_terminal() {
        return without_terminal(&articles, &config);
    }
    let mut options = ReaderOptions::default();
    if let Some(show) = config.show_furniture {
        options.hide_furniture = !show;
    }
    if let Some(width) = config.min_pane_width {
        options.min_pane_width = width;
    }
    let mut app = App::with_options(SharedCorpus::new(articles), options);
    if config.granularity.is_some_and(|g| g != app.granularity()) {
        app.update(Action::ToggleGranularity);
    }
    let theme = Theme::named_from_env(theme.or(config.theme).unwrap_or_default());
    match tui::run(app, &theme, &config.keys)? {
        Ended::Quit => Ok(()),
        Ended::Signalled => std::process::exit(EXIT_SIGNALLED),
    }
}

/// Without a terminal (a pipe, a script, `git difftool` run by a tool)
/// there is no reader to open: two articles print as `diptych align`
/// would, anything else is an error that says what to run instead.
fn without_terminal(articles: &[diptych::article::Article], config: &Config) -> Result<()> {
    let [left, right] = articles else {
        bail!(
            "the reader needs a terminal; without one, use `diptych align LEFT RIGHT`, \
             `diptych facts` or `diptych report`"
        );
    };
    let options = AlignOptions {
        granularity: config.granularity.unwrap_or_default(),
        ..AlignOptions::default()
    };
    let alignment = align(left, right, options);
    if stdout_wants_color() {
        write_styled(&align_text::render(
            left,
            right,
            &alignment,
            align_text::Styling::Ansi,
        ))
    } else {
        write_stdout(&align_text::render(
            left,
            right,
            &alignment,
            align_text::Styling::Plain,
        ))
    }
}
