//! The output edge: every string that came from input (file names, a JSON
//! `source`, metadata, URLs in errors, warnings, titles) passes through here
//! before it reaches a terminal, a report or the reader's screen. Body text
//! is already cleaned on load (`article::clean`); these functions make the
//! *other* strings as safe, and are cheap enough to apply twice.
//!
//! What acts on a terminal: C0 and C1 control characters (ESC starts CSI,
//! OSC — window titles, OSC 52 clipboard writes — and DCS; U+009B is an
//! 8-bit CSI), DEL, and the invisible format characters that reorder or
//! hide text (bidi overrides and isolates, marks, tag characters, fillers).

use std::borrow::Cow;

/// One display line: escape sequences dropped, line breaks and tabs made
/// spaces, other controls shown as `?` (so a strange file name stays
/// recognisable), invisible and bidi characters removed.
pub fn line(text: &str) -> Cow<'_, str> {
    if text.chars().all(is_plain) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    push_clean(&mut out, text, false);
    Cow::Owned(out)
}

/// Like [`line()`] but keeps `\n`: for whole rendered outputs (text, Markdown,
/// HTML) written to stdout or a file, whose own structure is lines.
pub fn lines(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| c == '\n' || is_plain(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    push_clean(&mut out, text, true);
    Cow::Owned(out)
}

/// Serialised JSON made terminal-safe without changing what it says:
/// serde already writes C0 controls as `\u00XX`; this writes C1 controls,
/// DEL and the invisible characters the same way, which any JSON reader
/// decodes back to the original strings.
pub fn json(text: &str) -> Cow<'_, str> {
    // Outside strings JSON may hold layout whitespace; inside, serde has
    // already escaped it.
    let escape = |c: char| acts_on_terminal(c) && !matches!(c, '\n' | '\r' | '\t');
    if !needs_json_escape(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if escape(c) {
            out.extend(json_escapes(c).flatten().map(char::from));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether [`json`] has a character of `text` to escape. ASCII is the
/// bulk of a document, and its only such characters are C0 controls
/// (other than layout) and DEL: they are found by byte, and only the other
/// characters are decoded and looked up.
fn needs_json_escape(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            if (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t')) || b == 0x7f {
                return true;
            }
            at += 1;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            return false;
        };
        if acts_on_terminal(c) {
            return true;
        }
        at += c.len_utf8();
    }
    false
}

/// `c` as JSON `\uXXXX` escapes (a surrogate pair beyond the BMP), in
/// lower-case hex as serde writes C0 controls: the one spelling every
/// JSON writer here uses, so their outputs stay byte-identical.
pub fn json_escapes(c: char) -> impl Iterator<Item = [u8; 6]> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut units = [0u16; 2];
    let count = c.encode_utf16(&mut units).len();
    units.into_iter().take(count).map(|unit| {
        let hex = |shift: u16| HEX[usize::from((unit >> shift) & 0xf)];
        [b'\\', b'u', hex(12), hex(8), hex(4), hex(0)]
    })
}

/// Inline Markdown (with inline HTML) for a string from input: one line,
/// and no character that could open emphasis, a link, a table cell, a
/// strike-through, a heading, a list item or a block quote.
pub fn markdown(text: &str) -> String {
    let text = line(text);
    let mut out = String::with_capacity(text.len() + 8);
    let mut at_start = true;
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '*' | '_' | '`' | '[' | ']' | '|' | '\\' | '#' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        at_start = at_start && c == ' ';
    }
    out
}

/// Characters that a terminal would act on or that hide or reorder text.
/// `\n` counts: callers that keep lines say so.
pub fn acts_on_terminal(c: char) -> bool {
    c.is_control() || is_invisible(c)
}

/// Invisible format characters that no display needs: zero-width spaces,
/// direction marks, overrides and isolates, the soft hyphen (a terminal
/// never breaks there), word joiners, invisible operators, interlinear
/// annotation marks, Hangul fillers, the Mongolian vowel separator and tag
/// characters. Zero-width joiners stay (emoji sequences need them), and so
/// do non-joiners (Persian and Indic spelling needs them).
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180e}' | '\u{200b}' | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}'
        | '\u{3164}' | '\u{feff}' | '\u{ffa0}' | '\u{fff9}'..='\u{fffb}'
        | '\u{e0000}'..='\u{e007f}')
}

fn is_plain(c: char) -> bool {
    !acts_on_terminal(c)
}

fn push_clean(out: &mut String, text: &str, keep_newlines: bool) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\r' if keep_newlines && chars.peek() == Some(&'\n') => {}
            '\u{1b}' => super::clean::skip_escape_sequence(&mut chars),
            '\n' | '\r' | '\t' | '\u{0b}' | '\u{0c}' => out.push(' '),
            c if c.is_control() => out.push('?'),
            c if is_invisible(c) => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_is_looked_for_as_the_char_rule_says() {
        let rule = |text: &str| {
            text.chars()
                .any(|c| acts_on_terminal(c) && !matches!(c, '\n' | '\r' | '\t'))
        };
        for text in [
            "",
            "plain ascii, with layout\n\r\t",
            "bell \u{7} here",
            "del \u{7f}",
            "Früchte und Buße",
            "c1 \u{85} and \u{9b}",
            "zero\u{200b}width",
            "soft\u{ad}hyphen",
            "中文 and 😀 and Київ",
            "tag \u{e0041}",
            "joiner \u{200d} stays",
        ] {
            assert_eq!(needs_json_escape(text), rule(text), "{text:?}");
        }
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(
            line("Zürich — 北京 👨\u{200d}👩"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escape_sequences_and_controls_never_pass() {
        let hostile = "a\u{1b}]0;pwned\u{7}b\u{1b}]52;c;aGk=\u{1b}\\c\u{1b}[2Jd\u{9b}31me\u{7f}f";
        assert_eq!(line(hostile), "abcd?31me?f");
    }

    #[test]
    fn one_line_or_lines() {
        assert_eq!(line("a\nb\r\nc\td"), "a b  c d");
        assert_eq!(lines("a\nb\r\nc\u{1b}[1m"), "a\nb\nc");
    }

    #[test]
    fn invisible_and_bidi_characters_go() {
        let text = "a\u{202e}b\u{2066}c\u{200e}d\u{61c}e\u{ad}f\u{e0041}g\u{3164}h";
        assert_eq!(line(text), "abcdefgh");
    }

    #[test]
    fn json_escapes_keep_the_meaning() {
        let raw = serde_json::to_string_pretty(&["x\u{9b}y\u{202e}z\u{e0041}"]).unwrap_or_default();
        let safe = json(&raw);
        assert!(
            !safe.chars().any(|c| c != '\n' && acts_on_terminal(c)),
            "{safe}"
        );
        let back: Vec<String> = serde_json::from_str(&safe).unwrap_or_default();
        assert_eq!(back, ["x\u{9b}y\u{202e}z\u{e0041}"]);
    }

    #[test]
    fn markdown_structure_cannot_be_broken() {
        assert_eq!(
            markdown("- a | b ~~c~~\n# d"),
            "\\- a \\| b \\~\\~c\\~\\~ \\# d"
        );
        assert_eq!(markdown("<b>&"), "&lt;b&gt;&amp;");
        assert_eq!(markdown("  + x"), "  \\+ x");
        assert_eq!(markdown("a - b"), "a - b");
    }
}
