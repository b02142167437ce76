//! `diptych facts --format text`: the fact groups for people, one block
//! per fact, discrepancies first and flagged with `!` (not colour alone).

use std::fmt::Write;

use crate::article::Article;
use crate::facts::{Fact, FactKind};
use crate::report::{Mark, marked_segments};

/// Plain text of `facts`: a header line per fact, a line per variant with
/// where it occurs, and the word diff of reworded quotes.
pub fn render(articles: &[Article], facts: &[Fact]) -> String {
    let mut out = String::new();
    let discrepancies = facts.iter().filter(|f| f.discrepancy).count();
    let _ = writeln!(
        out,
        "{} facts, {discrepancies} discrepancies, across {}\n",
        facts.len(),
        super::count(articles.len(), "article")
    );
    for fact in facts {
        let flag = if fact.discrepancy { "!" } else { " " };
        let _ = writeln!(out, "{flag} {:<11} {}", fact.kind.name(), fact.label);
        if let Some(reason) = &fact.reason {
            let _ = writeln!(out, "              {reason}");
        }
        for variant in &fact.variants {
            let mut places: Vec<(usize, usize)> = variant
                .mentions
                .iter()
                .map(|m| (m.article, m.paragraph))
                .collect();
            places.dedup();
            let places: Vec<String> = places
                .into_iter()
                .map(|(a, p)| format!("{} ¶{}", short_source(articles, a), p + 1))
                .collect();
            let shown = if fact.kind == FactKind::Quote && !variant.diff.is_empty() {
                diff_line(&fact.variants[0].text, &variant.text, &variant.diff)
            } else {
                variant.text.clone()
            };
            let _ = writeln!(out, "    {shown}  [{}]", places.join(", "));
        }
    }
    out
}

/// "[-old-]{+new+}" marks of a quote against the first rendering.
pub fn diff_line(first: &str, this: &str, diff: &[crate::align::DiffOp]) -> String {
    let mut out = String::new();
    let deleted: Vec<&str> = marked_segments(first, 0, diff, |op| op.left)
        .into_iter()
        .filter(|(mark, _)| *mark == Mark::Changed)
        .map(|(_, text)| text)
        .collect();
    for (mark, text) in marked_segments(this, 0, diff, |op| op.right) {
        match mark {
            Mark::Plain => out.push_str(text),
            Mark::Changed => {
                let _ = write!(out, "{{+{text}+}}");
            }
        }
    }
    if !deleted.is_empty() {
        let _ = write!(
            out,
            "  (first rendering had: [-{}-])",
            deleted.join("-] [-")
        );
    }
    out
}

/// The article's file stem, enough to tell seeds apart ("003").
fn short_source(articles: &[Article], index: usize) -> String {
    articles.get(index).map_or_else(
        || index.to_string(),
        |a| {
            a.source
                .split(['_', '.'])
                .next()
                .unwrap_or(&a.source)
                .to_string()
        },
    )
}
