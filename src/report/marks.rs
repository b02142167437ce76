//! A unit's text cut into plain and marked stretches, from a link's diff.
//! Shared by every renderer (text, Markdown, HTML, the reader) so they all
//! mark exactly the same words.

use crate::align::{DiffOp, DiffTag, Span};

/// How a stretch of a unit's text compares with the other side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Unchanged, or not part of a link.
    Plain,
    /// Only this side has these words.
    Changed,
}

/// Cuts `text` (unit `unit` of one side) into consecutive stretches. `side`
/// picks which span of each op belongs to this side; stretches cover the
/// whole text, so concatenating them gives `text` back.
pub fn marked_segments<'a>(
    text: &'a str,
    unit: usize,
    ops: &[DiffOp],
    side: impl Fn(&DiffOp) -> Option<Span>,
) -> Vec<(Mark, &'a str)> {
    let mut cuts: Vec<(usize, usize)> = ops
        .iter()
        .filter(|op| op.op != DiffTag::Equal)
        .filter_map(&side)
        .filter(|s| s.unit == unit && s.start < s.end && s.end <= text.len())
        .map(|s| (s.start, s.end))
        .collect();
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end) in cuts {
        if start < at || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            out.push((Mark::Plain, &text[at..start]));
        }
        out.push((Mark::Changed, &text[start..end]));
        at = end;
    }
    if at < text.len() {
        out.push((Mark::Plain, &text[at..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_cover_the_text() {
        let ops = [
            DiffOp {
                op: DiffTag::Equal,
                left: Some(Span {
                    unit: 0,
                    start: 0,
                    end: 3,
                }),
                right: None,
            },
            DiffOp {
                op: DiffTag::Delete,
                left: Some(Span {
                    unit: 0,
                    start: 4,
                    end: 9,
                }),
                right: None,
            },
        ];
        let segments = marked_segments("The quick fox", 0, &ops, |op| op.left);
        assert_eq!(
            segments,
            [
                (Mark::Plain, "The "),
                (Mark::Changed, "quick"),
                (Mark::Plain, " fox")
            ]
        );
    }
}
