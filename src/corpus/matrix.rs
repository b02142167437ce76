//! The similarity matrix: for every pair, the engine's overall similarity
//! (share of story text linked, weighted by length and link score).

use serde::Serialize;

use super::PairAlignment;
use crate::align::round4;

/// Symmetric similarities; the diagonal is 1.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matrix {
    pub size: usize,
    /// Row-major `size × size`.
    pub values: Vec<Vec<f64>>,
}

impl Matrix {
    /// Fills the matrix from the aligned pairs; pairs not given (never
    /// aligned: they share no rare content) are 0.
    pub fn from_pairs(size: usize, pairs: &[PairAlignment]) -> Self {
        let mut values = vec![vec![0.0; size]; size];
        for (i, row) in values.iter_mut().enumerate() {
            row[i] = 1.0;
        }
        for pair in pairs {
            let value = round4(pair.alignment.similarity);
            values[pair.left][pair.right] = value;
            values[pair.right][pair.left] = value;
        }
        Matrix { size, values }
    }

    /// Similarity of articles `a` and `b` (0 when out of range).
    pub fn get(&self, a: usize, b: usize) -> f64 {
        self.values
            .get(a)
            .and_then(|row| row.get(b))
            .copied()
            .unwrap_or(0.0)
    }

    /// The most similar pair of distinct articles (earliest on ties), the
    /// natural first pair to read.
    pub fn most_similar(&self) -> Option<(usize, usize)> {
        let mut best: Option<((usize, usize), f64)> = None;
        for a in 0..self.size {
            for b in a + 1..self.size {
                let value = self.get(a, b);
                if best.is_none_or(|(_, v)| value > v) {
                    best = Some(((a, b), value));
                }
            }
        }
        best.map(|(pair, _)| pair)
    }
}
