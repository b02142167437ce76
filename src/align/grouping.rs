//! Scored pairs → many-to-many links. Outlets merge two paragraphs into
//! one and split one into two, so a link joins 1..n left units with 1..m
//! right units:
//!
//! 1. identical page furniture is paired in order (it is never scored);
//! 2. anchors: the strongest one-to-one pairs, best first — similar as a
//!    whole, or sharing a statement (a quote rendered alike);
//! 3. merges and splits: a free unit largely contained in a linked one
//!    joins that link when it raises the link's overlap, or when the two
//!    share a statement;
//! 4. gaps: between links that keep their order in both texts, weaker
//!    pairs that fit that order (a lead paraphrased at twice the length);
//! 5. twins: copies of a repeated unit (which score alike, so anchoring
//!    may have crossed them) exchange partners where that puts them
//!    beside their neighbours' partners.
//!
//! In texts that keep their order (the positional band is on), a unit
//! joins a link on a shared statement only across free or out-of-order
//! units: a merge is of neighbours, and joining across an in-order link
//! would cross it.
//!
//! Every ordering breaks ties by position in a way that does not depend on
//! which text is left, so swapping the inputs mirrors the result.

use std::borrow::Cow;
use std::collections::{BTreeMap, VecDeque};

use super::band::Band;
use super::candidates::{Pair, dice};
use super::lengths::Lengths;
use super::units::Unit;
use super::weights::Bags;
use crate::article::Kind;
use crate::parallel;

mod ranked;
mod rehome;
mod rows;
mod runs;
mod twins;

use rows::Rows;

/// A pair this similar is linked outright.
const ANCHOR_DICE: f64 = 0.30;
/// Two units sharing a statement this closely (best sentence or quote
/// overlap) tell the same thing, even when the rest differs…
const STATEMENT_LOCAL: f64 = 0.50;
/// …provided the units overlap at least this much as a whole.
const STATEMENT_DICE: f64 = 0.15;
/// A free unit joins a link when at least this share of it is covered…
const JOIN_COVER: f64 = 0.40;
/// …and it overlaps its partner at least this much.
const JOIN_DICE: f64 = 0.12;
/// Inside a gap between in-order links, units link with this overlap…
const GAP_DICE: f64 = 0.22;
/// …when the shorter is this much covered by the longer.
const GAP_COVER: f64 = 0.40;
/// Joining must raise a link's score by more than rounding noise.
const EPSILON: f64 = 1e-9;
/// In texts that keep their order, a unit joins a link on a shared
/// statement across at most this many units between (each free or linked
/// out of order).
const MAX_MERGE_GAP: usize = 8;
/// A free unit joins a link only this close (in units, on its own side)
/// to a unit of that link, unless the two share a statement: a join of
/// scattered units is a coincidence of vocabulary, not a merge.
const JOIN_REACH: usize = 2;
/// In-band anchors rank before out-of-band ones of up to this much more
/// strength: a formulaic verse keeps its neighbour-partner rather than a
/// twin far away, but a paragraph moved whole still beats a loose
/// paraphrase that happens to sit in the band.
const IN_BAND_BONUS: f64 = 0.3;
/// Candidate pairs from which a scan of them runs on two threads: a
/// tenth of a millisecond's work, the price of starting one.
const SPLIT_FROM_PAIRS: usize = 16 * 1024;
/// Outside the positional band, a pair links only on strong evidence:
/// this overlap as a whole…
const OUT_OF_BAND_DICE: f64 = 0.40;
/// …or a statement shared this closely.
const OUT_OF_BAND_LOCAL: f64 = 0.60;
/// Units linked together and how well (weighted Dice of their union).
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
    pub score: f64,
}

/// A link under construction, with the union of its token ids: borrowed
/// from the bags while a side is one unit (most links never grow, and
/// copying every anchor's ids cost more than all the joining), owned once
/// it has grown.
struct Draft<'a> {
    left: Vec<usize>,
    right: Vec<usize>,
    left_ids: Cow<'a, [u32]>,
    right_ids: Cow<'a, [u32]>,
    score: f64,
}

/// A candidate anchor: a pair's position, overlap and rank. Positions
/// are 32 bits, as in pair records: a long text has tens of thousands of
/// anchors, each list of them megabytes.
#[derive(Clone, Copy)]
struct Anchor {
    left: u32,
    right: u32,
    dice: f64,
    rank: f64,
}

impl Anchor {
    fn left(&self) -> usize {
        self.left as usize
    }

