//! Inputs → articles: files, directories of files, `-` for stdin, http(s)
//! URLs, and the embedded demo corpus when no input is named. Never writes
//! anything.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::assemble::Origin;
use super::classify::{classify, title_index};
use super::clean::clean_text;
use super::demo::DEMO_CORPUS;
use super::fetch::{FetchOptions, is_url};
use super::formats::{Input, InputFormat, parse_input};
use super::parallel::map_in_parallel;
use super::read::read_bounded;
use super::sanitize;
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

/// How to read inputs: the format to force (or `Auto`), the size bound per
/// input and the limits for fetching URLs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOptions {
    pub format: InputFormat,
    pub fetch: FetchOptions,
    /// Files and stdin larger than this are refused (`/dev/zero`,
    /// `yes |`, a disk image): no article is this long, and reading one
    /// whole would take the machine's memory.
    pub max_input_bytes: u64,
}

/// The default bound per input: far above any article (the 5 MB
/// benchmark texts fit twelve times), far below a machine's memory.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// The most any input may be, whatever `max_input_bytes` says: the
/// engine keeps byte positions in 32 bits ([`crate::align::Span`]), and
/// decoding can triple a text (a bad byte becomes a three-byte U+FFFD),
/// so 1 GiB keeps every position under 4 GiB.
pub const LARGEST_INPUT_BYTES: u64 = 1 << 30;

impl LoadOptions {
    /// The bound each input is read against.
    fn input_limit(&self) -> u64 {
        self.max_input_bytes.min(LARGEST_INPUT_BYTES)
    }
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            format: InputFormat::Auto,
            fetch: FetchOptions::default(),
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

/// Loads every input, articles in input order; no inputs means the
/// embedded demo corpus. Fails with the first input (in order) that cannot
/// be read at all. Files and URLs load in parallel; with `-` among the
/// inputs they load one after the other, so an unreadable file is reported
/// before stdin is waited for.
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
    if inputs.iter().any(|input| input == "-") {
        let mut stdin_used = false;
        for input in inputs {
            if input == "-" {
                if stdin_used {
                    return Err(LoadError::StdinTwice {
                        path: input.clone(),
                    });
                }
                stdin_used = true;
                load_stdin(stdin, options, &mut loaded)?;
            } else {
                load_named(input, options, &mut loaded)?;
            }
        }
    } else {
        let each = map_in_parallel(inputs, |input| {
            let mut one = Loaded::default();
            load_named(input, options, &mut one).map(|()| one)
        });
        for one in each {
            let one = one?;
            loaded.articles.extend(one.articles);
            loaded.warnings.extend(one.warnings);
        }
    }
    for article in &mut loaded.articles {
        make_displayable(article);
        loaded.warnings.extend(
            article
                .notes
                .iter()
                .map(|n| format!("{}: {n}", sanitize::line(&article.path))),
        );
    }
    Ok(loaded)
}

fn load_stdin(
    stdin: &mut dyn Read,
    options: &LoadOptions,
    loaded: &mut Loaded,
) -> Result<(), LoadError> {
    let bytes = read_bounded(stdin, "<stdin>", options.input_limit(), 0)?;
    let origin = Origin {
        path: "-".to_string(),
        source: "stdin".to_string(),
    };
    push_bytes(origin, &bytes, options.format, loaded)
}

/// One input that is not stdin: a URL, a directory, `file#N` or a file.
fn load_named(input: &str, options: &LoadOptions, loaded: &mut Loaded) -> Result<(), LoadError> {
    if is_url(input) {
        loaded
            .articles
            .extend(super::fetch::load_url(input, options)?);
    } else if Path::new(input).is_dir() {
        load_directory(input, options, loaded)?;
    } else if let Some((file, number)) = article_selector(input) {
        let mut all = Loaded::default();
        load_file(Path::new(file), options, &mut all)?;
        let count = all.articles.len();
        let article =
            all.articles
                .into_iter()
                .nth(number - 1)
                .ok_or_else(|| LoadError::NoArticle {
                    path: input.to_string(),
                    reason: format!("no article {number}: {file} holds {count}"),
                })?;
        loaded.articles.push(article);
    } else {
        load_file(Path::new(input), options, loaded)?;
    }
    Ok(())
}

