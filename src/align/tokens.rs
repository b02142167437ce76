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

/// Letters kept of a word: enough to tell words apart, short enough that
/// inflections (offer/offering/offered) meet. Counted in characters, so it
/// works for Cyrillic and Greek as for Latin.
pub(super) const STEM_CHARS: usize = 5;

/// Words meaning "percent" in the languages users compare most.
const PERCENT_WORDS: &[&str] = &[
    "percent",
    "pct",
    "prozent",
    "procent",
    "pourcent",
    "porcentaje",
    "відсоток",
    "відсотки",
    "відсотків",
    "відсотка",
    "процент",
    "процента",
    "процентов",
];

/// Quotation marks: they open or close a quoted statement.
const QUOTE_MARKS: &[char] = &['"', '“', '”', '„', '«', '»', '‹', '›', '「', '」'];

/// Calls `emit(statement, key, name, number)` for every token of `text`,
/// statements numbered from 0 in order.
pub fn scan(text: &str, mut emit: impl FnMut(usize, &str, bool, bool)) {
    let mut scanner = Scanner {
        sentence_start: true,
        ..Scanner::default()
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let next = chars.get(i + 1).map(|&(_, n)| n);
        if is_ideograph(c) {
            scanner.flush(text, &mut emit);
            scanner.word = Some(at..at + c.len_utf8());
            scanner.flush(text, &mut emit);
        } else if c.is_alphanumeric() || is_mark(c) {
            let start = scanner.word.as_ref().map_or(at, |w| w.start);
            scanner.word = Some(start..at + c.len_utf8());
        } else if scanner.joins(text, c, next) {
            // Inside a word: U.S, don't, 5,169, 3.5 — the word continues.
        } else {
            scanner.flush(text, &mut emit);
            scanner.punctuation(c, next, &mut emit);
        }
        i += 1;
    }
    scanner.flush(text, &mut emit);
}

#[derive(Default)]
struct Scanner {
    word: Option<std::ops::Range<usize>>,
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
    /// Apostrophes and dots join letters; dots and commas join digits.
    fn joins(&self, text: &str, c: char, next: Option<char>) -> bool {
        let Some(word) = &self.word else { return false };
        let Some(next) = next else { return false };
        let previous = text[word.clone()].chars().last().unwrap_or(' ');
        match c {
            '\'' | '’' | 'ʼ' | '.' => previous.is_alphanumeric() && next.is_alphanumeric(),
            ',' => previous.is_numeric() && next.is_numeric(),
            _ => false,
        }
    }

    fn flush(&mut self, text: &str, emit: &mut impl FnMut(usize, &str, bool, bool)) {
        let Some(range) = self.word.take() else {
            return;
        };
        let word = &text[range];
        self.after_abbreviation =
            word.len() == 1 || word.chars().nth(1).is_none() || word.contains('.');
        let (name, number) = word_key(word, &mut self.buffer, &mut self.lower);
        let name = name && (!self.sentence_start || is_acronym(word));
        emit(self.statement, &self.buffer, name, number);
        self.in_statement += 1;
        self.sentence_start = false;
    }

