//! A short unit that anchoring paired one-to-one far from its place, while
//! nearly all its words are in the partner of its neighbour's link,
//! belongs with that neighbour: "Axios reported this, citing sources."
//! follows the sentence whose counterpart reads "…, Axios reports, citing
//! sources", and two shared words with a clause elsewhere ("One Axios
//! source stated:") are a coincidence beside that containment.

use std::borrow::Cow;

use super::{Grouper, Side};

/// Share of the unit the neighbour's partner must hold…
const REHOME_COVER: f64 = 0.75;
/// …and by how much more than the unit's own partner holds it.
const REHOME_MARGIN: f64 = 0.15;

impl Grouper<'_> {
    /// Moves every such unit from its one-to-one link into its
    /// neighbour's link; the partner it leaves is free again.
    pub(super) fn rehome_contained(&mut self, pairs: &[super::Pair]) {
        for index in 0..self.drafts.len() {
            for side in [Side::Left, Side::Right] {
                if let Some(target) = self.better_home(index, side, pairs) {
                    self.move_unit(index, side, target);
                    break;
                }
            }
        }
    }

    /// The link of a neighbour (on `side`) of draft `index`'s single unit
    /// whose other side holds that unit far better than its own partner.
    fn better_home(&self, index: usize, side: Side, pairs: &[super::Pair]) -> Option<usize> {
        let draft = &self.drafts[index];
        let (&[l], &[r]) = (draft.left.as_slice(), draft.right.as_slice()) else {
            return None;
        };
        let (unit, partner, owners) = match side {
            Side::Left => (l, r, &self.left_owner),
            Side::Right => (r, l, &self.right_owner),
        };
        let cover = |u: usize, p: usize| -> f64 {
            let found = match side {
                Side::Left => self
                    .find_pair(pairs, u, p)
                    .map(|pair| self.bags.left_cover(pair)),
                Side::Right => self
                    .find_pair(pairs, p, u)
                    .map(|pair| self.bags.right_cover(pair)),
            };
            found.unwrap_or(0.0)
        };
        // Each cover is a lookup that misses the cache, so the cheap test
        // (the neighbour's partner sits by ours) comes first and the
        // unit's own cover is looked up only when a neighbour could win.
        let mut own = None;
        let neighbours = [unit.checked_sub(1), unit.checked_add(1)];
        neighbours
            .into_iter()
            .flatten()
            .filter_map(|n| owners.get(n).copied().flatten())
            .filter(|&target| target != index)
            .find(|&target| {
                let other = match side {
                    Side::Left => &self.drafts[target].right,
                    Side::Right => &self.drafts[target].left,
                };
                if other.iter().any(|&p| p.abs_diff(partner) <= 1) {
                    return false;
                }
                let best = other.iter().map(|&p| cover(unit, p)).fold(0.0, f64::max);
                best >= REHOME_COVER
                    && best >= *own.get_or_insert_with(|| cover(unit, partner)) + REHOME_MARGIN
            })
    }

    /// Empties draft `index` and adds its unit on `side` to `target`.
    fn move_unit(&mut self, index: usize, side: Side, target: usize) {
        let draft = &mut self.drafts[index];
        let (left, right) = (
            std::mem::take(&mut draft.left),
            std::mem::take(&mut draft.right),
        );
        draft.left_ids = Cow::Borrowed(&[]);
        draft.right_ids = Cow::Borrowed(&[]);
        draft.score = 0.0;
        left.iter().for_each(|&u| self.left_owner[u] = None);
        right.iter().for_each(|&u| self.right_owner[u] = None);
        let unit = match side {
            Side::Left => left[0],
            Side::Right => right[0],
        };
        self.add_member(target, side, unit);
    }
}
