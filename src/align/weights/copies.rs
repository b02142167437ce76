//! Units a side repeats from the other word for word: a revised draft
//! keeps most paragraphs as they were, and outlets copy wire text. Such a
//! unit's tokens are those of its source, so it is not read again.

use std::collections::HashMap;

use super::super::units::Unit;
use crate::ascii;
use crate::hash::PackedState;

/// A unit read for itself, not a copy.
pub(super) const NO_COPY: u32 = u32::MAX;

/// For each of `units`, a unit of `sources` with the same text when both
/// are scorable ([`NO_COPY`] otherwise). Texts are first told apart by
/// their length and end bytes, so a pair with no such repeat (two
/// translations) costs a few instructions a unit; the rare text that
/// shares those with an earlier, different one is simply read.
pub(super) fn copies_of(
    units: &[Unit],
    sources: &[Unit],
    scorable: &impl Fn(&Unit) -> bool,
) -> Vec<u32> {
    let shape = |text: &str| {
        let bytes = text.as_bytes();
        let tail = bytes
            .get(bytes.len().saturating_sub(8)..)
            .unwrap_or_default();
        let ends = ascii::padded(bytes) ^ ascii::padded(tail).rotate_left(29);
        ends ^ (bytes.len() as u64).rotate_left(47)
    };
    let mut first: HashMap<u64, usize, PackedState> =
        HashMap::with_capacity_and_hasher(sources.len(), PackedState::default());
    for (k, unit) in sources.iter().enumerate().filter(|(_, u)| scorable(u)) {
        first.entry(shape(&unit.text)).or_insert(k);
    }
    units
        .iter()
        .map(|unit| {
            let source = first.get(&shape(&unit.text)).copied();
            match source {
                Some(k)
                    if scorable(unit) && sources.get(k).is_some_and(|s| s.text == unit.text) =>
                {
                    u32::try_from(k).unwrap_or(NO_COPY)
                }
                _ => NO_COPY,
            }
        })
        .collect()
}
