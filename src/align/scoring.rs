//! Scoring candidate pairs: the weight two units share, and the best
//! overlap of one statement of each. Pairs come sorted by left unit, so
//! each left unit's ids are marked once in a table indexed by token id
//! (one bit for the unit, one per statement) and every partner is then a
//! single pass over its own ids, with no sorted-list merges. Shared
//! weights are summed in increasing id order, exactly as a merge of the
//! two sorted lists would, so the scores are the same to the last bit.

use super::candidates::{Pair, dice};
use super::weights::Bags;
use crate::parallel::for_each_chunk_mut;

/// Pairs per chunk handed to a worker.
const PAIRS_PER_CHUNK: usize = 4096;

/// Pairs overlapping less than this are not searched for shared statements.
const LOCAL_MIN_DICE: f64 = 0.08;

/// Statements of the marked unit that have a bit each; a unit with more
/// is scored by merging lists (rare: a unit of 32 long sentences).
const MARKED_STATEMENTS: usize = 31;

/// Scores every pair in place, on all cores.
pub fn score_in_parallel(bags: &Bags, pairs: &mut [Pair]) {
    for_each_chunk_mut(
        pairs,
        PAIRS_PER_CHUNK,
        || Marks::new(bags.weight.len()),
        |marks, chunk| score_all(bags, marks, chunk),
    );
}

/// One worker's id tables and per-statement sums.
struct Marks {
    /// Per id, its weight if the marked unit holds it, else zero: a
    /// pair's shared weight is then a plain sum over the right unit's ids,
    /// with no branch to mispredict on every other id. Adding +0.0 leaves
    /// a sum unchanged to the bit, so it equals the sum over shared ids.
    weights: Vec<f64>,
    /// Per id, a bit for each of the marked unit's statements holding it.
    bits: Vec<u32>,
    marked: Option<usize>,
    sums: Vec<f64>,
    /// The marked unit's statements' weights, in order (when it has few
    /// enough to mark): read for every statement of every partner, so
    /// taken from the bags once.
    totals: Vec<f64>,
}

impl Marks {
    fn new(ids: usize) -> Self {
        Marks {
            weights: vec![0.0; ids],
            bits: vec![0; ids],
            marked: None,
            sums: vec![0.0; MARKED_STATEMENTS],
            totals: Vec::with_capacity(MARKED_STATEMENTS),
        }
    }

    /// Marks left unit `left`'s ids (and its statements' when it has few
    /// enough), unmarking the previous unit's.
    fn mark(&mut self, bags: &Bags, left: usize) {
        if self.marked == Some(left) {
            return;
        }
        if let Some(previous) = self.marked.take() {
            for &id in bags.left.ids(previous) {
                self.weights[id as usize] = 0.0;
                self.bits[id as usize] = 0;
            }
        }
        for &id in bags.left.ids(left) {
            self.weights[id as usize] = bags.weight[id as usize];
        }
        self.totals.clear();
        if bags.left.statement_count(left) <= MARKED_STATEMENTS {
            for (k, (ids, total)) in bags.left.statements(left).enumerate() {
                for &id in ids {
                    self.bits[id as usize] |= 1 << k;
                }
                self.totals.push(total);
            }
        }
        self.marked = Some(left);
    }
}

fn score_all(bags: &Bags, marks: &mut Marks, pairs: &mut [Pair]) {
    for p in pairs {
        marks.mark(bags, p.left());
        let (left, right) = (p.left(), p.right());
        p.shared = bags
            .right
            .ids(right)
            .iter()
            .fold(0.0, |sum, &id| sum + marks.weights[id as usize]);
        let overlap = dice(p.shared, bags.left.total(left), bags.right.total(right));
        if overlap >= LOCAL_MIN_DICE {
            p.local = if bags.left.is_one_statement(left) && bags.right.is_one_statement(right) {
                // One statement a side, each its whole unit: the same ids
                // summed in the same order, so the same Dice to the bit.
                overlap
            } else if bags.left.statement_count(left) <= MARKED_STATEMENTS {
                best_statement_dice_marked(bags, marks, right)
            } else {
                best_statement_dice(bags, left, right)
            };
        }
    }
}

