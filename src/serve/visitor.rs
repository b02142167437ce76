//! One visitor's reader: a thread owning an [`App`] over the shared corpus
//! and a [`Screen`]. Aligning a pair can take a while, so this never runs
//! on the async executor; it talks to the SSH side only through a bounded
//! event channel and the one-frame [`Slot`]. Slow work (alignments, the
//! matrix, facts) runs on a [`Worker`] as in the local reader, so a
//! visitor on a long pair sees its progress, can cancel it with Esc, and
//! has keys answered meanwhile; jobs stop when the visitor leaves.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::app::worker::Worker;
use crate::app::{Action, App, SharedCorpus};
use crate::config::KeyBindings;
use crate::ui::{ColorMode, Theme};

use super::ReaderSetup;
use super::input::Input;
use super::output::{End, Slot};
use super::screen::Screen;

/// Events applied between two frames at most.
const MAX_BATCH: usize = 256;
/// How often a visit wakes to show its jobs' progress while they run.
const TICK: Duration = Duration::from_millis(50);
/// Rows one mouse-wheel notch scrolls, as in the local reader.
const WHEEL_ROWS: usize = 3;
/// The idle notice shows this long before the cut (or a quarter of the
/// idle timeout when that is shorter).
const NOTICE_BEFORE: Duration = Duration::from_secs(60);

/// What the SSH side tells a visitor's thread.
#[derive(Debug)]
pub enum Event {
    Input(Input),
    /// The size in [`Shared::size`] changed.
    Resize,
    /// The last frame has left; a new one may be drawn.
    Sent,
    /// The server is shutting down (see [`Shared::closing`]).
    Closing,
    /// The client left (see [`Shared::gone`]).
    Gone,
}

/// State the SSH side updates without going through the event queue, so
/// a full queue can never lose it.
pub struct Shared {
    /// Latest terminal size, `cols << 16 | rows`, already clamped.
    pub size: AtomicU32,
    pub closing: Arc<AtomicBool>,
    /// The client closed the channel or the connection ended.
    pub gone: AtomicBool,
}

impl Shared {
    pub fn size(&self) -> (u16, u16) {
        let packed = self.size.load(Ordering::Relaxed);
        ((packed >> 16) as u16, (packed & 0xffff) as u16)
    }

    pub fn set_size(&self, cols: u16, rows: u16) {
        self.size
            .store(u32::from(cols) << 16 | u32::from(rows), Ordering::Relaxed);
    }
}

/// How a visit ended, for the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    Quit,
    Idle,
    ServerClosing,
    ClientGone,
    Error,
}

impl Ended {
    pub fn as_str(self) -> &'static str {
        match self {
            Ended::Quit => "quit",
            Ended::Idle => "idle timeout",
            Ended::ServerClosing => "server shutting down",
            Ended::ClientGone => "client closed",
            Ended::Error => "drawing failed",
        }
    }
}

/// Runs one visit until the visitor quits, idles out, leaves, or the
/// server closes; the last bytes go to `slot`. The reader is set up as
/// `setup` says, in `colors` (the visitor's terminal's depth).
pub fn run(
    corpus: SharedCorpus,
    setup: &ReaderSetup,
    colors: ColorMode,
    idle: Duration,
    shared: &Shared,
    events: &Receiver<Event>,
    slot: &Slot,
) -> Ended {
    let (cols, rows) = shared.size();
    let Ok(mut screen) = Screen::new(cols, rows, Theme::named(setup.theme, colors)) else {
        return Ended::Error;
    };
    let mut visit = Visit {
        app: App::in_background(corpus.clone(), setup.options),
        worker: Worker::new(corpus),
        keys: setup.keys.clone(),
        size: (cols, rows),
        last_key: Instant::now(),
    };
    visit.app.update(Action::Resize(cols, rows));
    if setup
        .granularity
        .is_some_and(|g| g != visit.app.granularity())
    {
        visit.app.update(Action::ToggleGranularity);
    }
    let ended = visit.run(shared, events, slot, &mut screen, idle);
    let farewell = match ended {
        Ended::Quit | Ended::ClientGone | Ended::Error => String::new(),
        Ended::Idle => format!("diptych: closed after {} without a key.", human(idle)),
        Ended::ServerClosing => {
            "diptych: the server is shutting down. Thank you for reading.".into()
        }
    };
    slot.end(End {
        bytes: screen.leave(&farewell),
        exit_status: 0,
    });
    ended
}

