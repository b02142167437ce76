//! Input and output at the binary edge: loading with warnings on stderr,
//! colour decisions, and stdout writes that tolerate a closed pipe.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
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
    let (articles, warnings) = load_quietly(paths)?;
    print_warnings(&warnings);
    Ok(articles)
}

/// Loads inputs and returns the warnings instead of printing them (the
/// reader loads on a thread while the terminal shows progress, and prints
/// them once the terminal is restored).
pub fn load_quietly(paths: &[String]) -> Result<(Vec<Article>, Vec<String>)> {
    let mut stdin = std::io::stdin();
    let options = LOAD_OPTIONS.get_or_init(LoadOptions::default);
    let loaded = load_inputs_with(paths, &mut stdin as &mut dyn Read, options)?;
    Ok((loaded.articles, loaded.warnings))
}

/// The loader's warnings, one line each on stderr.
pub fn print_warnings(warnings: &[String]) {
    for warning in warnings {
        eprintln!("diptych: warning: {warning}");
    }
}

/// Input that loads but cannot serve as asked (a directory where one
/// article is needed); exits with the same code as unreadable input.
#[derive(Debug)]
pub struct BadInput(pub String);

impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

/// Exactly two articles, one per path.
pub fn load_pair(left: &str, right: &str) -> Result<(Article, Article)> {
    let mut articles = Vec::new();
    for path in [left, right] {
        let mut loaded = load(&[path.to_string()])?;
        if loaded.len() != 1 {
            return Err(BadInput(format!(
                "{path}: holds {} articles; give one per side ({path}#1 picks the first)",
                loaded.len()
            ))
            .into());
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

/// Writes `text` to `path` atomically: a temporary file in the same
/// directory, then a rename, so readers never see half a report. Refuses
/// to replace any of the input articles.
/// `feed.json#2` (one article of a JSON array) names the file `feed.json`.
fn without_entry_number(path: &str) -> &str {
    match path.rsplit_once('#') {
        Some((file, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => file,
        _ => path,
    }
}

pub fn write_atomic(path: &Path, text: &str, inputs: &[Article]) -> Result<()> {
    let shown = path.display();
    if path.is_dir() {
        bail!("{shown}: is a directory; give a file name for the output");
    }
    if let Ok(target) = path.canonicalize() {
        let clash = inputs
            .iter()
            .filter(|a| a.path != "-")
            .flat_map(|a| [a.path.as_str(), without_entry_number(&a.path)])
            .any(|input| Path::new(input).canonicalize().is_ok_and(|p| p == target));
        if clash {
            bail!("{shown}: is one of the input articles; refusing to overwrite it");
        }
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.diptych-{}.tmp", std::process::id()));
    let written = std::fs::File::create(&temp)
        .and_then(|mut file| {
            file.write_all(text.as_bytes())
                .and_then(|()| file.sync_all())
        })
        .and_then(|()| std::fs::rename(&temp, path));
    if let Err(error) = written {
        let _ = std::fs::remove_file(&temp);
        bail!("{shown}: cannot write: {error}");
    }
    Ok(())
}
