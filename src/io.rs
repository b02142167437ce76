//! Input and output at the binary edge: loading with warnings on stderr,
//! colour decisions, and stdout writes that tolerate a closed pipe.

use std::io::{IsTerminal, Read, Write};
use std::sync::OnceLock;

use anyhow::{Context, Result, bail};

use diptych::article::{Article, LoadOptions, load_inputs_with};

/// How every command reads its inputs (`--input-format` is global). Set once
/// in `main` before any command runs, so each command's loading stays a
/// plain `load(paths)` call.
static LOAD_OPTIONS: OnceLock<LoadOptions> = OnceLock::new();

/// Records the global loading options; later calls are ignored.
pub fn set_load_options(options: LoadOptions) {
    let _ = LOAD_OPTIONS.set(options);
}

/// Loads inputs (the demo corpus when there are none), printing the
/// loader's warnings to stderr.
pub fn load(paths: &[String]) -> Result<Vec<Article>> {
    let mut stdin = std::io::stdin();
    let options = LOAD_OPTIONS.get_or_init(LoadOptions::default);
    let loaded = load_inputs_with(paths, &mut stdin as &mut dyn Read, options)?;
    for warning in &loaded.warnings {
        eprintln!("diptych: warning: {warning}");
    }
    Ok(loaded.articles)
}

/// Exactly two articles, one per path.
pub fn load_pair(left: &str, right: &str) -> Result<(Article, Article)> {
    let mut articles = Vec::new();
    for path in [left, right] {
        let mut loaded = load(&[path.to_string()])?;
        if loaded.len() != 1 {
            bail!(
                "{path}: holds {} articles; give one per side ({path}#1 picks the first)",
                loaded.len()
            );
        }
        articles.append(&mut loaded);
    }
    let right = articles.pop().context("right article")?;
    let left = articles.pop().context("left article")?;
    Ok((left, right))
}

/// Colour for a terminal stdout, never under NO_COLOR (any non-empty value).
pub fn stdout_wants_color() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    std::io::stdout().is_terminal() && !no_color
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
pub fn write_stdout(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to stdout"),
    }
}
