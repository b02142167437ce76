//! Structured inputs (HTML, Markdown, JSON) → articles. Their markup already
//! says where paragraphs end and which are headings or list items; this
//! module cleans the text, keeps those kinds, and still runs the boilerplate
//! classifier so "Read more" or a photo credit is furniture in every format.

use super::classify::{classify_marked, title_index};
use super::clean::{clean_text, squash_spaces};
use super::load::file_stem;
use super::segment::RawParagraph;
use super::{Article, Kind, Meta, Paragraph};

/// One paragraph as the markup gave it, before cleaning and classification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    /// The role the markup names: `Heading` for `<h2>` or `## `, `ListItem`
    /// for `<li>` or `- `, `Caption` for `<figcaption>`, else `Body`.
    pub kind: Kind,
}

impl Block {
    pub fn new(text: impl Into<String>, kind: Kind) -> Self {
        Block {
            text: text.into(),
            kind,
        }
    }
}

/// Where an article came from: the input as the user named it (a path, `-`
/// or a URL) and the short name shown as its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub path: String,
    pub source: String,
}

/// What a format parser found: the blocks, and the title and metadata its
/// markup states (`<title>`, front matter, a JSON field).
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub blocks: Vec<Block>,
    pub title: Option<String>,
    pub meta: Meta,
}

/// Max headings at the top searched for one that repeats the stated title.
const TITLE_SEARCH_DEPTH: usize = 3;

/// Builds the article. A stated title that the text does not open with is
/// put in front as a heading, so an HTML page and a text copy of the same
/// story both start with their headline and the headlines can link.
pub fn assemble(origin: &Origin, parsed: Parsed) -> Article {
    let title = parsed
        .title
        .map(|t| squash_spaces(&clean_text(&t)))
        .filter(|t| !t.is_empty());
    let mut blocks: Vec<Block> = parsed
        .blocks
        .into_iter()
        .map(|b| Block::new(squash_spaces(&clean_text(&b.text)), b.kind))
        .filter(|b| !b.text.is_empty())
        .collect();
    if let Some(title) = &title
        && !opens_with(&blocks, title)
    {
        blocks.insert(0, Block::new(title.clone(), Kind::Heading));
    }
    let before = blocks.len();
    blocks.dedup_by(|later, earlier| later.text == earlier.text);
    let repeats = before - blocks.len();

    let raw: Vec<RawParagraph> = blocks
        .iter()
        .map(|b| RawParagraph {
            text: b.text.clone(),
            bulleted: b.kind == Kind::ListItem,
            single_line: b.kind == Kind::Heading,
        })
        .collect();
    let markup: Vec<Kind> = blocks.iter().map(|b| b.kind).collect();
    let kinds = classify_marked(&raw, &markup);
    let title = title
        .or_else(|| title_index(&kinds).map(|i| blocks[i].text.clone()))
        .unwrap_or_else(|| file_stem(&origin.source));

    let mut notes = Vec::new();
    if repeats > 0 {
        notes.push(format!("{repeats} repeated paragraph(s) shown once"));
    }
    if blocks.is_empty() {
        notes.push("empty: no text to compare".to_string());
    } else if !kinds
        .iter()
        .any(|k| matches!(k, Kind::Body | Kind::ListItem))
    {
        notes.push("no story text found, only headings or page furniture".to_string());
    }
    let paragraphs = blocks
        .into_iter()
        .zip(kinds)
        .map(|(b, kind)| Paragraph { text: b.text, kind })
        .collect();
    Article {
        path: origin.path.clone(),
        source: origin.source.clone(),
        title,
        paragraphs,
        meta: parsed.meta,
        notes,
    }
}

fn opens_with(blocks: &[Block], title: &str) -> bool {
    blocks
        .iter()
        .take(TITLE_SEARCH_DEPTH)
        .any(|b| b.kind == Kind::Heading && b.text.eq_ignore_ascii_case(title))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin {
            path: "page.html".into(),
            source: "page.html".into(),
        }
    }

    const BODY: &str = "The council voted on Tuesday to close the old bridge to all traffic.";

    #[test]
    fn markup_kinds_are_kept_and_furniture_found() {
        let parsed = Parsed {
            blocks: vec![
                Block::new("Bridge to close", Kind::Heading),
                Block::new(BODY, Kind::Body),
                Block::new("Repairs will take a year.", Kind::ListItem),
                Block::new("Read more", Kind::Body),
            ],
            title: Some("Bridge to close".into()),
            meta: Meta::default(),
        };
        let article = assemble(&origin(), parsed);
        let kinds: Vec<Kind> = article.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [Kind::Heading, Kind::Body, Kind::ListItem, Kind::Boilerplate]
        );
        assert_eq!(article.title, "Bridge to close");
    }

    #[test]
    fn a_missing_headline_is_put_in_front() {
        let parsed = Parsed {
            blocks: vec![Block::new(BODY, Kind::Body)],
            title: Some("Bridge  to close".into()),
            meta: Meta::default(),
        };
        let article = assemble(&origin(), parsed);
        assert_eq!(article.paragraphs[0].text, "Bridge to close");
        assert_eq!(article.paragraphs[0].kind, Kind::Heading);
        assert_eq!(article.paragraphs.len(), 2);
    }

    #[test]
    fn no_text_is_a_note_and_the_title_falls_back_to_the_file_stem() {
        let article = assemble(&origin(), Parsed::default());
        assert_eq!(article.title, "page");
        assert_eq!(article.notes, ["empty: no text to compare"]);
    }
}
