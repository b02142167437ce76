//! Calendar dates, normalised so that "December 15", "15 December",
//! "15. Dezember", "Monday, December 15" and "15 грудня" are one date.
//! A named weekday is kept apart: two articles giving the same day
//! different weekdays disagree.

use std::ops::Range;

use super::lexicon::{month, weekday};
use super::tokens::Token;

/// One date as written in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub range: Range<usize>,
    pub text: String,
    pub month: u8,
    pub day: u8,
    pub year: Option<u16>,
    /// 1 = Monday, when the text names the weekday.
    pub weekday: Option<u8>,
}

impl FoundDate {
    /// ISO 8601: "2025-12-15", or "--12-15" without a year.
    pub fn normalized(&self) -> String {
        match self.year {
            Some(year) => format!("{year:04}-{:02}-{:02}", self.month, self.day),
            None => format!("--{:02}-{:02}", self.month, self.day),
        }
    }
}

/// The dates in one paragraph, in order.
#[cfg(test)]
pub fn dates_in(text: &str) -> Vec<FoundDate> {
    dates_in_words(text, &super::tokens::tokens(text))
}

/// The dates in one paragraph, in order, given its words.
pub fn dates_in_words(text: &str, words: &[Token]) -> Vec<FoundDate> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match date_at(text, words, i) {
            Some((date, next)) => {
                found.push(date);
                i = next;
            }
            None => i += 1,
        }
    }
    found
}

/// A date whose month or day is word `i`, and the index after it.
fn date_at(text: &str, words: &[Token], i: usize) -> Option<(FoundDate, usize)> {
    let gap = |a: usize, b: usize| &text[words[a].end..words[b].start];
    let next = i + 1;
    let (month_at, day_at) = if month(words[i].text).is_some() && words[i].is_capitalised() {
        (i, next)
    } else if day(words[i]).is_some() && next < words.len() && month(words[next].text).is_some() {
        let g = gap(i, next);
        (g == " " || g == ". ").then_some((next, i))?
    } else {
        return None;
    };
    if day_at >= words.len() || day(words[day_at]).is_none() {
        return None;
    }
    let between = gap(month_at.min(day_at), month_at.max(day_at));
    if !matches!(between, " " | ". ") {
        return None;
    }
    let mut last = month_at.max(day_at);
    let year = words
        .get(last + 1)
        .filter(|_| matches!(gap(last, last + 1), " " | ", "))
        .and_then(|w| year(w));
    if year.is_some() {
        last += 1;
    }
    let first = month_at.min(day_at);
    let named_weekday = first
        .checked_sub(1)
        .filter(|&w| matches!(gap(w, first), " " | ", "))
        .and_then(|w| weekday(words[w].text).map(|d| (w, d)));
    let start = named_weekday.map_or(first, |(w, _)| w);
    let range = words[start].start..words[last].end;
    let date = FoundDate {
        text: text[range.clone()].to_string(),
        range,
        month: month(words[month_at].text)?,
        day: day(words[day_at])?,
        year,
        weekday: named_weekday.map(|(_, d)| d),
    };
    Some((date, last + 1))
}

fn day(word: Token) -> Option<u8> {
    let digits = word
        .text
        .trim_end_matches(|c: char| c.is_alphabetic())
        .parse::<u8>()
        .ok()?;
    let suffix = &word.text[digits.to_string().len().min(word.text.len())..];
    let ordinal = ["", "st", "nd", "rd", "th", "er", "e"].contains(&suffix);
    (ordinal && (1..=31).contains(&digits) && word.text.starts_with(|c: char| c.is_ascii_digit()))
        .then_some(digits)
}

fn year(word: &Token) -> Option<u16> {
    let value = word.text.parse::<u16>().ok()?;
    (word.text.len() == 4 && (1000..3000).contains(&value)).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalized(text: &str) -> Vec<(String, String)> {
        dates_in(text)
            .into_iter()
            .map(|d| (d.text.clone(), d.normalized()))
            .collect()
    }

    #[test]
    fn english_orders_and_weekdays_normalise_alike() {
        let found = dates_in("on Monday, December 15, then 15 December and December 15th.");
        assert_eq!(found.len(), 3);
        assert!(found.iter().all(|d| d.normalized() == "--12-15"));
        assert_eq!(found[0].text, "Monday, December 15");
        assert_eq!(found[0].weekday, Some(1));
    }

    #[test]
    fn years_german_french_and_ukrainian() {
        assert_eq!(
            normalized("am 15. Dezember 2025, le 15 décembre, 6 серпня 2025 року"),
            [
                ("15. Dezember 2025".into(), "2025-12-15".into()),
                ("15 décembre".into(), "--12-15".into()),
                ("6 серпня 2025".into(), "2025-08-06".into()),
            ]
        );
        assert_eq!(
            normalized("the September 11, 2001 attacks"),
            [("September 11, 2001".into(), "2001-09-11".into())]
        );
    }

    #[test]
    fn months_without_days_and_modal_may_are_not_dates() {
        assert!(dates_in("In December the deal may 5 times fail. Article 5 holds.").is_empty());
    }
}
