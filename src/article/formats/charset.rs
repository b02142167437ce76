//! Bytes → text. Plain text is UTF-8 (or UTF-16 with a byte-order mark);
//! web pages declare their own encoding in a header or a `<meta>` tag, and
//! old Cyrillic or Western pages still use windows-1251 or ISO-8859-1.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How far into a page a `<meta charset>` is looked for. The HTML standard
/// says 1024 bytes; real pages put long `<script>` blocks first, so more.
const META_PRESCAN_BYTES: usize = 8192;

/// Text decoded from bytes, with a note when some bytes could not be.
/// Valid UTF-8 is borrowed, not copied: a book-length input is then read
/// into memory once, not twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub note: Option<String>,
}

/// Decodes text that declares nothing: a byte-order mark decides, else
/// UTF-8, with invalid bytes shown as U+FFFD and noted.
pub fn decode_plain(bytes: &[u8]) -> Decoded<'_> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom..]);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: Cow::Borrowed(text),
            note: None,
        },
        Err(e) => Decoded {
            text: String::from_utf8_lossy(bytes),
            note: Some(format!(
                "invalid UTF-8 at byte {}; bad bytes shown as \u{fffd}",
                e.valid_up_to()
            )),
        },
    }
}

/// Decodes a web page: byte-order mark, then the charset the server sent,
/// then a `<meta>` declaration, then UTF-8 if the bytes are valid UTF-8,
/// else windows-1252 (what browsers assume for undeclared Western pages).
pub fn decode_html<'a>(bytes: &'a [u8], header_charset: Option<&str>) -> Decoded<'a> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom..]);
    }
    let declared = header_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| meta_charset(bytes));
    match declared {
        Some(encoding) => decode_with(encoding, bytes),
        None if std::str::from_utf8(bytes).is_ok() => decode_with(UTF_8, bytes),
        None => decode_with(WINDOWS_1252, bytes),
    }
}

/// Whether the bytes start with a UTF-16 byte-order mark (whose text is
/// full of NUL bytes and must not be mistaken for a binary file).
pub fn has_utf16_bom(bytes: &[u8]) -> bool {
    matches!(Encoding::for_bom(bytes), Some((e, _)) if e == UTF_16LE || e == UTF_16BE)
}

/// The `charset=` parameter of a Content-Type value.
pub fn content_type_charset(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
    })
}

fn decode_with<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> Decoded<'a> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let note = had_errors.then(|| {
        format!(
            "invalid {} bytes shown as \u{fffd}",
            encoding.name().to_uppercase()
        )
    });
    Decoded { text, note }
}

/// The encoding named by `<meta charset=…>`, `<meta http-equiv=…
/// content="…; charset=…">` or an XML declaration near the top. A page
/// cannot really be UTF-16 if its ASCII declaration was readable, so a
/// UTF-16 label means UTF-8, as the HTML standard says.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_PRESCAN_BYTES)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let declared = head
        .match_indices("<meta")
        .find_map(|(at, _)| {
            let tag = &head[at..];
            let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
            label_after(tag, "charset=")
        })
        .or_else(|| {
            let at = head.find("<?xml")?;
            let decl = &head[at..];
            label_after(&decl[..decl.find("?>")?], "encoding=")
        })?;
    let encoding = Encoding::for_label(declared.as_bytes())?;
    Some(if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else {
        encoding
    })
}

fn label_after<'a>(tag: &'a str, key: &str) -> Option<&'a str> {
    let rest = &tag[tag.find(key)? + key.len()..];
    let rest = rest.trim_start_matches(['"', '\'', ' ']);
    let end = rest
        .find(|c: char| matches!(c, '"' | '\'' | ';' | '/' | '>') || c.is_whitespace())
        .unwrap_or(rest.len());
    Some(&rest[..end]).filter(|label| !label.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_is_honoured() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Привіт, світе");
        let page = [
            b"<html><head><meta charset=\"windows-1251\"></head><body>".as_slice(),
            &bytes,
        ]
        .concat();
        assert!(decode_html(&page, None).text.contains("Привіт, світе"));
    }

    #[test]
    fn http_equiv_charset_is_honoured() {
        let page =
            b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>caf\xe9";
        assert!(decode_html(page, None).text.ends_with("café"));
    }

    #[test]
    fn the_server_header_wins_over_meta() {
        let page = b"<meta charset=utf-8>caf\xe9";
        assert!(decode_html(page, Some("iso-8859-1")).text.ends_with("café"));
    }

    #[test]
    fn undeclared_non_utf8_pages_are_windows_1252() {
        let decoded = decode_html(b"<p>na\xefve</p>", None);
        assert_eq!(decoded.text, "<p>naïve</p>");
        assert_eq!(decoded.note, None);
    }

    #[test]
    fn byte_order_marks_decide() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hi".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert!(has_utf16_bom(&utf16));
        assert_eq!(decode_plain(&utf16).text, "Hi");
        assert_eq!(decode_plain(b"\xEF\xBB\xBFHi").text, "Hi");
    }

    #[test]
    fn invalid_utf8_is_noted() {
        let decoded = decode_plain(b"ok \xff");
        assert_eq!(decoded.text, "ok \u{fffd}");
        assert!(decoded.note.is_some_and(|n| n.contains("byte 3")));
    }

    #[test]
    fn content_type_parameters() {
        assert_eq!(
            content_type_charset("text/html; charset=\"UTF-8\""),
            Some("UTF-8")
        );
        assert_eq!(content_type_charset("text/html"), None);
    }
}
