//! Paragraph by paragraph, every candidate fact with what grouping needs:
//! dates first (so their numbers are not quantities), then names (so
//! "Article 5" is not a quantity either), quantities, quotations and
//! attributions.

use super::attributions::attributions_in_scan;
use super::casing::Casing;
use super::context::context_words;
use super::dates::dates_in_words;
use super::name_key::{fold, fold_joined};
use super::names::names_in_scan;
use super::numbers::numbers_in_words;
use super::parallel::per_article;
use super::quotes::quotes_in;
use super::scan::Scan;
use super::{FactKind, Mention};
use crate::article::Article;
use crate::progress::Progress;

/// One extracted mention before grouping.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub kind: FactKind,
    pub mention: Mention,
    /// Exact-match key of the first grouping step (a value, a source).
    pub cluster: String,
    /// What tells variants of one fact apart.
    pub variant: String,
    /// The comparison value shown for the variant.
    pub normalized: String,
    /// Names: their words. Quotes: folded words. Numbers and dates: the
    /// content words of the sentence around them.
    pub words: Vec<String>,
    /// Dates: the named weekday, if any (1 = Monday).
    pub weekday: Option<u8>,
    /// Attributions: the source ends in a name ("Zelensky", "Axios").
    pub named: bool,
}

/// Every candidate of every article, in article and reading order; `None`
/// when `progress` cancels.
pub fn candidates(articles: &[Article], progress: &dyn Progress) -> Option<Vec<Candidate>> {
    progress.phase("reading facts", articles.len() * 2);
    let (casing, scans) = Casing::of(articles, progress)?;
    let per_article = per_article(articles, progress, |article, _| {
        scans
            .get(article)
            .map(|scans| of_article(article, scans, &casing))
            .unwrap_or_default()
    })?;
    Some(per_article.into_iter().flatten().collect())
}

/// The candidates of article number `article`, given its story
/// paragraphs read, in reading order.
fn of_article(article: usize, scans: &[Scan], casing: &Casing) -> Vec<Candidate> {
    let mut out = Vec::new();
    for scan in scans {
        let (paragraph, text) = (scan.paragraph, scan.text);
        let mention = |range: std::ops::Range<usize>| Mention {
            article,
            paragraph,
            text: text[range.clone()].to_string(),
            range,
        };
        let dates = dates_in_words(text, &scan.words);
        let names: Vec<_> = names_in_scan(scan, casing)
            .into_iter()
            .filter(|n| !dates.iter().any(|d| overlaps(&d.range, &n.range)))
            .collect();
        let taken: Vec<_> = dates
            .iter()
            .map(|d| d.range.clone())
            .chain(names.iter().map(|n| n.range.clone()))
            .collect();
        for date in &dates {
            out.push(Candidate {
                kind: FactKind::Date,
                mention: mention(date.range.clone()),
                cluster: format!("{:02}-{:02}", date.month, date.day),
                variant: date.text.to_lowercase(),
                normalized: date.normalized(),
                words: context_words(text, &date.range),
                weekday: date.weekday,
                named: false,
            });
        }
        for name in names {
            out.push(Candidate {
                kind: FactKind::Name,
                mention: mention(name.range.clone()),
                cluster: fold_joined(name.words.iter().map(String::as_str)),
                variant: name.words.last().map(|w| fold(w)).unwrap_or_default(),
                normalized: name.words.last().map(|w| fold(w)).unwrap_or_default(),
                words: name.words,
                weekday: None,
                named: false,
            });
        }
        for number in numbers_in_words(text, &scan.words, &taken) {
            out.push(Candidate {
                kind: FactKind::Number,
                mention: mention(number.range.clone()),
                cluster: number.normalized(),
                variant: number.text.to_lowercase(),
                normalized: number.normalized(),
                words: context_words(text, &number.range),
                weekday: None,
                named: false,
            });
        }
        for quote in quotes_in(text) {
            let words: Vec<String> = quote
                .text
                .split_whitespace()
                .map(fold)
                .filter(|w| !w.is_empty())
                .collect();
            out.push(Candidate {
                kind: FactKind::Quote,
                mention: mention(quote.range.clone()),
                cluster: words.join(" "),
                variant: words.join(" "),
                normalized: words.join(" "),
                words,
                weekday: None,
                named: false,
            });
        }
        for found in attributions_in_scan(scan, casing) {
            out.push(Candidate {
                kind: FactKind::Attribution,
                mention: mention(found.range.clone()),
                cluster: found.key.clone(),
                variant: found.text.to_lowercase(),
                normalized: found.source,
                words: found.words,
                weekday: None,
                named: found.named,
            });
        }
    }
    out
}

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}
