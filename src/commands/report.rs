//! `diptych report [PATHS…]`: the corpus report as Markdown, HTML or JSON,
//! to stdout or atomically to a file.

use anyhow::{Context, Result, bail};

use super::progress_bar::Bar;
use crate::cli::{ReportArgs, ReportFormat};
use crate::io::load;
use crate::output::Output;
use diptych::align::Granularity;
use diptych::article::{Article, sanitize};
use diptych::corpus::{AlignmentCache, Comparison};
use diptych::facts::extract_facts_with;
use diptych::progress::Progress;
use diptych::report::corpus::CorpusReport;
use diptych::report::{corpus_html, corpus_json, corpus_md};

pub fn run(args: ReportArgs) -> Result<()> {
    let output = Output::open(args.output.as_deref(), &args.paths)?;
    let articles = load(&args.paths)?;
    if articles.len() < 2 {
        bail!(
            "a report compares articles: give at least two (got {})",
            articles.len()
        );
    }
    let bar = Bar::new("comparing pairs");
    let cache = AlignmentCache::default();
    // The bar never cancels, so there is always a comparison.
    let comparison =
        Comparison::with(&articles, &cache, &bar).unwrap_or_else(|| Comparison::of(&articles));
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
    // Usually aligned already, for the comparison.
    bar.phase("aligning the pair", 1);
    let alignment = cache
        .alignment(&articles, pair.0, pair.1, Granularity::Paragraph)
        .context("--pair: no such article")?;
    let facts = extract_facts_with(&articles, &bar).unwrap_or_default();
    drop(bar);
    let report = CorpusReport {
        articles: &articles,
        comparison: &comparison,
        facts: &facts,
        pair,
        alignment: &alignment,
    };
    // Terminal-safe whether it lands on a screen or in a file someone cats.
    let text = match args.format {
        ReportFormat::Markdown => sanitize::lines(&corpus_md::render(&report)).into_owned(),
        ReportFormat::Html => sanitize::lines(&corpus_html::render(&report)).into_owned(),
        ReportFormat::Json => sanitize::json(&corpus_json::render(&report)).into_owned(),
    };
    output.commit(&text, &articles)
}

/// An article named by path, file name, unique prefix of its file name
/// (`000`), or its number as the reader and the report show it (1-based),
/// in that order of preference. A number that is also the prefix of
/// another article's file name is refused as ambiguous: which of the two
/// the user meant cannot be guessed.
fn pick(articles: &[Article], name: &str) -> Result<usize> {
    if let Some(i) = articles
        .iter()
        .position(|a| a.path == name || a.source == name)
    {
        return Ok(i);
    }
    let matches: Vec<usize> = (0..articles.len())
        .filter(|&i| articles[i].source.starts_with(name))
        .collect();
    // "003" is written as a name, "3" as a number.
    let number = name
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=articles.len()).contains(n) && n.to_string() == name);
    if let Some(number) = number
        && let Some(&other) = matches.iter().find(|&&i| i != number - 1)
    {
        bail!(
            "--pair: {name}: could be article {number} ({}) or {}; write the file name",
            articles[number - 1].source,
            articles[other].source,
        );
    }
    match (matches.as_slice(), name.parse::<usize>()) {
        ([one], _) => Ok(*one),
        ([], Ok(number)) if (1..=articles.len()).contains(&number) => Ok(number - 1),
        ([], Ok(_)) => bail!(
            "--pair: {name}: no such article (numbers run from 1 to {})",
            articles.len()
        ),
        ([], Err(_)) => bail!("--pair: {name}: no loaded article has that name"),
        _ => bail!(
            "--pair: {name}: names {} articles; be more specific",
            matches.len()
        ),
    }
}
