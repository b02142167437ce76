//! JSON articles, as scrapers and CMS exports give them: one object or an
//! array of objects with `title`, `source`, `url`, `published`, `byline`
//! and the text as `body` (a string) or `paragraphs` (strings). Unknown
//! fields are ignored, so richer exports load as they are.

use serde::Deserialize;

use super::super::assemble::{Block, Parsed};
use super::super::{LoadError, Meta};
use super::text_blocks;

/// One article as JSON gives it.
#[derive(Debug, Deserialize)]
#[serde(expecting = "an article object with \"body\" or \"paragraphs\"")]
struct JsonArticle {
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    published: Option<String>,
    #[serde(alias = "author")]
    byline: Option<String>,
    body: Option<String>,
    paragraphs: Option<Vec<String>>,
}

/// An article read from JSON, with the source name the JSON gives.
#[derive(Debug)]
pub struct JsonParsed {
    pub parsed: Parsed,
    pub source: Option<String>,
}

/// Reads one article or an array of them. `path` names the input in
/// errors, which give the line and column of the problem.
pub fn parse(path: &str, text: &str) -> Result<Vec<JsonParsed>, LoadError> {
    let articles: Vec<JsonArticle> = if text.trim_start().starts_with('[') {
        serde_json::from_str(text).map_err(|e| json_error(path, &e))?
    } else {
        vec![serde_json::from_str(text).map_err(|e| json_error(path, &e))?]
    };
    if articles.is_empty() {
        return Err(LoadError::NoArticle {
            path: path.to_string(),
            reason: "the JSON array holds no articles".to_string(),
        });
    }
    let many = articles.len() > 1;
    articles
        .into_iter()
        .enumerate()
        .map(|(i, article)| {
            into_parsed(article).ok_or_else(|| LoadError::NoArticle {
                path: path.to_string(),
                reason: if many {
                    format!("article {} has neither \"body\" nor \"paragraphs\"", i + 1)
                } else {
                    "the article has neither \"body\" nor \"paragraphs\"".to_string()
                },
            })
        })
        .collect()
}

fn into_parsed(article: JsonArticle) -> Option<JsonParsed> {
    let blocks: Vec<Block> = match (article.paragraphs, article.body) {
        (Some(paragraphs), _) => {
            // One line per entry: an entry is one paragraph, never split.
            let lines: Vec<String> = paragraphs
                .iter()
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            text_blocks(&lines.join("\n\n"))
        }
        (None, Some(body)) => text_blocks(&body),
        (None, None) => return None,
    };
    Some(JsonParsed {
        parsed: Parsed {
            blocks,
            title: article.title,
            meta: Meta {
                byline: article.byline,
                published: article.published,
                url: article.url,
                site: article.source.clone(),
                format: Some("json"),
            },
        },
        source: article.source,
    })
}

fn json_error(path: &str, error: &serde_json::Error) -> LoadError {
    let message = error.to_string();
    // serde_json ends its message with " at line L column C"; we say it first.
    let reason = match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    };
    LoadError::Json {
        path: path.to_string(),
        line: error.line(),
        column: error.column(),
        reason,
        syntax: !error.is_data(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Kind;

    #[test]
    fn one_article_with_a_body() {
        let parsed = parse(
            "a.json",
            r#"{"title": "T", "source": "Wire", "body": "First.\n\nSecond.", "extra": 1}"#,
        )
        .expect("valid");
        assert_eq!(parsed.len(), 1);
        let texts: Vec<&str> = parsed[0]
            .parsed
            .blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(texts, ["First.", "Second."]);
        assert_eq!(parsed[0].source.as_deref(), Some("Wire"));
    }

    #[test]
    fn an_array_with_paragraphs() {
        let parsed = parse(
            "a.json",
            r#"[{"paragraphs": ["One.", "• Two."]}, {"body": "Three."}]"#,
        )
        .expect("valid");
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[0].parsed.blocks[1].kind, Kind::ListItem);
        let one = parse("a.json", r#"{"paragraphs": ["Line one\nline two"]}"#).expect("valid");
        assert_eq!(one[0].parsed.blocks[0].text, "Line one line two");
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let error = parse("bad.json", "{\n  \"title\": \"x\",\n}").expect_err("invalid");
        assert_eq!(
            error.to_string(),
            "bad.json: invalid JSON at line 3, column 1: trailing comma"
        );
    }

    #[test]
    fn shape_errors_name_line_and_column() {
        let error = parse("bad.json", r#"{"title": 5, "body": "x"}"#).expect_err("invalid");
        assert_eq!(
            error.to_string(),
            "bad.json: unexpected JSON at line 1, column 11: invalid type: integer `5`, expected a string"
        );
    }

    #[test]
    fn articles_without_text_are_refused() {
        let error = parse("a.json", r#"[{"body": "x"}, {"title": "y"}]"#).expect_err("no body");
        assert_eq!(
            error.to_string(),
            "a.json: article 2 has neither \"body\" nor \"paragraphs\""
        );
        assert!(parse("a.json", "[]").is_err());
        assert!(parse("a.json", "\"text\"").is_err());
    }
}