/// The best Dice overlap of a statement of the marked unit with one of
/// `right`'s.
fn best_statement_dice_marked(bags: &Bags, marks: &mut Marks, right: usize) -> f64 {
    let Marks {
        bits, sums, totals, ..
    } = marks;
    let sums = &mut sums[..totals.len()];
    let mut best: f64 = 0.0;
    for (t, t_total) in bags.right.statements(right) {
        sums.fill(0.0);
        for &id in t {
            let mut bits = bits[id as usize];
            while bits != 0 {
                sums[bits.trailing_zeros() as usize] += bags.weight[id as usize];
                bits &= bits - 1;
            }
        }
        for (sum, &s_total) in sums.iter().zip(totals.iter()) {
            best = best.max(dice(*sum, s_total, t_total));
        }
    }
    best
}

/// [`best_statement_dice_marked`] by merging sorted lists, for units with
/// too many statements to mark.
fn best_statement_dice(bags: &Bags, left: usize, right: usize) -> f64 {
    let mut best: f64 = 0.0;
    for (s, s_total) in bags.left.statements(left) {
        for (t, t_total) in bags.right.statements(right) {
            best = best.max(dice(bags.shared(s, t), s_total, t_total));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Granularity;
    use crate::align::candidates::Pair;
    use crate::align::units::units_of;
    use crate::article::parse_article;

    /// Paragraphs of one to three sentences (some with a quote) over a
    /// small vocabulary, so units share words, statements and whole
    /// sentences in every combination.
    fn paragraphs(seed: &mut u64) -> String {
        const WORDS: &[&str] = &[
            "army",
            "border",
            "council",
            "Kyiv",
            "talks",
            "plan",
            "peace",
            "votes",
            "Smith",
            "guarantee",
            "region",
            "said",
            "signed",
            "month",
            "treaty",
            "envoy",
        ];
        let mut next = |bound: u64| (crate::test_rng::next(seed) >> 33) % bound;
        let mut text = Vec::new();
        for _ in 0..30 {
            let sentences: Vec<String> = (0..1 + next(3))
                .map(|_| {
                    let words: Vec<&str> = (0..4 + next(9))
                        .map(|_| WORDS[next(WORDS.len() as u64) as usize])
                        .collect();
                    match next(4) {
                        0 => format!("“{}”, the envoy said.", words.join(" ")),
                        _ => format!("The {}.", words.join(" ")),
                    }
                })
                .collect();
            text.push(sentences.join(" "));
        }
        text.join("\n\n")
    }

    #[test]
    fn statement_overlaps_are_those_of_merged_lists() {
        let mut seed = 7;
        for _ in 0..5 {
            let side = |seed: &mut u64| {
                units_of(
                    &parse_article("t", "t", &paragraphs(seed)),
                    Granularity::Paragraph,
                )
            };
            let (left, right) = (side(&mut seed), side(&mut seed));
            let bags = Bags::build(&left, &right, |_| true);
            let mut pairs: Vec<Pair> = (0..left.len())
                .flat_map(|l| (0..right.len()).map(move |r| Pair::at(l, r)))
                .collect();
            score_in_parallel(&bags, &mut pairs);
            let mut one_statement = 0;
            for p in &pairs {
                let (l, r) = (p.left(), p.right());
                let shared = bags.shared(bags.left.ids(l), bags.right.ids(r));
                assert_eq!(p.shared.to_bits(), shared.to_bits());
                let expected = if bags.dice(p) >= LOCAL_MIN_DICE {
                    best_statement_dice(&bags, p.left(), p.right())
                } else {
                    0.0
                };
                assert_eq!(
                    p.local.to_bits(),
                    expected.to_bits(),
                    "{:?}",
                    (p.left(), p.right())
                );
                one_statement +=
                    usize::from(bags.left.is_one_statement(l) && bags.right.is_one_statement(r));
            }
            assert!(one_statement > 0 && one_statement < pairs.len());
        }
    }
}