    fn punctuation(
        &mut self,
        c: char,
        next: Option<char>,
        emit: &mut impl FnMut(usize, &str, bool, bool),
    ) {
        match c {
            '%' | '٪' => {
                emit(self.statement, "%", false, true);
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

/// Writes the comparison key of `word` into `buffer`; returns whether it
/// is capitalised (a name candidate) and whether it is a number.
fn word_key(word: &str, buffer: &mut String, lower: &mut String) -> (bool, bool) {
    if word.is_ascii() {
        ascii_word_key(word, buffer)
    } else {
        unicode_word_key(word, buffer, lower)
    }
}

fn unicode_word_key(word: &str, buffer: &mut String, lower: &mut String) -> (bool, bool) {
    buffer.clear();
    buffer.extend(
        word.chars()
            .map(|c| if matches!(c, '’' | 'ʼ') { '\'' } else { c }),
    );
    strip_possessive(buffer);
    if buffer.chars().any(char::is_numeric) {
        let digits: String = buffer
            .chars()
            .filter(|c| c.is_numeric() || *c == '.')
            .collect();
        let digits = digits.trim_matches('.');
        if !digits.is_empty() {
            let digits = digits.to_string();
            buffer.clear();
            buffer.push_str(&digits);
        }
        return (false, true);
    }
    if is_acronym(buffer) {
        buffer.retain(char::is_alphabetic);
        return (true, false);
    }
    let capitalised = buffer.chars().next().is_some_and(char::is_uppercase);
    lower.clear();
    lower.extend(buffer.chars().flat_map(char::to_lowercase));
    buffer.clear();
    if PERCENT_WORDS.contains(&lower.as_str()) {
        buffer.push('%');
        return (false, true);
    }
    buffer.extend(lower.chars().take(STEM_CHARS));
    (capitalised, false)
}

/// [`word_key`] for ASCII words, the bulk of most texts, without the
/// Unicode case tables.
fn ascii_word_key(word: &str, buffer: &mut String) -> (bool, bool) {
    buffer.clear();
    buffer.push_str(word);
    strip_possessive(buffer);
    let bytes = buffer.as_bytes();
    if bytes.iter().any(u8::is_ascii_digit) {
        buffer.retain(|c| c.is_ascii_digit() || c == '.');
        let trimmed = buffer.trim_matches('.').len();
        if trimmed == 0 {
            buffer.clear();
            buffer.push_str(word);
        } else {
            let start = buffer.len() - buffer.trim_start_matches('.').len();
            buffer.drain(..start);
            buffer.truncate(trimmed);
        }
        return (false, true);
    }
    let letters = bytes.iter().filter(|b| b.is_ascii_alphabetic()).count();
    if letters >= 2
        && bytes
            .iter()
            .filter(|b| b.is_ascii_alphabetic())
            .all(u8::is_ascii_uppercase)
    {
        buffer.retain(|c| c.is_ascii_alphabetic());
        return (true, false);
    }
    let capitalised = bytes.first().is_some_and(u8::is_ascii_uppercase);
    let may_be_percent = matches!(bytes.first(), Some(b'p' | b'P'));
    if may_be_percent && PERCENT_WORDS.iter().any(|p| p.eq_ignore_ascii_case(buffer)) {
        buffer.clear();
        buffer.push('%');
        return (false, true);
    }
    buffer.make_ascii_lowercase();
    buffer.truncate(STEM_CHARS);
    (capitalised, false)
}

/// Two or more letters, all capitals: NATO, U.S.
fn is_acronym(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let count = letters.clone().count();
    count >= 2 && letters.all(char::is_uppercase)
}

/// "NATO's" → "NATO", "allies'" → "allies"; two-letter words keep theirs.
fn strip_possessive(word: &mut String) {
    let cut = if word.ends_with("'s") || word.ends_with("'S") {
        2
    } else if word.ends_with('\'') {
        1
    } else {
        0
    };
    if cut > 0 && word.chars().count() >= cut + 2 {
        word.truncate(word.len() - cut);
    }
}

/// Han ideographs are words on their own.
fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
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
                key: key.to_string(),
                name,
                number,
            });
        });
        tokens
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
            out[statement].push(key.to_string());
        });
        out
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
    fn cyrillic_words_are_stemmed_by_characters() {
        assert_eq!(keys("Зустріч представників"), ["зустр", "предс"]);
    }

    #[test]
    fn the_ascii_fast_path_agrees_with_the_unicode_one() {
        let words = [
            "NATO's",
            "U.S",
            "Guarantees",
            "offering",
            "5,169",
            "3.5",
            "15th",
            "PERCENT",
            "a",
            "I",
            "allies'",
            "don't",
            "x1y2",
            "Kushner",
            "eBay",
            "iPhone",
            "McDonald's",
            "1.2.3",
        ];
        for word in words {
            let (mut fast, mut slow, mut lower) = (String::new(), String::new(), String::new());
            let fast_flags = ascii_word_key(word, &mut fast);
            let slow_flags = unicode_word_key(word, &mut slow, &mut lower);
            assert_eq!((fast, fast_flags), (slow, slow_flags), "{word}");
        }
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
