//! Clustering candidates into facts and facts into variants. Clusters are
//! the connected components of a symmetric "same fact" relation, so the
//! result does not depend on the order of the articles.
//!
//! The relation is only tested on pairs that can satisfy it: each kind
//! says how through a [`Blocking`] (shared keys such as a consonant
//! skeleton, or enough shared words, found through an inverted index with
//! prefix filtering), so grouping costs about the number of plausible
//! pairs rather than the square of the number of mentions.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::collect::Candidate;
use super::{Mention, Variant};

/// Disjoint sets over `0..n`.
struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// Which pairs of candidates can be related at all; every other pair is
/// skipped. Each variant must be sound for its relation: whenever the
/// relation holds, the pair is among those compared.
pub enum Blocking<'f> {
    /// Only candidates that share one of these keys.
    Keys(&'f dyn Fn(&Candidate) -> Vec<String>),
    /// Candidates whose token sets (each deduplicated) share at least
    /// `share` of *both* sets' tokens (Jaccard-like relations: a Jaccard
    /// of `t` implies this with `share = t`).
    Overlap {
        tokens: &'f dyn Fn(&Candidate) -> Vec<String>,
        share: f64,
    },
    /// Candidates sharing at least `share` of the *smaller* token set
    /// (containment-like relations).
    Contained {
        tokens: &'f dyn Fn(&Candidate) -> Vec<String>,
        share: f64,
    },
}

#[cfg(test)]
thread_local! {
    /// Tests compare every pair, to check that blocking loses nothing.
    pub static EXHAUSTIVE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Groups candidates: equal `cluster` keys always share a group, and two
/// key groups join when `related` holds for any pair of their members
/// (among the pairs `blocking` lets through).
pub fn clusters<'a>(
    candidates: &[&'a Candidate],
    blocking: Blocking,
    related: impl Fn(&Candidate, &Candidate) -> bool,
) -> Vec<Vec<&'a Candidate>> {
    let mut by_key: BTreeMap<&str, Vec<&'a Candidate>> = BTreeMap::new();
    for c in candidates {
        by_key.entry(c.cluster.as_str()).or_default().push(c);
    }
    let keyed: Vec<Vec<&'a Candidate>> = by_key.into_values().collect();
    // Members with the same words in the same article relate alike:
    // compare one of each. `reps[r]` = (key group, candidate).
    let mut reps: Vec<(usize, &Candidate)> = Vec::new();
    for (group, members) in keyed.iter().enumerate() {
        let mut seen: HashSet<(&[String], usize)> = HashSet::new();
        for c in members {
            if seen.insert((c.words.as_slice(), c.mention.article)) {
                reps.push((group, c));
            }
        }
    }
    let mut sets = UnionFind((0..keyed.len()).collect());
    // Components do not depend on the order pairs come in (a set's root
    // is its lowest index), so pairs are taken as they are found.
    for_each_plausible_pair(&reps, &blocking, |x, y| {
        let ((gx, cx), (gy, cy)) = (reps[x], reps[y]);
        if sets.find(gx) != sets.find(gy) && related(cx, cy) {
            sets.union(gx, gy);
        }
    });
    let mut groups: BTreeMap<usize, Vec<&'a Candidate>> = BTreeMap::new();
    for (i, members) in keyed.into_iter().enumerate() {
        groups.entry(sets.find(i)).or_default().extend(members);
    }
    groups.into_values().collect()
}

