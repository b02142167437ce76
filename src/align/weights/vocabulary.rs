//! Token keys → ids: each side interns its keys in order of first sight,
//! then both vocabularies merge into one id space in key order, so no id
//! depends on which text is left or which thread finished first.
//!
//! Interning runs once per word of book-length texts. Nearly every key is
//! short (a stem is at most five characters), so a key of up to 15 bytes
//! is packed with its length into one integer and looked up without
//! hashing or comparing a string: keys of up to 7 bytes (ASCII stems) in
//! a map of `u64`, whose entries are half the size, the others of up to
//! 15 in one of `u128`; longer keys use a string map. Which map holds a
//! key changes no id.

use std::collections::HashMap;

use super::super::tokens::{Key, pack_short};
use crate::ascii;
use crate::facts::is_german_function_word;
use crate::hash::{FastState, PackedState};

/// One side's token keys, interned in order of first sight.
#[derive(Default)]
pub(super) struct Vocabulary {
    short: HashMap<u64, u32, PackedState>,
    packed: HashMap<u128, u32, PackedState>,
    long: HashMap<String, u32, FastState>,
    /// Every key, one after another, in id order: one buffer, not a
    /// string (an allocation) per distinct word.
    text: String,
    /// Per id, where its key ends in `text`.
    ends: Vec<usize>,
    /// Per id: (ever a name, ever a number).
    flags: Vec<(bool, bool)>,
    /// The ids of packed keys seen lately, one per slot picked by the
    /// key's bits ([`RECENT_SLOTS`]): most words of a text are a few
    /// thousand common ones, found here with one comparison instead of a
    /// probe of the map.
    recent: Vec<(u64, u32)>,
}

/// Slots of [`Vocabulary::recent`]: 64 KiB a side (16 bytes a slot),
/// which stays in the cache.
const RECENT_SLOTS: usize = 1 << 12;

/// No packed key: its length byte (the top one) is at most 7.
const NO_KEY: u64 = u64::MAX;

impl Vocabulary {
    /// The id of `key` (a new one if unseen), noting whether this
    /// occurrence is a name or a number.
    pub(super) fn intern(&mut self, key: Key<'_>, name: bool, number: bool) -> u32 {
        let fresh = self.ends.len() as u32;
        let id = match key {
            Key::Packed(short) => self.short_id(short, fresh),
            Key::Text(text) => self.text_id(text, fresh),
        };
        if id == fresh {
            key.push_to(&mut self.text);
            self.ends.push(self.text.len());
            self.flags.push((false, false));
        }
        // Most occurrences are neither: their id's flags are not touched.
        if (name || number)
            && let Some(flags) = self.flags.get_mut(id as usize)
        {
            flags.0 |= name;
            flags.1 |= number;
        }
        id
    }

    /// The id of a packed key, `fresh` if unseen (and now noted).
    fn short_id(&mut self, short: u64, fresh: u32) -> u32 {
        if self.recent.is_empty() {
            self.recent = vec![(NO_KEY, 0); RECENT_SLOTS];
        }
        // The top bits of a multiply mix all of the key's bytes.
        let slot = (short.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 52) as usize % RECENT_SLOTS;
        match self.recent.get_mut(slot) {
            Some(&mut (held, id)) if held == short => id,
            Some(entry) => {
                let id = *self.short.entry(short).or_insert(fresh);
                *entry = (short, id);
                id
            }
            None => *self.short.entry(short).or_insert(fresh),
        }
    }

    /// The id of a written-out key, `fresh` if unseen (and now noted).
    fn text_id(&mut self, key: &str, fresh: u32) -> u32 {
        if let Some(short) = pack_short(key) {
            *self.short.entry(short).or_insert(fresh)
        } else if let Some(packed) = ascii::packed_with_length(key.as_bytes()) {
            *self.packed.entry(packed).or_insert(fresh)
        } else {
            match self.long.get(key) {
                Some(&id) => id,
                None => {
                    self.long.insert(key.to_string(), fresh);
                    fresh
                }
            }
        }
    }

    /// Per id: (ever a name, ever a number).
    pub(super) fn flags(&self) -> &[(bool, bool)] {
        &self.flags
    }

    /// How many distinct keys there are.
    fn len(&self) -> usize {
        self.ends.len()
    }

    /// The keys in id order.
    fn keys(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(start, &end)| self.text.get(start..end).unwrap_or_default())
    }

    /// Per id, whether its key is a German function word by `facts`'
    /// list: a side reads as German by their share of its tokens
    /// ([`crate::facts::german_enough`]). A function word is short, so
    /// its key is the whole word, lower-case.
    pub(super) fn function_words(&self) -> Vec<bool> {
        self.keys().map(is_german_function_word).collect()
    }
}

