//! Non-interactive output: the same comparison the reader shows, as JSON
//! for scripts and as text, Markdown or HTML for people.

pub mod align_json;
pub mod align_text;
pub mod corpus;
pub mod corpus_html;
pub mod corpus_json;
pub mod corpus_md;
pub mod facts_json;
pub mod facts_text;
mod json_escape;
mod marks;
mod pretty_json;
pub mod safe_json;

pub use marks::{Mark, MarkLevel, callout_ranges, callout_texts, marked_segments};

/// `n` and a noun, plural unless `n` is 1: "1 article", "3 articles".
pub fn count(n: usize, noun: &str) -> String {
    count_irregular(n, noun, &format!("{noun}s"))
}

/// [`count`] for a noun whose plural is not its singular and "s":
/// "1 discrepancy", "3 discrepancies".
pub fn count_irregular(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{n} {plural}")
    }
}
