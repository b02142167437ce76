//! The positional prior. News outlets reorder freely, but a revised draft,
//! a translation or a rewrite of a wire story mostly keeps its order, and
//! there position is evidence: a verse's partner sits near its
//! neighbours' partners. The prior switches itself on when most
//! first-pass links lie on one order-keeping chain; then every unit's
//! *band* is the stretch of the other text between the partners of the
//! chain links around it, plus a few units of slack. Pairs in the band are
//! all scored and ranked first; pairs outside it still link when their
//! evidence is strong, so a paragraph really moved is found and flagged.

use super::moved::{SPLIT_FROM_LINKS, on_heaviest_chain};

/// Share of first-pass links on the heaviest order-keeping chain that
/// makes a pair "mostly in order".
const IN_ORDER_SHARE: f64 = 0.6;
/// Fewer first-pass links than this say nothing about order.
const MIN_LINKS: usize = 8;
/// Units of slack on either side of the band.
const SLACK: usize = 3;
/// A band never spans more than this many units, however long the
/// stretch without chain links.
const MAX_HALF_WIDTH: usize = 40;

/// For every unit of each side, the inclusive range of the other side's
/// units near its expected position. A pair is in the band when either
/// side's range holds the other, so the band mirrors with the inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    left: Vec<(usize, usize)>,
    right: Vec<(usize, usize)>,
    /// Centres of square windows of half-width `reach` (a local band).
    squares: Vec<(usize, usize)>,
    reach: usize,
    /// Lengths of the two sides, which the squares stay inside.
    lens: (usize, usize),
}

impl Band {
    /// Whether (`left`, `right`) lies in the band.
    pub fn contains(&self, left: usize, right: usize) -> bool {
        within(&self.left, left, right)
            || within(&self.right, right, left)
            || self
                .squares
                .iter()
                .any(|&(l, r)| l.abs_diff(left) <= self.reach && r.abs_diff(right) <= self.reach)
    }

    /// The local band around links placed out of order: a square of
    /// `reach` units either way around each (left, right) centre. A moved
    /// block of text is in order inside itself, so the neighbours of an
    /// out-of-band link are where its neighbours' partners are expected.
    pub fn around(
        centres: Vec<(usize, usize)>,
        reach: usize,
        left_len: usize,
        right_len: usize,
    ) -> Band {
        let squares = centres
            .into_iter()
            .filter(|&(l, r)| l < left_len && r < right_len)
            .collect();
        Band {
            left: Vec::new(),
            right: Vec::new(),
            squares,
            reach,
            lens: (left_len, right_len),
        }
    }

    /// The band's pairs by left unit's row, sorted by (left, right). With
    /// [`Band::other_pairs`], every pair of the band.
    pub fn pairs_by_left(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.left
            .iter()
            .enumerate()
            .flat_map(|(l, &(lo, hi))| (lo..=hi).map(move |r| (l, r)))
    }

    /// The band's pairs outside the left units' rows (by right unit's row
    /// and around out-of-order links), in no useful order, some twice.
    /// The two sides' rows mostly cover the same pairs: a book pair's
    /// rows hold 167k each and add about 500, so only those are made and
    /// sorted rather than a second copy of the band.
    pub fn other_pairs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.every_other_pair()
            .filter(|&(l, r)| !within(&self.left, l, r))
    }

    /// [`Band::other_pairs`], the left rows' pairs among them.
    fn every_other_pair(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let from_right = self
            .right
            .iter()
            .enumerate()
            .flat_map(|(r, &(lo, hi))| (lo..=hi).map(move |l| (l, r)));
        let (reach, (left_len, right_len)) = (self.reach, self.lens);
        let from_squares = self.squares.iter().flat_map(move |&(l, r)| {
            let rows = l.saturating_sub(reach)..(l + reach + 1).min(left_len);
            rows.flat_map(move |i| {
                let columns = r.saturating_sub(reach)..(r + reach + 1).min(right_len);
                columns.map(move |j| (i, j))
            })
        });
        from_right.chain(from_squares)
    }
}

/// Whether row `i` of `ranges` holds `j`.
fn within(ranges: &[(usize, usize)], i: usize, j: usize) -> bool {
    ranges.get(i).is_some_and(|&(lo, hi)| lo <= j && j <= hi)
}

