//! One side's (or one article's) casing tallies, read paragraph by
//! paragraph. A book side writes a hundred thousand words but only some
//! ten thousand distinct ones, and every question the tallies ask of a
//! word (its case key, whether it may start a German name, whether it is
//! a German article) depends on how it is written alone. So each distinct
//! written word is asked once, its counts are kept beside it and added to
//! the tallies at the end, and it is handed to the German evidence's sets
//! once: asking every occurrence afresh was a sixth of aligning a German
//! pair.

use std::collections::HashMap;

use super::{Casing, case_key, lower_into};
use crate::ascii;
use crate::facts::german::RunFacts;
use crate::facts::lexicon;
use crate::facts::scan::Scan;
use crate::facts::tokens::Token;
use crate::hash::PackedState;

/// A side or article being tallied into a [`Casing`].
#[derive(Default)]
pub(in crate::facts) struct Tally<'a> {
    casing: Casing,
    /// Each distinct written word's place in `words`: keyed by its bytes
    /// packed into an integer when it has at most 15 (nearly all words),
    /// else by the text.
    ids: HashMap<u128, usize, PackedState>,
    long_ids: HashMap<&'a str, usize, PackedState>,
    words: Vec<Written<'a>>,
    /// The paragraph being read: its words' places in `words`, and their
    /// [`RunFacts`].
    scan_ids: Vec<usize>,
    run_facts: Vec<RunFacts>,
    /// Room for a word lower-cased.
    lower: String,
}

/// What the tallies ask of one written word, and its counts so far.
struct Written<'a> {
    text: &'a str,
    /// [`case_key`] of its stem.
    key: u64,
    capitalised: bool,
    /// What the German name-run tally asks of it.
    run: RunFacts,
    /// A German article: a capital after it proves nothing.
    article: bool,
    /// Times written lower-case.
    lower: usize,
    /// Times capitalised where grammar does not force it.
    inside: usize,
    /// Its German name-run counts: (for a name, against).
    runs: (usize, usize),
    /// Already handed to the German evidence: as a lower-case word of a
    /// German paragraph, as a capital of one, and as a capital of a
    /// paragraph in another language.
    noted_lower: bool,
    noted_capitalised: bool,
    noted_elsewhere: bool,
}

impl<'a> Written<'a> {
    fn of(word: &Token<'a>) -> Self {
        Written {
            text: word.text,
            key: case_key(word.stem()),
            capitalised: word.is_capitalised(),
            run: RunFacts::of(word),
            article: lexicon::is_german_article(word.text),
            lower: 0,
            inside: 0,
            runs: (0, 0),
            noted_lower: false,
            noted_capitalised: false,
            noted_elsewhere: false,
        }
    }
}

impl<'a> Tally<'a> {
    /// Tallies one paragraph, read, with the German name evidence that
    /// [`Casing::of`] resolves once the whole corpus is read.
    pub fn add(&mut self, scan: &Scan<'a>) {
        self.read_ids(&scan.words);
        if scan.german {
            self.tally_german(scan);
        }
        self.tally_case(scan);
    }

    /// The tallies, with every word's counts added.
    pub fn into_casing(self) -> Casing {
        let mut casing = self.casing;
        for word in &self.words {
            if word.lower > 0 {
                *casing.lower.entry(word.key).or_default() += word.lower;
            }
            if word.inside > 0 {
                *casing.capitalised_inside.entry(word.key).or_default() += word.inside;
            }
            if word.runs != (0, 0) {
                let token = Token {
                    text: word.text,
                    start: 0,
                    end: 0,
                };
                casing.german.add_counts(&token, word.runs);
            }
        }
        casing
    }