    fn right(&self) -> usize {
        self.right as usize
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

struct Grouper<'a> {
    bags: &'a Bags,
    left: &'a [Unit],
    right: &'a [Unit],
    drafts: Vec<Draft<'a>>,
    left_owner: Vec<Option<usize>>,
    right_owner: Vec<Option<usize>>,
    band: Option<&'a Band>,
    /// Drafts before this index have had their local band scored.
    windowed: usize,
    /// Where each left unit's pairs start, for finding one pair.
    rows: Rows,
}

/// The one-to-one anchors alone, as (left, right): the first pass that
/// tells whether the texts keep their order.
pub fn first_pass(
    bags: &Bags,
    pairs: &[Pair],
    left: &[Unit],
    right: &[Unit],
) -> Vec<(usize, usize)> {
    let mut grouper = Grouper::new(bags, left, right, None);
    grouper.pair_identical_unscored();
    // Only the pairs are wanted: anchors are taken as `anchor` takes
    // them, without a draft (two allocations) for each.
    let mut links: Vec<(usize, usize)> = grouper
        .drafts
        .iter()
        .map(|d| (d.left[0], d.right[0]))
        .collect();
    for a in grouper.ranked_anchors(pairs) {
        let (left, right) = (a.left(), a.right());
        if grouper.left_owner[left].is_none() && grouper.right_owner[right].is_none() {
            grouper.left_owner[left] = Some(links.len());
            grouper.right_owner[right] = Some(links.len());
            links.push((left, right));
        }
    }
    links
}

/// Links the units of two texts; unlinked units are left out of the
/// result. With a positional `band`, in-band pairs rank first and
/// out-of-band ones need strong evidence.
///
/// Links out of the band open a local band of their own, whose pairs are
/// scored here and added to `pairs`; returns the links and how many pairs
/// that scored.
pub fn group(
    bags: &Bags,
    pairs: &mut Vec<Pair>,
    (left, right): (&[Unit], &[Unit]),
    lengths: &Lengths,
    band: Option<&Band>,
) -> (Vec<Link>, usize) {
    let mut grouper = Grouper::new(bags, left, right, band);
    grouper.rows = Rows::of(pairs, left.len());
    grouper.pair_identical_unscored();
    grouper.anchor(pairs);
    let mut scored = 0;
    if band.is_some() {
        scored += grouper.grow_runs(pairs);
    }
    grouper.join_until_stable(pairs);
    grouper.fill_gaps(pairs, lengths);
    if band.is_some() {
        scored += grouper.grow_runs(pairs);
    }
    grouper.rehome_contained(pairs);
    grouper.join_until_stable(pairs);
    grouper.absorb_sandwiched();
    let mut links = grouper.into_links();
    twins::uncross_twins(&mut links, left, right);
    (links, scored)
}

impl<'a> Grouper<'a> {
    fn new(bags: &'a Bags, left: &'a [Unit], right: &'a [Unit], band: Option<&'a Band>) -> Self {
        Grouper {
            bags,
            left,
            right,
            drafts: Vec::new(),
            left_owner: vec![None; left.len()],
            right_owner: vec![None; right.len()],
            band,
            windowed: 0,
            rows: Rows::of(&[], left.len()),
        }
    }

    fn in_band(&self, pair: &Pair) -> bool {
        self.band
            .is_none_or(|b| b.contains(pair.left(), pair.right()))
    }

    fn pair_identical_unscored(&mut self) {
        let (left, right) = (self.left, self.right);
        let mut waiting: BTreeMap<&str, VecDeque<usize>> = BTreeMap::new();
        for (r, unit) in right.iter().enumerate() {
            if !self.bags.right.has_words(r) {
                waiting.entry(unit.text.as_str()).or_default().push_back(r);
            }
        }
        for (l, unit) in left.iter().enumerate() {
            if self.bags.left.has_words(l) {
                continue;
            }
            if let Some(r) = waiting
                .get_mut(unit.text.as_str())
                .and_then(VecDeque::pop_front)
            {
                self.open(l, r, 1.0);
            }
        }
    }

    /// Links the strongest one-to-one pairs, best first, while both
    /// units are free.
    fn anchor(&mut self, pairs: &[Pair]) {
        for a in self.ranked_anchors(pairs) {
            let (left, right) = (a.left(), a.right());
            if self.left_owner[left].is_none() && self.right_owner[right].is_none() {
                self.open(left, right, a.dice);
            }
        }
    }

