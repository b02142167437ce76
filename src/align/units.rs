//! Articles → the units the engine links: paragraphs, or the sentences of
//! each paragraph.

use serde::Serialize;

use super::Granularity;
use crate::article::sentence::clause_ranges;
use crate::article::{Article, Kind};

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
        let whole = granularity == Granularity::Paragraph
            || !matches!(paragraph.kind, Kind::Body | Kind::ListItem);
        if whole {
            units.push(Unit {
                text: paragraph.text.clone(),
                kind: paragraph.kind,
                paragraph: index,
            });
            continue;
        }
        for range in clause_ranges(&paragraph.text) {
            units.push(Unit {
                text: paragraph.text[range].to_string(),
                kind: paragraph.kind,
                paragraph: index,
            });
        }
    }
    units
}
