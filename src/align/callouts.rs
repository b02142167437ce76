//! Facts that differ inside a link — a number, name, date or quotation
//! one side gives differently ("80%" → "75%", "Witkoff" → "Whitcoff") —
//! called out on their own, since those are what an editor checks first.
//! Recognition is `src/facts/`'s; a fact differs when some of its words
//! are only-here words of the link's diff, and it is paired with a
//! differing fact of the same kind on the other side.

mod signs;

use serde::Serialize;

use super::units::Unit;
use super::{DiffOp, DiffTag, Span};
use crate::ascii;
use crate::facts::{
    FactKind, NameWord, PairEvidence, Spot, Spotter, edit_distance, is_scale_word, same_name_read,
};

/// Most differing facts of one kind a link may have for them to be
/// paired in reading order; beyond that, a pairing would be a guess.
const MAX_PAIRED_IN_ORDER: usize = 3;

/// A fact the two sides of a link give differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Callout {
    /// `number`, `name`, `date` or `quote`.
    pub kind: FactKind,
    /// Where the left side gives it, as `[unit, start, end]`.
    pub left: Span,
    /// Where the right side gives it.
    pub right: Span,
}

/// A recognised fact of one unit of the link.
struct Found<'a> {
    unit: usize,
    spot: Spot,
    /// The fact as its text writes it (the spot's value is folded).
    written: &'a str,
    /// Where in its change (the words between two equal runs) this fact
    /// stands.
    place: Place,
}

/// Where a fact stands in a change of the diff: a name that another takes
/// the place of ("Witkoff said" → "Kushner said") opens or closes the
/// same change on each side.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Place {
    change: usize,
    opens: bool,
    closes: bool,
}

impl Place {
    /// Whether two facts stand in the same place of the same change.
    fn matches(self, other: Place) -> bool {
        self.change == other.change
            && ((self.opens && other.opens) || (self.closes && other.closes))
    }
}

/// The only-here words of one side: their spans, and for each the change
/// it belongs to (how many equal runs come before it in the diff).
struct OnlyHere {
    spans: Vec<Span>,
    changes: Vec<usize>,
}

impl OnlyHere {
    /// The spans of ops tagged `tag`, taking the side `side` of each.
    fn of(ops: &[DiffOp], tag: DiffTag, side: impl Fn(&DiffOp) -> Option<Span>) -> Self {
        // Sized once: grown push by push, these were a tenth of a
        // million reallocations on a book-length pair.
        let count = ops.iter().filter(|op| op.op == tag).count();
        let mut change = 0;
        let (mut spans, mut changes) = (Vec::with_capacity(count), Vec::with_capacity(count));
        for op in ops {
            if op.op == DiffTag::Equal {
                change += 1;
            } else if op.op == tag
                && let Some(span) = side(op)
            {
                spans.push(span);
                changes.push(change);
            }
        }
        OnlyHere { spans, changes }
    }

    /// Whether an only-here span touches `range` of `unit`.
    fn touches(&self, unit: usize, range: &std::ops::Range<usize>) -> bool {
        self.spans.iter().any(|s| touches(s, unit, range))
    }

    /// Where `range` of `unit` stands in the change of the first
    /// only-here span touching it: whether no only-here word of that
    /// change comes before it, and whether none comes after; `None` when
    /// no only-here span touches it.
    fn place_of(&self, unit: usize, range: &std::ops::Range<usize>) -> Option<Place> {
        let first = self.spans.iter().position(|s| touches(s, unit, range))?;
        let change = self.changes[first];
        let mut in_change = self
            .spans
            .iter()
            .zip(&self.changes)
            .filter(|&(_, &c)| c == change)
            .map(|(s, _)| (s.unit(), s.start(), s.end()));
        let (opening, closing) = (in_change.next()?, in_change.next_back());
        let closing = closing.unwrap_or(opening);
        Some(Place {
            change,
            opens: (opening.0, opening.1) >= (unit, range.start),
            closes: (closing.0, closing.2) <= (unit, range.end),
        })
    }
}

