//! The config file: theme, key bindings, the reader's start-up
//! granularity and furniture, and the width from which panes sit side by
//! side (each pane's columns). `$XDG_CONFIG_HOME/diptych/config.toml` (else
//! `~/.config/diptych/config.toml`), or `--config FILE`; a missing default
//! file means the defaults, a bad one is one error line naming the file
//! and the key. `assets/config.toml` documents every setting.

pub mod keys;

use std::path::{Path, PathBuf};

use thiserror::Error;
use toml::{Table, Value};

use crate::align::Granularity;
use crate::ui::ThemeName;
pub use keys::KeyBindings;

/// The documented default config file (`diptych config --default`).
pub const DEFAULT_CONFIG: &str = include_str!("../../assets/config.toml");

/// Settings the config file may give; `None` keeps the built-in default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub theme: Option<ThemeName>,
    pub granularity: Option<Granularity>,
    /// `Some(true)`: furniture shown at start; `Some(false)`: hidden.
    pub show_furniture: Option<bool>,
    pub min_pane_width: Option<u16>,
    pub keys: KeyBindings,
}

/// Why a config file cannot be used: always names the file.
#[derive(Debug, Error)]
pub enum ConfigError {
    // Not `source`: the message already says why, and a source would
    // have the error chain say it a second time.
    #[error("{path}: cannot read config: {reason}")]
    Read {
        path: String,
        reason: std::io::Error,
    },
    #[error("{path}: not a config file (a directory, device or pipe)")]
    NotAFile { path: String },
    #[error("{path}: larger than {LARGEST_CONFIG_BYTES} bytes; a config file is a few hundred")]
    TooLarge { path: String },
    #[error("{path}: line {line}, column {column}: {message}")]
    Syntax {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: {key}: {message}")]
    Value {
        path: String,
        key: String,
        message: String,
    },
}

/// Where the config file is looked for without `--config`.
pub fn default_path() -> Option<PathBuf> {
    let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    let base = var("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| var("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("diptych").join("config.toml"))
}

/// Most bytes a config file may hold: the documented default with every
/// key bound is a few kilobytes, and `--config /dev/zero` must not read
/// memory full.
pub const LARGEST_CONFIG_BYTES: u64 = 1 << 20;

/// The config in force: `explicit` (which must exist), else the default
/// path if something is there, else the defaults.
pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None => match default_path().filter(|p| p.exists()) {
            Some(path) => path,
            None => return Ok(Config::default()),
        },
    };
    let shown = crate::article::sanitize::line(&path.display().to_string()).into_owned();
    let text = read_bounded(&path, &shown)?;
    parse(&text, &shown)
}

