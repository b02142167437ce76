//! `diptych [PATHS…]`: the interactive reader over the given articles, or
//! over the embedded demo corpus when there are none.
//!
//! Loading runs on a thread: when it is quick (and for errors, which should
//! read as plain lines on the shell) the terminal is taken only after it;
//! when it is slow the reader shows a loading screen meanwhile.

use std::sync::mpsc::{RecvTimeoutError, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use anyhow::{Result, bail};

use crate::io::{load_quietly, print_warnings};
use crate::tui::{self, EXIT_SIGNALLED, Ended};
use diptych::article::Article;

/// How long loading may take before the loading screen shows.
const QUICK: Duration = Duration::from_millis(150);

pub fn run(paths: &[String]) -> Result<()> {
    let warnings = Arc::new(Mutex::new(Vec::new()));
    let (sender, loading) = channel();
    {
        let paths = paths.to_vec();
        let warnings = warnings.clone();
        std::thread::spawn(move || {
            let _ = sender.send(load(&paths, &warnings));
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
    let what = describe(paths);
    let ended = tui::run(source, &what);
    print_warnings(&take(&warnings));
    match ended? {
        Ended::Quit => Ok(()),
        Ended::Signalled => std::process::exit(EXIT_SIGNALLED),
    }
}

/// Loads on the loading thread; warnings are kept for after the terminal
/// is restored.
fn load(paths: &[String], warnings: &Mutex<Vec<String>>) -> Result<Vec<Article>> {
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
