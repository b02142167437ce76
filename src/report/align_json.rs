//! `diptych align --format json`: the contract external tools read. Field
//! names here are promised; add fields, never rename or drop one. The
//! document is streamed to its writer as it is written, never held, and
//! written by hand (`report::pretty_json`): the same values serde gives
//! for the same fields (the tests hold it to that), laid out with one
//! diff op or callout per line and number arrays on one line.

use std::io::{self, Write};

use serde::Serialize;

use super::pretty_json::{Part, Place, PrettyJson};
use crate::align::{Alignment, Callout, DiffOp, DiffTag, Group, Span, Unit, round4};
use crate::article::{Article, Kind};
use crate::parallel::map_in_order_until;

/// Counts of groups by what they are.
#[derive(Serialize, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub linked: usize,
    pub reworded: usize,
    pub moved: usize,
    pub only_left: usize,
    pub only_right: usize,
    /// Of the only-left groups, those of page furniture alone
    /// (boilerplate, captions), which the reader hides by default: its
    /// "only" counts are the story's, these less.
    pub furniture_left: usize,
    /// Likewise of the only-right groups.
    pub furniture_right: usize,
}

impl Summary {
    /// Tallies an alignment's groups.
    pub fn of(alignment: &Alignment) -> Self {
        let mut summary = Self::of_groups(&alignment.groups);
        for group in alignment
            .groups
            .iter()
            .filter(|g| alignment.is_furniture(g))
        {
            match (group.left.is_empty(), group.right.is_empty()) {
                (false, true) => summary.furniture_left += 1,
                (true, false) => summary.furniture_right += 1,
                _ => {}
            }
        }
        summary
    }

    /// Tallies some groups (the reader counts the story's only); the
    /// furniture counts, which need the units, stay 0.
    pub fn of_groups<'a>(groups: impl IntoIterator<Item = &'a crate::align::Group>) -> Self {
        let mut summary = Summary::default();
        for group in groups {
            match (group.left.is_empty(), group.right.is_empty()) {
                (false, false) => {
                    summary.linked += 1;
                    summary.reworded += usize::from(group.is_reworded());
                    summary.moved += usize::from(group.moved);
                }
                (false, true) => summary.only_left += 1,
                (true, false) => summary.only_right += 1,
                (true, true) => {}
            }
        }
        summary
    }
}

/// One article as the document names it, with its word count: counted
/// by the caller when the paragraphs have already moved into the
/// alignment's units ([`crate::align::units_from`]).
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub article: &'a Article,
    pub words: usize,
}