/// Calls `visit(x, y)` for every pair of representatives in different
/// key groups that the blocking lets through, each pair once, `x < y`.
///
/// Pairs are handed over as they are found, never collected: two
/// articles of a thousand look-alike sentences ("Yesterday … met 98% of
/// voters.") let millions of pairs through, and a set of them all took
/// gigabytes and most of the time.
fn for_each_plausible_pair(
    reps: &[(usize, &Candidate)],
    blocking: &Blocking,
    mut visit: impl FnMut(usize, usize),
) {
    #[cfg(test)]
    if EXHAUSTIVE.with(std::cell::Cell::get) {
        for x in 0..reps.len() {
            for y in (x + 1..reps.len()).filter(|&y| reps[x].0 != reps[y].0) {
                visit(x, y);
            }
        }
        return;
    }
    let candidates: Vec<&Candidate> = reps.iter().map(|(_, c)| *c).collect();
    // With the same keys probed as indexed, a pair is found from both of
    // its ends: taking it only from its lower one takes it once.
    let (probe, index, symmetric) = match blocking {
        Blocking::Keys(keys) => {
            let keys: Vec<Vec<String>> = candidates.iter().map(|c| keys(c)).collect();
            (keys.clone(), keys, true)
        }
        Blocking::Overlap { tokens, share } => {
            let sets = token_sets(&candidates, *tokens);
            let prefixes = prefixes(&sets, *share);
            (prefixes.clone(), prefixes, true)
        }
        Blocking::Contained { tokens, share } => {
            let sets = token_sets(&candidates, *tokens);
            (prefixes(&sets, *share), sets, false)
        }
    };
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (r, keys) in index.iter().enumerate() {
        for key in keys {
            postings.entry(key.as_str()).or_default().push(r);
        }
    }
    // Per representative, the last `x` it was found for: a pair sharing
    // several keys is visited once.
    let mut last_seen = vec![usize::MAX; reps.len()];
    // Whether `y`'s own probe finds `x` (then `y`, the lower, took it).
    let found_from = |y: usize, x: usize| {
        let keys = index.get(x).map_or(&[][..], Vec::as_slice);
        probe
            .get(y)
            .is_some_and(|probed| probed.iter().any(|k| keys.binary_search(k).is_ok()))
    };
    for (x, keys) in probe.iter().enumerate() {
        for &y in keys.iter().flat_map(|k| postings.get(k.as_str())).flatten() {
            if y == x || reps[x].0 == reps[y].0 || last_seen[y] == x {
                continue;
            }
            last_seen[y] = x;
            if y > x {
                visit(x, y);
            } else if !symmetric && !found_from(y, x) {
                visit(y, x);
            }
        }
    }
}

/// Each candidate's tokens, deduplicated.
fn token_sets(
    candidates: &[&Candidate],
    tokens: &dyn Fn(&Candidate) -> Vec<String>,
) -> Vec<Vec<String>> {
    candidates
        .iter()
        .map(|c| {
            let mut t = tokens(c);
            t.sort_unstable();
            t.dedup();
            t
        })
        .collect()
}

/// Prefix filtering: each set's rarest tokens (rarest first across all
/// sets, ties by text), as many as can be missed while still sharing
/// `share` of the set, plus one. Two sets that share `share` of both have
/// a token in both prefixes; a set sharing `share` of itself with any
/// other has one of its prefix tokens in that other set.
fn prefixes(sets: &[Vec<String>], share: f64) -> Vec<Vec<String>> {
    let mut frequency: HashMap<&str, usize> = HashMap::new();
    for t in sets.iter().flatten() {
        *frequency.entry(t.as_str()).or_default() += 1;
    }
    sets.iter()
        .map(|set| {
            let mut ordered: Vec<&String> = set.iter().collect();
            ordered.sort_by_key(|t| (frequency.get(t.as_str()).copied().unwrap_or(0), *t));
            // The tolerance keeps 0.8 × 5 from rounding up to 5.
            let needed = (share * set.len() as f64 - 1e-9).ceil() as usize;
            let keep = (set.len() + 1).saturating_sub(needed.max(1));
            ordered.into_iter().take(keep).cloned().collect()
        })
        .collect()
}

/// The variants of one group: members with the same `variant` key, each
/// shown by its shortest spelling, ordered by first mention.
pub fn variants(members: &[&Candidate]) -> Vec<Variant> {
    let mut by_variant: BTreeMap<&str, Vec<&Candidate>> = BTreeMap::new();
    for c in members {
        by_variant.entry(c.variant.as_str()).or_default().push(c);
    }
    let mut out: Vec<Variant> = by_variant
        .into_values()
        .map(|cs| {
            let mut mentions: Vec<Mention> = cs.iter().map(|c| c.mention.clone()).collect();
            mentions.sort();
            mentions.dedup();
            let mut forms: Vec<String> = mentions.iter().map(|m| m.text.clone()).collect();
            forms.sort_by(|a, b| (a.chars().count(), a).cmp(&(b.chars().count(), b)));
            forms.dedup();
            Variant {
                text: forms.first().cloned().unwrap_or_default(),
                normalized: cs[0].normalized.clone(),
                forms,
                mentions,
                diff: Vec::new(),
            }
        })
        .collect();
    out.sort_by(|a, b| a.mentions.first().cmp(&b.mentions.first()));
    out
}

/// The variant stated most often (ties: the earliest); its text titles the
/// fact.
pub fn most_used(variants: &[Variant]) -> Option<&Variant> {
    variants
        .iter()
        .rev()
        .max_by_key(|v| (v.articles().len(), v.mentions.len()))
}