    /// Each word's place in `words`, the word asked about on first sight.
    fn read_ids(&mut self, tokens: &[Token<'a>]) {
        self.scan_ids.clear();
        for token in tokens {
            let fresh = self.words.len();
            let id = match ascii::packed_with_length(token.text.as_bytes()) {
                Some(packed) => *self.ids.entry(packed).or_insert(fresh),
                None => *self.long_ids.entry(token.text).or_insert(fresh),
            };
            if id == fresh {
                self.words.push(Written::of(token));
            }
            self.scan_ids.push(id);
        }
    }

    /// The German evidence of a German paragraph: its name runs and
    /// coordinations, and each word noted once.
    fn tally_german(&mut self, scan: &Scan) {
        let (text, words, forced) = (scan.text, &scan.words, &scan.forced);
        self.run_facts.clear();
        let facts = self.scan_ids.iter().map(|&id| self.words[id].run);
        self.run_facts.extend(facts);
        let spaced = |a: usize, b: usize| &text[words[a].end..words[b].start] == " ";
        let (ids, written) = (&self.scan_ids, &mut self.words);
        let count = |i: usize, (for_, after): (usize, usize)| {
            let runs = &mut written[ids[i]].runs;
            runs.0 += for_;
            runs.1 += after;
        };
        let german = &mut self.casing.german;
        german.tally_runs(words, forced, &self.run_facts, spaced, count);
        for (i, word) in words.iter().enumerate() {
            let written = &mut self.words[self.scan_ids[i]];
            if !written.capitalised && !written.noted_lower {
                written.noted_lower = true;
                german.note_lower(word.text);
            }
            if self.run_facts[i].capital && !forced[i] && !written.noted_capitalised {
                written.noted_capitalised = true;
                german.note_capitalised(word);
            }
        }
    }

    /// The lower-case and mid-sentence-capital counts of one paragraph,
    /// and the capitals it shows outside German for the German evidence.
    fn tally_case(&mut self, scan: &Scan) {
        for (i, word) in scan.words.iter().enumerate() {
            let id = self.scan_ids[i];
            if !self.words[id].capitalised {
                self.words[id].lower += 1;
                continue;
            }
            if self.capital_is_forced(scan, i) {
                continue;
            }
            let written = &mut self.words[id];
            written.inside += 1;
            if !scan.german && !written.noted_elsewhere {
                written.noted_elsewhere = true;
                lower_into(word.stem(), &mut self.lower);
                self.casing.german.seen_elsewhere(&self.lower);
            }
        }
    }

    /// [`Scan::capital_is_forced`], with whether the word before is a
    /// German article already known.
    fn capital_is_forced(&self, scan: &Scan, i: usize) -> bool {
        let after_article = || {
            i.checked_sub(1)
                .and_then(|before| self.scan_ids.get(before))
                .is_some_and(|&id| self.words[id].article)
        };
        scan.forced.get(i).copied().unwrap_or(true) || (scan.german && after_article())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Kind;

    /// Paragraphs read into one tally, where most words are met again
    /// and asked nothing, tally what a fresh tally per paragraph, merged,
    /// does (there every word is met for the first time), over German and
    /// English paragraphs built from words that switch case, follow
    /// articles, repeat and coordinate.
    #[test]
    fn one_tally_counts_what_a_tally_per_paragraph_does() {
        const PIECES: &[&str] = &[
            "der",
            "Der",
            "die",
            "und",
            "oder",
            "ist",
            "nicht",
            "in",
            "nach",
            "Berlin",
            "berlin",
            "Haus",
            "haus",
            "Häuser",
            "Trump",
            "Trump’s",
            "trump",
            "the",
            "The",
            "and",
            "said",
            "Said",
            "Montag",
            "Herr",
            "3",
            ". ",
            ": ",
            " ",
            " ",
            " ",
            "“",
            "”",
            ", ",
        ];
        let mut seed = 7;
        for _ in 0..500 {
            let texts = crate::test_rng::texts_of(&mut seed, PIECES, 6, 30);
            let scans: Vec<Scan> = texts
                .iter()
                .enumerate()
                .map(|(i, text)| Scan::new(i, text, Kind::Body, i % 3 == 0))
                .collect();
            let mut one = Tally::default();
            let mut merged = Casing::default();
            for scan in &scans {
                one.add(scan);
                let mut own = Tally::default();
                own.add(scan);
                merged.merge(own.into_casing());
            }
            assert_eq!(one.into_casing(), merged, "{texts:?}");
        }
    }
}
