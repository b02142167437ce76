//! Units → weighted bags of token ids. A token's weight is its rarity in
//! the two texts (inverse document frequency over units), raised for names
//! and numbers, which carry the facts of a story.

mod copies;
mod vocabulary;

use std::ops::Range;

use super::tokens::scan;
use super::units::Unit;
use crate::facts::german_enough;
use crate::parallel::{SPLIT_FROM_BYTES, join};
use copies::{NO_COPY, copies_of};
use vocabulary::Vocabulary;

/// Extra weight for names and numbers: a shared "Witkoff" or "80%" says
/// more than a shared verb of the same rarity.
const NAME_BOOST: f64 = 1.5;
const NUMBER_BOOST: f64 = 1.5;

/// Statements shorter than this many tokens are too slight to be
/// evidence on their own ("he said.").
const MIN_STATEMENT_TOKENS: usize = 6;

/// One side's bags: each unit's distinct token ids (sorted) and their
/// summed weight, and each of its substantial statements (sentences and
/// quotes) likewise. Every unit's ids lie in one flat list, not a vector
/// per unit: a book side is tens of thousands of units, whose vectors
/// were each a malloc and a free, scattered where scoring reads them.
#[derive(Debug, Clone, Default)]
pub struct SideBags {
    units: Vec<UnitBag>,
    /// Every unit's ids, then its kept statements' ids, unit by unit.
    ids: Vec<u32>,
    /// The kept statements: their ids' range in `ids` and their weight.
    statements: Vec<(Span, f64)>,
    /// Each unit's summed weight, apart from the rest: every overlap
    /// figure of a candidate pair reads two, and eight to a cache line
    /// they stay close at hand.
    totals: Vec<f64>,
}

/// A range of a flat list.
type Span = (usize, usize);

/// Where one unit's bag lies in its side's lists.
#[derive(Debug, Clone, Copy, Default)]
struct UnitBag {
    ids: Span,
    statements: Span,
    /// The unit is one statement from its first token to its last: that
    /// statement is the unit's own ids and total, not kept twice.
    whole: bool,
}

impl SideBags {
    /// How many units the side has.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Unit `unit`'s distinct ids, sorted (none past the end).
    pub fn ids(&self, unit: usize) -> &[u32] {
        self.units.get(unit).map_or(&[], |bag| self.slice(bag.ids))
    }

    /// Whether unit `unit` has a word to compare (page furniture and
    /// units past the end have none).
    pub fn has_words(&self, unit: usize) -> bool {
        self.units
            .get(unit)
            .is_some_and(|bag| bag.ids.0 < bag.ids.1)
    }

    /// Unit `unit`'s summed weight.
    pub fn total(&self, unit: usize) -> f64 {
        self.totals.get(unit).copied().unwrap_or(0.0)
    }

    /// Unit `unit`'s substantial statements: sorted ids and summed weight.
    pub fn statements(&self, unit: usize) -> impl Iterator<Item = (&[u32], f64)> {
        let bag = self.units.get(unit).copied().unwrap_or_default();
        let whole = bag.whole.then(|| (self.slice(bag.ids), self.total(unit)));
        let kept = self
            .kept_statements(&bag)
            .iter()
            .map(|&(ids, total)| (self.slice(ids), total));
        whole.into_iter().chain(kept)
    }

    /// How many statements [`Self::statements`] gives.
    pub fn statement_count(&self, unit: usize) -> usize {
        self.units.get(unit).map_or(0, |bag| {
            usize::from(bag.whole) + self.kept_statements(bag).len()
        })
    }

    /// Unit `unit` is one substantial statement and nothing else (a
    /// verse, a one-sentence paragraph): its best statement overlap with
    /// any unit is then its whole overlap, already known.
    pub fn is_one_statement(&self, unit: usize) -> bool {
        let Some(bag) = self.units.get(unit) else {
            return false;
        };
        bag.whole
            || matches!(self.kept_statements(bag), [(ids, _)] if ids.1 - ids.0 == bag.ids.1 - bag.ids.0)
    }