/// How many distinct keys the two vocabularies hold, and for each side a
/// map from its local ids to positions in their sorted union (keys of one
/// word's inflections share one position, see `closeness`).
pub(super) fn merge(left: &Vocabulary, right: &Vocabulary) -> (usize, Vec<u32>, Vec<u32>) {
    // Every key of both sides, tagged with its side and local id, sorted
    // by key: an integer of its first bytes orders nearly all of them.
    let mut all: Vec<(u128, &str, usize, usize)> = Vec::with_capacity(left.len() + right.len());
    for (side, vocab) in [left, right].into_iter().enumerate() {
        let keys = vocab.keys().enumerate();
        all.extend(keys.map(|(id, key)| (order_prefix(key), key, side, id)));
    }
    all.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
    let mut keys: Vec<&str> = Vec::new();
    let position: Vec<usize> = all
        .iter()
        .map(|&(_, key, _, _)| {
            if keys.last() != Some(&key) {
                keys.push(key);
            }
            keys.len() - 1
        })
        .collect();
    let class = crate::align::closeness::classes(&keys, crate::align::tokens::STEM_CHARS);
    let mut maps = [vec![0; left.len()], vec![0; right.len()]];
    for (&(_, _, side, id), &at) in all.iter().zip(&position) {
        let slot = maps.get_mut(side).and_then(|map| map.get_mut(id));
        if let (Some(slot), Some(&class)) = (slot, class.get(at)) {
            *slot = class;
        }
    }
    let [left_map, right_map] = maps;
    (keys.len(), left_map, right_map)
}

/// The first 16 bytes of `key`, zero-padded, as a big-endian integer:
/// comparing two of these agrees with comparing the keys, or ties.
fn order_prefix(key: &str) -> u128 {
    let bytes = key.as_bytes();
    let bytes = bytes.get(..16).unwrap_or(bytes);
    let mut word = [0u8; 16];
    if let Some(head) = word.get_mut(..bytes.len()) {
        head.copy_from_slice(bytes);
    }
    u128::from_be_bytes(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ascii::packed_with_length as pack_long;

    #[test]
    fn ids_follow_first_sight_whatever_the_key_length() {
        let mut vocab = Vocabulary::default();
        let long = "представників";
        assert_eq!(vocab.intern(Key::Text("offer"), false, false), 0);
        assert_eq!(vocab.intern(Key::Text(long), true, false), 1);
        assert_eq!(vocab.intern(Key::Text("80"), false, true), 2);
        assert_eq!(vocab.intern(Key::Text("offer"), true, false), 0);
        assert_eq!(vocab.intern(Key::Text(long), false, false), 1);
        assert_eq!(vocab.keys().collect::<Vec<_>>(), ["offer", long, "80"]);
        assert_eq!(vocab.flags(), [(true, false), (true, false), (false, true)]);
    }

    /// Many more distinct keys than recent slots, repeated in a random
    /// order: every key keeps the id of its first sight, whether it is
    /// found among the recent ones or in the map.
    #[test]
    fn recent_keys_keep_their_first_ids() {
        let mut seed = 9;
        let mut vocab = Vocabulary::default();
        let mut first: HashMap<u64, u32> = HashMap::new();
        for _ in 0..60_000 {
            let n = crate::test_rng::next(&mut seed) % 12_000;
            let key = pack_short(&format!("{n:x}")).expect("short");
            let expected = first.len() as u32;
            let expected = *first.entry(key).or_insert(expected);
            assert_eq!(vocab.intern(Key::Packed(key), false, false), expected);
        }
    }

    #[test]
    fn merged_positions_follow_key_order() {
        let (mut left, mut right) = (Vocabulary::default(), Vocabulary::default());
        let long = "a".repeat(17);
        for key in ["b", "a", &long, "ab", "é"] {
            left.intern(Key::Text(key), false, false);
        }
        for key in ["ab", "a\0", "c", &format!("{long}b")] {
            right.intern(Key::Text(key), false, false);
        }
        let (count, left_map, right_map) = merge(&left, &right);
        // a < a\0 < aaa…a < aaa…ab < ab < b < c < é
        assert_eq!(count, 8);
        assert_eq!(left_map, [5, 0, 2, 4, 7]);
        assert_eq!(right_map, [4, 1, 6, 3]);
    }

    #[test]
    fn packed_keys_of_different_lengths_differ() {
        assert_ne!(pack_short("a"), pack_short("a\0"));
        assert_ne!(pack_long(b"a"), pack_long(b"a\0"));
        assert_eq!(pack_short("x".repeat(8).as_str()), None);
        assert!(pack_short("x".repeat(7).as_str()).is_some());
        assert_eq!(pack_long("x".repeat(16).as_bytes()), None);
        assert!(pack_long("x".repeat(15).as_bytes()).is_some());
        // The same values as the keys' bytes read little-endian, with the
        // length in the last byte.
        let mut bytes = [0u8; 8];
        bytes[..5].copy_from_slice(b"offer");
        bytes[7] = 5;
        assert_eq!(pack_short("offer"), Some(u64::from_le_bytes(bytes)));
    }
}
