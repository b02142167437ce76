//! Work too slow for a keypress — aligning a pair, similarity to every
//! article, the all-pairs comparison, facts, a search over big texts — as
//! jobs. [`App::update`](super::App::update) never does such work itself:
//! it files a [`Job`] (what to compute, an id, a cancel flag) and records
//! it as running; whoever drives the app runs the job (on a thread:
//! [`super::worker::Worker`]; in tests, synchronously) and feeds
//! `Action::JobProgress` and `Action::JobDone` back. A result whose job is
//! no longer running (cancelled, or replaced by a newer request) is dropped.

use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::align::{Alignment, Granularity};
use crate::corpus::Comparison;
use crate::facts::Fact;

use super::preview::Preview;
use super::rows::{RowModel, Side};

/// Names one job for the session; never reused.
pub type JobId = u64;

/// What to compute.
#[derive(Debug, Clone)]
pub enum JobRequest {
    /// The alignment of a pair at a granularity, and when `layout` is
    /// given, its rows laid out too (wrapping a big pair takes a while).
    Align {
        left: usize,
        right: usize,
        granularity: Granularity,
        layout: Option<Layout>,
        /// Show a preview of a big pair first (see [`super::preview`]):
        /// only when the pair opens from the top.
        preview: bool,
    },
    /// Similarity of every article to `left` (the list's column).
    Similarity { left: usize },
    /// Every pair compared (matrix, coverage, the `u` filter).
    Compare,
    /// Facts across all articles.
    Facts,
    /// Every match of `query` in both sides of `alignment`.
    Search {
        query: String,
        alignment: Arc<Alignment>,
    },
}

impl JobRequest {
    /// Work the user asked for (and may cancel with `Esc`); the similarity
    /// column is filled quietly on the side.
    pub fn is_foreground(&self) -> bool {
        !matches!(self, JobRequest::Similarity { .. })
    }

    /// What the progress line says is being done.
    pub fn describe(&self) -> String {
        match self {
            JobRequest::Align {
                left,
                right,
                granularity,
                ..
            } => format!(
                "aligning {} ⇄ {} by {}s",
                left + 1,
                right + 1,
                granularity.name()
            ),
            JobRequest::Similarity { left } => format!("similarity to article {}", left + 1),
            JobRequest::Compare => "comparing every pair of articles".into(),
            JobRequest::Facts => "extracting facts from every article".into(),
            JobRequest::Search { query, .. } => format!("searching for “{query}”"),
        }
    }
}

/// How to lay out a pair off the loop: the pane width and the
/// boilerplate filter at the time the job was handed out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub width: usize,
    pub hide_furniture: bool,
    /// Which side's order the rows follow.
    pub order: Side,
}

/// A job handed to a runner: what, which, and the flag that stops it.
#[derive(Debug, Clone)]
pub struct Job {
    pub id: JobId,
    pub request: JobRequest,
    pub cancel: Arc<AtomicBool>,
}

impl Job {
    /// Whether the reader no longer wants the result.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// How far a job is: `done` of `total` steps (`total` 0: unknown), and the
/// time since it started, as the runner measured it (so the state holds no
/// clock and tests stay deterministic).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub elapsed_ms: u64,
}

impl Progress {
    /// Seconds still to go, extrapolated from the steps done so far; only
    /// when steps are counted and enough of them are done to be honest.
    pub fn remaining_secs(&self) -> Option<f64> {
        if self.total == 0 || self.done == 0 || self.done * 10 < self.total || self.elapsed_ms < 500
        {
            return None;
        }
        let per_step = self.elapsed_ms as f64 / self.done as f64;
        Some(per_step * (self.total.saturating_sub(self.done)) as f64 / 1000.0)
    }
}

/// Per side, per unit: the byte ranges a search matched.
pub type SearchRanges = [Vec<Vec<Range<usize>>>; 2];

/// What a job produced. Payloads are shared, so an action carrying one is
/// cheap to clone; two outputs are equal when they share the payload.
#[derive(Debug, Clone)]
pub enum JobOutput {
    /// The alignment, and its rows when the request asked for a layout.
    Aligned(Arc<Alignment>, Option<(Layout, Arc<RowModel>)>),
    /// A partial result on the way to `Aligned`: the leading part of a big
    /// pair, aligned alone (sent before the job ends).
    Previewed(Arc<Alignment>, Preview, Option<(Layout, Arc<RowModel>)>),
    Similarity(Arc<[f64]>),
    Compared(Arc<Comparison>),
    Facts(Arc<[Fact]>),
    Found(Arc<SearchRanges>),
    /// The job saw its cancel flag and stopped early.
    Cancelled,
    /// The job panicked (a bug): the reader says so and goes on.
    Failed(String),
}

