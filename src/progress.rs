//! How long library jobs (facts, the comparison of every pair) tell a
//! caller how far they are and learn that they should stop — without any
//! terminal code: the command line draws a bar from it, the reader a
//! status line, and tests pass [`Quiet`].

use std::sync::atomic::{AtomicBool, Ordering};

/// Watches a long job. Implementations must be cheap: `advance` may be
/// called once per article or pair, from several threads.
pub trait Progress: Sync {
    /// A new phase begins: `what` it does ("comparing pairs"), and how many
    /// steps it takes.
    fn phase(&self, _what: &str, _steps: usize) {}

    /// `steps` more steps of the current phase are done.
    fn advance(&self, _steps: usize) {}

    /// Whether the job should stop; checked between steps. A job that
    /// stops early returns `None`.
    fn cancelled(&self) -> bool {
        false
    }
}

/// Reports nothing and never cancels.
pub struct Quiet;

impl Progress for Quiet {}

/// A bare cancel flag: set it to stop the job.
impl Progress for AtomicBool {
    fn cancelled(&self) -> bool {
        self.load(Ordering::Relaxed)
    }
}

/// A cancel flag and a callback `(phase, done, steps)`, for callers that
/// want both without writing a type (the reader's worker thread).
pub struct Watch<'a, F: Fn(&str, usize, usize) + Sync> {
    pub cancel: &'a AtomicBool,
    pub report: F,
    state: std::sync::Mutex<(String, usize, usize)>,
}

impl<'a, F: Fn(&str, usize, usize) + Sync> Watch<'a, F> {
    /// Watches with `cancel` and calls `report` on every phase and step.
    pub fn new(cancel: &'a AtomicBool, report: F) -> Self {
        Watch {
            cancel,
            report,
            state: std::sync::Mutex::default(),
        }
    }

    fn with_state(&self, change: impl FnOnce(&mut (String, usize, usize))) {
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        change(&mut state);
        (self.report)(&state.0, state.1, state.2);
    }
}

impl<F: Fn(&str, usize, usize) + Sync> Progress for Watch<'_, F> {
    fn phase(&self, what: &str, steps: usize) {
        self.with_state(|s| *s = (what.to_string(), 0, steps));
    }

    fn advance(&self, steps: usize) {
        self.with_state(|s| s.1 += steps);
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_watch_reports_phases_and_steps_and_passes_on_cancel() {
        let cancel = AtomicBool::new(false);
        let seen = std::sync::Mutex::new(Vec::new());
        let watch = Watch::new(&cancel, |what: &str, done, steps| {
            if let Ok(mut seen) = seen.lock() {
                seen.push(format!("{what} {done}/{steps}"));
            }
        });
        watch.phase("pairs", 3);
        watch.advance(2);
        assert!(!watch.cancelled());
        cancel.store(true, Ordering::Relaxed);
        assert!(watch.cancelled());
        let seen = seen.lock().map(|s| s.clone()).unwrap_or_default();
        assert_eq!(seen, ["pairs 0/3", "pairs 2/3"]);
    }
}
