//! A seeded pseudo-random sequence for unit tests: the same numbers on
//! every run and machine, without a crate.

/// Steps `seed` (a 64-bit linear congruential generator) and returns it.
pub fn next(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *seed
}
