//! `diptych [PATHS…]`: the interactive reader over the given articles, or
//! over the embedded demo corpus when there are none, set up by the config
//! file (theme, keys, granularity, furniture, side-by-side width).
//!
//! Loading runs on a thread: when it is quick (and for errors, which should
//! read as plain lines on the shell) the terminal is taken only after it;
//! when it is slow the reader shows a loading screen meanwhile.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use anyhow::{Result, bail};

use crate::io::{
    BadInput, load, load_quietly, print_warnings, stdout_wants_color, write_stdout, write_styled,
};
use crate::tui::{self, Ended, Setup};
use diptych::align::{AlignOptions, align};
use diptych::app::ReaderOptions;
use diptych::article::Article;
use diptych::config::{self, Config};
use diptych::report::align_text;
use diptych::ui::{Theme, ThemeName};

/// How long loading may take before the loading screen shows.
const QUICK: Duration = Duration::from_millis(150);

pub fn run(paths: &[String], config_file: Option<&Path>, theme: Option<ThemeName>) -> Result<()> {
    let config = config::load(config_file)?;
    if !std::io::stdout().is_terminal() {
        let articles = load(paths)?;
        if articles.is_empty() {
            bail!("no articles to read");
        }
        return without_terminal(&articles, &config);
    }
    if paths.iter().any(|p| p == "-") && std::io::stdin().is_terminal() {
        // The reader's keys come from this terminal: reading an article
        // from it too, the two would take turns at every keystroke.
        return Err(BadInput(
            "-: stdin is the terminal the reader takes keys from; pipe the article in \
             (cat FILE | diptych - OTHER)"
                .to_string(),
        )
        .into());
    }
    let warnings = Arc::new(Mutex::new(Vec::new()));
    let (sender, loading) = channel();
    {
        let paths = paths.to_vec();
        let warnings = warnings.clone();
        std::thread::spawn(move || {
            let _ = sender.send(load_in_background(&paths, &warnings));
        });
    }
    let source = match loading.recv_timeout(QUICK) {
        Ok(result) => {
            print_warnings(&take(&warnings));
            let (sender, ready) = channel();
            sender.send(Ok(result?))?;
            ready
        }
        Err(RecvTimeoutError::Timeout) => loading,
        Err(RecvTimeoutError::Disconnected) => bail!("loading stopped before any article was in"),
    };
    let mut options = ReaderOptions::default();
    if let Some(show) = config.show_furniture {
        options.hide_furniture = !show;
    }
    if let Some(width) = config.min_pane_width {
        options.min_pane_width = width;
    }
    let setup = Setup {
        theme: Theme::named_from_env(theme.or(config.theme).unwrap_or_default()),
        granularity: config.granularity,
        options,
        keys: config.keys,
    };
    let what = describe(paths);
    let ended = tui::run(source, &what, &setup);
    print_warnings(&take(&warnings));
    match ended? {
        Ended::Quit => Ok(()),
        Ended::Signalled(status) => std::process::exit(status),
    }
}

/// Loads on the loading thread; warnings are kept for after the terminal
/// is restored.
fn load_in_background(paths: &[String], warnings: &Mutex<Vec<String>>) -> Result<Vec<Article>> {
    let (articles, found) = load_quietly(paths)?;
    warnings
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .extend(found);
    if articles.is_empty() {
        bail!("no articles to read");
    }
    Ok(articles)
}

fn take(warnings: &Mutex<Vec<String>>) -> Vec<String> {
    std::mem::take(&mut *warnings.lock().unwrap_or_else(PoisonError::into_inner))
}

/// What the loading screen says is being loaded.
fn describe(paths: &[String]) -> String {
    match paths {
        [] => "the demo corpus".to_string(),
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first} and {} more", rest.len()),
    }
}

/// Without a terminal (a pipe, a script, `git difftool` run by a tool)
/// there is no reader to open: two articles print as `diptych align`
/// would, anything else is an error that says what to run instead.
fn without_terminal(articles: &[Article], config: &Config) -> Result<()> {
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
