//! The hand-written document against the serde-derived one it replaced:
//! the same values for real alignments (both granularities, every kind of
//! diff op, callouts) and for hostile names and metadata, and the same
//! bytes once rows are laid out as serde would. A field added to a type
//! serde writes (a group, a span, the metadata) without being added to
//! the writer fails here.

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

/// Asserts the same values, and the same bytes with every one-line row
/// of ours spread out as serde's pretty printer does; returns how many
/// callouts the alignment has.
fn assert_same(left: &Article, right: &Article, granularity: Granularity) -> usize {
    let options = AlignOptions {
        granularity,
        ..AlignOptions::default()
    };
    let alignment = align(left, right, options);
    let ours = render(left, right, &alignment);
    let expected = reference(left, right, &alignment);
    let value = |text: &str| serde_json::from_str::<serde_json::Value>(text).expect("valid JSON");
    assert_eq!(value(&ours), value(&expected));
    assert_eq!(spread_rows(&ours), expected);
    alignment.groups.iter().map(|g| g.callouts.len()).sum()
}

/// `text` with each line that holds a row (an op, a callout) or a number
/// array spread out as serde's pretty printer does at that line's
/// indentation: what the document was before rows, byte for byte.
fn spread_rows(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let body = line.trim_start();
        let (key, value) = match body.strip_prefix('"').and_then(|b| b.split_once("\": ")) {
            Some((key, value)) if !key.contains('"') => (Some(key), value),
            _ => (None, body),
        };
        let (value, comma) = match value.strip_suffix(',') {
            Some(value) => (value, ","),
            None => (value, ""),
        };
        let is_row = (value.starts_with('{') && value.ends_with('}') && value.len() > 2)
            || (value.starts_with('[') && value.ends_with(']') && value.len() > 2);
        if !is_row || value.starts_with("[\"") {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        out.push_str(&" ".repeat(indent));
        if let Some(key) = key {
            out.push_str(&format!("\"{key}\": "));
        }
        spread(value, indent, &mut out);
        out.push_str(comma);
        out.push('\n');
    }
    out
}

/// One row laid out as serde's pretty printer does, its lines indented
/// from `indent`. Rows hold no empty containers and no string with a
/// bracket or comma (op and fact names).
fn spread(row: &str, indent: usize, out: &mut String) {
    let mut depth = indent / 2;
    let newline = |depth: usize, out: &mut String| {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    };
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '[' => {
                out.push(c);
                depth += 1;
                newline(depth, out);
            }
            '}' | ']' => {
                depth -= 1;
                newline(depth, out);
                out.push(c);
            }
            ',' => {
                out.push(',');
                if chars.peek() == Some(&' ') {
                    chars.next();
                }
                newline(depth, out);
            }
            _ => out.push(c),
        }
    }
}

#[test]
fn ops_callouts_and_number_arrays_are_one_line_each() {
    let (left, right) = (seed(0), seed(1));
    let alignment = align(&left, &right, AlignOptions::default());
    let ours = render(&left, &right, &alignment);
    let ops: usize = alignment.groups.iter().map(|g| g.diff.len()).sum();
    let op_lines = ours
        .lines()
        .filter(|l| l.trim_start().starts_with("{\"op\": "))
        .count();
    assert_eq!(op_lines, ops);
    assert!(
        ours.contains(
            "        {\"op\": \"equal\", \"left\": [3, 0, 17], \"right\": [0, 0, 17]},\n"
        )
    );
    assert!(ours.contains("      \"left\": [3, 4],\n"));
    assert!(
        !ours.lines().any(|l| l.trim().parse::<usize>().is_ok()),
        "no number alone on a line"
    );
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
fn op_rows_are_written_as_field_by_field() {
    let spans = [None, Some(Span::new(3, 0, 17))];
    for tag in [
        DiffTag::Equal,
        DiffTag::Delete,
        DiffTag::Insert,
        DiffTag::Moved,
    ] {
        for (left, right) in spans
            .iter()
            .flat_map(|&l| spans.iter().map(move |&r| (l, r)))
        {
            let op = DiffOp {
                op: tag,
                left,
                right,
            };
            let (mut fast, mut by_field) = (Vec::new(), Vec::new());
            let mut json = PrettyJson::new(&mut fast);
            write_op(&mut json, &op);
            json.finish().expect("writes to a Vec");
            let mut json = PrettyJson::new(&mut by_field);
            json.open_row();
            json.key("op");
            json.string(tag_name(tag));
            json.key("left");
            span(&mut json, left);
            json.key("right");
            span(&mut json, right);
            json.close_row();
            json.finish().expect("writes to a Vec");
            assert_eq!(
                String::from_utf8(fast),
                String::from_utf8(by_field),
                "{op:?}"
            );
        }
    }
}

#[test]
fn groups_rendered_in_parts_join_seamlessly() {
    // More groups than one batch of parts, so batch and part boundaries
    // (where commas and indentation are joined) are crossed; unit texts
    // cross part boundaries too.
    let paragraphs = super::GROUPS_PER_PART * super::PARTS_PER_BATCH + super::GROUPS_PER_PART + 7;
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

#[test]
fn elements_written_in_parts_are_the_array_serde_writes() {
    // Parts of three, so part and batch boundaries fall at every kind of
    // place: the first element, mid-batch, and between batches.
    for count in [
        0,
        1,
        3,
        4,
        3 * super::PARTS_PER_BATCH,
        3 * super::PARTS_PER_BATCH + 2,
    ] {
        let items: Vec<String> = (0..count).map(|i| format!("item \"{i}\"\n")).collect();
        let mut out = Vec::new();
        let mut json = PrettyJson::new(&mut out);
        json.open_object();
        json.key("items");
        json.open_array();
        write_in_parts(&mut json, &items, 3, String::len, |json, item| {
            json.string(item);
            Ok(())
        })
        .expect("writes to a vector");
        json.close_array();
        json.close_object();
        json.finish().expect("writes to a vector");
        let expected = serde_json::to_string_pretty(&serde_json::json!({ "items": items }))
            .expect("serialises");
        assert_eq!(
            String::from_utf8(out).expect("UTF-8"),
            expected + "\n",
            "{count} items"
        );
    }
}
