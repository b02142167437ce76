//! Twins: a paragraph a text repeats word for word ("His lord said to
//! him: Well done, good and faithful servant…" twice in one chapter, a
//! repeated call to subscribe). Its copies score exactly alike against
//! any partner, so anchoring may hand their partners out crossed, and
//! both copies, with what stands between them, were then flagged as
//! moved though nothing moved. Among one-to-one links whose units on one
//! side have the same text, the partners are given out in reading order:
//! every link keeps its score (its twin's text is its own), and no
//! exchange can add a crossing.

use std::collections::HashMap;

use super::Link;
use crate::align::units::Unit;
use crate::hash::FastState;

/// Sorting one side's twins can cross the other side's (when both
/// repeat); a few rounds settle any real text.
const MAX_ROUNDS: usize = 4;

/// Gives the partners of every set of twins out in reading order, on
/// both sides, until nothing changes.
pub(super) fn uncross_twins(links: &mut [Link], left: &[Unit], right: &[Unit]) {
    for _ in 0..MAX_ROUNDS {
        let moved_left = sort_twins(links, left, |l| &mut l.left, |l| l.right[0]);
        let moved_right = sort_twins(links, right, |l| &mut l.right, |l| l.left[0]);
        if !moved_left && !moved_right {
            break;
        }
    }
}

/// One side's pass: one-to-one links grouped by the text of their unit
/// on that side (`own`), and within each group those units handed out in
/// the order of the partners (`partner`). Whether anything changed.
fn sort_twins(
    links: &mut [Link],
    units: &[Unit],
    own: impl Fn(&mut Link) -> &mut Vec<usize>,
    partner: impl Fn(&Link) -> usize,
) -> bool {
    let mut by_text: HashMap<&str, Vec<usize>, FastState> = HashMap::default();
    for (index, link) in links.iter_mut().enumerate() {
        if link.left.len() != 1 || link.right.len() != 1 {
            continue;
        }
        if let Some(unit) = units.get(own(link)[0]) {
            by_text.entry(unit.text.as_str()).or_default().push(index);
        }
    }
    let mut changed = false;
    for mut twins in by_text.into_values().filter(|t| t.len() > 1) {
        let mut mine: Vec<usize> = twins.iter().map(|&i| own(&mut links[i])[0]).collect();
        mine.sort_unstable();
        twins.sort_unstable_by_key(|&i| partner(&links[i]));
        for (&index, &unit) in twins.iter().zip(&mine) {
            let slot = &mut own(&mut links[index])[0];
            changed |= *slot != unit;
            *slot = unit;
        }
    }
    changed
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
    fn crossed_twins_take_their_partners_in_order_with_their_scores() {
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
        assert_eq!(got, [(0, 0), (1, 2), (2, 1), (3, 3)]);
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
