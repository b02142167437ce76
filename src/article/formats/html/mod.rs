//! HTML pages → blocks (work in progress: the extractor lands next).

use super::super::Meta;
use super::super::assemble::Parsed;
use super::text_blocks;

/// Reads a page. For now: tags stripped crudely, pending the extractor.
pub fn parse(html: &str, _url: Option<&str>) -> Parsed {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push('\n');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    Parsed {
        blocks: text_blocks(&text),
        title: None,
        meta: Meta {
            format: Some("html"),
            ..Meta::default()
        },
    }
}
