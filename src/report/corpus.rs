//! What a corpus report holds, shared by its Markdown, HTML and JSON
//! renderers: the articles, every pair's similarity, coverage, the facts,
//! and one chosen pair aligned in full.

use crate::align::{DiffOp, Group, Span};
use crate::article::Article;
use crate::corpus::Comparison;
use crate::facts::{Fact, FactKind, Variant};
use crate::report::{Mark, marked_segments};

use crate::align::Alignment;

/// Everything a report shows.
pub struct CorpusReport<'a> {
    pub articles: &'a [Article],
    pub comparison: &'a Comparison,
    pub facts: &'a [Fact],
    /// The pair shown in full: (left, right) article indices.
    pub pair: (usize, usize),
    /// The alignment of that pair, left article on the left.
    pub alignment: &'a Alignment,
}

impl CorpusReport<'_> {
    /// The article's source name (file name).
    pub fn source(&self, index: usize) -> &str {
        self.articles.get(index).map_or("?", |a| a.source.as_str())
    }

    /// The chosen pair's articles.
    pub fn pair_articles(&self) -> (&Article, &Article) {
        (&self.articles[self.pair.0], &self.articles[self.pair.1])
    }
}

/// One side of a group as marked stretches, each already converted by
/// `render` (escaping and tagging are the renderer's).
pub fn side_markup(
    alignment: &Alignment,
    group: &Group,
    left_side: bool,
    render: impl Fn(Mark, &str) -> String,
) -> Vec<String> {
    let (units, indices) = if left_side {
        (&alignment.left, &group.left)
    } else {
        (&alignment.right, &group.right)
    };
    indices
        .iter()
        .filter_map(|&i| units.get(i).map(|u| (i, u)))
        .map(|(i, unit)| {
            let side = |op: &DiffOp| if left_side { op.left } else { op.right };
            marked_segments(&unit.text, i, &group.diff, side)
                .into_iter()
                .map(|(mark, s)| render(mark, s))
                .collect()
        })
        .collect()
}

/// `text` (unit `unit`) with its changed stretches passed to `changed`.
pub fn markup(
    text: &str,
    unit: usize,
    diff: &[DiffOp],
    side: impl Fn(&DiffOp) -> Option<Span>,
    plain: impl Fn(&str) -> String,
    changed: impl Fn(&str) -> String,
) -> String {
    marked_segments(text, unit, diff, side)
        .into_iter()
        .map(|(mark, s)| match mark {
            Mark::Plain | Mark::Shared => plain(s),
            Mark::Changed => changed(s),
        })
        .collect()
}

/// A quote variant set against the first rendering of its statement: its
/// own text with the words it adds passed to `ins`, and the first
/// rendering's words it lacks passed to `del`. `None` for anything that
/// is not a differently worded quote.
pub fn quote_against_first(
    fact: &Fact,
    variant: &Variant,
    esc: impl Fn(&str) -> String,
    del: impl Fn(&str) -> String,
    ins: impl Fn(&str) -> String,
) -> Option<(String, String)> {
    let first = fact.variants.first()?;
    if fact.kind != FactKind::Quote || variant.diff.is_empty() {
        return None;
    }
    let mine = markup(&variant.text, 0, &variant.diff, |op| op.right, esc, ins);
    let theirs = markup(
        &first.text,
        0,
        &variant.diff,
        |op| op.left,
        |_| String::new(),
        |s| del(s) + " ",
    );
    Some((mine, theirs))
}

/// The articles a fact occurs in, numbered from 1 as the reader and the
/// report's `#` column show them: "1, 2, 5".
pub fn article_numbers(fact: &Fact) -> String {
    let numbers: Vec<String> = fact
        .articles()
        .iter()
        .map(|a| (a + 1).to_string())
        .collect();
    numbers.join(", ")
}

/// What a group is, in words, for headings.
pub fn group_label(group: &Group) -> String {
    match (group.left.is_empty(), group.right.is_empty()) {
        (false, false) => {
            let what = if group.is_reworded() {
                "reworded"
            } else {
                "same"
            };
            let moved = if group.moved { ", moved" } else { "" };
            format!("{what}{moved} · score {:.2}", group.score)
        }
        (false, true) => "only left".to_string(),
        (true, false) => "only right".to_string(),
        (true, true) => String::new(),
    }
}

/// At most `max` characters of `text`, cut at a word, with "…".
pub fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", &cut[..at])
}

/// Where a variant occurs: "source ¶1 ¶4; source ¶2" (1-based, as in
/// the reader), escaped.
pub fn places(r: &CorpusReport, v: &Variant, esc: impl Fn(&str) -> String) -> String {
    let by_article = v.paragraphs_by_article();
    by_article
        .iter()
        .map(|(a, ps)| {
            let ps: Vec<String> = ps.iter().map(|p| format!("¶{}", p + 1)).collect();
            format!("{} {}", esc(r.source(*a)), ps.join(" "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A share as a whole percentage, never "-0%".
pub fn percent(share: f64) -> String {
    format!("{:.0}%", (share * 100.0).max(0.0))
}
