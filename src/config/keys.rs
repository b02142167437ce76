//! Key bindings from the config file: key names ("x", "Ctrl-x", "PgDn"),
//! action names ("next", "quit"), and the resolution that puts a
//! configured key before the built-in keymap. An action given keys in the
//! config loses its default keys, so a rebinding really moves it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::Action;
use crate::app::keymap::{BINDINGS, Key, Mode, resolve};

/// The actions a config file can bind, by the name it uses.
pub const ACTIONS: &[(&str, Action)] = &[
    ("down", Action::Down(1)),
    ("up", Action::Up(1)),
    ("page_down", Action::PageDown),
    ("page_up", Action::PageUp),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("next", Action::Next),
    ("previous", Action::Previous),
    ("moved", Action::Moved),
    ("focus", Action::FocusNext),
    ("next_pair", Action::NextPair),
    ("previous_pair", Action::PreviousPair),
    ("set_left", Action::SetLeft),
    ("set_right", Action::SetRight),
    ("swap", Action::Swap),
    ("search", Action::StartSearch),
    ("matrix", Action::ToggleMatrix),
    ("facts", Action::ToggleFacts),
    ("words", Action::ToggleWords),
    ("granularity", Action::ToggleGranularity),
    ("coverage", Action::ToggleCoverage),
    ("unique", Action::ToggleUnique),
    ("furniture", Action::ToggleFurniture),
    ("list", Action::ToggleList),
    ("order", Action::ToggleOrder),
    ("help", Action::ToggleHelp),
    ("back", Action::Back),
    ("quit", Action::Quit),
    ("cell_left", Action::CellLeft),
    ("cell_right", Action::CellRight),
    ("open", Action::Open),
];

/// Named keys and the names the config file gives them.
const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pgup", KeyCode::PageUp),
    ("pageup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
];

/// The action a config name stands for.
pub fn action_named(name: &str) -> Option<Action> {
    ACTIONS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, a)| a.clone())
}

/// A key from its config name: one character, `Ctrl-x`, `Space`, a named
/// key (case-insensitive) or `F1`..`F12`.
pub fn parse_key(name: &str) -> Option<Key> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(Key::Char(c));
    }
    let lower = name.to_ascii_lowercase();
    if lower == "space" {
        return Some(Key::Char(' '));
    }
    for prefix in ["ctrl-", "c-", "ctrl+"] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let mut rest = rest.chars();
            return match (rest.next(), rest.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => Some(Key::Ctrl(c)),
                _ => None,
            };
        }
    }
    if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        return (1..=12).contains(&n).then_some(Key::Code(KeyCode::F(n)));
    }
    NAMED
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|(_, code)| Key::Code(*code))
}

/// The config name of `action`, for messages.
pub fn action_name(action: &Action) -> &'static str {
    ACTIONS
        .iter()
        .find(|(_, a)| a == action)
        .map_or("another action", |(n, _)| n)
}

/// A configured key that would silently take a key from another action
/// in some mode: (key, the configured action, the action it takes the
/// key from). Either another configured action, or one that keeps its
/// default keys (not rebound) — its help line would still name a key
/// that no longer does it.
pub fn clash(bindings: &[(Key, Action)]) -> Option<(Key, Action, Action)> {
    let modes = [Mode::Panes, Mode::List, Mode::Matrix, Mode::Facts];
    let rebound = |action: &Action| bindings.iter().any(|(_, a)| a == action);
    for (n, (key, action)) in bindings.iter().enumerate() {
        for mode in modes.into_iter().filter(|&m| applies(action, m)) {
            let earlier = bindings[..n]
                .iter()
                .find(|(k, a)| k == key && a != action && applies(a, mode));
            if let Some((_, other)) = earlier {
                return Some((*key, action.clone(), other.clone()));
            }
            if let Some(default) = resolve(&event_of(*key), mode)
                && default != *action
                && !rebound(&default)
            {
                return Some((*key, action.clone(), default));
            }
        }
    }
    None
}

/// The key event a key stands for.
fn event_of(key: Key) -> KeyEvent {
    match key {
        Key::Char(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        Key::Code(code) => KeyEvent::new(code, KeyModifiers::NONE),
    }
}

fn matches(key: Key, event: &KeyEvent) -> bool {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    match (key, event.code) {
        (Key::Char(c), KeyCode::Char(e)) => !ctrl && c == e,
        (Key::Ctrl(c), KeyCode::Char(e)) => ctrl && c == e.to_ascii_lowercase(),
        (Key::Code(c), e) => !ctrl && c == e,
        _ => false,
    }
}

/// The keymap with the config file's bindings in front.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeyBindings {
    bindings: Vec<(Key, Action)>,
}

impl KeyBindings {
    /// Bindings from (key, action) pairs, as the config file gives them.
    pub fn new(bindings: Vec<(Key, Action)>) -> Self {
        KeyBindings { bindings }
    }

    /// The configured (key, action) pairs, for help and hints to name
    /// the keys really bound.
    pub fn pairs(&self) -> &[(Key, Action)] {
        &self.bindings
    }

    /// Whether the config binds no key.
    pub fn is_empty(&self) -> bool {
        self.bindings.is_empty()
    }

    /// The action a key press means in `mode`: a configured key first
    /// (where its action applies), else the built-in keymap, except that
    /// the default keys of a rebound action do nothing.
    pub fn resolve(&self, event: &KeyEvent, mode: Mode) -> Option<Action> {
        let configured = self
            .bindings
            .iter()
            .find(|(key, action)| matches(*key, event) && applies(action, mode));
        if let Some((_, action)) = configured {
            return Some(action.clone());
        }
        let default = resolve(event, mode)?;
        let rebound = self.bindings.iter().any(|(_, a)| *a == default);
        (!rebound).then_some(default)
    }
}

/// Whether `action` is something a key can do in `mode`: one of its
/// default keys does it there.
fn applies(action: &Action, mode: Mode) -> bool {
    BINDINGS
        .iter()
        .filter(|b| b.action == *action)
        .flat_map(|b| b.keys.iter())
        .any(|k| resolve(&event_of(*k), mode).as_ref() == Some(action))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_parse() {
        assert_eq!(parse_key("x"), Some(Key::Char('x')));
        assert_eq!(parse_key("Ctrl-d"), Some(Key::Ctrl('d')));
        assert_eq!(parse_key("PgDn"), Some(Key::Code(KeyCode::PageDown)));
        assert_eq!(parse_key("space"), Some(Key::Char(' ')));
        assert_eq!(parse_key("F5"), Some(Key::Code(KeyCode::F(5))));
        for bad in ["", "Ctlr-x", "F13", "Ctrl-", "xy"] {
            assert_eq!(parse_key(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_rebound_action_moves_to_its_new_key() {
        let keys = KeyBindings::new(vec![(Key::Char('x'), Action::Next)]);
        let press = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(keys.resolve(&press('x'), Mode::Panes), Some(Action::Next));
        assert_eq!(keys.resolve(&press('n'), Mode::Panes), None);
        assert_eq!(
            keys.resolve(&press('j'), Mode::Panes),
            Some(Action::Down(1))
        );
        // Typing in the search prompt is never a binding.
        assert_eq!(
            keys.resolve(&press('x'), Mode::Prompt),
            Some(Action::SearchInput('x'))
        );
        // Matrix keys only apply in the matrix.
        let keys = KeyBindings::new(vec![(Key::Char('x'), Action::CellRight)]);
        assert_eq!(keys.resolve(&press('x'), Mode::Panes), None);
        assert_eq!(
            keys.resolve(&press('x'), Mode::Matrix),
            Some(Action::CellRight)
        );
    }
}
