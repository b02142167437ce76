//! Which links are out of reading order. The links that keep their order
//! in both texts form a chain; the heaviest chain — most links, then most
//! text — is the spine of the pair, and a link is *moved* unless every
//! heaviest chain holds it. So the fewest links are flagged (one paragraph
//! moved far is one move, not many), a swap flags the shorter paragraph,
//! and an exact tie flags both, since neither is more "in place" than the
//! other; the result is the same whichever text is on the left.

use super::grouping::Link;
use super::lengths::Lengths;
use super::positions::sort_by_place;

/// One flag per link, in the links' order.
pub fn moved_flags(links: &[Link], lengths: &Lengths) -> Vec<bool> {
    let points: Vec<Point> = links
        .iter()
        .map(|link| Point {
            x: link.left.iter().copied().min().unwrap_or(0),
            y: link.right.iter().copied().min().unwrap_or(0),
            weight: LINK_WEIGHT
                + length(&lengths.left, &link.left)
                + length(&lengths.right, &link.right),
        })
        .collect();
    // Beside the freeing of the bags already: one thread here.
    let (ending, starting) = chain_weights(&points, false);
    let best = ending.iter().copied().max().unwrap_or(0);
    let on_best: Vec<bool> = (0..points.len())
        .map(|i| ending[i] + starting[i] - points[i].weight == best)
        .collect();
    // On a heaviest chain, link i covers weights (ending - weight, ending];
    // it is in every heaviest chain iff no other such link overlaps it.
    let mut spans: Vec<(u64, u64, usize)> = (0..points.len())
        .filter(|&i| on_best[i])
        .map(|i| (ending[i] - points[i].weight, ending[i], i))
        .collect();
    spans.sort_unstable();
    let mut essential = vec![false; points.len()];
    for (k, &(start, end, i)) in spans.iter().enumerate() {
        let overlaps_previous = k > 0 && spans[k - 1].1 > start;
        let overlaps_next = spans.get(k + 1).is_some_and(|next| next.0 < end);
        essential[i] = !overlaps_previous && !overlaps_next;
    }
    essential.into_iter().map(|e| !e).collect()
}

/// Which of the one-to-one `links` (left, right) lie on some longest
/// chain that keeps order in both texts (the positional prior's spine),
/// and that chain's length.
pub fn on_heaviest_chain(links: &[(usize, usize)]) -> (Vec<bool>, usize) {
    let points: Vec<Point> = links
        .iter()
        .map(|&(x, y)| Point { x, y, weight: 1 })
        .collect();
    let (ending, starting) = chain_weights(&points, points.len() >= SPLIT_FROM_LINKS);
    let best = ending.iter().copied().max().unwrap_or(0);
    let on = (0..points.len())
        .map(|i| ending[i] + starting[i] - 1 == best)
        .collect();
    (on, best as usize)
}

/// Outweighs any text length, so chains compare by link count first.
const LINK_WEIGHT: u64 = 1 << 40;

struct Point {
    x: usize,
    y: usize,
    weight: u64,
}

/// Characters of the units at `indices`, each counting at least one.
fn length(chars: &[u64], indices: &[usize]) -> u64 {
    indices.iter().map(|&i| chars[i].max(1)).sum()
}

/// Links from which work along the order-keeping chain (the two passes
/// of [`chain_weights`], the band's two sides) runs on two threads where
/// the other core is idle.
pub(super) const SPLIT_FROM_LINKS: usize = 4096;

/// For each point, the weights of the heaviest chains ending and starting
/// at it (itself included in both), the two passes side by side when
/// `split`.
fn chain_weights(points: &[Point], split: bool) -> (Vec<u64>, Vec<u64>) {
    // Coordinates are unit indices: the passes index by them directly.
    let x_end = points.iter().map(|p| p.x + 1).max().unwrap_or(0);
    let y_end = points.iter().map(|p| p.y + 1).max().unwrap_or(0);
    crate::parallel::join(
        split,
        || heaviest_chain_ending(points, y_end, |p| (p.x, p.y)),
        || heaviest_chain_ending(points, y_end, |p| (x_end - 1 - p.x, y_end - 1 - p.y)),
    )
}

/// For each point, the weight of the heaviest chain ending at it (itself
/// included), where a chain strictly increases in both coordinates of
/// `place` (each below `y_end` for the second). The points are taken in
/// `place` order, ties in index order, and a Fenwick tree of prefix
/// maxima over the second coordinate gives each its best predecessor:
/// O(n log n), with no comparison sort (the order is two counting
/// passes).
fn heaviest_chain_ending(
    points: &[Point],
    y_end: usize,
    place: impl Fn(&Point) -> (usize, usize),
) -> Vec<u64> {
    let mut order: Vec<usize> = (0..points.len()).collect();
    sort_by_place(&mut order, |&i| place(&points[i]));
    let mut tree = MaxFenwick::new(y_end);
    let mut best = vec![0; points.len()];
    for i in order {
        let y = place(&points[i]).1;
        best[i] = tree.prefix_max(y) + points[i].weight;
        tree.raise(y, best[i]);
    }
    best
}

