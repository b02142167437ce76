//! `diptych align LEFT RIGHT`: the comparison of one pair, as text or JSON.

use anyhow::Result;

use super::progress_bar::Bar;
use crate::cli::{AlignArgs, AlignFormat};
use crate::io::{load_pair, stdout_wants_color, write_stdout, write_stdout_with, write_styled};
use diptych::align::{AlignOptions, Granularity, Unit, align_units, units_from};
use diptych::article::Article;
use diptych::parallel::{SPLIT_FROM_BYTES, join};
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

/// The article's units and word count. Its paragraphs move into the units
/// (the reports below read only the articles' names, titles and
/// metadata), so a book-length pair holds its text once, not twice.
fn into_units(article: &mut Article, granularity: Granularity) -> (Vec<Unit>, usize) {
    let words = article.word_count();
    let units = units_from(std::mem::take(&mut article.paragraphs), granularity);
    (units, words)
}

pub fn run(args: AlignArgs) -> Result<()> {
    let (mut left, mut right) = load_pair(&args.left, &args.right)?;
    let options = AlignOptions {
        granularity: args.granularity.into(),
        include_boilerplate: args.include_boilerplate,
    };
    let bar = Bar::new("aligning");
    let text_bytes: usize = [&left, &right]
        .iter()
        .flat_map(|article| &article.paragraphs)
        .map(|p| p.text.len())
        .sum();
    let ((left_units, left_words), (right_units, right_words)) = join(
        text_bytes >= SPLIT_FROM_BYTES,
        || into_units(&mut left, options.granularity),
        || into_units(&mut right, options.granularity),
    );
    let alignment = align_units(left_units, right_units, options);
    drop(bar);
    let styling = if stdout_wants_color() {
        align_text::Styling::Ansi
    } else {
        align_text::Styling::Plain
    };
    let written = match args.format {
        AlignFormat::Json => {
            let left = align_json::Side {
                article: &left,
                words: left_words,
            };
            let right = align_json::Side {
                article: &right,
                words: right_words,
            };
            write_stdout_with(|out| align_json::write(out, left, right, &alignment))
        }
        AlignFormat::Text => {
            let text = align_text::render_wrapped(&left, &right, &alignment, styling, text_width());
            match styling {
                align_text::Styling::Ansi => write_styled(&text),
                align_text::Styling::Plain => write_stdout(&text),
            }
        }
    };
    // The process ends next: freeing a book-length pair's hundreds of
    // thousands of allocations one by one was 2-3% of its CPU, for memory
    // the exit returns at once.
    std::mem::forget((alignment, left, right));
    written
}
