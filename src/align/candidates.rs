//! Which unit pairs are worth scoring. Small pairs of texts score every
//! pair that shares a token; long ones (books, bills) use an inverted index
//! over rare tokens and keep each unit's best few partners, so the work
//! grows with the text, not with its square.

use super::band::Band;
use super::identical::partner_of;
use super::positions::sort_by_place;
use super::scoring::score_in_parallel;
use super::weights::{Bags, SideBags};
use crate::parallel::join;

/// Up to this many unit pairs (n × m) every sharing pair is scored exactly.
const EXHAUSTIVE_PAIRS: usize = 250_000;
/// Partners kept per unit (on each side) in the indexed path.
const PARTNERS_PER_UNIT: usize = 8;

/// A scored candidate pair: `shared` is the weight of the tokens both
/// units hold. The units' own weights, the other half of every overlap
/// figure, are their bags' (see [`Bags::dice`]): a long text has
/// hundreds of thousands of pairs, made, sorted and merged several
/// times, and two copied totals were a third of each one's bytes; the
/// units' positions are 4 bytes each for the same reason (24 bytes a
/// pair, not 32).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    left_unit: u32,
    right_unit: u32,
    pub shared: f64,
    /// Best overlap between one statement (sentence or quote) of each
    /// unit: a shared quote shows even when the rest of the units differ.
    pub local: f64,
}

impl Pair {
    /// The left unit's index.
    pub fn left(&self) -> usize {
        self.left_unit as usize
    }

    /// The right unit's index.
    pub fn right(&self) -> usize {
        self.right_unit as usize
    }

    /// (left, right), as candidate positions are kept.
    fn position(&self) -> Position {
        (self.left_unit, self.right_unit)
    }
}

impl Bags {
    /// A pair's weighted Dice overlap, in [0, 1].
    pub fn dice(&self, pair: &Pair) -> f64 {
        dice(pair.shared, self.left_total(pair), self.right_total(pair))
    }

    /// How much of the pair's left unit the right one covers.
    pub fn left_cover(&self, pair: &Pair) -> f64 {
        ratio(pair.shared, self.left_total(pair))
    }

    /// How much of the pair's right unit the left one covers.
    pub fn right_cover(&self, pair: &Pair) -> f64 {
        ratio(pair.shared, self.right_total(pair))
    }

    fn left_total(&self, pair: &Pair) -> f64 {
        self.left.total(pair.left())
    }

    fn right_total(&self, pair: &Pair) -> f64 {
        self.right.total(pair.right())
    }
}

#[cfg(test)]
impl Pair {
    /// A pair at these positions, for tests that only care about
    /// positions and order.
    pub fn at(left: usize, right: usize) -> Self {
        unscored(left as u32, right as u32)
    }
}

/// 2·shared / (a + b), 0 when both are empty.
pub fn dice(shared: f64, a: f64, b: f64) -> f64 {
    ratio(2.0 * shared, a + b)
}

fn ratio(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        (part / whole).min(1.0)
    } else {
        0.0
    }
}

/// Scored pairs sharing at least one token, sorted by (left, right), and
/// how many pairs were scored to find them.
pub fn scored_candidates(bags: &Bags) -> (Vec<Pair>, usize) {
    // Both sources give each position once, sorted: the exhaustive one by
    // its loops, the index by merging its two sorted directions straight
    // into pair records (a list of positions between them was megabytes
    // of fresh memory on a book-length pair).
    let mut pairs = if bags.left.len() * bags.right.len() <= EXHAUSTIVE_PAIRS {
        let positions = every_sharing_pair(bags);
        positions.into_iter().map(|(l, r)| unscored(l, r)).collect()
    } else {
        indexed_pairs(bags)
    };
    debug_assert!(pairs.is_sorted_by(|a, b| a.position() < b.position()));
    score_in_parallel(bags, &mut pairs);
    let scored = pairs.len();
    pairs.retain(|p| p.shared > 0.0);
    (pairs, scored)
}