impl PartialEq for JobOutput {
    fn eq(&self, other: &Self) -> bool {
        use JobOutput::*;
        match (self, other) {
            (Aligned(a, _), Aligned(b, _)) => Arc::ptr_eq(a, b),
            (Previewed(a, ..), Previewed(b, ..)) => Arc::ptr_eq(a, b),
            (Similarity(a), Similarity(b)) => Arc::ptr_eq(a, b),
            (Compared(a), Compared(b)) => Arc::ptr_eq(a, b),
            (Facts(a), Facts(b)) => Arc::ptr_eq(a, b),
            (Found(a), Found(b)) => Arc::ptr_eq(a, b),
            (Cancelled, Cancelled) => true,
            (Failed(a), Failed(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for JobOutput {}

/// What to do with a result besides storing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    /// Show the pair from the top.
    OpenPair,
    /// Show the pair keeping the place (a granularity switch).
    Regranulate,
    /// Open the matrix.
    OpenMatrix,
    /// Turn coverage markers on.
    Coverage,
    /// Turn the unique-paragraphs filter on.
    Unique,
    /// Open the facts view.
    OpenFacts,
    /// Only store the result.
    Store,
    /// Jump to the first match.
    ShowHits,
}

/// A job the reader is waiting for.
#[derive(Debug, Clone)]
pub struct Running {
    pub id: JobId,
    pub request: JobRequest,
    pub then: Then,
    pub progress: Progress,
    cancel: Arc<AtomicBool>,
}

/// The jobs of one reader: running ones, and new ones not yet handed to a
/// runner.
#[derive(Debug, Default)]
pub struct Jobs {
    next: JobId,
    running: Vec<Running>,
    outbox: Vec<Job>,
}

impl Jobs {
    /// Files a job; returns its id.
    pub(super) fn start(&mut self, request: JobRequest, then: Then) -> JobId {
        self.next += 1;
        let cancel = Arc::new(AtomicBool::new(false));
        self.outbox.push(Job {
            id: self.next,
            request: request.clone(),
            cancel: cancel.clone(),
        });
        self.running.push(Running {
            id: self.next,
            request,
            then,
            progress: Progress::default(),
            cancel,
        });
        self.next
    }

    /// The jobs filed since the last call, for a runner; pairs to align
    /// are laid out with `layout` too.
    pub fn take_new(&mut self, layout: Option<Layout>) -> Vec<Job> {
        let mut jobs = std::mem::take(&mut self.outbox);
        for job in &mut jobs {
            if let JobRequest::Align { layout: wanted, .. } = &mut job.request {
                *wanted = layout;
            }
        }
        jobs
    }

    pub fn running(&self) -> &[Running] {
        &self.running
    }

    /// The running job that matches, if any.
    pub(super) fn find(&self, pred: impl Fn(&Running) -> bool) -> Option<&Running> {
        self.running.iter().find(|r| pred(r))
    }

    /// Changes what a running job's result will do.
    pub(super) fn set_then(&mut self, id: JobId, then: Then) {
        if let Some(r) = self.running.iter_mut().find(|r| r.id == id) {
            r.then = then;
        }
    }

    pub(super) fn set_progress(&mut self, id: JobId, progress: Progress) {
        if let Some(r) = self.running.iter_mut().find(|r| r.id == id) {
            r.progress = progress;
        }
    }

    /// Removes a finished job; `None` when it was cancelled or replaced.
    pub(super) fn finish(&mut self, id: JobId) -> Option<Running> {
        let at = self.running.iter().position(|r| r.id == id)?;
        Some(self.running.remove(at))
    }

    /// Cancels every running job `pred` picks; returns how many.
    pub(super) fn cancel_where(&mut self, pred: impl Fn(&Running) -> bool) -> Vec<Running> {
        let (gone, kept) = std::mem::take(&mut self.running)
            .into_iter()
            .partition(|r| pred(r));
        self.running = kept;
        for r in &gone {
            r.cancel.store(true, Ordering::Relaxed);
        }
        self.outbox.retain(|job| !job.cancelled());
        gone
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_only_after_enough_steps_and_time() {
        let early = Progress {
            done: 1,
            total: 100,
            elapsed_ms: 2000,
        };
        assert_eq!(early.remaining_secs(), None);
        let half = Progress {
            done: 50,
            total: 100,
            elapsed_ms: 2000,
        };
        assert_eq!(half.remaining_secs(), Some(2.0));
        let unknown = Progress {
            done: 5,
            total: 0,
            elapsed_ms: 9000,
        };
        assert_eq!(unknown.remaining_secs(), None);
    }

    #[test]
    fn cancelled_jobs_leave_the_outbox_and_raise_their_flag() {
        let mut jobs = Jobs::default();
        let id = jobs.start(JobRequest::Compare, Then::OpenMatrix);
        let handed = jobs.take_new(None);
        let gone = jobs.cancel_where(|r| r.id == id);
        assert_eq!(gone.len(), 1);
        assert!(handed[0].cancelled());
        assert!(jobs.finish(id).is_none());
    }
}
