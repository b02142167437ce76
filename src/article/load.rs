//! Inputs → articles: files, directories of files, `-` for stdin, http(s)
//! URLs, and the embedded demo corpus when no input is named. Never writes
//! anything.

use std::fs;
use std::io::Read;
use std::path::Path;

use super::assemble::Origin;
use super::classify::{classify, title_index};
use super::clean::clean_text;
use super::demo::DEMO_CORPUS;
use super::fetch::{FetchOptions, is_url};
use super::formats::{Input, InputFormat, parse_input};
use super::segment::{drop_repeats, split_paragraphs};
use super::{Article, LoadError, Meta, Paragraph};

/// File endings read from a directory; other files there are ignored.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "json"];

/// The articles of one invocation and the warnings to print about them.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub warnings: Vec<String>,
}

/// How to read inputs: the format to force (or `Auto`) and the limits for
/// fetching URLs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadOptions {
    pub format: InputFormat,
    pub fetch: FetchOptions,
}

/// Loads every input in order; no inputs means the embedded demo corpus.
/// Fails on the first input that cannot be read at all.
pub fn load_inputs(inputs: &[String], stdin: &mut dyn Read) -> Result<Loaded, LoadError> {
    load_inputs_with(inputs, stdin, &LoadOptions::default())
}

/// [`load_inputs`] with a forced format or other fetch limits.
pub fn load_inputs_with(
    inputs: &[String],
    stdin: &mut dyn Read,
    options: &LoadOptions,
) -> Result<Loaded, LoadError> {
    let mut loaded = Loaded::default();
    if inputs.is_empty() {
        for (name, text) in DEMO_CORPUS {
            loaded.articles.push(parse_article(name, name, text));
        }
        return Ok(loaded);
    }
    let mut stdin_used = false;
    for input in inputs {
        if input == "-" {
            if stdin_used {
                return Err(LoadError::StdinTwice {
                    path: input.clone(),
                });
            }
            stdin_used = true;
            let mut bytes = Vec::new();
            stdin
                .read_to_end(&mut bytes)
                .map_err(|e| LoadError::io("<stdin>", &e))?;
            let origin = Origin {
                path: input.clone(),
                source: "stdin".to_string(),
            };
            push_bytes(origin, &bytes, options.format, &mut loaded)?;
        } else if is_url(input) {
            loaded
                .articles
                .extend(super::fetch::load_url(input, options)?);
        } else if Path::new(input).is_dir() {
            load_directory(input, options.format, &mut loaded)?;
        } else if let Some((file, number)) = article_selector(input) {
            let mut all = Loaded::default();
            load_file(file, options.format, &mut all)?;
            let count = all.articles.len();
            let article =
                all.articles
                    .into_iter()
                    .nth(number - 1)
                    .ok_or_else(|| LoadError::NoArticle {
                        path: input.clone(),
                        reason: format!("no article {number}: {file} holds {count}"),
                    })?;
            loaded.articles.push(article);
        } else {
            load_file(input, options.format, &mut loaded)?;
        }
    }
    for article in &loaded.articles {
        loaded.warnings.extend(
            article
                .notes
                .iter()
                .map(|n| format!("{}: {n}", article.path)),
        );
    }
    Ok(loaded)
}

/// `feed.json#2`: article 2 of a file holding several (a JSON array), when
/// no file of that exact name exists.
fn article_selector(input: &str) -> Option<(&str, usize)> {
    let (file, number) = input.rsplit_once('#')?;
    let number: usize = number.parse().ok()?;
    (number >= 1 && !Path::new(input).exists() && Path::new(file).is_file())
        .then_some((file, number))
}

fn load_directory(dir: &str, format: InputFormat, loaded: &mut Loaded) -> Result<(), LoadError> {
    let entries = fs::read_dir(dir).map_err(|e| LoadError::io(dir, &e))?;
    let mut files: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && is_article_file(p))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if files.is_empty() {
        return Err(LoadError::EmptyDirectory {
            path: dir.to_string(),
            extensions: ARTICLE_EXTENSIONS.join(", "),
        });
    }
    files.sort();
    for file in &files {
        load_file(file, format, loaded)?;
    }
    Ok(())
}

fn is_article_file(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    !hidden && ARTICLE_EXTENSIONS.contains(&extension.as_str())
}

fn load_file(path: &str, format: InputFormat, loaded: &mut Loaded) -> Result<(), LoadError> {
    let bytes = fs::read(path).map_err(|e| LoadError::io(path, &e))?;
    let source = Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string());
    let origin = Origin {
        path: path.to_string(),
        source,
    };
    push_bytes(origin, &bytes, format, loaded)
}

fn push_bytes(
    origin: Origin,
    bytes: &[u8],
    forced: InputFormat,
    loaded: &mut Loaded,
) -> Result<(), LoadError> {
    let input = Input {
        origin,
        bytes,
        content_type: None,
        url: None,
        forced,
    };
    loaded.articles.extend(parse_input(&input)?);
    Ok(())
}

/// Builds an article from decoded text: cleaning, paragraphs, kinds, title.
pub fn parse_article(path: &str, source: &str, text: &str) -> Article {
    let cleaned = clean_text(text);
    let mut raw = split_paragraphs(&cleaned);
    let repeats = drop_repeats(&mut raw);
    let kinds = classify(&raw);
    let title = title_index(&kinds)
        .map(|i| raw[i].text.clone())
        .unwrap_or_else(|| file_stem(source));
    let mut notes = Vec::new();
    if repeats > 0 {
        notes.push(format!("{repeats} repeated line(s) shown once"));
    }
    if raw.is_empty() {
        notes.push("empty: no text to compare".to_string());
    }
    let paragraphs = raw
        .into_iter()
        .zip(kinds)
        .map(|(p, kind)| Paragraph { text: p.text, kind })
        .collect();
    Article {
        path: path.to_string(),
        source: source.to_string(),
        title,
        paragraphs,
        meta: Meta {
            format: Some("text"),
            ..Meta::default()
        },
        notes,
    }
}

/// The file name without its extension: the title of last resort.
pub(super) fn file_stem(source: &str) -> String {
    Path::new(source)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| source.to_string())
}