    /// The statements kept apart for a unit's bag (none when `whole`).
    fn kept_statements(&self, bag: &UnitBag) -> &[(Span, f64)] {
        self.statements
            .get(bag.statements.0..bag.statements.1)
            .unwrap_or_default()
    }

    fn slice(&self, (start, end): Span) -> &[u32] {
        self.ids.get(start..end).unwrap_or_default()
    }
}

/// The bags of both sides and the weight of every token id.
#[derive(Debug)]
pub struct Bags {
    pub left: SideBags,
    pub right: SideBags,
    pub weight: Vec<f64>,
    /// Per id, how many units hold it on the side where it is most common.
    pub df: Vec<u32>,
    /// Scorable units on the larger side: the N of the rarity formula.
    pub units: usize,
    /// Whether each side (left, right) reads as German as a whole, by
    /// its share of German function words: the callouts' name test needs
    /// it, and here every word is already read and interned, so it is a
    /// count over ids.
    pub german: [bool; 2],
    /// Per unit of each side (left, right), its one identical partner on
    /// the other side, or [`super::identical::NONE`].
    pub identical: (Vec<u32>, Vec<u32>),
}

impl Bags {
    /// Builds bags for every unit; units that are not `scorable` (page
    /// furniture) get empty bags and count for no rarity. The two sides
    /// are tokenised in parallel, each with its own vocabulary; ids are
    /// then renumbered in key order so nothing depends on which side is
    /// left or which thread finished first.
    pub fn build(left: &[Unit], right: &[Unit], scorable: impl Fn(&Unit) -> bool + Sync) -> Self {
        Self::build_reading(left, right, scorable, true)
    }

    /// [`Self::build`], reading a right unit the left side has word for
    /// word again when not `copy` (the tests hold both ways equal).
    fn build_reading(
        left: &[Unit],
        right: &[Unit],
        scorable: impl Fn(&Unit) -> bool + Sync,
        copy: bool,
    ) -> Self {
        let text_bytes: usize = left.iter().chain(right).map(|u| u.text.len()).sum();
        let split = text_bytes >= SPLIT_FROM_BYTES;
        // A right unit whose text a left one has word for word (most of
        // a revised draft) is not read again: its bag is the left one's.
        let ((left_vocab, left_side), (right_vocab, right_side)) = join(
            split,
            || tokenise_side(left, &scorable, Vec::new()),
            || {
                let copies = if copy {
                    copies_of(right, left, &scorable)
                } else {
                    Vec::new()
                };
                tokenise_side(right, &scorable, copies)
            },
        );
        let german = sides_german((&left_vocab, &left_side), (&right_vocab, &right_side));
        let (size, left_map, right_map) = vocabulary::merge(&left_vocab, &right_vocab);
        let remapped = |side: &Side, map: &[u32]| {
            let units = side.remap(map, (&left_side, &left_map));
            let df = document_frequency(&units, size);
            (units, df)
        };
        let ((left_units, df_left), (right_units, df_right)) = join(
            split,
            || remapped(&left_side, &left_map),
            || remapped(&right_side, &right_map),
        );
        let df: Vec<u32> = df_left
            .iter()
            .zip(&df_right)
            .map(|(a, b)| *a.max(b))
            .collect();
        let units = count_scorable(left, &scorable).max(count_scorable(right, &scorable));
        let mut flags = vec![(false, false); size];
        for (vocab, map) in [(&left_vocab, &left_map), (&right_vocab, &right_map)] {
            for (&(name, number), &global) in vocab.flags().iter().zip(map) {
                flags[global as usize].0 |= name;
                flags[global as usize].1 |= number;
            }
        }
        let weight: Vec<f64> = df
            .iter()
            .zip(&flags)
            .map(|(&d, &(name, number))| rarity(units, d) * boost(name, number))
            .collect();
        let (left, right) = join(
            split,
            || left_units.weighed(&weight),
            || right_units.weighed(&weight),
        );
        let identical = super::identical::partners(&left, &right);
        Bags {
            left,
            right,
            weight,
            df,
            units,
            german,
            identical,
        }
    }