/// Prefix maxima over positions `0..n`.
struct MaxFenwick {
    tree: Vec<u64>,
}

impl MaxFenwick {
    fn new(n: usize) -> Self {
        MaxFenwick {
            tree: vec![0; n + 1],
        }
    }

    /// Maximum over positions `0..end` (exclusive).
    fn prefix_max(&self, end: usize) -> u64 {
        let (mut i, mut best) = (end, 0);
        while i > 0 {
            best = best.max(self.tree[i]);
            i &= i - 1;
        }
        best
    }

    fn raise(&mut self, position: usize, value: u64) {
        let mut i = position + 1;
        while i < self.tree.len() {
            self.tree[i] = self.tree[i].max(value);
            i += i & i.wrapping_neg();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::units::Unit;
    use crate::article::Kind;

    fn moved(links: &[Link], left: &[Unit], right: &[Unit]) -> Vec<bool> {
        moved_flags(links, &Lengths::of(left, right))
    }

    fn units(n: usize) -> Vec<Unit> {
        (0..n)
            .map(|i| Unit {
                text: "x".repeat(10 + i),
                kind: Kind::Body,
                paragraph: i,
            })
            .collect()
    }

    fn link(l: usize, r: usize) -> Link {
        Link {
            left: vec![l],
            right: vec![r],
            score: 1.0,
        }
    }

    /// The weights of [`chain_weights`] are those of the quadratic
    /// dynamic programme over every earlier point: in `place` order (ties
    /// in index order), a point extends the heaviest chain of any taken
    /// before it that lies strictly lower in the second coordinate.
    #[test]
    fn chain_weights_are_those_of_the_plain_dynamic_programme() {
        fn plain(points: &[Point], place: impl Fn(&Point) -> (usize, usize)) -> Vec<u64> {
            let mut order: Vec<usize> = (0..points.len()).collect();
            order.sort_by_key(|&i| place(&points[i]));
            let mut best = vec![0; points.len()];
            for (k, &i) in order.iter().enumerate() {
                let before = order[..k]
                    .iter()
                    .filter(|&&j| place(&points[j]).1 < place(&points[i]).1)
                    .map(|&j| best[j])
                    .max()
                    .unwrap_or(0);
                best[i] = before + points[i].weight;
            }
            best
        }
        let mut seed = 3;
        let mut next = |bound: u64| ((crate::test_rng::next(&mut seed) >> 33) % bound) as usize;
        for round in 0..200 {
            let n = next(40);
            let spread = 1 + round % 12;
            let points: Vec<Point> = (0..n)
                .map(|_| Point {
                    x: next(spread as u64),
                    y: next(spread as u64),
                    weight: 1 + next(5) as u64,
                })
                .collect();
            let (ending, starting) = chain_weights(&points, round % 2 == 0);
            assert_eq!(ending, plain(&points, |p| (p.x, p.y)));
            let flipped = |p: &Point| (usize::MAX - p.x, usize::MAX - p.y);
            assert_eq!(starting, plain(&points, flipped));
        }
    }

    #[test]
    fn in_order_links_are_not_moved() {
        let links = [link(0, 0), link(1, 1), link(2, 2)];
        assert_eq!(moved(&links, &units(3), &units(3)), [false, false, false]);
    }

    #[test]
    fn a_paragraph_moved_to_the_end_is_flagged() {
        let links = [link(0, 0), link(1, 4), link(2, 1), link(3, 2), link(4, 3)];
        assert_eq!(
            moved(&links, &units(5), &units(5)),
            [false, true, false, false, false]
        );
    }

    #[test]
    fn one_long_paragraph_moved_past_two_short_ones_is_the_move() {
        let mut sizes = units(3);
        sizes[0].text = "x".repeat(1000);
        let links = [link(0, 2), link(1, 0), link(2, 1)];
        assert_eq!(moved(&links, &sizes, &sizes), [true, false, false]);
    }

    #[test]
    fn an_exact_swap_flags_both() {
        let same = vec![
            Unit {
                text: "same".into(),
                kind: Kind::Body,
                paragraph: 0
            };
            2
        ];
        let links = [link(0, 1), link(1, 0)];
        assert_eq!(moved(&links, &same, &same), [true, true]);
    }
}
