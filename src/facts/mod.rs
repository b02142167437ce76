//! Facts across articles: names, quantities, dates, quotations and
//! attributions, extracted from every article and grouped so that each
//! group is one fact and each variant one way the articles give it. A
//! group whose variants conflict (Witkoff/Whitcoff, two different figures
//! for the same thing, one statement quoted in different words) is a
//! discrepancy; discrepancies come first.
//!
//! ```text
//! articles ─▶ casing evidence ─▶ candidates per paragraph ─▶ groups ─▶ facts
//!             (what is a name)   (names, numbers, dates,     (spelling, value,
//!                                 quotes, attributions)        context, wording)
//! ```
//!
//! Every mention carries (article index, paragraph index, byte range) so a
//! reader can jump to it and highlight it.

mod attributions;
mod casing;
mod collect;
mod context;
mod dates;
mod german;
mod group;
mod kinds;
mod lexicon;
mod name_key;
mod names;
mod numbers;
mod pair;
mod parallel;
mod quote_match;
mod quotes;
mod scan;
mod spots;
mod tokens;

use std::ops::Range;

use serde::Serialize;

use crate::align::DiffOp;
use crate::article::Article;
use crate::progress::{Progress, Quiet};

pub use casing::{german_enough, is_german_function_word};
pub use name_key::{NameWord, edit_distance, fold, same_name, same_name_read, same_word};
pub use numbers::is_scale_word;
pub use pair::PairEvidence;
pub use spots::{Spot, Spotter, spots_in};

/// What a fact is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    Name,
    Number,
    Date,
    Quote,
    Attribution,
}

impl FactKind {
    /// Lower-case name, as in the JSON.
    pub fn name(self) -> &'static str {
        match self {
            FactKind::Name => "name",
            FactKind::Number => "number",
            FactKind::Date => "date",
            FactKind::Quote => "quote",
            FactKind::Attribution => "attribution",
        }
    }
}

/// One place a fact is stated: enough for a reader to jump there and
/// highlight it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Mention {
    /// Index into the articles given to [`extract_facts`].
    pub article: usize,
    /// Index into that article's `paragraphs`.
    pub paragraph: usize,
    /// Byte range into the paragraph's text.
    pub range: Range<usize>,
    /// The text at `range`.
    pub text: String,
}

impl Mention {
    /// Reading order: article, paragraph, position.
    fn order_key(&self) -> (usize, usize, usize, usize) {
        (
            self.article,
            self.paragraph,
            self.range.start,
            self.range.end,
        )
    }
}

impl PartialOrd for Mention {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Mention {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.order_key(), &self.text).cmp(&(other.order_key(), &other.text))
    }
}

/// One way the articles state a fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// How this variant reads (the shortest form as written).
    pub text: String,
    /// The value compared across variants: "90%", "--12-15", a folded
    /// spelling, or a quote's folded words.
    pub normalized: String,
    /// Every spelling seen for this variant ("Steve Witkoff", "Witkoff").
    pub forms: Vec<String>,
    /// Where it occurs, in article and reading order.
    pub mentions: Vec<Mention>,
    /// Quotes only: word diff of the first variant's text (unit 0 on the
    /// left) against this variant's text (unit 0 on the right).
    pub diff: Vec<DiffOp>,
}

impl Variant {
    /// The articles this variant occurs in, ascending.
    pub fn articles(&self) -> Vec<usize> {
        let mut articles: Vec<usize> = self.mentions.iter().map(|m| m.article).collect();
        articles.dedup();
        articles
    }

    /// Where it occurs, grouped: (article, its paragraphs in order), each
    /// paragraph once — what "1 ¶6 ¶14 · 4 ¶2" lists are made of.
    pub fn paragraphs_by_article(&self) -> Vec<(usize, Vec<usize>)> {
        let mut out: Vec<(usize, Vec<usize>)> = Vec::new();
        for m in &self.mentions {
            match out.last_mut() {
                Some((article, paragraphs)) if *article == m.article => {
                    if paragraphs.last() != Some(&m.paragraph) {
                        paragraphs.push(m.paragraph);
                    }
                }
                _ => out.push((m.article, vec![m.paragraph])),
            }
        }
        out
    }
}

/// A fact: its variants across articles and whether they conflict.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub kind: FactKind,
    /// A short title: the most used variant's text, or an attribution's
    /// source.
    pub label: String,
    /// The variants conflict (spelling, value, weekday, wording).
    pub discrepancy: bool,
    /// Why it is a discrepancy, for people.
    pub reason: Option<String>,
    pub variants: Vec<Variant>,
}

impl Fact {
    /// All articles the fact occurs in, ascending.
    pub fn articles(&self) -> Vec<usize> {
        let mut all: Vec<usize> = self.variants.iter().flat_map(Variant::articles).collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// Extracts and groups the facts of `articles`: discrepancies first, then
/// by kind, then the facts most articles share.
pub fn extract_facts(articles: &[Article]) -> Vec<Fact> {
    // `Quiet` never cancels.
    extract_facts_with(articles, &Quiet).unwrap_or_default()
}

/// [`extract_facts`] telling `progress` how far it is (articles read, then
/// kinds grouped); `None` when `progress` cancels.
pub fn extract_facts_with(articles: &[Article], progress: &dyn Progress) -> Option<Vec<Fact>> {
    let candidates = collect::candidates(articles, progress)?;
    let mut facts = kinds::group_all(candidates, progress)?;
    facts.sort_by_cached_key(|f| {
        let first = f
            .variants
            .iter()
            .flat_map(|v| v.mentions.first())
            .min()
            .cloned();
        (
            !f.discrepancy,
            f.kind,
            std::cmp::Reverse(f.articles().len()),
            first.map(|m| (m.article, m.paragraph, m.range.start)),
        )
    });
    Some(facts)
}
