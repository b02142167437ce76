//! Reading one side in its own order. The engine orders groups by the
//! left text; with `o` the focused side drives instead: groups follow that
//! side's units, and a group only the other side has comes right after the
//! group holding that side's unit before it (with none before it, just
//! before the first group the two share, or last when they share nothing:
//! what the driving side says comes first). The other side's linked units
//! sit beside their partners, so its moved paragraphs (already `moved` in
//! the alignment) show out of sequence, marked in the gutter.

use crate::align::{Group, reading_order_of};

use super::rows::Side;

/// Indices into `groups` in the order `drive` reads them: the engine's
/// reading order, with the driving side's members taken for the left's.
pub fn side_order(groups: &[Group], drive: Side) -> Vec<usize> {
    match drive {
        Side::Left => reading_order_of(groups.iter().map(|g| (&g.left[..], &g.right[..]))),
        Side::Right => reading_order_of(groups.iter().map(|g| (&g.right[..], &g.left[..]))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(left: &[usize], right: &[usize], moved: bool) -> Group {
        Group {
            left: left.to_vec(),
            right: right.to_vec(),
            score: 1.0,
            moved,
            diff: Vec::new(),
            callouts: Vec::new(),
        }
    }

    #[test]
    fn the_driving_side_reads_in_its_own_order() {
        // Left order: L0-R0, L1-R3 (moved), L2 only, L3-R1, R2 only.
        let groups = vec![
            group(&[0], &[0], false),
            group(&[1], &[3], true),
            group(&[2], &[], false),
            group(&[3], &[1], false),
            group(&[], &[2], false),
        ];
        assert_eq!(side_order(&groups, Side::Left), [0, 1, 2, 3, 4]);
        let right = side_order(&groups, Side::Right);
        let firsts: Vec<usize> = right
            .iter()
            .filter_map(|&i| groups[i].right.first().copied())
            .collect();
        assert_eq!(firsts, [0, 1, 2, 3]);
        // The left-only unit follows its left neighbour's group (L1 sits with R3).
        assert_eq!(right, [0, 3, 4, 1, 2]);
    }

    #[test]
    fn the_other_sides_opening_comes_after_the_driving_sides() {
        // Nothing shared: the driving side's text first, then the other's.
        let apart = vec![
            group(&[0], &[], false),
            group(&[1], &[], false),
            group(&[], &[0], false),
            group(&[], &[1], false),
        ];
        assert_eq!(side_order(&apart, Side::Left), [0, 1, 2, 3]);
        assert_eq!(side_order(&apart, Side::Right), [2, 3, 0, 1]);
        // An intro each side has alone, then a link: the right's intro
        // waits for the link, after the left's.
        let intros = vec![
            group(&[1], &[1], false),
            group(&[0], &[], false),
            group(&[], &[0], false),
        ];
        assert_eq!(side_order(&intros, Side::Left), [1, 2, 0]);
    }
}
