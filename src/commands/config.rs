//! `diptych config`: where the reader's config file is read from and
//! whether it is valid; `--default` prints the documented default file.

use std::path::Path;

use anyhow::Result;

use crate::cli::ConfigArgs;
use diptych::config::{DEFAULT_CONFIG, default_path, load};

pub fn run(args: &ConfigArgs, explicit: Option<&Path>) -> Result<()> {
    if args.default {
        print!("{DEFAULT_CONFIG}");
        return Ok(());
    }
    load(explicit)?;
    match explicit.map(Path::to_path_buf).or_else(default_path) {
        Some(path) if path.is_file() => println!("{}: valid", path.display()),
        Some(path) => println!("{}: not present, using the defaults", path.display()),
        None => {
            println!("no config path (neither XDG_CONFIG_HOME nor HOME is set), using the defaults")
        }
    }
    Ok(())
}
