//! One side's wrapped lines: each unit of a group wrapped at the pane
//! width (with its kind's prefix), beside the word marks of its units
//! (see [`super::unit_marks`]), ready to be laid onto those lines.

use std::ops::Range;
use std::sync::Arc;

use crate::align::{Group, Unit};
use crate::article::Kind;

use super::rows::{Line, Side, SideLines};
use super::unit_marks::Marks;
use super::wrap::wrap_ranges;
use crate::width::display_width;

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
    pub(super) fn new(units: &[Unit], changes: Arc<Vec<Marks>>) -> Self {
        SideLines {
            lines: Vec::new(),
            changes,
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
