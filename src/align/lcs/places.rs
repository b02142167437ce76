//! Where each key stands in a list, for the LCS table's match rows: a
//! small open-addressing table from key to a chain of places, rebuilt
//! per link in the worker's buffers. A row asks one lookup per token of
//! the other side, where sorting the list and binary-searching it for
//! every token was a third of the table's cost on a book-length pair.

/// The places of each key of one list, reused from list to list.
#[derive(Default)]
pub struct Places {
    /// Open addressing, a power of two long: (key, first place of its
    /// chain), [`NONE`] where no key is.
    slots: Vec<(u64, u32)>,
    /// Per place, the next place with the same key ([`NONE`] at a
    /// chain's end).
    next: Vec<u32>,
    /// `slots.len() - 1`.
    mask: usize,
}

/// No place: an empty slot, or the end of a chain.
const NONE: u32 = u32::MAX;

impl Places {
    /// Indexes `keys`: place `j` is `keys[j]`. Lists longer than
    /// `u32::MAX` are not expected (a table that large is never built).
    pub fn index(&mut self, keys: impl ExactSizeIterator<Item = u64>) {
        let len = keys.len();
        // At most half full, so a probe ends within a step or two.
        let size = (2 * len).next_power_of_two().max(8);
        self.slots.clear();
        self.slots.resize(size, (0, NONE));
        self.mask = size - 1;
        self.next.clear();
        self.next.resize(len, NONE);
        for (j, key) in keys.enumerate() {
            let slot = self.slot_of(key);
            let (held, first) = &mut self.slots[slot];
            *held = key;
            self.next[j] = *first;
            *first = j as u32;
        }
    }

    /// Calls `each` with every place of `key`, any order.
    pub fn each_place(&self, key: u64, mut each: impl FnMut(usize)) {
        let mut at = self.slots.get(self.slot_of(key)).map_or(NONE, |s| s.1);
        while at != NONE {
            each(at as usize);
            at = self.next.get(at as usize).copied().unwrap_or(NONE);
        }
    }

    /// The slot holding `key`, or the empty one where it would go. Keys
    /// are word hashes whose low bits a multiply leaves weak: the slot
    /// is picked by the high bits of a second multiply.
    fn slot_of(&self, key: u64) -> usize {
        let spread = key.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let mut slot = (spread >> 32) as usize & self.mask;
        while let Some(&(held, first)) = self.slots.get(slot) {
            if first == NONE || held == key {
                return slot;
            }
            slot = (slot + 1) & self.mask;
        }
        slot
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_of_every_key_is_found_and_no_other() {
        let mut seed = 11;
        let mut places = Places::default();
        for len in [0, 1, 2, 5, 63, 64, 65, 300] {
            for alphabet in [1, 3, 40, 1000] {
                let keys: Vec<u64> = (0..len)
                    .map(|_| crate::test_rng::next(&mut seed) % alphabet)
                    .collect();
                places.index(keys.iter().copied());
                for probe in 0..alphabet + 2 {
                    let mut found = Vec::new();
                    places.each_place(probe, |j| found.push(j));
                    found.sort_unstable();
                    let expected: Vec<usize> = (0..len).filter(|&j| keys[j] == probe).collect();
                    assert_eq!(found, expected, "len {len}, alphabet {alphabet}");
                }
            }
        }
    }
}
