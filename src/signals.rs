//! Cleanup that must happen even when the process is killed: a temporary
//! output file is unlinked from inside the signal handler (`unlink` is
//! async-signal-safe; the path was made a C string beforehand), then the
//! signal's default action runs, so the exit status still says "killed by
//! SIGINT".

use std::ffi::CString;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};

/// The terminating signals a user or a supervisor sends.
const TERMINATING: [i32; 4] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT];

/// Unlinks a path if a terminating signal arrives while armed.
pub struct UnlinkOnSignal {
    armed: Arc<AtomicBool>,
}

impl UnlinkOnSignal {
    /// Installs the cleanup for `path`, disarmed: make the file through
    /// [`Self::create`], so no signal can slip in between creating it and
    /// arming the cleanup, and no file that is not ours is removed. If
    /// the handlers cannot be installed the file is still removed on
    /// every ordinary failure (by its owner's drop).
    pub fn new(path: &Path) -> Self {
        let armed = Arc::new(AtomicBool::new(false));
        if let Some(c_path) = crate::output::c_path(path) {
            let c_path = Arc::new(c_path);
            for signal in TERMINATING {
                install(signal, armed.clone(), c_path.clone());
            }
        }
        UnlinkOnSignal { armed }
    }

    /// Makes the file with `create` and, when that succeeds, arms the
    /// cleanup, as one step for a signal: the terminating signals are
    /// held back meanwhile (see [`held`]), so one that comes between the
    /// file appearing and the arming is delivered armed.
    pub fn create<T, E>(&self, create: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
        held(|| {
            let made = create();
            if made.is_ok() {
                self.armed.store(true, Ordering::SeqCst);
            }
            made
        })
    }

    /// Whether the path still needs removing.
    pub fn armed(&self) -> bool {
        self.armed.load(Ordering::SeqCst)
    }

    /// The file was renamed into place or removed: nothing to clean up.
    /// The handlers stay, doing only the default action from now on.
    pub fn disarm(&self) {
        self.armed.store(false, Ordering::SeqCst);
    }
}

/// Runs `work` with the terminating signals held back on this thread: one
/// that arrives meanwhile is delivered when `work` is done. Creating a
/// file and arming its cleanup is then one step for a signal, which
/// otherwise could land between the two (the file made, the cleanup not
/// yet armed) and leave the file behind. It holds the signals back for
/// the whole process only while this is its one thread, as it is when
/// an output file is opened.
fn held<R>(work: impl FnOnce() -> R) -> R {
    // SAFETY: sigset_t is plain data, filled by sigemptyset/sigaddset
    // before use; pthread_sigmask only changes this thread's mask, and
    // the old mask is put back below whatever `work` returns.
    let old = unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        let mut old: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for signal in TERMINATING {
            libc::sigaddset(&mut set, signal);
        }
        (libc::pthread_sigmask(libc::SIG_BLOCK, &set, &mut old) == 0).then_some(old)
    };
    let result = work();
    if let Some(old) = old {
        // SAFETY: restores the mask read above.
        unsafe { libc::pthread_sigmask(libc::SIG_SETMASK, &old, std::ptr::null_mut()) };
    }
    result
}

fn install(signal: i32, armed: Arc<AtomicBool>, c_path: Arc<CString>) {
    let action = move || {
        if armed.swap(false, Ordering::SeqCst) {
            // SAFETY: `c_path` is a valid NUL-terminated string owned by the
            // closure; unlink is async-signal-safe.
            unsafe {
                libc::unlink(c_path.as_ptr());
            }
        }
        let _ = signal_hook::low_level::emulate_default_handler(signal);
    };
    // SAFETY: the action only reads an atomic, calls unlink and re-raises
    // the signal with its default disposition: all async-signal-safe, no
    // allocation, no locks.
    let _ = unsafe { signal_hook::low_level::register(signal, action) };
}
