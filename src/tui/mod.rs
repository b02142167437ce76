//! The interactive edge: a terminal session and the event loop that turns
//! terminal events into [`Action`]s for [`App::update`] and redraws.

mod session;

use std::time::Duration;

use anyhow::Result;
use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};

use diptych::app::{Action, App};
use diptych::config::KeyBindings;
use diptych::ui::{self, Theme};

pub use session::EXIT_SIGNALLED;
use session::{Session, Signalled, is_suspend_key};

/// How often the loop wakes to notice a termination signal.
const SIGNAL_POLL: Duration = Duration::from_millis(200);
/// Events applied between two frames at most.
const MAX_BATCH: usize = 64;
/// Rows one mouse-wheel notch scrolls.
const WHEEL_ROWS: usize = 3;

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The user quit.
    Quit,
    /// SIGTERM or SIGHUP; the terminal has been restored.
    Signalled,
}

/// Runs the reader until the user quits or a signal arrives, with the
/// config file's `theme` and key bindings.
pub fn run(mut app: App, theme: &Theme, keys: &KeyBindings) -> Result<Ended> {
    let mut session = Session::start()?;
    let size = session.terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    loop {
        session
            .terminal
            .draw(|frame| ui::render(&app, theme, frame.area(), frame.buffer_mut()))?;
        if app.should_quit() {
            return Ok(Ended::Quit);
        }
        match wait_for_event(&mut session)? {
            Signalled::Stop => return Ok(Ended::Signalled),
            Signalled::Redraw => {
                // Back from a suspension: the size may have changed meanwhile.
                let size = session.terminal.size()?;
                app.update(Action::Resize(size.width, size.height));
                continue;
            }
            Signalled::Nothing => {}
        }
        // Apply what is already queued before drawing again, so a burst of
        // wheel events never lags behind; bounded, and checking for signals,
        // because a hung-up terminal reports "readable" for ever.
        for _ in 0..MAX_BATCH {
            if session.stop_requested() {
                return Ok(Ended::Signalled);
            }
            let event = event::read()?;
            if is_suspend_key(&event) {
                session.suspend()?;
                let size = session.terminal.size()?;
                app.update(Action::Resize(size.width, size.height));
                break;
            }
            if let Some(action) = action_of(event, &app, keys) {
                app.update(action);
            }
            if app.should_quit() || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
}

/// Waits for a terminal event (`Nothing`: read it) or a signal that needs
/// the loop (`Stop`, or `Redraw` after a suspension).
fn wait_for_event(session: &mut Session) -> Result<Signalled> {
    loop {
        match session.service_signals()? {
            Signalled::Nothing => {}
            other => return Ok(other),
        }
        if event::poll(SIGNAL_POLL)? {
            return Ok(Signalled::Nothing);
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
