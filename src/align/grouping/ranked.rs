//! Ranking pairs best first. Anchors, joining offers and gap pairs are
//! each tens of thousands of pairs on a long text; a comparison that
//! reads its keys through the pair records (scattered over tens of MB)
//! misses the cache at nearly every step. The keys are read once into a
//! compact list instead, and sorted there.

use crate::parallel;

/// Lists this long are sorted on both cores: below it, a second thread
/// costs more than half the sort.
const SPLIT_FROM_ITEMS: usize = 16 * 1024;

/// What a pair is ranked by, as integers compared in field order: two
/// strengths (turned so that higher ranks first), then its position, then
/// its place in the input. Sorted on its own, 40 bytes, and the items
/// gathered after: sorting the items with their keys moved twice the
/// bytes. Unit indices and list places fit in 32 bits, as everywhere in
/// the engine; the sum of two does not, so it has 64.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    first: u64,
    second: u64,
    /// Distance from the diagonal.
    near: u32,
    /// Place along it.
    along: u64,
    /// The earlier side's unit.
    earlier: u32,
    /// The left unit: tells mirror images apart.
    left: u32,
    /// Place in the input: equal keys keep their input order.
    index: u32,
}

/// A strength as an integer that sorts higher strengths first, in the
/// order `f64::total_cmp` gives them: the float's bits are turned once
/// here rather than at every comparison of the sort.
fn descending(strength: f64) -> u64 {
    let bits = strength.to_bits();
    // As total_cmp: negative floats' magnitude bits flipped, then the
    // sign bit flipped so the integers sort as the floats do.
    let ascending = (bits ^ (((bits as i64) >> 63) as u64 >> 1)) ^ (1 << 63);
    !ascending
}

/// `items` best first: by the first strength `key` gives, then the
/// second (both descending), then by position (pairs near the diagonal,
/// then earlier ones; the same order whichever text is on the left), then
/// in input order. That is the order a stable sort by those keys gives;
/// it is reached by an unstable sort, since no two items tie on the input
/// order.
pub(super) fn best_first<T: Copy + Send>(
    items: Vec<T>,
    key: impl Fn(&T) -> (f64, f64, (usize, usize)),
) -> Vec<T> {
    let keys: Vec<Key> = items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let (first, second, (left, right)) = key(item);
            Key {
                first: descending(first),
                second: descending(second),
                near: left.abs_diff(right) as u32,
                along: (left + right) as u64,
                earlier: left.min(right) as u32,
                left: left as u32,
                index: index as u32,
            }
        })
        .collect();
    let split = keys.len() >= SPLIT_FROM_ITEMS;
    let keys = parallel::sorted_by(keys, split, Key::cmp);
    keys.iter().map(|k| items[k.index as usize]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::candidates::Pair;

    fn pair(left: usize, right: usize) -> Pair {
        Pair::at(left, right)
    }

    #[test]
    fn descending_strengths_follow_total_cmp() {
        let values = [
            f64::NEG_INFINITY,
            -2.5,
            -0.0,
            0.0,
            1e-300,
            0.25,
            0.5,
            1.0,
            f64::INFINITY,
            f64::NAN,
        ];
        for a in values {
            for b in values {
                assert_eq!(
                    descending(a).cmp(&descending(b)),
                    b.total_cmp(&a),
                    "{a} vs {b}"
                );
            }
        }
    }

    #[test]
    fn orders_by_strength_then_position_then_input() {
        let pairs = [pair(5, 5), pair(1, 3), pair(3, 1), pair(2, 2), pair(0, 9)];
        let items: Vec<(f64, &Pair)> = vec![
            (0.5, &pairs[0]),
            (0.5, &pairs[1]),
            (0.5, &pairs[2]),
            (0.9, &pairs[3]),
            (0.5, &pairs[4]),
            (0.5, &pairs[1]),
        ];
        let ranked = best_first(items, |&(v, p)| (v, 0.0, (p.left(), p.right())));
        let order: Vec<(usize, usize)> =
            ranked.iter().map(|(_, p)| (p.left(), p.right())).collect();
        assert_eq!(order, [(2, 2), (5, 5), (1, 3), (1, 3), (3, 1), (0, 9)]);
    }
}
