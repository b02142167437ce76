//! The row model: an alignment laid out at a pane width. Every group starts
//! on the same row in both panes and is as tall as its taller side (plus a
//! blank spacer row), so reading down stays in step. Built once per pair,
//! granularity and width; drawing then only looks rows up.

use std::ops::Range;
use std::sync::Arc;

use crate::align::{Alignment, Group, Unit};

pub use super::side_lines::prefix;
pub use super::unit_marks::{Marks, UnitMarks, WordMark};

/// Groups from this many on are laid out (and marked) one pane per core.
pub(super) const SPLIT_FROM_GROUPS: usize = 1024;

/// Which article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Left,
    Right,
}

/// What a group shows, most telling first: this drives gutter marks,
/// colours and the overview ruler.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GroupKind {
    Same,
    Reworded,
    Moved,
    OnlyLeft,
    OnlyRight,
}

impl GroupKind {
    fn of(group: &Group) -> Self {
        match (group.left.is_empty(), group.right.is_empty()) {
            (false, true) => GroupKind::OnlyLeft,
            (true, false) => GroupKind::OnlyRight,
            _ if group.moved => GroupKind::Moved,
            _ if group.is_reworded() => GroupKind::Reworded,
            _ => GroupKind::Same,
        }
    }

    /// Anything a reader would want to jump to.
    pub fn is_difference(self) -> bool {
        self != GroupKind::Same
    }
}

/// One wrapped line of a pane: bytes `range` of unit `unit`, or a blank
/// line between paragraphs of a merged group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub unit: Option<usize>,
    pub range: Range<usize>,
    /// The unit's first line (carries the kind prefix and gutter number).
    pub first: bool,
}

/// A displayed group and where its rows and lines are.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRows {
    /// Index into `Alignment::groups`.
    pub group: usize,
    pub kind: GroupKind,
    pub start: usize,
    /// Rows including the spacer row after the group.
    pub height: usize,
    pub left: Range<usize>,
    pub right: Range<usize>,
}

/// One side's wrapped lines and per-unit highlights.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SideLines {
    pub lines: Vec<Line>,
    /// Per unit: marked byte ranges (word highlights), in text order;
    /// a fact callout overlaps the word marks it contains. Shared by
    /// every layout of one alignment.
    pub changes: Arc<Vec<Marks>>,
    /// Per unit: the displayed group holding it (None when hidden).
    pub unit_group: Vec<Option<usize>>,
    /// Per unit: the index of its first line (when shown), so a byte's
    /// row is found by binary search, not by walking the group.
    pub unit_line: Vec<usize>,
}

/// The whole pair, laid out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowModel {
    pub width: usize,
    pub rows: usize,
    pub groups: Vec<GroupRows>,
    pub left: SideLines,
    pub right: SideLines,
}

impl RowModel {
    /// Lays `alignment` out at `width` text columns, the groups in `order`
    /// (indices into `alignment.groups`; see [`super::order::side_order`]),
    /// leaving out the groups `keep` rejects (see [`Alignment::is_furniture`],
    /// [`has_paragraph`]). The word `marks` are this alignment's, found
    /// once ([`UnitMarks::of`]) or kept from an earlier layout of it
    /// ([`RowModel::marks`]).
    pub fn build_in_order(
        alignment: &Alignment,
        marks: &UnitMarks,
        width: usize,
        order: &[usize],
        keep: impl Fn(&Group) -> bool,
    ) -> Self {
        let split = alignment.groups.len() >= SPLIT_FROM_GROUPS;
        Self::build_split(alignment, marks, width, order, keep, split)
    }

    /// The word marks this layout shows, for the next layout of the same
    /// alignment.
    pub fn marks(&self) -> UnitMarks {
        UnitMarks {
            left: Arc::clone(&self.left.changes),
            right: Arc::clone(&self.right.changes),
        }
    }

    /// [`RowModel::build_in_order`], each pane on its own core when
    /// `split`.
    fn build_split(
        alignment: &Alignment,
        marks: &UnitMarks,
        width: usize,
        order: &[usize],
        keep: impl Fn(&Group) -> bool,
        split: bool,
    ) -> Self {
        let shown: Vec<(usize, &Group)> = order
            .iter()
            .filter_map(|&index| Some((index, alignment.groups.get(index)?)))
            .filter(|(_, group)| keep(group))
            .collect();
        // The two panes wrap apart, one per core on a long pair: a resize
        // re-wraps every group, and on a book that is a pause.
        let lay_out = |side: Side, units: &[Unit], changes: &Arc<Vec<Marks>>| {
            let mut lines = SideLines::new(units, Arc::clone(changes));
            let ranges: Vec<Range<usize>> = shown
                .iter()
                .enumerate()
                .map(|(n, (_, group))| lines.push_group(group, side, units, width, n))
                .collect();
            (lines, ranges)
        };
        let ((left, left_ranges), (right, right_ranges)) = crate::parallel::join(
            split,
            || lay_out(Side::Left, &alignment.left, &marks.left),
            || lay_out(Side::Right, &alignment.right, &marks.right),
        );
        let mut model = RowModel {
            width,
            left,
            right,
            ..RowModel::default()
        };
        let ranges = left_ranges.into_iter().zip(right_ranges);
        for ((index, group), (left, right)) in shown.into_iter().zip(ranges) {
            let height = left.len().max(right.len()) + 1;
            model.groups.push(GroupRows {
                group: index,
                kind: GroupKind::of(group),
                start: model.rows,
                height,
                left,
                right,
            });
            model.rows += height;
        }
        model
    }

    /// The side's lines.
    pub fn side(&self, side: Side) -> &SideLines {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }

