//! The hand-written document against the serde-derived one it replaced:
//! the same bytes for real alignments (both granularities, every kind of
//! diff op, callouts) and for hostile names and metadata. A field added
//! to a type serde writes (a group, a span, the metadata) without being
//! added to the writer fails here.

use serde::{Serialize, Serializer};

use super::*;
use crate::align::{AlignOptions, Granularity, align};
use crate::article::demo::DEMO_CORPUS;
use crate::article::{Meta, parse_article};

/// The document as it was serialised before: serde derive on these
/// structs, through the terminal-safe pretty formatter.
#[derive(Serialize)]
struct Reference<'a> {
    left: ReferenceSide<'a>,
    right: ReferenceSide<'a>,
    alignment: &'a [Group],
    granularity: &'static str,
    similarity: f64,
    summary: Summary,
}

#[derive(Serialize)]
struct ReferenceSide<'a> {
    path: &'a str,
    source: &'a str,
    title: &'a str,
    words: usize,
    #[serde(serialize_with = "texts")]
    units: &'a [Unit],
    #[serde(serialize_with = "kinds")]
    kinds: &'a [Unit],
    #[serde(serialize_with = "paragraphs")]
    paragraphs: &'a [Unit],
    meta: &'a Meta,
}

fn texts<S: Serializer>(units: &&[Unit], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(units.iter().map(|u| u.text.as_str()))
}

fn kinds<S: Serializer>(units: &&[Unit], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(units.iter().map(|u| u.kind))
}

fn paragraphs<S: Serializer>(units: &&[Unit], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(units.iter().map(|u| u.paragraph))
}

fn reference_side<'a>(article: &'a Article, units: &'a [Unit]) -> ReferenceSide<'a> {
    ReferenceSide {
        path: &article.path,
        source: &article.source,
        title: &article.title,
        words: article.word_count(),
        units,
        kinds: units,
        paragraphs: units,
        meta: &article.meta,
    }
}

fn reference(left: &Article, right: &Article, alignment: &Alignment) -> String {
    let document = Reference {
        left: reference_side(left, &alignment.left),
        right: reference_side(right, &alignment.right),
        alignment: &alignment.groups,
        granularity: alignment.granularity.name(),
        similarity: round4(alignment.similarity),
        summary: Summary::of(alignment),
    };
    let mut out = Vec::new();
    super::super::safe_json::write_pretty(&mut out, &document).expect("writes to a Vec");
    String::from_utf8(out).expect("UTF-8")
}

fn seed(i: usize) -> Article {
    let (name, text) = DEMO_CORPUS[i];
    parse_article(name, name, text)
}

/// Asserts the same bytes; returns how many callouts the alignment has.
fn assert_same(left: &Article, right: &Article, granularity: Granularity) -> usize {
    let options = AlignOptions {
        granularity,
        ..AlignOptions::default()
    };
    let alignment = align(left, right, options);
    assert_eq!(
        render(left, right, &alignment),
        reference(left, right, &alignment)
    );
    alignment.groups.iter().map(|g| g.callouts.len()).sum()
}

#[test]
fn seed_pairs_in_both_granularities() {
    let mut callouts = 0;
    for (i, j) in [(0, 1), (0, 4), (1, 4), (2, 3), (2, 0)] {
        let (left, right) = (seed(i), seed(j));
        for granularity in [Granularity::Paragraph, Granularity::Sentence] {
            callouts += assert_same(&left, &right, granularity);
        }
    }
    assert!(callouts > 0, "the seeds exercise callouts");
}

#[test]
fn hostile_names_metadata_and_an_empty_side() {
    let mut left = parse_article(
        "dir/\u{1b}[2Jevil\u{9b}.txt",
        "evil\u{202e}\".txt",
        "Title \u{7f}with\tcontrols\n\nSome text, \"quoted\" \\ here. Zürich — 北京 👨\u{200d}👩.",
    );
    left.meta = Meta {
        byline: Some("By \u{200b}Jane".into()),
        published: Some("2026-11-29".into()),
        url: Some("https://example.com/a?b=\"c\"".into()),
        site: Some("Site\u{e0041}".into()),
        format: Some("html"),
    };
    let right = parse_article("empty.txt", "empty.txt", "");
    assert_same(&left, &right, Granularity::Paragraph);
    assert_same(&right, &left, Granularity::Sentence);
    assert_same(&left, &seed(0), Granularity::Paragraph);
}

#[test]
fn names_are_serde_names() {
    for kind in [
        Kind::Body,
        Kind::Heading,
        Kind::ListItem,
        Kind::Boilerplate,
        Kind::Caption,
    ] {
        let serde_name = serde_json::to_string(&kind).expect("serialises");
        assert_eq!(serde_name, format!("\"{}\"", kind_name(kind)));
    }
    for tag in [
        DiffTag::Equal,
        DiffTag::Delete,
        DiffTag::Insert,
        DiffTag::Moved,
    ] {
        let serde_name = serde_json::to_string(&tag).expect("serialises");
        assert_eq!(serde_name, format!("\"{}\"", tag_name(tag)));
    }
}

#[test]
fn groups_rendered_in_parts_join_seamlessly() {
    // More groups than one batch of parts, so batch and part boundaries
    // (where commas and indentation are joined) are crossed.
    let paragraphs = super::GROUPS_PER_BATCH + super::GROUPS_PER_PART + 7;
    let text = |side: usize| {
        (0..paragraphs)
            .map(|i| match (i % 5, side) {
                (0, 1) => format!("Only the right side has note {i}, about {}.", i * 7),
                (3, 0) => format!("Paragraph {i} reports {} votes for Smith.", i * 3),
                _ => format!("Paragraph {i} reports {} votes for Jones.", i * 3),
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let left = parse_article("left.txt", "left.txt", &text(0));
    let right = parse_article("right.txt", "right.txt", &text(1));
    assert_same(&left, &right, Granularity::Paragraph);
}
