//! Units whose bag has exactly one equal on the other side, and none on
//! its own: a paragraph a revised draft kept as it was. Such a pair is a
//! perfect overlap, so the partner search need not look further for
//! either unit, nor the positional band around them: on a revision of a
//! book, nearly every paragraph, and most of the engine's work.

use std::collections::HashMap;
use std::hash::Hasher;

use super::weights::SideBags;
use crate::hash::{FastHasher, PackedState};

/// No identical partner.
pub const NONE: u32 = u32::MAX;

/// Units with fewer distinct words than this are too slight to be sure
/// of ("Amen.", a one-word heading): they keep the full search.
const MIN_IDS: usize = 4;

/// How far apart, as a share of the texts, an identical pair may sit.
/// A text can say one thing twice in different places and its
/// translation word it alike only once (a saying in two gospels): such a
/// pair is no revision's kept paragraph, and keeps the full search.
const MAX_DRIFT: f64 = 0.02;

/// For each unit of each side, its one identical partner on the other
/// side, or [`NONE`].
pub fn partners(left: &SideBags, right: &SideBags) -> (Vec<u32>, Vec<u32>) {
    let mut left_partner = vec![NONE; left.len()];
    let mut right_partner = vec![NONE; right.len()];
    // Per bag: how many units hold it on each side, and one of them.
    let mut seen: HashMap<u64, [(u32, u32); 2], PackedState> = HashMap::default();
    for (side, bags) in [left, right].into_iter().enumerate() {
        for unit in (0..bags.len()).filter(|&u| bags.ids(u).len() >= MIN_IDS) {
            let entry = seen.entry(signature(bags, unit)).or_default();
            entry[side].0 += 1;
            entry[side].1 = unit as u32;
        }
    }
    for [(left_count, l), (right_count, r)] in seen.into_values() {
        let near = || {
            let place = |unit: u32, units: usize| f64::from(unit) / units.max(1) as f64;
            (place(l, left.len()) - place(r, right.len())).abs() <= MAX_DRIFT
        };
        let same = || left.ids(l as usize) == right.ids(r as usize);
        if left_count == 1 && right_count == 1 && near() && same() {
            left_partner[l as usize] = r;
            right_partner[r as usize] = l;
        }
    }
    (left_partner, right_partner)
}

/// Unit `unit`'s identical partner in `partners` (one side's list from
/// [`partners`]), if it has one.
pub fn partner_of(partners: &[u32], unit: usize) -> Option<u32> {
    partners.get(unit).copied().filter(|&p| p != NONE)
}

/// A hash of a unit's distinct ids: equal bags, equal signatures.
fn signature(bags: &SideBags, unit: usize) -> u64 {
    let mut hasher = FastHasher::default();
    for &id in bags.ids(unit) {
        hasher.write_u32(id);
    }
    hasher.write_u32(bags.ids(unit).len() as u32);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Granularity;
    use crate::align::units::{Unit, units_of};
    use crate::align::weights::Bags;
    use crate::article::parse_article;

    fn units(paragraphs: &[String]) -> Vec<Unit> {
        let text = paragraphs.join("\n\n");
        units_of(&parse_article("t", "t", &text), Granularity::Paragraph)
    }

    /// Fifty distinct paragraphs: "Paragraph 7 tells of apples, …".
    fn story() -> Vec<String> {
        (0..50)
            .map(|i| format!("Paragraph {i} tells of word{i} and thing{i} and more{i} today."))
            .collect()
    }

    fn partners_of(left: &[String], right: &[String]) -> (Vec<u32>, Vec<u32>) {
        let bags = Bags::build(&units(left), &units(right), |_| true);
        bags.identical
    }

    #[test]
    fn a_kept_paragraph_is_its_own_partner() {
        let left = story();
        let mut right = story();
        right[10] = "Paragraph ten was rewritten from the ground up entirely.".to_string();
        right.remove(30);
        let (l, r) = partners_of(&left, &right);
        assert_eq!(l[5], 5);
        assert_eq!(r[5], 5);
        assert_eq!(l[10], NONE, "a rewritten paragraph keeps the full search");
        assert_eq!(l[30], NONE, "a deleted one has no partner");
        assert_eq!(l[31], 30, "the offset after a deletion is no obstacle");
        assert_eq!(r[30], 31);
    }

    #[test]
    fn repeated_far_or_slight_bags_keep_the_full_search() {
        let mut left = story();
        let mut right = story();
        // Said twice on the left: not unique.
        left[20] = left[3].clone();
        // The same words at the other end of the other text.
        right[45] = left[1].clone();
        right[1] = "Something else entirely stands here now.".to_string();
        // Too few words to be sure of.
        left[7] = "Amen amen.".to_string();
        right[7] = "Amen amen.".to_string();
        let (l, r) = partners_of(&left, &right);
        assert_eq!(l[3], NONE);
        assert_eq!(l[20], NONE);
        assert_eq!(r[3], NONE);
        assert_eq!(l[1], NONE, "far apart: {:?}", r[45]);
        assert_eq!(r[45], NONE);
        assert_eq!(l[7], NONE);
        assert_eq!(l[8], 8);
    }
}