    /// The first row of shown group `index` holding a marked word on
    /// either side: where a reader looks for its difference, which in a
    /// long paragraph can be screens below the group's top.
    pub fn first_marked_row(&self, index: usize) -> Option<usize> {
        self.marked_row(index, 0..usize::MAX, true)
    }

    /// The first row (or, not `forward`, the last) among `rows` of shown
    /// group `index` holding a marked word on either side: n and N step
    /// through a paragraph taller than the screen by these.
    pub fn marked_row(&self, index: usize, rows: Range<usize>, forward: bool) -> Option<usize> {
        let group = self.groups.get(index)?;
        // The row of a side's first (or last) marked line among the
        // group's lines that fall in `rows`.
        let marked_in = |side: Side, lines: &Range<usize>| {
            let pane = self.side(side);
            let from = rows.start.saturating_sub(group.start).min(lines.len());
            let to = rows.end.saturating_sub(group.start).min(lines.len());
            let lines_here = pane.lines.get(lines.start + from..lines.start + to)?;
            let is_marked = |line: &&Line| {
                let marks = line.unit.and_then(|unit| pane.changes.get(unit));
                marks.is_some_and(|marks| {
                    marks
                        .iter()
                        .any(|(_, r)| r.start < line.range.end && line.range.start < r.end)
                })
            };
            let offset = if forward {
                lines_here.iter().position(|line| is_marked(&line))
            } else {
                lines_here.iter().rposition(|line| is_marked(&line))
            };
            offset.map(|o| group.start + from + o)
        };
        let left = marked_in(Side::Left, &group.left);
        let right = marked_in(Side::Right, &group.right);
        match (left, right) {
            (Some(l), Some(r)) if forward => Some(l.min(r)),
            (Some(l), Some(r)) => Some(l.max(r)),
            (one, other) => one.or(other),
        }
    }

    /// Index into `groups` of the group covering `row`.
    pub fn group_at(&self, row: usize) -> Option<usize> {
        let after = self.groups.partition_point(|g| g.start <= row);
        after
            .checked_sub(1)
            .filter(|&i| row < self.groups[i].start + self.groups[i].height)
    }

    /// The line one side shows on `row`, if any.
    pub fn line_at(&self, side: Side, row: usize) -> Option<&Line> {
        let group = &self.groups[self.group_at(row)?];
        let range = match side {
            Side::Left => &group.left,
            Side::Right => &group.right,
        };
        let index = range.start + (row - group.start);
        (index < range.end).then(|| &self.side(side).lines[index])
    }

    /// The most telling kind in each of `cells` equal slices of the rows.
    pub fn overview(&self, cells: usize) -> Vec<Option<GroupKind>> {
        let mut out = vec![None; cells];
        if cells == 0 || self.rows == 0 {
            return out;
        }
        for group in &self.groups {
            let first = group.start * cells / self.rows;
            let end = ((group.start + group.height) * cells).div_ceil(self.rows);
            let last = end.saturating_sub(1).clamp(first, cells - 1);
            for cell in &mut out[first..=last] {
                *cell = (*cell).max(Some(group.kind));
            }
        }
        out
    }

    /// The row showing byte `at` of a unit, if its group is shown: a
    /// binary search among the unit's lines, so placing thousands of
    /// search hits in one long paragraph stays fast.
    pub fn row_of(&self, side: Side, unit: usize, at: usize) -> Option<usize> {
        let lines = self.side(side);
        let group = self.groups.get((*lines.unit_group.get(unit)?)?)?;
        let range = if side == Side::Left {
            group.left.clone()
        } else {
            group.right.clone()
        };
        let first = *lines.unit_line.get(unit)?;
        let candidates = lines.lines.get(first..range.end)?;
        // The unit's lines come first and in byte order: those ending
        // before `at` form a prefix.
        let skip =
            candidates.partition_point(|line| line.unit == Some(unit) && line.range.end < at);
        let line = candidates.get(skip)?;
        (line.unit == Some(unit)).then(|| group.start + (first + skip - range.start))
    }
}

/// Whether a group holds a paragraph `flags` marks on either side (flags
/// per article paragraph: `[left, right]`).
pub fn has_paragraph(group: &Group, alignment: &Alignment, flags: &[Vec<bool>; 2]) -> bool {
    let marked = |units: &[Unit], members: &[usize], flags: &[bool]| {
        members.iter().any(|&i| {
            units
                .get(i)
                .is_some_and(|u| flags.get(u.paragraph).copied().unwrap_or(false))
        })
    };
    marked(&alignment.left, &group.left, &flags[0])
        || marked(&alignment.right, &group.right, &flags[1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{AlignOptions, align};
    use crate::article::demo::DEMO_CORPUS;
    use crate::article::parse_article;

    #[test]
    fn panes_laid_out_on_two_cores_are_the_same_layout() {
        let seed = |i: usize| parse_article(DEMO_CORPUS[i].0, DEMO_CORPUS[i].0, DEMO_CORPUS[i].1);
        let alignment = align(&seed(0), &seed(1), AlignOptions::default());
        let order: Vec<usize> = (0..alignment.groups.len()).rev().collect();
        for width in [12, 40, 80] {
            let keep = |g: &Group| !g.left.is_empty() || g.right.len() != 1;
            let marks = UnitMarks::of(&alignment);
            let apart = RowModel::build_split(&alignment, &marks, width, &order, keep, true);
            let together = RowModel::build_split(&alignment, &marks, width, &order, keep, false);
            assert!(apart.groups.len() > 10 && apart.rows > apart.groups.len());
            assert_eq!(apart, together, "width {width}");
        }
    }
}
