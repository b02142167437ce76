//! One pass over a paragraph for everything the classifier asks of its
//! characters: letters by script, visible (non-space) characters and
//! words. Book-length inputs have tens of thousands of paragraphs, and
//! these used to be three passes of char decoding each; ASCII, the bulk
//! of most text, is now looked at eight bytes at a time ([`ascii`]), and
//! only other characters are decoded. Every figure is what the
//! char-by-char definition gives.

use super::script::{Script, ScriptCounts, script_of};
use crate::ascii;
use crate::chars::is_ideograph;

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
        scan::<true>(text)
    }

    /// Letters, in all scripts.
    pub fn letters(&self) -> usize {
        self.scripts.letters()
    }
}

/// Words in `text` as a reader counts them: `text.split_whitespace()`'s
/// runs, except that a Han ideograph is a word of its own, and letters
/// right after one start another (Chinese and Japanese leave no spaces
/// between words: a 150-character paragraph read as one word). Text
/// with no byte that can begin an ideograph takes the one byte pass.
pub fn count_words(text: &str) -> usize {
    if text.is_ascii() {
        return scan_ascii::<false>(text.as_bytes()).words;
    }
    if !may_hold_ideographs(text.as_bytes()) {
        return scan::<false>(text).words;
    }
    #[derive(PartialEq)]
    enum After {
        Space,
        Word,
        Ideograph,
    }
    let (mut words, mut after) = (0, After::Space);
    for c in text.chars() {
        if c.is_whitespace() {
            after = After::Space;
        } else if is_ideograph(c) {
            words += 1;
            after = After::Ideograph;
        } else if after == After::Space || (after == After::Ideograph && c.is_alphanumeric()) {
            // Punctuation after an ideograph ("。") belongs to it.
            words += 1;
            after = After::Word;
        }
    }
    words
}

/// Whether `bytes` hold a byte that can begin a Han ideograph in UTF-8
/// (0xE3 and above): ASCII read eight bytes at a time.
fn may_hold_ideographs(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if word & ascii::HIGH != 0 && chunk.iter().any(|&b| b >= 0xE3) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| b >= 0xE3)
}

/// How many words of eight bytes [`scan_ascii`] adds up in byte lanes
/// before summing them (at most 8 a word, and 31 × 8 < 256).
const LANE_WORDS: usize = 31;

/// [`scan`] of all-ASCII text (most paragraphs): whole words without a
/// check for other characters, their counts added up in byte lanes.
#[inline(always)]
fn scan_ascii<const LETTERS: bool>(bytes: &[u8]) -> Tally {
    let mut tally = Tally::default();
    let (mut spaces, mut latin) = (0, 0);
    let mut after_space = true;
    for block in bytes.chunks(8 * LANE_WORDS) {
        let mut words = block.chunks_exact(8);
        let (mut space_lanes, mut start_lanes, mut letter_lanes) = (0, 0, 0);
        for chunk in words.by_ref() {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            let space = ascii::spaces(word);
            space_lanes += ascii::ones(space);
            start_lanes += ascii::ones(!space & ascii::before(space, after_space) & ascii::HIGH);
            if LETTERS {
                letter_lanes += ascii::ones(ascii::letters(word));
            }
            after_space = ascii::last(space);
        }
        spaces += ascii::sum(space_lanes);
        tally.words += ascii::sum(start_lanes);
        latin += ascii::sum(letter_lanes);
        for &byte in words.remainder() {
            let space = matches!(byte, b'\t'..=b'\r' | b' ');
            tally.words += usize::from(!space && after_space);
            spaces += usize::from(space);
            latin += usize::from(byte.is_ascii_alphabetic());
            after_space = space;
        }
    }
    tally.visible = bytes.len() - spaces;
    tally.scripts.count_many(Script::Latin, latin);
    tally
}

