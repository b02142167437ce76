//! Thousands of random keys and resizes through the real keymap, `update`
//! and renderer on `TestBackend`: nothing may panic, and the state must
//! stay consistent (scroll inside the document, pair inside the corpus).

mod common;

use common::{demo_app, draw, key};
use diptych::app::Action;
use diptych::app::keymap::resolve;
use diptych::ui::ColorMode;
use ratatui::crossterm::event::KeyCode;

/// A small deterministic generator (xorshift64*), so a failure replays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const KEYS: &[KeyCode] = &[
    KeyCode::Char('j'),
    KeyCode::Char('k'),
    KeyCode::Down,
    KeyCode::Up,
    KeyCode::PageDown,
    KeyCode::PageUp,
    KeyCode::Char(' '),
    KeyCode::Char('g'),
    KeyCode::Char('G'),
    KeyCode::Char('n'),
    KeyCode::Char('N'),
    KeyCode::Char('m'),
    KeyCode::Tab,
    KeyCode::Char('['),
    KeyCode::Char(']'),
    KeyCode::Enter,
    KeyCode::Char('l'),
    KeyCode::Char('r'),
    KeyCode::Char('s'),
    KeyCode::Char('/'),
    KeyCode::Char('w'),
    KeyCode::Char('a'),
    KeyCode::Char('b'),
    KeyCode::Char('t'),
    KeyCode::Char('?'),
    KeyCode::Esc,
    KeyCode::Backspace,
    KeyCode::Char('e'),
    KeyCode::Char('Я'),
    KeyCode::Char('東'),
    KeyCode::Home,
    KeyCode::End,
    KeyCode::Char('M'),
    KeyCode::Char('F'),
    KeyCode::Char('c'),
    KeyCode::Char('u'),
    KeyCode::Char('o'),
    KeyCode::Char('h'),
    KeyCode::Left,
    KeyCode::Right,
];

#[test]
fn random_keys_and_resizes_never_panic() {
    let mut rng = Rng(0x5eed_d1b7_c4a1);
    let (mut width, mut height) = (120u16, 40u16);
    let mut app = demo_app(width, height);
    for step in 0..4000 {
        if rng.below(25) == 0 {
            width = 1 + rng.below(220) as u16;
            height = 1 + rng.below(70) as u16;
            app.update(Action::Resize(width, height));
        } else if rng.below(30) == 0 {
            let (x, y) = (
                rng.below(width.into()) as u16,
                rng.below(height.into()) as u16,
            );
            app.update(Action::Click(x, y));
        } else if rng.below(40) == 0 {
            app.update(if rng.below(2) == 0 {
                Action::Down(3)
            } else {
                Action::Up(3)
            });
        } else {
            let code = KEYS[rng.below(KEYS.len())];
            if let Some(action) = resolve(&key(code), app.mode()) {
                // Esc is applied too: it never quits.
                if action == Action::Quit {
                    continue;
                }
                app.update(action);
            }
        }
        assert!(!app.should_quit(), "step {step}");
        let (left, right) = app.pair();
        assert!(left < app.articles().len() && right < app.articles().len());
        let max = app.model().rows.saturating_sub(app.geometry().body_rows());
        assert!(
            app.scroll() <= max,
            "step {step}: scroll {} > {max}",
            app.scroll()
        );
        if step % 4 == 0 {
            draw(&app, width, height, ColorMode::TrueColor);
        }
    }
}
