//! Text → comparison keys that survive paraphrase in any language: words
//! as Unicode letters and digits (Han ideographs one by one), case folded,
//! one apostrophe and one possessive form, "percent" as "%", and a short
//! prefix so "guarantee" meets "guarantees". No stopword list: rarity
//! weighting (see `weights`) does that job.
//!
//! Tokens are grouped into *statements* — sentences, with quoted passages
//! cut from their attribution ("…,” the official said) — because a quote
//! two outlets render alike is strong evidence even inside otherwise
//! different paragraphs. This is a single hand-written pass: it runs over
//! every word of book-length texts, where Unicode's segmentation
//! algorithms were the slowest step.

mod key;

pub use key::Key;
pub(super) use key::pack_short;
use key::{Keyed, PlainKey, plain_key, word_key};

use crate::chars::{char_at, is_acronym, is_combining_mark, is_ideograph};

/// Letters kept of a word: enough to tell words apart, short enough that
/// inflections (offer/offering/offered) meet. Counted in characters, so it
/// works for Cyrillic and Greek as for Latin.
pub(super) const STEM_CHARS: usize = 5;

/// Quotation marks: they open or close a quoted statement.
const QUOTE_MARKS: &[char] = &['"', '“', '”', '„', '«', '»', '‹', '›', '「', '」'];

