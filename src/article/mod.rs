//! Articles: loading text from files, directories, stdin or the embedded
//! demo corpus, and cutting it into classified paragraphs and sentences.
//!
//! Nothing here knows about alignment or the terminal; the engine and the
//! UI both consume [`Article`] values.

mod assemble;
mod classify;
mod clean;
pub mod demo;
mod error;
mod fetch;
pub mod formats;
pub mod identity;
mod load;
mod parallel;
mod read;
pub mod sanitize;
mod script;
mod segment;
pub mod sentence;
mod tally;

pub use error::LoadError;
pub use fetch::FetchOptions;
pub use formats::InputFormat;
pub use load::{
    LARGEST_INPUT_BYTES, LoadOptions, Loaded, load_inputs, load_inputs_with, parse_article,
};

use serde::Serialize;

/// What role a paragraph plays in the article. Kinds are kept and shown,
/// never dropped: the reader styles them and the aligner weighs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Running text of the story.
    Body,
    /// A title or sub-heading line.
    Heading,
    /// One item of a bulleted or numbered list.
    ListItem,
    /// Page furniture: donation and share blocks, navigation labels, prompts.
    Boilerplate,
    /// A photo caption or credit, including lines in another script.
    Caption,
}

impl Kind {
    /// Whether this paragraph is part of the story proper. Boilerplate and
    /// captions are left out of similarity so page furniture never links.
    pub fn is_story(self) -> bool {
        matches!(self, Kind::Body | Kind::Heading | Kind::ListItem)
    }

    /// A short lower-case label for text output and JSON.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Body => "body",
            Kind::Heading => "heading",
            Kind::ListItem => "list item",
            Kind::Boilerplate => "boilerplate",
            Kind::Caption => "caption",
        }
    }
}

/// One paragraph of cleaned text (no control characters, single spaces,
/// list markers removed) with its kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub text: String,
    pub kind: Kind,
}

/// A loaded article: where it came from, its title and its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// The path as the user gave it (`-` for stdin, the seed file name for
    /// the embedded demo); used to name the article in errors and output.
    pub path: String,
    /// The file name, shown as the article's source.
    pub source: String,
    /// The first heading-like line at the top, else the file stem.
    pub title: String,
    pub paragraphs: Vec<Paragraph>,
    /// Byline, date and address when the input's markup gives them; empty
    /// for plain text.
    pub meta: Meta,
    /// Things the loader noticed and repaired (a repeated title, invalid
    /// UTF-8); printed as warnings, never fatal.
    pub notes: Vec<String>,
}

/// Facts about an article that its format states outright (HTML meta tags,
/// Markdown front matter, JSON fields). Absent facts stay `None`: diptych
/// never guesses a byline or a date from running text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// The author line ("By Jane Doe"), as the page gives it.
    pub byline: Option<String>,
    /// The publication date or time, as the page gives it (often ISO 8601).
    pub published: Option<String>,
    /// The article's address: the URL it was fetched from (after
    /// redirects) or the one its metadata names.
    pub url: Option<String>,
    /// The publication's name (`og:site_name`, JSON `source`).
    pub site: Option<String>,
    /// The format the input was read as: `text`, `html`, `markdown`, `json`.
    pub format: Option<&'static str>,
}

impl Article {
    /// Words in the whole article as a reader counts them: whitespace-
    /// separated runs, each Han ideograph a word of its own (Chinese and
    /// Japanese leave no spaces between words).
    pub fn word_count(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| tally::count_words(&p.text))
            .sum()
    }
}
