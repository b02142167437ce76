//! Quotations: text between quotation marks of any convention (“…”, "…",
//! „…“, «…», »…«, ‘…’), across sentence ends, and to the paragraph end
//! when a long quote runs on unclosed. Scare quotes around one or two words
//! ("progress") are not quotations: a quotation has three words or more.

use std::ops::Range;

use crate::chars::char_at;

/// Fewest words for quoted text to count as a quotation.
pub const MIN_QUOTE_WORDS: usize = 3;

/// Opening marks and the marks that may close them.
const PAIRS: &[(char, &[char])] = &[
    ('“', &['”', '“']),
    ('„', &['“', '”']),
    ('«', &['»']),
    ('»', &['«']),
    ('"', &['"']),
    ('‘', &['’']),
    ('‹', &['›']),
];

/// One quotation in a paragraph: the range of the words inside the marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundQuote {
    pub range: Range<usize>,
    pub text: String,
}

/// The quotations of one paragraph, in order.
pub fn quotes_in(text: &str) -> Vec<FoundQuote> {
    quotes_with::<true>(text)
}

/// [`quotes_in`], the marks looked for only where their first bytes are
/// when `BY_FIRST_BYTES`, else at every character (the tests hold the two
/// to the same quotations).
fn quotes_with<const BY_FIRST_BYTES: bool>(text: &str) -> Vec<FoundQuote> {
    // Every opening mark is '"' or starts with byte C2 or E2 in UTF-8: a
    // paragraph with none of those bytes, most of them, holds no quote
    // and is not walked a character at a time.
    if !text.bytes().any(may_begin_mark) {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut at = 0;
    while let Some((open, closers, inner_start)) = next_opening::<BY_FIRST_BYTES>(text, at) {
        let close = find_closing::<BY_FIRST_BYTES>(text, inner_start, closers);
        let inner_end = close.unwrap_or(text.len());
        if let Some(quote) = trimmed(text, inner_start..inner_end) {
            found.push(quote);
        }
        at = close.map_or(text.len(), |c| c + char_len(text, c));
        debug_assert!(at > open);
    }
    found
}

/// The next opening mark at a word start: its position, closers and the
/// position just after it.
fn next_opening<const BY_FIRST_BYTES: bool>(
    text: &str,
    from: usize,
) -> Option<(usize, &'static [char], usize)> {
    mark_starts::<BY_FIRST_BYTES>(text, from).find_map(|(position, c)| {
        let (_, closers) = PAIRS.iter().find(|(o, _)| *o == c)?;
        let before = text[..position].chars().next_back();
        let after = text[position + c.len_utf8()..].chars().next();
        // French spaces inside guillemets; »…« (German) must open on a word.
        let opens = match c {
            '«' => after.is_some(),
            '»' => after.is_some_and(char::is_alphanumeric),
            _ => after.is_some_and(|a| !a.is_whitespace()),
        };
        let at_word_start = before.is_none_or(|b| !b.is_alphanumeric()) && opens;
        at_word_start.then_some((position, *closers, position + c.len_utf8()))
    })
}

/// The closing mark: one of `closers` not followed by a letter (so the
/// apostrophe in "NATO’s" never closes a ‘quote’).
fn find_closing<const BY_FIRST_BYTES: bool>(
    text: &str,
    from: usize,
    closers: &[char],
) -> Option<usize> {
    mark_starts::<BY_FIRST_BYTES>(text, from).find_map(|(position, c)| {
        let after = text[position + c.len_utf8()..].chars().next();
        (closers.contains(&c) && after.is_none_or(|a| !a.is_alphanumeric())).then_some(position)
    })
}

/// The characters from byte `from` on that may be quotation marks, with
/// their positions: those starting with '"' or with C2 or E2, the first
/// byte of every other opening and closing mark. Those bytes never sit
/// inside a character, and the text between them (most of a quoting
/// paragraph) is passed over a byte at a time instead of decoded. Every
/// character when not `BY_FIRST_BYTES`.
fn mark_starts<const BY_FIRST_BYTES: bool>(
    text: &str,
    from: usize,
) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    // A byte 10xxxxxx continues a character; any other starts one.
    let starts_char = |b: u8| b & 0xC0 != 0x80;
    bytes
        .get(from..)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter(move |&(_, &b)| {
            if BY_FIRST_BYTES {
                may_begin_mark(b)
            } else {
                starts_char(b)
            }
        })
        .filter_map(move |(offset, _)| char_at(text, from + offset).map(|c| (from + offset, c)))
}

/// Whether byte `b` may begin a quotation mark (see [`mark_starts`]).
fn may_begin_mark(b: u8) -> bool {
    matches!(b, b'"' | 0xC2 | 0xE2)
}

fn char_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(1, char::len_utf8)
}

/// The quote without surrounding spaces and the comma a quote closes on
/// ("…for approval," he said); `None` when it is too short.
fn trimmed(text: &str, range: Range<usize>) -> Option<FoundQuote> {
    let inner = &text[range.clone()];
    let body = inner.trim().trim_end_matches([',', ';', ':', ' ']);
    let start = range.start + (inner.len() - inner.trim_start().len());
    let words = body.split_whitespace().count();
    (words >= MIN_QUOTE_WORDS).then(|| FoundQuote {
        range: start..start + body.len(),
        text: body.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        quotes_in(text).into_iter().map(|q| q.text).collect()
    }

    #[test]
    fn every_mark_starts_with_a_byte_the_filter_looks_for() {
        for (open, closers) in PAIRS {
            for mark in std::iter::once(open).chain(closers.iter()) {
                let first = mark.to_string().as_bytes()[0];
                assert!(may_begin_mark(first), "{mark}");
            }
        }
    }

    #[test]
    fn marks_found_by_their_first_bytes_are_the_marks_every_character_gives() {
        let pieces = [
            "a", "word", "Zoë", "“", "”", "„", "«", "»", "\"", "‘", "’", "‹", "›", "’s", "“x",
            "y”", "«z", "»w", "—", "é", "¡", "…", "€5", ",", "x\"", "\"y", "Ä»",
        ];
        crate::test_rng::each_text_of(17, &pieces, 400, 14, |text| {
            assert_eq!(
                quotes_with::<true>(text),
                quotes_with::<false>(text),
                "{text}"
            );
        });
    }

    #[test]
    fn curly_straight_and_guillemets_across_sentences() {
        assert_eq!(
            texts("“We want peace. We are ready,” he said. \"It is not a blank check.\""),
            ["We want peace. We are ready", "It is not a blank check."]
        );
        assert_eq!(
            texts("Merz sagte: „Das ist ein großer Schritt.“ Macron : « C'est un progrès réel »"),
            ["Das ist ein großer Schritt.", "C'est un progrès réel"]
        );
    }

    #[test]
    fn scare_quotes_and_apostrophes_are_not_quotations() {
        assert!(texts("the US called it “progress.” NATO’s Article 5 and ‘assurances’").is_empty());
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_paragraph_end() {
        assert_eq!(
            texts("He added: “Under the current proposal"),
            ["Under the current proposal"]
        );
        let text = "x “a b c” y";
        let q = &quotes_in(text)[0];
        assert_eq!(&text[q.range.clone()], "a b c");
    }
}
