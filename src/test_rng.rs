//! A seeded pseudo-random sequence for unit tests: the same numbers on
//! every run and machine, without a crate.

/// Steps `seed` (a 64-bit linear congruential generator) and returns it.
pub fn next(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *seed
}

/// Between 1 and `texts` texts, each of 1 to `words` of `pieces` picked
/// at random and joined by spaces: texts built from the pieces a rule
/// turns on, so a test meets them in every combination.
pub fn texts_of(seed: &mut u64, pieces: &[&str], texts: u64, words: u64) -> Vec<String> {
    let mut below = |bound: u64| (next(seed) >> 33) % bound;
    let count = 1 + below(texts);
    (0..count)
        .map(|_| {
            let len = 1 + below(words);
            (0..len)
                .map(|_| pieces[below(pieces.len() as u64) as usize])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}
