//! `diptych align --format json`: the contract external tools read. Field
//! names here are promised; add fields, never rename or drop one.

use serde::Serialize;

use crate::align::{Alignment, Group};
use crate::article::{Article, Kind, Meta};

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
    units: Vec<&'a str>,
    /// Parallel to `units`: each unit's kind.
    kinds: Vec<Kind>,
    /// Parallel to `units`: the paragraph each unit belongs to.
    paragraphs: Vec<usize>,
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

fn side<'a>(article: &'a Article, units: &'a [crate::align::Unit]) -> SideDocument<'a> {
    SideDocument {
        path: &article.path,
        source: &article.source,
        title: &article.title,
        words: article.word_count(),
        units: units.iter().map(|u| u.text.as_str()).collect(),
        kinds: units.iter().map(|u| u.kind).collect(),
        paragraphs: units.iter().map(|u| u.paragraph).collect(),
        meta: &article.meta,
    }
}

/// Pretty-printed JSON of an alignment of `left` and `right`.
pub fn render(left: &Article, right: &Article, alignment: &Alignment) -> String {
    let document = AlignDocument {
        left: side(left, &alignment.left),
        right: side(right, &alignment.right),
        alignment: &alignment.groups,
        granularity: alignment.granularity.name(),
        similarity: crate::align::round4(alignment.similarity),
        summary: Summary::of(alignment),
    };
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&document).unwrap_or_default() + "\n"
}