    /// Summed weight of the ids two sorted lists share.
    pub fn shared(&self, a: &[u32], b: &[u32]) -> f64 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += self.weight[a[i] as usize];
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// Summed weight of a sorted id list.
    pub fn total(&self, ids: &[u32]) -> f64 {
        ids.iter().map(|&i| self.weight[i as usize]).sum()
    }
}

/// ln((N + 1) / df): near zero for words in every unit, highest for words
/// in one unit per side.
fn rarity(units: usize, df: u32) -> f64 {
    ((units as f64 + 1.0) / f64::from(df.max(1))).ln()
}

fn boost(name: bool, number: bool) -> f64 {
    if number {
        NUMBER_BOOST
    } else if name {
        NAME_BOOST
    } else {
        1.0
    }
}

/// One side tokenised: every unit's local token ids in text order, one
/// flat list, so tokenising allocates nothing per unit or statement.
#[derive(Default)]
struct Side {
    ids: Vec<u32>,
    /// Per unit, its ids' range in `ids` and its statements' in `statements`.
    units: Vec<(Range<usize>, Range<usize>)>,
    /// The substantial statements' ranges in `ids`.
    statements: Vec<Range<usize>>,
    /// Per unit, the left unit with the same text, whose tokens are its
    /// own ([`NO_COPY`] for a unit read here); empty on the left side.
    copies: Vec<u32>,
}

/// Whether each side (left, right) reads as German: its share of German
/// function words among all its tokens, a copied unit's counted as its
/// left source's.
fn sides_german(left: (&Vocabulary, &Side), right: (&Vocabulary, &Side)) -> [bool; 2] {
    let (left_function, right_function) = (left.0.function_words(), right.0.function_words());
    let count = |function: &[bool], ids: &[u32]| {
        let german = ids
            .iter()
            .filter(|&&id| function.get(id as usize).copied().unwrap_or(false))
            .count();
        (german, ids.len())
    };
    let (left_german, left_total) = count(&left_function, &left.1.ids);
    let (mut right_german, mut right_total) = count(&right_function, &right.1.ids);
    for &k in right.1.copies.iter().filter(|&&k| k != NO_COPY) {
        let range = left
            .1
            .units
            .get(k as usize)
            .map_or(0..0, |(ids, _)| ids.clone());
        let (german, total) = count(&left_function, left.1.ids.get(range).unwrap_or_default());
        right_german += german;
        right_total += total;
    }
    [
        german_enough(left_german, left_total),
        german_enough(right_german, right_total),
    ]
}

fn tokenise_side(
    units: &[Unit],
    scorable: &impl Fn(&Unit) -> bool,
    copies: Vec<u32>,
) -> (Vocabulary, Side) {
    let mut vocab = Vocabulary::default();
    let bytes: usize = units.iter().map(|u| u.text.len()).sum();
    let mut side = Side {
        // Room for a token per four bytes, more than prose holds (about
        // one per five or six): growing a book's list copied it onto
        // fresh pages, where room never written costs nothing.
        ids: Vec::with_capacity(bytes / 4),
        units: Vec::with_capacity(units.len()),
        statements: Vec::new(),
        copies,
    };
    for (index, unit) in units.iter().enumerate() {
        let (first_id, first_statement) = (side.ids.len(), side.statements.len());
        let copied = side.copies.get(index).is_some_and(|&k| k != NO_COPY);
        if scorable(unit) && !copied {
            let (ids, statements) = (&mut side.ids, &mut side.statements);
            // The statement being read: its number and its first token.
            let mut current = (0, first_id);
            scan(&unit.text, |statement, key, name, number| {
                if statement != current.0 {
                    push_statement(statements, current.1..ids.len());
                    current = (statement, ids.len());
                }
                ids.push(vocab.intern(key, name, number));
            });
            push_statement(statements, current.1..ids.len());
        }
        side.units.push((
            first_id..side.ids.len(),
            first_statement..side.statements.len(),
        ));
    }
    (vocab, side)
}

