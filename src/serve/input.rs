//! A visitor's bytes → key and mouse events, with `terminput`'s parser
//! (crossterm's escape-sequence grammar), then into the crossterm key
//! type the reader's keymap speaks.
//!
//! `terminput` parses one event from the start of a buffer without saying
//! how long it was, so bytes are fed one at a time, as crossterm does: an
//! incomplete sequence waits for more bytes, an unparsable one is dropped.
//! A lone ESC at the end of a packet is the Escape key; followed by more
//! bytes in the same packet it starts a sequence.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use terminput::{Event, KeyCode as TKey, KeyEventKind, KeyModifiers as TMods, ScrollDirection};

/// Longest escape sequence kept while waiting for its end.
const MAX_PENDING: usize = 64;

/// What a visitor's input means to the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    /// Mouse wheel: positive down, negative up.
    Wheel(i8),
}

/// Turns a stream of bytes into `Input`s; keeps an incomplete sequence
/// between packets.
#[derive(Debug, Default)]
pub struct InputParser {
    pending: Vec<u8>,
}

impl InputParser {
    pub fn new() -> Self {
        InputParser::default()
    }

    /// Every complete input in `bytes` (plus what was pending).
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Input> {
        let mut out = Vec::new();
        for (i, &byte) in bytes.iter().enumerate() {
            self.pending.push(byte);
            let more = i + 1 < bytes.len();
            if self.pending == [0x1b] && more {
                continue;
            }
            match Event::parse_from(&self.pending) {
                Ok(None) if self.pending.len() < MAX_PENDING => continue,
                Ok(Some(event)) => out.extend(convert(event)),
                Ok(None) | Err(_) => {}
            }
            self.pending.clear();
        }
        out
    }
}

fn convert(event: Event) -> Option<Input> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_of(key).map(Input::Key),
        Event::Mouse(mouse) => match mouse.kind {
            terminput::MouseEventKind::Scroll(ScrollDirection::Down) => Some(Input::Wheel(1)),
            terminput::MouseEventKind::Scroll(ScrollDirection::Up) => Some(Input::Wheel(-1)),
            _ => None,
        },
        _ => None,
    }
}

fn key_of(key: terminput::KeyEvent) -> Option<KeyEvent> {
    let mut modifiers = KeyModifiers::empty();
    for (from, to) in [
        (TMods::SHIFT, KeyModifiers::SHIFT),
        (TMods::CTRL, KeyModifiers::CONTROL),
        (TMods::ALT, KeyModifiers::ALT),
    ] {
        if key.modifiers.contains(from) {
            modifiers |= to;
        }
    }
    let code = match key.code {
        TKey::Tab if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        TKey::Char(c) => KeyCode::Char(c),
        TKey::Backspace => KeyCode::Backspace,
        TKey::Enter => KeyCode::Enter,
        TKey::Left => KeyCode::Left,
        TKey::Right => KeyCode::Right,
        TKey::Up => KeyCode::Up,
        TKey::Down => KeyCode::Down,
        TKey::Home => KeyCode::Home,
        TKey::End => KeyCode::End,
        TKey::PageUp => KeyCode::PageUp,
        TKey::PageDown => KeyCode::PageDown,
        TKey::Tab => KeyCode::Tab,
        TKey::Delete => KeyCode::Delete,
        TKey::Insert => KeyCode::Insert,
        TKey::F(n) => KeyCode::F(n),
        TKey::Esc => KeyCode::Esc,
        _ => return None,
    };
    Some(KeyEvent::new(code, modifiers))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(bytes: &[u8]) -> Vec<Input> {
        InputParser::new().feed(bytes)
    }

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Input {
        Input::Key(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn letters_controls_and_arrows() {
        assert_eq!(
            keys(b"jn\x03\x1b[B\x1b[6~"),
            vec![
                key(KeyCode::Char('j'), KeyModifiers::empty()),
                key(KeyCode::Char('n'), KeyModifiers::empty()),
                key(KeyCode::Char('c'), KeyModifiers::CONTROL),
                key(KeyCode::Down, KeyModifiers::empty()),
                key(KeyCode::PageDown, KeyModifiers::empty()),
            ]
        );
    }

    #[test]
    fn a_lone_escape_is_the_escape_key_and_split_sequences_join() {
        let mut parser = InputParser::new();
        assert_eq!(
            parser.feed(b"\x1b"),
            vec![key(KeyCode::Esc, KeyModifiers::empty())]
        );
        assert_eq!(parser.feed(b"\x1b["), vec![]);
        assert_eq!(
            parser.feed(b"A"),
            vec![key(KeyCode::Up, KeyModifiers::empty())]
        );
    }

    #[test]
    fn utf8_shift_tab_and_wheel() {
        assert_eq!(
            keys("é\x1b[Z\x1b[<65;3;4M".as_bytes()),
            vec![
                key(KeyCode::Char('é'), KeyModifiers::empty()),
                key(KeyCode::BackTab, KeyModifiers::SHIFT),
                Input::Wheel(1),
            ]
        );
    }

    #[test]
    fn garbage_is_dropped_and_bounded() {
        let mut parser = InputParser::new();
        let mut junk = b"\x1b[".to_vec();
        junk.extend(std::iter::repeat_n(b'1', 1000));
        parser.feed(&junk);
        assert!(parser.pending.len() < MAX_PENDING);
        assert_eq!(
            parser.feed(b"q"),
            vec![key(KeyCode::Char('q'), KeyModifiers::empty())]
        );
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_parse_without_panic_and_stay_bounded(
            chunks in proptest::collection::vec(proptest::collection::vec(proptest::num::u8::ANY, 0..64), 0..16)
        ) {
            let mut parser = InputParser::new();
            for chunk in &chunks {
                parser.feed(chunk);
                proptest::prop_assert!(parser.pending.len() < MAX_PENDING);
            }
        }
    }
}
