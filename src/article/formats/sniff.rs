//! Guessing an input's format when nothing names it (stdin, a file without
//! a known extension, a server that sends no useful Content-Type). Guesses
//! err towards plain text: reading Markdown as text loses only styling,
//! while reading text as Markdown would join lines the writer kept apart.

use super::InputFormat;

/// How much of the input the guess looks at.
const SNIFF_BYTES: usize = 16 * 1024;

/// Tags that only an HTML document or fragment starts with.
const HTML_MARKERS: &[&str] = &[
    "<!doctype html",
    "<html",
    "<head",
    "<body",
    "<meta",
    "<title",
    "<article",
    "<div",
    "<p>",
    "<p ",
    "<h1",
    "<h2",
    "<!--",
];

/// The format a file name's extension names, if it is one diptych reads.
pub fn format_of_extension(name: &str) -> Option<InputFormat> {
    let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
    match extension.as_str() {
        "txt" | "text" => Some(InputFormat::Text),
        "md" | "markdown" | "mdown" | "mkd" => Some(InputFormat::Markdown),
        "html" | "htm" | "xhtml" | "shtml" => Some(InputFormat::Html),
        "json" => Some(InputFormat::Json),
        _ => None,
    }
}

/// The format a Content-Type names; `None` for types that say nothing
/// useful (`application/octet-stream`), which are then sniffed.
pub fn format_of_content_type(content_type: &str) -> Option<InputFormat> {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match mime.as_str() {
        "text/html" | "application/xhtml+xml" => Some(InputFormat::Html),
        "text/markdown" | "text/x-markdown" => Some(InputFormat::Markdown),
        "application/json" | "text/json" => Some(InputFormat::Json),
        "text/plain" => Some(InputFormat::Text),
        m if m.ends_with("+json") => Some(InputFormat::Json),
        _ => None,
    }
}

/// Guesses the format from the first bytes: `{` or `[{` is JSON, a leading
/// HTML tag is HTML, ATX headings, links or fences are Markdown; anything
/// else is plain text.
pub fn sniff(bytes: &[u8]) -> InputFormat {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(SNIFF_BYTES)]);
    let head = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if looks_like_json(head) {
        return InputFormat::Json;
    }
    let lower: String = head
        .chars()
        .take(32)
        .collect::<String>()
        .to_ascii_lowercase();
    if HTML_MARKERS.iter().any(|m| lower.starts_with(m))
        || head.starts_with("<?xml") && head.contains("<html")
    {
        return InputFormat::Html;
    }
    if markdown_signals(head) >= 1 {
        return InputFormat::Markdown;
    }
    InputFormat::Text
}

fn looks_like_json(head: &str) -> bool {
    let mut chars = head.chars();
    match chars.next() {
        Some('{') => chars
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| c == '"' || c == '}'),
        Some('[') => chars
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| c == '{' || c == ']'),
        _ => false,
    }
}

/// Counts constructs that plain prose never uses: `# Heading` lines,
/// `[text](target)` links, code fences, `===` underlines, front matter.
/// (A `---` line is left out: plain text uses it as a separator.)
fn markdown_signals(head: &str) -> usize {
    let mut signals = 0;
    if head.starts_with("---\n") && head[4..].contains("\n---") {
        signals += 1;
    }
    let mut previous = "";
    for line in head.lines() {
        let trimmed = line.trim_end();
        let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
        if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
            signals += 1;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            signals += 1;
        }
        let underline = trimmed.len() >= 3 && trimmed.bytes().all(|b| b == b'=');
        if underline && !previous.trim().is_empty() {
            signals += 1;
        }
        if trimmed.contains("](http") || trimmed.contains("](/") || trimmed.contains("](#") {
            signals += 1;
        }
        previous = line;
    }
    signals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(format_of_extension("a/b.HTM"), Some(InputFormat::Html));
        assert_eq!(format_of_extension("notes.md"), Some(InputFormat::Markdown));
        assert_eq!(format_of_extension("feed.json"), Some(InputFormat::Json));
        assert_eq!(format_of_extension("story.txt"), Some(InputFormat::Text));
        assert_eq!(format_of_extension("README"), None);
        assert_eq!(format_of_extension("photo.jpeg"), None);
    }

    #[test]
    fn content_types() {
        assert_eq!(
            format_of_content_type("text/html; charset=utf-8"),
            Some(InputFormat::Html)
        );
        assert_eq!(
            format_of_content_type("application/ld+json"),
            Some(InputFormat::Json)
        );
        assert_eq!(format_of_content_type("application/octet-stream"), None);
    }

    #[test]
    fn sniffs_each_format() {
        assert_eq!(sniff(b"  {\"title\": \"x\"}"), InputFormat::Json);
        assert_eq!(sniff(b"[{\"body\": \"x\"}]"), InputFormat::Json);
        assert_eq!(sniff(b"\n<!DOCTYPE html><html>"), InputFormat::Html);
        assert_eq!(sniff(b"<p>Hello</p>"), InputFormat::Html);
        assert_eq!(sniff(b"# Title\n\nText."), InputFormat::Markdown);
        assert_eq!(
            sniff(b"Text with [a link](https://example.com)."),
            InputFormat::Markdown
        );
        assert_eq!(sniff(b"Title\n=====\n\nText."), InputFormat::Markdown);
    }

    #[test]
    fn prose_stays_text() {
        assert_eq!(
            sniff("Title\nA line.\n[Editor's note] Not a link.\n#hashtag".as_bytes()),
            InputFormat::Text
        );
        assert_eq!(sniff(b"{not json, a brace in prose}"), InputFormat::Text);
        assert_eq!(sniff(b"<3 love letters"), InputFormat::Text);
        assert_eq!(sniff(b""), InputFormat::Text);
    }
}
