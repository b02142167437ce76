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
        "{}, {}, across {}\n",
        super::count(facts.len(), "fact"),
        super::count_irregular(discrepancies, "discrepancy", "discrepancies"),
        super::count(articles.len(), "article")
    );
    let labels = short_labels(articles);
    let label = |a: usize| labels.get(a).cloned().unwrap_or_else(|| a.to_string());
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
                .map(|(a, p)| format!("{} ¶{}", label(a), p + 1))
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
            Mark::Plain | Mark::Shared => out.push_str(text),
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

/// A short label for each article, enough to tell them apart: the
/// shortest prefix of its name that ends at a `_` or `.` and is no other
/// article's ("003" for the seeds, "reuters_v1" beside "reuters_v2");
/// the whole name with its number when two articles share a name.
pub fn short_labels(articles: &[Article]) -> Vec<String> {
    let sources: Vec<&str> = articles.iter().map(|a| a.source.as_str()).collect();
    sources
        .iter()
        .enumerate()
        .map(|(i, source)| {
            let clashes = |prefix: &str| {
                sources.iter().enumerate().any(|(j, other)| {
                    j != i
                        && other
                            .strip_prefix(prefix)
                            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['_', '.']))
                })
            };
            let cuts = source
                .char_indices()
                .filter(|(_, c)| matches!(c, '_' | '.'))
                .map(|(at, _)| at)
                .chain([source.len()]);
            cuts.filter(|&at| at > 0)
                .map(|at| &source[..at])
                .find(|prefix| !clashes(prefix))
                .map_or_else(|| format!("{source} (#{})", i + 1), str::to_string)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse_article;

    fn labels(names: &[&str]) -> Vec<String> {
        let articles: Vec<Article> = names
            .iter()
            .map(|n| parse_article(n, n, "Some text."))
            .collect();
        short_labels(&articles)
    }

    #[test]
    fn labels_are_short_and_distinct() {
        assert_eq!(
            labels(&["000_47682a1b.txt", "003_6d3aa61f.txt"]),
            ["000", "003"]
        );
        assert_eq!(
            labels(&["reuters_v1.txt", "reuters_v2.txt", "ap.txt"]),
            ["reuters_v1", "reuters_v2", "ap"]
        );
        assert_eq!(labels(&["a.txt", "a.txt"]), ["a.txt (#1)", "a.txt (#2)"]);
        assert_eq!(
            labels(&["story.txt", "story.html"]),
            ["story.txt", "story.html"]
        );
    }
}
