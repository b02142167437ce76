//! `diptych align LEFT RIGHT`: the comparison of one pair, as text or JSON.

use anyhow::Result;

use crate::cli::{AlignArgs, AlignFormat};
use crate::io::{load_pair, stdout_wants_color, write_json, write_stdout, write_styled};
use diptych::align::{AlignOptions, align};
use diptych::report::{align_json, align_text};

pub fn run(args: AlignArgs) -> Result<()> {
    let (left, right) = load_pair(&args.left, &args.right)?;
    let options = AlignOptions {
        granularity: args.granularity.into(),
        include_boilerplate: args.include_boilerplate,
    };
    let alignment = align(&left, &right, options);
    match args.format {
        AlignFormat::Json => write_json(&align_json::render(&left, &right, &alignment)),
        AlignFormat::Text if stdout_wants_color() => write_styled(&align_text::render(
            &left,
            &right,
            &alignment,
            align_text::Styling::Ansi,
        )),
        AlignFormat::Text => write_stdout(&align_text::render(
            &left,
            &right,
            &alignment,
            align_text::Styling::Plain,
        )),
    }
}
