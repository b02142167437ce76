//! `diptych align LEFT RIGHT`: the comparison of one pair, as text or JSON.

use anyhow::Result;

use super::progress_bar::Bar;
use crate::cli::{AlignArgs, AlignFormat};
use crate::io::{load_pair, stdout_wants_color, write_json, write_stdout, write_styled};
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
    let bar = Bar::new("aligning");
    let alignment = align(&left, &right, options);
    drop(bar);
    let styling = if stdout_wants_color() {
        align_text::Styling::Ansi
    } else {
        align_text::Styling::Plain
    };
    match args.format {
        AlignFormat::Json => write_json(&align_json::render(&left, &right, &alignment)),
        AlignFormat::Text => {
            let text = align_text::render_wrapped(&left, &right, &alignment, styling, text_width());
            match styling {
                align_text::Styling::Ansi => write_styled(&text),
                align_text::Styling::Plain => write_stdout(&text),
            }
        }
    }
}