    /// The pairs strong enough to anchor, best first. What the greedy
    /// walk needs is copied out of each pair record: the walk then reads
    /// one compact list in rank order instead of pair records scattered
    /// over tens of MB.
    fn ranked_anchors(&self, pairs: &[Pair]) -> Vec<Anchor> {
        let strong = parallel::filter_map_halves(pairs, pairs.len() >= SPLIT_FROM_PAIRS, |p| {
            if !is_anchor(self.bags, p) || !self.headings_match(p) {
                return None;
            }
            let in_band = self.in_band(p);
            (in_band || is_strong(self.bags, p)).then(|| Anchor {
                left: p.left() as u32,
                right: p.right() as u32,
                dice: self.bags.dice(p),
                rank: strength(self.bags, p) + if in_band { IN_BAND_BONUS } else { 0.0 },
            })
        });
        ranked::best_first(strong, |a| (a.rank, 0.0, (a.left(), a.right())))
    }

    /// Repeats joining until no free unit finds a link to join.
    fn join_until_stable(&mut self, pairs: &[Pair]) {
        // Which pairs may join does not change between rounds, and joining
        // only takes units: a pair with both sides linked never offers a
        // join again, so it is dropped (on a long text, most of them).
        let mut joinable =
            parallel::filter_map_halves(pairs, pairs.len() >= SPLIT_FROM_PAIRS, |p| {
                (self.bags.dice(p) >= JOIN_DICE && self.headings_match(p)).then_some(p)
            });
        loop {
            joinable.retain(|p| {
                self.left_owner[p.left()].is_none() || self.right_owner[p.right()].is_none()
            });
            if !self.join_round(&joinable) {
                break;
            }
        }
    }

    fn join_round(&mut self, joinable: &[&Pair]) -> bool {
        let mut offers: Vec<(f64, &Pair, Side)> = Vec::new();
        for &pair in joinable {
            let shares_statement = pair.local >= STATEMENT_LOCAL && self.in_band(pair);
            match (self.left_owner[pair.left()], self.right_owner[pair.right()]) {
                (None, Some(index))
                    if (shares_statement && self.merges_across(index, pair.left(), Side::Left))
                        || (self.bags.left_cover(pair) >= JOIN_COVER
                            && near(&self.drafts[index].left, pair.left())) =>
                {
                    offers.push((self.bags.left_cover(pair), pair, Side::Left));
                }
                (Some(index), None)
                    if (shares_statement
                        && self.merges_across(index, pair.right(), Side::Right))
                        || (self.bags.right_cover(pair) >= JOIN_COVER
                            && near(&self.drafts[index].right, pair.right())) =>
                {
                    offers.push((self.bags.right_cover(pair), pair, Side::Right));
                }
                _ => {}
            }
        }
        let offers = ranked::best_first(offers, |&(cover, pair, _)| {
            (cover, self.bags.dice(pair), (pair.left(), pair.right()))
        });
        let mut joined = false;
        for (_, pair, side) in offers {
            joined |= self.try_join(pair, side);
        }
        joined
    }

    /// Whether free `unit` (on `side`) may join draft `index` on a shared
    /// statement. In reordered texts it may from anywhere (a quote one
    /// outlet moved into another paragraph). In texts that keep their
    /// order a merge is of neighbours: the units between it and the
    /// draft must be free or linked out of order (dropped or moved away
    /// in the revision); joining across an in-order link (a deleted
    /// verse retelling one further on) would only cross it.
    fn merges_across(&self, index: usize, unit: usize, side: Side) -> bool {
        if self.band.is_none() {
            return true;
        }
        let (members, owners) = match side {
            Side::Left => (&self.drafts[index].left, &self.left_owner),
            Side::Right => (&self.drafts[index].right, &self.right_owner),
        };
        let Some(nearest) = members.iter().copied().min_by_key(|&m| m.abs_diff(unit)) else {
            return false;
        };
        let (from, to) = (nearest.min(unit) + 1, nearest.max(unit));
        to - from <= MAX_MERGE_GAP
            && (from..to)
                .all(|between| owners[between].is_none_or(|owner| !self.draft_in_band(owner)))
    }

    /// Whether some pair of draft `index`'s units lies in the band.
    fn draft_in_band(&self, index: usize) -> bool {
        let draft = &self.drafts[index];
        self.band.is_none_or(|band| {
            draft
                .left
                .iter()
                .any(|&l| draft.right.iter().any(|&r| band.contains(l, r)))
        })
    }

