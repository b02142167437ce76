//! Helpers shared by the reader's tests: the demo app, typed keys, and
//! drawing onto a `TestBackend`.
#![allow(dead_code)]

use diptych::app::facts_view::FactRow;
use diptych::app::keymap::resolve;
use diptych::app::{Action, App};
use diptych::article::load_inputs;
use diptych::ui::{ColorMode, Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The reader over the embedded demo corpus, sized `width`×`height`.
pub fn demo_app(width: u16, height: u16) -> App {
    let loaded = load_inputs(&[], &mut std::io::empty()).expect("demo corpus loads");
    let mut app = App::new(loaded.articles);
    app.update(Action::Resize(width, height));
    app
}

/// A key press as the terminal reports it.
pub fn key(code: KeyCode) -> KeyEvent {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_ascii_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    KeyEvent::new(code, modifiers)
}

/// Feeds a key through the keymap into `update`, as the event loop does.
pub fn press(app: &mut App, code: KeyCode) {
    if let Some(action) = resolve(&key(code), app.mode()) {
        app.input(action);
    }
}

/// Types every character of `keys`.
pub fn type_keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Draws the app on a test terminal of its current size.
pub fn draw(app: &App, width: u16, height: u16, mode: ColorMode) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    let theme = Theme::new(mode);
    terminal
        .draw(|frame| render(app, &theme, frame.area(), frame.buffer_mut()))
        .expect("draw");
    terminal
}

/// The screen as plain text lines.
pub fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// In the open facts view, presses j until the variant reading `text` is
/// selected.
pub fn select_variant(app: &mut App, text: &str) {
    for _ in 0..500 {
        let list = app.facts().expect("facts open");
        let row = list.selected_row().expect("a selection");
        if let FactRow::Variant(f, v) = list.rows[row]
            && list.facts[f].variants[v].text == text
        {
            return;
        }
        press(app, KeyCode::Char('j'));
    }
    panic!("no variant {text}");
}