/// Whether `span` covers part of `range` of `unit`.
fn touches(span: &Span, unit: usize, range: &std::ops::Range<usize>) -> bool {
    span.unit() == unit && span.start() < range.end && range.start < span.end()
}

/// The sides, numbered as [`PairEvidence`] numbers them.
const LEFT: usize = PairEvidence::LEFT;
const RIGHT: usize = PairEvidence::RIGHT;

/// The callouts of one link from its word diff; `pair` tells German
/// nouns from names.
pub fn callouts(
    ops: &[DiffOp],
    (left_idx, right_idx): (&[usize], &[usize]),
    (left, right): (&[Unit], &[Unit]),
    pair: &PairEvidence,
) -> Vec<Callout> {
    // A sign that came or went leaves the other side's number unmarked:
    // that side is read for it even with no only-here word of its own.
    let left_sign = signs::changed(ops, DiffTag::Delete, |o| o.left, left);
    let right_sign = signs::changed(ops, DiffTag::Insert, |o| o.right, right);
    // Most links stop here: their only-here words are read where the ops
    // hold them, and gathered (two lists a side) only for a closer look.
    let only_left_spans = only_here_spans(ops, DiffTag::Delete, |o| o.left);
    if !right_sign && !worth_a_look(only_left_spans, left, LEFT, pair) {
        return Vec::new();
    }
    let only_right_spans = only_here_spans(ops, DiffTag::Insert, |o| o.right);
    if !left_sign && !worth_a_look(only_right_spans, right, RIGHT, pair) {
        return Vec::new();
    }
    let only_left = OnlyHere::of(ops, DiffTag::Delete, |o| o.left);
    let only_right = OnlyHere::of(ops, DiffTag::Insert, |o| o.right);
    let texts: Vec<(&str, usize)> = left_idx
        .iter()
        .map(|&i| (left[i].text.as_str(), LEFT))
        .chain(right_idx.iter().map(|&i| (right[i].text.as_str(), RIGHT)))
        .collect();
    let spotter = Spotter::of_link(&texts, pair);
    let mut lefts = differing(&spotter, 0, (left_idx, left), &only_left);
    // A callout pairs a differing fact of each side: with none on the
    // left, the right side's facts need not be looked for.
    if lefts.is_empty() && !right_sign {
        return Vec::new();
    }
    let mut rights = differing(&spotter, left_idx.len(), (right_idx, right), &only_right);
    if left_sign {
        let other = signs::OtherSide {
            indices: right_idx,
            units: right,
            first_text: left_idx.len(),
            is_right: true,
        };
        signs::add_counterparts(&lefts, &mut rights, ops, &spotter, &other);
    }
    if right_sign {
        let other = signs::OtherSide {
            indices: left_idx,
            units: left,
            first_text: 0,
            is_right: false,
        };
        signs::add_counterparts(&rights, &mut lefts, ops, &spotter, &other);
    }
    let mut out = Vec::new();
    for kind in [
        FactKind::Number,
        FactKind::Date,
        FactKind::Name,
        FactKind::Quote,
    ] {
        let l: Vec<&Found> = lefts.iter().filter(|f| f.spot.kind == kind).collect();
        let r: Vec<&Found> = rights.iter().filter(|f| f.spot.kind == kind).collect();
        out.extend(pair_up(kind, &l, &r, pair));
    }
    out.sort_by_key(|c| (c.left, c.right));
    out
}

/// The facts of units `indices` (texts `first..` of `spotter`) that an
/// only-here span touches. Units without one are not read for facts.
fn differing<'a>(
    spotter: &Spotter,
    first: usize,
    (indices, units): (&[usize], &'a [Unit]),
    only: &OnlyHere,
) -> Vec<Found<'a>> {
    let mut out = Vec::new();
    for (n, &unit) in indices.iter().enumerate() {
        if !only.spans.iter().any(|s| s.unit() == unit) {
            continue;
        }
        let text = units.get(unit).map_or("", |u| u.text.as_str());
        for spot in spotter.spots_where(first + n, |range| only.touches(unit, range)) {
            if let Some(place) = only.place_of(unit, &spot.range) {
                let written = text.get(spot.range.clone()).unwrap_or("");
                out.push(Found {
                    unit,
                    spot,
                    place,
                    written,
                });
            }
        }
    }
    out
}