    /// Adds the free unit of `pair` (on `side`) to its partner's link if
    /// that raises the link's score, or unconditionally when the two share
    /// a statement.
    fn try_join(&mut self, pair: &Pair, side: Side) -> bool {
        let (free, owner) = match side {
            Side::Left => (self.left_owner[pair.left()], self.right_owner[pair.right()]),
            Side::Right => (self.right_owner[pair.right()], self.left_owner[pair.left()]),
        };
        let (None, Some(index)) = (free, owner) else {
            return false;
        };
        let draft = &self.drafts[index];
        let (grown, score) = match side {
            Side::Left => {
                let grown = union(&draft.left_ids, self.bags.left.ids(pair.left()));
                let score = self.score(&grown, &draft.right_ids);
                (grown, score)
            }
            Side::Right => {
                let grown = union(&draft.right_ids, self.bags.right.ids(pair.right()));
                let score = self.score(&draft.left_ids, &grown);
                (grown, score)
            }
        };
        if score <= draft.score + EPSILON && pair.local < STATEMENT_LOCAL {
            return false;
        }
        let draft = &mut self.drafts[index];
        match side {
            Side::Left => {
                draft.left.push(pair.left());
                draft.left_ids = Cow::Owned(grown);
                self.left_owner[pair.left()] = Some(index);
            }
            Side::Right => {
                draft.right.push(pair.right());
                draft.right_ids = Cow::Owned(grown);
                self.right_owner[pair.right()] = Some(index);
            }
        }
        draft.score = score;
        true
    }

    /// Links free pairs that fit between the links already in reading
    /// order in both texts, best first.
    fn fill_gaps(&mut self, pairs: &[Pair], lengths: &Lengths) {
        // Linking only takes units, never frees them: a pair with a side
        // already linked can never be linked below, so it is dropped
        // before ranking. On a text that keeps its order that is nearly
        // every pair, and then the spine need not be found at all.
        let weak: Vec<&Pair> = pairs
            .iter()
            .filter(|p| {
                self.left_owner[p.left()].is_none() && self.right_owner[p.right()].is_none()
            })
            .filter(|p| {
                self.bags.dice(p) >= GAP_DICE
                    && self.bags.left_cover(p).max(self.bags.right_cover(p)) >= GAP_COVER
            })
            .filter(|p| self.headings_match(p))
            .collect();
        if weak.is_empty() {
            return;
        }
        let links = self.snapshot();
        let moved = super::moved::moved_flags(&links, lengths);
        let mut spine: Vec<(usize, usize, usize, usize)> = links
            .iter()
            .zip(moved)
            .filter(|(_, moved)| !moved)
            .map(|(l, _)| span_of(l))
            .collect();
        spine.sort_unstable();
        let weak = ranked::best_first(weak, |&p| (self.bags.dice(p), 0.0, (p.left(), p.right())));
        for pair in weak {
            let free =
                self.left_owner[pair.left()].is_none() && self.right_owner[pair.right()].is_none();
            if free && fits_between(&spine, pair.left(), pair.right()) {
                self.open(pair.left(), pair.right(), self.bags.dice(pair));
                let at = spine.partition_point(|s| s.0 < pair.left());
                spine.insert(at, (pair.left(), pair.left(), pair.right(), pair.right()));
            }
        }
    }

    /// A free unit between two units of the same link (on one side) is
    /// part of that link: a paragraph told across three, whose middle one
    /// has little overlap of its own.
    fn absorb_sandwiched(&mut self) {
        for index in 0..self.drafts.len() {
            for side in [Side::Left, Side::Right] {
                let (members, owner, units, bags) = match side {
                    Side::Left => (
                        &self.drafts[index].left,
                        &self.left_owner,
                        self.left,
                        &self.bags.left,
                    ),
                    Side::Right => (
                        &self.drafts[index].right,
                        &self.right_owner,
                        self.right,
                        &self.bags.right,
                    ),
                };
                let holes: Vec<usize> = members
                    .iter()
                    .filter_map(|&m| m.checked_add(1))
                    .filter(|&u| {
                        owner.get(u).is_some_and(Option::is_none)
                            && members.contains(&(u + 1))
                            && units[u].kind != Kind::Heading
                            && bags.has_words(u)
                    })
                    .collect();
                for u in holes {
                    self.add_member(index, side, u);
                }
            }
        }
    }

    fn add_member(&mut self, index: usize, side: Side, unit: usize) {
        let draft = &mut self.drafts[index];
        match side {
            Side::Left => {
                draft.left.push(unit);
                draft.left_ids = Cow::Owned(union(&draft.left_ids, self.bags.left.ids(unit)));
                self.left_owner[unit] = Some(index);
            }
            Side::Right => {
                draft.right.push(unit);
                draft.right_ids = Cow::Owned(union(&draft.right_ids, self.bags.right.ids(unit)));
                self.right_owner[unit] = Some(index);
            }
        }
        let (l, r) = (&self.drafts[index].left_ids, &self.drafts[index].right_ids);
        let score = self.score(l, r);
        self.drafts[index].score = score;
    }

