//! The interactive edge: a terminal session and the event loop that turns
//! terminal events into [`Action`]s for [`App::update`] and redraws.
//! Slow work runs as jobs on a [`Worker`]; the loop only takes their
//! progress and results in, so keys are answered whatever runs.

mod session;

use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};

use diptych::align::Granularity;
use diptych::app::keymap::{Mode, key_for};
use diptych::app::worker::Worker;
use diptych::app::{Action, App, ReaderOptions, SharedCorpus};
use diptych::article::Article;
use diptych::config::KeyBindings;
use diptych::ui::{self, Theme};

use session::{Session, Signalled, is_suspend_key};

/// How often the loop wakes to notice a termination signal.
const SIGNAL_POLL: Duration = Duration::from_millis(200);
/// How often the loop wakes to show progress while jobs run.
const TICK: Duration = Duration::from_millis(50);
/// Events applied between two frames at most.
const MAX_BATCH: usize = 64;
/// Rows one mouse-wheel notch scrolls.
const WHEEL_ROWS: usize = 3;

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The user quit.
    Quit,
    /// A terminating signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT); the
    /// terminal has been restored. Holds the exit status that says which.
    Signalled(i32),
}

/// Articles being loaded on another thread (or already loaded).
pub type Loading = Receiver<Result<Vec<Article>>>;

/// How the reader is set up: the config file's theme, keys and options.
pub struct Setup {
    pub theme: Theme,
    pub keys: KeyBindings,
    pub options: ReaderOptions,
    /// Granularity to start with, when not the default.
    pub granularity: Option<Granularity>,
}

/// Runs the reader until the user quits or a signal arrives. The terminal
/// shows a loading screen until `loading` delivers.
pub fn run(loading: Loading, what: &str, setup: &Setup) -> Result<Ended> {
    let theme = &setup.theme;
    let mut session = Session::start()?;
    let mut typed_ahead = Vec::new();
    let articles = match wait_for_articles(&mut session, setup, &loading, what, &mut typed_ahead)? {
        Loaded::Articles(articles) => articles,
        Loaded::Ended(ended) => return Ok(ended),
    };
    let mut app = App::in_background(SharedCorpus::new(articles), setup.options);
    app.set_rebound_keys(setup.keys.pairs().to_vec());
    let mut worker = Worker::new(app.corpus().clone());
    let size = session.terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    if setup.granularity.is_some_and(|g| g != app.granularity()) {
        app.update(Action::ToggleGranularity);
    }
    for event in typed_ahead {
        if let Some(action) = action_of(event, &app, &setup.keys) {
            app.update(action);
        }
    }
    loop {
        worker.spawn_filed(&mut app);
        session
            .terminal
            .draw(|frame| ui::render(&app, theme, frame.area(), frame.buffer_mut()))?;
        if app.should_quit() {
            abandon(app, worker);
            return Ok(Ended::Quit);
        }
        match wait_for_event(&mut session, worker.busy())? {
            Wake::Signal(Signalled::Stop) => {
                abandon(app, worker);
                return Ok(Ended::Signalled(session.signalled_status()));
            }
            Wake::Signal(_) => {
                // Back from a suspension: the size may have changed meanwhile.
                let size = session.terminal.size()?;
                app.update(Action::Resize(size.width, size.height));
            }
            Wake::Tick => {}
            Wake::Input => {
                if !apply_input(&mut session, &mut app, &setup.keys)? {
                    abandon(app, worker);
                    return Ok(Ended::Signalled(session.signalled_status()));
                }
            }
        }
        for action in worker.drain() {
            app.update(action);
        }
    }
}

/// Leaves the reader's state to the process's end instead of freeing it:
/// a big pair is millions of allocations, and freeing them one by one
/// took over a second on a loaded machine before the terminal came back.
/// The process ends right after the reader, so nothing leaks for long.
fn abandon(app: App, worker: Worker) {
    std::mem::forget(app);
    std::mem::forget(worker);
}

