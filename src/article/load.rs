//! Inputs → articles: files, directories of files, `-` for stdin, and the
//! embedded demo corpus when no input is named. Never writes anything.

use std::fs;
use std::io::Read;
use std::path::Path;

use super::classify::{classify, title_index};
use super::clean::clean_text;
use super::demo::DEMO_CORPUS;
use super::segment::{drop_repeats, split_paragraphs};
use super::{Article, LoadError, Paragraph};

/// File endings read from a directory; other files there are ignored.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

/// How many leading bytes are checked for NUL to tell binary files apart.
const BINARY_SNIFF_BYTES: usize = 8192;

/// The articles of one invocation and the warnings to print about them.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub warnings: Vec<String>,
}

/// Loads every input in order; no inputs means the embedded demo corpus.
/// Fails on the first input that cannot be read at all.
pub fn load_inputs(inputs: &[String], stdin: &mut dyn Read) -> Result<Loaded, LoadError> {
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
            push_bytes("-", "stdin", &bytes, &mut loaded)?;
        } else if Path::new(input).is_dir() {
            load_directory(input, &mut loaded)?;
        } else {
            load_file(input, &mut loaded)?;
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

fn load_directory(dir: &str, loaded: &mut Loaded) -> Result<(), LoadError> {
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
        load_file(file, loaded)?;
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

fn load_file(path: &str, loaded: &mut Loaded) -> Result<(), LoadError> {
    let bytes = fs::read(path).map_err(|e| LoadError::io(path, &e))?;
    let source = Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string());
    push_bytes(path, &source, &bytes, loaded)
}

fn push_bytes(
    path: &str,
    source: &str,
    bytes: &[u8],
    loaded: &mut Loaded,
) -> Result<(), LoadError> {
    let sniff = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    if let Some(offset) = sniff.iter().position(|b| *b == 0) {
        return Err(LoadError::Binary {
            path: path.to_string(),
            offset,
        });
    }
    let (text, utf8_note) = match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), None),
        Err(e) => (
            String::from_utf8_lossy(bytes).into_owned(),
            Some(format!(
                "invalid UTF-8 at byte {}; bad bytes shown as \u{fffd}",
                e.valid_up_to()
            )),
        ),
    };
    let mut article = parse_article(path, source, &text);
    article.notes.splice(0..0, utf8_note);
    loaded.articles.push(article);
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
        notes,
    }
}

fn file_stem(source: &str) -> String {
    Path::new(source)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| source.to_string())
}
