//! Where `-o` output goes, safely. A regular file (or a new name) is
//! replaced atomically: a temporary file created exclusively, under an
//! unpredictable name, in the target's directory (so a symlink planted at
//! a guessable name can never redirect the write), given the old file's
//! permission bits and owner, then renamed over the target. The temporary
//! file is removed on every failure and on SIGINT, SIGTERM, SIGHUP and
//! SIGQUIT. Anything else — a device (`/dev/null`), a FIFO, a symbolic link
//! (`/dev/stdout`) — is written in place, never renamed over; `-` is stdout.
//!
//! The `tempfile` crate's `NamedTempFile::new_in` + `persist` does the
//! same exclusive creation; it adds `fastrand` and `rustix` to the build and
//! still leaves the signal cleanup, the permission copy and the special-file
//! rules to us, so this is the ~150-line version of just what is needed.

use std::ffi::CString;
use std::fs::{self, File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use diptych::article::Article;
use diptych::article::sanitize;

use crate::io::{BadInput, write_stdout};

/// A place to write a report, chosen (and checked) before any input is
/// read, so a bad `-o` fails fast and `report - -o FILE < FILE` is refused
/// before stdin is consumed.
pub enum Output {
    Stdout,
    /// A device, FIFO or symbolic link: opened and written as it is.
    InPlace(PathBuf),
    /// A regular file or a new name: replaced by renaming `temp` over it.
    Replace {
        target: PathBuf,
        temp: TempFile,
    },
}

impl Output {
    /// Decides how `path` is written (`None` or `-`: stdout). `inputs` are
    /// the input arguments; reading stdin from the target is refused here.
    pub fn open(path: Option<&Path>, inputs: &[String]) -> Result<Output> {
        let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(Output::Stdout);
        };
        let shown = sanitize::line(&path.to_string_lossy()).into_owned();
        if path.is_dir() {
            bail!("{shown}: is a directory; give a file name for the output");
        }
        if inputs.iter().any(|i| i == "-") && stdin_is(path) {
            return Err(BadInput(format!(
                "{shown}: is the file on stdin; refusing to overwrite the input"
            ))
            .into());
        }
        match fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_file() => {
                let temp = TempFile::new_beside(path, Some(&meta))
                    .with_context(|| format!("{shown}: cannot write"))?;
                Ok(Output::Replace {
                    target: path.to_path_buf(),
                    temp,
                })
            }
            Ok(_) => Ok(Output::InPlace(path.to_path_buf())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let temp = TempFile::new_beside(path, None)
                    .with_context(|| format!("{shown}: cannot write"))?;
                Ok(Output::Replace {
                    target: path.to_path_buf(),
                    temp,
                })
            }
            Err(e) => Err(e).with_context(|| format!("{shown}: cannot write")),
        }
    }

    /// Writes the finished text; refuses to overwrite any input article.
    pub fn commit(self, text: &str, inputs: &[Article]) -> Result<()> {
        let target = match &self {
            Output::Stdout => return write_stdout(text),
            Output::InPlace(target) | Output::Replace { target, .. } => target.clone(),
        };
        let shown = sanitize::line(&target.to_string_lossy()).into_owned();
        if is_an_input(&target, inputs) {
            return Err(BadInput(format!(
                "{shown}: is one of the input articles; refusing to overwrite it"
            ))
            .into());
        }
        let written = match self {
            Output::Stdout => Ok(()),
            Output::InPlace(target) => OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .open(&target)
                .and_then(|mut file| file.write_all(text.as_bytes())),
            Output::Replace { target, temp } => temp.persist(text, &target),
        };
        written.with_context(|| format!("{shown}: cannot write"))
    }
}

/// Whether the target is the same file as one an article was read from.
fn is_an_input(target: &Path, inputs: &[Article]) -> bool {
    let Ok(target) = fs::metadata(target) else {
        return false;
    };
    inputs
        .iter()
        .filter(|a| a.path != "-")
        .flat_map(|a| [a.path.as_str(), without_entry_number(&a.path)])
        .filter_map(|input| fs::metadata(input).ok())
        .any(|input| same_file(&input, &target))
}

/// Whether stdin reads from the file at `path`.
fn stdin_is(path: &Path) -> bool {
    let stdin = std::io::stdin();
    let Ok(fd) = std::os::fd::AsFd::as_fd(&stdin).try_clone_to_owned() else {
        return false;
    };
    match (File::from(fd).metadata(), fs::metadata(path)) {
        (Ok(stdin), Ok(target)) => stdin.file_type().is_file() && same_file(&stdin, &target),
        _ => false,
    }
}

fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    a.dev() == b.dev() && a.ino() == b.ino()
}

/// `feed.json#2` (one article of a JSON array) names the file `feed.json`.
fn without_entry_number(path: &str) -> &str {
    match path.rsplit_once('#') {
        Some((file, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => file,
        _ => path,
    }
}

/// A temporary file that removes itself unless persisted, also when the
/// process is killed by a terminating signal.
pub struct TempFile {
    path: PathBuf,
    file: Option<File>,
    cleanup: crate::signals::UnlinkOnSignal,
}

/// Names tried before giving up (each clash is a file someone else made).
const ATTEMPTS: usize = 16;

impl TempFile {
    /// Creates `.NAME.RANDOM.tmp` next to `target` with `O_EXCL` (which
    /// never follows a symlink) and `O_NOFOLLOW`, private until written;
    /// `like` is the file being replaced, whose mode and owner it takes.
    fn new_beside(target: &Path, like: Option<&fs::Metadata>) -> Result<TempFile> {
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        for _ in 0..ATTEMPTS {
            let path = dir.join(format!(".{name}.{:016x}.tmp", random()));
            let mode = if like.is_some() { 0o600 } else { 0o666 };
            let cleanup = crate::signals::UnlinkOnSignal::new(&path);
            let opened = cleanup.create(|| {
                OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .mode(mode)
                    .custom_flags(libc::O_NOFOLLOW)
                    .open(&path)
            });
            match opened {
                Ok(file) => {
                    let temp = TempFile {
                        path,
                        file: Some(file),
                        cleanup,
                    };
                    if let (Some(like), Some(file)) = (like, &temp.file) {
                        let mode = like.permissions().mode() & 0o7777;
                        // Keep the owner when allowed (as root); not an error otherwise.
                        let _ = std::os::unix::fs::fchown(file, Some(like.uid()), Some(like.gid()));
                        file.set_permissions(fs::Permissions::from_mode(mode))?;
                    }
                    return Ok(temp);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e.into()),
            }
        }
        bail!("no free temporary name in {}", dir.display())
    }

    /// Writes, syncs and renames over `target`; on any failure the
    /// temporary file is removed (by drop).
    fn persist(mut self, text: &str, target: &Path) -> std::io::Result<()> {
        let mut file = self.file.take().ok_or(std::io::ErrorKind::NotFound)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        drop(file);
        fs::rename(&self.path, target)?;
        self.cleanup.disarm();
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if self.cleanup.armed() {
            let _ = fs::remove_file(&self.path);
            self.cleanup.disarm();
        }
    }
}

/// 64 unpredictable bits: std's `RandomState` is keyed from the OS's
/// random source, and SipHash under a secret key gives nothing away.
fn random() -> u64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    if let Ok(now) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(now.as_nanos());
    }
    hasher.finish()
}

/// The path as a C string for the signal handler (built before a signal
/// can arrive: a handler must not allocate).
pub(crate) fn c_path(path: &Path) -> Option<CString> {
    CString::new(path.as_os_str().as_bytes()).ok()
}
