//! Clustering candidates into facts and facts into variants. Clusters are
//! the connected components of a symmetric "same fact" relation, so the
//! result does not depend on the order of the articles.

use std::collections::BTreeMap;

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

/// Groups candidates: equal `cluster` keys always share a group, and two
/// key groups join when `related` holds for any pair of their members.
pub fn clusters<'a>(
    candidates: &[&'a Candidate],
    related: impl Fn(&Candidate, &Candidate) -> bool,
) -> Vec<Vec<&'a Candidate>> {
    let mut by_key: BTreeMap<&str, Vec<&'a Candidate>> = BTreeMap::new();
    for c in candidates {
        by_key.entry(c.cluster.as_str()).or_default().push(c);
    }
    let keyed: Vec<Vec<&'a Candidate>> = by_key.into_values().collect();
    // Members with the same words relate alike: compare one of each.
    let representatives: Vec<Vec<&Candidate>> = keyed
        .iter()
        .map(|members| {
            let mut reps: Vec<&Candidate> = Vec::new();
            for c in members {
                if !reps
                    .iter()
                    .any(|r| r.words == c.words && r.mention.article == c.mention.article)
                {
                    reps.push(c);
                }
            }
            reps
        })
        .collect();
    let mut sets = UnionFind((0..keyed.len()).collect());
    for i in 0..keyed.len() {
        for j in i + 1..keyed.len() {
            let linked = representatives[i]
                .iter()
                .any(|a| representatives[j].iter().any(|b| related(a, b)));
            if linked {
                sets.union(i, j);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<&'a Candidate>> = BTreeMap::new();
    for (i, members) in keyed.into_iter().enumerate() {
        groups.entry(sets.find(i)).or_default().extend(members);
    }
    groups.into_values().collect()
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
