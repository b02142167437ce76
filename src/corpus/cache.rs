//! One alignment per pair and granularity, computed by whoever asks first
//! and kept: the comparison of every pair, the report's chosen pair and
//! the reader's panes all read the same alignments.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError, TryLockError};
use std::time::Duration;

use crate::align::{AlignOptions, Alignment, Granularity, align_cancellable};
use crate::article::Article;
use crate::progress::{Progress, Quiet};

/// Key of one alignment: (left article, right article, granularity).
type PairKey = (usize, usize, Granularity);
/// An alignment that is filled once, by whichever caller asks first.
type AlignmentCell = Arc<Cell>;

/// One pair's alignment, and the lock its computer holds: another caller
/// waits for it rather than computing the pair twice, and a caller that
/// gives up (cancelled) lets the next one compute it.
#[derive(Default)]
struct Cell {
    done: OnceLock<Arc<Alignment>>,
    computing: Mutex<()>,
}

/// How often a cancellable caller waiting for another's computation
/// looks at its cancel flag.
const WAIT_STEP: Duration = Duration::from_millis(5);

/// Alignments of the pairs of one article list (without boilerplate
/// scoring, as the reader and the comparison use them); cheap to clone,
/// clones share the alignments.
#[derive(Clone, Default)]
pub struct AlignmentCache {
    /// One cell per pair: the map's lock is held only to find the cell, so
    /// two threads asking for different pairs never wait on each other, and
    /// two asking for the same pair compute it once.
    cells: Arc<Mutex<HashMap<PairKey, AlignmentCell>>>,
}

impl AlignmentCache {
    /// The alignment of `articles[left]` and `articles[right]`, computing
    /// it on first use; `None` when an index is out of range.
    pub fn alignment(
        &self,
        articles: &[Article],
        left: usize,
        right: usize,
        granularity: Granularity,
    ) -> Option<Arc<Alignment>> {
        self.alignment_with(articles, left, right, granularity, &Quiet)
    }

    /// [`Self::alignment`] that gives up (`None`, nothing kept) once
    /// `watch` is cancelled, also while another caller computes the pair.
    pub fn alignment_with(
        &self,
        articles: &[Article],
        left: usize,
        right: usize,
        granularity: Granularity,
        watch: &dyn Progress,
    ) -> Option<Arc<Alignment>> {
        let (left_article, right_article) = (articles.get(left)?, articles.get(right)?);
        let cell = self
            .cells
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry((left, right, granularity))
            .or_default()
            .clone();
        if let Some(done) = cell.done.get() {
            return Some(done.clone());
        }
        let _computing = loop {
            match cell.computing.try_lock() {
                Ok(guard) => break guard,
                Err(TryLockError::Poisoned(poisoned)) => break poisoned.into_inner(),
                Err(TryLockError::WouldBlock) if watch.cancelled() => return None,
                Err(TryLockError::WouldBlock) => std::thread::sleep(WAIT_STEP),
            }
        };
        if let Some(done) = cell.done.get() {
            return Some(done.clone());
        }
        let options = AlignOptions {
            granularity,
            include_boilerplate: false,
        };
        let aligned = align_cancellable(left_article, right_article, options, watch)?;
        Some(cell.done.get_or_init(|| Arc::new(aligned)).clone())
    }

    /// The alignment if someone has computed it already; never blocks on a
    /// computation in progress.
    pub fn ready(
        &self,
        left: usize,
        right: usize,
        granularity: Granularity,
    ) -> Option<Arc<Alignment>> {
        let map = self.cells.lock().unwrap_or_else(PoisonError::into_inner);
        map.get(&(left, right, granularity))?.done.get().cloned()
    }
}
