//! One word → its comparison key: case folded, one apostrophe and one
//! possessive form, digits only for numbers, "percent" as "%", and the
//! first [`STEM_CHARS`] letters. ASCII words, the bulk of most texts, take
//! a byte path that reads the word once and copies only the key; it gives
//! the same keys as the Unicode path (a test checks both).

use super::STEM_CHARS;
use crate::ascii;
use crate::chars::{composed, is_acronym};

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

/// A word's comparison key. Most words of most texts key to a short
/// ASCII stem, which is handed over packed ([`pack_short`]) rather than
/// written into a string that the vocabulary would read back and pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key<'a> {
    /// An ASCII key of up to 7 bytes, as [`pack_short`] packs it.
    Packed(u64),
    /// Any key, written out.
    Text(&'a str),
}

impl Key<'_> {
    /// Appends the key's text to `out`.
    pub fn push_to(&self, out: &mut String) {
        match *self {
            // Packed keys are ASCII: a byte is a character.
            Key::Packed(packed) => out.extend(unpack_short(packed).map(char::from)),
            Key::Text(text) => out.push_str(text),
        }
    }
}

/// What [`word_key`] found: the key's form, and whether the word is
/// capitalised (a name candidate), a number, and holds a dot (U.S, e.g:
/// the statement rules ask, and the ASCII path learns it in passing).
pub(super) struct Keyed {
    pub packed: Option<u64>,
    pub name: bool,
    pub number: bool,
    pub dotted: bool,
}

/// The comparison key of `word`: packed in the result, or else written
/// into `buffer`.
pub(super) fn word_key(word: &str, buffer: &mut String, lower: &mut String) -> Keyed {
    let bytes = without_possessive(word.as_bytes());
    match AsciiClasses::of(bytes) {
        Some(classes) => ascii_word_key(bytes, classes, buffer),
        None => {
            let (name, number) = unicode_word_key(&composed(word), buffer, lower);
            Keyed {
                packed: None,
                name,
                number,
                dotted: word.contains('.'),
            }
        }
    }
}

/// The key of a plain word, the bulk of Latin-script text: ASCII letters
/// only, whole (no possessive or join to cut), neither an acronym nor
/// perhaps a word for "percent" (see [`may_mean_percent`]).
pub(super) struct PlainKey {
    /// As [`pack_short`] packs it.
    pub packed: u64,
    /// Starts with a capital.
    pub capitalised: bool,
}

/// [`word_key`] of the run of ASCII letters and digits `bytes[at..end]`
/// when it is plain (see [`PlainKey`]); `None` for any other word, which
/// [`word_key`] then keys. A word of up to eight bytes (most of them) is
/// read in one load ([`ascii::padded_at`]).
pub(super) fn plain_key(bytes: &[u8], at: usize, end: usize) -> Option<PlainKey> {
    let word = bytes.get(at..end)?;
    let &first = word.first()?;
    if may_mean_percent(word) {
        return None;
    }
    // The run holds only letters and digits, and bytes past it are zero
    // here: a word without digits is all letters.
    let (head, digits, lower) = if word.len() <= 8 {
        let head = ascii::padded_at(bytes, at, word.len());
        let digits = ascii::within(head, b'0', b'9');
        (head, digits, ascii::within(head, b'a', b'z'))
    } else {
        let (mut digits, mut lower) = (0u64, 0u64);
        ascii::each_word(word, |chunk| {
            digits |= ascii::within(chunk, b'0', b'9');
            lower |= ascii::within(chunk, b'a', b'z');
            true
        });
        (ascii::padded(word), digits, lower)
    };
    if digits != 0 || (word.len() >= 2 && lower == 0) {
        return None;
    }
    let stem = STEM_CHARS.min(word.len());
    Some(PlainKey {
        packed: with_length(ascii::lower_cased(head & ascii::low_bytes(stem)), stem),
        capitalised: first.is_ascii_uppercase(),
    })
}

/// Whether an ASCII word has the first letter and the length of one of
/// the [`PERCENT_WORDS`] written in ASCII (a test holds the lengths to
/// the list): only such a word is compared with them.
fn may_mean_percent(word: &[u8]) -> bool {
    matches!(word.first(), Some(b'p' | b'P')) && matches!(word.len(), 3 | 7 | 8 | 10)
}

/// `key`'s bytes, little-endian, and in the top byte its length, when it
/// fits in 7 bytes: no two keys share a packed value. Built with shifts
/// ([`ascii::padded`]), not copied: a copy of a length known only at run
/// time is a call to `memcpy`, once per token of both texts.
pub(crate) fn pack_short(key: &str) -> Option<u64> {
    let bytes = key.as_bytes();
    let length = u8::try_from(bytes.len()).ok().filter(|&n| n < 8)?;
    Some(with_length(ascii::padded(bytes), usize::from(length)))
}

/// Up to seven key bytes, little-endian in `bytes`, with their count in
/// the top byte: the layout of every packed key.
fn with_length(bytes: u64, len: usize) -> u64 {
    bytes | (len as u64) << 56
}

/// The key bytes of a [`pack_short`] value.
fn unpack_short(packed: u64) -> impl Iterator<Item = u8> {
    let length = (packed >> 56) as usize;
    packed.to_le_bytes().into_iter().take(length.min(7))
}

