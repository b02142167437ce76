//! A number whose minus sign alone came or went ("−10 degrees" → "10
//! degrees", "-5 percent" → "5 percent"). The diff marks just the sign
//! and keeps the digits equal, so no only-here word touches the number
//! on the side without a sign, and it would never be paired: its
//! counterpart is found through the diff instead, as the same number
//! standing in the same equal run.

use super::Found;
use crate::align::units::Unit;
use crate::align::{DiffOp, DiffTag, Span};
use crate::facts::{FactKind, Spotter};

/// Whether an only-here op of `tag` (its span on this side from `side`)
/// is a minus sign right before a digit.
pub(super) fn changed(
    ops: &[DiffOp],
    tag: DiffTag,
    side: impl Fn(&DiffOp) -> Option<Span>,
    units: &[Unit],
) -> bool {
    ops.iter()
        .filter(|op| op.op == tag)
        .filter_map(side)
        .any(|span| {
            let text = units.get(span.unit()).map_or("", |u| u.text.as_str());
            before_a_digit(text, span)
        })
}

/// Whether `span` of `text` is a minus sign right before a digit. By
/// bytes, since this asks every link's changed words: the sign is '-'
/// or U+2212, and a digit is one byte.
pub(super) fn before_a_digit(text: &str, span: Span) -> bool {
    let bytes = text.as_bytes();
    let sign = matches!(bytes.get(span.range()), Some(b"-" | b"\xE2\x88\x92"));
    sign && bytes.get(span.end()).is_some_and(u8::is_ascii_digit)
}

/// Where the other side's facts are: its units, and the index in the
/// spotter of its first unit's text.
pub(super) struct OtherSide<'a> {
    pub indices: &'a [usize],
    pub units: &'a [Unit],
    pub first_text: usize,
    /// Whether the other side is the diff's right side.
    pub is_right: bool,
}

/// For every number of `found` that starts with a minus sign, the number
/// standing at the same place on the other side, added to `other_found`
/// (kept in reading order) unless it is there already.
pub(super) fn add_counterparts<'a>(
    found: &[Found],
    other_found: &mut Vec<Found<'a>>,
    ops: &[DiffOp],
    spotter: &Spotter,
    other: &OtherSide<'a>,
) {
    for fact in found.iter().filter(|f| f.spot.kind == FactKind::Number) {
        let Some(sign) = fact
            .written
            .chars()
            .next()
            .filter(|c| matches!(c, '-' | '−'))
        else {
            continue;
        };
        let digits_at = fact.spot.range.start + sign.len_utf8();
        let unsigned = fact.spot.value.trim_start_matches('-');
        let Some((run, offset)) = equal_run_at(ops, fact.unit, digits_at, other.is_right) else {
            continue;
        };
        let Some(n) = other.indices.iter().position(|&u| u == run.unit()) else {
            continue;
        };
        let text = other.units.get(run.unit()).map_or("", |u| u.text.as_str());
        let inside = |r: &std::ops::Range<usize>| run.start() <= r.start && r.end <= run.end();
        // The same number in that run, nearest the sign's number's place
        // (the run's two sides may differ in bytes before it: "’"/"'").
        let counterpart = spotter
            .spots_where(other.first_text + n, inside)
            .into_iter()
            .filter(|s| s.kind == FactKind::Number && s.value == unsigned)
            .min_by_key(|s| (s.range.start - run.start()).abs_diff(offset));
        let Some(spot) = counterpart else { continue };
        let known = other_found
            .iter()
            .any(|f| f.unit == run.unit() && f.spot.range == spot.range);
        if !known {
            other_found.push(Found {
                unit: run.unit(),
                written: text.get(spot.range.clone()).unwrap_or(""),
                spot,
                place: fact.place,
            });
        }
    }
    other_found.sort_by_key(|f| (f.unit, f.spot.range.start));
}

/// The other side's span of the equal op holding byte `at` of `unit` on
/// this side, and how far into this side's span `at` is.
fn equal_run_at(
    ops: &[DiffOp],
    unit: usize,
    at: usize,
    other_is_right: bool,
) -> Option<(Span, usize)> {
    ops.iter()
        .filter(|op| op.op == DiffTag::Equal)
        .find_map(|op| {
            let (here, there) = if other_is_right {
                (op.left?, op.right?)
            } else {
                (op.right?, op.left?)
            };
            (here.unit() == unit && here.start() <= at && at < here.end())
                .then(|| (there, at - here.start()))
        })
}
