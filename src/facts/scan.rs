//! A story paragraph read once: its words, where grammar forces a capital
//! and whether it reads as German. Casing evidence and every extractor
//! need the same three things, and tokenising and sentence splitting were
//! most of the time facts took on big texts, so each paragraph is read
//! once and the result shared by both passes.

use super::casing::{
    after_article, forced_capitals, german_enough, german_words, looks_german, scanned,
};
use super::tokens::{Token, tokens};
use crate::article::{Article, Kind};

/// One story paragraph, read.
pub struct Scan<'a> {
    /// Index into the article's `paragraphs`.
    pub paragraph: usize,
    pub text: &'a str,
    pub words: Vec<Token<'a>>,
    /// Per word: grammar forces its capital (see [`forced_capitals`]).
    pub forced: Vec<bool>,
    /// The paragraph follows German capitalisation: its article is German
    /// or its own function words are.
    pub german: bool,
}

impl<'a> Scan<'a> {
    /// Reads one paragraph; `german_article` when its whole article is
    /// German.
    pub fn new(paragraph: usize, text: &'a str, kind: Kind, german_article: bool) -> Self {
        Self::with_language(paragraph, text, kind, |words| {
            german_article || looks_german(words)
        })
    }

    /// [`Scan::new`] with whether the paragraph is German decided by
    /// `german` from its words.
    pub fn with_language(
        paragraph: usize,
        text: &'a str,
        kind: Kind,
        german: impl FnOnce(&[Token]) -> bool,
    ) -> Self {
        let words = tokens(text);
        let forced = forced_capitals(text, &words, kind);
        let german = german(&words);
        Scan {
            paragraph,
            text,
            words,
            forced,
            german,
        }
    }
}

impl Scan<'_> {
    /// Whether word `i`'s capital says nothing of a name: grammar forces
    /// it, or it follows a German article. The casing tallies count a
    /// capital inside a sentence by this test and the name test asks by
    /// it, so the two always agree on which capitals count.
    pub fn capital_is_forced(&self, i: usize) -> bool {
        self.forced.get(i).copied().unwrap_or(true)
            || (self.german && after_article(&self.words, i))
    }
}

/// Every story paragraph of `article`, read, and whether the article's
/// story is German as a whole (as the tests' `article_is_german`
/// decides it: no word spans two paragraphs, so counting paragraph by
/// paragraph gives the same answer).
pub fn scan_article(article: &Article) -> (Vec<Scan<'_>>, bool) {
    let mut scans: Vec<Scan> = scanned(article)
        .map(|(paragraph, text, kind)| Scan::new(paragraph, text, kind, false))
        .collect();
    let (german, total) = scans
        .iter()
        .map(|s| (german_words(&s.words), s.words.len()))
        .fold((0, 0), |(g, t), (g1, t1)| (g + g1, t + t1));
    let is_german = german_enough(german, total);
    for scan in &mut scans {
        scan.german |= is_german;
    }
    (scans, is_german)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::demo::DEMO_CORPUS;
    use crate::article::parse_article;
    use crate::facts::casing::article_is_german;

    #[test]
    fn paragraph_by_paragraph_german_is_the_whole_story_german() {
        let german = parse_article(
            "de",
            "de",
            "Die Regierung hat am Montag beschlossen, dass der Feiertag bleibt.\n\nEs ist ein Tag für die Familie und nicht für die Arbeit.",
        );
        let mut articles = vec![german];
        articles.extend(
            DEMO_CORPUS
                .iter()
                .map(|(name, text)| parse_article(name, name, text)),
        );
        for article in &articles {
            assert_eq!(scan_article(article).1, article_is_german(article));
        }
        assert!(scan_article(&articles[0]).1);
    }
}
