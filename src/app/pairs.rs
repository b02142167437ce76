//! Choosing the pair: which articles are compared, the cached alignments
//! (computed through the shared corpus), and the list's similarity-to-left column.

use std::sync::Arc;

use crate::align::{Alignment, Granularity, Group};
use crate::report::align_json::Summary;

use super::App;
use super::jobs::{JobRequest, Then};
use super::order::side_order;
use super::rows::{RowModel, Side, UnitMarks, has_paragraph};

impl App {
    /// Compares `left` with `right` and starts reading at the top: at
    /// once when the alignment is at hand, otherwise when its job is done
    /// (the current pair stays readable meanwhile).
    pub(super) fn open_pair(&mut self, left: usize, right: usize) {
        self.request_pair(left, right, self.granularity, Then::OpenPair);
    }

    /// Shows the pair now if its alignment is ready, or files a job for it
    /// (replacing any other pair being aligned).
    pub(super) fn request_pair(
        &mut self,
        left: usize,
        right: usize,
        granularity: Granularity,
        then: Then,
    ) {
        let n = self.articles().len();
        if left >= n || right >= n {
            return;
        }
        self.jobs
            .cancel_where(|r| matches!(r.request, JobRequest::Align { .. }));
        match self.corpus.alignment_ready(left, right, granularity) {
            Some(alignment) => self.show_pair(left, right, granularity, alignment, then),
            None => {
                let request = JobRequest::Align {
                    left,
                    right,
                    granularity,
                    layout: None,
                    preview: then == Then::OpenPair,
                };
                self.start_job(request, then);
            }
        }
    }

    /// The pair shown, or the one being aligned to replace it.
    pub(super) fn target_pair(&self) -> (usize, usize) {
        self.jobs
            .find(|r| matches!(r.request, JobRequest::Align { .. }))
            .and_then(|r| match r.request {
                JobRequest::Align { left, right, .. } => Some((left, right)),
                _ => None,
            })
            .unwrap_or((self.left, self.right))
    }

    /// Installs an alignment of `left` ⇄ `right` and lays it out.
    pub(super) fn show_pair(
        &mut self,
        left: usize,
        right: usize,
        granularity: Granularity,
        alignment: Arc<Alignment>,
        then: Then,
    ) {
        let left_changed = left != self.left || self.similarity.is_empty();
        self.left = left;
        self.right = right;
        self.granularity = granularity;
        self.summary = Summary::of_groups(
            alignment
                .groups
                .iter()
                .filter(|g| !alignment.is_furniture(g)),
        );
        // A job that laid this alignment out found its word marks too.
        self.marks = match &self.prebuilt {
            Some((_, model)) => model.marks(),
            None => UnitMarks::of(&alignment),
        };
        self.alignment = alignment;
        self.preview = None;
        if left_changed {
            self.refresh_similarity();
        }
        self.scroll = 0;
        self.cursor = None;
        self.moved_return = None;
        self.fact_mark = None;
        self.relayout(false);
        // Matches are byte ranges into units: find them again in the new
        // pair's (or granularity's) units, never reuse the old ones.
        if self.search.is_active() {
            let query = self.search.query().to_string();
            self.start_search(query, false);
        }
        if then == Then::OpenPair {
            self.message = self.pending_note.take();
        }
        if then == Then::Regranulate {
            self.message = Some(format!("aligning by {}", granularity.name()));
        }
    }

    /// The list's similarity column for the current left article: from
    /// alignments at hand, or by a job when some are missing.
    fn refresh_similarity(&mut self) {
        let left = self.left;
        self.jobs
            .cancel_where(|r| matches!(r.request, JobRequest::Similarity { .. }));
        let ready: Option<Vec<f64>> = (0..self.articles().len())
            .map(|i| {
                if i == left {
                    return Some(1.0);
                }
                self.corpus
                    .alignment_ready(left, i, Granularity::Paragraph)
                    .map(|a| a.similarity)
            })
            .collect();
        match ready {
            Some(values) => self.similarity = values,
            None => {
                self.similarity = Vec::new();
                self.start_job(JobRequest::Similarity { left }, Then::Store);
            }
        }
    }

