//! Token keys → ids: each side interns its keys in order of first sight,
//! then both vocabularies merge into one id space in key order, so no id
//! depends on which text is left or which thread finished first.
//!
//! Interning runs once per word of book-length texts. Nearly every key is
//! short (a stem is at most five characters), so a key of up to
//! [`PACKED_BYTES`] bytes is packed with its length into one integer and
//! looked up without hashing or comparing a string; longer keys use a
//! string map. Which map holds a key changes no id.

use std::collections::HashMap;

use crate::align::hash::FastState;

/// Longest key packed into an integer: five Cyrillic or Greek letters take
/// ten bytes, five Han ideographs fifteen. The sixteenth byte holds the
/// length, so no two keys share a packed value.
const PACKED_BYTES: usize = 15;

/// One side's token keys, interned in order of first sight.
#[derive(Default)]
pub(super) struct Vocabulary {
    packed: HashMap<u128, u32, FastState>,
    long: HashMap<String, u32, FastState>,
    /// Per id, its key.
    keys: Vec<String>,
    /// Per id: (ever a name, ever a number).
    flags: Vec<(bool, bool)>,
}

impl Vocabulary {
    /// The id of `key` (a new one if unseen), noting whether this
    /// occurrence is a name or a number.
    pub(super) fn intern(&mut self, key: &str, name: bool, number: bool) -> u32 {
        let fresh = self.keys.len() as u32;
        let id = match pack(key) {
            Some(packed) => *self.packed.entry(packed).or_insert(fresh),
            None => match self.long.get(key) {
                Some(&id) => id,
                None => {
                    self.long.insert(key.to_string(), fresh);
                    fresh
                }
            },
        };
        if id == fresh {
            self.keys.push(key.to_string());
            self.flags.push((false, false));
        }
        if let Some(flags) = self.flags.get_mut(id as usize) {
            flags.0 |= name;
            flags.1 |= number;
        }
        id
    }

    /// Per id: (ever a name, ever a number).
    pub(super) fn flags(&self) -> &[(bool, bool)] {
        &self.flags
    }
}

/// `key`'s bytes and length as one integer, when it is short enough.
fn pack(key: &str) -> Option<u128> {
    let bytes = key.as_bytes();
    if bytes.len() > PACKED_BYTES {
        return None;
    }
    let mut word = [0u8; 16];
    word.get_mut(..bytes.len())?.copy_from_slice(bytes);
    word[15] = bytes.len() as u8;
    Some(u128::from_le_bytes(word))
}

/// The sorted union of both vocabularies' keys, and for each side a map
/// from its local ids to positions in that union (keys of one word's
/// inflections share one position, see `closeness`).
pub(super) fn merge(left: &Vocabulary, right: &Vocabulary) -> (Vec<String>, Vec<u32>, Vec<u32>) {
    let mut keys: Vec<String> = left.keys.iter().chain(&right.keys).cloned().collect();
    keys.sort_unstable();
    keys.dedup();
    let class = crate::align::closeness::classes(&keys, crate::align::tokens::STEM_CHARS);
    let position = |key: &String| class[keys.binary_search(key).unwrap_or(0)];
    let left_map = left.keys.iter().map(position).collect();
    let right_map = right.keys.iter().map(position).collect();
    (keys, left_map, right_map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_first_sight_whatever_the_key_length() {
        let mut vocab = Vocabulary::default();
        let long = "представників";
        assert_eq!(vocab.intern("offer", false, false), 0);
        assert_eq!(vocab.intern(long, true, false), 1);
        assert_eq!(vocab.intern("80", false, true), 2);
        assert_eq!(vocab.intern("offer", true, false), 0);
        assert_eq!(vocab.intern(long, false, false), 1);
        assert_eq!(vocab.keys, ["offer", long, "80"]);
        assert_eq!(vocab.flags(), [(true, false), (true, false), (false, true)]);
    }

    #[test]
    fn packed_keys_of_different_lengths_differ() {
        assert_ne!(pack("a"), pack("a\0"));
        assert_eq!(pack("x".repeat(16).as_str()), None);
        assert!(pack("x".repeat(15).as_str()).is_some());
    }
}