/// Whether the only-here words of a side could hold a fact: a digit, a
/// quotation mark nearby, or a capital not at a sentence start (on a
/// German side, only a capital with name evidence).
fn worth_a_look(
    only: impl Iterator<Item = Span> + Clone,
    units: &[Unit],
    side: usize,
    pair: &PairEvidence,
) -> bool {
    let text = |s: &Span| units.get(s.unit()).map_or("", |u| u.text.as_str());
    let fact_like = |s: &Span| {
        let text = text(s);
        let piece = text.get(s.range()).unwrap_or("");
        // A digit is one byte in UTF-8, never part of another character.
        if piece.bytes().any(|b| b.is_ascii_digit()) {
            return true;
        }
        // A number's scale changed though its digits did not ("$1.5
        // billion" → "$1.5 million"), or a minus sign came or went before
        // a number that changed.
        if signs::before_a_digit(text, *s) || is_scale_word(piece) {
            return true;
        }
        let capital_inside = piece.chars().next().is_some_and(char::is_uppercase) && {
            let before = text.get(..s.start()).unwrap_or("").trim_end();
            !before.is_empty() && !before.ends_with(['.', '!', '?', ':', '“', '"', '„', '«'])
        };
        let capital = capital_inside
            || if piece.is_ascii() {
                piece.bytes().skip(1).any(|b| b.is_ascii_uppercase())
            } else {
                piece.chars().skip(1).any(char::is_uppercase)
            };
        capital && pair.capital_may_be_name(side, piece)
    };
    // A quotation mark anywhere in a unit counts for every span in it, so
    // each unit's text is searched once, not once per span.
    let mut last_unit = None;
    let mut quoted = |s: &Span| {
        let first_of_unit = last_unit.replace(s.unit()) != Some(s.unit());
        first_of_unit && has_quote_mark(text(s))
    };
    only.clone().any(|s| fact_like(&s)) || only.into_iter().any(|s| quoted(&s))
}

/// The spans of ops tagged `tag`, taking the side `side` of each, in order.
fn only_here_spans(
    ops: &[DiffOp],
    tag: DiffTag,
    side: impl Fn(&DiffOp) -> Option<Span> + Copy,
) -> impl Iterator<Item = Span> + Clone {
    ops.iter().filter(move |op| op.op == tag).filter_map(side)
}

/// Whether `text` holds one of “ " „ « », found by their UTF-8 bytes
/// (E2 80 9C, 22, E2 80 9E, C2 AB, C2 BB). Eight bytes are asked at once
/// whether one is '"' or not ASCII: only such a block is looked at byte
/// by byte, and a paragraph without quotes (most of a book) is passed
/// over at a few instructions per eight bytes.
fn has_quote_mark(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut block = 0;
    let none = ascii::each_word(bytes, |word| {
        let start = block * 8;
        block += 1;
        let maybe = (word & ascii::HIGH) | ascii::equal(word, b'"');
        maybe == 0 || !(start..(start + 8).min(bytes.len())).any(|i| quote_mark_at(bytes, i))
    });
    !none
}

/// Whether a quotation mark of [`has_quote_mark`] starts at byte `i`.
fn quote_mark_at(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(b'"') => true,
        Some(0xE2) => {
            bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0x9C | 0x9E))
        }
        Some(0xC2) => matches!(bytes.get(i + 1), Some(0xAB | 0xBB)),
        _ => false,
    }
}

