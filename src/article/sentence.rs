//! Sentence boundaries: Unicode's rules (UAX #29), repaired where they break
//! after an abbreviation or an initial ("U.S. President", "Gen. Grynkewich",
//! "J. Smith"). Decimals and quotes that close a sentence are already right
//! in UAX #29.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations that end with a period but rarely end a sentence, per
/// language, lower-case and without the final period. Matching is
/// language-blind: a false merge costs less than a false split.
const ABBREVIATIONS: &[&str] = &[
    // English titles, months, common short forms
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "pres", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "no", "vol", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est",
    "fig", "ft", "mt", // German, French, Spanish
    "bzw", "ca", "nr", "usw", "vgl", "mme", "mlle", "sra", "sr", "dra", "núm",
    // Ukrainian, Russian
    "ім", "вул", "див", "ст", "р", "рр", "тис", "млн", "млрд", "грн", "т", "д", "пор", "напр",
];

/// Byte ranges of the sentences of `text`, trimmed of surrounding spaces.
pub fn sentence_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut join_next = false;
    for (start, piece) in text.split_sentence_bound_indices() {
        let range = start..start + piece.len();
        match ranges.last_mut() {
            Some(last) if join_next || starts_lowercase(piece) => last.end = range.end,
            _ => ranges.push(range),
        }
        join_next = ends_with_abbreviation(piece);
    }
    ranges
        .into_iter()
        .map(|r| trim_range(text, r))
        .filter(|r| !r.is_empty())
        .collect()
}

/// Parts on each side of a ": " or "; " cut have at least this many words.
const MIN_CLAUSE_WORDS: usize = 4;

/// Byte ranges of the clauses of `text`: its sentences, further cut after
/// ": " and "; " where both parts are clause-sized (at least
/// `MIN_CLAUSE_WORDS` words). Plain-language rewrites and translations
/// split and join at exactly these points, so aligning finer units finds
/// their links; "He added: “…”" stays whole.
pub fn clause_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for sentence in sentence_ranges(text) {
        let mut start = sentence.start;
        let piece = &text[sentence.clone()];
        for (at, mark) in piece.match_indices([':', ';', '：', '；']) {
            // The full-width marks are three bytes.
            let cut = sentence.start + at + mark.len();
            let followed_by_space = text[cut..].starts_with(char::is_whitespace);
            if followed_by_space
                && words(&text[start..cut]) >= MIN_CLAUSE_WORDS
                && words(&text[cut..sentence.end]) >= MIN_CLAUSE_WORDS
            {
                out.push(trim_range(text, start..cut));
                start = cut;
            }
        }
        out.push(trim_range(text, start..sentence.end));
    }
    out.retain(|r| !r.is_empty());
    out
}

fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The sentences of `text` as string slices.
pub fn sentences(text: &str) -> Vec<&str> {
    sentence_ranges(text)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

fn starts_lowercase(piece: &str) -> bool {
    piece
        .trim_start()
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_lowercase())
}

/// True when the piece's last word is a known abbreviation or a run of
/// initials (U.S., J., e.g.).
fn ends_with_abbreviation(piece: &str) -> bool {
    let trimmed = piece.trim_end();
    let Some(without_dot) = trimmed.strip_suffix('.') else {
        return false;
    };
    let last_word = without_dot
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    if last_word.is_empty() {
        return false;
    }
    let initials = last_word
        .split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
    initials || ABBREVIATIONS.contains(&last_word.to_lowercase().as_str())
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("One here. Two there! Three?"),
            ["One here.", "Two there!", "Three?"]
        );
    }

    #[test]
    fn survives_abbreviations_and_initials() {
        let text = "U.S. President Donald Trump spoke on Dec. 15 with Gen. Grynkewich. J. R. Smith agreed.";
        assert_eq!(
            sentences(text),
            [
                "U.S. President Donald Trump spoke on Dec. 15 with Gen. Grynkewich.",
                "J. R. Smith agreed."
            ]
        );
    }

    #[test]
    fn survives_decimals() {
        assert_eq!(
            sentences("It grew 3.5 percent. Then it fell."),
            ["It grew 3.5 percent.", "Then it fell."]
        );
    }

    #[test]
    fn quotes_end_sentences() {
        let text =
            "“We are ready.” The official said so. He added: “It is strong enough.” Then he left.";
        assert_eq!(
            sentences(text),
            [
                "“We are ready.”",
                "The official said so.",
                "He added: “It is strong enough.”",
                "Then he left."
            ]
        );
    }

    #[test]
    fn ukrainian_text() {
        let text = "Зустріч відбулася 6 вересня 2025 р. у Мюнхені. Фото з відкритих джерел.";
        assert_eq!(
            sentences(text),
            [
                "Зустріч відбулася 6 вересня 2025 р. у Мюнхені.",
                "Фото з відкритих джерел."
            ]
        );
    }

    #[test]
    fn clauses_cut_at_colons_and_semicolons_between_long_parts() {
        let text = "Abraham was the father of Isaac; Isaac was the father of Jacob. He added: “It is strong enough.”";
        let clauses: Vec<&str> = clause_ranges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            clauses,
            [
                "Abraham was the father of Isaac;",
                "Isaac was the father of Jacob.",
                "He added: “It is strong enough.”"
            ]
        );
    }

    /// Full-width colons and semicolons are three bytes: a cut after one
    /// once landed inside it, and sentence mode panicked on Chinese text.
    #[test]
    fn clauses_cut_after_full_width_marks_whole() {
        for text in [
            "甲：乙",
            "市长张伟在新闻发布会上说：“我们会尽快修复。”",
            "one two three four： five six seven eight； nine ten eleven twelve",
        ] {
            let clauses: Vec<&str> = clause_ranges(text).into_iter().map(|r| &text[r]).collect();
            assert_eq!(
                clauses.concat().replace(' ', ""),
                text.replace(' ', ""),
                "{text}"
            );
        }
        let text = "one two three four： five six seven eight";
        let clauses: Vec<&str> = clause_ranges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(clauses, ["one two three four：", "five six seven eight"]);
    }

    #[test]
    fn ranges_index_the_text() {
        let text = "  First one.   Second one.  ";
        let ranges = sentence_ranges(text);
        assert_eq!(&text[ranges[0].clone()], "First one.");
        assert_eq!(&text[ranges[1].clone()], "Second one.");
    }
}
