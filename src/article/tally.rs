//! One pass over a paragraph for everything the classifier asks of its
//! characters: letters by script, visible (non-space) characters and
//! words. Book-length inputs have tens of thousands of paragraphs, and
//! these used to be three passes of char decoding each; ASCII, the bulk
//! of most text, is now looked at byte by byte, and only other characters
//! are decoded. Every figure is what the char-by-char definition gives.

use super::script::{Script, ScriptCounts, script_of};

/// What one paragraph is made of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Letters (`char::is_alphabetic`) by script.
    pub scripts: ScriptCounts,
    /// Characters that are not whitespace.
    pub visible: usize,
    /// Whitespace-separated words, as `split_whitespace().count()`.
    pub words: usize,
}

impl Tally {
    /// Tallies `text`.
    pub fn of(text: &str) -> Tally {
        let mut tally = Tally::default();
        let mut in_word = false;
        for_each_char(text, |space, script| {
            tally.words += usize::from(!space && !in_word);
            tally.visible += usize::from(!space);
            in_word = !space;
            if let Some(script) = script {
                tally.scripts.count(script);
            }
        });
        tally
    }

    /// Letters, in all scripts.
    pub fn letters(&self) -> usize {
        self.scripts.letters()
    }
}

/// Words in `text`: `text.split_whitespace().count()`, in one byte pass.
pub fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for_each_char(text, |space, _| {
        words += usize::from(!space && !in_word);
        in_word = !space;
    });
    words
}

/// Calls `f(is_whitespace, script)` for every char of `text`: from its
/// byte in an all-ASCII text (checked at once, and the tight loop then
/// has no decoding branch), else ASCII by byte and the rest decoded.
#[inline(always)]
fn for_each_char(text: &str, mut f: impl FnMut(bool, Option<Script>)) {
    if text.is_ascii() {
        for &byte in text.as_bytes() {
            ascii(byte, &mut f);
        }
        return;
    }
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if byte.is_ascii() {
            ascii(byte, &mut f);
            at += 1;
        } else {
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            f(c.is_whitespace(), script_of(c));
            at += c.len_utf8();
        }
    }
}

/// [`for_each_char`]'s call for one ASCII byte.
#[inline(always)]
fn ascii(byte: u8, f: &mut impl FnMut(bool, Option<Script>)) {
    let space = matches!(byte, b'\t'..=b'\r' | b' ');
    f(space, byte.is_ascii_alphabetic().then_some(Script::Latin));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_chars(text: &str) -> Tally {
        Tally {
            scripts: ScriptCounts::of(text),
            visible: text.chars().filter(|c| !c.is_whitespace()).count(),
            words: text.split_whitespace().count(),
        }
    }

    #[test]
    fn same_figures_as_counting_chars() {
        let samples = [
            "",
            " ",
            "one",
            "  two  words ",
            "a\tb\nc\u{b}d\u{c}e\rf\u{1c}g",
            "Zürich —\u{a0}北京\u{3000}👨\u{200d}👩 Фото ОП and αβ",
            "\u{85}x\u{2028}y\u{1680}z\u{202f}w\u{205f}",
            "IBAN UA21 3223 1300 0002 6007 2335 6600 1",
        ];
        for text in samples {
            assert_eq!(Tally::of(text), by_chars(text), "{text:?}");
            assert_eq!(count_words(text), text.split_whitespace().count());
        }
        let every: String = (0u32..0x3100).filter_map(char::from_u32).collect();
        assert_eq!(Tally::of(&every), by_chars(&every));
        assert_eq!(count_words(&every), every.split_whitespace().count());
    }
}