/// Keeps a statement long enough to be evidence on its own.
fn push_statement(statements: &mut Vec<Range<usize>>, range: Range<usize>) {
    if range.len() >= MIN_STATEMENT_TOKENS {
        statements.push(range);
    }
}

impl Side {
    /// Per unit, its distinct global ids and its statements', sorted, in
    /// one flat list; weights are summed later ([`SideBags::weighed`]).
    /// A copied unit's come from its unit of `source` (the left side and
    /// its map).
    fn remap(&self, map: &[u32], source: (&Side, &[u32])) -> SideBags {
        // Each unit as read: here, or its copy's source on the left.
        let read = |index: usize| {
            let copy = self.copies.get(index).copied().unwrap_or(NO_COPY);
            match source.0.units.get(copy as usize) {
                Some(copied) => (source.0, source.1, copied),
                None => (self, map, &self.units[index]),
            }
        };
        // Room for every token of the units and of their statements:
        // distinct ids are fewer.
        let tokens: usize = (0..self.units.len())
            .map(|index| {
                let (side, _, (unit, statements)) = read(index);
                let statements = side.statements.get(statements.clone()).unwrap_or_default();
                unit.len() + statements.iter().map(Range::len).sum::<usize>()
            })
            .sum();
        let mut bags = SideBags {
            units: Vec::with_capacity(self.units.len()),
            ids: Vec::with_capacity(tokens),
            statements: Vec::with_capacity(self.statements.len()),
            totals: Vec::new(),
        };
        let mut scratch = Vec::new();
        for index in 0..self.units.len() {
            let (side, map, (unit, statements)) = read(index);
            let ids = |range: &Range<usize>| side.ids.get(range.clone()).unwrap_or_default();
            let statements = side.statements.get(statements.clone()).unwrap_or_default();
            let whole = matches!(statements, [only] if only == unit);
            let unit_ids = push_remapped(&mut bags.ids, ids(unit), map, &mut scratch);
            let first_statement = bags.statements.len();
            if !whole {
                for statement in statements {
                    let span = push_remapped(&mut bags.ids, ids(statement), map, &mut scratch);
                    bags.statements.push((span, 0.0));
                }
            }
            bags.units.push(UnitBag {
                ids: unit_ids,
                statements: (first_statement, bags.statements.len()),
                whole,
            });
        }
        bags
    }
}

impl SideBags {
    /// The bags with their units' and statements' weights summed.
    fn weighed(mut self, weight: &[f64]) -> Self {
        let total = |ids: &[u32]| ids.iter().map(|&i| weight[i as usize]).sum::<f64>();
        self.totals = (0..self.len()).map(|unit| total(self.ids(unit))).collect();
        for k in 0..self.statements.len() {
            let (span, _) = self.statements[k];
            self.statements[k].1 = total(self.slice(span));
        }
        self
    }
}

/// Appends `ids` mapped through `map`, distinct and sorted, to `out`;
/// their range there.
fn push_remapped(out: &mut Vec<u32>, ids: &[u32], map: &[u32], scratch: &mut Vec<u32>) -> Span {
    scratch.clear();
    scratch.extend(ids.iter().map(|&i| map[i as usize]));
    scratch.sort_unstable();
    scratch.dedup();
    let start = out.len();
    out.extend_from_slice(scratch);
    (start, out.len())
}

fn document_frequency(side: &SideBags, size: usize) -> Vec<u32> {
    let mut df = vec![0u32; size];
    for unit in 0..side.len() {
        for &id in side.ids(unit) {
            df[id as usize] += 1;
        }
    }
    df
}

