//! Twins: a paragraph a text repeats word for word ("His lord said to
//! him: Well done, good and faithful servant…" twice in one chapter, a
//! repeated call to subscribe). Its copies score exactly alike against
//! any partner, so anchoring broke the tie by the raw diagonal; after a
//! deletion upstream that diagonal is a few units off, the partners came
//! out crossed, and both copies, with what stood between them, were
//! flagged as moved though nothing moved. Here two copies exchange
//! partners when that puts more of them beside their neighbours'
//! partners: every link keeps its score (a twin's text is its own), and
//! a copy that moved with its block keeps the partner its block agrees
//! with.

use std::collections::HashMap;
use std::hash::Hasher;

use super::Link;
use crate::align::units::Unit;
use crate::hash::{FastHasher, FastState};

/// Exchanges can change which copies agree with their neighbours (when
/// both sides repeat); a few rounds settle any real text.
const MAX_ROUNDS: usize = 4;
/// Copies of one text compared pairwise at most: a line repeated more
/// often than this is boilerplate, not a verse, and the pairs grow with
/// the square (a 12 MB text of paragraphs each repeated 60 times took
/// 0.26 s more CPU at 64, about 0.04 s at 16).
const MAX_TWINS: usize = 16;

/// Which link holds each unit of a side.
type Owners = Vec<Option<usize>>;

/// Lets copies of a repeated unit exchange partners wherever that agrees
/// better with their neighbours, on both sides, until nothing changes.
pub(super) fn uncross_twins(links: &mut [Link], left: &[Unit], right: &[Unit]) {
    // An exchange keeps both links in their group (the units it trades
    // have the same text), so the groups are found once.
    let groups = (
        twin_groups(links, left, Side::Left),
        twin_groups(links, right, Side::Right),
    );
    if groups.0.is_empty() && groups.1.is_empty() {
        return;
    }
    let mut owners = (
        owners(links, left.len(), |l| &l.left),
        owners(links, right.len(), |l| &l.right),
    );
    for _ in 0..MAX_ROUNDS {
        let moved_left = exchange_twins(links, &groups.0, &mut owners, Side::Left);
        let moved_right = exchange_twins(links, &groups.1, &mut owners, Side::Right);
        if !moved_left && !moved_right {
            break;
        }
    }
}

/// The one-to-one links whose units on `side` have the same text, in
/// groups of two to [`MAX_TWINS`], each in link order and ordered by its
/// first link. Links are first keyed by their unit's length and ends (a
/// book's links are nearly all unique, and hashing every text whole was
/// a percent of an alignment); only links whose keys meet are compared
/// whole.
fn twin_groups(links: &[Link], units: &[Unit], side: Side) -> Vec<Vec<usize>> {
    let text_of = |link: &Link| {
        let unit = match side {
            Side::Left => link.left[0],
            Side::Right => link.right[0],
        };
        units.get(unit).map(|u| u.text.as_str())
    };
    let keyed: Vec<(u64, usize)> = links
        .iter()
        .enumerate()
        .filter(|(_, l)| l.left.len() == 1 && l.right.len() == 1)
        .filter_map(|(index, link)| Some((shape_key(text_of(link)?), index)))
        .collect();
    // Counted, not sorted: only the few keys met twice are sorted.
    let mut seen: HashMap<u64, u32, FastState> =
        HashMap::with_capacity_and_hasher(keyed.len(), FastState::default());
    for &(key, _) in &keyed {
        *seen.entry(key).or_default() += 1;
    }
    let mut keyed: Vec<(u64, usize)> = keyed
        .into_iter()
        .filter(|(key, _)| seen.get(key).is_some_and(|&n| n > 1))
        .collect();
    keyed.sort_unstable();
    let mut groups = Vec::new();
    for run in keyed
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
    {
        let mut same: Vec<(&str, usize)> = run
            .iter()
            .filter_map(|&(_, index)| Some((text_of(&links[index])?, index)))
            .collect();
        same.sort_unstable();
        groups.extend(
            same.chunk_by(|a, b| a.0 == b.0)
                .filter(|twins| (2..=MAX_TWINS).contains(&twins.len()))
                .map(|twins| twins.iter().map(|&(_, index)| index).collect::<Vec<_>>()),
        );
    }
    groups.sort_unstable_by_key(|g: &Vec<usize>| g[0]);
    groups
}

