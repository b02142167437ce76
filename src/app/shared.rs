//! What every reader of one corpus can share across threads: the loaded
//! articles and each alignment computed so far.
//!
//! The local reader owns one; `diptych serve` hands clones of one to every
//! visitor, so a pair aligned for one visitor is never aligned again, and a
//! worker thread can fill the cache while the input loop keeps answering.

use std::sync::{Arc, OnceLock};

use crate::align::{Alignment, Granularity};
use crate::article::Article;
use crate::corpus::{AlignmentCache, Comparison};
use crate::progress::{Progress, Quiet};

/// A read-only corpus and its alignments; cheap to clone (all `Arc`).
#[derive(Clone)]
pub struct SharedCorpus {
    articles: Arc<[Article]>,
    /// Every alignment computed so far, by any reader or the comparison.
    alignments: AlignmentCache,
    /// Every pair compared (matrix and coverage), on first need.
    comparison: Arc<OnceLock<Arc<Comparison>>>,
}

impl SharedCorpus {
    /// A corpus of `articles` with nothing computed yet.
    pub fn new(articles: Vec<Article>) -> Self {
        SharedCorpus {
            articles: articles.into(),
            alignments: AlignmentCache::default(),
            comparison: Arc::default(),
        }
    }

    /// The embedded demo corpus, for tests.
    #[cfg(test)]
    pub(crate) fn demo() -> Self {
        use crate::article::demo::DEMO_CORPUS;
        use crate::article::parse_article;
        SharedCorpus::new(
            DEMO_CORPUS
                .iter()
                .map(|(name, text)| parse_article(name, name, text))
                .collect(),
        )
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
        self.alignments
            .alignment(&self.articles, left, right, granularity)
    }

    /// [`Self::alignment`] that gives up (`None`) once `watch` is
    /// cancelled: the reader's `Esc` stops the engine itself.
    pub fn alignment_with(
        &self,
        left: usize,
        right: usize,
        granularity: Granularity,
        watch: &dyn Progress,
    ) -> Option<Arc<Alignment>> {
        self.alignments
            .alignment_with(&self.articles, left, right, granularity, watch)
    }

    /// The alignment if some reader has computed it already; never blocks
    /// on a computation in progress.
    pub fn alignment_ready(
        &self,
        left: usize,
        right: usize,
        granularity: Granularity,
    ) -> Option<Arc<Alignment>> {
        self.alignments.ready(left, right, granularity)
    }

    /// The comparison if some reader has computed it already; never
    /// blocks on a computation in progress.
    pub fn comparison_ready(&self) -> Option<Arc<Comparison>> {
        self.comparison.get().cloned()
    }

    /// Every pair compared, once per corpus; the first call does the work.
    pub fn comparison(&self) -> Arc<Comparison> {
        // `Quiet` never cancels, so this always holds a comparison.
        self.comparison_with(&Quiet)
            .unwrap_or_else(|| Arc::new(Comparison::of(&self.articles)))
    }

    /// [`Self::comparison`] telling `progress` how far it is; `None` (and
    /// nothing kept) when `progress` cancels. The pairs it aligns stay in
    /// the alignment cache, so the reader's panes reuse them.
    pub fn comparison_with(&self, progress: &dyn Progress) -> Option<Arc<Comparison>> {
        if let Some(done) = self.comparison.get() {
            return Some(done.clone());
        }
        let computed = Comparison::with(&self.articles, &self.alignments, progress)?;
        Some(self.comparison.get_or_init(|| Arc::new(computed)).clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_one_alignment_per_pair() {
        let corpus = SharedCorpus::demo();
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
    fn the_comparison_fills_the_readers_alignments() {
        let corpus = SharedCorpus::demo();
        let comparison = corpus.comparison();
        let first = comparison
            .pairs
            .first()
            .map(|p| (p.left, p.right, p.alignment.clone()));
        let Some((left, right, aligned)) = first else {
            panic!("the demo corpus has pairs that share content");
        };
        let cached = corpus.alignment_ready(left, right, Granularity::Paragraph);
        assert!(cached.is_some_and(|c| Arc::ptr_eq(&c, &aligned)));
        assert!(corpus.comparison_ready().is_some());
    }

    #[test]
    fn out_of_range_pairs_have_no_alignment() {
        let corpus = SharedCorpus::demo();
        assert!(corpus.alignment(0, 99, Granularity::Sentence).is_none());
    }

    #[test]
    fn a_corpus_can_cross_threads() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<SharedCorpus>();
    }
}
