//! Which pairs of a corpus are worth aligning: those that share rare
//! content. Every article's words (as short stems) and word pairs go into
//! an inverted index; a key found in at most [`RARE_ARTICLES`] articles is
//! rare, and two articles are compared when they share a rare key. Any
//! other pair shares only words most articles use and would link little
//! or nothing: it counts as similarity 0 without being aligned.
//!
//! Cost: one pass over the words, then at most `RARE_ARTICLES` partners
//! per rare key of an article — linear in the corpus, where aligning every
//! pair grows with the square of the number of articles. In a corpus of up
//! to `RARE_ARTICLES` articles every key is rare, so every pair sharing
//! any word is compared, as before.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::article::Article;

/// Most articles a key may occur in and still be rare.
pub const RARE_ARTICLES: usize = 32;

/// Letters of a word kept as its key (inflections meet, as in the engine).
const STEM_CHARS: usize = 5;

/// The pairs `(a, b)`, `a < b`, that share a rare key, ascending.
pub fn candidate_pairs(articles: &[Article]) -> Vec<(usize, usize)> {
    let keys: Vec<Vec<u64>> = articles.iter().map(article_keys).collect();
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (article, keys) in keys.iter().enumerate() {
        for &key in keys {
            postings.entry(key).or_default().push(article);
        }
    }
    // `stamp[b] == a + 1`: b is already a partner of a.
    let mut stamp = vec![0usize; articles.len()];
    let mut pairs = Vec::new();
    for (a, keys) in keys.iter().enumerate() {
        let mut partners = Vec::new();
        for articles in keys.iter().filter_map(|k| postings.get(k)) {
            if articles.len() > RARE_ARTICLES {
                continue;
            }
            for &b in articles.iter().filter(|&&b| b > a) {
                if stamp[b] != a + 1 {
                    stamp[b] = a + 1;
                    partners.push(b);
                }
            }
        }
        partners.sort_unstable();
        pairs.extend(partners.into_iter().map(|b| (a, b)));
    }
    pairs
}

/// An article's distinct keys: every word stem and every pair of
/// neighbouring stems, hashed.
fn article_keys(article: &Article) -> Vec<u64> {
    let mut keys = Vec::new();
    for paragraph in &article.paragraphs {
        let mut previous: Option<String> = None;
        for word in paragraph
            .text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let stem: String = word
                .chars()
                .flat_map(char::to_lowercase)
                .take(STEM_CHARS)
                .collect();
            keys.push(hash(&(&stem,)));
            if let Some(before) = &previous {
                keys.push(hash(&(before, &stem)));
            }
            previous = Some(stem);
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

fn hash(value: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse_article;

    fn article(text: &str) -> Article {
        parse_article("a.txt", "a.txt", text)
    }

    #[test]
    fn small_corpora_compare_every_pair_that_shares_a_word() {
        let articles = [
            article("Talks in Berlin ended on Monday."),
            article("The talks in Berlin went on."),
            article("Nothing alike here whatsoever."),
        ];
        assert_eq!(candidate_pairs(&articles), [(0, 1)]);
    }

    #[test]
    fn words_every_article_uses_pair_nobody() {
        let mut articles: Vec<Article> = (0..RARE_ARTICLES + 5)
            .map(|i| article(&format!("The common words here. Token{i} alone.")))
            .collect();
        articles.push(article("Quite another story about zebras."));
        articles.push(article("Zebras gather: another story."));
        let last = articles.len() - 1;
        assert_eq!(candidate_pairs(&articles), [(last - 1, last)]);
    }
}
