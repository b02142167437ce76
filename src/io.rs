//! Input and output at the binary edge: loading with warnings on stderr,
//! colour decisions, the standard streams checked, and every byte for the
//! terminal passed through the library's sanitiser.

use std::fs::File;
use std::io::{IsTerminal, Read, Write};
use std::os::fd::{AsFd, AsRawFd};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result};

use diptych::article::sanitize;
use diptych::article::{Article, LoadOptions, load_inputs_with};
use diptych::parallel::{SPLIT_FROM_BYTES, join};

/// How every command reads its inputs (`--input-format` is global). Set once
/// in `main` before any command runs, so each command's loading stays a
/// plain `load(paths)` call.
static LOAD_OPTIONS: OnceLock<LoadOptions> = OnceLock::new();

/// Records the global loading options; later calls are ignored.
pub fn set_load_options(options: LoadOptions) {
    let _ = LOAD_OPTIONS.set(options);
}

/// Loads inputs (the demo corpus when there are none), printing the
/// loader's warnings to stderr.
pub fn load(paths: &[String]) -> Result<Vec<Article>> {
    let (articles, warnings) = load_quietly(paths)?;
    print_warnings(&warnings);
    Ok(articles)
}

/// Loads inputs and returns the warnings instead of printing them (the
/// reader loads on a thread while the terminal shows progress, and prints
/// them once the terminal is restored).
pub fn load_quietly(paths: &[String]) -> Result<(Vec<Article>, Vec<String>)> {
    if STDIN_CLOSED.load(Ordering::Relaxed) && paths.iter().any(|p| p == "-") {
        return Err(BadInput("-: stdin is closed; nothing to read".to_string()).into());
    }
    let mut stdin = std::io::stdin();
    let options = LOAD_OPTIONS.get_or_init(LoadOptions::default);
    let loaded = load_inputs_with(paths, &mut stdin as &mut dyn Read, options)?;
    Ok((loaded.articles, loaded.warnings))
}

/// The loader's warnings, one line each on stderr.
pub fn print_warnings(warnings: &[String]) {
    for warning in warnings {
        to_stderr(&format!("diptych: warning: {}\n", sanitize::line(warning)));
    }
}

/// Writes to stderr, come what may: a message about something else must
/// not turn into a panic when stderr is full (`2>/dev/full`) or closed,
/// which `eprintln!` does. `text` must be terminal-safe already.
pub fn to_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Input that loads but cannot serve as asked (a directory where one
/// article is needed); exits with the same code as unreadable input.
#[derive(Debug)]
pub struct BadInput(pub String);

impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

/// Exactly two articles, one per path. The two load side by side (one on
/// a second thread) unless one is stdin; warnings and errors come out as
/// if left were loaded first.
pub fn load_pair(left: &str, right: &str) -> Result<(Article, Article)> {
    if left == "-" && right == "-" {
        return Err(BadInput(
            "-: stdin can be read only once; give a file for one side".to_string(),
        )
        .into());
    }
    let load_side = |path: &str| load_quietly(&[path.to_string()]);
    if left == "-" || right == "-" {
        // One after the other, so a bad file is reported before stdin is
        // waited for.
        let left = one_article(left, load_side(left))?;
        let right = one_article(right, load_side(right))?;
        return Ok((left, right));
    }
    // Side by side unless both are small files (a URL's size is unknown).
    let small = |path: &str| {
        std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() < SPLIT_FROM_BYTES as u64 / 2)
    };
    let split = !(small(left) && small(right));
    let (left_loaded, right_loaded) = join(split, || load_side(left), || load_side(right));
    let left = one_article(left, left_loaded)?;
    let right = one_article(right, right_loaded)?;
    Ok((left, right))
}

/// The single article loaded from `path`, its warnings printed.
fn one_article(path: &str, loaded: Result<(Vec<Article>, Vec<String>)>) -> Result<Article> {
    let (mut articles, warnings) = loaded?;
    print_warnings(&warnings);
    match (articles.pop(), articles.is_empty()) {
        (Some(article), true) => Ok(article),
        (popped, _) => {
            let count = articles.len() + usize::from(popped.is_some());
            // `#N` picks an article of a file only (see the loader), so
            // only a file is told to use it.
            let how = if std::path::Path::new(path).is_file() {
                format!(" ({}#1 picks the first)", sanitize::line(path))
            } else if std::path::Path::new(path).is_dir() {
                " (name one file of the directory)".to_string()
            } else {
                String::new()
            };
            let path = sanitize::line(path);
            Err(BadInput(format!(
                "{path}: holds {count} articles; give one per side{how}"
            ))
            .into())
        }
    }
}