/// Pairs differing facts of one kind: names by spelling likeness, then
/// whatever is left in reading order when both sides have the same small
/// number of them. A name so left over must also stand in the same place
/// as its partner, both opening or both closing one change ("Witkoff
/// said" → "Kushner said"), or be spelled alike ("Elias" → "Elia", which
/// is too loose a likeness to group facts by): two unlike names that
/// merely come in the same order ("Zelensky" and "US", on the seeds) are
/// no changed fact.
fn pair_up(kind: FactKind, left: &[&Found], right: &[&Found], pair: &PairEvidence) -> Vec<Callout> {
    let callout = |l: &Found, r: &Found| Callout {
        kind,
        left: Span::new(l.unit, l.spot.range.start, l.spot.range.end),
        right: Span::new(r.unit, r.spot.range.start, r.spot.range.end),
    };
    let mut out = Vec::new();
    let mut used_left = vec![false; left.len()];
    let mut used_right = vec![false; right.len()];
    if kind == FactKind::Name {
        let read =
            |f: &&Found| -> Vec<NameWord> { f.spot.value.split(' ').map(NameWord::of).collect() };
        let right_words: Vec<Vec<NameWord>> = right.iter().map(read).collect();
        for (i, l) in left.iter().enumerate() {
            let words = read(l);
            let found = right
                .iter()
                .enumerate()
                .find(|(j, _)| !used_right[*j] && same_name_read(&words, &right_words[*j]));
            if let Some((j, r)) = found {
                used_left[i] = true;
                used_right[j] = true;
                if differs(kind, l, r, pair) {
                    out.push(callout(l, r));
                }
            }
        }
    }
    let rest_left: Vec<&Found> = left
        .iter()
        .zip(&used_left)
        .filter(|(_, u)| !**u)
        .map(|(f, _)| *f)
        .collect();
    let rest_right: Vec<&Found> = right
        .iter()
        .zip(&used_right)
        .filter(|(_, u)| !**u)
        .map(|(f, _)| *f)
        .collect();
    if rest_left.len() == rest_right.len() && rest_left.len() <= MAX_PAIRED_IN_ORDER {
        for (l, r) in rest_left.iter().zip(&rest_right) {
            let in_place = kind != FactKind::Name
                || l.place.matches(r.place)
                || spelled_alike(&l.spot.value, &r.spot.value);
            if in_place && differs(kind, l, r, pair) {
                out.push(callout(l, r));
            }
        }
    }
    out
}

/// Whether two values of a fact say different things. In a pair with a
/// German side, a name and its genitive ("Joram" → "Jorams", "Davids" →
/// "David") are one name: German adds -s to a name that ends in a
/// consonant. After a vowel the -s form is as often an older spelling
/// ("Moses" → "Mose", "Elias" → "Elia") as a genitive ("Galiläa" →
/// "Galiläas"), and so is a Latin case ("Jesus" → "Jesu"); which one it
/// is, the side that writes it tells (see [`PairEvidence::inflects`]).
fn differs(kind: FactKind, left: &Found, right: &Found, pair: &PairEvidence) -> bool {
    let (a, b) = (left.spot.value.as_str(), right.spot.value.as_str());
    let genitive = |long: &str, short: &str| {
        long.strip_suffix('s') == Some(short)
            && short
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_alphabetic() && !"aeiouysxz".contains(c))
    };
    // Word by word, so "Jesus Christus" → "Jesu Christi" is one name too.
    let inflected = |side: usize, form: &str, base: &str| {
        let (forms, bases) = (form.split_whitespace(), base.split_whitespace());
        forms.clone().count() == bases.clone().count()
            && forms
                .zip(bases)
                .all(|(f, b)| f == b || pair.inflects(side, f, b))
    };
    let one_name = || {
        genitive(a, b)
            || genitive(b, a)
            || inflected(LEFT, left.written, right.written)
            || inflected(RIGHT, right.written, left.written)
    };
    a != b && !(kind == FactKind::Name && pair.has_german() && one_name())
}

