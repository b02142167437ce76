//! What makes two mentions the same fact, and when a fact's variants
//! conflict, kind by kind: names by spelling, quantities by value and
//! unit, dates by day, quotes by wording, attributions by source.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Bound;

use super::collect::Candidate;
use super::context::same_statement;
use super::group::{Blocking, clusters, most_used, variants};
use super::name_key::{fold, fold_joined, is_cyrillic, same_name, same_word, skeleton};
use super::quote_match::{content, is_excerpt, same_content, same_quote, word_diff};
use super::{Fact, FactKind, Variant};
use crate::hash::FastState;
use crate::progress::Progress;

/// Groups every kind's candidates into facts (unsorted), the kinds side by
/// side on every core; `None` when `progress` cancels.
pub fn group_all(candidates: Vec<Candidate>, progress: &dyn Progress) -> Option<Vec<Fact>> {
    progress.phase("grouping facts", 5);
    let candidates = split_joined_names(candidates);
    let of = |kind| {
        candidates
            .iter()
            .filter(|c| c.kind == kind)
            .collect::<Vec<_>>()
    };
    let names = || name_facts(&of(FactKind::Name));
    let numbers = || number_facts(&of(FactKind::Number));
    let dates = || date_groups(&of(FactKind::Date));
    let quotes = || quote_facts(&of(FactKind::Quote));
    let sources = || attribution_facts(&of(FactKind::Attribution));
    let kinds: [&(dyn Fn() -> Vec<Fact> + Sync); 5] = [&names, &numbers, &dates, &quotes, &sources];
    let grouped: Vec<Option<Vec<Fact>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = kinds
            .iter()
            .map(|kind| {
                scope.spawn(|| {
                    if progress.cancelled() {
                        return None;
                    }
                    let facts = kind();
                    progress.advance(1);
                    Some(facts)
                })
            })
            .collect();
        handles
            .into_iter()
            // A panic is the caller's, as in a plain loop.
            .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    if progress.cancelled() {
        return None;
    }
    let grouped: Vec<Vec<Fact>> = grouped.into_iter().collect::<Option<_>>()?;
    Some(grouped.into_iter().flatten().collect())
}

fn name_facts(names: &[&Candidate]) -> Vec<Fact> {
    let derived = demonyms(names);
    let names: Vec<&Candidate> = names
        .iter()
        .copied()
        .filter(|c| !derived.contains(&c.cluster))
        .collect();
    clusters(&names, Blocking::Keys(&name_keys), |a, b| {
        same_name(&a.words, &b.words)
    })
    .iter()
    .map(|m| name_fact(m))
    .collect()
}

/// Numbers and dates relate when they come from different articles and
/// sentences that make the same statement.
fn valued(a: &Candidate, b: &Candidate) -> bool {
    a.mention.article != b.mention.article && same_statement(&a.words, &b.words)
}

fn number_facts(numbers: &[&Candidate]) -> Vec<Fact> {
    // `same_statement` needs a Jaccard overlap of 0.5 of the contexts.
    let same_unit = |a: &Candidate, b: &Candidate| unit(a) == unit(b) && valued(a, b);
    let unit_words = |c: &Candidate| {
        c.words
            .iter()
            .map(|w| format!("{}\u{1f}{w}", unit(c)))
            .collect()
    };
    let blocking = Blocking::Overlap {
        tokens: &unit_words,
        share: 0.5,
    };
    clusters(numbers, blocking, same_unit)
        .iter()
        .map(|m| number_fact(m))
        .collect()
}

fn date_groups(dates: &[&Candidate]) -> Vec<Fact> {
    let context = |c: &Candidate| c.words.clone();
    let blocking = Blocking::Overlap {
        tokens: &context,
        share: 0.5,
    };
    clusters(dates, blocking, valued)
        .iter()
        .flat_map(|m| date_facts(m))
        .collect()
}

fn quote_facts(quotes: &[&Candidate]) -> Vec<Fact> {
    // `same_quote` needs half the smaller quote's content words (a Dice
    // of 0.5, or containment of 0.8).
    let content_words = |c: &Candidate| content(&c.words).into_iter().map(str::to_string).collect();
    let blocking = Blocking::Contained {
        tokens: &content_words,
        share: 0.5,
    };
    // Each quote's content is found once, not again for every pair
    // compared; a quote is known by its address among `quotes`.
    let address = |c: &Candidate| std::ptr::from_ref(c) as usize;
    let contents: HashMap<usize, Vec<&str>, FastState> = quotes
        .iter()
        .map(|&c| (address(c), content(&c.words)))
        .collect();
    let related =
        |a: &Candidate, b: &Candidate| match (contents.get(&address(a)), contents.get(&address(b)))
        {
            (Some(a), Some(b)) => same_content(a, b),
            _ => same_quote(&a.words, &b.words),
        };
    clusters(quotes, blocking, related)
        .iter()
        .map(|m| quote_fact(m))
        .collect()
}

