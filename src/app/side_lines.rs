//! One side's wrapped lines: each unit of a group wrapped at the pane
//! width (with its kind's prefix), and the byte ranges of its word
//! highlights, ready to be laid onto those lines.

use std::ops::Range;

use crate::align::{Group, Unit};
use crate::article::Kind;
use crate::report::{Mark, callout_ranges, marked_segments};

use super::rows::{Line, Side, SideLines};
use super::wrap::{display_width, wrap_ranges};

/// What a highlighted stretch of a unit is to the other side of its link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordMark {
    /// Only this side has these words.
    OnlyHere,
    /// The other side has them too, elsewhere.
    Shared,
    /// A number, name, date or quote the other side gives differently.
    Fact,
}

/// What precedes a unit's first line, and how far later lines indent.
pub fn prefix(kind: Kind) -> (&'static str, usize) {
    match kind {
        Kind::ListItem => ("• ", 2),
        Kind::Boilerplate => ("[boilerplate] ", 0),
        Kind::Caption => ("[caption] ", 0),
        Kind::Body | Kind::Heading => ("", 0),
    }
}

impl SideLines {
    pub(super) fn new(units: &[Unit]) -> Self {
        SideLines {
            lines: Vec::new(),
            changes: vec![Vec::new(); units.len()],
            unit_group: vec![None; units.len()],
            unit_line: vec![0; units.len()],
        }
    }

    pub(super) fn push_group(
        &mut self,
        group: &Group,
        side: Side,
        units: &[Unit],
        width: usize,
        shown: usize,
    ) -> Range<usize> {
        let start = self.lines.len();
        let members = if side == Side::Left {
            &group.left
        } else {
            &group.right
        };
        let mut paragraph = None;
        for &unit in members {
            let Some(u) = units.get(unit) else { continue };
            if paragraph.is_some_and(|p| p != u.paragraph) {
                self.lines.push(Line {
                    unit: None,
                    range: 0..0,
                    first: false,
                });
            }
            paragraph = Some(u.paragraph);
            self.unit_group[unit] = Some(shown);
            self.unit_line[unit] = self.lines.len();
            self.changes[unit] = changed_ranges(&u.text, unit, group, side);
            let (lead, indent) = prefix(u.kind);
            let first_width = width.saturating_sub(display_width(lead));
            for (n, range) in wrap_ranges(&u.text, first_width, width.saturating_sub(indent))
                .into_iter()
                .enumerate()
            {
                self.lines.push(Line {
                    unit: Some(unit),
                    range,
                    first: n == 0,
                });
            }
        }
        start..self.lines.len()
    }
}

fn changed_ranges(
    text: &str,
    unit: usize,
    group: &Group,
    side: Side,
) -> Vec<(WordMark, Range<usize>)> {
    if !group.is_link() {
        return Vec::new();
    }
    let (segments, facts) = match side {
        Side::Left => (
            marked_segments(text, unit, &group.diff, |op| op.left),
            callout_ranges(&group.callouts, unit, |c| c.left),
        ),
        Side::Right => (
            marked_segments(text, unit, &group.diff, |op| op.right),
            callout_ranges(&group.callouts, unit, |c| c.right),
        ),
    };
    let mut at = 0;
    let mut out = Vec::new();
    for (mark, piece) in segments {
        match mark {
            Mark::Changed => out.push((WordMark::OnlyHere, at..at + piece.len())),
            Mark::Shared => out.push((WordMark::Shared, at..at + piece.len())),
            Mark::Plain => {}
        }
        at += piece.len();
    }
    out.extend(facts.into_iter().map(|r| (WordMark::Fact, r)));
    out
}