/// The tally of `text` (letters only when `LETTERS`): eight ASCII bytes
/// at a time where they are, other ASCII by its byte, and only the other
/// characters decoded.
#[inline(always)]
fn scan<const LETTERS: bool>(text: &str) -> Tally {
    if text.is_ascii() {
        return scan_ascii::<LETTERS>(text.as_bytes());
    }
    let mut tally = Tally::default();
    let mut latin = 0;
    let bytes = text.as_bytes();
    let mut after_space = true;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if let Some(word) = ascii::ascii_word(bytes, at) {
            let spaces = ascii::spaces(word);
            let starts = !spaces & ascii::before(spaces, after_space) & ascii::HIGH;
            tally.words += ascii::count(starts);
            tally.visible += 8 - ascii::count(spaces);
            if LETTERS {
                latin += ascii::count(ascii::letters(word));
            }
            after_space = ascii::last(spaces);
            at += 8;
            continue;
        }
        let (space, script, len) = if byte.is_ascii() {
            let space = matches!(byte, b'\t'..=b'\r' | b' ');
            (
                space,
                byte.is_ascii_alphabetic().then_some(Script::Latin),
                1,
            )
        } else {
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let script = if LETTERS { script_of(c) } else { None };
            (c.is_whitespace(), script, c.len_utf8())
        };
        tally.words += usize::from(!space && after_space);
        tally.visible += usize::from(!space);
        after_space = space;
        if LETTERS && let Some(script) = script {
            tally.scripts.count(script);
        }
        at += len;
    }
    tally.scripts.count_many(Script::Latin, latin);
    tally
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
            assert_split_words(text);
        }
        // Every sample at every offset from an eight-byte boundary, so
        // each of its characters falls both in and out of whole words.
        let joined = samples.join(" ");
        for pad in 0..9 {
            for glue in ["", " ", "\n", "é"] {
                let text = format!("{}{glue}{joined}{glue}{joined}", "ab ".repeat(pad));
                assert_eq!(Tally::of(&text), by_chars(&text), "{text:?}");
                assert_split_words(&text);
            }
        }
        // All-ASCII text longer than one block of byte lanes.
        let ascii: Vec<&str> = samples.iter().copied().filter(|t| t.is_ascii()).collect();
        for pad in 0..9 {
            let text = format!("{}{}", " x".repeat(pad), ascii.join("\n").repeat(20));
            assert!(text.is_ascii() && text.len() > 8 * LANE_WORDS);
            assert_eq!(Tally::of(&text), by_chars(&text), "{text:?}");
            assert_split_words(&text);
        }
        let every: String = (0u32..0x3100).filter_map(char::from_u32).collect();
        assert_eq!(Tally::of(&every), by_chars(&every));
        assert_split_words(&every);
    }

    /// Without ideographs, words are `split_whitespace`'s runs; with them,
    /// the same once each ideograph is spaced apart from its neighbours
    /// (punctuation after one stays with it).
    fn assert_split_words(text: &str) {
        let mut spaced = String::new();
        let mut after_ideograph = false;
        for c in text.chars() {
            if is_ideograph(c) {
                spaced.push(' ');
                after_ideograph = true;
            } else if after_ideograph && c.is_alphanumeric() {
                spaced.push(' ');
                after_ideograph = false;
            } else if c.is_whitespace() {
                after_ideograph = false;
            }
            spaced.push(c);
        }
        assert_eq!(
            count_words(text),
            spaced.split_whitespace().count(),
            "{text:?}"
        );
    }

    #[test]
    fn each_ideograph_is_a_word() {
        assert_eq!(count_words("东京和大阪的会议在星期一举行。"), 14);
        assert_eq!(count_words("東京と大阪の会議"), 8);
        assert_eq!(count_words("Zürich 北京 Berlin"), 4);
        assert_eq!(count_words("参加者は👨\u{200d}👩家族"), 6);
        assert_eq!(count_words("«Фото» — ОП"), 3);
    }
}