fn attribution_facts(sources: &[&Candidate]) -> Vec<Fact> {
    clusters(sources, Blocking::Keys(&source_keys), same_named_source)
        .iter()
        .map(|m| attribution_fact(m))
        .collect()
}

/// Names that `same_name` can join share one of these: every way it
/// matches keeps the last words' consonant skeletons equal, except a
/// misspelt last word among equal others, where the first words agree.
fn name_keys(c: &Candidate) -> Vec<String> {
    let first = c.words.first().map(|w| fold(w)).unwrap_or_default();
    let last = c
        .words
        .last()
        .map(|w| skeleton(&fold(w)))
        .unwrap_or_default();
    let mut keys = vec![format!("last {last}")];
    if c.words.len() >= 2 {
        keys.push(format!("{} words from {first}", c.words.len()));
    }
    keys
}

/// Named sources that `same_named_source` can join share their last
/// word's consonant skeleton.
fn source_keys(c: &Candidate) -> Vec<String> {
    let last = c
        .words
        .last()
        .map(|w| skeleton(&fold(w)))
        .unwrap_or_default();
    if c.named { vec![last] } else { Vec::new() }
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
    // `derives` needs four shared first letters: compare within those.
    let stem = |w: &str| w.chars().take(4).collect::<String>();
    let mut by_stem: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for w in &singles {
        by_stem.entry(stem(w)).or_default().push(w);
    }
    singles
        .iter()
        .filter(|w| w.ends_with('n') || w.ends_with("ns"))
        .filter(|w| {
            by_stem
                .get(&stem(w))
                .is_some_and(|bases| bases.iter().any(|base| base != *w && derives(w, base)))
        })
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
    let key = |words: &[String]| fold_joined(words.iter().map(String::as_str));
    // Looked up in the sorted keys, not scanned: names run to thousands.
    let known = |words: &[String], whole: &str, opens: bool| {
        let half = key(words);
        if half != whole && seen.contains_key(&half) {
            return true;
        }
        let longer = format!("{half} ");
        opens
            && seen
                .range::<str, _>((Bound::Included(longer.as_str()), Bound::Unbounded))
                .map(|(k, _)| k)
                .take_while(|k| k.starts_with(&longer))
                .any(|k| k != whole)
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
            half.cluster = fold_joined(words.iter().map(String::as_str));
            half.variant = words.last().map(|w| fold(w)).unwrap_or_default();
            half.normalized = half.variant.clone();
            half
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::demo::DEMO_CORPUS;
    use crate::article::{Article, parse_article};
    use crate::facts::collect::candidates;
    use crate::facts::group::EXHAUSTIVE;
    use crate::progress::Quiet;

    /// The seeds, and copies of them with every digit shifted and some
    /// names respelt, so numbers, dates and names conflict across copies.
    fn corpus() -> Vec<Article> {
        let mut articles = Vec::new();
        for shift in 0..3u32 {
            for (name, text) in DEMO_CORPUS {
                let text: String = text
                    .chars()
                    .map(|c| match c.to_digit(10) {
                        Some(d) => char::from_digit((d + shift) % 10, 10).unwrap_or(c),
                        None => c,
                    })
                    .collect();
                let text = if shift == 1 {
                    text.replace("Witkoff", "Wittkof").replace("Kyiv", "Kiev")
                } else {
                    text
                };
                articles.push(parse_article(name, name, &text));
            }
        }
        articles
    }

    fn grouped(articles: &[Article], exhaustive: bool) -> Option<Vec<Fact>> {
        EXHAUSTIVE.with(|e| e.set(exhaustive));
        let facts = group_all(candidates(articles, &Quiet)?, &Quiet);
        EXHAUSTIVE.with(|e| e.set(false));
        facts
    }

    #[test]
    fn blocking_finds_the_groups_comparing_every_pair_finds() {
        let articles = corpus();
        let blocked = grouped(&articles, false).unwrap_or_default();
        let exhaustive = grouped(&articles, true).unwrap_or_default();
        assert!(blocked.iter().filter(|f| f.discrepancy).count() > 10);
        assert_eq!(blocked.len(), exhaustive.len());
        for (b, e) in blocked.iter().zip(&exhaustive) {
            assert_eq!(b, e);
        }
    }
}