fn count_scorable(units: &[Unit], scorable: &impl Fn(&Unit) -> bool) -> usize {
    units.iter().filter(|u| scorable(u)).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Granularity;
    use crate::align::units::units_of;
    use crate::article::parse_article;

    fn units(text: &str) -> Vec<Unit> {
        units_of(&parse_article("t", "t", text), Granularity::Paragraph)
    }

    #[test]
    fn sides_read_as_german_by_their_function_words() {
        let german = units(
            "Und er ging hinaus.\n\nDa sprach er zu ihnen: Folget mir nach.\n\n\
             Die Früchte des Feldes sind reif, und das ist gut.",
        );
        let english =
            units("And he went out.\n\nThe fruits of the field are ripe, and that is good.");
        let bags = Bags::build(&german, &english, |_| true);
        assert_eq!(bags.german, [true, false]);
        let bags = Bags::build(&english, &german, |_| true);
        assert_eq!(bags.german, [false, true]);
        // A German quote in an English story does not make the side German.
        let quoting = units(
            "The chancellor spoke at length about the budget, the army and the coming \
             election, which the opposition expects to win by a wide margin.\n\n\
             Asked about the border, he listed the crossings that will close in spring and \
             the ones that stay open for trade, as the ministry had announced last week.\n\n\
             Officials from both parties met again on Tuesday to go over the figures, and \
             several of them left the meeting early without speaking to reporters.\n\n\
             He said only one thing in German: „Das ist nicht gut.“",
        );
        assert_eq!(
            Bags::build(&quoting, &english, |_| true).german,
            [false, false]
        );
    }

    /// A right side that repeats many left paragraphs word for word
    /// (some of them page furniture, some German), in another order and
    /// among its own: the bags, weights, German reading and identical
    /// partners are those of reading every paragraph.
    #[test]
    fn copied_units_bag_as_if_read() {
        const PARAGRAPHS: &[&str] = &[
            "The envoy said 80% of the talks were “not for sale at all”, officials said.",
            "Und er ging hinaus. Da sprach er zu ihnen: Folget mir nach, und das ist gut.",
            "Subscribe to our newsletter.",
            "Kyiv and Washington met again on Tuesday. The plan has 20 points.",
            "NATO’s allies signed the U.S. draft; Zelensky’s office did not comment.",
            "Die Früchte des Feldes sind reif, und der Mann sagte nicht viel dazu.",
            "A short one.",
        ];
        let (mut seed, mut copies) = (5, 0);
        for round in 0..40 {
            let mut pick = |n: usize| {
                (0..n)
                    .map(|i| {
                        let k = (crate::test_rng::next(&mut seed) >> 33) as usize;
                        let base = PARAGRAPHS[k % PARAGRAPHS.len()];
                        // Some paragraphs the other side has, some its own.
                        if k.is_multiple_of(3) {
                            format!("{base} ({round}.{i})")
                        } else {
                            base.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n\n")
            };
            let (left, right) = (units(&pick(9)), units(&pick(12)));
            let story = |u: &Unit| u.kind.is_story();
            copies += copies_of(&right, &left, &story)
                .iter()
                .filter(|&&k| k != NO_COPY)
                .count();
            let (copied, read) = (
                Bags::build_reading(&left, &right, story, true),
                Bags::build_reading(&left, &right, story, false),
            );
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&copied.weight), bits(&read.weight));
            assert_eq!(copied.df, read.df);
            assert_eq!(copied.german, read.german);
            assert_eq!(copied.identical, read.identical);
            for (a, b) in [(&copied.left, &read.left), (&copied.right, &read.right)] {
                assert_eq!(a.len(), b.len());
                for unit in 0..a.len() {
                    assert_eq!(a.ids(unit), b.ids(unit));
                    assert_eq!(a.total(unit).to_bits(), b.total(unit).to_bits());
                    let statements = |side: &SideBags| -> Vec<(Vec<u32>, u64)> {
                        side.statements(unit)
                            .map(|(ids, total)| (ids.to_vec(), total.to_bits()))
                            .collect()
                    };
                    assert_eq!(statements(a), statements(b));
                }
            }
        }
        assert!(copies > 100, "{copies} units copied");
    }
}
