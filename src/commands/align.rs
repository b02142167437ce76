//! `diptych align LEFT RIGHT`: the comparison of one pair, as text or JSON.

use anyhow::Result;

use super::progress_bar::Bar;
use crate::cli::{AlignArgs, AlignFormat};
use crate::io::{load_pair, stdout_wants_color, write_stdout};
use diptych::align::{AlignOptions, align};
use diptych::report::{align_json, align_text};

pub fn run(args: AlignArgs) -> Result<()> {
    let (left, right) = load_pair(&args.left, &args.right)?;
    let options = AlignOptions {
        granularity: args.granularity.into(),
        include_boilerplate: args.include_boilerplate,
    };
    let bar = Bar::new("aligning");
    let alignment = align(&left, &right, options);
    drop(bar);
    let output = match args.format {
        AlignFormat::Json => align_json::render(&left, &right, &alignment),
        AlignFormat::Text => {
            let styling = if stdout_wants_color() {
                align_text::Styling::Ansi
            } else {
                align_text::Styling::Plain
            };
            align_text::render(&left, &right, &alignment, styling)
        }
    };
    write_stdout(&output)
}