/// The strings an article is shown by (its name, title and metadata) made
/// safe for any terminal once, so the reader and every report can print
/// them. The path stays exact: it names the file to open.
fn make_displayable(article: &mut Article) {
    let fields = [
        Some(&mut article.source),
        Some(&mut article.title),
        article.meta.byline.as_mut(),
        article.meta.published.as_mut(),
        article.meta.url.as_mut(),
        article.meta.site.as_mut(),
    ];
    for field in fields.into_iter().flatten() {
        if let std::borrow::Cow::Owned(clean) = sanitize::line(field) {
            *field = clean;
        }
    }
}

/// `feed.json#2`: article 2 of a file holding several (a JSON array), when
/// no file of that exact name exists.
fn article_selector(input: &str) -> Option<(&str, usize)> {
    let (file, number) = input.rsplit_once('#')?;
    let number: usize = number.parse().ok()?;
    (number >= 1 && !Path::new(input).exists() && Path::new(file).is_file())
        .then_some((file, number))
}

/// The article files of a directory, opened by their OS paths (a name that
/// is not UTF-8 is read all the same and shown lossily).
fn load_directory(dir: &str, options: &LoadOptions, loaded: &mut Loaded) -> Result<(), LoadError> {
    let entries = fs::read_dir(dir).map_err(|e| LoadError::io(dir, &e))?;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut skipped: Vec<LoadError> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                if !is_article_file(&path) {
                    continue;
                }
                // Followed through symlinks: an article file that cannot
                // be reached (a dangling or looping link, no permission
                // to look) is named in a warning, not silently left out.
                match fs::metadata(&path) {
                    Ok(meta) if meta.is_file() => files.push(path),
                    Ok(_) => {}
                    Err(e) => skipped.push(LoadError::io(&path.to_string_lossy(), &e)),
                }
            }
            Err(e) => loaded.warnings.push(format!(
                "{}: an entry could not be read ({}); skipped",
                sanitize::line(dir),
                sanitize::line(&e.to_string())
            )),
        }
    }
    if files.is_empty() {
        // Nothing else to read: the file that could not be is the error.
        if let Some(first) = skipped.into_iter().next() {
            return Err(first);
        }
        return Err(LoadError::EmptyDirectory {
            path: dir.to_string(),
            extensions: ARTICLE_EXTENSIONS.join(", "),
        });
    }
    loaded.warnings.extend(
        skipped
            .iter()
            .map(|e| format!("{}; skipped", sanitize::line(&e.to_string()))),
    );
    files.sort();
    let each = map_in_parallel(&files, |file| {
        let mut one = Loaded::default();
        load_file(file, options, &mut one).map(|()| one)
    });
    for one in each {
        let one = one?;
        loaded.articles.extend(one.articles);
        loaded.warnings.extend(one.warnings);
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

fn load_file(path: &Path, options: &LoadOptions, loaded: &mut Loaded) -> Result<(), LoadError> {
    let shown = path.to_string_lossy();
    let mut file = fs::File::open(path).map_err(|e| LoadError::io(&shown, &e))?;
    let size = file.metadata().map_or(0, |m| m.len());
    let bytes = read_bounded(&mut file, &shown, options.input_limit(), size)?;
    let source = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.to_string());
    let origin = Origin {
        path: shown.to_string(),
        source,
    };
    push_bytes(origin, &bytes, options.format, loaded)
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

/// The file name without an article extension: the title of last resort.
/// Only extensions diptych reads are cut, so a page from `127.0.0.1` or
/// `example.com` keeps its whole host name.
pub(super) fn file_stem(source: &str) -> String {
    match source.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty() && READ_EXTENSIONS.contains(&ext.to_lowercase().as_str()) =>
        {
            stem.to_string()
        }
        _ => source.to_string(),
    }
}

/// Every extension a format is chosen by, a superset of the directory's.
const READ_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "json",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_of_last_resort_keep_host_names() {
        assert_eq!(file_stem("127.0.0.1"), "127.0.0.1");
        assert_eq!(file_stem("example.com"), "example.com");
        assert_eq!(file_stem("notes.TXT"), "notes");
        assert_eq!(file_stem(".md"), ".md");
    }
}