/// What an ASCII word holds, by class: read eight bytes at a time, since
/// this runs for every word of both texts and most words are short.
#[derive(Clone, Copy)]
struct AsciiClasses {
    letters: u32,
    lower_case: bool,
    digit: bool,
    dot: bool,
}

impl AsciiClasses {
    /// The classes of `bytes`, or `None` if any byte is not ASCII.
    fn of(bytes: &[u8]) -> Option<Self> {
        let mut classes = AsciiClasses {
            letters: 0,
            lower_case: false,
            digit: false,
            dot: false,
        };
        let all_ascii = ascii::each_word(bytes, |word| {
            if word & ascii::HIGH != 0 {
                return false;
            }
            let lower = ascii::within(word, b'a', b'z');
            classes.letters += ascii::count(ascii::capitals(word) | lower) as u32;
            classes.lower_case |= lower != 0;
            classes.digit |= ascii::within(word, b'0', b'9') != 0;
            classes.dot |= ascii::equal(word, b'.') != 0;
            true
        });
        all_ascii.then_some(classes)
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

/// [`word_key`] for ASCII words (`bytes`, the possessive cut), without
/// the Unicode case tables.
fn ascii_word_key(bytes: &[u8], classes: AsciiClasses, buffer: &mut String) -> Keyed {
    let dotted = classes.dot;
    let written = |(name, number)| Keyed {
        packed: None,
        name,
        number,
        dotted,
    };
    buffer.clear();
    let AsciiClasses {
        letters,
        lower_case,
        digit,
        dot: _,
    } = classes;
    if digit {
        let kept = bytes.iter().filter(|b| b.is_ascii_digit() || **b == b'.');
        buffer.extend(kept.map(|&b| char::from(b)));
        let trimmed = buffer.trim_matches('.');
        if trimmed.len() < buffer.len() {
            let trimmed = trimmed.to_string();
            buffer.clear();
            buffer.push_str(&trimmed);
        }
        return written((false, true));
    }
    if letters >= 2 && !lower_case {
        let kept = bytes.iter().filter(|b| b.is_ascii_alphabetic());
        buffer.extend(kept.map(|&b| char::from(b)));
        return written((true, false));
    }
    let capitalised = bytes.first().is_some_and(u8::is_ascii_uppercase);
    let may_be_percent = matches!(bytes.first(), Some(b'p' | b'P'));
    if may_be_percent
        && PERCENT_WORDS
            .iter()
            .any(|p| p.as_bytes().eq_ignore_ascii_case(bytes))
    {
        buffer.push('%');
        return written((false, true));
    }
    // Every byte is a character: the stem is the word's first bytes,
    // lower-cased, packed with its length.
    let stem = bytes.get(..STEM_CHARS.min(bytes.len())).unwrap_or_default();
    Keyed {
        packed: Some(with_length(
            ascii::lower_cased(ascii::padded(stem)),
            stem.len(),
        )),
        name: capitalised,
        number: false,
        dotted,
    }
}

/// "NATO's" → "NATO", "allies'" → "allies"; two-letter words keep theirs.
fn strip_possessive(word: &mut String) {
    let cut = possessive_length(word.as_bytes());
    if cut > 0 && word.chars().count() >= cut + 2 {
        word.truncate(word.len() - cut);
    }
}

/// [`strip_possessive`] for ASCII, where a byte is a character.
fn without_possessive(word: &[u8]) -> &[u8] {
    let cut = possessive_length(word);
    if cut > 0 && word.len() >= cut + 2 {
        word.get(..word.len() - cut).unwrap_or(word)
    } else {
        word
    }
}

/// Bytes of a possessive ending: 's (or 'S) or a bare apostrophe.
fn possessive_length(word: &[u8]) -> usize {
    if word.ends_with(b"'s") || word.ends_with(b"'S") {
        2
    } else if word.ends_with(b"'") {
        1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ascii_percent_word_may_mean_percent() {
        for word in PERCENT_WORDS.iter().filter(|w| w.is_ascii()) {
            assert!(may_mean_percent(word.as_bytes()), "{word}");
            assert!(may_mean_percent(word.to_uppercase().as_bytes()), "{word}");
        }
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
            ".5.",
            "A's",
            "I'S",
            "it's",
            "'s",
            "Pct",
            "pcts",
            "U.S.'",
            "..",
            "1'",
            "A1.B",
        ];
        for word in words {
            let (mut fast, mut slow, mut lower) = (String::new(), String::new(), String::new());
            let bytes = without_possessive(word.as_bytes());
            let classes = AsciiClasses::of(bytes).expect("ASCII");
            let keyed = ascii_word_key(bytes, classes, &mut fast);
            if let Some(packed) = keyed.packed {
                fast = unpack_short(packed).map(char::from).collect();
                assert_eq!(pack_short(&fast), Some(packed), "{word}");
            }
            let slow_flags = unicode_word_key(word, &mut slow, &mut lower);
            assert_eq!(
                (fast, (keyed.name, keyed.number)),
                (slow, slow_flags),
                "{word}"
            );
            assert_eq!(keyed.dotted, word.contains('.'), "{word}");
        }
    }
}
