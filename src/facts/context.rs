//! The context of a number or date: the content words of its sentence.
//! Two articles giving different figures in sentences about the same thing
//! ("controls 20% of Ukraine" / "controls 18% of Ukraine") disagree; the
//! same figure in unrelated sentences is no conflict.

use std::collections::BTreeSet;
use std::ops::Range;

use super::name_key::fold;
use crate::article::sentence::sentence_ranges;

/// Shortest word that counts as content (drops "of", "the", "на", "le";
/// a length rule, not a stopword list, so it holds in any language).
const MIN_CONTENT_CHARS: usize = 4;

/// Fewest shared content words for two contexts to be the same statement.
const MIN_SHARED: usize = 3;

/// Least Jaccard overlap of two contexts for the same statement.
const MIN_OVERLAP: f64 = 0.5;

/// Folded content words of the sentence around `range`, without the
/// words of the fact itself.
pub fn context_words(text: &str, range: &Range<usize>) -> Vec<String> {
    let sentence = sentence_ranges(text)
        .into_iter()
        .find(|s| s.start <= range.start && range.end <= s.end)
        .unwrap_or(0..text.len());
    let mut words = BTreeSet::new();
    for (offset, word) in text[sentence.clone()]
        .split_whitespace()
        .map(|w| (w.as_ptr(), w))
    {
        let at = offset as usize - text.as_ptr() as usize;
        if at >= range.start && at < range.end {
            continue;
        }
        let folded = fold(word);
        if folded.chars().count() >= MIN_CONTENT_CHARS
            && !folded.chars().all(|c| c.is_ascii_digit())
        {
            words.insert(folded);
        }
    }
    words.into_iter().collect()
}

/// Whether two contexts describe the same statement.
pub fn same_statement(a: &[String], b: &[String]) -> bool {
    let shared = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    let union = a.len() + b.len() - shared;
    shared >= MIN_SHARED && union > 0 && shared as f64 / union as f64 >= MIN_OVERLAP
}
