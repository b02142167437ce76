//! Quantities: a number with its unit ("80%", "90 percent" = 90%, "$1.5
//! billion", "14 soldiers") and the words around it. A number without a
//! unit, inside a date, or naming something ("Article 5") is no quantity.

use std::ops::Range;

use super::lexicon::is_percent_word;
use super::tokens::Token;

/// Currency symbols written before the amount.
const CURRENCY_SIGNS: &[(&str, &str)] = &[("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("₴", "UAH")];

/// Currency words written after the amount.
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("usd", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("eur", "EUR"),
    ("hryvnias", "UAH"),
    ("uah", "UAH"),
    ("грн", "UAH"),
    ("pounds", "GBP"),
];

/// Measures and counted nouns that make a bare number a quantity. A
/// closed list: after a number, an open-class word is as often a verb
/// ("16 were") as a unit.
#[rustfmt::skip]
const COUNT_NOUNS: &[&str] = &[
    "km", "kilometers", "kilometres", "miles", "meters", "metres", "tons", "tonnes", "days",
    "weeks", "months", "years", "hours", "people", "troops", "soldiers", "civilians", "tanks",
    "drones", "missiles", "countries", "members", "prisoners", "children", "killed", "wounded",
    "kilometer", "tage", "wochen", "monate", "jahre", "menschen", "soldaten", "jours", "mois",
    "ans", "personnes", "soldats", "км", "днів", "років", "людей", "дронів", "ракет",
];

/// Scale words and their factor.
const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("mio", 1e6),
    ("mrd", 1e9),
    ("milliarden", 1e9),
    ("millionen", 1e6),
    ("milliards", 1e9),
    ("millions", 1e6),
    ("тис", 1e3),
    ("млн", 1e6),
    ("млрд", 1e9),
];

/// Whether `word` is a scale word ("million", "Mrd"): a number whose
/// scale changed ("$1.5 billion" → "$1.5 million") changed, though no
/// digit did.
pub fn is_scale_word(word: &str) -> bool {
    // The longest is "milliarden": anything longer (a link's only-here
    // stretch is often several words) is none, and is not lower-cased.
    if word.len() > "milliarden".len() {
        return false;
    }
    // Every scale starts with t, m or b, or is Cyrillic (т, м): most
    // words are turned away by their first byte.
    if !matches!(
        word.as_bytes().first(),
        Some(b't' | b'T' | b'm' | b'M' | b'b' | b'B' | 0xD0 | 0xD1)
    ) {
        return false;
    }
    if word.is_ascii() {
        return SCALES
            .iter()
            .any(|(scale, _)| word.eq_ignore_ascii_case(scale));
    }
    let lower = word.to_lowercase();
    SCALES.iter().any(|(scale, _)| lower == *scale)
}

/// One quantity as written in a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundNumber {
    pub range: Range<usize>,
    pub text: String,
    pub value: f64,
    /// "%", an ISO currency code, or the counted noun ("soldiers").
    pub unit: String,
}

impl FoundNumber {
    /// The value with its unit, the same however it was written.
    pub fn normalized(&self) -> String {
        let value = format!("{}", self.value);
        match self.unit.as_str() {
            "%" => format!("{value}%"),
            unit => format!("{value} {unit}"),
        }
    }
}

/// The quantities in one paragraph, skipping words inside `taken` ranges
/// (dates and names found first).
#[cfg(test)]
pub fn numbers_in(text: &str, taken: &[Range<usize>]) -> Vec<FoundNumber> {
    numbers_in_words(text, &super::tokens::tokens(text), taken)
}

