//! A DOM subtree → blocks. Block elements end paragraphs; headings, list
//! items and figure captions give their kind; inline elements (links,
//! emphasis) contribute only their text. Entities are already decoded by
//! the parser.

use dom_query::NodeRef;

use super::super::super::Kind;
use super::super::super::assemble::Block;

/// Elements whose text is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "select", "button", "input", "textarea", "head", "title",
];

/// Elements that end the paragraph before them and start a new one.
const BREAKING: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "figure",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tr",
    "hr",
    "address",
    "details",
    "summary",
    "form",
    "fieldset",
    "center",
];

/// Guards against pathological nesting (a page of ten thousand `<div>`s).
const MAX_DEPTH: usize = 256;

/// The blocks of `node` and everything below it.
pub fn blocks(node: &NodeRef<'_>) -> Vec<Block> {
    let mut walker = Walker::default();
    walker.walk(node, 0);
    walker.flush();
    walker.blocks
}

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    current: String,
    /// Innermost first: heading, list item or caption we are inside.
    kinds: Vec<Kind>,
    preformatted: usize,
}

impl Walker {
    fn walk(&mut self, node: &NodeRef<'_>, depth: usize) {
        if node.is_text() {
            self.push_text(&node.text());
            return;
        }
        if depth > MAX_DEPTH {
            return;
        }
        if !node.is_element() {
            self.walk_children(node, depth);
            return;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        let name = name.as_str();
        if SKIPPED.contains(&name) {
            return;
        }
        match name {
            "br" => self.current.push('\n'),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.walk_kind(node, depth, Kind::Heading),
            "li" => self.walk_kind(node, depth, Kind::ListItem),
            "figcaption" => self.walk_kind(node, depth, Kind::Caption),
            "td" | "th" => {
                if !self.current.trim().is_empty() {
                    self.current.push_str(" | ");
                }
                self.walk_children(node, depth);
            }
            "pre" => {
                self.flush();
                self.preformatted += 1;
                self.walk_children(node, depth);
                self.preformatted -= 1;
                self.flush();
            }
            _ if BREAKING.contains(&name) => {
                self.flush();
                self.walk_children(node, depth);
                self.flush();
            }
            _ => self.walk_children(node, depth),
        }
    }

    fn walk_children(&mut self, node: &NodeRef<'_>, depth: usize) {
        for child in node.children_it(false) {
            self.walk(&child, depth + 1);
        }
    }

    fn walk_kind(&mut self, node: &NodeRef<'_>, depth: usize, kind: Kind) {
        self.flush();
        self.kinds.push(kind);
        self.walk_children(node, depth);
        self.flush();
        self.kinds.pop();
    }

    /// Adds text with HTML's whitespace rules: runs of spaces and source
    /// newlines are one space (inside `<pre>`, newlines are line breaks).
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c == '\n' && self.preformatted > 0 {
                self.current.push('\n');
            } else if c.is_whitespace() && c != '\u{a0}' {
                if !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
                    self.current.push(' ');
                }
            } else {
                self.current.push(c);
            }
        }
    }

    /// Ends the current paragraph. Two or more `<br>` in a row split it,
    /// as pages without `<p>` separate paragraphs that way.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.current);
        let kind = self.kinds.last().copied().unwrap_or(Kind::Body);
        for piece in split_at_blank_lines(&text) {
            self.blocks.push(Block::new(piece.replace('\n', " "), kind));
        }
    }
}

fn split_at_blank_lines(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |at, line| {
            let begin = *at;
            *at += line.len();
            Some((begin, line))
        })
        .collect();
    for (i, (begin, line)) in lines.iter().enumerate() {
        let blank = line.trim().is_empty();
        let after_line = i > 0 && !lines[i - 1].1.trim().is_empty();
        if blank && after_line {
            pieces.push(&text[start..*begin]);
            start = begin + line.len();
        } else if blank {
            start = begin + line.len();
        }
    }
    pieces.push(&text[start..]);
    pieces.retain(|p| !p.trim().is_empty());
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    fn texts(html: &str) -> Vec<(Kind, String)> {
        let doc = Document::from(html);
        blocks(&doc.root())
            .into_iter()
            .map(|b| (b.kind, b.text.trim().to_string()))
            .collect()
    }

    #[test]
    fn block_elements_make_paragraphs_with_kinds() {
        let result = texts(
            "<h2>Head</h2><p>One <a href=x>link</a> &amp; more.</p><ul><li>Item</li></ul>\
             <figure><img src=a><figcaption>A photo</figcaption></figure><blockquote><p>Quote</p></blockquote>",
        );
        assert_eq!(
            result,
            [
                (Kind::Heading, "Head".to_string()),
                (Kind::Body, "One link & more.".to_string()),
                (Kind::ListItem, "Item".to_string()),
                (Kind::Caption, "A photo".to_string()),
                (Kind::Body, "Quote".to_string()),
            ]
        );
    }

    #[test]
    fn double_line_breaks_split_paragraphs() {
        let result = texts("<div>First line<br>same paragraph<br><br>Second</div>");
        let texts: Vec<&str> = result.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["First line same paragraph", "Second"]);
    }

    #[test]
    fn scripts_and_styles_are_skipped() {
        let result = texts("<p>Kept</p><script>var x;</script><style>p{}</style><p>Too</p>");
        let texts: Vec<&str> = result.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["Kept", "Too"]);
    }

    #[test]
    fn nested_list_items_stay_apart() {
        let result = texts("<ul><li>Outer<ul><li>Inner</li></ul></li></ul>");
        let texts: Vec<&str> = result.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["Outer", "Inner"]);
    }
}
