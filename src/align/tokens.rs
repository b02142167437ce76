//! Text → comparison keys that survive paraphrase in any language: Unicode
//! word boundaries, case folding, one apostrophe and one possessive form,
//! "percent" as "%", and a short prefix so "guarantee" meets "guarantees".
//! No stopword list: rarity weighting (see `weights`) does that job.

use unicode_segmentation::UnicodeSegmentation;

use crate::article::sentence::sentence_ranges;

/// One comparison token of a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyToken {
    pub key: String,
    /// Capitalised inside a sentence, or an acronym: likely a name.
    pub name: bool,
    /// Holds a digit (or is `%`).
    pub number: bool,
}

/// Letters kept of a word: enough to tell words apart, short enough that
/// inflections (offer/offering/offered) meet. Counted in characters, so it
/// works for Cyrillic and Greek as for Latin.
const STEM_CHARS: usize = 5;

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

/// The comparison tokens of `text`, in order (repeats kept).
pub fn key_tokens(text: &str) -> Vec<KeyToken> {
    let mut tokens = Vec::new();
    let mut sentence_start = true;
    for segment in text.split_word_bounds() {
        if segment.chars().any(char::is_alphanumeric) {
            tokens.push(word_token(segment, sentence_start));
            sentence_start = false;
        } else if segment == "%" || segment == "٪" {
            tokens.push(KeyToken {
                key: "%".into(),
                name: false,
                number: true,
            });
        } else if segment.chars().any(opens_sentence) {
            sentence_start = true;
        }
    }
    tokens
}

/// Quotation marks that open or close a quoted statement.
const QUOTE_MARKS: &[char] = &['"', '“', '”', '„', '«', '»', '‹', '›', '「', '」'];

/// The statements of a unit: its sentences, with quoted passages cut from
/// their attribution ("…,” the official said). A quote that two outlets
/// render alike is strong evidence even inside otherwise different text.
pub fn statements(text: &str) -> Vec<&str> {
    sentence_ranges(text)
        .into_iter()
        .flat_map(|range| text[range].split(QUOTE_MARKS))
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
        .collect()
}

fn opens_sentence(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | ':' | ';' | '"' | '“' | '«' | '„' | '(' | '[' | '—' | '–'
    )
}

fn word_token(word: &str, sentence_start: bool) -> KeyToken {
    let word = strip_possessive(&fold_apostrophes(word));
    if word.chars().any(|c| c.is_ascii_digit() || c.is_numeric()) {
        return KeyToken {
            key: number_key(&word),
            name: false,
            number: true,
        };
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    if acronym {
        return KeyToken {
            key: letters.into_iter().collect(),
            name: true,
            number: false,
        };
    }
    let lower = word.to_lowercase();
    if PERCENT_WORDS.contains(&lower.as_str()) {
        return KeyToken {
            key: "%".into(),
            name: false,
            number: true,
        };
    }
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    KeyToken {
        key: lower.chars().take(STEM_CHARS).collect(),
        name: capitalised && !sentence_start,
        number: false,
    }
}

fn fold_apostrophes(word: &str) -> String {
    word.replace(['’', '‘', 'ʼ', '`', '´'], "'")
}

/// "NATO's" → "NATO", "allies'" → "allies"; short words keep theirs.
fn strip_possessive(word: &str) -> String {
    let stripped = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("'S"))
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(word);
    if stripped.chars().count() >= 2 {
        stripped
    } else {
        word
    }
    .to_string()
}

/// "5,169" → "5169", "3.5" → "3.5", "15th" → "15": the digits (and a
/// decimal point between digits).
fn number_key(word: &str) -> String {
    let kept: String = word
        .chars()
        .filter(|c| c.is_numeric() || *c == '.')
        .collect();
    let trimmed = kept.trim_matches('.');
    if trimmed.is_empty() {
        word.to_lowercase()
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        key_tokens(text).into_iter().map(|t| t.key).collect()
    }

    #[test]
    fn folds_case_apostrophes_and_possessives() {
        assert_eq!(keys("NATO’s Article"), ["NATO", "artic"]);
        assert_eq!(keys("NATO's article"), ["NATO", "artic"]);
        assert_eq!(keys("U.S. and US"), ["US", "and", "US"]);
    }

    #[test]
    fn inflections_meet() {
        assert_eq!(keys("offer offering offered"), ["offer", "offer", "offer"]);
        assert_eq!(keys("guarantee guarantees"), ["guara", "guara"]);
    }

    #[test]
    fn percent_is_one_token() {
        assert_eq!(keys("80%"), ["80", "%"]);
        assert_eq!(keys("90 percent"), ["90", "%"]);
        assert_eq!(keys("5,169 and 3.5"), ["5169", "and", "3.5"]);
    }

    #[test]
    fn names_are_capitalised_inside_sentences() {
        let tokens = key_tokens("The envoy met Witkoff. Then “Kushner” spoke.");
        let names: Vec<&str> = tokens
            .iter()
            .filter(|t| t.name)
            .map(|t| t.key.as_str())
            .collect();
        assert_eq!(names, ["witko"]);
    }

    #[test]
    fn statements_split_quotes_from_attribution() {
        let text = "“The basis is strong,” a senior official said. “Those guarantees will not be on the table forever.”";
        assert_eq!(
            statements(text),
            [
                "The basis is strong,",
                "a senior official said.",
                "Those guarantees will not be on the table forever."
            ]
        );
    }

    #[test]
    fn cyrillic_words_are_stemmed_by_characters() {
        assert_eq!(keys("Зустріч представників"), ["зустр", "предс"]);
    }
}
