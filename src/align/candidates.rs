//! Which unit pairs are worth scoring. Small pairs of texts score every
//! pair that shares a token; long ones (books, bills) use an inverted index
//! over rare tokens and keep each unit's best few partners, so the work
//! grows with the text, not with its square.

use std::collections::HashSet;

use super::band::Band;
use super::hash::FastState;
use super::weights::Bags;

/// Up to this many unit pairs (n × m) every sharing pair is scored exactly.
const EXHAUSTIVE_PAIRS: usize = 250_000;
/// Partners kept per unit (on each side) in the indexed path.
const PARTNERS_PER_UNIT: usize = 8;

/// A scored candidate pair: `shared` is the weight of the tokens both
/// units hold; `left_total`/`right_total` are the bags' weights.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub left: usize,
    pub right: usize,
    pub shared: f64,
    pub left_total: f64,
    pub right_total: f64,
    /// Best overlap between one statement (sentence or quote) of each
    /// unit: a shared quote shows even when the rest of the units differ.
    pub local: f64,
}

impl Pair {
    /// Weighted Dice overlap in [0, 1].
    pub fn dice(&self) -> f64 {
        dice(self.shared, self.left_total, self.right_total)
    }

    /// How much of the left unit the right one covers.
    pub fn left_cover(&self) -> f64 {
        ratio(self.shared, self.left_total)
    }