/// Calls `emit(statement, key, name, number)` for every token of `text`,
/// statements numbered from 0 in order.
pub fn scan(text: &str, emit: impl FnMut(usize, Key<'_>, bool, bool)) {
    scan_with::<true>(text, emit);
}

/// [`scan`], with plain words keyed on their own path when `PLAIN` (the
/// tests hold the two to the same tokens).
fn scan_with<const PLAIN: bool>(text: &str, mut emit: impl FnMut(usize, Key<'_>, bool, bool)) {
    let mut scanner = Scanner {
        sentence_start: true,
        ..Scanner::default()
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if byte.is_ascii_alphanumeric() {
            // Most of any Latin-script text: a run of ASCII letters and
            // digits, read eight bytes at a time.
            let end = crate::ascii::alphanumeric_end(bytes, at);
            if PLAIN
                && scanner.word.is_none()
                && ends_word(bytes, end)
                && let Some(plain) = plain_key(bytes, at, end)
            {
                scanner.emit_plain(end - at, plain, &mut emit);
                // A space after it ends the word and is nothing else, and
                // so is a comma before a space.
                at = match (bytes.get(end), bytes.get(end + 1)) {
                    (Some(b' '), _) => end + 1,
                    (Some(b','), Some(b' ')) => end + 2,
                    _ => end,
                };
                continue;
            }
            let last = bytes.get(end - 1).map_or(' ', |&b| char::from(b));
            scanner.extend(at, end, last);
            at = end;
            continue;
        }
        if byte == b' ' {
            // A space ends the word and is nothing else: no joining,
            // quoting or sentence rule applies to it.
            scanner.flush(text, &mut emit);
            at += 1;
            continue;
        }
        let Some(c) = char_at(text, at) else { break };
        let end = at + c.len_utf8();
        let next = char_at(text, end);
        if is_ideograph(c) {
            scanner.flush(text, &mut emit);
            scanner.extend(at, end, c);
            scanner.flush(text, &mut emit);
        } else if c.is_alphanumeric() {
            scanner.extend(at, end, c);
        } else if scanner.word.is_some() && (is_mark(c) || is_combining_mark(c)) {
            // An accent written apart from its letter, a virama, an Arabic
            // or Hebrew vowel point: part of the word, which still ends
            // in its letter for the joining rules ("José’s").
            scanner.extend_mark(end);
        } else if is_mark(c) {
            // Outside a word only these start one: a variation selector
            // after a symbol is no word.
            scanner.extend(at, end, c);
        } else if scanner.joins(c, next) {
            // Inside a word: U.S, don't, 5,169, 3.5 — the word continues.
        } else {
            scanner.flush(text, &mut emit);
            scanner.punctuation(c, next, &mut emit);
        }
        at = end;
    }
    scanner.flush(text, &mut emit);
}

/// The word being read: its byte range and its last character.
struct Word {
    start: usize,
    end: usize,
    last: char,
}

#[derive(Default)]
struct Scanner {
    word: Option<Word>,
    statement: usize,
    /// Tokens emitted in the current statement.
    in_statement: usize,
    sentence_start: bool,
    /// The last word looked like an abbreviation or initial (U.S, J).
    after_abbreviation: bool,
    buffer: String,
    lower: String,
}

impl Scanner {
    /// Adds the characters at `start..end`, the last of them `last`, to
    /// the word being read (or starts one).
    fn extend(&mut self, start: usize, end: usize, last: char) {
        let start = self.word.as_ref().map_or(start, |w| w.start);
        self.word = Some(Word { start, end, last });
    }

    /// Takes a combining mark ending at `end` into the word being read,
    /// keeping its last letter as the last character.
    fn extend_mark(&mut self, end: usize) {
        if let Some(word) = &mut self.word {
            word.end = end;
        }
    }

    /// Apostrophes and dots join letters; dots and commas join digits.
    fn joins(&self, c: char, next: Option<char>) -> bool {
        let Some(word) = &self.word else { return false };
        let Some(next) = next else { return false };
        let previous = word.last;
        match c {
            '\'' | '’' | 'ʼ' | '.' => previous.is_alphanumeric() && next.is_alphanumeric(),
            ',' => previous.is_numeric() && next.is_numeric(),
            _ => false,
        }
    }

    fn flush(&mut self, text: &str, emit: &mut impl FnMut(usize, Key<'_>, bool, bool)) {
        let Some(Word { start, end, .. }) = self.word.take() else {
            return;
        };
        let word = text.get(start..end).unwrap_or_default();
        let Keyed {
            packed,
            name,
            number,
            dotted,
        } = word_key(word, &mut self.buffer, &mut self.lower);
        self.after_abbreviation = word.len() == 1 || word.chars().nth(1).is_none() || dotted;
        let name = name && (!self.sentence_start || is_acronym(word));
        let key = packed.map_or(Key::Text(&self.buffer), Key::Packed);
        emit(self.statement, key, name, number);
        self.in_statement += 1;
        self.sentence_start = false;
    }

    /// [`Scanner::flush`] for a plain word of `len` bytes, read whole
    /// and keyed by [`plain_key`]: a single letter may be an initial, and
    /// a capital is a name's inside a sentence (never an acronym's: those
    /// are not plain).
    fn emit_plain(
        &mut self,
        len: usize,
        plain: PlainKey,
        emit: &mut impl FnMut(usize, Key<'_>, bool, bool),
    ) {
        self.after_abbreviation = len == 1;
        let name = plain.capitalised && !self.sentence_start;
        emit(self.statement, Key::Packed(plain.packed), name, false);
        self.in_statement += 1;
        self.sentence_start = false;
    }

    fn punctuation(
        &mut self,
        c: char,
        next: Option<char>,
        emit: &mut impl FnMut(usize, Key<'_>, bool, bool),
    ) {
        match c {
            '%' | '٪' => {
                emit(self.statement, Key::Text("%"), false, true);
                self.in_statement += 1;
            }
            c if QUOTE_MARKS.contains(&c) => self.end_statement(),
            '.' | '!' | '?' | '…' | '。' | '！' | '？' => {
                let at_break = next.is_none_or(|n| n.is_whitespace() || QUOTE_MARKS.contains(&n));
                if at_break && !(c == '.' && self.after_abbreviation) {
                    self.end_statement();
                }
            }
            ':' | ';' | '(' | '[' | '—' | '–' => self.sentence_start = true,
            _ => {}
        }
    }

    fn end_statement(&mut self) {
        if self.in_statement > 0 {
            self.statement += 1;
            self.in_statement = 0;
        }
        self.sentence_start = true;
    }
}

/// Whether the run of ASCII letters and digits ending at byte `end`
/// ends its word there: nothing after it can join it (an apostrophe or a
/// dot joins only a letter or digit after it, and any character beyond
/// ASCII may be a letter or mark that continues the word), and no rule
/// of what follows looks back at the word but the one a plain word's
/// flush sets ([`Scanner::emit_plain`]).
fn ends_word(bytes: &[u8], end: usize) -> bool {
    match bytes.get(end) {
        None => true,
        Some(b'.' | b'\'') => bytes
            .get(end + 1)
            .is_none_or(|&b| b.is_ascii() && !b.is_ascii_alphanumeric()),
        Some(b) => b.is_ascii(),
    }
}

/// Combining marks continue the word they follow (Devanagari, Thai).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0900..=0x0DFF | 0x0E00..=0x0E7F) && !c.is_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One comparison token, for tests and callers that want a list.
    #[derive(Debug, Clone, PartialEq, Eq)]
    struct KeyToken {
        key: String,
        /// Capitalised inside a sentence, or an acronym: likely a name.
        name: bool,
        /// Holds a digit (or is `%`).
        number: bool,
    }

    /// The comparison tokens of `text`, in order (repeats kept).
    fn key_tokens(text: &str) -> Vec<KeyToken> {
        let mut tokens = Vec::new();
        scan(text, |_, key, name, number| {
            tokens.push(KeyToken {
                key: written(key),
                name,
                number,
            });
        });
        tokens
    }

    fn written(key: Key<'_>) -> String {
        let mut text = String::new();
        key.push_to(&mut text);
        text
    }

    fn keys(text: &str) -> Vec<String> {
        key_tokens(text).into_iter().map(|t| t.key).collect()
    }

    fn statements(text: &str) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = Vec::new();
        scan(text, |statement, key, _, _| {
            if out.len() <= statement {
                out.resize(statement + 1, Vec::new());
            }
            out[statement].push(written(key));
        });
        out
    }

    /// Every token of `text` with its statement, scanned with or without
    /// the plain-word path.
    fn all_tokens<const PLAIN: bool>(text: &str) -> Vec<(usize, String, bool, bool)> {
        let mut out = Vec::new();
        scan_with::<PLAIN>(text, |statement, key, name, number| {
            out.push((statement, written(key), name, number));
        });
        out
    }

    #[test]
    fn plain_words_key_as_every_word_does() {
        crate::test_rng::each_text_of(29, crate::test_rng::TOKENISER_PIECES, 600, 16, |text| {
            assert_eq!(
                all_tokens::<true>(text),
                all_tokens::<false>(text),
                "{text}"
            );
        });
    }

    #[test]
    fn folds_case_apostrophes_and_possessives() {
        assert_eq!(keys("NATO’s Article"), ["NATO", "artic"]);
        assert_eq!(keys("NATO's article"), ["NATO", "artic"]);
        assert_eq!(keys("U.S. and US"), ["US", "and", "US"]);
        assert_eq!(keys("don't"), ["don't"]);
    }

    #[test]
    fn inflections_meet() {
        assert_eq!(keys("offer offering offered"), ["offer", "offer", "offer"]);
        assert_eq!(keys("guarantee guarantees"), ["guara", "guara"]);
    }

    #[test]
    fn numbers_and_percent() {
        assert_eq!(keys("80%"), ["80", "%"]);
        assert_eq!(keys("90 percent"), ["90", "%"]);
        assert_eq!(
            keys("5,169 and 3.5, then 5-like"),
            ["5169", "and", "3.5", "then", "5", "like"]
        );
    }

    #[test]
    fn names_are_capitalised_inside_sentences() {
        let tokens = key_tokens("The envoy met Witkoff. Then “Kushner” spoke with NATO.");
        let names: Vec<&str> = tokens
            .iter()
            .filter(|t| t.name)
            .map(|t| t.key.as_str())
            .collect();
        assert_eq!(names, ["witko", "NATO"]);
    }

    #[test]
    fn decomposed_words_key_as_composed() {
        // "é" as one character, and as "e" with a combining accent.
        assert_eq!(keys("Le café fermé"), keys("Le cafe\u{301} ferme\u{301}"));
        assert_eq!(keys("ferme\u{301}"), ["fermé"]);
        // Arabic vowel points stay inside their word.
        assert_eq!(keys("كِتَاب").len(), 1);
        // A possessive after a decomposed accent is cut as after the
        // composed letter.
        assert_eq!(keys("Jose\u{301}’s plan"), keys("José’s plan"));
        // A variation selector after a symbol is no word, and the
        // sentence rules see past it.
        assert_eq!(keys("⚡\u{fe0f} Russia agreed"), ["russi", "agree"]);
        let names: Vec<String> = key_tokens("⚡\u{fe0f} Russia agreed")
            .into_iter()
            .filter(|t| t.name)
            .map(|t| t.key)
            .collect();
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn cyrillic_words_are_stemmed_by_characters() {
        assert_eq!(keys("Зустріч представників"), ["зустр", "предс"]);
    }

    #[test]
    fn han_ideographs_are_single_tokens() {
        assert_eq!(keys("東京で会議"), ["東", "京", "で", "会", "議"]);
    }

    #[test]
    fn statements_split_sentences_and_quotes() {
        let text = "“The basis is strong,” a senior U.S. official said. Those talks ended. Fine";
        assert_eq!(
            statements(text),
            [
                vec!["the", "basis", "is", "stron"],
                vec!["a", "senio", "US", "offic", "said"],
                vec!["those", "talks", "ended"],
                vec!["fine"]
            ]
        );
    }
}
