//! Command-line grammar. `diptych [PATHS…]` opens the reader; subcommands
//! give the same comparison without a terminal UI.

use clap::{Parser, Subcommand, ValueEnum};

use diptych::align::Granularity;
use diptych::article::{InputFormat, LARGEST_INPUT_BYTES};
use diptych::ui::ThemeName;

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
    /// The reader's config file, instead of
    /// $XDG_CONFIG_HOME/diptych/config.toml (~/.config/diptych/config.toml).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,
    /// The reader's colours, over the config file's `theme`.
    #[arg(long, global = true, value_enum)]
    pub theme: Option<ThemeArg>,
}

/// An input size in bytes written as `65536`, `512K`, `64M` or `1G`
/// (powers of 1024), at most [`LARGEST_INPUT_BYTES`]: past it the
/// engine's 32-bit positions would not hold a text.
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
        let bytes = value
            .checked_mul(1 << shift)
            .filter(|v| *v > 0)
            .ok_or_else(bad)?;
        if bytes > LARGEST_INPUT_BYTES {
            return Err(format!(
                "{text:?} is more than diptych reads from one input (at most 1G)"
            ));
        }
        Ok(ByteSize(bytes))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Dark,
    Light,
    HighContrast,
    Monochrome,
}

impl From<ThemeArg> for ThemeName {
    fn from(value: ThemeArg) -> Self {
        match value {
            ThemeArg::Dark => ThemeName::Dark,
            ThemeArg::Light => ThemeName::Light,
            ThemeArg::HighContrast => ThemeName::HighContrast,
            ThemeArg::Monochrome => ThemeName::Monochrome,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// Print the documented default config file.
    #[arg(long)]
    pub default: bool,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
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
    /// Check the reader's config file and say where it is read from;
    /// --default prints the documented default file.
    Config(ConfigArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish,
    /// powershell).
    Completions(CompletionsArgs),
    /// Print the man page (roff) on stdout.
    Man,
    /// Serve the reader over SSH: every visitor gets their own read-only
    /// reader over the same articles. No shell, no files, no forwarding.
    #[cfg(feature = "serve")]
    Serve(ServeArgs),
}

#[cfg(feature = "serve")]
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Articles: files, directories, or - for stdin. None = the demo corpus.
    pub paths: Vec<String>,
    /// Address and port to listen on; anything but loopback only when given.
    #[arg(long, default_value = "127.0.0.1:2222")]
    pub listen: std::net::SocketAddr,
    /// The ed25519 host key; created with mode 0600 if missing. Default:
    /// ssh_host_ed25519_key in the user's data directory (~/.local/share/diptych).
    #[arg(long, value_name = "FILE")]
    pub host_key: Option<std::path::PathBuf>,
    /// Public keys allowed in. Default: ~/.ssh/authorized_keys.
    #[arg(long, value_name = "FILE", conflicts_with = "open")]
    pub authorized_keys: Option<std::path::PathBuf>,
    /// Let anyone in, with or without a key (public demos).
    #[arg(long)]
    pub open: bool,
    /// Visitors at once.
    #[arg(long, default_value_t = 32)]
    pub max_sessions: usize,
    /// Visitors at once from one IP address.
    #[arg(long, default_value_t = 4)]
    pub max_per_address: usize,
    /// Disconnect a visitor after this long without a key (a notice comes
    /// first): 90s, 15m, 1h.
    #[arg(long, default_value = "15m", value_parser = parse_duration)]
    pub idle_timeout: Seconds,
}

/// A duration given as a number with an optional s/m/h unit.
#[cfg(feature = "serve")]
#[derive(Debug, Clone, Copy)]
pub struct Seconds(pub u64);

#[cfg(feature = "serve")]
impl From<Seconds> for std::time::Duration {
    fn from(value: Seconds) -> Self {
        std::time::Duration::from_secs(value.0)
    }
}

#[cfg(feature = "serve")]
fn parse_duration(text: &str) -> Result<Seconds, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let n: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a duration like 90s, 15m or 1h"))?;
    let scale = match unit {
        "" | "s" => 1,
        "m" | "min" => 60,
        "h" => 3600,
        _ => return Err(format!("`{text}`: unit must be s, m or h")),
    };
    match n.checked_mul(scale) {
        Some(secs) if secs > 0 => Ok(Seconds(secs)),
        _ => Err(format!("`{text}`: must be more than 0 and reasonable")),
    }
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
