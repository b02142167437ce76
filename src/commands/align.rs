//! `diptych align LEFT RIGHT`: the comparison of one pair, as text or JSON.

use anyhow::Result;

use crate::cli::{AlignArgs, AlignFormat};
use crate::io::{load_pair, stdout_wants_color, write_stdout};
use diptych::align::{AlignOptions, align};
use diptych::report::{align_json, align_text};

/// Where text output wraps: the terminal's width, else `COLUMNS`, else
/// nowhere (a pipe gets one line per unit, for tools).
fn text_width() -> Option<usize> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal()
        && let Ok((columns, _)) = ratatui::crossterm::terminal::size()
    {
        return Some(usize::from(columns));
    }
    std::env::var("COLUMNS").ok()?.parse().ok()
}

pub fn run(args: AlignArgs) -> Result<()> {
    let (left, right) = load_pair(&args.left, &args.right)?;
    let options = AlignOptions {
        granularity: args.granularity.into(),
        include_boilerplate: args.include_boilerplate,
    };
    let alignment = align(&left, &right, options);
    let output = match args.format {
        AlignFormat::Json => align_json::render(&left, &right, &alignment),
        AlignFormat::Text => {
            let styling = if stdout_wants_color() {
                align_text::Styling::Ansi
            } else {
                align_text::Styling::Plain
            };
            align_text::render_wrapped(&left, &right, &alignment, styling, text_width())
        }
    };
    write_stdout(&output)
}
