//! Runs of links in an in-order text. Beside a one-to-one link the next
//! pair in both texts is the likely next link, and the units facing each
//! other across a short gap between two links are partners: this is how
//! loose paraphrases that anchoring missed are found, inside the
//! positional band and inside a block of text moved elsewhere alike.

use super::{Band, Grouper, Pair, Rows};

/// In an in-order gap of equal length on both sides (between two links
/// adjacent in both texts), the pairs facing each other link with any
/// real overlap.
const FACING_DICE: f64 = 0.08;
/// Longest such gap.
const FACING_MAX: usize = 3;
/// Beside a one-to-one link, the next pair in both texts links with this
/// overlap: a block of verses moved together is found verse by verse
/// from the ones that anchored it.
const EXTEND_DICE: f64 = 0.15;

/// Half-width, in units, of the local band around a link out of order.
const LOCAL_REACH: usize = 3;

impl Grouper<'_> {
    /// Links the units facing each other across a gap of equal length
    /// (at most [`FACING_MAX`]) between two links that are adjacent in
    /// both texts: in an in-order text, the verse between two linked
    /// verses is the partner of the one between their partners.
    fn link_facing_gaps(&mut self, pairs: &[Pair]) {
        let mut l = 0;
        while l < self.left.len() {
            let Some(before) = self.left_owner[l] else {
                l += 1;
                continue;
            };
            let run = (l + 1..self.left.len())
                .take_while(|&i| self.left_owner[i].is_none())
                .count();
            let next = l + 1 + run;
            if run == 0 || run > FACING_MAX || next >= self.left.len() {
                l = next.max(l + 1);
                continue;
            }
            let (Some(after), Some(r0)) = (
                self.left_owner[next],
                self.drafts[before].right.iter().copied().max(),
            ) else {
                l = next;
                continue;
            };
            let facing = self.drafts[after].right.iter().copied().min() == Some(r0 + run + 1)
                && (r0 + 1..=r0 + run).all(|r| self.right_owner[r].is_none())
                && after != before;
            if facing {
                for k in 1..=run {
                    if let Some(pair) = self.find_pair(pairs, l + k, r0 + k)
                        && self.bags.dice(pair) >= FACING_DICE
                        && self.headings_match(pair)
                    {
                        self.open(pair.left(), pair.right(), self.bags.dice(pair));
                    }
                }
            }
            l = next;
        }
    }

    /// Extends runs of links and fills facing gaps until nothing changes,
    /// scoring the local band around every link out of the main band
    /// first: a block of text moved elsewhere is in order inside itself,
    /// so its verses are found from the ones that anchored it even when
    /// the candidate search never paired them. Returns the pairs scored.
    pub(super) fn grow_runs(&mut self, pairs: &mut Vec<Pair>) -> usize {
        let Some(band) = self.band else { return 0 };
        let mut scored = 0;
        loop {
            let centres: Vec<(usize, usize)> = self
                .drafts
                .iter()
                .skip(self.windowed)
                .filter_map(|d| match (d.left.as_slice(), d.right.as_slice()) {
                    (&[l], &[r]) if !band.contains(l, r) => Some((l, r)),
                    _ => None,
                })
                .collect();
            self.windowed = self.drafts.len();
            if !centres.is_empty() {
                let local = Band::around(centres, LOCAL_REACH, self.left.len(), self.right.len());
                scored += super::super::candidates::add_band_pairs(self.bags, pairs, &local);
                self.rows = Rows::of(pairs, self.left.len());
            }
            let before = self.drafts.len();
            self.extend_runs(pairs);
            self.link_facing_gaps(pairs);
            if self.drafts.len() == before {
                return scored;
            }
        }
    }

    /// Grows one-to-one links into their free neighbours, pair by pair in
    /// both directions, while the neighbours overlap enough.
    fn extend_runs(&mut self, pairs: &[Pair]) {
        let mut work: Vec<usize> = (0..self.drafts.len()).collect();
        while let Some(index) = work.pop() {
            let draft = &self.drafts[index];
            let (&[l], &[r]) = (draft.left.as_slice(), draft.right.as_slice()) else {
                continue;
            };
            let neighbours = [l.checked_sub(1).zip(r.checked_sub(1)), Some((l + 1, r + 1))];
            for (nl, nr) in neighbours.into_iter().flatten() {
                let free = self.left_owner.get(nl).is_some_and(Option::is_none)
                    && self.right_owner.get(nr).is_some_and(Option::is_none);
                if !free {
                    continue;
                }
                if let Some(pair) = self.find_pair(pairs, nl, nr)
                    && self.bags.dice(pair) >= EXTEND_DICE
                    && self.headings_match(pair)
                {
                    self.open(nl, nr, self.bags.dice(pair));
                    work.push(self.drafts.len() - 1);
                }
            }
        }
    }
}
