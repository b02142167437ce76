//! JSON string literals, terminal-safe, written straight into a byte
//! buffer. The bytes are exactly what serde_json writes through
//! [`super::safe_json`] (quotes, backslashes and C0 controls as serde
//! escapes them; DEL, C1 controls and invisible characters as `\uXXXX`),
//! but a run of plain text is found with one table lookup per byte and
//! copied whole, instead of passing through serde's formatter calls. Unit
//! texts are most of a 70 MB alignment document.

use crate::article::sanitize;
use crate::ascii;

/// What a byte needs: copied as it is, escaped as serde escapes it
/// (the escape letter), or — any byte from DEL up — a look at its char.
const PLAIN: u8 = 0;
const LOOK: u8 = 1;

/// serde_json's escape letter for each byte below DEL that needs one
/// (`u`: `\u00XX`), [`PLAIN`] for bytes copied as they are, [`LOOK`] for
/// DEL and every byte of a multi-byte char.
static CLASS: [u8; 256] = {
    let mut class = [PLAIN; 256];
    let mut b = 0;
    while b < 0x20 {
        class[b] = b'u';
        b += 1;
    }
    class[0x08] = b'b';
    class[0x09] = b't';
    class[0x0a] = b'n';
    class[0x0c] = b'f';
    class[0x0d] = b'r';
    class[b'"' as usize] = b'"';
    class[b'\\' as usize] = b'\\';
    let mut b = 0x7f;
    while b < 0x100 {
        class[b] = LOOK;
        b += 1;
    }
    class
};

/// Appends `text` as a quoted, escaped, terminal-safe JSON string.
pub fn push_string(out: &mut Vec<u8>, text: &str) {
    out.reserve(text.len() + 2);
    out.push(b'"');
    let bytes = text.as_bytes();
    // `plain..at` is the run of bytes copied as they are so far; `at` is
    // always on a char boundary.
    let (mut plain, mut at) = (0, 0);
    while let Some(&byte) = bytes.get(at) {
        let class = CLASS[usize::from(byte)];
        if class == PLAIN {
            at += 1 + plain_ahead(bytes, at + 1);
            continue;
        }
        if class == LOOK {
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            if !sanitize::acts_on_terminal(c) {
                at += c.len_utf8();
                continue;
            }
            out.extend_from_slice(run(bytes, plain, at));
            push_escapes(out, c);
            at += c.len_utf8();
        } else {
            out.extend_from_slice(run(bytes, plain, at));
            if class == b'u' {
                push_escapes(out, char::from(byte));
            } else {
                out.extend_from_slice(&[b'\\', class]);
            }
            at += 1;
        }
        plain = at;
    }
    out.extend_from_slice(run(bytes, plain, bytes.len()));
    out.push(b'"');
}

/// How many bytes from `at` are [`PLAIN`], counted eight at a time (so
/// at most seven short of the run's end): prose is long runs of them,
/// and a byte-by-byte lookup cost more than eight bytes' masks.
fn plain_ahead(bytes: &[u8], at: usize) -> usize {
    let mut ahead = 0;
    while let Some(word) = bytes
        .get(at + ahead..)
        .and_then(|rest| rest.first_chunk::<8>())
        .map(|chunk| u64::from_le_bytes(*chunk))
    {
        // The masks read bytes below 0x80 only; a byte from 0x80 up
        // stops the run by its high bit, whatever its low bits say.
        let low = word & !ascii::HIGH;
        let stop = (word & ascii::HIGH)
            | ascii::controls(low)
            | ascii::equal(low, b'"')
            | ascii::equal(low, b'\\');
        if stop != 0 {
            return ahead + ascii::first(stop);
        }
        ahead += 8;
    }
    ahead
}

/// Bytes `from..to` (always in bounds: both are char boundaries of the
/// text, `from <= to`).
fn run(bytes: &[u8], from: usize, to: usize) -> &[u8] {
    bytes.get(from..to).unwrap_or_default()
}

/// `c` as `\uXXXX`, spelt as serde and the sanitiser spell it.
fn push_escapes(out: &mut Vec<u8>, c: char) {
    for escape in sanitize::json_escapes(c) {
        out.extend_from_slice(&escape);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through_serde(text: &str) -> String {
        let mut out = Vec::new();
        super::super::safe_json::write_pretty(&mut out, text).expect("writes to a Vec");
        let mut text = String::from_utf8(out).expect("UTF-8");
        text.pop(); // the newline after the document
        text
    }

    fn here(text: &str) -> String {
        let mut out = Vec::new();
        push_string(&mut out, text);
        String::from_utf8(out).expect("UTF-8")
    }

    /// Every char up to U+3000, the invisible ones above it, and hostile
    /// mixtures: the same bytes as serde through the safe formatter.
    #[test]
    fn same_bytes_as_serde_through_the_safe_formatter() {
        let mut samples: Vec<String> = (0u32..0x3100)
            .chain([
                0xfeff, 0xffa0, 0xfff9, 0xfffb, 0xfffd, 0xe0001, 0xe0041, 0x1f600,
            ])
            .filter_map(char::from_u32)
            .map(|c| format!("a{c}b{c}"))
            .collect();
        samples.extend(
            [
                "",
                "plain ASCII text, \"quoted\" and \\ back",
                "Zürich — 北京 👨\u{200d}👩",
                "x\u{9b}y\u{202e}z\u{e0041}\u{7f}",
                "\u{1b}[2J\ttab\nline\r\u{8}\u{c}\u{0}\u{1f}",
                "\u{ad}",
                "ends in é",
            ]
            .map(String::from),
        );
        for text in &samples {
            assert_eq!(here(text), through_serde(text), "{text:?}");
        }
    }

    /// Plain text is passed over eight bytes at a time: a character that
    /// needs a look is found at every place in and around such a block.
    #[test]
    fn an_escape_anywhere_in_a_plain_run_is_found() {
        let plain = "The quick brown fox jumps over";
        for special in [
            "\"", "\\", "\n", "\u{1}", "\u{7f}", "é", "\u{9b}", "\u{202e}", "北",
        ] {
            for at in 0..=plain.len() {
                for tail in ["", "ab", plain] {
                    let text = format!("{}{special}{}{tail}", &plain[..at], &plain[at..]);
                    assert_eq!(here(&text), through_serde(&text), "{text:?}");
                }
            }
        }
    }
}
