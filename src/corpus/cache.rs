//! One alignment per pair and granularity, computed by whoever asks first
//! and kept: the comparison of every pair, the report's chosen pair and
//! the reader's panes all read the same alignments.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use crate::align::{AlignOptions, Alignment, Granularity, align};
use crate::article::Article;

/// Key of one alignment: (left article, right article, granularity).
type PairKey = (usize, usize, Granularity);
/// An alignment that is filled once, by whichever caller asks first.
type AlignmentCell = Arc<OnceLock<Arc<Alignment>>>;

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
        let (left_article, right_article) = (articles.get(left)?, articles.get(right)?);
        let cell = self
            .cells
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry((left, right, granularity))
            .or_default()
            .clone();
        let options = AlignOptions {
            granularity,
            include_boilerplate: false,
        };
        Some(
            cell.get_or_init(|| Arc::new(align(left_article, right_article, options)))
                .clone(),
        )
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
        map.get(&(left, right, granularity))?.get().cloned()
    }
}
