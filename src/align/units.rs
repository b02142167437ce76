//! Articles → the units the engine links: paragraphs, or the sentences of
//! each paragraph.

use serde::Serialize;

use super::Granularity;
use crate::article::sentence::clause_ranges;
use crate::article::{Article, Kind, Paragraph};

/// One alignable piece of text, with the kind and paragraph it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    pub text: String,
    pub kind: Kind,
    /// Index of the paragraph in the article (the unit's own index when the
    /// granularity is paragraphs).
    pub paragraph: usize,
}

/// The units of an article at a granularity. Headings and page furniture
/// stay whole in sentence mode: they are not prose. Sentence units are
/// cut further at ": " and "; " between clause-sized parts.
pub fn units_of(article: &Article, granularity: Granularity) -> Vec<Unit> {
    let mut units = Vec::new();
    for (index, paragraph) in article.paragraphs.iter().enumerate() {
        if stays_whole(paragraph, granularity) {
            units.push(Unit {
                text: paragraph.text.clone(),
                kind: paragraph.kind,
                paragraph: index,
            });
        } else {
            push_clauses(&paragraph.text, paragraph.kind, index, &mut units);
        }
    }
    units
}

/// `units_of` for paragraphs nobody needs afterwards (`diptych align`
/// on a book-length pair): whole paragraphs move into their units instead
/// of being copied, and each paragraph is freed once cut, so the text is
/// held once, not twice.
pub fn units_from(paragraphs: Vec<Paragraph>, granularity: Granularity) -> Vec<Unit> {
    let mut units = Vec::with_capacity(paragraphs.len());
    for (index, paragraph) in paragraphs.into_iter().enumerate() {
        if stays_whole(&paragraph, granularity) {
            units.push(Unit {
                text: paragraph.text,
                kind: paragraph.kind,
                paragraph: index,
            });
        } else {
            push_clauses(&paragraph.text, paragraph.kind, index, &mut units);
        }
    }
    units
}

fn stays_whole(paragraph: &Paragraph, granularity: Granularity) -> bool {
    granularity == Granularity::Paragraph || !matches!(paragraph.kind, Kind::Body | Kind::ListItem)
}

fn push_clauses(text: &str, kind: Kind, paragraph: usize, units: &mut Vec<Unit>) {
    for range in clause_ranges(text) {
        units.push(Unit {
            text: text[range].to_string(),
            kind,
            paragraph,
        });
    }
}