/// The quantities in one paragraph given its words, skipping words
/// inside `taken` ranges (dates and names found first).
pub fn numbers_in_words(text: &str, words: &[Token], taken: &[Range<usize>]) -> Vec<FoundNumber> {
    let free = |w: &Token| !taken.iter().any(|r| r.start <= w.start && w.end <= r.end);
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if !word.is_number() || !free(word) || !word.text.chars().all(is_numeral) {
            continue;
        }
        let Some(mut value) = parse(word.text) else {
            continue;
        };
        let mut end = word.end;
        let mut next = i + 1;
        let spaced = |n: usize| {
            words
                .get(n)
                .filter(|w| &text[words[n - 1].end..w.start] == " ")
        };
        if let Some(factor) = spaced(next).and_then(|w| lookup(SCALES, w.text)) {
            value *= factor;
            end = words[next].end;
            next += 1;
        }
        let sign = CURRENCY_SIGNS
            .iter()
            .find(|(s, _)| text[..word.start].ends_with(s));
        let after = &text[end..];
        let unit = if let Some((s, code)) = sign {
            Some((word.start - s.len(), end, code.to_string()))
        } else if after.starts_with('%') || after.starts_with(" %") {
            Some((
                word.start,
                end + after.find('%').unwrap_or(0) + 1,
                "%".to_string(),
            ))
        } else if let Some(w) = spaced(next).filter(|w| is_percent_word(w.text)) {
            Some((word.start, w.end, "%".to_string()))
        } else if let Some(w) = spaced(next + 1)
            .filter(|w| spaced(next).is_some_and(|v| is_percent_word(&text[v.start..w.end])))
        {
            Some((word.start, w.end, "%".to_string()))
        } else if let Some(w) = spaced(next).filter(|w| lookup(CURRENCY_WORDS, w.text).is_some()) {
            lookup(CURRENCY_WORDS, w.text).map(|code| (word.start, w.end, code.to_string()))
        } else {
            spaced(next)
                .filter(|w| COUNT_NOUNS.contains(&w.text.to_lowercase().as_str()))
                .map(|w| (word.start, w.end, w.text.to_lowercase()))
        };
        // After a hyphen joined to a word or number ("5-7 percent",
        // "COVID-19 cases") the figure is half of a range or a name; a
        // hyphen after a space is a minus sign ("-5 percent", "−5%"),
        // part of the quantity.
        let joined = text[..word.start].ends_with('-') && sign_before(text, word.start) == 0;
        if let Some((start, end, unit)) = unit
            && !joined
        {
            let sign = sign_before(text, start);
            let start = start - sign;
            found.push(FoundNumber {
                range: start..end,
                text: text[start..end].to_string(),
                value: if sign > 0 { -value } else { value },
                unit,
            });
        }
    }
    found
}

/// The bytes of a minus sign written right before byte `at` ("-5",
/// "−10"), or 0: a hyphen after a letter or digit joins ("COVID-19",
/// "5-7"), it is no sign.
pub(super) fn sign_before(text: &str, at: usize) -> usize {
    let before = text.get(..at).unwrap_or("");
    let Some(sign) = before
        .chars()
        .next_back()
        .filter(|c| matches!(c, '-' | '−'))
    else {
        return 0;
    };
    let rest = &before[..before.len() - sign.len_utf8()];
    if rest.chars().next_back().is_some_and(char::is_alphanumeric) {
        0
    } else {
        sign.len_utf8()
    }
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || c == '.' || c == ','
}

/// "1,000" and "3.5"; a comma before exactly three digits groups
/// thousands, otherwise it is a decimal comma.
fn parse(numeral: &str) -> Option<f64> {
    let grouped = numeral
        .split(',')
        .skip(1)
        .all(|part| part.len() == 3 && !numeral.contains('.'));
    let cleaned = if grouped {
        numeral.replace(',', "")
    } else {
        numeral.replace(',', ".")
    };
    cleaned.parse().ok()
}

fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    let lower = word.to_lowercase();
    table.iter().find(|(w, _)| *w == lower).map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_words_in_any_case_and_nothing_longer() {
        for word in ["billion", "Million", "MRD", "млн", "МЛРД", "milliarden"] {
            assert!(is_scale_word(word), "{word}");
        }
        for word in ["billions of", "bill", "percent", "1.5 billion", ""] {
            assert!(!is_scale_word(word), "{word}");
        }
    }

    fn found(text: &str) -> Vec<(String, String)> {
        numbers_in(text, &[])
            .into_iter()
            .map(|n| (n.text.clone(), n.normalized()))
            .collect()
    }

    #[test]
    fn percentages_in_any_spelling_normalise_alike() {
        assert_eq!(
            found("over 80% of it, about 90 percent, 14 % here, 3,5 Prozent, 12 pour cent"),
            [
                ("80%".into(), "80%".into()),
                ("90 percent".into(), "90%".into()),
                ("14 %".into(), "14%".into()),
                ("3,5 Prozent".into(), "3.5%".into()),
                ("12 pour cent".into(), "12%".into()),
            ]
        );
    }

    #[test]
    fn money_and_counts() {
        assert_eq!(
            found("a $1.5 billion loan for 30,000 troops"),
            [
                ("$1.5 billion".into(), "1500000000 USD".into()),
                ("30,000 troops".into(), "30000 troops".into()),
            ]
        );
    }

    #[test]
    fn no_unit_no_quantity() {
        assert!(found("Article 5-like, in 2025, item 3.").is_empty());
    }
}