/// Whether two folded names differ in fewer than half the characters of
/// the longer ("sadok"/"zadok", "abia"/"abijah"; not "you"/"thou").
fn spelled_alike(a: &str, b: &str) -> bool {
    let longer = a.chars().count().max(b.chars().count());
    2 * edit_distance(a, b) < longer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_marks_are_found_by_their_bytes() {
        let marks = ['“', '"', '„', '«', '»'];
        for filler in [
            "",
            "a",
            "ab",
            "abc",
            "Trump’s «",
            "—",
            "x".repeat(30).as_str(),
        ] {
            for tail in [
                "plain text",
                "“quoted”",
                "it said \"so\"",
                "„so“",
                "«так»",
                "’‘—–”",
            ] {
                let text = format!("{filler}{tail}");
                assert_eq!(has_quote_mark(&text), text.contains(marks), "{text}");
            }
        }
    }

    /// The callouts of an alignment as (kind, left text, right text).
    fn called_out(left: &str, right: &str) -> Vec<(FactKind, String, String)> {
        let parse = |text| crate::article::parse_article("t", "t", text);
        let alignment = crate::align::align(&parse(left), &parse(right), Default::default());
        let text = |units: &[Unit], s: Span| units[s.unit()].text[s.range()].to_string();
        alignment
            .groups
            .iter()
            .flat_map(|g| &g.callouts)
            .map(|c| {
                let left = text(&alignment.left, c.left);
                (c.kind, left, text(&alignment.right, c.right))
            })
            .collect()
    }

    /// The left and right texts of callouts, as [`called_out`] gives them.
    fn texts(callouts: &[(FactKind, String, String)]) -> Vec<(&str, &str)> {
        callouts
            .iter()
            .map(|(_, l, r)| (l.as_str(), r.as_str()))
            .collect()
    }

    #[test]
    fn a_minus_sign_that_came_or_went_is_called_out() {
        // The diff marks only the sign; the number on the other side is
        // found at the same place, whichever side has the sign.
        let cases = [
            (
                "Temperatures fell to −10 degrees on Monday, the agency said.",
                "Temperatures fell to 10 degrees on Monday, the agency said.",
                ("−10", "10"),
            ),
            (
                "Growth was 5 percent last year, the ministry said.",
                "Growth was -5 percent last year, the ministry said.",
                ("5 percent", "-5 percent"),
            ),
        ];
        for (left, right, (was, now)) in cases {
            let expected = vec![(FactKind::Number, was.to_string(), now.to_string())];
            assert_eq!(called_out(left, right), expected);
            let swapped = vec![(FactKind::Number, now.to_string(), was.to_string())];
            assert_eq!(called_out(right, left), swapped);
        }
        // A hyphen inside a range is no sign: "5-7" → "5-8" changes the 7.
        let callouts = called_out(
            "Prices rose 5-7 percent in the spring, the office said.",
            "Prices rose 5-8 percent in the spring, the office said.",
        );
        assert!(
            callouts.iter().all(|(_, l, _)| !l.starts_with('-')),
            "{callouts:?}"
        );
    }

    #[test]
    fn german_nouns_of_short_verses_are_not_called_out_as_names() {
        // Verse 3 is too short to show a German function word: read on
        // its own it looked English, and "Früchte" → "Frucht" was called
        // out as a changed name. The side is German, and the pair shows
        // "Früchte" as a noun ("die Früchte") and "Nazareth" as a name
        // ("nach Nazareth").
        let left = "Und er kam nach Nazareth und wohnte dort mit den Jüngern.\n\n\
            Die Früchte des Baumes sind gut, und das ist nicht schlecht.\n\n\
            Bringt Früchte zum Fest!\n\n\
            Er zog nach Kapernaum und lehrte die Leute am Sabbat.";
        let right = "Und er kam nach Nazaret und wohnte dort mit den Jüngern.\n\n\
            Die Frucht des Baumes ist gut, und das ist nicht schlecht.\n\n\
            Bringt Frucht zum Fest!\n\n\
            Er zog nach Kapernaum und lehrte die Leute am Sabbat.";
        let callouts = called_out(left, right);
        let name = |l: &str, r: &str| (FactKind::Name, l.to_string(), r.to_string());
        assert!(
            callouts.contains(&name("Nazareth", "Nazaret")),
            "{callouts:?}"
        );
        assert!(
            !callouts.iter().any(|(_, l, _)| l.contains("Früchte")),
            "{callouts:?}"
        );
    }

    #[test]
    fn a_respelled_or_replaced_english_name_is_called_out() {
        // A spelling variant, and (who said it changed) one name taking
        // the other's place.
        for (left, right, expected) in [
            (
                "Steve Witkoff met the president in Berlin on Monday.",
                "Steve Whitcoff met the president in Berlin on Monday.",
                ("Witkoff", "Whitcoff"),
            ),
            (
                "The plan was welcomed in Berlin, Witkoff said on Monday.",
                "The plan was welcomed in Berlin, Kushner said on Monday.",
                ("Witkoff", "Kushner"),
            ),
        ] {
            let expected = (FactKind::Name, expected.0.into(), expected.1.into());
            assert_eq!(called_out(left, right), vec![expected]);
        }
    }

    #[test]
    fn unlike_names_in_the_same_order_are_no_changed_name() {
        // Seeds 000 and 003: names that merely come in the same order
        // ("Volodymyr Zelensky" → "US", "Donald Trump" → "Kiev") are no
        // changed name; a spelling variant in the same sentence still is.
        let callouts = called_out(
            "The issue will be discussed at a meeting in Berlin on Monday, December 15, \
             involving Ukrainian President Volodymyr Zelensky, advisers to U.S. President \
             Donald Trump – Steve Witkoff and Jared Kushner – and leaders of key European \
             countries.",
            "The proposal for “Article 5-type” guarantees was formulated in the context of \
             marathon consultations in Berlin, involving US special envoy Steve Whitcoff, US \
             President Jared Kushner’s adviser and son-in-law, as well as Ukrainian and \
             European officials. Washington is attempting to increase pressure on Kiev to \
             accept terms that could lead to an end to the war.",
        );
        let names = texts(&callouts);
        assert_eq!(names, vec![("Steve Witkoff", "Steve Whitcoff")]);
    }

    #[test]
    fn a_side_that_declines_a_name_gives_no_callout() {
        // The right side writes "Galiläa" and "Jesus" as its usual forms and
        // "Galiläas", "Jesu" as their cases; the left's "Moses" is its own
        // spelling (it never writes "Mose"), so that one is a change.
        let left = "Und Jesus ging wieder nach Galiläa, und die Leute folgten ihm.\n\n\
            Da sprach er zu Moses und zu den Jüngern, und sie hörten ihn.\n\n\
            Das sind die Worte von Jesus, und sie sind nicht schwer.\n\n\
            Er lehrte in den Städten von Galiläa und in den Dörfern am See.";
        let right = "Und Jesus ging wieder nach Galiläa, und die Leute folgten ihm.\n\n\
            Da sprach er zu Mose und zu den Jüngern, und sie hörten ihn.\n\n\
            Das sind die Worte Jesu, und sie sind nicht schwer.\n\n\
            Er lehrte in den Städten Galiläas und in den Dörfern am See.";
        let callouts = called_out(left, right);
        let names = texts(&callouts);
        assert_eq!(names, vec![("Moses", "Mose")]);
    }

    #[test]
    fn a_german_genitive_is_no_changed_name_but_an_older_spelling_is() {
        let left = "Und er ging mit Moses nach Jerusalem, und die Leute folgten ihm.\n\n\
            Das ist das Buch Davids, und es ist nicht schwer.\n\n\
            Da kam das Volk zu Moses und zu David.";
        let right = "Und er ging mit Mose nach Jerusalem, und die Leute folgten ihm.\n\n\
            Das ist das Buch von David, und es ist nicht schwer.\n\n\
            Da kam das Volk zu Mose und zu David.";
        let callouts = called_out(left, right);
        let names = texts(&callouts);
        assert!(names.contains(&("Moses", "Mose")), "{names:?}");
        assert!(!names.contains(&("Davids", "David")), "{names:?}");
    }
}
