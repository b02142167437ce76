//! `diptych facts [PATHS…]`: the facts of all articles, grouped across
//! them, discrepancies first.

use anyhow::Result;

use crate::cli::{FactsArgs, FactsFormat};
use crate::io::{load, write_json, write_stdout};
use diptych::facts::extract_facts;
use diptych::report::{facts_json, facts_text};

pub fn run(args: FactsArgs) -> Result<()> {
    let articles = load(&args.paths)?;
    let facts = extract_facts(&articles);
    match args.format {
        FactsFormat::Json => write_json(&facts_json::render(&articles, &facts)),
        FactsFormat::Text => write_stdout(&facts_text::render(&articles, &facts)),
    }
}