/// Adds and scores every pair of the positional band not scored yet
/// (a verse's in-order neighbour can share only common words, which the
/// rare-token index never looks up); returns how many were scored.
pub fn add_band_pairs(bags: &Bags, pairs: &mut Vec<Pair>, band: &Band) -> usize {
    let (left_identical, right_identical) = &bags.identical;
    // A unit with an identical partner is linked to it whatever else is
    // near (the pair itself is a candidate already).
    let settled = |l: usize, r: usize| {
        partner_of(left_identical, l).is_some() || partner_of(right_identical, r).is_some()
    };
    let scorable = |&(l, r): &(usize, usize)| {
        bags.left.has_words(l) && bags.right.has_words(r) && !settled(l, r)
    };
    // The rows by left unit come sorted; only the rest needs a sort, on
    // its own thread (a long text's band is hundreds of thousands of
    // pairs).
    let split = bags.left.len() + bags.right.len() >= SPLIT_FROM_UNITS;
    // Kept as 8-byte positions: a long text's band is hundreds of
    // thousands of them, made fresh, merged and filtered.
    let position = |(l, r): (usize, usize)| -> Position { (l as u32, r as u32) };
    let (in_order, others) = join(
        split,
        || -> Vec<Position> {
            band.pairs_by_left()
                .filter(scorable)
                .map(position)
                .collect()
        },
        || {
            let mut others: Vec<Position> =
                band.other_pairs().filter(scorable).map(position).collect();
            sort_positions(&mut others);
            others
        },
    );
    let mut extra = merge_positions(&in_order, &others, |p| p);
    drop((in_order, others));
    // Both lists are sorted by position, so one walk along `pairs` drops
    // the known ones (a binary search each missed the cache every step).
    let mut known = pairs.iter().map(Pair::position).peekable();
    extra.retain(|position| {
        while known.next_if(|k| k < position).is_some() {}
        known.peek() != Some(position)
    });
    // Peak memory (issue 14): a band holds far more pairs than share a
    // word, so full pair records are made, scored and kept a slice at a
    // time, never for the whole band at once.
    let mut found: Vec<Pair> = Vec::with_capacity(extra.len());
    for slice in extra.chunks(BAND_SLICE) {
        let mut scored: Vec<Pair> = slice.iter().map(|&(l, r)| unscored(l, r)).collect();
        score_in_parallel(bags, &mut scored);
        found.extend(scored.into_iter().filter(|p| p.shared > 0.0));
    }
    merge_sorted(pairs, found);
    extra.len()
}

/// Merges `extra` into `pairs`, both sorted by position with no position
/// in both, from the back and in place: linear, and without the scratch
/// copy of every pair a sort would need.
fn merge_sorted(pairs: &mut Vec<Pair>, extra: Vec<Pair>) {
    let key = Pair::position;
    let mut kept = pairs.len();
    let mut write = kept + extra.len();
    pairs.resize(write, unscored(0, 0));
    let mut extra = extra.into_iter().rev().peekable();
    while let Some(next) = extra.peek() {
        write -= 1;
        if kept > 0 && key(&pairs[kept - 1]) > key(next) {
            kept -= 1;
            pairs[write] = pairs[kept];
        } else if let Some(next) = extra.next() {
            pairs[write] = next;
        }
    }
}

/// Band pairs scored per slice: large enough to keep both threads busy.
const BAND_SLICE: usize = 1 << 16;

fn unscored(left: u32, right: u32) -> Pair {
    Pair {
        left_unit: left,
        right_unit: right,
        shared: 0.0,
        local: 0.0,
    }
}

/// A candidate pair's (left, right) position before it is scored.
type Position = (u32, u32);

/// Sorts positions by left, then right, in linear time.
fn sort_positions(positions: &mut [Position]) {
    sort_by_place(positions, |&(l, r)| (l as usize, r as usize));
}

fn every_sharing_pair(bags: &Bags) -> Vec<Position> {
    let mut pairs = Vec::new();
    for l in (0..bags.left.len()).filter(|&l| bags.left.has_words(l)) {
        for r in 0..bags.right.len() {
            if bags.right.has_words(r) {
                pairs.push((l as u32, r as u32));
            }
        }
    }
    pairs
}

/// Units (both sides) from which the two directions of the partner
/// search run on two threads: about [`crate::parallel::SPLIT_FROM_BYTES`]
/// of news paragraphs.
const SPLIT_FROM_UNITS: usize = 512;

/// Tokens in more units than this are too common to find partners by.
fn rare_cap(units: usize) -> u32 {
    ((units as f64).sqrt() * 2.0).clamp(10.0, 100.0) as u32
}

/// Each unit's best partners by shared rare-token weight, looked up in
/// both directions so the result does not depend on which side is left;
/// sorted, without repeats, as unscored pairs. The left units' partners
/// come out in order; only the mirrored half needs a sort, on its own
/// thread, and the two are merged.
fn indexed_pairs(bags: &Bags) -> Vec<Pair> {
    let cap = rare_cap(bags.units);
    let rare = |id: u32| bags.df[id as usize] <= cap;
    let split = bags.left.len() + bags.right.len() >= SPLIT_FROM_UNITS;
    let (left_identical, right_identical) = &bags.identical;
    let (pairs, mirrored) = join(
        split,
        || best_partners(&bags.left, &bags.right, left_identical, bags, &rare),
        || {
            let found = best_partners(&bags.right, &bags.left, right_identical, bags, &rare);
            let mut mirrored: Vec<Position> = found.into_iter().map(|(r, l)| (l, r)).collect();
            sort_positions(&mut mirrored);
            mirrored
        },
    );
    merge_positions(&pairs, &mirrored, |(l, r)| unscored(l, r))
}

