//! Attributions: who a statement is credited to. Three shapes, in any
//! language the lexicon covers: "according to Axios" (a preposition of
//! sourcing before the source), "a senior US official said" (the source
//! before a verb of saying) and "…,” said a second official" (inverted
//! after a quote). The source must be a name or end in a source noun
//! ("official", "outlet"), so "according to the current proposal" and
//! "he said" are not attributions.

use std::ops::Range;

use super::casing::Casing;
use super::lexicon::{
    according_phrases, is_determiner, is_preposition, is_report_verb, is_source_noun, with_lower,
};
use super::scan::Scan;
use super::tokens::Token;

/// Most words in a source phrase ("one of the senior US officials").
const MAX_SOURCE_WORDS: usize = 7;

/// One attribution in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundAttribution {
    /// The whole phrase ("according to Axios", "a senior US official said").
    pub range: Range<usize>,
    pub text: String,
    /// The source as written ("Axios", "a senior US official").
    pub source: String,
    /// What groups attributions: the source, folded, without articles.
    pub key: String,
    /// The source's words; the last is a name when `named`.
    pub words: Vec<String>,
    /// The source ends in a name (a person or outlet), not a noun.
    pub named: bool,
}

/// Per-paragraph view of which words may belong to a source phrase.
struct Words<'a> {
    text: &'a str,
    words: &'a [Token<'a>],
    allowed: Vec<bool>,
    named: Vec<bool>,
}

impl Words<'_> {
    fn spaced(&self, a: usize, b: usize) -> bool {
        &self.text[self.words[a].end..self.words[b].start] == " "
    }

    /// Whether the phrase `from..=to` names a source.
    fn is_source(&self, from: usize, to: usize) -> bool {
        let last = &self.words[to];
        from <= to && (self.named[to] || is_source_noun(last.stem()))
    }
}

/// The attributions in one paragraph, already read, in order.
pub fn attributions_in_scan(scan: &Scan, casing: &Casing) -> Vec<FoundAttribution> {
    let (text, forced, german) = (scan.text, &scan.forced, scan.german);
    let words = scan.words.as_slice();
    let named: Vec<bool> = (0..words.len())
        .map(|i| casing.is_name_word(&words[i], forced[i], german))
        .collect();
    let allowed = (0..words.len())
        .map(|i| {
            named[i]
                || is_determiner(words[i].text)
                || is_source_noun(words[i].stem())
                || words[i].text == "of"
        })
        .collect();
    let w = Words {
        text,
        words,
        allowed,
        named,
    };
    let mut found = Vec::new();
    for i in 0..w.words.len() {
        if let Some(len) = according_at(&w, i) {
            found.extend(forward(&w, i, i + len));
        } else if is_report_verb(w.words[i].text) && !w.words[i].is_capitalised() {
            let inverted = i > 0
                && w.text[w.words[i - 1].end..w.words[i].start].contains(['”', '"', ',', '»']);
            found.extend(
                backward(&w, i).or_else(|| inverted.then(|| forward(&w, i, i + 1)).flatten()),
            );
        }
    }
    found
}

/// How many words of an "according to" phrase start at `i`. The word at
/// `i` is lower-cased once for all the phrases, as every word of every
/// paragraph is asked.
fn according_at(w: &Words, i: usize) -> Option<usize> {
    let first = w.words.get(i)?;
    with_lower(first.text, |first| {
        according_phrases().iter().find_map(|phrase| {
            let rest_matches = || {
                phrase.iter().enumerate().skip(1).all(|(k, p)| {
                    w.words.get(i + k).is_some_and(|t| {
                        with_lower(t.text, |lower| lower == *p) && w.spaced(i + k - 1, i + k)
                    })
                })
            };
            let matches = phrase.first().is_none_or(|p| *p == first) && rest_matches();
            matches.then_some(phrase.len())
        })
    })
}

/// A source phrase starting at `start`, credited by the words from `lead`.
fn forward(w: &Words, lead: usize, start: usize) -> Option<FoundAttribution> {
    if start >= w.words.len() || !w.spaced(start - 1, start) {
        return None;
    }
    let mut end = start;
    while end < w.words.len() && w.allowed[end] && end - start < MAX_SOURCE_WORDS {
        let stop = w.words[end].is_possessive();
        if stop || end + 1 >= w.words.len() || !w.spaced(end, end + 1) {
            end += 1;
            break;
        }
        end += 1;
    }
    let last = (start..end).rev().find(|&k| w.is_source(start, k))?;
    Some(build(w, lead, last, start, last))
}

/// A source phrase ending right before the verb at `verb`.
fn backward(w: &Words, verb: usize) -> Option<FoundAttribution> {
    if verb == 0 || !w.spaced(verb - 1, verb) || !w.is_source(verb - 1, verb - 1) {
        return None;
    }
    let mut start = verb - 1;
    while start > 0
        && w.allowed[start - 1]
        && w.spaced(start - 1, start)
        && !w.words[start - 1].is_possessive()
        && verb - start < MAX_SOURCE_WORDS
    {
        start -= 1;
    }
    if start > 0 && is_preposition(w.words[start - 1].text) {
        return None;
    }
    Some(build(w, start, verb, start, verb - 1))
}

fn build(
    w: &Words,
    from: usize,
    to: usize,
    source_from: usize,
    source_to: usize,
) -> FoundAttribution {
    let range = w.words[from].start..w.words[to].start + w.words[to].stem().len();
    let source_end = w.words[source_to].start + w.words[source_to].stem().len();
    let source = w.text[w.words[source_from].start..source_end].to_string();
    FoundAttribution {
        text: w.text[range.clone()].to_string(),
        range,
        key: source_key(&w.words[source_from..=source_to]),
        source,
        words: w.words[source_from..=source_to]
            .iter()
            .map(|t| t.stem().to_string())
            .collect(),
        named: w.named[source_to],
    }
}

/// The source without articles, folded: "a U.S. official" and "the US
/// official" share "us official"; "POLITICO" and "Politico" share "politico".
fn source_key(words: &[Token]) -> String {
    const ARTICLES: &[&str] = &[
        "a", "an", "the", "ein", "eine", "der", "die", "das", "un", "une", "le", "la", "les",
    ];
    words
        .iter()
        .filter(|t| !with_lower(t.text, |lower| ARTICLES.contains(&lower)))
        .map(|t| super::name_key::fold(t.stem()))
        .collect::<Vec<_>>()
        .join(" ")
}
