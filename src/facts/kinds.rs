//! What makes two mentions the same fact, and when a fact's variants
//! conflict, kind by kind: names by spelling, quantities by value and
//! unit, dates by day, quotes by wording, attributions by source.

use std::collections::{BTreeMap, BTreeSet};

use super::collect::Candidate;
use super::context::same_statement;
use super::group::{clusters, most_used, variants};
use super::name_key::{fold, is_cyrillic, same_name, same_word};
use super::quote_match::{is_excerpt, same_quote, word_diff};
use super::{Fact, FactKind, Variant};

/// Groups every kind's candidates into facts (unsorted).
pub fn group_all(candidates: Vec<Candidate>) -> Vec<Fact> {
    let candidates = split_joined_names(candidates);
    let of = |kind| {
        candidates
            .iter()
            .filter(|c| c.kind == kind)
            .collect::<Vec<_>>()
    };
    let names = of(FactKind::Name);
    let derived = demonyms(&names);
    let names: Vec<&Candidate> = names
        .into_iter()
        .filter(|c| !derived.contains(&c.cluster))
        .collect();
    let mut facts = Vec::new();
    facts.extend(
        clusters(&names, |a, b| same_name(&a.words, &b.words))
            .iter()
            .map(|m| name_fact(m)),
    );
    let valued = |a: &Candidate, b: &Candidate| {
        a.mention.article != b.mention.article && same_statement(&a.words, &b.words)
    };
    let numbers = of(FactKind::Number);
    let same_unit = |a: &Candidate, b: &Candidate| unit(a) == unit(b) && valued(a, b);
    facts.extend(clusters(&numbers, same_unit).iter().map(|m| number_fact(m)));
    facts.extend(
        clusters(&of(FactKind::Date), valued)
            .iter()
            .flat_map(|m| date_facts(m)),
    );
    let quotes = of(FactKind::Quote);
    facts.extend(
        clusters(&quotes, |a, b| same_quote(&a.words, &b.words))
            .iter()
            .map(|m| quote_fact(m)),
    );
    let sources = of(FactKind::Attribution);
    facts.extend(
        clusters(&sources, same_named_source)
            .iter()
            .map(|m| attribution_fact(m)),
    );
    facts
}

/// Attributions to one person or outlet under different descriptions
/// ("Zelensky", "Ukrainian President Volodymyr Zelensky", "Zelenskyy").
fn same_named_source(a: &Candidate, b: &Candidate) -> bool {
    let last = |c: &Candidate| c.words.last().cloned().unwrap_or_default();
    a.named && b.named && same_word(&last(a), &last(b))
}

fn unit(c: &Candidate) -> &str {
    c.normalized.split_once(' ').map_or("%", |(_, unit)| unit)
}

fn fact(kind: FactKind, variants: Vec<Variant>, reason: Option<String>) -> Fact {
    Fact {
        kind,
        label: most_used(&variants)
            .map(|v| v.text.clone())
            .unwrap_or_default(),
        discrepancy: reason.is_some(),
        reason,
        variants,
    }
}

fn listing(variants: &[Variant]) -> String {
    variants
        .iter()
        .map(|v| v.text.as_str())
        .collect::<Vec<_>>()
        .join(" / ")
}

fn name_fact(members: &[&Candidate]) -> Fact {
    let variants = variants(members);
    // Only two spellings in one script conflict; Віткофф/Witkoff is a
    // transliteration, Feiertag/Feiertage one word in two numbers.
    let spellings = |cyrillic: bool| {
        let keys: Vec<&str> = variants
            .iter()
            .filter(|v| is_cyrillic(&v.text) == cyrillic)
            .map(|v| v.normalized.as_str())
            .collect();
        keys.iter()
            .enumerate()
            .filter(|(i, k)| !keys[..*i].iter().any(|e| inflected(e, k)))
            .count()
    };
    let conflict = spellings(true) > 1 || spellings(false) > 1;
    let reason =
        conflict.then(|| format!("spelled {} ways: {}", variants.len(), listing(&variants)));
    fact(FactKind::Name, variants, reason)
}

