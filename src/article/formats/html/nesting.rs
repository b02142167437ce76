//! A guard against pathologically nested markup. The HTML parser and
//! Readability both slow down with the square of the nesting depth (1,000
//! nested `<div>`s took a minute in a debug build), and no real article
//! nests more than a hundred or so elements deep. Deeper input keeps only
//! the tags that shape paragraphs, which cannot nest, so it stays fast.

use std::borrow::Cow;

/// Nesting beyond this is not a page a person wrote.
pub const MAX_NESTING: usize = 200;

/// Tags that cannot nest or that end paragraphs; kept when flattening.
const KEPT: &[&str] = &[
    "html",
    "head",
    "body",
    "title",
    "meta",
    "p",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "figcaption",
    "hr",
];

/// Elements that never have a closing tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Elements whose content is raw text, skipped whole when flattening.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// The markup unchanged if it nests sanely, else with every tag but the
/// paragraph-shaping ones removed.
pub fn flatten_if_deep(html: &str) -> Cow<'_, str> {
    if max_depth(html) <= MAX_NESTING {
        Cow::Borrowed(html)
    } else {
        Cow::Owned(flatten(html))
    }
}

/// One tag: where it ends, its lower-case name, whether it closes.
struct Tag {
    end: usize,
    name: String,
    closing: bool,
    self_closing: bool,
}

/// Reads the tag starting at `at` (a `<`), or `None` when it is not one.
fn tag_at(html: &str, at: usize) -> Option<Tag> {
    let rest = &html[at + 1..];
    let closing = rest.starts_with('/');
    let name_start = usize::from(closing);
    let name: String = rest[name_start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let close = rest.find('>')?;
    Some(Tag {
        end: at + 1 + close + 1,
        self_closing: rest[..close].ends_with('/'),
        name,
        closing,
    })
}

fn max_depth(html: &str) -> usize {
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    while let Some(offset) = html[at..].find('<') {
        let start = at + offset;
        match tag_at(html, start) {
            Some(tag) => {
                if tag.closing {
                    depth = depth.saturating_sub(1);
                } else if !tag.self_closing && !VOID.contains(&tag.name.as_str()) {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                at = tag.end;
            }
            None => at = start + 1,
        }
    }
    deepest
}

fn flatten(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut at = 0;
    while let Some(offset) = html[at..].find('<') {
        let start = at + offset;
        out.push_str(&html[at..start]);
        if html[start..].starts_with("<!--") {
            at = html[start..]
                .find("-->")
                .map_or(html.len(), |e| start + e + 3);
            continue;
        }
        let Some(tag) = tag_at(html, start) else {
            out.push('<');
            at = start + 1;
            continue;
        };
        at = tag.end;
        if !tag.closing && RAW_TEXT.contains(&tag.name.as_str()) {
            let closer = format!("</{}", tag.name);
            let lower = html[at..].to_ascii_lowercase();
            let body_end = lower.find(&closer).map_or(html.len(), |e| at + e);
            if tag.name == "title" {
                out.push_str(&html[start..body_end]);
            }
            at = body_end;
        } else if KEPT.contains(&tag.name.as_str()) {
            out.push_str(&html[start..tag.end]);
        } else {
            out.push(' ');
        }
    }
    out.push_str(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sane_pages_are_untouched() {
        let page = "<html><body><div><p>Text</p><img src=a><br/></div></body></html>";
        assert!(matches!(flatten_if_deep(page), Cow::Borrowed(_)));
        assert_eq!(max_depth(page), 4);
    }

    #[test]
    fn deep_nesting_is_flattened_to_paragraph_tags() {
        let page = format!(
            "<title>T</title><script>if (a<b) x()</script>{}<p>Deep &amp; text</p>{}",
            "<div>".repeat(5000),
            "</div>".repeat(5000)
        );
        let flat = flatten_if_deep(&page);
        assert!(!flat.contains("<div"));
        assert!(!flat.contains("x()"));
        assert!(flat.contains("<title>T</title>"));
        assert!(flat.contains("<p>Deep &amp; text</p>"));
    }

    #[test]
    fn stray_angle_brackets_survive() {
        assert_eq!(flatten("a < b <3 <!-- c --> d"), "a < b <3  d");
    }
}
