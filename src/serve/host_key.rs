//! The server's ed25519 host key: generated on first run, kept with mode
//! 0600, and identified to the operator by its SHA-256 fingerprint so
//! visitors can check what `ssh` shows them.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use russh::keys::ssh_key::LineEnding;
use russh::keys::{Algorithm, HashAlg, PrivateKey, PublicKey};

use super::auth::ServeError;

/// `$XDG_DATA_HOME/diptych/ssh_host_ed25519_key`, else under
/// `~/.local/share`; `None` when neither is known.
pub fn default_host_key_path() -> Option<PathBuf> {
    let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    let data = var("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| var("HOME").map(|home| PathBuf::from(home).join(".local/share")))?;
    Some(data.join("diptych").join("ssh_host_ed25519_key"))
}

/// Loads the key at `path`, or creates a new ed25519 key there (mode
/// 0600, parent directories 0700). The flag says whether it was created.
pub fn load_or_create_host_key(path: &Path) -> Result<(PrivateKey, bool), ServeError> {
    let bad = |reason: String| ServeError::HostKey {
        path: path.to_path_buf(),
        reason,
    };
    if path.exists() {
        let key = russh::keys::load_secret_key(path, None).map_err(|e| bad(e.to_string()))?;
        return Ok((key, false));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir).map_err(|e| bad(format!("creating {}: {e}", dir.display())))?;
    }
    let key =
        PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).map_err(|e| bad(e.to_string()))?;
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| bad(e.to_string()))?;
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(|e| bad(e.to_string()))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| bad(e.to_string()))?;
    Ok((key, true))
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// `SHA256:…`, as `ssh` prints it.
pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_key_is_private_and_loads_back_the_same() {
        let dir = std::env::temp_dir().join(format!("diptych-hostkey-{}", std::process::id()));
        let path = dir.join("sub").join("key");
        let created = load_or_create_host_key(&path);
        let loaded = load_or_create_host_key(&path);
        #[cfg(unix)]
        let mode = std::fs::metadata(&path)
            .map(|m| std::os::unix::fs::PermissionsExt::mode(&m.permissions()))
            .unwrap_or(0);
        let _ = std::fs::remove_dir_all(&dir);
        let ((first, true), (again, false)) = (created.unwrap(), loaded.unwrap()) else {
            panic!("first call creates, second loads");
        };
        assert_eq!(
            fingerprint(first.public_key()),
            fingerprint(again.public_key())
        );
        assert!(fingerprint(first.public_key()).starts_with("SHA256:"));
        #[cfg(unix)]
        assert_eq!(mode & 0o777, 0o600);
    }
}
