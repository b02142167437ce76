//! The process's own entry (`main` in `main.rs` is the C `main`), in
//! place of the standard library's. That one finds the main thread's
//! stack guard by reading and parsing `/proc/self/maps` and installs a
//! stack-overflow handler on an alternate signal stack: twenty system
//! calls and 0.1–0.2 ms, the largest single cost of comparing two news
//! articles. What of it diptych relies on is done here, the same way
//! (closed standard descriptors, SIGPIPE, a panic's exit code, stdout
//! flushed). Given up: a stack overflow ends the process with a plain
//! SIGSEGV instead of a message first, and a panic message names the
//! main thread "<unnamed>" instead of "main".

use std::io::Write;

/// The exit code of a panic, as under the standard library's entry.
const PANIC_EXIT: i32 = 101;

/// Runs `body` as the process: standard descriptors and SIGPIPE set up
/// first, a panic turned into [`PANIC_EXIT`], stdout flushed at the end.
pub fn run(body: impl FnOnce() -> i32) -> ! {
    reopen_closed_standard_streams();
    ignore_sigpipe();
    let code = std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)).unwrap_or(PANIC_EXIT);
    // A failed flush has nowhere to be reported; `body` flushes what it
    // writes and reports its own errors.
    let _ = std::io::stdout().flush();
    std::process::exit(code)
}

/// Puts `/dev/null`, opened read-write, on each of descriptors 0–2 that
/// is closed, as the standard runtime does: no file opened later lands
/// there by accident, and `io::guard_standard_streams` recognises the
/// placeholder by its read-write mode.
fn reopen_closed_standard_streams() {
    for fd in 0..=2 {
        // SAFETY: F_GETFD only asks whether `fd` is open.
        let closed = unsafe { libc::fcntl(fd, libc::F_GETFD) } == -1
            && std::io::Error::last_os_error().raw_os_error() == Some(libc::EBADF);
        if closed {
            // SAFETY: a NUL-terminated constant path; the lowest free
            // descriptor, `fd` itself (0..fd are open), is the one taken.
            let opened = unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) };
            if opened != fd {
                // As the standard runtime: nothing sane to run with.
                std::process::abort();
            }
        }
    }
}

/// A write to a closed pipe fails with EPIPE, which the output code treats
/// as the reader having had enough, instead of killing the process.
fn ignore_sigpipe() {
    // SAFETY: setting a signal's disposition to SIG_IGN installs no code.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
}