/// The band of a pair whose first-pass one-to-one `links` mostly keep
/// reading order; `None` for reordered texts (or too few links to tell).
/// Symmetric: swapping the sides mirrors the chain.
pub fn detect(links: &[(usize, usize)], left_len: usize, right_len: usize) -> Option<Band> {
    if links.len() < MIN_LINKS || right_len == 0 {
        return None;
    }
    let (on_chain, length) = on_heaviest_chain(links);
    if (length as f64) < IN_ORDER_SHARE * links.len() as f64 {
        return None;
    }
    let mut chain: Vec<(usize, usize)> = links
        .iter()
        .zip(&on_chain)
        .filter(|(_, on)| **on)
        .map(|(l, _)| *l)
        .collect();
    if left_len == 0 {
        return None;
    }
    chain.sort_unstable();
    // Each side's ranges on its own thread on a long text.
    let (left, right) = crate::parallel::join(
        chain.len() >= SPLIT_FROM_LINKS,
        || -> Vec<(usize, usize)> {
            (0..left_len)
                .map(|l| range_of(&chain, l, right_len))
                .collect()
        },
        || -> Vec<(usize, usize)> {
            let mut mirrored: Vec<(usize, usize)> = chain.iter().map(|&(l, r)| (r, l)).collect();
            mirrored.sort_unstable();
            (0..right_len)
                .map(|r| range_of(&mirrored, r, left_len))
                .collect()
        },
    );
    Some(Band {
        left,
        right,
        squares: Vec::new(),
        reach: 0,
        lens: (left_len, right_len),
    })
}

/// The right range for left unit `l`: between the chain links around it
/// (or at its own chain link), widened by the slack, narrowed around the
/// straight line between them when the stretch is long.
fn range_of(chain: &[(usize, usize)], l: usize, right_len: usize) -> (usize, usize) {
    let at = chain.partition_point(|c| c.0 < l);
    let last = right_len - 1;
    let here = chain[at..].partition_point(|c| c.0 == l);
    if here > 0 {
        let (first, final_) = (chain[at].1, chain[at + here - 1].1);
        return (first.saturating_sub(SLACK), (final_ + SLACK).min(last));
    }
    let (l0, r0) = if at == 0 {
        (None, 0)
    } else {
        (Some(chain[at - 1].0), chain[at - 1].1 + 1)
    };
    let (l1, r1) = match chain.get(at) {
        Some(&(cl, cr)) => (Some(cl), cr.saturating_sub(1)),
        None => (None, last),
    };
    let r1 = r1.max(r0.min(last));
    // Expected position on the line through the two chain links.
    let expected = match (l0, l1) {
        (Some(a), Some(b)) if b > a + 1 => {
            let t = (l - a - 1) as f64 / (b - a - 1).max(1) as f64;
            r0 as f64 + t * (r1 as f64 - r0 as f64)
        }
        (Some(a), None) => (r0 + (l - a - 1)) as f64,
        (None, Some(b)) => r1 as f64 - (b - l - 1) as f64,
        _ => r0 as f64,
    };
    let skew = (r1 + 1).saturating_sub(r0).abs_diff(match (l0, l1) {
        (Some(a), Some(b)) => b - a - 1,
        _ => 0,
    });
    let half = (SLACK + skew).min(MAX_HALF_WIDTH) as f64;
    let lo = (r0.saturating_sub(SLACK) as f64)
        .max(expected - half)
        .max(0.0);
    let hi = ((r1 + SLACK).min(last) as f64).min(expected + half).max(lo);
    (lo.floor() as usize, (hi.ceil() as usize).min(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diagonal(n: usize) -> Vec<(usize, usize)> {
        (0..n).map(|i| (i, i)).collect()
    }

    #[test]
    fn in_order_links_switch_the_prior_on() {
        let band = detect(&diagonal(20), 20, 20).expect("in order");
        assert!(band.contains(5, 5) && band.contains(5, 8) && !band.contains(5, 12));
    }

    #[test]
    fn reordered_links_leave_it_off() {
        let shuffled: Vec<(usize, usize)> = (0..20).map(|i| (i, (i * 7) % 20)).collect();
        assert_eq!(detect(&shuffled, 20, 20), None);
    }

    #[test]
    fn a_gap_between_chain_links_is_covered() {
        let mut links = diagonal(20);
        links.retain(|&(l, _)| !(8..12).contains(&l));
        let band = detect(&links, 20, 20).expect("in order");
        for l in 8..12 {
            assert!(band.contains(l, l), "{l}");
        }
    }
}
