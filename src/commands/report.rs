//! `diptych report [PATHS…]`: the corpus report as Markdown, HTML or JSON,
//! to stdout or atomically to a file.

use anyhow::{Result, bail};

use crate::cli::{ReportArgs, ReportFormat};
use crate::io::{load, write_atomic, write_stdout};
use diptych::align::{AlignOptions, align};
use diptych::article::Article;
use diptych::corpus::Comparison;
use diptych::facts::extract_facts;
use diptych::report::corpus::CorpusReport;
use diptych::report::{corpus_html, corpus_json, corpus_md};

pub fn run(args: ReportArgs) -> Result<()> {
    let articles = load(&args.paths)?;
    if articles.len() < 2 {
        bail!(
            "a report compares articles: give at least two (got {})",
            articles.len()
        );
    }
    let comparison = Comparison::of(&articles);
    let pair = match &args.pair {
        Some(names) => (pick(&articles, &names[0])?, pick(&articles, &names[1])?),
        None => comparison.matrix.most_similar().unwrap_or((0, 1)),
    };
    if pair.0 == pair.1 {
        bail!(
            "--pair: {} is the same article twice",
            articles[pair.0].source
        );
    }
    let alignment = align(
        &articles[pair.0],
        &articles[pair.1],
        AlignOptions::default(),
    );
    let facts = extract_facts(&articles);
    let report = CorpusReport {
        articles: &articles,
        comparison: &comparison,
        facts: &facts,
        pair,
        alignment: &alignment,
    };
    let text = match args.format {
        ReportFormat::Markdown => corpus_md::render(&report),
        ReportFormat::Html => corpus_html::render(&report),
        ReportFormat::Json => corpus_json::render(&report),
    };
    match &args.output {
        Some(path) => write_atomic(path, &text, &articles),
        None => write_stdout(&text),
    }
}

/// An article named by path, file name, 0-based index or unique prefix of
/// its file name, in that order of preference.
fn pick(articles: &[Article], name: &str) -> Result<usize> {
    if let Some(i) = articles
        .iter()
        .position(|a| a.path == name || a.source == name)
    {
        return Ok(i);
    }
    if let Ok(i) = name.parse::<usize>() {
        if i < articles.len() {
            return Ok(i);
        }
        bail!(
            "--pair: {name}: no such article (indices are 0-based; {} loaded)",
            articles.len()
        );
    }
    let matches: Vec<usize> = (0..articles.len())
        .filter(|&i| articles[i].source.starts_with(name))
        .collect();
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => bail!("--pair: {name}: no loaded article has that name"),
        _ => bail!(
            "--pair: {name}: names {} articles; be more specific",
            matches.len()
        ),
    }
}
