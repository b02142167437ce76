//! Ranking pairs best first. Anchors, joining offers and gap pairs are
//! each tens of thousands of pairs on a long text; a comparison that
//! reads its keys through the pair records (scattered over tens of MB)
//! misses the cache at nearly every step. The keys are read once into a
//! compact list instead, and sorted there.

use std::cmp::Ordering;

use super::Pair;

/// What a pair is ranked by: two strengths, higher first, then its
/// position.
struct Key {
    first: f64,
    second: f64,
    position: (usize, usize, usize, usize),
    /// Place in the input: equal keys keep their input order.
    index: usize,
}

/// `items` best first: by the first strength `key` gives, then the
/// second (both descending), then by position (pairs near the diagonal,
/// then earlier ones; the same order whichever text is on the left), then
/// in input order. That is the order a stable sort by those keys gives;
/// it is reached by an unstable sort, since no two items tie on the input
/// order.
pub(super) fn best_first<T: Copy>(items: Vec<T>, key: impl Fn(&T) -> (f64, f64, &Pair)) -> Vec<T> {
    let mut keyed: Vec<(Key, T)> = items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let (first, second, pair) = key(&item);
            let key = Key {
                first,
                second,
                position: position(pair),
                index,
            };
            (key, item)
        })
        .collect();
    keyed.sort_unstable_by(|(a, _), (b, _)| compare(a, b));
    keyed.into_iter().map(|(_, item)| item).collect()
}

fn compare(a: &Key, b: &Key) -> Ordering {
    b.first
        .total_cmp(&a.first)
        .then_with(|| b.second.total_cmp(&a.second))
        .then_with(|| a.position.cmp(&b.position))
        .then_with(|| a.index.cmp(&b.index))
}

/// Distance from the diagonal, then place along it, then which side is
/// earlier: mirror images of a pair differ only in the last term.
fn position(p: &Pair) -> (usize, usize, usize, usize) {
    (
        p.left.abs_diff(p.right),
        p.left + p.right,
        p.left.min(p.right),
        p.left,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(left: usize, right: usize) -> Pair {
        Pair::half_shared(left, right)
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
        let ranked = best_first(items, |&(v, p)| (v, 0.0, p));
        let order: Vec<(usize, usize)> = ranked.iter().map(|(_, p)| (p.left, p.right)).collect();
        assert_eq!(order, [(2, 2), (5, 5), (1, 3), (1, 3), (3, 1), (0, 9)]);
    }
}