/// The text of the file at `path`, refused when it is not a regular file
/// (reading a pipe would wait for a writer, a device might never end) or
/// is larger than [`LARGEST_CONFIG_BYTES`].
fn read_bounded(path: &Path, shown: &str) -> Result<String, ConfigError> {
    use std::io::Read;
    let read_error = |reason| ConfigError::Read {
        path: shown.to_string(),
        reason,
    };
    // `metadata` follows links and never blocks, where opening a pipe does.
    if !std::fs::metadata(path).map_err(read_error)?.is_file() {
        return Err(ConfigError::NotAFile {
            path: shown.to_string(),
        });
    }
    // Bytes first: a cut at the limit may fall inside a character, and
    // a file too large must say so, not that it is not UTF-8.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(LARGEST_CONFIG_BYTES + 1).read_to_end(&mut bytes))
        .map_err(read_error)?;
    if bytes.len() as u64 > LARGEST_CONFIG_BYTES {
        return Err(ConfigError::TooLarge {
            path: shown.to_string(),
        });
    }
    String::from_utf8(bytes)
        .map_err(|e| read_error(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
}

/// Parses config text; `path` names the file in errors.
pub fn parse(text: &str, path: &str) -> Result<Config, ConfigError> {
    let table: Table = text.parse().map_err(|e: toml::de::Error| {
        let at = e.span().map_or(0, |s| s.start).min(text.len());
        let before = &text[..at];
        ConfigError::Syntax {
            path: path.to_string(),
            line: before.matches('\n').count() + 1,
            column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
            message: e.message().trim().replace('\n', " "),
        }
    })?;
    let bad = |key: &str, message: String| ConfigError::Value {
        path: path.to_string(),
        key: key.to_string(),
        message,
    };
    let mut config = Config::default();
    for (key, value) in &table {
        match key.as_str() {
            "theme" => {
                let name = string(value).ok_or_else(|| bad(key, "expected a string".into()))?;
                config.theme = Some(ThemeName::parse(name).ok_or_else(|| {
                    bad(
                        key,
                        format!("unknown theme {name:?} (dark, light, high-contrast, monochrome)"),
                    )
                })?);
            }
            "granularity" => {
                config.granularity = Some(match string(value) {
                    Some("paragraph") => Granularity::Paragraph,
                    Some("sentence") => Granularity::Sentence,
                    _ => return Err(bad(key, "expected \"paragraph\" or \"sentence\"".into())),
                });
            }
            "furniture" => {
                config.show_furniture = Some(match string(value) {
                    Some("show") => true,
                    Some("hide") => false,
                    _ => return Err(bad(key, "expected \"show\" or \"hide\"".into())),
                });
            }
            "min_pane_width" => {
                let width = value
                    .as_integer()
                    .and_then(|n| u16::try_from(n).ok())
                    .filter(|n| *n > 0)
                    .ok_or_else(|| bad(key, "expected a number of columns (1-65535)".into()))?;
                config.min_pane_width = Some(width);
            }
            "keys" => config.keys = key_table(value, path)?,
            _ => {
                return Err(bad(
                    key,
                    "unknown setting (theme, granularity, furniture, min_pane_width, keys)".into(),
                ));
            }
        }
    }
    Ok(config)
}

fn string(value: &Value) -> Option<&str> {
    value.as_str()
}

/// The `[keys]` table: action = "key" or ["key", …].
fn key_table(value: &Value, path: &str) -> Result<KeyBindings, ConfigError> {
    let bad = |key: String, message: String| ConfigError::Value {
        path: path.to_string(),
        key,
        message,
    };
    let table = value
        .as_table()
        .ok_or_else(|| bad("keys".into(), "expected a table: [keys]".into()))?;
    let mut bindings = Vec::new();
    for (name, keys) in table {
        let at = format!("keys.{name}");
        let action = keys::action_named(name).ok_or_else(|| {
            bad(
                at.clone(),
                "unknown action (see `diptych config --default`)".into(),
            )
        })?;
        let names: Vec<&Value> = match keys {
            Value::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        if names.is_empty() {
            return Err(bad(at, "expected at least one key".into()));
        }
        for key in names {
            let Some(text) = key.as_str() else {
                return Err(bad(at, "expected a key name or a list of them".into()));
            };
            let key = keys::parse_key(text)
                .ok_or_else(|| bad(at.clone(), format!("unknown key {text:?}")))?;
            bindings.push((key, action.clone()));
        }
    }
    if let Some((key, action, other)) = keys::clash(&bindings) {
        let other = keys::action_name(&other);
        return Err(bad(
            format!("keys.{}", keys::action_name(&action)),
            format!(
                "{:?} is already {other}'s key (bind {other} to another key too)",
                crate::app::keymap::key_label(key)
            ),
        ));
    }
    Ok(KeyBindings::new(bindings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::Key;

    #[test]
    fn the_documented_default_file_parses_to_the_defaults() {
        let config = parse(DEFAULT_CONFIG, "config.toml").expect("default config");
        assert_eq!(config.theme, Some(ThemeName::Dark));
        assert_eq!(config.granularity, Some(Granularity::Paragraph));
        assert_eq!(
            config.show_furniture,
            Some(!crate::app::ReaderOptions::default().hide_furniture)
        );
        assert_eq!(config.min_pane_width, Some(crate::app::MIN_PANE_WIDTH));
        assert!(config.keys.is_empty());
    }

    #[test]
    fn every_setting_is_read() {
        let text = "theme = \"high-contrast\"\ngranularity = \"sentence\"\nfurniture = \"show\"\n\
                    min_pane_width = 80\n[keys]\nnext = \"x\"\nquit = [\"Q\", \"Ctrl-d\"]\n";
        let config = parse(text, "c.toml").expect("config");
        assert_eq!(config.theme, Some(ThemeName::HighContrast));
        assert_eq!(config.granularity, Some(Granularity::Sentence));
        assert_eq!(config.show_furniture, Some(true));
        assert_eq!(config.min_pane_width, Some(80));
        let expected = KeyBindings::new(vec![
            (Key::Char('x'), crate::app::Action::Next),
            (Key::Char('Q'), crate::app::Action::Quit),
            (Key::Ctrl('d'), crate::app::Action::Quit),
        ]);
        assert_eq!(config.keys, expected);
    }

    #[test]
    fn errors_are_one_line_naming_file_and_key() {
        for (text, expected) in [
            (
                "theme = \"solarized\"",
                "c.toml: theme: unknown theme \"solarized\"",
            ),
            ("colour = 1", "c.toml: colour: unknown setting"),
            (
                "granularity = 3",
                "c.toml: granularity: expected \"paragraph\" or \"sentence\"",
            ),
            (
                "min_pane_width = -4",
                "c.toml: min_pane_width: expected a number",
            ),
            (
                "[keys]\nnext = \"Ctlr-x\"",
                "c.toml: keys.next: unknown key \"Ctlr-x\"",
            ),
            ("[keys]\njump = \"x\"", "c.toml: keys.jump: unknown action"),
            (
                "[keys]\nnext = []",
                "c.toml: keys.next: expected at least one key",
            ),
            ("keys = 1", "c.toml: keys: expected a table"),
            (
                "[keys]\nnext = \"q\"",
                "c.toml: keys.next: \"q\" is already quit's key (bind quit to another key too)",
            ),
            (
                "[keys]\nnext = \"x\"\nswap = \"x\"",
                "c.toml: keys.swap: \"x\" is already next's key",
            ),
            ("theme = \n", "c.toml: line 1, column 9: "),
            ("a = 1\ntheme = [\n", "c.toml: line 2, column"),
        ] {
            let error = parse(text, "c.toml").expect_err(text).to_string();
            assert!(error.starts_with(expected), "{text:?} gave {error:?}");
            assert!(!error.contains('\n'), "{error:?}");
        }
    }

    #[test]
    fn a_missing_explicit_file_is_an_error_naming_it() {
        let error = load(Some(Path::new("/nonexistent/diptych.toml"))).expect_err("missing");
        // As the binary prints it: the whole chain, which says why once.
        let error = format!("{:#}", anyhow::Error::from(error));
        assert!(
            error.starts_with("/nonexistent/diptych.toml: cannot read config"),
            "{error}"
        );
        assert_eq!(error.matches("os error").count(), 1, "{error}");
    }
}
