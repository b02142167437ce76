//! Markdown → blocks with pulldown-cmark: paragraphs, headings, list items
//! and block quotes as the markup says; links become their text, images
//! and raw HTML are dropped, and YAML front matter gives title and byline.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::super::assemble::{Block, Parsed};
use super::super::{Kind, Meta};

/// Reads a Markdown document.
pub fn parse(text: &str) -> Parsed {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut walker = Walker::default();
    for event in Parser::new_ext(text, options) {
        walker.event(event);
    }
    walker.flush();
    let (title, meta) = front_matter(&walker.front_matter);
    Parsed {
        blocks: walker.blocks,
        title,
        meta: Meta {
            format: Some("markdown"),
            ..meta
        },
    }
}

/// Collects inline text into the current block and cuts blocks at the
/// boundaries of paragraphs, headings, items, quotes, rows and code.
#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    current: String,
    heading: bool,
    item_depth: usize,
    image_depth: usize,
    in_front_matter: bool,
    front_matter: String,
}

impl Walker {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.in_front_matter => self.front_matter.push_str(&text),
            Event::Text(text) | Event::Code(text) | Event::InlineMath(text) => self.push(&text),
            Event::DisplayMath(text) => self.push(&text),
            Event::SoftBreak | Event::HardBreak => self.push(" "),
            Event::InlineHtml(html) if html.to_ascii_lowercase().starts_with("<br") => {
                self.push(" ")
            }
            Event::Rule => self.flush(),
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { .. } => {
                self.flush();
                self.heading = true;
            }
            Tag::Image { .. } => self.image_depth += 1,
            Tag::MetadataBlock(_) => self.in_front_matter = true,
            Tag::Item => {
                self.flush();
                self.item_depth += 1;
            }
            Tag::TableCell if !self.current.is_empty() => self.current.push_str(" | "),
            Tag::Paragraph
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::List(_)
            | Tag::Table(_)
            | Tag::FootnoteDefinition(_)
            | Tag::HtmlBlock => self.flush(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                self.flush();
                self.heading = false;
            }
            TagEnd::Image => self.image_depth = self.image_depth.saturating_sub(1),
            TagEnd::MetadataBlock(_) => self.in_front_matter = false,
            TagEnd::Item => {
                self.flush();
                self.item_depth = self.item_depth.saturating_sub(1);
            }
            TagEnd::Paragraph
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::FootnoteDefinition => self.flush(),
            _ => {}
        }
    }

    fn push(&mut self, text: &str) {
        if self.image_depth == 0 {
            self.current.push_str(text);
        }
    }

    fn flush(&mut self) {
        let text = std::mem::take(&mut self.current);
        if text.trim().is_empty() {
            return;
        }
        let kind = if self.heading {
            Kind::Heading
        } else if self.item_depth > 0 {
            Kind::ListItem
        } else {
            Kind::Body
        };
        self.blocks.push(Block::new(text, kind));
    }
}

/// Title and metadata from `key: value` lines of YAML front matter, the
/// keys static-site generators use. Anything fancier is ignored.
fn front_matter(yaml: &str) -> (Option<String>, Meta) {
    let mut title = None;
    let mut meta = Meta::default();
    for line in yaml.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        let value = Some(value.to_string());
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => title = value,
            "author" | "byline" => meta.byline = value,
            "date" | "published" => meta.published = value,
            "url" | "link" | "canonical" => meta.url = value,
            "source" | "site" | "publication" => meta.site = value,
            _ => {}
        }
    }
    (title, meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(markdown: &str) -> Vec<(Kind, String)> {
        parse(markdown)
            .blocks
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn blocks_take_their_kind_from_the_markup() {
        let result = blocks(
            "# Title\n\nA paragraph\nwrapped over lines.\n\n- one\n- two with [a link](https://x.y)\n\n> Quoted words.\n\n## Next",
        );
        assert_eq!(
            result,
            [
                (Kind::Heading, "Title".to_string()),
                (Kind::Body, "A paragraph wrapped over lines.".to_string()),
                (Kind::ListItem, "one".to_string()),
                (Kind::ListItem, "two with a link".to_string()),
                (Kind::Body, "Quoted words.".to_string()),
                (Kind::Heading, "Next".to_string()),
            ]
        );
    }

    #[test]
    fn nested_and_loose_lists_give_one_block_per_item() {
        let result = blocks("1. First\n\n   More of first.\n2. Second\n   - inner\n");
        let texts: Vec<&str> = result.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["First", "More of first.", "Second", "inner"]);
        assert!(result.iter().all(|(k, _)| *k == Kind::ListItem));
    }

    #[test]
    fn images_and_html_are_dropped() {
        let result = blocks("![alt text](a.png)\n\n<div class=\"ad\">Buy</div>\n\nText.");
        assert_eq!(result, [(Kind::Body, "Text.".to_string())]);
    }

    #[test]
    fn front_matter_gives_title_and_byline() {
        let parsed =
            parse("---\ntitle: \"A Post\"\nauthor: Jane Doe\ndate: 2025-02-14\n---\n\nBody.");
        assert_eq!(parsed.title.as_deref(), Some("A Post"));
        assert_eq!(parsed.meta.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(parsed.meta.published.as_deref(), Some("2025-02-14"));
        assert_eq!(parsed.blocks.len(), 1);
    }

    #[test]
    fn table_rows_become_blocks() {
        let result = blocks("| a | b |\n|---|---|\n| 1 | 2 |\n");
        let texts: Vec<&str> = result.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["a | b", "1 | 2"]);
    }
}
