//! The command line's progress bar: the library's [`Progress`] drawn on
//! stderr by `indicatif`, only when stderr is a terminal and only once a
//! job has run for [`QUIET_FOR`] — quick runs and pipes see nothing.

use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use diptych::progress::Progress;

/// How long a job runs before its bar appears.
const QUIET_FOR: Duration = Duration::from_millis(500);

/// How often the bar redraws (the spinner moves even between steps).
const TICK: Duration = Duration::from_millis(100);

/// A bar for one command; cleared when dropped.
pub struct Bar {
    bar: ProgressBar,
    /// Dropped when the job ends: wakes the waiting thread at once (a
    /// quick run's exit never waits on a sleeping thread).
    done: Option<Sender<()>>,
    shower: Option<JoinHandle<()>>,
}

impl Bar {
    /// A bar that shows itself after [`QUIET_FOR`] if stderr is a
    /// terminal; otherwise one that never draws.
    pub fn new(what: &str) -> Self {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(style(false));
        bar.set_message(what.to_string());
        let (done, ended) = mpsc::channel();
        let shower = std::io::IsTerminal::is_terminal(&std::io::stderr()).then(|| {
            let bar = bar.clone();
            std::thread::spawn(move || {
                // Only a timeout shows the bar: a drop ends the wait.
                if ended.recv_timeout(QUIET_FOR) == Err(RecvTimeoutError::Timeout) {
                    bar.set_draw_target(ProgressDrawTarget::stderr());
                    bar.enable_steady_tick(TICK);
                }
            })
        });
        Bar {
            bar,
            done: Some(done),
            shower,
        }
    }
}

/// A bar with a count and an estimate when the steps are known, a spinner
/// and the elapsed time when not.
fn style(counted: bool) -> ProgressStyle {
    let template = if counted {
        "{spinner} {msg} [{bar:30}] {pos}/{len} · {elapsed} (about {eta} left)"
    } else {
        "{spinner} {msg} · {elapsed}"
    };
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
        .progress_chars("=> ")
}

impl Progress for Bar {
    fn phase(&self, what: &str, steps: usize) {
        self.bar.set_style(style(steps > 1));
        self.bar.set_length(steps as u64);
        self.bar.set_position(0);
        self.bar.set_message(what.to_string());
    }

    fn advance(&self, steps: usize) {
        self.bar.inc(steps as u64);
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        drop(self.done.take());
        if let Some(shower) = self.shower.take() {
            // The thread only waits and sets the target: it cannot fail.
            let _ = shower.join();
        }
        self.bar.finish_and_clear();
    }
}
