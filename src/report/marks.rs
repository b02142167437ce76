//! A unit's text cut into plain and marked stretches, from a link's diff.
//! Shared by every renderer (text, Markdown, HTML, the reader) so they all
//! mark exactly the same words.

use crate::align::{Alignment, Callout, DiffOp, DiffTag, Group, Span};

/// How a stretch of a unit's text compares with the other side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Unchanged, or not part of a link.
    Plain,
    /// Only this side has these words (a `delete`/`insert` op).
    Changed,
    /// The other side has these words too, elsewhere (a `moved` op).
    Shared,
}

/// Which marks a renderer shows: the reader's `w` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MarkLevel {
    /// Only-here words, shared words and called-out facts.
    #[default]
    All,
    /// Only-here words and called-out facts; shared words read plain.
    OnlyHere,
    /// No word marks.
    None,
}

impl MarkLevel {
    /// The next level of the cycle all → only-here → none → all.
    pub fn next(self) -> Self {
        match self {
            MarkLevel::All => MarkLevel::OnlyHere,
            MarkLevel::OnlyHere => MarkLevel::None,
            MarkLevel::None => MarkLevel::All,
        }
    }

    /// What the level shows, for a status message.
    pub fn describe(self) -> &'static str {
        match self {
            MarkLevel::All => "word marks: only-here, shared elsewhere and differing facts",
            MarkLevel::OnlyHere => "word marks: only-here words and differing facts",
            MarkLevel::None => "word marks: off",
        }
    }

    /// Whether `mark` is shown at this level.
    pub fn shows(self, mark: Mark) -> bool {
        !matches!(
            (self, mark),
            (MarkLevel::None, _) | (MarkLevel::OnlyHere, Mark::Shared)
        )
    }
}

/// Byte ranges of unit `unit` that are called-out facts, on the side
/// `side` picks from each callout.
pub fn callout_ranges(
    callouts: &[Callout],
    unit: usize,
    side: impl Fn(&Callout) -> Span,
) -> Vec<std::ops::Range<usize>> {
    callouts
        .iter()
        .map(side)
        .filter(|s| s.unit() == unit && s.start() < s.end())
        .map(Span::range)
        .collect()
}

/// A group's called-out facts as (kind, left text, right text), for
/// renderers that list them ("number 80% → 75%").
pub fn callout_texts<'a>(
    alignment: &'a Alignment,
    group: &Group,
) -> Vec<(&'static str, &'a str, &'a str)> {
    let text = |units: &'a [crate::align::Unit], s: Span| {
        units
            .get(s.unit())
            .and_then(|u| u.text.get(s.range()))
            .unwrap_or("")
    };
    group
        .callouts
        .iter()
        .map(|c| {
            (
                c.kind.name(),
                text(&alignment.left, c.left),
                text(&alignment.right, c.right),
            )
        })
        .collect()
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
    let mut cuts: Vec<(usize, usize, Mark)> = ops
        .iter()
        .filter_map(|op| {
            let mark = match op.op {
                DiffTag::Equal => return None,
                DiffTag::Moved => Mark::Shared,
                DiffTag::Delete | DiffTag::Insert => Mark::Changed,
            };
            side(op).map(|s| (s, mark))
        })
        .filter(|(s, _)| s.unit() == unit && s.start() < s.end() && s.end() <= text.len())
        .map(|(s, mark)| (s.start(), s.end(), mark))
        .collect();
    cuts.sort_unstable_by_key(|&(start, end, _)| (start, end));
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, mark) in cuts {
        if start < at || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            out.push((Mark::Plain, &text[at..start]));
        }
        out.push((mark, &text[start..end]));
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
                left: Some(Span::new(0, 0, 3)),
                right: None,
            },
            DiffOp {
                op: DiffTag::Delete,
                left: Some(Span::new(0, 4, 9)),
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
