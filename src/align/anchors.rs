//! Anchors for a word diff too large for the LCS table (two texts of
//! thousands of words changed throughout): the tokens that occur exactly
//! once in each list, as patience diff takes unique lines, with a
//! neighbour that is the same on both sides (a unique word alone in a
//! changed stretch is as likely a coincidence), kept where they come in
//! the same order on both sides (a longest increasing run). Between two
//! anchors lies a gap to diff on its own. Unlike a search cut off by a
//! clock, the same texts always split the same way, so the output never
//! depends on how busy the machine was.

use std::collections::HashMap;

use crate::hash::FastState;

/// How often a key occurs in each list, and where it last occurs.
#[derive(Clone, Copy, Default)]
struct Seen {
    old: u32,
    new: u32,
    new_at: usize,
}

/// The (old, new) places of the keys found exactly once in each list
/// and beside a token the same on both sides, the longest run of them in
/// the same order on both sides; in order.
pub fn unique_anchors(old: &[u64], new: &[u64]) -> Vec<(usize, usize)> {
    let mut seen: HashMap<u64, Seen, FastState> = HashMap::default();
    for &key in old {
        let entry = seen.entry(key).or_default();
        entry.old = entry.old.saturating_add(1);
    }
    for (at, &key) in new.iter().enumerate() {
        // Keys not in the old list cannot anchor: not counted.
        if let Some(entry) = seen.get_mut(&key) {
            entry.new = entry.new.saturating_add(1);
            entry.new_at = at;
        }
    }
    // Read in old order (never in the map's order), so the result is the
    // same on every run.
    let candidates: Vec<(usize, usize)> = old
        .iter()
        .enumerate()
        .filter_map(|(at, key)| {
            let entry = seen.get(key)?;
            let unique = entry.old == 1 && entry.new == 1;
            (unique && same_neighbour(old, new, at, entry.new_at)).then_some((at, entry.new_at))
        })
        .collect();
    longest_increasing(&candidates)
}

/// Whether the token before old place `i` and new place `j`, or the one
/// after, is the same on both sides.
fn same_neighbour(old: &[u64], new: &[u64], i: usize, j: usize) -> bool {
    let before = i > 0 && j > 0 && old.get(i - 1) == new.get(j - 1);
    let after = old.get(i + 1).is_some_and(|o| new.get(j + 1) == Some(o));
    before || after
}

/// The longest run of `pairs` (ascending by their first place) whose
/// second places ascend too, by patience sorting (of runs as long, the
/// one ending on the smallest second places).
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // `tails[k]`: the index of the pair ending the best run of length
    // k + 1 found so far (the one with the smallest second place).
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = Vec::with_capacity(pairs.len());
    for (index, &(_, new_at)) in pairs.iter().enumerate() {
        let length = tails.partition_point(|&t| pairs[t].1 < new_at);
        before.push(length.checked_sub(1).map(|k| tails[k]));
        if length == tails.len() {
            tails.push(index);
        } else {
            tails[length] = index;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(index) = at {
        run.push(pairs[index]);
        at = before[index];
    }
    run.reverse();
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_keys_in_the_same_order_and_context_anchor() {
        // "4 40 5" moved before "3 30 2": 3 and 30 keep no neighbour, 2
        // repeats on the left; the rest anchor, in order.
        let old = [0, 10, 1, 2, 2, 30, 3, 4, 40, 5, 6, 20, 7];
        let new = [0, 10, 1, 4, 40, 5, 3, 30, 2, 6, 20, 7];
        let anchors = [
            (0, 0),
            (1, 1),
            (2, 2),
            (7, 3),
            (8, 4),
            (9, 5),
            (10, 9),
            (11, 10),
            (12, 11),
        ];
        assert_eq!(unique_anchors(&old, &new), anchors);
        // "6 20 7" moved before "4 40 5": only one run can stay in order.
        let new = [0, 10, 1, 6, 20, 7, 4, 40, 5];
        assert_eq!(
            unique_anchors(&old, &new),
            [(0, 0), (1, 1), (2, 2), (10, 3), (11, 4), (12, 5)]
        );
        // A unique word with no like neighbour on either side is passed.
        assert!(unique_anchors(&[1, 50, 2], &[3, 50, 4]).is_empty());
    }

    #[test]
    fn nothing_in_common_gives_no_anchor() {
        assert!(unique_anchors(&[1, 2, 3], &[4, 5, 6]).is_empty());
        assert!(unique_anchors(&[], &[4, 5, 6]).is_empty());
        assert!(unique_anchors(&[1, 1], &[1, 1]).is_empty());
    }

    #[test]
    fn the_run_is_a_longest_increasing_one() {
        let mut seed = 5u64;
        for _ in 0..200 {
            let n = (crate::test_rng::next(&mut seed) % 12) as usize;
            // Distinct second places, in a random order.
            let mut seconds: Vec<usize> = (0..n).collect();
            for i in (1..n).rev() {
                let j = (crate::test_rng::next(&mut seed) % (i as u64 + 1)) as usize;
                seconds.swap(i, j);
            }
            let pairs: Vec<(usize, usize)> = seconds.iter().copied().enumerate().collect();
            let run = longest_increasing(&pairs);
            assert!(run.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
            assert!(run.iter().all(|p| pairs.contains(p)));
            // No longer run exists: checked against every subset.
            let best = (0u32..1 << n)
                .filter(|mask| {
                    let chosen: Vec<usize> = (0..n).filter(|i| mask & (1 << i) != 0).collect();
                    chosen.windows(2).all(|w| seconds[w[0]] < seconds[w[1]])
                })
                .map(u32::count_ones)
                .max()
                .unwrap_or(0);
            assert_eq!(run.len(), best as usize, "{seconds:?}");
        }
    }
}
