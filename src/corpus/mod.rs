//! Across all articles at once: the pairs worth aligning, the similarity
//! matrix and which articles carry each paragraph. The report and the
//! reader's matrix and coverage read these; nothing here renders.
//!
//! Only pairs that share rare content are aligned (see [`index`]); every
//! other pair has similarity 0 and carries none of the other's
//! paragraphs. Alignments go through an [`AlignmentCache`], so the reader
//! and the report reuse them.

mod cache;
mod coverage;
pub mod index;
mod matrix;

pub use cache::AlignmentCache;
pub use coverage::Coverage;
pub use matrix::Matrix;

use std::sync::Arc;

use crate::align::{Alignment, Granularity};
use crate::article::Article;
use crate::progress::{Progress, Quiet};

/// The alignment of articles `left` < `right`.
#[derive(Debug, Clone)]
pub struct PairAlignment {
    pub left: usize,
    pub right: usize,
    /// Shared with the [`AlignmentCache`] it came from.
    pub alignment: Arc<Alignment>,
}

/// Every pair of a set of articles that shares rare content, compared
/// once, by paragraph.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// Aligned pairs in order (0,1), (0,2), …, (1,2), …; each aligned once,
    /// since swapping the sides of an alignment only mirrors it. Pairs not
    /// listed share no rare content: similarity 0, no links.
    pub pairs: Vec<PairAlignment>,
    pub matrix: Matrix,
    pub coverage: Coverage,
}

impl Comparison {
    /// Compares `articles` with a cache of its own, reporting nothing.
    pub fn of(articles: &[Article]) -> Self {
        // `Quiet` never cancels.
        Self::with(articles, &AlignmentCache::default(), &Quiet).unwrap_or_else(|| Comparison {
            pairs: Vec::new(),
            matrix: Matrix::from_pairs(articles.len(), &[]),
            coverage: Coverage::from_pairs(articles, &[]),
        })
    }

    /// Compares `articles`, aligning pairs through `cache` (so alignments
    /// already made are reused and new ones kept) on every core, telling
    /// `progress` each pair done; `None` when `progress` cancels.
    pub fn with(
        articles: &[Article],
        cache: &AlignmentCache,
        progress: &dyn Progress,
    ) -> Option<Self> {
        progress.phase("indexing articles", 1);
        let candidates = index::candidate_pairs(articles);
        progress.advance(1);
        if progress.cancelled() {
            return None;
        }
        progress.phase("comparing pairs", candidates.len());
        let pairs = align_all(articles, &candidates, cache, progress)?;
        let matrix = Matrix::from_pairs(articles.len(), &pairs);
        let coverage = Coverage::from_pairs(articles, &pairs);
        Some(Comparison {
            pairs,
            matrix,
            coverage,
        })
    }
}

/// Aligns `candidates` on all cores, in order; `None` when cancelled.
fn align_all(
    articles: &[Article],
    candidates: &[(usize, usize)],
    cache: &AlignmentCache,
    progress: &dyn Progress,
) -> Option<Vec<PairAlignment>> {
    let cancelled = || progress.cancelled();
    let done = crate::parallel::map_each_until(candidates, &cancelled, |_, &(left, right)| {
        // The cancel flag reaches into each pair's alignment too.
        let aligned = cache.alignment_with(articles, left, right, Granularity::Paragraph, progress);
        progress.advance(1);
        aligned.map(|alignment| PairAlignment {
            left,
            right,
            alignment,
        })
    })?;
    if progress.cancelled() {
        return None;
    }
    Some(done.into_iter().flatten().collect())
}
