//! The binary edge: parse arguments, load inputs, run a command, and turn
//! every failure into one line on stderr with a non-zero exit code.

mod cli;

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Parser;

use cli::{AlignFormat, Cli, Command};
use diptych::align::{AlignOptions, align};
use diptych::article::{Article, LoadError, load_inputs};
use diptych::report::{align_json, align_text};

/// Exit code for unusable input (missing, binary, empty directory).
const EXIT_BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("diptych: {error:#}");
            let bad_input = error.downcast_ref::<LoadError>().is_some();
            ExitCode::from(if bad_input { EXIT_BAD_INPUT } else { 1 })
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Some(Command::Align {
            left,
            right,
            granularity,
            format,
            include_boilerplate,
        }) => {
            let (left, right) = load_pair(&left, &right)?;
            let options = AlignOptions {
                granularity: granularity.into(),
                include_boilerplate,
            };
            let alignment = align(&left, &right, options);
            let output = match format {
                AlignFormat::Json => align_json::render(&left, &right, &alignment),
                AlignFormat::Text => align_text::render(&left, &right, &alignment, text_styling()),
            };
            write_stdout(&output)
        }
        None => {
            let loaded = load(&cli.paths)?;
            bail!(
                "the reader is not built yet; {} article(s) loaded. Try `diptych align A B`.",
                loaded.len()
            )
        }
    }
}

/// Loads inputs, printing the loader's warnings to stderr.
fn load(paths: &[String]) -> Result<Vec<Article>> {
    let mut stdin = std::io::stdin();
    let loaded = load_inputs(paths, &mut stdin as &mut dyn Read)?;
    for warning in &loaded.warnings {
        eprintln!("diptych: warning: {warning}");
    }
    Ok(loaded.articles)
}

/// Exactly two articles, one per path.
fn load_pair(left: &str, right: &str) -> Result<(Article, Article)> {
    let mut articles = Vec::new();
    for path in [left, right] {
        let mut loaded = load(&[path.to_string()])?;
        if loaded.len() != 1 {
            bail!(
                "{path}: holds {} articles; align takes one file per side",
                loaded.len()
            );
        }
        articles.append(&mut loaded);
    }
    let right = articles.pop().context("right article")?;
    let left = articles.pop().context("left article")?;
    Ok((left, right))
}

/// Colour only for a terminal, and never under NO_COLOR.
fn text_styling() -> align_text::Styling {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if std::io::stdout().is_terminal() && !no_color {
        align_text::Styling::Ansi
    } else {
        align_text::Styling::Plain
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn write_stdout(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to stdout"),
    }
}
