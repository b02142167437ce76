//! The word marks of every unit of an alignment, found once per
//! alignment. They follow from the word diff alone, not from the pane
//! width, the row order or what is hidden, so a resize or a toggle
//! re-wraps the lines and keeps the marks: on a book-length pair finding
//! them again was a third of every re-wrap.

use std::ops::Range;
use std::sync::Arc;

use crate::align::{Alignment, Group};
use crate::report::{Mark, callout_ranges, marked_segments};

use super::rows::{SPLIT_FROM_GROUPS, Side};

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

/// One unit's marked byte ranges, in text order; a fact callout overlaps
/// the word marks it contains.
pub type Marks = Vec<(WordMark, Range<usize>)>;

/// Every unit's marks, per side, shared by each layout of one alignment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnitMarks {
    pub left: Arc<Vec<Marks>>,
    pub right: Arc<Vec<Marks>>,
}

impl UnitMarks {
    /// The marks of every linked unit of `alignment`; units in no link
    /// have none. The two sides are marked on two cores on a long pair.
    pub fn of(alignment: &Alignment) -> Self {
        let split = alignment.groups.len() >= SPLIT_FROM_GROUPS;
        let (left, right) = crate::parallel::join(
            split,
            || side_marks(alignment, Side::Left),
            || side_marks(alignment, Side::Right),
        );
        UnitMarks {
            left: Arc::new(left),
            right: Arc::new(right),
        }
    }

    /// Whether both sides are the very lists of `other` (not copies).
    pub fn same_as(&self, other: &UnitMarks) -> bool {
        Arc::ptr_eq(&self.left, &other.left) && Arc::ptr_eq(&self.right, &other.right)
    }
}

fn side_marks(alignment: &Alignment, side: Side) -> Vec<Marks> {
    let units = match side {
        Side::Left => &alignment.left,
        Side::Right => &alignment.right,
    };
    let mut out = vec![Vec::new(); units.len()];
    for group in alignment.groups.iter().filter(|g| g.is_link()) {
        let members = match side {
            Side::Left => &group.left,
            Side::Right => &group.right,
        };
        for &unit in members {
            if let (Some(u), Some(slot)) = (units.get(unit), out.get_mut(unit)) {
                *slot = changed_ranges(&u.text, unit, group, side);
            }
        }
    }
    out
}

fn changed_ranges(text: &str, unit: usize, group: &Group, side: Side) -> Marks {
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
