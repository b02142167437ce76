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
    /// Whether the pair is long enough for a second core to pay
    /// ([`SPLIT_FROM_BYTES`] of text on both sides), for later stages.
    pub long: bool,
}

impl Lengths {
    /// Counts both sides, each on its own core when the texts are long.
    pub fn of(left: &[Unit], right: &[Unit]) -> Self {
        let bytes: usize = left.iter().chain(right).map(|u| u.text.len()).sum();
        let long = bytes >= SPLIT_FROM_BYTES;
        let (left, right) = join(long, || count(left), || count(right));
        Lengths { left, right, long }
    }
}

fn count(units: &[Unit]) -> Vec<u64> {
    units
        .iter()
        .map(|u| u.text.chars().count() as u64)
        .collect()
}