/// The positions of two sorted lists, sorted, each once, each made into
/// an item by `make`.
fn merge_positions<T: Ord + Copy, U>(a: &[T], b: &[T], make: impl Fn(T) -> U) -> Vec<U> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut last = None;
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        let next = x.min(y);
        i += usize::from(x == next);
        j += usize::from(y == next);
        if last != Some(next) {
            last = Some(next);
            out.push(make(next));
        }
    }
    for &rest in a
        .get(i..)
        .unwrap_or_default()
        .iter()
        .chain(b.get(j..).unwrap_or_default())
    {
        if last != Some(rest) {
            last = Some(rest);
            out.push(make(rest));
        }
    }
    out
}

/// For every unit of `from`, its top partners in `to`, as (from, to),
/// sorted. A unit with an `identical` partner (see [`super::identical`])
/// has that one alone: nothing can overlap it better.
fn best_partners(
    from: &SideBags,
    to: &SideBags,
    identical: &[u32],
    bags: &Bags,
    rare: &impl Fn(u32) -> bool,
) -> Vec<Position> {
    let postings = Postings::of(to, bags.weight.len(), rare);
    let mut scratch = vec![0.0f64; to.len()];
    // The units touched for the current unit, each once, in a buffer with
    // room for all: recorded without a branch (a unit's first touch is
    // the one that finds its sum still zero), since which touch is a
    // first is as good as random.
    let mut touched = vec![0u32; to.len()];
    let mut pairs = Vec::new();
    for index in 0..from.len() {
        if let Some(partner) = partner_of(identical, index) {
            pairs.push((index as u32, partner));
            continue;
        }
        let mut touches = 0;
        for &id in from.ids(index) {
            let others = postings.of_id(id);
            if others.is_empty() {
                continue;
            }
            let weight = bags.weight[id as usize];
            for &other in others {
                let Some(sum) = scratch.get_mut(other as usize) else {
                    continue;
                };
                if let Some(slot) = touched.get_mut(touches) {
                    *slot = other;
                }
                touches += usize::from(*sum == 0.0);
                *sum += weight;
            }
        }
        let mut top = TopPartners::default();
        for &other in &touched[..touches.min(touched.len())] {
            let sum = std::mem::take(&mut scratch[other as usize]);
            top.offer(sum, other);
        }
        pairs.extend(top.units().map(|o| (index as u32, o)));
    }
    pairs
}

/// The [`PARTNERS_PER_UNIT`] best of the partners offered, by score and
/// then lower index: a strict total order, so the set is unique whatever
/// order they come in. Most offers lose to the current last place in one
/// comparison, where selecting from the whole list touched each partner
/// several times.
struct TopPartners {
    /// Best first; places not yet taken hold [`Self::EMPTY`], which every
    /// real offer beats, so no count of taken places is kept or checked.
    best: [(f64, u32); PARTNERS_PER_UNIT],
}

impl Default for TopPartners {
    fn default() -> Self {
        TopPartners {
            best: [Self::EMPTY; PARTNERS_PER_UNIT],
        }
    }
}

impl TopPartners {
    /// An untaken place: below every sum of positive weights.
    const EMPTY: (f64, u32) = (f64::NEG_INFINITY, u32::MAX);

    fn offer(&mut self, score: f64, unit: u32) {
        // Higher score, then lower index. Plain comparisons order these
        // sums as `total_cmp` does: the two differ only on NaN and the
        // sign of zero, and a sum of positive weights is neither. Sums of
        // one word's weight tie often, so many offers reach this test
        // (`total_cmp` there was 3% of a book pair's instructions).
        let beats = |a: (f64, u32), b: (f64, u32)| a.0 > b.0 || (a.0 == b.0 && a.1 < b.1);
        let last = PARTNERS_PER_UNIT - 1;
        // Most offers lose to the last place by score alone.
        if score < self.best[last].0 {
            return;
        }
        let offered = (score, unit);
        if !beats(offered, self.best[last]) {
            return;
        }
        let mut at = last;
        while at > 0 && beats(offered, self.best[at - 1]) {
            self.best[at] = self.best[at - 1];
            at -= 1;
        }
        self.best[at] = offered;
    }

