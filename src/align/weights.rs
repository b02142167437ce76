//! Units → weighted bags of token ids. A token's weight is its rarity in
//! the two texts (inverse document frequency over units), raised for names
//! and numbers, which carry the facts of a story.

use std::collections::HashMap;

use super::hash::FastState;
use super::tokens::scan;
use super::units::Unit;

/// Extra weight for names and numbers: a shared "Witkoff" or "80%" says
/// more than a shared verb of the same rarity.
const NAME_BOOST: f64 = 1.5;
const NUMBER_BOOST: f64 = 1.5;

/// Statements shorter than this many tokens are too slight to be
/// evidence on their own ("he said.").
const MIN_STATEMENT_TOKENS: usize = 6;

/// A unit's distinct token ids (sorted) and their summed weight, and each
/// of its substantial statements (sentences and quotes) likewise.
#[derive(Debug, Clone, Default)]
pub struct Bag {
    pub ids: Vec<u32>,
    pub total: f64,
    pub statements: Vec<(Vec<u32>, f64)>,
}

/// The bags of both sides and the weight of every token id.
#[derive(Debug)]
pub struct Bags {
    pub left: Vec<Bag>,
    pub right: Vec<Bag>,
    pub weight: Vec<f64>,
    /// Per id, how many units hold it on the side where it is most common.
    pub df: Vec<u32>,
    /// Scorable units on the larger side: the N of the rarity formula.
    pub units: usize,
}

impl Bags {
    /// Builds bags for every unit; units that are not `scorable` (page
    /// furniture) get empty bags and count for no rarity. The two sides
    /// are tokenised in parallel, each with its own vocabulary; ids are
    /// then renumbered in key order so nothing depends on which side is
    /// left or which thread finished first.
    pub fn build(left: &[Unit], right: &[Unit], scorable: impl Fn(&Unit) -> bool + Sync) -> Self {
        let ((left_vocab, left_units), (right_vocab, right_units)) = std::thread::scope(|scope| {
            let handle = scope.spawn(|| tokenise_side(right, &scorable));
            let left = tokenise_side(left, &scorable);
            (
                left,
                handle
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            )
        });
        let (keys, left_map, right_map) = merge_vocabularies(&left_vocab, &right_vocab);
        let left_units = remap_side(left_units, &left_map);
        let right_units = remap_side(right_units, &right_map);
        let df_left = document_frequency(&left_units, keys.len());
        let df_right = document_frequency(&right_units, keys.len());
        let df: Vec<u32> = df_left
            .iter()
            .zip(&df_right)
            .map(|(a, b)| *a.max(b))
            .collect();
        let units = count_scorable(left, &scorable).max(count_scorable(right, &scorable));
        let mut flags = vec![(false, false); keys.len()];
        for (vocab, map) in [(&left_vocab, &left_map), (&right_vocab, &right_map)] {
            for (local, &global) in map.iter().enumerate() {
                let (name, number) = vocab.flags[local];
                flags[global as usize].0 |= name;
                flags[global as usize].1 |= number;
            }
        }
        let weight: Vec<f64> = df
            .iter()
            .zip(&flags)
            .map(|(&d, &(name, number))| rarity(units, d) * boost(name, number))
            .collect();
        let total = |ids: &[u32]| ids.iter().map(|&i| weight[i as usize]).sum::<f64>();
        let bag = |(ids, statements): Tokenised| Bag {
            total: total(&ids),
            statements: statements
                .into_iter()
                .map(|s| {
                    let t = total(&s);
                    (s, t)
                })
                .collect(),
            ids,
        };
        Bags {
            left: left_units.into_iter().map(bag).collect(),
            right: right_units.into_iter().map(bag).collect(),
            weight,
            df,
            units,
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

/// One side's token keys, interned in order of first sight.
#[derive(Default)]
struct Vocabulary {
    ids: HashMap<String, u32, FastState>,
    keys: Vec<String>,
    /// Per id: (ever a name, ever a number).
    flags: Vec<(bool, bool)>,
}

impl Vocabulary {
    fn intern(&mut self, key: &str, name: bool, number: bool) -> u32 {
        let id = match self.ids.get(key) {
            Some(&id) => id,
            None => {
                let id = self.keys.len() as u32;
                self.ids.insert(key.to_string(), id);
                self.keys.push(key.to_string());
                self.flags.push((false, false));
                id
            }
        };
        let flags = &mut self.flags[id as usize];
        flags.0 |= name;
        flags.1 |= number;
        id
    }
}

/// The sorted union of both vocabularies' keys, and for each side a map
/// from its local ids to positions in that union.
fn merge_vocabularies(left: &Vocabulary, right: &Vocabulary) -> (Vec<String>, Vec<u32>, Vec<u32>) {
    let mut keys: Vec<String> = left.keys.iter().chain(&right.keys).cloned().collect();
    keys.sort_unstable();
    keys.dedup();
    // Keys of one word's inflections share one id (see `closeness`).
    let class = super::closeness::classes(&keys, super::tokens::STEM_CHARS);
    let position = |key: &String| class[keys.binary_search(key).unwrap_or(0)];
    let left_map = left.keys.iter().map(position).collect();
    let right_map = right.keys.iter().map(position).collect();
    (keys, left_map, right_map)
}

/// A unit's token ids and its substantial statements' token ids.
type Tokenised = (Vec<u32>, Vec<Vec<u32>>);

fn tokenise_side(
    units: &[Unit],
    scorable: &impl Fn(&Unit) -> bool,
) -> (Vocabulary, Vec<Tokenised>) {
    let mut vocab = Vocabulary::default();
    let tokenised = units
        .iter()
        .map(|unit| {
            if !scorable(unit) {
                return Tokenised::default();
            }
            let mut ids = Vec::new();
            let mut statements: Vec<Vec<u32>> = Vec::new();
            scan(&unit.text, |statement, key, name, number| {
                let id = vocab.intern(key, name, number);
                ids.push(id);
                if statements.len() <= statement {
                    statements.resize(statement + 1, Vec::new());
                }
                statements[statement].push(id);
            });
            statements.retain(|s| s.len() >= MIN_STATEMENT_TOKENS);
            (ids, statements)
        })
        .collect();
    (vocab, tokenised)
}

fn remap_side(side: Vec<Tokenised>, map: &[u32]) -> Vec<Tokenised> {
    side.into_iter()
        .map(|(ids, statements)| {
            let statements = statements.into_iter().map(|s| remap_ids(s, map)).collect();
            (remap_ids(ids, map), statements)
        })
        .collect()
}

fn remap_ids(ids: Vec<u32>, map: &[u32]) -> Vec<u32> {
    let mut ids: Vec<u32> = ids.into_iter().map(|i| map[i as usize]).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

fn document_frequency(side: &[Tokenised], size: usize) -> Vec<u32> {
    let mut df = vec![0u32; size];
    for (ids, _) in side {
        for &id in ids {
            df[id as usize] += 1;
        }
    }
    df
}

fn count_scorable(units: &[Unit], scorable: &impl Fn(&Unit) -> bool) -> usize {
    units.iter().filter(|u| scorable(u)).count()
}
