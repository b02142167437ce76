//! The terminal session: raw mode, the alternate screen and mouse capture
//! on, and every one of them off again however the reader ends — normal
//! return, early `?`, panic (hook) or SIGINT/SIGQUIT/SIGTERM/SIGHUP (flag
//! polled by the event loop, then this guard drops). Job control too:
//! Ctrl-Z (a key in raw mode) or SIGTSTP leaves raw mode and the alternate
//! screen and stops; on SIGCONT the session comes back and redraws.

use std::io::{IsTerminal, Write, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};

/// The terminal, restored when dropped.
pub struct Session {
    pub terminal: DefaultTerminal,
    /// The terminating signal that arrived, or 0.
    stop: Arc<AtomicUsize>,
    /// SIGTSTP arrived (`kill -TSTP`; the key arrives as a key instead).
    suspend: Arc<AtomicBool>,
    /// SIGCONT arrived: the screen may hold anything now.
    resumed: Arc<AtomicBool>,
}

/// What the loop should do after [`Session::service_signals`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signalled {
    Nothing,
    /// Stopped and continued, or continued: draw everything again.
    Redraw,
    /// A terminating signal: end the loop so the guard restores.
    Stop,
}

impl Session {
    /// Takes over the terminal. Fails cleanly when stdout is not one.
    pub fn start() -> Result<Self> {
        if !stdout().is_terminal() {
            bail!(
                "the reader needs a terminal; for pipes and scripts use `diptych align LEFT RIGHT`"
            );
        }
        let stop = Arc::new(AtomicUsize::new(0));
        let suspend = Arc::new(AtomicBool::new(false));
        let resumed = Arc::new(AtomicBool::new(false));
        for signal in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            // The signal's own number, so the exit status can say which.
            let number = usize::try_from(signal).unwrap_or(0);
            signal_hook::flag::register_usize(signal, stop.clone(), number)
                .context("installing a signal handler")?;
        }
        for (signal, flag) in [(SIGTSTP, &suspend), (SIGCONT, &resumed)] {
            signal_hook::flag::register(signal, flag.clone())
                .context("installing a signal handler")?;
        }
        spawn_watchdog(stop.clone());
        let terminal = ratatui::try_init().context("setting up the terminal")?;
        // After ratatui's own hook, which it wraps: a worker's panic must
        // not reach ratatui's restore either.
        install_panic_hook();
        let session = Session {
            terminal,
            stop,
            suspend,
            resumed,
        };
        enable_mouse().context("enabling mouse clicks and wheel")?;
        Ok(session)
    }

    /// A termination signal arrived: the loop should end and restore.
    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Relaxed) != 0
    }

    /// The exit status for the signal that stopped the reader.
    pub fn signalled_status(&self) -> i32 {
        exit_status(self.stop.load(Ordering::Relaxed))
    }

    /// Acts on the signals that arrived since the last call; the event
    /// loop calls this every time it wakes.
    pub fn service_signals(&mut self) -> Result<Signalled> {
        if self.stop_requested() {
            return Ok(Signalled::Stop);
        }
        if self.suspend.swap(false, Ordering::Relaxed) {
            self.suspend()?;
            return Ok(Signalled::Redraw);
        }
        if self.resumed.swap(false, Ordering::Relaxed) {
            self.terminal.clear()?;
            return Ok(Signalled::Redraw);
        }
        Ok(Signalled::Nothing)
    }

    /// Gives the terminal back to the shell and stops the process, as
    /// Ctrl-Z does in a cooked terminal; on `fg` (SIGCONT) takes it again
    /// and clears, so the next draw repaints the whole screen.
    pub fn suspend(&mut self) -> Result<()> {
        restore();
        signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)
            .context("stopping for job control")?;
        // Continued: whatever SIGCONT set is handled right here.
        self.resumed.store(false, Ordering::Relaxed);
        enable_raw_mode().context("setting up the terminal")?;
        execute!(stdout(), EnterAlternateScreen).context("setting up the terminal")?;
        enable_mouse().context("enabling mouse clicks and wheel")?;
        self.terminal.clear()?;
        Ok(())
    }
}