/// Colour for a terminal stdout, never under NO_COLOR (any non-empty value).
pub fn stdout_wants_color() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    std::io::stdout().is_terminal() && !no_color
}

/// Writes text (plain, Markdown, HTML) to stdout, with anything from input
/// that could act on a terminal removed; a closed pipe (`| head`) is not
/// an error, a closed stdout (`>&-`) is.
pub fn write_stdout(text: &str) -> Result<()> {
    write_raw(&sanitize::lines(text))
}

/// Writes JSON to stdout, terminal-safe and meaning the same
/// ([`sanitize::json`]).
pub fn write_json(text: &str) -> Result<()> {
    write_raw(&sanitize::json(text))
}

/// Streams output to stdout through a buffer as `write` produces it, so a
/// 70 MB document is never held whole. `write` must make its bytes
/// terminal-safe itself (`report::safe_json` does for JSON). A closed
/// pipe (`| head`) is not an error, a closed stdout (`>&-`) is.
pub fn write_stdout_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        anyhow::bail!("stdout is closed; nothing can be written");
    }
    widen_stdout_pipe();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to stdout"),
    }
}

/// Room asked for in stdout's pipe: the largest an unprivileged process
/// may set by default (`/proc/sys/fs/pipe-max-size`).
#[cfg(target_os = "linux")]
const PIPE_ROOM: libc::c_int = 1 << 20;

/// Widens stdout's pipe, when it is one, to [`PIPE_ROOM`]: a 30 MB
/// document then reaches `jq` or a script in 1 MB strides instead of
/// putting diptych to sleep and waking the reader at every 64 KB (486
/// context switches on big6 down to 70, the run 2-3% shorter). Files and
/// terminals are left alone, and a refusal (a user's pipe quota spent)
/// changes nothing but the stride. Only Linux lets a pipe be resized.
#[cfg(target_os = "linux")]
fn widen_stdout_pipe() {
    let stdout = std::io::stdout();
    let is_pipe = stdout
        .as_fd()
        .try_clone_to_owned()
        .ok()
        .map(File::from)
        .and_then(|file| file.metadata().ok())
        .is_some_and(|meta| std::os::unix::fs::FileTypeExt::is_fifo(&meta.file_type()));
    if is_pipe {
        // SAFETY: F_SETPIPE_SZ only resizes the pipe behind our own
        // stdout descriptor; its result is deliberately ignored.
        unsafe { libc::fcntl(stdout.as_raw_fd(), libc::F_SETPIPE_SZ, PIPE_ROOM) };
    }
}

#[cfg(not(target_os = "linux"))]
fn widen_stdout_pipe() {}

/// Writes text whose escape sequences are diptych's own styling; every
/// string from input in it must already be sanitised.
pub fn write_styled(text: &str) -> Result<()> {
    write_raw(text)
}

/// Writes `text` to stdout as it is, for output made by the program
/// itself (a completion script, the default config), with the same
/// checks as [`write_stdout`].
pub fn write_raw(text: &str) -> Result<()> {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        anyhow::bail!("stdout is closed; nothing can be written");
    }
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to stdout"),
    }
}

/// Set at start-up when the process was started without stdin / stdout.
static STDIN_CLOSED: AtomicBool = AtomicBool::new(false);
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Notes at start-up which standard streams were closed (`<&-`, `>&-`),
/// so reading stdin or writing stdout fails with a clear error instead of
/// succeeding silently. Rust's runtime has already put `/dev/null` on every
/// closed descriptor 0–2 (so no file opened later can land there), and it
/// opens it read-write, which no shell redirection does: that is the sign.
pub fn guard_standard_streams() {
    STDIN_CLOSED.store(
        is_runtime_placeholder(std::io::stdin().as_fd()),
        Ordering::Relaxed,
    );
    STDOUT_CLOSED.store(
        is_runtime_placeholder(std::io::stdout().as_fd()),
        Ordering::Relaxed,
    );
}

fn is_runtime_placeholder(fd: std::os::fd::BorrowedFd<'_>) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(owned) = fd.try_clone_to_owned() else {
        return true;
    };
    let file = File::from(owned);
    let is_null = match (file.metadata(), std::fs::metadata("/dev/null")) {
        (Ok(this), Ok(null)) => {
            std::os::unix::fs::FileTypeExt::is_char_device(&this.file_type())
                && this.rdev() == null.rdev()
        }
        _ => false,
    };
    // SAFETY: F_GETFL only reads the flags of a descriptor this function owns.
    let flags = unsafe { libc::fcntl(file.as_raw_fd(), libc::F_GETFL) };
    is_null && flags >= 0 && flags & libc::O_ACCMODE == libc::O_RDWR
}
