//! Raw text → safe text: line endings unified, escape sequences and control
//! characters removed, exotic spaces made plain. Everything downstream (and
//! the terminal) may then trust that text holds no surprises.

use std::borrow::Cow;

use crate::ascii;

/// Cleans raw decoded text. Keeps `\n` as the only line break; tabs become
/// spaces; a leading byte-order mark is dropped. Text with nothing to
/// change (most files) is borrowed, not copied.
pub fn clean_text(raw: &str) -> Cow<'_, str> {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut next = next_change(raw);
    if next.is_none() {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    // Runs of ordinary characters are copied whole; only the characters
    // that change are looked at one by one.
    while let Some(at) = next {
        out.push_str(&rest[..at]);
        let mut chars = rest[at..].chars();
        match chars.next() {
            Some('\r') if chars.as_str().starts_with('\n') => {}
            Some('\r' | '\u{2028}' | '\u{2029}') => out.push('\n'),
            Some('\u{1b}') => skip_escape_sequence(&mut chars),
            Some('\t') => out.push(' '),
            Some(c) if is_exotic_space(c) => out.push(' '),
            _ => {}
        }
        rest = chars.as_str();
        next = next_change(rest);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Where the first character [`changes`] would pick starts: the same as
/// `text.find(changes)`, but ASCII (the bulk of most text, and of a book
/// a few megabytes) is judged by its byte, eight at a time, without
/// decoding.
fn next_change(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if let Some(word) = ascii::ascii_word(bytes, at) {
            // The ASCII that changes: controls but `\n`, and DEL.
            let changes = ascii::controls(word) & !ascii::equal(word, b'\n');
            if changes != 0 {
                return Some(at + ascii::first(changes));
            }
            at += 8;
        } else if byte.is_ascii() {
            if (byte < 0x20 && byte != b'\n') || byte == 0x7f {
                return Some(at);
            }
            at += 1;
        } else {
            let c = text.get(at..)?.chars().next()?;
            if changes(c) {
                return Some(at);
            }
            at += c.len_utf8();
        }
    }
    None
}

/// Characters [`clean_text`] replaces or drops: all but `\n` and text.
fn changes(c: char) -> bool {
    matches!(c, '\r' | '\u{1b}' | '\u{2028}' | '\u{2029}' | '\t')
        || is_exotic_space(c)
        || is_invisible(c)
}

/// Collapses runs of whitespace into single spaces and trims the ends, so a
/// paragraph's text is one clean line.
pub fn squash_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Already one clean line: single plain spaces between words, none at
/// the ends (most paragraphs are, and need no rebuilding).
pub fn is_squashed(text: &str) -> bool {
    if text.is_ascii() {
        return is_squashed_ascii(text.as_bytes());
    }
    let bytes = text.as_bytes();
    let mut after_space = true;
    let mut at = 0;
    // ASCII by its byte, eight at a time where it can; other characters
    // decoded, and any whitespace among them is not a plain space.
    while let Some(&byte) = bytes.get(at) {
        if let Some(word) = ascii::ascii_word(bytes, at) {
            let spaces = ascii::equal(word, b' ');
            if ascii::space_controls(word) | (spaces & ascii::before(spaces, after_space)) != 0 {
                return false;
            }
            after_space = ascii::last(spaces);
            at += 8;
        } else if byte == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
            at += 1;
        } else if byte.is_ascii() {
            if matches!(byte, b'\t'..=b'\r') {
                return false;
            }
            after_space = false;
            at += 1;
        } else {
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                return false;
            };
            if c.is_whitespace() {
                return false;
            }
            after_space = false;
            at += c.len_utf8();
        }
    }
    !after_space || text.is_empty()
}

/// [`is_squashed`] of ASCII text, eight bytes at a time. Every word is
/// looked at (most paragraphs have no fault to stop at), so the loop has
/// no exit and LLVM vectorises it.
fn is_squashed_ascii(bytes: &[u8]) -> bool {
    let mut words = bytes.chunks_exact(8);
    let mut after_space = true;
    let mut faults = 0;
    for chunk in words.by_ref() {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let spaces = ascii::equal(word, b' ');
        faults |= ascii::space_controls(word) | (spaces & ascii::before(spaces, after_space));
        after_space = ascii::last(spaces);
    }
    let mut squashed = faults == 0;
    for &byte in words.remainder() {
        let space = byte == b' ';
        let fault = (space && after_space) || matches!(byte, b'\t'..=b'\r');
        squashed &= !fault;
        after_space = space;
    }
    squashed && (!after_space || bytes.is_empty())
}