/// Ctrl-Z: in raw mode the terminal sends it as a key, not as SIGTSTP.
pub fn is_suspend_key(event: &Event) -> bool {
    matches!(event, Event::Key(key)
        if key.kind == KeyEventKind::Press
            && key.modifiers.contains(KeyModifiers::CONTROL)
            && matches!(key.code, KeyCode::Char('z' | 'Z')))
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
        // A worker's panic that reached the reader's thread (re-raised by
        // a join) was not printed where it happened; it is now, below the
        // restored screen.
        if std::thread::panicking()
            && let Some(message) = WORKER_PANIC.lock().ok().and_then(|mut m| m.take())
        {
            // Through the project's stderr writer, sanitised: a panic's
            // text can quote input.
            crate::io::to_stderr(&format!(
                "diptych: a worker panicked: {}\n",
                diptych::article::sanitize::line(&message)
            ));
        }
    }
}

/// Exit status after terminating signal `signal`, as a shell reports it
/// (SIGHUP 129, SIGINT 130, SIGQUIT 131, SIGTERM 143).
fn exit_status(signal: usize) -> i32 {
    128 + i32::try_from(signal).unwrap_or(SIGTERM)
}
/// How long the event loop gets to wind down after a signal.
const GRACE: Duration = Duration::from_secs(1);

/// After a signal, the event loop normally notices within a poll interval
/// and restores the terminal itself. On a hung-up terminal crossterm can
/// spin inside its reader and never return, so if the process is still
/// here after [`GRACE`], restore what can be restored and exit.
fn spawn_watchdog(stop: Arc<AtomicUsize>) {
    std::thread::spawn(move || {
        while stop.load(Ordering::Relaxed) == 0 {
            std::thread::sleep(Duration::from_millis(100));
        }
        std::thread::sleep(GRACE);
        restore();
        std::process::exit(exit_status(stop.load(Ordering::Relaxed)));
    });
}

/// Clicks and the wheel only (xterm mode 1000, SGR coordinates 1006), no
/// motion tracking (1002/1003, which crossterm's `EnableMouseCapture`
/// also turns on): terminals then still select text with Shift-drag, and
/// many with a plain drag, so a quote can be copied.
const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";
/// Undoes [`MOUSE_ON`] (and any motion mode a crashed run left on).
const MOUSE_OFF: &str = "\x1b[?1006l\x1b[?1003l\x1b[?1002l\x1b[?1000l";

fn enable_mouse() -> std::io::Result<()> {
    let mut out = stdout();
    out.write_all(MOUSE_ON.as_bytes())?;
    out.flush()
}

/// Undoes everything [`Session::start`] turned on; safe to call twice.
fn restore() {
    let mut out = stdout();
    let _ = out.write_all(MOUSE_OFF.as_bytes());
    // The reader hides the cursor; ratatui shows it again only when its
    // terminal is dropped, which a suspend (Ctrl-Z) does not do.
    let _ = execute!(out, ratatui::crossterm::cursor::Show);
    let _ = out.flush();
    // Not `ratatui::restore`, which prints its error with `eprintln!`:
    // with the terminal hung up that print panics, and the watchdog,
    // whose restore it was, died before it could end the process.
    let _ = ratatui::try_restore();
}

/// Restores the terminal before the panic message is printed, so it is
/// readable and the shell is usable. Installed over ratatui's own hook,
/// which it chains to.
///
/// Only a panic on the reader's own thread does that. Any other thread's
/// (a job, or a helper thread of one) is left to whoever joins it: a job
/// ends failed and the status line says so, while the reader runs on;
/// restoring the terminal under it (or printing over its screen) had
/// left it deaf to keys. Such a panic's message is kept, and printed if
/// it reaches the reader's thread after all.
fn install_panic_hook() {
    let reader = std::thread::current().id();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() != reader {
            if let Ok(mut kept) = WORKER_PANIC.lock() {
                *kept = Some(info.to_string());
            }
            return;
        }
        // The reader's own panic is printed below; an earlier worker's
        // (reported on the status line then) is not the story now.
        if let Ok(mut kept) = WORKER_PANIC.lock() {
            kept.take();
        }
        restore();
        previous(info);
    }));
}

/// The last panic of a thread other than the reader's (see
/// [`install_panic_hook`]).
static WORKER_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);
