//! A fast, deterministic hasher for interning tokens, keying word diffs
//! and the fact finders' casing tallies. std's default (SipHash) resists
//! hash flooding, which a local text comparison does not need, and was a
//! tenth of the engine's time on long texts.

use std::hash::{BuildHasherDefault, Hasher};

use crate::ascii;

/// FxHash-style: multiply-rotate over 8-byte words.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        ascii::each_word(bytes, |word| {
            self.add(word);
            true
        });
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_u32(&mut self, value: u32) {
        self.add(u64::from(value));
    }

    /// The same hash as `write` of the little-endian bytes, in one step.
    fn write_u64(&mut self, value: u64) {
        self.add(value);
    }

    /// The same hash as `write` of the little-endian bytes, in two steps.
    fn write_u128(&mut self, value: u128) {
        self.add(value as u64);
        self.add((value >> 64) as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// [`FastHasher`]'s hash of `bytes`: a key for a folded word, where two
/// words compare as one integer.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = FastHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

/// `HashMap` state using [`FastHasher`].
pub type FastState = BuildHasherDefault<FastHasher>;

/// For keys that are small packed integers (the vocabulary's short
/// keys): one folded 64×64→128-bit multiply per word, so every bit of the
/// key reaches the low bits that pick a bucket. With [`FastHasher`]'s
/// plain multiply those bits depend only on the key's first two letters,
/// and all keys sharing them probed the same buckets.
#[derive(Default, Clone, Copy)]
pub struct PackedHasher(u64);

/// An odd constant with well-spread bits (from the golden ratio).
const FOLD: u64 = 0x9e37_79b9_7f4a_7c15;

impl Hasher for PackedHasher {
    fn write(&mut self, bytes: &[u8]) {
        ascii::each_word(bytes, |word| {
            self.write_u64(word);
            true
        });
    }

    fn write_u64(&mut self, value: u64) {
        let full = u128::from(self.0 ^ value) * u128::from(FOLD);
        self.0 = (full as u64) ^ ((full >> 64) as u64);
    }

    fn write_u128(&mut self, value: u128) {
        self.write_u64(value as u64);
        self.write_u64((value >> 64) as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// `HashMap` state using [`PackedHasher`].
pub type PackedState = BuildHasherDefault<PackedHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes hash as their 8-byte words, the last padded with zeros, in
    /// both hashers.
    #[test]
    fn bytes_hash_as_padded_words() {
        let bytes: Vec<u8> = (1..=17).collect();
        for len in 0..=bytes.len() {
            let part = &bytes[..len];
            let words = ascii::words_by_copy(part);
            let (mut fast, mut fast_words) = (FastHasher::default(), FastHasher::default());
            let (mut packed, mut packed_words) = (PackedHasher::default(), PackedHasher::default());
            fast.write(part);
            packed.write(part);
            for &word in &words {
                fast_words.write_u64(word);
                packed_words.write_u64(word);
            }
            assert_eq!(fast.finish(), fast_words.finish(), "{len} bytes");
            assert_eq!(packed.finish(), packed_words.finish(), "{len} bytes");
        }
    }
}