    /// The units taken, in index order.
    fn units(&self) -> impl Iterator<Item = u32> {
        let mut units = [0u32; PARTNERS_PER_UNIT];
        let mut taken = 0;
        for &(score, unit) in &self.best {
            if score > f64::NEG_INFINITY {
                units[taken] = unit;
                taken += 1;
            }
        }
        units[..taken].sort_unstable();
        units.into_iter().take(taken)
    }
}

/// For every rare token id, the units of one side holding it, ascending:
/// one flat array with offsets rather than a vector per id.
struct Postings {
    starts: Vec<usize>,
    units: Vec<u32>,
}

impl Postings {
    fn of(bags: &SideBags, ids: usize, rare: &impl Fn(u32) -> bool) -> Self {
        let mut starts = vec![0usize; ids + 1];
        for unit in 0..bags.len() {
            for &id in bags.ids(unit).iter().filter(|&&id| rare(id)) {
                starts[id as usize + 1] += 1;
            }
        }
        for id in 0..ids {
            starts[id + 1] += starts[id];
        }
        let mut fill = starts.clone();
        let mut units = vec![0u32; starts[ids]];
        for index in 0..bags.len() {
            for &id in bags.ids(index).iter().filter(|&&id| rare(id)) {
                units[fill[id as usize]] = index as u32;
                fill[id as usize] += 1;
            }
        }
        Postings { starts, units }
    }

    /// The units holding `id`, ascending.
    fn of_id(&self, id: u32) -> &[u32] {
        let id = id as usize;
        match (self.starts.get(id), self.starts.get(id + 1)) {
            (Some(&start), Some(&end)) => self.units.get(start..end).unwrap_or(&[]),
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_partners_are_the_best_by_score_then_index() {
        // Ties on score, fewer offers than places, and every arrival order.
        let mut seed = 7u64;
        for n in [0, 3, 8, 9, 40, 200] {
            let offers: Vec<(f64, u32)> = (0..n)
                .map(|unit| {
                    let seed = crate::test_rng::next(&mut seed);
                    (f64::from((seed >> 60) as u32) + 0.5, unit)
                })
                .collect();
            let mut top = TopPartners::default();
            for &(score, unit) in offers.iter().rev() {
                top.offer(score, unit);
            }
            let mut expected = offers.clone();
            expected.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            let mut expected: Vec<u32> = expected
                .iter()
                .take(PARTNERS_PER_UNIT)
                .map(|o| o.1)
                .collect();
            expected.sort_unstable();
            assert_eq!(top.units().collect::<Vec<_>>(), expected, "{n} offers");
        }
    }

    #[test]
    fn merged_positions_are_sorted_and_once() {
        let a = [(0, 1), (0, 2), (3, 3), (5, 0)];
        let b = [(0, 2), (1, 1), (3, 3), (6, 6), (7, 0)];
        let mut expected: Vec<Position> = a.iter().chain(&b).copied().collect();
        expected.sort_unstable();
        expected.dedup();
        let same = |p: Position| p;
        assert_eq!(merge_positions(&a, &b, same), expected);
        assert_eq!(merge_positions(&b, &a, same), expected);
        assert_eq!(merge_positions(&[], &b, same), b);
        assert_eq!(merge_positions(&a, &[], same), a);
    }

    fn at(positions: &[(usize, usize)]) -> Vec<Pair> {
        positions
            .iter()
            .map(|&(l, r)| unscored(l as u32, r as u32))
            .collect()
    }

    /// Pairs already held, and band pairs to merge in.
    type Case<'a> = (&'a [(usize, usize)], &'a [(usize, usize)]);

    #[test]
    fn merging_keeps_position_order_like_a_sort() {
        let cases: [Case; 5] = [
            (&[(0, 1), (2, 2), (5, 0)], &[(0, 0), (1, 4), (2, 3), (9, 9)]),
            (&[], &[(1, 1), (2, 2)]),
            (&[(1, 1), (2, 2)], &[]),
            (&[(3, 3), (4, 4)], &[(0, 0), (1, 1)]),
            (&[(0, 0), (1, 1)], &[(3, 3), (4, 4)]),
        ];
        for (kept, extra) in cases {
            let mut pairs = at(kept);
            merge_sorted(&mut pairs, at(extra));
            let mut expected = at(kept);
            expected.extend(at(extra));
            expected.sort_by_key(|p| (p.left(), p.right()));
            assert_eq!(pairs, expected);
        }
    }
}
