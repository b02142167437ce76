//! `diptych config`: where the reader's config file is read from and
//! whether it is valid; `--default` prints the documented default file.

use std::path::Path;

use anyhow::Result;

use crate::cli::ConfigArgs;
use crate::io::write_raw;
use diptych::article::sanitize;
use diptych::config::{DEFAULT_CONFIG, default_path, load};

pub fn run(args: &ConfigArgs, explicit: Option<&Path>) -> Result<()> {
    if args.default {
        return write_raw(DEFAULT_CONFIG);
    }
    load(explicit)?;
    // The path comes from the command line or the environment: shown
    // terminal-safe, as every path is.
    let shown = |path: &Path| sanitize::line(&path.display().to_string()).into_owned();
    let verdict = match explicit.map(Path::to_path_buf).or_else(default_path) {
        Some(path) if path.is_file() => format!("{}: valid\n", shown(&path)),
        Some(path) => format!("{}: not present, using the defaults\n", shown(&path)),
        None => "no config path (neither XDG_CONFIG_HOME nor HOME is set), using the defaults\n"
            .to_string(),
    };
    write_raw(&verdict)
}
