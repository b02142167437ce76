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
/// its place in the input. Sorted on its own, 32 bytes, and the items
/// gathered after: sorting the items with their keys moved twice the
/// bytes. Unit indices and list places fit in 32 bits, as everywhere in
/// the engine, so two of them share a field.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    first: u64,
    second: u64,
    /// Distance from the diagonal (high half), then half the place along
    /// it, the sum of the two units (low half). For one distance, the sum
    /// has one parity, so halving it keeps its order; and the two give the
    /// earlier side's unit, which then decides nothing.
    place: u64,
    /// Whether the left unit is the later one (bit 32): tells mirror
    /// images apart, as the left unit would. Then the place in the input
    /// (low half): equal keys keep their input order.
    tie: u64,
}

impl Key {
    fn new(first: f64, second: f64, (left, right): (usize, usize), index: usize) -> Self {
        let near = left.abs_diff(right) as u64;
        let half_along = ((left + right) / 2) as u64;
        Key {
            first: descending(first),
            second: descending(second),
            place: near << 32 | half_along,
            tie: u64::from(left > right) << 32 | index as u64,
        }
    }

    /// The item's place in the input.
    fn index(&self) -> usize {
        (self.tie & u64::from(u32::MAX)) as usize
    }
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
            let (first, second, position) = key(item);
            Key::new(first, second, position, index)
        })
        .collect();
    let split = keys.len() >= SPLIT_FROM_ITEMS;
    let keys = parallel::sorted_by(keys, split, Key::cmp);
    keys.iter().map(|k| items[k.index()]).collect()
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

    /// The order as first written, field by field: strengths, distance
    /// from the diagonal, place along it, the earlier unit, the left unit,
    /// the input place.
    fn reference_order(
        a: &(f64, (usize, usize), usize),
        b: &(f64, (usize, usize), usize),
    ) -> std::cmp::Ordering {
        let fields = |&(strength, (l, r), index): &(f64, (usize, usize), usize)| {
            (
                descending(strength),
                l.abs_diff(r),
                l + r,
                l.min(r),
                l,
                index,
            )
        };
        fields(a).cmp(&fields(b))
    }

    #[test]
    fn packed_keys_order_as_the_fields_do() {
        let mut seed = 5;
        let mut below = |n: u64| (crate::test_rng::next(&mut seed) >> 33) % n;
        let mut items = Vec::new();
        for index in 0..3000 {
            let (l, r) = (below(40) as usize, below(40) as usize);
            // Mirror images and far units too.
            let (l, r) = match below(4) {
                0 => (r, l),
                1 => (l + (1 << 31), r + (1 << 31)),
                2 => (l, u32::MAX as usize - r),
                _ => (l, r),
            };
            items.push(((below(3) as f64) / 2.0, (l, r), index));
        }
        for a in &items[..300] {
            for b in &items {
                let packed = |&(s, p, i): &(f64, (usize, usize), usize)| Key::new(s, 0.0, p, i);
                assert_eq!(
                    packed(a).cmp(&packed(b)),
                    reference_order(a, b),
                    "{a:?} {b:?}"
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
