//! Character look-ups the tokenisers share (the engine's keys, its word
//! diff, the fact finders'): they walk text by byte offsets and step over
//! ASCII a byte at a time, and tell acronyms alike.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// A combining mark (an accent written apart from its letter, a virama,
/// a vowel point), which belongs to the word before it. None lies below
/// U+0300 or among the general punctuation (quotes, dashes, the ellipsis),
/// the characters beyond ASCII that most often end a word: those are
/// answered without the table.
pub fn is_combining_mark(c: char) -> bool {
    let code = c as u32;
    code >= 0x300
        && !(0x2000..=0x206F).contains(&code)
        && unicode_normalization::char::is_combining_mark(c)
}

/// The character starting at byte `at` of `text`, if one does: ASCII
/// without decoding, anything else (or a byte inside a character, which
/// gives `None`) through the string.
pub fn char_at(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(at)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text.get(at..)?.chars().next(),
    }
}

/// Han ideographs, which are words on their own.
pub fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Two or more letters, all capitals ("NATO", "U.S.", "EU"): a name
/// whatever its place in the sentence.
pub fn is_acronym(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// `word` in Unicode's composed form (NFC): an "é" written as "e" and a
/// combining accent (as macOS, some PDFs and some web pages write it)
/// then keys like the single character "é", and the same word in the two
/// forms is not marked as changed. Every character below U+0300 (a UTF-8
/// lead byte below 0xCC) is composed already and combines with nothing,
/// so a word without a byte of 0xCC or above (ASCII, Latin-1, German
/// umlauts: most words that are not ASCII) is returned as it is after
/// one look at its bytes.
pub fn composed(word: &str) -> Cow<'_, str> {
    if !word.bytes().any(|b| b >= 0xCC) || is_nfc_quick(word.chars()) == IsNormalized::Yes {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.nfc().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_at_byte_offsets() {
        let text = "aé北";
        assert_eq!(char_at(text, 0), Some('a'));
        assert_eq!(char_at(text, 1), Some('é'));
        assert_eq!(char_at(text, 2), None);
        assert_eq!(char_at(text, 3), Some('北'));
        assert_eq!(char_at(text, 6), None);
        assert!(is_ideograph('北') && !is_ideograph('é'));
        assert!(is_acronym("NATO") && is_acronym("U.S.") && is_acronym("ЄС"));
        assert!(!is_acronym("A.") && !is_acronym("Nato") && !is_acronym("42"));
    }

    #[test]
    fn decomposed_words_compose_and_composed_ones_are_borrowed() {
        let decomposed = "fe\u{301}rme\u{301}";
        assert_eq!(composed(decomposed), "férmé");
        assert!(matches!(composed("Straße München"), Cow::Borrowed(_)));
        assert!(matches!(composed("Київ"), Cow::Borrowed(_)));
        // Hangul written as jamo composes into syllables.
        assert_eq!(composed("\u{1100}\u{1161}"), "가");
        assert!(is_combining_mark('\u{301}') && is_combining_mark('\u{94D}'));
        assert!(!is_combining_mark('e'));
    }

    #[test]
    fn combining_marks_are_the_tables_own() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(
                is_combining_mark(c),
                unicode_normalization::char::is_combining_mark(c),
                "{c:?}"
            );
        }
    }

    /// What [`composed`]'s byte test takes for granted.
    #[test]
    fn characters_below_u0300_are_composed_and_combine_with_nothing() {
        for c in (0..0x300).filter_map(char::from_u32) {
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(unicode_normalization::char::canonical_combining_class(c), 0);
            assert!(c.len_utf8() == 1 || c.to_string().as_bytes()[0] < 0xCC);
        }
        assert_eq!('\u{300}'.to_string().as_bytes()[0], 0xCC);
    }
}