/// Applies what is already queued before drawing again, so a burst of
/// wheel events never lags behind; bounded, and checking for signals,
/// because a hung-up terminal reports "readable" for ever. False when a
/// signal asks to stop.
fn apply_input(session: &mut Session, app: &mut App, keys: &KeyBindings) -> Result<bool> {
    for _ in 0..MAX_BATCH {
        if session.stop_requested() {
            return Ok(false);
        }
        let event = event::read()?;
        if is_suspend_key(&event) {
            session.suspend()?;
            let size = session.terminal.size()?;
            app.update(Action::Resize(size.width, size.height));
            break;
        }
        if let Some(action) = action_of(event, app, keys) {
            app.input(action);
        }
        if app.should_quit() || !event::poll(Duration::ZERO)? {
            break;
        }
    }
    Ok(true)
}

enum Loaded {
    Articles(Vec<Article>),
    Ended(Ended),
}

/// Shows the loading screen until the articles are in; `q`, `Esc` and
/// Ctrl-C leave at once, other keys are kept in `typed_ahead` for the
/// reader.
fn wait_for_articles(
    session: &mut Session,
    setup: &Setup,
    loading: &Loading,
    what: &str,
    typed_ahead: &mut Vec<Event>,
) -> Result<Loaded> {
    let started = Instant::now();
    let rebound = setup.keys.pairs();
    let leave = format!(
        "{} or {}",
        key_for(&Action::Quit, rebound),
        key_for(&Action::Back, rebound)
    );
    loop {
        match loading.try_recv() {
            Ok(articles) => return Ok(Loaded::Articles(articles?)),
            Err(TryRecvError::Disconnected) => bail!("loading stopped before any article was in"),
            Err(TryRecvError::Empty) => {}
        }
        let elapsed = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        session.terminal.draw(|frame| {
            ui::progress::render_loading(
                what,
                elapsed,
                &leave,
                &setup.theme,
                frame.area(),
                frame.buffer_mut(),
            )
        })?;
        match wait_for_event(session, true)? {
            Wake::Signal(Signalled::Stop) => {
                return Ok(Loaded::Ended(Ended::Signalled(session.signalled_status())));
            }
            Wake::Signal(_) | Wake::Tick => {}
            Wake::Input => {
                let event = event::read()?;
                if is_suspend_key(&event) {
                    session.suspend()?;
                    continue;
                }
                let wants_out = matches!(
                    &event,
                    Event::Key(key) if key.kind == KeyEventKind::Press
                        && matches!(setup.keys.resolve(key, Mode::Panes), Some(Action::Quit | Action::Back))
                );
                if wants_out {
                    return Ok(Loaded::Ended(Ended::Quit));
                }
                typed_ahead.push(event);
            }
        }
    }
}

/// Why the loop woke up.
enum Wake {
    /// A terminal event is ready to read.
    Input,
    /// Time to show a job's progress.
    Tick,
    /// A signal that needs the loop (`Stop`, or `Redraw` after a suspension).
    Signal(Signalled),
}

/// Waits for a terminal event or a signal; while jobs run (`busy`), also
/// wakes every [`TICK`] to take in their progress.
fn wait_for_event(session: &mut Session, busy: bool) -> Result<Wake> {
    loop {
        match session.service_signals()? {
            Signalled::Nothing => {}
            other => return Ok(Wake::Signal(other)),
        }
        if event::poll(if busy { TICK } else { SIGNAL_POLL })? {
            return Ok(Wake::Input);
        }
        if busy {
            return Ok(Wake::Tick);
        }
    }
}

fn action_of(event: Event, app: &App, keys: &KeyBindings) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => keys.resolve(&key, app.mode()),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Down(WHEEL_ROWS)),
            MouseEventKind::ScrollUp => Some(Action::Up(WHEEL_ROWS)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(mouse.column, mouse.row)),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize(width, height)),
        _ => None,
    }
}
