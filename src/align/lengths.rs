//! Each unit's length in characters, counted once per alignment. The
//! moved flags weigh links by it (in grouping's gap filling and again at
//! the end) and the overall similarity sums it; on a book-length pair
//! each of those counts walked megabytes of text long out of the cache.

use super::units::Unit;
use crate::parallel::{SPLIT_FROM_BYTES, join};

/// Characters in each unit of both sides, by unit index.
pub struct Lengths {
    pub left: Vec<u64>,
    pub right: Vec<u64>,
}

impl Lengths {
    /// Counts both sides, each on its own core when the texts are long.
    pub fn of(left: &[Unit], right: &[Unit]) -> Self {
        let bytes: usize = left.iter().chain(right).map(|u| u.text.len()).sum();
        let (left, right) = join(bytes >= SPLIT_FROM_BYTES, || count(left), || count(right));
        Lengths { left, right }
    }

    /// Characters on both sides: how long the pair is, for choosing
    /// whether a stage is worth a second core.
    pub fn total(&self) -> u64 {
        self.left.iter().chain(&self.right).sum()
    }
}

fn count(units: &[Unit]) -> Vec<u64> {
    units
        .iter()
        .map(|u| u.text.chars().count() as u64)
        .collect()
}