impl<'a> Side<'a> {
    /// An article that still holds its paragraphs.
    pub fn of(article: &'a Article) -> Side<'a> {
        Side {
            article,
            words: article.word_count(),
        }
    }
}

/// Writes the pretty-printed, terminal-safe JSON of an alignment of
/// `left` and `right` to `out` as it is written (`out` may be unbuffered:
/// it gets 64 KiB pieces). Fails only when `out` does.
pub fn write(out: impl Write, left: Side, right: Side, alignment: &Alignment) -> io::Result<()> {
    let mut json = PrettyJson::new(out);
    json.open_object();
    json.key("left");
    side(&mut json, left, &alignment.left)?;
    json.key("right");
    side(&mut json, right, &alignment.right)?;
    json.key("alignment");
    json.open_array();
    write_groups(&mut json, &alignment.groups)?;
    json.close_array();
    json.key("granularity");
    json.string(alignment.granularity.name());
    json.key("similarity");
    json.float(round4(alignment.similarity))?;
    json.key("summary");
    json.serde(&Summary::of(alignment))?;
    json.close_object();
    json.finish()
}

/// One article and its units; `kinds` and `paragraphs` are parallel to
/// `units`.
fn side<W: Write>(json: &mut PrettyJson<W>, side: Side, units: &[Unit]) -> io::Result<()> {
    let article = side.article;
    json.open_object();
    json.key("path");
    json.string(&article.path);
    json.key("source");
    json.string(&article.source);
    json.key("title");
    json.string(&article.title);
    json.key("words");
    json.uint(side.words);
    json.key("units");
    json.open_array();
    write_in_parts(
        json,
        units,
        UNITS_PER_PART,
        |unit| unit.text.len() + 16,
        |json, unit| {
            json.string(&unit.text);
            Ok(())
        },
    )?;
    json.close_array();
    json.key("kinds");
    json.open_array();
    for unit in units {
        json.item();
        json.string(kind_name(unit.kind));
    }
    json.close_array();
    json.key("paragraphs");
    let paragraphs: Vec<usize> = units.iter().map(|unit| unit.paragraph).collect();
    json.uints(&paragraphs);
    json.spill()?;
    json.key("meta");
    json.serde(&article.meta)?;
    json.close_object();
    Ok(())
}

/// Groups rendered as one piece by one thread.
const GROUPS_PER_PART: usize = 128;

/// Unit texts rendered as one piece by one thread: about 64 KB of news
/// paragraphs or verses.
const UNITS_PER_PART: usize = 256;

/// Parts rendered before they are written: on a book-length pair a
/// batch is a few megabytes, so the document is still never held whole.
const PARTS_PER_BATCH: usize = 16;

/// The groups as elements of the open array. Most of a big document's
/// bytes are its groups' diffs: one thread writing them left a core idle
/// at the end of every run.
fn write_groups<W: Write>(json: &mut PrettyJson<W>, groups: &[Group]) -> io::Result<()> {
    // Most of a group's bytes are its ops, about 70 bytes each.
    let bytes = |g: &Group| 160 + 80 * g.diff.len();
    write_in_parts(json, groups, GROUPS_PER_PART, bytes, write_group)
}

/// `items` as elements of the open array, each written by `write_one`
/// after its `item()`: rendered on every core in parts of `per_part`
/// (with room for about the `bytes` each item says it takes) and written
/// in order, a batch of parts at a time.
fn write_in_parts<W: Write, T: Sync>(
    json: &mut PrettyJson<W>,
    items: &[T],
    per_part: usize,
    bytes: impl Fn(&T) -> usize + Sync,
    write_one: impl Fn(&mut Part, &T) -> io::Result<()> + Sync,
) -> io::Result<()> {
    let first = json.place();
    let later = first.after_first();
    for (b, batch) in items.chunks(per_part * PARTS_PER_BATCH).enumerate() {
        let parts: Vec<(Place, &[T])> = batch
            .chunks(per_part)
            .enumerate()
            .map(|(p, part)| (if b == 0 && p == 0 { first } else { later }, part))
            .collect();
        let render = |_: &mut (), &(place, part): &(Place, &[T])| -> io::Result<Part> {
            let mut json = place.part(part.iter().map(&bytes).sum());
            for item in part {
                json.item();
                write_one(&mut json, item)?;
            }
            Ok(json)
        };
        // Never stopped, so every part comes back.
        let rendered = map_in_order_until(&parts, 1, || (), render, &|| false)
            .ok_or_else(|| io::Error::other("rendering the document stopped"))?;
        for part in rendered {
            json.append(part?)?;
        }
    }
    Ok(())
}

/// A group as [`Group`]'s fields, in their order.
fn write_group<W: Write>(json: &mut PrettyJson<W>, group: &Group) -> io::Result<()> {
    json.open_object();
    json.key("left");
    json.uints(&group.left);
    json.key("right");
    json.uints(&group.right);
    json.key("score");
    json.float(round4(group.score))?;
    json.key("moved");
    json.boolean(group.moved);
    json.key("diff");
    json.open_array();
    for op in &group.diff {
        json.item();
        write_op(json, op);
    }
    json.close_array();
    json.key("callouts");
    json.open_array();
    for callout in &group.callouts {
        json.item();
        write_callout(json, callout);
    }
    json.close_array();
    json.close_object();
    Ok(())
}

/// A diff op as [`DiffOp`]'s fields, on one line. Ops are most of a
/// document's rows, so the row's opening, names and tag are literals (a
/// test holds them to [`PrettyJson::key`]'s layout and serde's names).
fn write_op<W: Write>(json: &mut PrettyJson<W>, op: &DiffOp) {
    match op.op {
        DiffTag::Equal => json.literal(br#"{"op": "equal", "left": "#),
        DiffTag::Delete => json.literal(br#"{"op": "delete", "left": "#),
        DiffTag::Insert => json.literal(br#"{"op": "insert", "left": "#),
        DiffTag::Moved => json.literal(br#"{"op": "moved", "left": "#),
    }
    span(json, op.left);
    json.literal(br#", "right": "#);
    span(json, op.right);
    json.literal(b"}");
}

/// A callout as [`Callout`]'s fields, on one line.
fn write_callout<W: Write>(json: &mut PrettyJson<W>, callout: &Callout) {
    json.open_row();
    json.key("kind");
    json.string(callout.kind.name());
    json.key("left");
    span(json, Some(callout.left));
    json.key("right");
    span(json, Some(callout.right));
    json.close_row();
}

/// `[unit, start, end]`, as [`Span`] serialises.
fn span<W: Write>(json: &mut PrettyJson<W>, span: Option<Span>) {
    match span {
        Some(span) => json.uints(&[span.unit(), span.start(), span.end()]),
        None => json.null(),
    }
}

/// [`Kind`]'s serde name.
fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Body => "body",
        Kind::Heading => "heading",
        Kind::ListItem => "list_item",
        Kind::Boilerplate => "boilerplate",
        Kind::Caption => "caption",
    }
}

/// [`DiffTag`]'s serde name.
#[cfg(test)]
fn tag_name(tag: DiffTag) -> &'static str {
    match tag {
        DiffTag::Equal => "equal",
        DiffTag::Delete => "delete",
        DiffTag::Insert => "insert",
        DiffTag::Moved => "moved",
    }
}

/// The same JSON as one string, for callers that read it back.
pub fn render(left: &Article, right: &Article, alignment: &Alignment) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and only UTF-8 is written.
    let _ = write(&mut out, Side::of(left), Side::of(right), alignment);
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests;
