//! Units → weighted bags of token ids. A token's weight is its rarity in
//! the two texts (inverse document frequency over units), raised for names
//! and numbers, which carry the facts of a story.

use std::collections::HashMap;

use super::tokens::{key_tokens, statements};
use super::units::Unit;

/// Extra weight for names and numbers: a shared "Witkoff" or "80%" says
/// more than a shared verb of the same rarity.
const NAME_BOOST: f64 = 1.5;
const NUMBER_BOOST: f64 = 1.5;

/// Statements shorter than this many tokens are too slight to be
/// evidence on their own ("he said.").
const MIN_STATEMENT_TOKENS: usize = 6;

/// A unit's distinct token ids (sorted) and their summed weight, and the
/// ids of each of its substantial statements (sentences and quotes).
#[derive(Debug, Clone, Default)]
pub struct Bag {
    pub ids: Vec<u32>,
    pub total: f64,
    pub statements: Vec<Vec<u32>>,
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
    /// furniture) get empty bags and count for no rarity.
    pub fn build(left: &[Unit], right: &[Unit], scorable: impl Fn(&Unit) -> bool) -> Self {
        let mut vocab = Vocabulary::default();
        let left_ids = tokenise_side(left, &scorable, &mut vocab);
        let right_ids = tokenise_side(right, &scorable, &mut vocab);
        let remap = vocab.sorted_ids();
        let left_ids = remap_side(left_ids, &remap);
        let right_ids = remap_side(right_ids, &remap);
        let size = remap.len();
        let df_left = document_frequency(&left_ids, size);
        let df_right = document_frequency(&right_ids, size);
        let df: Vec<u32> = df_left
            .iter()
            .zip(&df_right)
            .map(|(a, b)| *a.max(b))
            .collect();
        let units = count_scorable(left, &scorable).max(count_scorable(right, &scorable));
        let mut flags = vec![(false, false); size];
        for (old, new) in remap.iter().enumerate() {
            flags[*new as usize] = vocab.flags[old];
        }
        let weight: Vec<f64> = df
            .iter()
            .zip(&flags)
            .map(|(&d, &(name, number))| rarity(units, d) * boost(name, number))
            .collect();
        let bag = |(ids, statements): Tokenised| Bag {
            total: ids.iter().map(|&i| weight[i as usize]).sum(),
            ids,
            statements,
        };
        Bags {
            left: left_ids.into_iter().map(bag).collect(),
            right: right_ids.into_iter().map(bag).collect(),
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

/// Interns token keys; ids are later renumbered in key order so that the
/// result does not depend on which side was read first.
#[derive(Default)]
struct Vocabulary {
    ids: HashMap<String, u32>,
    keys: Vec<String>,
    /// Per provisional id: (ever a name, ever a number).
    flags: Vec<(bool, bool)>,
}

impl Vocabulary {
    fn intern(&mut self, key: String, name: bool, number: bool) -> u32 {
        let id = match self.ids.get(&key) {
            Some(&id) => id,
            None => {
                let id = self.keys.len() as u32;
                self.ids.insert(key.clone(), id);
                self.keys.push(key);
                self.flags.push((false, false));
                id
            }
        };
        let flags = &mut self.flags[id as usize];
        flags.0 |= name;
        flags.1 |= number;
        id
    }

    /// Provisional id → final id, final ids following key order.
    fn sorted_ids(&self) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.keys.len() as u32).collect();
        order.sort_by(|a, b| self.keys[*a as usize].cmp(&self.keys[*b as usize]));
        let mut remap = vec![0; order.len()];
        for (new, old) in order.into_iter().enumerate() {
            remap[old as usize] = new as u32;
        }
        remap
    }
}

/// A unit's token ids and its substantial statements' token ids.
type Tokenised = (Vec<u32>, Vec<Vec<u32>>);

fn tokenise_side(
    units: &[Unit],
    scorable: &impl Fn(&Unit) -> bool,
    vocab: &mut Vocabulary,
) -> Vec<Tokenised> {
    units
        .iter()
        .map(|unit| {
            if !scorable(unit) {
                return Tokenised::default();
            }
            let mut ids = Vec::new();
            let mut long_statements = Vec::new();
            for statement in statements(&unit.text) {
                let statement_ids: Vec<u32> = key_tokens(statement)
                    .into_iter()
                    .map(|t| vocab.intern(t.key, t.name, t.number))
                    .collect();
                ids.extend_from_slice(&statement_ids);
                if statement_ids.len() >= MIN_STATEMENT_TOKENS {
                    long_statements.push(statement_ids);
                }
            }
            (ids, long_statements)
        })
        .collect()
}

fn remap_side(side: Vec<Tokenised>, remap: &[u32]) -> Vec<Tokenised> {
    side.into_iter()
        .map(|(ids, statements)| {
            let statements = statements
                .into_iter()
                .map(|s| remap_ids(s, remap))
                .collect();
            (remap_ids(ids, remap), statements)
        })
        .collect()
}

fn remap_ids(ids: Vec<u32>, remap: &[u32]) -> Vec<u32> {
    let mut ids: Vec<u32> = ids.into_iter().map(|i| remap[i as usize]).collect();
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