struct Visit {
    app: App,
    /// Runs the app's jobs; dropped (and its jobs stopped) with the visit.
    worker: Worker,
    /// The server's key bindings in front of the built-in keymap.
    keys: KeyBindings,
    size: (u16, u16),
    last_key: Instant,
}

impl Visit {
    fn run(
        &mut self,
        shared: &Shared,
        events: &Receiver<Event>,
        slot: &Slot,
        screen: &mut Screen,
        idle: Duration,
    ) -> Ended {
        let notice_lead = NOTICE_BEFORE.min(idle / 4);
        let mut dirty = true;
        loop {
            if shared.gone.load(Ordering::Relaxed) {
                return Ended::ClientGone;
            }
            if shared.closing.load(Ordering::Relaxed) {
                return Ended::ServerClosing;
            }
            if self.app.should_quit() {
                return Ended::Quit;
            }
            self.worker.spawn_filed(&mut self.app);
            for action in self.worker.drain() {
                self.app.update(action);
                dirty = true;
            }
            let idle_left = idle.saturating_sub(self.last_key.elapsed());
            if idle_left.is_zero() {
                return Ended::Idle;
            }
            let notice = (idle_left <= notice_lead).then(|| {
                format!(
                    "No key for a while: this session closes in {}s. Press any key to stay.",
                    idle_left.as_secs() + 1
                )
            });
            if (dirty || notice.is_some()) && slot.is_free() {
                let Ok(frame) = screen.draw(&self.app, notice.as_deref()) else {
                    return Ended::Error;
                };
                slot.put(frame);
                dirty = false;
            }
            // Wake for the next event, the next second of the countdown,
            // or the moment the notice must appear.
            let mut wait = if notice.is_some() {
                Duration::from_secs(1).min(idle_left)
            } else {
                idle_left
                    .saturating_sub(notice_lead)
                    .max(Duration::from_millis(1))
            };
            if self.worker.busy() {
                wait = wait.min(TICK);
            }
            let first = match events.recv_timeout(wait) {
                Ok(event) => event,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return Ended::ClientGone,
            };
            dirty |= self.apply(first, shared, screen);
            for event in events.try_iter().take(MAX_BATCH) {
                dirty |= self.apply(event, shared, screen);
            }
        }
    }

    /// Applies one event; true when the screen must be redrawn.
    fn apply(&mut self, event: Event, shared: &Shared, screen: &mut Screen) -> bool {
        match event {
            Event::Input(input) => {
                self.last_key = Instant::now();
                let action = match input {
                    Input::Key(key) => self.keys.resolve(&key, self.app.mode()),
                    Input::Wheel(n) if n > 0 => Some(Action::Down(WHEEL_ROWS)),
                    Input::Wheel(_) => Some(Action::Up(WHEEL_ROWS)),
                };
                if let Some(action) = action {
                    self.app.input(action);
                }
                true
            }
            Event::Resize => {
                let size = shared.size();
                if size != self.size && screen.resize(size.0, size.1).is_ok() {
                    self.size = size;
                    self.app.update(Action::Resize(size.0, size.1));
                }
                true
            }
            Event::Sent | Event::Closing | Event::Gone => false,
        }
    }
}

/// "15 min", "30 s".
fn human(duration: Duration) -> String {
    let secs = duration.as_secs();
    if secs >= 60 && secs.is_multiple_of(60) {
        format!("{} min", secs / 60)
    } else {
        format!("{secs} s")
    }
}
