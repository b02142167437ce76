//! Who may connect: keys from an authorized_keys file, or anyone (`--open`).

use std::path::{Path, PathBuf};

use russh::keys::PublicKey;
use russh::keys::ssh_key::AuthorizedKeys;

/// Why the server cannot start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{}: {reason}", path.display())]
    AuthorizedKeys { path: PathBuf, reason: String },
    #[error("host key {}: {reason}", path.display())]
    HostKey { path: PathBuf, reason: String },
}

/// Which visitors are let in.
#[derive(Debug, Clone)]
pub enum AuthPolicy {
    /// Anyone, with or without a key (public demos).
    Open,
    /// Only these public keys.
    Keys(Vec<PublicKey>),
}

impl AuthPolicy {
    /// Whether `key` may log in.
    pub fn admits(&self, key: &PublicKey) -> bool {
        match self {
            AuthPolicy::Open => true,
            AuthPolicy::Keys(keys) => keys.iter().any(|k| k.key_data() == key.key_data()),
        }
    }

    pub fn is_open(&self) -> bool {
        matches!(self, AuthPolicy::Open)
    }
}

/// The keys of an authorized_keys file, and how many lines were skipped
/// as unreadable. An unreadable file is an error; so is one with no key.
pub fn load_authorized_keys(path: &Path) -> Result<(Vec<PublicKey>, usize), ServeError> {
    let bad = |reason: String| ServeError::AuthorizedKeys {
        path: path.to_path_buf(),
        reason,
    };
    let text = std::fs::read_to_string(path).map_err(|e| bad(e.to_string()))?;
    let (mut keys, mut skipped) = (Vec::new(), 0);
    for entry in AuthorizedKeys::new(&text) {
        match entry {
            Ok(entry) => keys.push(entry.public_key().clone()),
            Err(_) => skipped += 1,
        }
    }
    if keys.is_empty() {
        return Err(bad(
            "no usable public key (give --authorized-keys FILE, or --open to let anyone in)".into(),
        ));
    }
    Ok((keys, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;
    use russh::keys::{Algorithm, PrivateKey};

    #[test]
    fn keys_policy_admits_only_listed_keys() {
        let mut rng = rand::rng();
        let (a, b) = (
            PrivateKey::random(&mut rng, Algorithm::Ed25519).ok(),
            PrivateKey::random(&mut rng, Algorithm::Ed25519).ok(),
        );
        let (Some(a), Some(b)) = (a, b) else {
            panic!("key generation");
        };
        let policy = AuthPolicy::Keys(vec![a.public_key().clone()]);
        assert!(policy.admits(a.public_key()));
        assert!(!policy.admits(b.public_key()));
        assert!(AuthPolicy::Open.admits(b.public_key()));
    }

    #[test]
    fn a_file_without_keys_is_refused_by_name() {
        let path = std::env::temp_dir().join(format!("diptych-ak-{}", std::process::id()));
        let _ = std::fs::write(&path, "# nothing here\nnot a key\n");
        let result = load_authorized_keys(&path);
        let _ = std::fs::remove_file(&path);
        let message = result.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("diptych-ak-") && message.contains("no usable public key"));
    }
}
