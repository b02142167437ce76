//! Names of people, places and organisations: maximal runs of name words
//! (see [`Casing`]) joined by single spaces or a connector ("Charter of
//! the United Nations", "von der Leyen"). Titles split a run and stay out
//! of it ("Chancellor Friedrich Merz" → "Friedrich Merz"); a possessive
//! ends it; a short number may close it ("Article 5").

use std::ops::Range;

use super::casing::Casing;
use super::scan::Scan;
use super::tokens::Token;

/// Lower-case words that may join two parts of one name.
const CONNECTORS: &[&str] = &[
    "of", "of the", "de", "du", "des", "de la", "von", "von der", "van", "van der", "da", "di",
    "del",
];

/// One name as written in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundName {
    /// Byte range of the whole name in the paragraph text.
    pub range: Range<usize>,
    /// The name as written, without a possessive ending.
    pub text: String,
    /// Its words, without possessive endings.
    pub words: Vec<String>,
}

/// Where one name stands in a paragraph, without its strings: a link's
/// callouts look at the few names an only-here word touches, and the
/// strings of every other name were a malloc and a free each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRun {
    /// Byte range of the whole name in the paragraph text (without a
    /// possessive ending).
    pub range: Range<usize>,
    /// Its words, as indices into the paragraph's words.
    pub words: Range<usize>,
}

/// The names in one paragraph already read, in order.
pub fn names_in_scan(scan: &Scan, casing: &Casing) -> Vec<FoundName> {
    name_runs(scan, casing)
        .into_iter()
        .map(|run| FoundName {
            text: scan.text[run.range.clone()].to_string(),
            words: scan.words[run.words]
                .iter()
                .map(|w| w.stem().to_string())
                .collect(),
            range: run.range,
        })
        .collect()
}

/// [`names_in_scan`]'s names as ranges of the paragraph and its words.
pub fn name_runs(scan: &Scan, casing: &Casing) -> Vec<NameRun> {
    let (text, words) = (scan.text, &scan.words);
    let is_name: Vec<bool> = words
        .iter()
        .enumerate()
        .map(|(i, w)| casing.is_name_word(w, scan.capital_is_forced(i), scan.german))
        .collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !is_name[i] {
            i += 1;
            continue;
        }
        let end = run_end(text, words, &is_name, i);
        let (first, last) = (words[i], words[end]);
        let range = first.start..last.start + last.stem().len();
        // A single character is no name.
        if text[range.clone()].chars().nth(1).is_some() {
            found.push(NameRun {
                range,
                words: i..end + 1,
            });
        }
        i = end + 1;
    }
    found
}

/// Index of the last word of the run starting at `start`.
fn run_end(text: &str, words: &[Token], is_name: &[bool], start: usize) -> usize {
    let mut end = start;
    while !words[end].is_possessive() {
        let next = end + 1;
        if next >= words.len() || &text[words[end].end..words[next].start] != " " {
            break;
        }
        if is_name[next] {
            end = next;
        } else if let Some(after) = connector_end(text, words, is_name, next) {
            end = after;
        } else {
            if closes_with_number(text, words, next) {
                end = next;
            }
            break;
        }
    }
    end
}

/// If a connector of one or two words starts at `at` and a name word
/// follows it, the index of that name word.
fn connector_end(text: &str, words: &[Token], is_name: &[bool], at: usize) -> Option<usize> {
    for len in [2, 1] {
        let last = at + len - 1;
        let after = last + 1;
        if after >= words.len() || !is_name[after] {
            continue;
        }
        let phrase = &text[words[at].start..words[last].end];
        let spaced = words[at..=after]
            .windows(2)
            .all(|w| &text[w[0].end..w[1].start] == " ");
        if spaced && CONNECTORS.contains(&phrase) {
            return Some(after);
        }
    }
    None
}

/// A short whole number right after a name, not a quantity
/// ("Article 5", not "Ukraine 80%").
fn closes_with_number(text: &str, words: &[Token], at: usize) -> bool {
    let word = words[at];
    let rest = text[word.end..].trim_start();
    word.text.len() <= 3
        && word.text.chars().all(|c| c.is_ascii_digit())
        && !words[at - 1].is_acronym()
        && !rest.starts_with('%')
        && !words.get(at + 1).is_some_and(|w| {
            super::lexicon::is_percent_word(w.text) || super::lexicon::month(w.text).is_some()
        })
}
