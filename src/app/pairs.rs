//! Choosing the pair: which articles are compared, the cached alignments
//! (computed through the shared corpus), and the list's similarity-to-left column.

use std::sync::Arc;

use crate::align::{Alignment, Granularity};
use crate::report::align_json::Summary;

use super::App;
use super::jobs::{JobRequest, Then};
use super::rows::{RowModel, has_paragraph, is_furniture};

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
        self.summary = Summary::of(&alignment);
        self.alignment = alignment;
        if left_changed {
            self.refresh_similarity();
        }
        self.scroll = 0;
        self.cursor = None;
        self.moved_return = None;
        self.fact_mark = None;
        self.relayout(false);
        if self.search.is_active() {
            let query = self.search.query().to_string();
            self.start_search(query, false);
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
        let unique = self.unique_paragraphs();
        let hide_furniture = self.hide_furniture;
        let alignment = &self.alignment;
        let width = self.geometry.text_width();
        // A job may have laid this alignment out already, off the loop.
        let prebuilt = self.prebuilt.take().filter(|(layout, _)| {
            layout.width == width && layout.hide_furniture == hide_furniture && unique.is_none()
        });
        self.model = match prebuilt {
            Some((_, model)) => Arc::try_unwrap(model).unwrap_or_else(|shared| (*shared).clone()),
            None => RowModel::build(alignment, width, |group| {
                !(hide_furniture && is_furniture(group, alignment))
                    && unique
                        .as_ref()
                        .is_none_or(|flags| has_paragraph(group, alignment, flags))
            }),
        };
        self.cursor = None;
        if let Some((group, offset)) = anchor.filter(|_| keep_place) {
            let at = self.model.groups.partition_point(|g| g.group < group);
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

    /// The next (or previous) ordered pair of distinct articles.
    pub(super) fn step_pair(&mut self, forward: bool) {
        let n = self.articles().len();
        if n < 2 {
            self.message = Some("only one article is loaded".into());
            return;
        }
        let pairs: Vec<(usize, usize)> = (0..n)
            .flat_map(|l| (0..n).filter(move |&r| r != l).map(move |r| (l, r)))
            .collect();
        let here = pairs
            .iter()
            .position(|&p| p == self.target_pair())
            .unwrap_or(0);
        let next = if forward {
            (here + 1) % pairs.len()
        } else {
            (here + pairs.len() - 1) % pairs.len()
        };
        let (left, right) = pairs[next];
        self.open_pair(left, right);
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
