//! When two quotations render the same statement, and how their words
//! differ. Outlets translate and paraphrase quotes ("submit it to Congress
//! for approval" / "send it to Congress for a vote"), so matching is by
//! shared content words, and the finding is the word diff between them.

use super::name_key::fold;
use super::tokens::{Token, tokens};
use crate::align::{DiffOp, DiffTag, Span, Step, diff_steps};
use crate::hash::hash_bytes;

/// Shortest word that counts when comparing quotes (a length rule that
/// drops most function words in any language).
const MIN_CONTENT_CHARS: usize = 3;

/// Least Dice overlap of content words for two renderings of one statement.
const MIN_DICE: f64 = 0.5;

/// Least share of the shorter quote's words found in the longer one, for
/// an excerpt of a longer quote.
const MIN_CONTAINMENT: f64 = 0.8;

/// The distinct content words of a quote (what `same_quote` compares),
/// sorted.
pub fn content(words: &[String]) -> Vec<&str> {
    let mut content: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| w.chars().count() >= MIN_CONTENT_CHARS)
        .collect();
    content.sort_unstable();
    content.dedup();
    content
}

/// Whether two quotes (folded words) render the same statement: most
/// content words shared, or one an excerpt of the other.
pub fn same_quote(a: &[String], b: &[String]) -> bool {
    same_content(&content(a), &content(b))
}

/// [`same_quote`] on the quotes' [`content`]: grouping a book's quotes
/// compares each with many others, and finding both contents again for
/// every comparison was most of what facts cost on such a pair.
pub fn same_content(a: &[&str], b: &[&str]) -> bool {
    let shared = shared_count(a, b);
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return false;
    }
    let dice = 2.0 * shared as f64 / (a.len() + b.len()) as f64;
    let containment = shared as f64 / smaller as f64;
    dice >= MIN_DICE || (smaller >= 4 && containment >= MIN_CONTAINMENT)
}

/// How many words two sorted lists without repeats share.
fn shared_count(a: &[&str], b: &[&str]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// Whether `short` occurs word for word inside `long`.
pub fn is_excerpt(short: &[String], long: &[String]) -> bool {
    short.is_empty() || long.windows(short.len()).any(|w| w == short)
}

/// Word diff of `left` against `right`, as spans into each (unit 0 on both
/// sides). Case, accents and punctuation are not differences. The same
/// engine as a link's word diff, so it is exact and never cut short by a
/// clock: the same quotes always give the same diff.
pub fn word_diff(left: &str, right: &str) -> Vec<DiffOp> {
    let (lt, rt) = (tokens(left), tokens(right));
    let keys = |ts: &[Token]| -> Vec<u64> {
        ts.iter()
            .map(|t| hash_bytes(fold(t.text).as_bytes()))
            .collect()
    };
    let mut out = Vec::new();
    for step in diff_steps(&keys(&lt), &keys(&rt)) {
        match step {
            Step::Same(old, new) => out.push(DiffOp {
                op: DiffTag::Equal,
                left: span(&lt[old]),
                right: span(&rt[new]),
            }),
            Step::Changed(old, new) => {
                if !old.is_empty() {
                    out.push(DiffOp {
                        op: DiffTag::Delete,
                        left: span(&lt[old]),
                        right: None,
                    });
                }
                if !new.is_empty() {
                    out.push(DiffOp {
                        op: DiffTag::Insert,
                        left: None,
                        right: span(&rt[new]),
                    });
                }
            }
        }
    }
    out
}

fn span(tokens: &[Token]) -> Option<Span> {
    Some(Span::new(0, tokens.first()?.start, tokens.last()?.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(fold).collect()
    }

    #[test]
    fn paraphrased_renderings_match_and_diff() {
        let a = "We want to give Ukrainians a security guarantee that is not a blank check";
        let b =
            "We want to give the Ukrainians a security guarantee that will not be a blank check";
        assert!(same_quote(&words(a), &words(b)));
        let diff = word_diff(a, b);
        let inserted: Vec<&str> = diff
            .iter()
            .filter(|op| op.op == DiffTag::Insert)
            .filter_map(|op| op.right.map(|s| &b[s.range()]))
            .collect();
        assert_eq!(inserted, ["the", "will", "be"]);
    }

    #[test]
    fn different_statements_do_not_match() {
        assert!(!same_quote(
            &words("Those guarantees will not be on the table forever"),
            &words("We feel very good about the progress we have made")
        ));
        assert!(is_excerpt(
            &words("an attack against them all"),
            &words("shall be considered an attack against them all")
        ));
    }
}