/// A text's length and its first and last eight bytes, hashed: equal for
/// equal texts, and rarely for two others.
fn shape_key(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let word = |part: &[u8]| {
        let mut buf = [0u8; 8];
        buf[..part.len()].copy_from_slice(part);
        u64::from_le_bytes(buf)
    };
    let head = word(&bytes[..bytes.len().min(8)]);
    let tail = word(&bytes[bytes.len().saturating_sub(8)..]);
    let mut hasher = FastHasher::default();
    hasher.write_u64(bytes.len() as u64);
    hasher.write_u64(head);
    hasher.write_u64(tail);
    hasher.finish()
}

#[derive(Clone, Copy)]
enum Side {
    Left,
    Right,
}

fn owners(links: &[Link], len: usize, side: impl Fn(&Link) -> &Vec<usize>) -> Owners {
    let mut owners = vec![None; len];
    for (index, link) in links.iter().enumerate() {
        for &unit in side(link) {
            if let Some(slot) = owners.get_mut(unit) {
                *slot = Some(index);
            }
        }
    }
    owners
}

/// How many of (`left`, `right`)'s neighbours, one before and one after,
/// are linked to each other: 2 when the pair sits inside an in-order run.
fn agreement((left_owner, right_owner): &(Owners, Owners), left: usize, right: usize) -> usize {
    let same_link = |l: Option<usize>, r: Option<usize>| {
        let owner_l = l.and_then(|l| left_owner.get(l).copied().flatten());
        let owner_r = r.and_then(|r| right_owner.get(r).copied().flatten());
        owner_l.is_some() && owner_l == owner_r
    };
    usize::from(same_link(left.checked_sub(1), right.checked_sub(1)))
        + usize::from(same_link(left.checked_add(1), right.checked_add(1)))
}

/// One side's pass over its `groups` of twins: two of a group exchange
/// their units on `side` when more of both then agree with their
/// neighbours. Whether anything changed.
fn exchange_twins(
    links: &mut [Link],
    groups: &[Vec<usize>],
    owners: &mut (Owners, Owners),
    side: Side,
) -> bool {
    let mut changed = false;
    for twins in groups {
        for (n, &i) in twins.iter().enumerate() {
            for &j in &twins[n + 1..] {
                let pair_of = |link: &Link| (link.left[0], link.right[0]);
                let ((li, ri), (lj, rj)) = (pair_of(&links[i]), pair_of(&links[j]));
                let now = agreement(owners, li, ri) + agreement(owners, lj, rj);
                let (swapped_i, swapped_j) = match side {
                    Side::Left => ((lj, ri), (li, rj)),
                    Side::Right => ((li, rj), (lj, ri)),
                };
                let then = agreement(owners, swapped_i.0, swapped_i.1)
                    + agreement(owners, swapped_j.0, swapped_j.1);
                if then > now {
                    exchange(links, owners, side, i, j);
                    changed = true;
                }
            }
        }
    }
    changed
}

