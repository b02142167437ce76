//! The terminal session: raw mode, the alternate screen and mouse capture
//! on, and every one of them off again however the reader ends — normal
//! return, early `?`, panic (hook) or SIGTERM/SIGHUP (flag polled by the
//! event loop, then this guard drops).

use std::io::{IsTerminal, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use ratatui::DefaultTerminal;
use std::io::Write;

/// The terminal, restored when dropped.
pub struct Session {
    pub terminal: DefaultTerminal,
    stop: Arc<AtomicBool>,
}

impl Session {
    /// Takes over the terminal. Fails cleanly when stdout is not one.
    pub fn start() -> Result<Self> {
        if !stdout().is_terminal() {
            bail!(
                "the reader needs a terminal; for pipes and scripts use `diptych align LEFT RIGHT`"
            );
        }
        let stop = Arc::new(AtomicBool::new(false));
        for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
            signal_hook::flag::register(signal, stop.clone())
                .context("installing a signal handler")?;
        }
        spawn_watchdog(stop.clone());
        install_panic_hook();
        let terminal = ratatui::try_init().context("setting up the terminal")?;
        let session = Session { terminal, stop };
        enable_mouse().context("enabling mouse clicks and wheel")?;
        Ok(session)
    }

    /// A termination signal arrived: the loop should end and restore.
    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Exit status after SIGTERM/SIGHUP, as a shell reports a signal death.
pub const EXIT_SIGNALLED: i32 = 128 + 15;
/// How long the event loop gets to wind down after a signal.
const GRACE: Duration = Duration::from_secs(1);

/// After a signal, the event loop normally notices within a poll interval
/// and restores the terminal itself. On a hung-up terminal crossterm can
/// spin inside its reader and never return, so if the process is still
/// here after [`GRACE`], restore what can be restored and exit.
fn spawn_watchdog(stop: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(100));
        }
        std::thread::sleep(GRACE);
        restore();
        std::process::exit(EXIT_SIGNALLED);
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
    let _ = out.flush();
    ratatui::restore();
}

/// Restores the terminal before the panic message is printed, so it is
/// readable and the shell is usable. Installed before ratatui's own hook,
/// which chains to it.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