    /// Re-wraps the current alignment at the current width; with
    /// `keep_place`, the group at the top stays at the top.
    pub(super) fn relayout(&mut self, keep_place: bool) {
        let anchor = self.model.group_at(self.scroll).map(|i| {
            let g = &self.model.groups[i];
            (g.group, self.scroll - g.start)
        });
        let cursor_group = self
            .cursor
            .and_then(|c| self.model.groups.get(c))
            .map(|g| g.group);
        let unique = self.unique_paragraphs();
        let hide_furniture = self.hide_furniture;
        let alignment = &self.alignment;
        let width = self.geometry.text_width();
        // A job may have laid this alignment out already, off the loop.
        let prebuilt = self.prebuilt.take().filter(|(layout, _)| {
            layout.width == width
                && layout.hide_furniture == hide_furniture
                && layout.order == self.order
                && unique.is_none()
        });
        self.model = match prebuilt {
            Some((_, model)) => Arc::try_unwrap(model).unwrap_or_else(|shared| (*shared).clone()),
            None => {
                let order = side_order(&alignment.groups, self.order);
                RowModel::build_in_order(alignment, &self.marks, width, &order, |group| {
                    !(hide_furniture && alignment.is_furniture(group))
                        && unique
                            .as_ref()
                            .is_none_or(|flags| has_paragraph(group, alignment, flags))
                })
            }
        };
        self.hidden_furniture = alignment
            .groups
            .iter()
            .filter(|g| hide_furniture && alignment.is_furniture(g))
            .map(|g| paragraphs_in(g, alignment))
            .sum();
        self.cursor = cursor_group
            .filter(|_| keep_place)
            .and_then(|id| self.model.groups.iter().position(|g| g.group == id));
        self.differences = (0..self.model.groups.len())
            .filter(|&i| self.model.groups[i].kind.is_difference() && !self.shown_is_furniture(i))
            .collect();
        if let Some((group, offset)) = anchor.filter(|_| keep_place) {
            // The same group if still shown, else the next one in the
            // engine's order (a hidden group's neighbour).
            let groups = &self.model.groups;
            let at = groups
                .iter()
                .position(|g| g.group == group)
                .or_else(|| groups.iter().position(|g| g.group > group))
                .unwrap_or(groups.len());
            self.scroll = self
                .model
                .groups
                .get(at)
                .map_or(0, |g| g.start + offset.min(g.height - 1));
        }
        self.clamp_scroll();
        self.search.relocate(&self.model);
        self.refresh_overview();
    }

    /// Whether the group shown at `index` of the model is page furniture.
    pub(super) fn shown_is_furniture(&self, index: usize) -> bool {
        self.model
            .groups
            .get(index)
            .and_then(|g| self.alignment.groups.get(g.group))
            .is_some_and(|g| self.alignment.is_furniture(g))
    }

    /// The next (or previous) pair of distinct articles, each unordered
    /// pair once (1⇄2, 1⇄3, … 2⇄3, …), opened lower number on the left.
    pub(super) fn step_pair(&mut self, forward: bool) {
        let n = self.articles().len();
        if n < 2 {
            self.message = Some("only one article is loaded".into());
            return;
        }
        let pairs: Vec<(usize, usize)> = (0..n)
            .flat_map(|l| (l + 1..n).map(move |r| (l, r)))
            .collect();
        let (left, right) = self.target_pair();
        let here = (left.min(right), left.max(right));
        let next = match pairs.iter().position(|&p| p == here) {
            Some(i) if forward => (i + 1) % pairs.len(),
            Some(i) => (i + pairs.len() - 1) % pairs.len(),
            None => 0,
        };
        let (left, right) = pairs[next];
        self.open_pair(left, right);
        let note = Some(format!(
            "pair {} of {}: {} ⇄ {}",
            next + 1,
            pairs.len(),
            left + 1,
            right + 1
        ));
        // Said when the pair shows (now, or when its job is done).
        if self.pair() == (left, right) {
            self.message = note;
        } else {
            self.pending_note = note;
        }
    }

    /// Puts the list's selected article on one side; choosing the article
    /// already on the other side swaps them.
    pub(super) fn set_side(&mut self, left_side: bool) {
        let chosen = self
            .list_cursor
            .min(self.articles().len().saturating_sub(1));
        let (left, right) = match (left_side, chosen == self.left, chosen == self.right) {
            (true, _, true) | (false, true, _) => (self.right, self.left),
            (true, _, _) => (chosen, self.right),
            (false, _, _) => (self.left, chosen),
        };
        self.open_pair(left, right);
    }

    /// `o`: the focused side's order drives the rows; pressed where that
    /// side already drives, the other side's does.
    pub(super) fn toggle_order(&mut self) {
        let focused = if self.focus == super::Focus::Right {
            Side::Right
        } else {
            Side::Left
        };
        self.order = match (focused == self.order, focused) {
            (false, side) => side,
            (true, Side::Left) => Side::Right,
            (true, Side::Right) => Side::Left,
        };
        self.relayout(true);
        let (this, other) = match self.order {
            Side::Left => ("left", "right"),
            Side::Right => ("right", "left"),
        };
        self.message = Some(format!(
            "rows follow the {this} text's order; moved ones name their place (→R¶ ←L¶) — o: {other} order"
        ));
    }

    /// `a`: the other granularity, once that alignment is done.
    pub(super) fn toggle_granularity(&mut self) {
        let pending = self
            .jobs
            .find(|r| matches!(r.request, JobRequest::Align { .. }));
        let current = match pending.map(|r| &r.request) {
            Some(JobRequest::Align { granularity, .. }) => *granularity,
            _ => self.granularity,
        };
        let (left, right) = self.target_pair();
        self.request_pair(left, right, current.toggled(), Then::Regranulate);
    }
}

/// Distinct article paragraphs a group holds, both sides together.
fn paragraphs_in(group: &Group, alignment: &Alignment) -> usize {
    let count = |units: &[crate::align::Unit], members: &[usize]| {
        let mut paragraphs: Vec<usize> = members
            .iter()
            .filter_map(|&i| units.get(i).map(|u| u.paragraph))
            .collect();
        paragraphs.dedup();
        paragraphs.len()
    };
    count(&alignment.left, &group.left) + count(&alignment.right, &group.right)
}