/// Links `i` and `j` exchange their units on `side`.
fn exchange(
    links: &mut [Link],
    (left_owner, right_owner): &mut (Owners, Owners),
    side: Side,
    i: usize,
    j: usize,
) {
    let (units_i, units_j, owner) = match side {
        Side::Left => (links[i].left[0], links[j].left[0], left_owner),
        Side::Right => (links[i].right[0], links[j].right[0], right_owner),
    };
    match side {
        Side::Left => {
            links[i].left[0] = units_j;
            links[j].left[0] = units_i;
        }
        Side::Right => {
            links[i].right[0] = units_j;
            links[j].right[0] = units_i;
        }
    }
    for (unit, link) in [(units_i, j), (units_j, i)] {
        if let Some(slot) = owner.get_mut(unit) {
            *slot = Some(link);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Kind;

    fn units(paragraphs: &[&str]) -> Vec<Unit> {
        paragraphs
            .iter()
            .enumerate()
            .map(|(paragraph, text)| Unit {
                text: text.to_string(),
                kind: Kind::Body,
                paragraph,
            })
            .collect()
    }

    fn link(left: usize, right: usize, score: f64) -> Link {
        Link {
            left: vec![left],
            right: vec![right],
            score,
        }
    }

    fn pairs(links: &[Link]) -> Vec<(usize, usize, f64)> {
        links
            .iter()
            .map(|l| (l.left[0], l.right[0], l.score))
            .collect()
    }

    #[test]
    fn crossed_twins_exchange_partners_and_keep_their_scores() {
        let left = units(&["Well done.", "Talents came.", "Well done.", "The end."]);
        // The right text lost a paragraph before these, and edited one.
        let right = units(&[
            "Gone.",
            "Well done, servant.",
            "Two talents came.",
            "Well done.",
        ]);
        let mut links = vec![link(0, 3, 1.0), link(1, 2, 0.8), link(2, 1, 0.7)];
        uncross_twins(&mut links, &left, &right);
        // Each right unit keeps its score: the left twins are one text.
        assert_eq!(pairs(&links), [(2, 3, 1.0), (1, 2, 0.8), (0, 1, 0.7)]);
    }

    #[test]
    fn a_copy_in_a_moved_block_keeps_the_partner_its_block_agrees_with() {
        // The block x1 T x2 moved to the front of the right text.
        let left = units(&["p0", "p1", "T", "p3", "x1", "T", "x2"]);
        let right = units(&["x1", "T", "x2", "p0", "p1", "T", "p3"]);
        let truth = [(0, 3), (1, 4), (2, 5), (3, 6), (4, 0), (5, 1), (6, 2)];
        let mut links: Vec<Link> = truth.iter().map(|&(l, r)| link(l, r, 1.0)).collect();
        uncross_twins(&mut links, &left, &right);
        let got: Vec<(usize, usize)> = links.iter().map(|l| (l.left[0], l.right[0])).collect();
        assert_eq!(got, truth, "a right answer is kept");
        // Crossed by anchoring, the copies are put back with their blocks.
        links[2] = link(2, 1, 1.0);
        links[5] = link(5, 5, 1.0);
        uncross_twins(&mut links, &left, &right);
        let got: Vec<(usize, usize)> = links.iter().map(|l| (l.left[0], l.right[0])).collect();
        let mut sorted = got.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, truth);
    }

    #[test]
    fn twins_on_both_sides_come_out_mirrored() {
        let left = units(&["Amen.", "Amen.", "Other.", "Amen."]);
        let right = units(&["Amen.", "Other.", "Amen.", "Amen."]);
        let crossed = vec![
            link(0, 3, 1.0),
            link(1, 2, 1.0),
            link(2, 1, 0.9),
            link(3, 0, 1.0),
        ];
        let mut links = crossed.clone();
        uncross_twins(&mut links, &left, &right);
        let mut mirrored: Vec<Link> = crossed
            .iter()
            .map(|l| Link {
                left: l.right.clone(),
                right: l.left.clone(),
                score: l.score,
            })
            .collect();
        uncross_twins(&mut mirrored, &right, &left);
        let mut got: Vec<(usize, usize)> = links.iter().map(|l| (l.left[0], l.right[0])).collect();
        let mut back: Vec<(usize, usize)> =
            mirrored.iter().map(|l| (l.right[0], l.left[0])).collect();
        got.sort_unstable();
        back.sort_unstable();
        assert_eq!(got, back);
        // The run Amen–Other–Amen now reads in order on both sides; the
        // copy left over takes the partner left over.
        assert_eq!(got, [(0, 3), (1, 0), (2, 1), (3, 2)]);
    }

    #[test]
    fn merges_and_unlike_texts_are_left_alone() {
        let left = units(&["Well done.", "Well done!", "Well done."]);
        let right = units(&["A.", "B.", "C.", "D."]);
        let mut links = vec![
            link(0, 2, 1.0),
            link(1, 1, 0.9),
            Link {
                left: vec![2],
                right: vec![0, 3],
                score: 0.5,
            },
        ];
        let before = links.clone();
        uncross_twins(&mut links, &left, &right);
        assert_eq!(links, before);
    }
}