    /// How much of the right unit the left one covers.
    pub fn right_cover(&self) -> f64 {
        ratio(self.shared, self.right_total)
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
    let mut pairs = if bags.left.len() * bags.right.len() <= EXHAUSTIVE_PAIRS {
        every_sharing_pair(bags)
    } else {
        indexed_pairs(bags)
    };
    pairs.sort_by_key(|p| (p.left, p.right));
    pairs.dedup_by_key(|p| (p.left, p.right));
    score_in_parallel(bags, &mut pairs);
    let scored = pairs.len();
    pairs.retain(|p| p.shared > 0.0);
    (pairs, scored)
}

/// Adds and scores every pair of the positional band not scored yet
/// (a verse's in-order neighbour can share only common words, which the
/// rare-token index never looks up); returns how many were scored.
pub fn add_band_pairs(bags: &Bags, pairs: &mut Vec<Pair>, band: &Band) -> usize {
    let known: HashSet<(usize, usize), FastState> =
        pairs.iter().map(|p| (p.left, p.right)).collect();
    let mut extra: Vec<(usize, usize)> = band
        .pairs()
        .filter(|&(l, r)| !bags.left[l].ids.is_empty() && !bags.right[r].ids.is_empty())
        .filter(|pair| !known.contains(pair))
        .collect();
    drop(known);
    extra.sort_unstable();
    extra.dedup();
    // Peak memory (issue 14): a band holds far more pairs than share a
    // word, so full pair records are made, scored and kept a slice at a
    // time, never for the whole band at once.
    for slice in extra.chunks(BAND_SLICE) {
        let mut scored: Vec<Pair> = slice.iter().map(|&(l, r)| unscored(l, r)).collect();
        score_in_parallel(bags, &mut scored);
        pairs.extend(scored.into_iter().filter(|p| p.shared > 0.0));
    }
    // Every (left, right) is unique, so an unstable sort gives the same
    // order as a stable one, without a scratch copy of all pairs.
    pairs.sort_unstable_by_key(|p| (p.left, p.right));
    extra.len()
}

/// Band pairs scored per slice: large enough to keep both threads busy.
const BAND_SLICE: usize = 1 << 16;

fn score_in_parallel(bags: &Bags, pairs: &mut [Pair]) {
    let middle = pairs.len() / 2;
    let (first, second) = pairs.split_at_mut(middle);
    std::thread::scope(|scope| {
        scope.spawn(|| score_all(bags, second));
        score_all(bags, first);
    });
}

fn score_all(bags: &Bags, pairs: &mut [Pair]) {
    for p in pairs {
        p.shared = bags.shared(&bags.left[p.left].ids, &bags.right[p.right].ids);
        p.left_total = bags.left[p.left].total;
        p.right_total = bags.right[p.right].total;
        if p.dice() >= LOCAL_MIN_DICE {
            p.local = best_statement_dice(bags, p.left, p.right);
        }
    }
}

/// Pairs overlapping less than this are not searched for shared statements.
const LOCAL_MIN_DICE: f64 = 0.08;

fn best_statement_dice(bags: &Bags, left: usize, right: usize) -> f64 {
    let mut best: f64 = 0.0;
    for (s, s_total) in &bags.left[left].statements {
        for (t, t_total) in &bags.right[right].statements {
            best = best.max(dice(bags.shared(s, t), *s_total, *t_total));
        }
    }
    best
}

fn unscored(left: usize, right: usize) -> Pair {
    Pair {
        left,
        right,
        shared: 0.0,
        left_total: 0.0,
        right_total: 0.0,
        local: 0.0,
    }
}

fn every_sharing_pair(bags: &Bags) -> Vec<Pair> {
    let mut pairs = Vec::new();
    for (l, lb) in bags.left.iter().enumerate() {
        if lb.ids.is_empty() {
            continue;
        }
        for (r, rb) in bags.right.iter().enumerate() {
            if !rb.ids.is_empty() {
                pairs.push(unscored(l, r));
            }
        }
    }
    pairs
}

/// Tokens in more units than this are too common to find partners by.
fn rare_cap(units: usize) -> u32 {
    ((units as f64).sqrt() * 2.0).clamp(10.0, 100.0) as u32
}

/// Each unit's best partners by shared rare-token weight, looked up in
/// both directions so the result does not depend on which side is left.
fn indexed_pairs(bags: &Bags) -> Vec<Pair> {
    let cap = rare_cap(bags.units);
    let rare = |id: u32| bags.df[id as usize] <= cap;
    let (mut pairs, mirrored) = std::thread::scope(|scope| {
        let mirrored = scope.spawn(|| best_partners(&bags.right, &bags.left, bags, &rare));
        let pairs = best_partners(&bags.left, &bags.right, bags, &rare);
        (
            pairs,
            mirrored
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        )
    });
    pairs.extend(mirrored.into_iter().map(|p| unscored(p.right, p.left)));
    pairs
}

/// For every unit of `from`, its top partners in `to` (as `left = from`).
fn best_partners(
    from: &[super::weights::Bag],
    to: &[super::weights::Bag],
    bags: &Bags,
    rare: &impl Fn(u32) -> bool,
) -> Vec<Pair> {
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); bags.weight.len()];
    for (index, bag) in to.iter().enumerate() {
        for &id in bag.ids.iter().filter(|&&id| rare(id)) {
            postings[id as usize].push(index as u32);
        }
    }
    let mut scratch = vec![0.0f64; to.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut pairs = Vec::new();
    for (index, bag) in from.iter().enumerate() {
        for &id in bag.ids.iter().filter(|&&id| rare(id)) {
            for &other in &postings[id as usize] {
                if scratch[other as usize] == 0.0 {
                    touched.push(other);
                }
                scratch[other as usize] += bags.weight[id as usize];
            }
        }
        // A strict total order (score, then index) makes the top set unique.
        let by_score = |a: &u32, b: &u32| {
            scratch[*b as usize]
                .total_cmp(&scratch[*a as usize])
                .then(a.cmp(b))
        };
        if touched.len() > PARTNERS_PER_UNIT {
            touched.select_nth_unstable_by(PARTNERS_PER_UNIT, by_score);
        }
        pairs.extend(
            touched
                .iter()
                .take(PARTNERS_PER_UNIT)
                .map(|&o| unscored(index, o as usize)),
        );
        for &other in &touched {
            scratch[other as usize] = 0.0;
        }
        touched.clear();
    }
    pairs
}
