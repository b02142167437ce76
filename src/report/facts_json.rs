//! `diptych facts --format json`: the contract external evaluators read.
//! Promised fields: `facts[].kind`, `facts[].discrepancy`,
//! `facts[].variants[].text`, `.articles` (sources) and `.paragraphs`
//! (`[source, 0-based paragraph index]`). Add fields, never rename or drop.
//!
//! Sources can repeat (two files named `story.txt` in two directories, or
//! one file given twice), so every article is also named by its 0-based
//! position in `articles`: `article_paths`, `variants[].article_indices`
//! and `mentions[].article_index`.

use serde::Serialize;

use crate::align::DiffOp;
use crate::article::Article;
use crate::facts::{Fact, FactKind, Mention, Variant};

#[derive(Serialize)]
struct FactsDocument<'a> {
    articles: Vec<&'a str>,
    /// Each article's path, parallel to `articles`.
    article_paths: Vec<&'a str>,
    facts: Vec<FactDocument<'a>>,
}

#[derive(Serialize)]
pub(crate) struct FactDocument<'a> {
    kind: FactKind,
    label: &'a str,
    discrepancy: bool,
    reason: Option<&'a str>,
    variants: Vec<VariantDocument<'a>>,
}

#[derive(Serialize)]
struct VariantDocument<'a> {
    text: &'a str,
    normalized: &'a str,
    articles: Vec<&'a str>,
    /// The same articles as 0-based positions in the document's
    /// `articles`, which tell apart two articles of one source name.
    article_indices: Vec<usize>,
    paragraphs: Vec<(&'a str, usize)>,
    forms: &'a [String],
    mentions: Vec<MentionDocument<'a>>,
    #[serde(skip_serializing_if = "<[DiffOp]>::is_empty")]
    diff: &'a [DiffOp],
}

/// Where a variant occurs: article source, paragraph, byte range.
#[derive(Serialize)]
struct MentionDocument<'a> {
    article: &'a str,
    /// The article's 0-based position in the document's `articles`.
    article_index: usize,
    paragraph: usize,
    start: usize,
    end: usize,
}

fn source(articles: &[Article], index: usize) -> &str {
    articles.get(index).map_or("", |a| a.source.as_str())
}

fn variant<'a>(articles: &'a [Article], v: &'a Variant) -> VariantDocument<'a> {
    let mut paragraphs: Vec<(&str, usize)> = v
        .mentions
        .iter()
        .map(|m| (source(articles, m.article), m.paragraph))
        .collect();
    paragraphs.dedup();
    let mention = |m: &Mention| MentionDocument {
        article: source(articles, m.article),
        article_index: m.article,
        paragraph: m.paragraph,
        start: m.range.start,
        end: m.range.end,
    };
    VariantDocument {
        text: &v.text,
        normalized: &v.normalized,
        articles: v
            .articles()
            .into_iter()
            .map(|a| source(articles, a))
            .collect(),
        article_indices: v.articles().into_iter().collect(),
        paragraphs,
        forms: &v.forms,
        mentions: v.mentions.iter().map(mention).collect(),
        diff: &v.diff,
    }
}

/// One fact as its JSON object (shared with the corpus report's JSON).
pub(crate) fn fact_document<'a>(articles: &'a [Article], fact: &'a Fact) -> FactDocument<'a> {
    FactDocument {
        kind: fact.kind,
        label: &fact.label,
        discrepancy: fact.discrepancy,
        reason: fact.reason.as_deref(),
        variants: fact.variants.iter().map(|v| variant(articles, v)).collect(),
    }
}

/// Pretty-printed JSON of `facts` extracted from `articles`.
pub fn render(articles: &[Article], facts: &[Fact]) -> String {
    let document = FactsDocument {
        articles: articles.iter().map(|a| a.source.as_str()).collect(),
        article_paths: articles.iter().map(|a| a.path.as_str()).collect(),
        facts: facts.iter().map(|f| fact_document(articles, f)).collect(),
    };
    // Plain structs of strings and numbers always serialise.
    serde_json::to_string_pretty(&document).unwrap_or_default() + "\n"
}
