//! Input formats: plain text, HTML pages, Markdown and JSON. Each becomes
//! the same [`Article`]: the format decides where paragraphs end and what
//! the markup says they are; the boilerplate classifier then runs on all.
//!
//! The format is chosen once per input: forced by the user, else named by
//! the server's Content-Type or the file's extension, else sniffed.

mod charset;
mod html;
mod json;
mod markdown;
mod sniff;

pub(crate) use charset::has_utf16_bom;
pub use sniff::{format_of_content_type, format_of_extension, sniff};

use super::assemble::{Block, Origin, assemble};
use super::classify::classify;
use super::clean::clean_text;
use super::segment::split_paragraphs;
use super::{Article, LoadError, parse_article};

/// How many leading bytes are checked for NUL to tell binary files apart.
pub(crate) const BINARY_SNIFF_BYTES: usize = 8192;

/// The format to read an input as. `Auto` decides per input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum InputFormat {
    /// Decide per input: Content-Type, extension, then a sniff.
    #[default]
    Auto,
    /// Plain text, paragraphs by layout.
    Text,
    /// A web page: its main text, without the furniture.
    Html,
    /// CommonMark with front matter.
    Markdown,
    /// One article object or an array of them.
    Json,
}

impl InputFormat {
    /// The lower-case name used on the command line and in metadata.
    pub fn label(self) -> &'static str {
        match self {
            InputFormat::Auto => "auto",
            InputFormat::Text => "text",
            InputFormat::Html => "html",
            InputFormat::Markdown => "markdown",
            InputFormat::Json => "json",
        }
    }
}

/// One input's bytes and what is known about them.
#[derive(Debug, Clone)]
pub struct Input<'a> {
    /// The input as the user named it (path, `-` or URL) and its short name.
    pub origin: Origin,
    pub bytes: &'a [u8],
    /// The server's Content-Type, for fetched pages.
    pub content_type: Option<&'a str>,
    /// The address a page was fetched from, after redirects.
    pub url: Option<&'a str>,
    /// The user's `--input-format`; `Auto` to decide.
    pub forced: InputFormat,
}

/// Decides the format: forced, else a telling Content-Type (`text/plain`
/// tells little: servers send it for Markdown too), else the extension,
/// else a sniff of the bytes.
pub fn resolve_format(input: &Input<'_>) -> InputFormat {
    if input.forced != InputFormat::Auto {
        return input.forced;
    }
    input
        .content_type
        .and_then(format_of_content_type)
        .filter(|f| *f != InputFormat::Text)
        .or_else(|| format_of_extension(&input.origin.path))
        .unwrap_or_else(|| sniff(input.bytes))
}

/// Reads one input into its articles (JSON arrays give several).
pub fn parse_input(input: &Input<'_>) -> Result<Vec<Article>, LoadError> {
    check_not_binary(input)?;
    let format = resolve_format(input);
    let origin = &input.origin;
    let mut articles = match format {
        InputFormat::Auto | InputFormat::Text => {
            let decoded = charset::decode_plain(input.bytes);
            let mut article = parse_article(&origin.path, &origin.source, &decoded.text);
            article.notes.splice(0..0, decoded.note);
            vec![article]
        }
        InputFormat::Markdown => {
            let decoded = charset::decode_plain(input.bytes);
            let mut article = assemble(origin, markdown::parse(&decoded.text));
            article.notes.splice(0..0, decoded.note);
            vec![article]
        }
        InputFormat::Html => {
            let header_charset = input.content_type.and_then(charset::content_type_charset);
            let decoded = charset::decode_html(input.bytes, header_charset);
            let mut article = assemble(origin, html::parse(&decoded.text, input.url));
            article.notes.splice(0..0, decoded.note);
            vec![article]
        }
        InputFormat::Json => {
            let decoded = charset::decode_plain(input.bytes);
            let parsed = json::parse(&origin.path, &decoded.text)?;
            let many = parsed.len() > 1;
            parsed
                .into_iter()
                .enumerate()
                .map(|(i, json)| {
                    let origin = Origin {
                        path: if many {
                            format!("{}#{}", origin.path, i + 1)
                        } else {
                            origin.path.clone()
                        },
                        source: json.source.unwrap_or_else(|| origin.source.clone()),
                    };
                    assemble(&origin, json.parsed)
                })
                .collect()
        }
    };
    for article in &mut articles {
        if let Some(url) = input.url {
            article.meta.url = Some(url.to_string());
        }
    }
    Ok(articles)
}

/// Paragraph blocks of plain text (a JSON body, a fallback), classified
/// by the plain-text rules.
pub(crate) fn text_blocks(text: &str) -> Vec<Block> {
    let raw = split_paragraphs(&clean_text(text));
    let kinds = classify(&raw);
    raw.into_iter()
        .zip(kinds)
        .map(|(p, kind)| Block::new(p.text, kind))
        .collect()
}

/// A NUL byte near the start means an image or archive, not an article
/// (UTF-16 text, full of NULs, announces itself with a byte-order mark).
fn check_not_binary(input: &Input<'_>) -> Result<(), LoadError> {
    if charset::has_utf16_bom(input.bytes) {
        return Ok(());
    }
    let sniff = &input.bytes[..input.bytes.len().min(BINARY_SNIFF_BYTES)];
    match sniff.iter().position(|b| *b == 0) {
        Some(offset) => Err(LoadError::Binary {
            path: input.origin.path.clone(),
            offset,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const FORMATS: [InputFormat; 5] = [
        InputFormat::Auto,
        InputFormat::Text,
        InputFormat::Html,
        InputFormat::Markdown,
        InputFormat::Json,
    ];

    fn parse_as(bytes: &[u8], forced: InputFormat) -> Result<Vec<Article>, LoadError> {
        parse_input(&Input {
            origin: Origin {
                path: "fuzz".into(),
                source: "fuzz".into(),
            },
            bytes,
            content_type: Some("text/html; charset=bogus"),
            url: Some("https://example.org/a"),
            forced,
        })
    }

    /// Fragments that steer random input into the parsers' deep paths.
    fn markupish() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "<p>",
            "</p>",
            "<li>",
            "<ul>",
            "<h2>",
            "</h2>",
            "<br>",
            "<br><br>",
            "<figcaption>",
            "<script>",
            "<div class=ad>",
            "<meta charset=windows-1251>",
            "&amp;",
            "&#xD800;",
            "# ",
            "\n\n",
            "- ",
            "> ",
            "```",
            "[a](b)",
            "![i](j)",
            "---\n",
            "{",
            "}",
            "[",
            "]",
            "\"body\":",
            "\"paragraphs\":[",
            "\"",
            ",",
            "Read more",
            "Photo: AP",
            "é",
            "\u{1b}[31m",
            "\0",
            "text ",
            "\u{feff}",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
            for format in FORMATS {
                let _ = parse_as(&bytes, format);
            }
        }

        #[test]
        fn markup_soup_never_panics(text in markupish()) {
            for format in FORMATS {
                if let Ok(articles) = parse_as(text.as_bytes(), format) {
                    for article in articles {
                        for p in &article.paragraphs {
                            let clean = !p.text.is_empty() && !p.text.contains(['\u{1b}', '\n']);
                            prop_assert!(clean, "unclean paragraph {:?}", p.text);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn binary_input_is_refused_in_every_format() {
        for format in FORMATS {
            let error = parse_as(b"\x89PNG\r\n\x1a\n\0\0", format).expect_err("binary");
            assert_eq!(
                error.to_string(),
                "fuzz: binary file (NUL byte at offset 8), not text"
            );
        }
    }
}
