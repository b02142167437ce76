//! HTML pages → the article's main text. Furniture is pruned by tag, role
//! and class words, then dom_smoothie (a maintained port of Mozilla's
//! Readability) picks the story; its output is walked into blocks whose
//! kinds come from the markup. When Readability finds little or nothing
//! (short pages, odd layouts), the pruned `<article>`, `<main>` or
//! `<body>` is walked instead.

mod nesting;
mod prune;
mod walk;

use dom_query::Document;
use dom_smoothie::{Config, Readability};

use super::super::assemble::{Block, Parsed};
use super::super::{Kind, Meta};

/// Readability's result is trusted unless it holds less than this share of
/// the story text the pruned page holds: then it missed part of the story.
const MIN_READABILITY_SHARE: f64 = 0.5;

/// Element count beyond which Readability is not attempted: past this the
/// page is no article, and scoring it would take seconds.
const MAX_ELEMENTS: usize = 60_000;

/// Reads a page. `url` is where it came from, if fetched.
pub fn parse(html: &str, url: Option<&str>) -> Parsed {
    let doc = Document::from(nesting::flatten_if_deep(html).as_ref());
    let mut meta = Meta {
        published: time_element(&doc),
        format: Some("html"),
        ..Meta::default()
    };
    prune::prune(&doc);
    let fallback = walk::blocks(&main_element(&doc));
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let Ok(mut readability) = Readability::with_document(doc, url, Some(config)) else {
        return Parsed {
            blocks: fallback,
            title: None,
            meta,
        };
    };
    let metadata = readability.get_article_metadata(readability.parse_json_ld());
    let (blocks, byline) = match readability.parse() {
        Ok(article) => {
            let content = Document::from(article.content.as_ref());
            let extracted = walk::blocks(&content.root());
            let enough = story_chars(&extracted) as f64
                >= story_chars(&fallback) as f64 * MIN_READABILITY_SHARE;
            let blocks = if enough { extracted } else { fallback };
            (blocks, article.byline.or(metadata.byline))
        }
        Err(_) => (fallback, metadata.byline),
    };
    meta.byline = byline.filter(|b| !b.trim().is_empty());
    meta.published = metadata.published_time.or(meta.published);
    meta.site = metadata.site_name;
    meta.url = metadata.url;
    Parsed {
        blocks,
        title: Some(metadata.title).filter(|t| !t.trim().is_empty()),
        meta,
    }
}

/// Where the story most likely is when Readability cannot say: the
/// longest `<article>`, else `<main>`, else the body.
fn main_element(doc: &Document) -> dom_query::NodeRef<'_> {
    let longest_article = doc
        .select("article")
        .nodes()
        .iter()
        .max_by_key(|n| n.text().len())
        .cloned();
    longest_article
        .or_else(|| doc.select("main, [role=main]").nodes().first().cloned())
        .or_else(|| doc.body())
        .unwrap_or_else(|| doc.root())
}

/// The first `<time datetime=…>` (or its text): the date a page shows.
fn time_element(doc: &Document) -> Option<String> {
    let time = doc.select("time").nodes().first().cloned()?;
    let value = time.attr("datetime").map(|d| d.to_string());
    value
        .or_else(|| Some(time.text().trim().to_string()))
        .filter(|v| !v.is_empty())
}

/// Characters of running text (body and list items) in the blocks.
fn story_chars(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|b| matches!(b.kind, Kind::Body | Kind::ListItem))
        .map(|b| b.text.trim().len())
        .sum()
}
