//! Across all articles at once: every pair aligned, the similarity matrix
//! and which articles carry each paragraph. The report and (later) the
//! reader's heat-map and coverage column read these; nothing here renders.

mod coverage;
mod matrix;

pub use coverage::Coverage;
pub use matrix::Matrix;

use crate::align::{AlignOptions, Alignment, align};
use crate::article::Article;

/// The alignment of articles `left` < `right`.
#[derive(Debug, Clone)]
pub struct PairAlignment {
    pub left: usize,
    pub right: usize,
    pub alignment: Alignment,
}

/// Every pair of a set of articles compared once, by paragraph.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// Pairs in order (0,1), (0,2), …, (1,2), …; each aligned once, since
    /// swapping the sides of an alignment only mirrors it.
    pub pairs: Vec<PairAlignment>,
    pub matrix: Matrix,
    pub coverage: Coverage,
}

impl Comparison {
    /// Aligns every pair of `articles` at paragraph granularity.
    pub fn of(articles: &[Article]) -> Self {
        let options = AlignOptions::default();
        let mut pairs = Vec::new();
        for left in 0..articles.len() {
            for right in left + 1..articles.len() {
                let alignment = align(&articles[left], &articles[right], options);
                pairs.push(PairAlignment {
                    left,
                    right,
                    alignment,
                });
            }
        }
        let matrix = Matrix::from_pairs(articles.len(), &pairs);
        let coverage = Coverage::from_pairs(articles, &pairs);
        Comparison {
            pairs,
            matrix,
            coverage,
        }
    }
}
