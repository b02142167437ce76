//! `diptych align --format json`: the contract external tools read. Field
//! names here are promised; add fields, never rename or drop one. The
//! document is streamed to its writer as it is serialised, never held.

use std::io::{self, Write};

use serde::{Serialize, Serializer};

use crate::align::{Alignment, Group, Unit};
use crate::article::{Article, Meta};

/// The whole document.
#[derive(Serialize)]
struct AlignDocument<'a> {
    left: SideDocument<'a>,
    right: SideDocument<'a>,
    alignment: &'a [Group],
    granularity: &'static str,
    similarity: f64,
    summary: Summary,
}

/// One article and its units.
#[derive(Serialize)]
struct SideDocument<'a> {
    path: &'a str,
    source: &'a str,
    title: &'a str,
    /// Words in the whole article.
    words: usize,
    #[serde(serialize_with = "texts")]
    units: &'a [Unit],
    /// Parallel to `units`: each unit's kind.
    #[serde(serialize_with = "kinds")]
    kinds: &'a [Unit],
    /// Parallel to `units`: the paragraph each unit belongs to.
    #[serde(serialize_with = "paragraphs")]
    paragraphs: &'a [Unit],
    /// Byline, date, URL, site and input format, where the input gave them.
    meta: &'a Meta,
}

/// Counts of groups by what they are.
#[derive(Serialize, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub linked: usize,
    pub reworded: usize,
    pub moved: usize,
    pub only_left: usize,
    pub only_right: usize,
}

impl Summary {
    /// Tallies an alignment's groups.
    pub fn of(alignment: &Alignment) -> Self {
        Self::of_groups(&alignment.groups)
    }

    /// Tallies some groups (the reader counts the story's only).
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

// The unit arrays are written straight from the units: no vector of
// borrowed texts, kinds or numbers is built for them.
fn texts<S: Serializer>(units: &&[Unit], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(units.iter().map(|u| u.text.as_str()))
}

fn kinds<S: Serializer>(units: &&[Unit], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(units.iter().map(|u| u.kind))
}

fn paragraphs<S: Serializer>(units: &&[Unit], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(units.iter().map(|u| u.paragraph))
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

fn side<'a>(side: Side<'a>, units: &'a [Unit]) -> SideDocument<'a> {
    let article = side.article;
    SideDocument {
        path: &article.path,
        source: &article.source,
        title: &article.title,
        words: side.words,
        units,
        kinds: units,
        paragraphs: units,
        meta: &article.meta,
    }
}

fn document<'a>(left: Side<'a>, right: Side<'a>, alignment: &'a Alignment) -> AlignDocument<'a> {
    AlignDocument {
        left: side(left, &alignment.left),
        right: side(right, &alignment.right),
        alignment: &alignment.groups,
        granularity: alignment.granularity.name(),
        similarity: crate::align::round4(alignment.similarity),
        summary: Summary::of(alignment),
    }
}

/// Writes the pretty-printed, terminal-safe JSON of an alignment of
/// `left` and `right` to `out` as it is serialised (wrap a file or stdout
/// in a `BufWriter`). Fails only when `out` does.
pub fn write(out: impl Write, left: Side, right: Side, alignment: &Alignment) -> io::Result<()> {
    super::safe_json::write_pretty(out, &document(left, right, alignment))
}

/// The same JSON as one string, for callers that read it back.
pub fn render(left: &Article, right: &Article, alignment: &Alignment) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and serde writes only UTF-8.
    let _ = write(&mut out, Side::of(left), Side::of(right), alignment);
    String::from_utf8(out).unwrap_or_default()
}
