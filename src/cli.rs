//! Command-line grammar. `diptych [PATHS…]` opens the reader; subcommands
//! give the same comparison without a terminal UI.

use clap::{Parser, Subcommand, ValueEnum};

use diptych::align::Granularity;
use diptych::article::InputFormat;

/// Read articles side by side: what matches, what was reworded, what moved,
/// and what only one text says.
#[derive(Debug, Parser)]
// No `args_conflicts_with_subcommands`: it would make the global
// `--input-format` before a subcommand turn the subcommand into a path.
#[command(name = "diptych", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles to open: files, directories, http(s) URLs, or - for stdin.
    /// None opens the embedded demo corpus.
    pub paths: Vec<String>,
    /// Read every input as this format instead of deciding by extension,
    /// Content-Type or content.
    #[arg(long, global = true, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,
    /// Refuse any file or stdin larger than this (bytes, or with K, M, G).
    #[arg(long, global = true, value_name = "SIZE", default_value = "64M")]
    pub max_input_size: ByteSize,
}

/// A size in bytes written as `65536`, `512K`, `64M` or `1G` (powers of 1024).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteSize(pub u64);

impl std::str::FromStr for ByteSize {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let upper = text.to_ascii_uppercase();
        let digits = upper.trim_end_matches(['B', 'I']);
        let (number, shift) = [('K', 10), ('M', 20), ('G', 30)]
            .into_iter()
            .find_map(|(suffix, shift)| Some((digits.strip_suffix(suffix)?, shift)))
            .unwrap_or((digits, 0));
        let bad = || format!("{text:?} is not a size (try 65536, 512K, 64M or 1G)");
        let value: u64 = number.trim().parse().map_err(|_| bad())?;
        value
            .checked_mul(1 << shift)
            .filter(|v| *v > 0)
            .map(ByteSize)
            .ok_or_else(bad)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Align two articles and print the linked paragraphs with word diffs.
    Align(AlignArgs),
    /// Names, numbers, dates, quotes and attributions across all articles,
    /// grouped; discrepancies first.
    Facts(FactsArgs),
    /// A shareable comparison of all articles: similarity matrix, coverage,
    /// facts and discrepancies, and one pair aligned word by word.
    Report(ReportArgs),
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Articles: files, directories, or - for stdin. None = the demo corpus.
    pub paths: Vec<String>,
    /// markdown or html for people, json for scripts.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Markdown)]
    pub format: ReportFormat,
    /// Write here instead of stdout (atomically; never over an input).
    #[arg(long, short)]
    pub output: Option<std::path::PathBuf>,
    /// The pair to show in full: file names, paths, unique name prefixes
    /// or article numbers as the reader's list shows them (1-based, load
    /// order). Default: the most similar pair.
    #[arg(long, num_args = 2, value_names = ["A", "B"])]
    pub pair: Option<Vec<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Html,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct FactsArgs {
    /// Articles: files, directories, or - for stdin. None = the demo corpus.
    pub paths: Vec<String>,
    /// json for scripts (a stable contract), text for people.
    #[arg(long, short, value_enum, default_value_t = FactsFormat::Text)]
    pub format: FactsFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FactsFormat {
    Json,
    Text,
}

#[derive(Debug, clap::Args)]
pub struct AlignArgs {
    /// The left article (a file, a URL, or - for stdin).
    pub left: String,
    /// The right article.
    pub right: String,
    /// What to link: whole paragraphs or sentences.
    #[arg(long, short, value_enum, default_value_t = GranularityArg::Paragraph)]
    pub granularity: GranularityArg,
    /// json for scripts (a stable contract), text for people.
    #[arg(long, short, value_enum, default_value_t = AlignFormat::Text)]
    pub format: AlignFormat,
    /// Score boilerplate and captions like story text instead of only
    /// linking identical ones.
    #[arg(long)]
    pub include_boilerplate: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GranularityArg {
    Paragraph,
    Sentence,
}

impl From<GranularityArg> for Granularity {
    fn from(value: GranularityArg) -> Self {
        match value {
            GranularityArg::Paragraph => Granularity::Paragraph,
            GranularityArg::Sentence => Granularity::Sentence,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AlignFormat {
    Json,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// By extension or Content-Type, else by sniffing the content.
    Auto,
    Text,
    Html,
    Markdown,
    Json,
}

impl From<InputFormatArg> for InputFormat {
    fn from(value: InputFormatArg) -> Self {
        match value {
            InputFormatArg::Auto => InputFormat::Auto,
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Html => InputFormat::Html,
            InputFormatArg::Markdown => InputFormat::Markdown,
            InputFormatArg::Json => InputFormat::Json,
        }
    }
}
