//! Character look-ups the tokenisers share (the engine's keys, its word
//! diff, the fact finders'): they walk text by byte offsets and step over
//! ASCII a byte at a time, and tell acronyms alike.

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
}