/// Whether two folded words are one word in singular and plural (or
/// another case): "feiertag"/"feiertage", "fest"/"feste",
/// "party"/"parties". A bare -s is not enough: "Donbas"/"Donbass" is a
/// spelling.
fn inflected(a: &str, b: &str) -> bool {
    let plus = |short: &str, long: &str| {
        ["e", "en", "n", "er", "es"]
            .iter()
            .any(|e| long.strip_suffix(e) == Some(short))
            || short
                .strip_suffix('y')
                .is_some_and(|stem| long.strip_suffix("ies") == Some(stem))
    };
    a == b || plus(a, b) || plus(b, a)
}

fn number_fact(members: &[&Candidate]) -> Fact {
    let variants = variants(members);
    let values: BTreeSet<&str> = variants.iter().map(|v| v.normalized.as_str()).collect();
    let reason = (values.len() > 1).then(|| {
        format!(
            "different figures for the same statement: {}",
            listing(&variants)
        )
    });
    fact(FactKind::Number, variants, reason)
}

/// The facts of one cluster of dates in matching sentences. A day every
/// article of the cluster gives is its own fact, so a list of dates both
/// texts give ("1. Januar, 1. Mai und 3. Oktober") is no conflict; the
/// days left over conflict only if they differ between articles.
fn date_facts(members: &[&Candidate]) -> Vec<Fact> {
    let mut by_article: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for c in members {
        by_article
            .entry(c.mention.article)
            .or_default()
            .insert(c.cluster.as_str());
    }
    let mut sets = by_article.values();
    let first = sets.next().cloned().unwrap_or_default();
    let shared: BTreeSet<&str> = sets.fold(first, |acc, s| acc.intersection(s).copied().collect());
    let mut per_day: BTreeMap<&str, Vec<&Candidate>> = BTreeMap::new();
    let mut rest = Vec::new();
    for c in members {
        if shared.contains(c.cluster.as_str()) {
            per_day.entry(c.cluster.as_str()).or_default().push(c);
        } else {
            rest.push(*c);
        }
    }
    let mut out: Vec<Fact> = per_day.values().map(|m| date_fact(m)).collect();
    if !rest.is_empty() {
        out.push(date_fact(&rest));
    }
    out
}

fn date_fact(members: &[&Candidate]) -> Fact {
    let variants = variants(members);
    let days: BTreeSet<&str> = members.iter().map(|c| c.cluster.as_str()).collect();
    let years: BTreeSet<&str> = members
        .iter()
        .filter_map(|c| {
            c.normalized
                .split_once('-')
                .map(|(y, _)| y)
                .filter(|y| !y.is_empty())
        })
        .collect();
    let weekdays: BTreeSet<u8> = members.iter().filter_map(|c| c.weekday).collect();
    let reason = if days.len() > 1 {
        Some(format!(
            "different dates for the same event: {}",
            listing(&variants)
        ))
    } else if years.len() > 1 || weekdays.len() > 1 {
        Some(format!(
            "the same day given different years or weekdays: {}",
            listing(&variants)
        ))
    } else {
        None
    };
    fact(FactKind::Date, variants, reason)
}

fn quote_fact(members: &[&Candidate]) -> Fact {
    let mut variants = variants(members);
    let words: Vec<Vec<String>> = variants
        .iter()
        .map(|v| v.normalized.split(' ').map(str::to_string).collect())
        .collect();
    let first_text = variants.first().map(|v| v.text.clone()).unwrap_or_default();
    for (i, v) in variants.iter_mut().enumerate().skip(1) {
        // An excerpt of another rendering is no rewording: no diff.
        let excerpt = (0..words.len()).any(|j| j != i && is_excerpt(&words[i], &words[j]))
            || words.iter().skip(1).any(|w| is_excerpt(&words[0], w));
        if !excerpt {
            v.diff = word_diff(&first_text, &v.text);
        }
    }
    let longest = words
        .iter()
        .max_by_key(|w| w.len())
        .cloned()
        .unwrap_or_default();
    let articles: BTreeSet<usize> = members.iter().map(|c| c.mention.article).collect();
    let reworded = articles.len() > 1 && words.iter().any(|w| !is_excerpt(w, &longest));
    let reason = reworded.then(|| format!("one statement quoted {} ways", variants.len()));
    fact(FactKind::Quote, variants, reason)
}

