//! Where the dev-data pairs are, for the benches and examples that read
//! them: `$DIPTYCH_DEV_DATA`, else `../shared/dev-data` beside the
//! project, else `/work/shared/dev-data`.

use std::path::{Path, PathBuf};

/// The dev-data folder (see the module doc).
pub fn dev_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("DIPTYCH_DEV_DATA") {
        return PathBuf::from(dir);
    }
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/dev-data");
    if beside.is_dir() {
        beside
    } else {
        PathBuf::from("/work/shared/dev-data")
    }
}
