//! Why an input could not be loaded. Every variant names its source so the
//! binary can print one line that tells the user which file and what.

use thiserror::Error;

/// A fatal problem with one input. Recoverable oddities (invalid UTF-8, an
/// empty file) are notes on the article instead.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{path}: no such file or directory")]
    Missing { path: String },
    #[error("{path}: directory holds no article files (looked for {extensions})")]
    EmptyDirectory { path: String, extensions: String },
    #[error("{path}: binary file (NUL byte at offset {offset}), not text")]
    Binary { path: String, offset: usize },
    #[error("{path}: cannot read: {reason}")]
    Unreadable { path: String, reason: String },
    /// An input past `--max-input-size` (default 64 MB).
    #[error("{path}: larger than the {} limit per input (--max-input-size raises it)", super::fetch::megabytes(*.limit))]
    TooLarge { path: String, limit: u64 },
    #[error("{path}: stdin can be read only once")]
    StdinTwice { path: String },
    /// JSON that does not parse, or does not fit the article schema.
    #[error("{path}: {} at line {line}, column {column}: {reason}", json_problem(*.syntax))]
    Json {
        path: String,
        line: usize,
        column: usize,
        reason: String,
        /// Broken JSON, as opposed to valid JSON of the wrong shape.
        syntax: bool,
    },
    /// Readable input without the article asked for: a JSON article with
    /// no text, an empty array, `feed.json#3` of two.
    #[error("{path}: {reason}")]
    NoArticle { path: String, reason: String },
    /// A URL that could not be fetched: timeout, HTTP error, too large.
    #[error("{url}: {reason}")]
    Fetch { url: String, reason: String },
}

fn json_problem(syntax: bool) -> &'static str {
    if syntax {
        "invalid JSON"
    } else {
        "unexpected JSON"
    }
}

impl LoadError {
    pub(crate) fn io(path: &str, err: &std::io::Error) -> Self {
        match err.kind() {
            std::io::ErrorKind::NotFound => LoadError::Missing {
                path: path.to_string(),
            },
            _ => LoadError::Unreadable {
                path: path.to_string(),
                reason: lower_first(&err.to_string()),
            },
        }
    }
}

/// std's messages start with a capital and end with an OS error number;
/// keep the sentence readable inside ours.
pub(crate) fn lower_first(message: &str) -> String {
    let message = message.split(" (os error").next().unwrap_or(message);
    let mut chars = message.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