/// `text` without closing quotes and brackets at its end, so the last
/// character says how the sentence ends: `said “yes.”` → `said “yes.`
pub fn without_closers(text: &str) -> &str {
    text.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '」', '』'])
}

/// The text ends like a sentence (or a lead-in, with a colon).
pub fn ends_like_sentence(text: &str) -> bool {
    without_closers(text).ends_with(['.', '!', '?', '…', ':', '。', '！', '？'])
}

fn is_exotic_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{2000}'
            ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{0b}' | '\u{0c}'
    )
}

/// Control and format characters that would move the cursor or hide text.
/// Zero-width joiners stay: emoji sequences need them.
/// The invisible set is the output sanitiser's, so body text and every
/// other string lose the same characters.
fn is_invisible(c: char) -> bool {
    (c.is_control() && c != '\n') || super::sanitize::is_invisible(c)
}

/// Drops an ANSI escape sequence whose ESC was just read: CSI (`ESC [ … final`),
/// OSC (`ESC ] … BEL/ST`) or a two-character escape.
pub(super) fn skip_escape_sequence(chars: &mut impl Iterator<Item = char>) {
    match chars.next() {
        Some('[') => {
            for c in chars.by_ref() {
                if ('\u{40}'..='\u{7e}').contains(&c) {
                    break;
                }
            }
        }
        Some(']') => {
            while let Some(c) = chars.next() {
                if c == '\u{7}' {
                    break;
                }
                if c == '\u{1b}' {
                    chars.next();
                    break;
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unifies_line_endings() {
        assert_eq!(clean_text("a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn removes_escape_sequences_and_controls() {
        assert_eq!(clean_text("\u{1b}[31mred\u{1b}[0m\u{7}!"), "red!");
        assert_eq!(clean_text("\u{1b}]0;title\u{7}x"), "x");
    }

    #[test]
    fn plain_spaces_for_exotic_ones() {
        assert_eq!(clean_text("a\u{a0}b\tc\u{202f}d"), "a b c d");
    }

    #[test]
    fn keeps_zero_width_joiner_for_emoji() {
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(clean_text(family), family);
    }

    #[test]
    fn squashes_whitespace() {
        assert_eq!(squash_spaces("  a   b \n c "), "a b c");
        for text in [
            "a b",
            "",
            "a",
            " a",
            "a ",
            "a  b",
            "a\u{a0}b",
            "a\nb",
            " ",
            "é b",
            "a\u{3000}",
            "a\u{b}b",
            "a\u{85}",
            "\u{1c}",
        ] {
            assert_eq!(is_squashed(text), squash_spaces(text) == text, "{text:?}");
            // The same at every offset from an eight-byte boundary.
            for pad in 0..9 {
                for padded in [
                    format!("{}{text}", "b".repeat(pad)),
                    format!("{}{text}", "xy ".repeat(pad)),
                    format!("{text}{}x", " y".repeat(pad)),
                    format!("{}{text} {text}z", "w".repeat(pad)),
                ] {
                    let squashed = squash_spaces(&padded) == padded;
                    assert_eq!(is_squashed(&padded), squashed, "{padded:?}");
                }
            }
        }
    }

    #[test]
    fn the_byte_scan_finds_what_the_char_scan_finds() {
        for c in (0u32..0x3100)
            .chain(0xe0000..0xe0080)
            .filter_map(char::from_u32)
        {
            for text in [
                format!("ab{c}d"),
                format!("{c}"),
                format!("é{c}\n"),
                format!("abcdefgh{c}ijklmnopq"),
                format!("abc\ndefgh\nijk{c}lmnopqrs{c}"),
                format!("a\nbcdefghijklmnopqrstuvw{c}"),
            ] {
                assert_eq!(next_change(&text), text.find(changes), "{c:?}");
            }
        }
    }

    #[test]
    fn runs_between_changes_are_kept() {
        assert_eq!(
            clean_text("\u{feff}ab\r\ncd\r\r\u{2028}e\u{200b}f\u{7}"),
            "ab\ncd\n\n\nef"
        );
        assert_eq!(clean_text("x\u{1b}"), "x");
        assert_eq!(clean_text("x\u{1b}[1"), "x");
    }
}