    /// Headings link only with headings: a title overlaps the lead it
    /// sums up, and would take the lead's real counterpart from it.
    fn headings_match(&self, pair: &Pair) -> bool {
        let heading = |u: &Unit| u.kind == Kind::Heading;
        heading(&self.left[pair.left()]) == heading(&self.right[pair.right()])
    }

    fn snapshot(&self) -> Vec<Link> {
        self.drafts
            .iter()
            .map(|d| Link {
                left: d.left.clone(),
                right: d.right.clone(),
                score: d.score,
            })
            .collect()
    }

    fn open(&mut self, left: usize, right: usize, score: f64) {
        let index = self.drafts.len();
        self.left_owner[left] = Some(index);
        self.right_owner[right] = Some(index);
        self.drafts.push(Draft {
            left: vec![left],
            right: vec![right],
            left_ids: Cow::Borrowed(self.bags.left.ids(left)),
            right_ids: Cow::Borrowed(self.bags.right.ids(right)),
            score,
        });
    }

    fn score(&self, left_ids: &[u32], right_ids: &[u32]) -> f64 {
        let shared = self.bags.shared(left_ids, right_ids);
        dice(
            shared,
            self.bags.total(left_ids),
            self.bags.total(right_ids),
        )
    }

    /// The scored pair (left, right), if any; `pairs` is sorted by
    /// position.
    fn find_pair<'p>(&self, pairs: &'p [Pair], left: usize, right: usize) -> Option<&'p Pair> {
        self.rows.find(pairs, left, right)
    }

    fn into_links(self) -> Vec<Link> {
        self.drafts
            .into_iter()
            .filter(|d| !d.left.is_empty() && !d.right.is_empty())
            .map(|mut d| {
                d.left.sort_unstable();
                d.right.sort_unstable();
                Link {
                    left: d.left,
                    right: d.right,
                    score: d.score,
                }
            })
            .collect()
    }
}

/// Evidence that links a pair even far from where order expects it.
fn is_strong(bags: &Bags, pair: &Pair) -> bool {
    bags.dice(pair) >= OUT_OF_BAND_DICE || pair.local >= OUT_OF_BAND_LOCAL
}

/// True when `unit` is within [`JOIN_REACH`] of one of `members`.
fn near(members: &[usize], unit: usize) -> bool {
    members.iter().any(|&m| m.abs_diff(unit) <= JOIN_REACH)
}

fn is_anchor(bags: &Bags, pair: &Pair) -> bool {
    let dice = bags.dice(pair);
    dice >= ANCHOR_DICE || (pair.local >= STATEMENT_LOCAL && dice >= STATEMENT_DICE)
}

/// Whole-unit and best-statement overlap together rank anchors.
fn strength(bags: &Bags, pair: &Pair) -> f64 {
    (bags.dice(pair) + pair.local) / 2.0
}

/// (first left, last left, first right, last right) of a link.
fn span_of(link: &Link) -> (usize, usize, usize, usize) {
    let bounds = |v: &[usize]| {
        (
            v.iter().copied().min().unwrap_or(0),
            v.iter().copied().max().unwrap_or(0),
        )
    };
    let (l0, l1) = bounds(&link.left);
    let (r0, r1) = bounds(&link.right);
    (l0, l1, r0, r1)
}

/// True when (left, right) lies after the spine link before it and before
/// the spine link after it, in both texts. `spine` is sorted and in order.
fn fits_between(spine: &[(usize, usize, usize, usize)], left: usize, right: usize) -> bool {
    let at = spine.partition_point(|s| s.0 < left);
    let after_previous = at == 0 || (spine[at - 1].1 < left && spine[at - 1].3 < right);
    let before_next = spine
        .get(at)
        .is_none_or(|next| next.0 > left && next.2 > right);
    after_previous && before_next
}

/// Sorted union of two sorted id lists.
fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let next = match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if x == y => {
                i += 1;
                j += 1;
                x
            }
            (Some(&x), Some(&y)) if x < y => {
                i += 1;
                x
            }
            (Some(_), Some(&y)) | (None, Some(&y)) => {
                j += 1;
                y
            }
            (Some(&x), None) => {
                i += 1;
                x
            }
            (None, None) => break,
        };
        out.push(next);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::union;

    #[test]
    fn union_merges_sorted_lists() {
        assert_eq!(union(&[1, 3, 5], &[2, 3, 6]), [1, 2, 3, 5, 6]);
        assert_eq!(union(&[], &[4]), [4]);
    }
}