fn attribution_fact(members: &[&Candidate]) -> Fact {
    let variants = variants(members);
    let mut fact = fact(FactKind::Attribution, variants, None);
    let mut sources: BTreeMap<&str, usize> = BTreeMap::new();
    for c in members {
        *sources.entry(c.normalized.as_str()).or_default() += 1;
    }
    let best = sources
        .into_iter()
        .max_by_key(|(s, n)| (*n, std::cmp::Reverse(s.chars().count())));
    if let Some((source, _)) = best {
        fact.label = source.to_string();
    }
    fact
}

/// Name keys that are adjectives or demonyms derived from another name in
/// the corpus ("Ukrainian" from "Ukraine", "German" from "Germany"): one
/// word that shares all but the last letter of another one-word name and
/// ends in -n or -ns. Structural, so "Donbass" or "Zelenskyy" never match.
fn demonyms(names: &[&Candidate]) -> BTreeSet<String> {
    let singles: BTreeSet<&str> = names
        .iter()
        .filter(|c| c.words.len() == 1)
        .map(|c| c.cluster.as_str())
        .collect();
    singles
        .iter()
        .filter(|w| w.ends_with('n') || w.ends_with("ns"))
        .filter(|w| singles.iter().any(|base| base != *w && derives(w, base)))
        .map(|w| w.to_string())
        .collect()
}

fn derives(word: &str, base: &str) -> bool {
    let shared = word
        .chars()
        .zip(base.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let (word_len, base_len) = (word.chars().count(), base.chars().count());
    shared >= 4
        && shared + 1 >= base_len
        && word_len >= shared
        && word_len - shared <= 4
        && fold(word) != fold(base)
}

/// Splits a name run that joined two names by accident ("offering Ukraine
/// Article 5-style guarantees" → "Ukraine", "Article 5"): a form seen once
/// whose two halves are both names seen elsewhere.
fn split_joined_names(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for c in candidates.iter().filter(|c| c.kind == FactKind::Name) {
        *seen.entry(c.cluster.clone()).or_default() += 1;
    }
    let key = |words: &[String]| words.iter().map(|w| fold(w)).collect::<Vec<_>>().join(" ");
    let known = |words: &[String], whole: &str, opens: bool| {
        let half = key(words);
        let longer = format!("{half} ");
        seen.keys()
            .any(|k| k != whole && (*k == half || (opens && k.starts_with(&longer))))
    };
    let mut out = Vec::new();
    for c in candidates {
        let cut = (c.kind == FactKind::Name && seen.get(&c.cluster) == Some(&1))
            .then(|| {
                (1..c.words.len()).find(|&k| {
                    known(&c.words[..k], &c.cluster, false)
                        && known(&c.words[k..], &c.cluster, true)
                })
            })
            .flatten();
        match cut {
            Some(k) => out.extend(split_at(&c, k)),
            None => out.push(c),
        }
    }
    out
}

/// The two halves of a name candidate cut before word `k`.
fn split_at(c: &Candidate, k: usize) -> Vec<Candidate> {
    let Some(offset) = c.mention.text.find(&format!(" {}", c.words[k])) else {
        return vec![c.clone()];
    };
    let halves = [
        (0, offset, &c.words[..k]),
        (offset + 1, c.mention.text.len(), &c.words[k..]),
    ];
    halves
        .into_iter()
        .map(|(from, to, words)| {
            let mut half = c.clone();
            half.mention.range = c.mention.range.start + from..c.mention.range.start + to;
            half.mention.text = c.mention.text[from..to].to_string();
            half.words = words.to_vec();
            half.cluster = words.iter().map(|w| fold(w)).collect::<Vec<_>>().join(" ");
            half.variant = words.last().map(|w| fold(w)).unwrap_or_default();
            half.normalized = half.variant.clone();
            half
        })
        .collect()
}
