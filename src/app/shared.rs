//! What every reader of one corpus can share across threads: the loaded
//! articles and each alignment computed so far.
//!
//! The local reader owns one; `diptych serve` hands clones of one to every
//! visitor, so a pair aligned for one visitor is never aligned again, and a
//! worker thread can fill the cache while the input loop keeps answering.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use crate::align::{AlignOptions, Alignment, Granularity, align};
use crate::article::Article;
use crate::corpus::Comparison;

/// Key of one alignment: (left article, right article, granularity).
type PairKey = (usize, usize, Granularity);
/// An alignment that is filled once, by whichever reader asks first.
type AlignmentCell = Arc<OnceLock<Arc<Alignment>>>;

/// A read-only corpus and its alignments; cheap to clone (all `Arc`).
#[derive(Clone)]
pub struct SharedCorpus {
    articles: Arc<[Article]>,
    /// One cell per pair: the map's lock is held only to find the cell, so
    /// two readers asking for different pairs never wait on each other, and
    /// two asking for the same pair compute it once.
    alignments: Arc<Mutex<HashMap<PairKey, AlignmentCell>>>,
    /// Every pair compared (matrix and coverage), on first need.
    comparison: Arc<OnceLock<Arc<Comparison>>>,
}

impl SharedCorpus {
    /// A corpus of `articles` with nothing computed yet.
    pub fn new(articles: Vec<Article>) -> Self {
        SharedCorpus {
            articles: articles.into(),
            alignments: Arc::default(),
            comparison: Arc::default(),
        }
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The alignment of two articles, computing it on first use; `None`
    /// when an index is out of range.
    pub fn alignment(
        &self,
        left: usize,
        right: usize,
        granularity: Granularity,
    ) -> Option<Arc<Alignment>> {
        let (left_article, right_article) = (self.articles().get(left)?, self.articles.get(right)?);
        let cell = self
            .alignments
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

    /// The alignment if some reader has computed it already; never blocks
    /// on a computation in progress.
    pub fn alignment_ready(
        &self,
        left: usize,
        right: usize,
        granularity: Granularity,
    ) -> Option<Arc<Alignment>> {
        let map = self
            .alignments
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        map.get(&(left, right, granularity))?.get().cloned()
    }

    /// The comparison if some reader has computed it already; never
    /// blocks on a computation in progress.
    pub fn comparison_ready(&self) -> Option<Arc<Comparison>> {
        self.comparison.get().cloned()
    }

    /// Every pair compared, once per corpus; the first call does the work.
    pub fn comparison(&self) -> Arc<Comparison> {
        self.comparison
            .get_or_init(|| Arc::new(Comparison::of(&self.articles)))
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::demo::DEMO_CORPUS;
    use crate::article::parse_article;

    fn demo() -> SharedCorpus {
        SharedCorpus::new(
            DEMO_CORPUS
                .iter()
                .map(|(name, text)| parse_article(name, name, text))
                .collect(),
        )
    }

    #[test]
    fn clones_share_one_alignment_per_pair() {
        let corpus = demo();
        let other = corpus.clone();
        assert!(
            other
                .alignment_ready(0, 1, Granularity::Paragraph)
                .is_none()
        );
        let first = corpus.alignment(0, 1, Granularity::Paragraph);
        let again = other.alignment_ready(0, 1, Granularity::Paragraph);
        assert!(matches!((first, again), (Some(a), Some(b)) if Arc::ptr_eq(&a, &b)));
    }

    #[test]
    fn out_of_range_pairs_have_no_alignment() {
        let corpus = demo();
        assert!(corpus.alignment(0, 99, Granularity::Sentence).is_none());
    }

    #[test]
    fn a_corpus_can_cross_threads() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<SharedCorpus>();
    }
}
