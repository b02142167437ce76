//! Keys → actions by a pure lookup in one table. The help overlay and the
//! status-bar hints are generated from the same table, so they can never
//! drift from what the keys really do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character; Shift is implied by the character itself.
    Char(char),
    /// Control plus a letter.
    Ctrl(char),
    /// A named key (arrows, PgUp, Enter…).
    Code(KeyCode),
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere outside the search prompt and the help overlay.
    Reader,
    /// Only while the article list has focus.
    List,
    /// Only in the similarity matrix.
    Matrix,
    /// Only in the facts list.
    Facts,
    /// Everywhere but the search prompt and the help overlay.
    Anywhere,
}

/// One row of the keymap: keys, what they do, and how help names them.
#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub scope: Scope,
    /// Heading of the help section this row belongs to.
    pub section: &'static str,
    /// One line for the help overlay.
    pub help: &'static str,
    /// A word or two for the status-bar hints; `None` keeps it out of them.
    pub hint: Option<&'static str>,
}

use Key::{Char, Code, Ctrl};

const fn bind(
    keys: &'static [Key],
    action: Action,
    section: &'static str,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        action,
        scope: Scope::Reader,
        section,
        help,
        hint,
    }
}

/// Every key of the reader, in the order help lists them.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind(&[Char('j'), Code(KeyCode::Down)], Action::Down(1), "Move", "scroll down (in the list: next article)", None),
    bind(&[Char('k'), Code(KeyCode::Up)], Action::Up(1), "Move", "scroll up (in the list: previous)", None),
    bind(&[Code(KeyCode::PageDown), Char(' ')], Action::PageDown, "Move", "one screen down", None),
    bind(&[Code(KeyCode::PageUp)], Action::PageUp, "Move", "one screen up", None),
    bind(&[Char('g'), Code(KeyCode::Home)], Action::Top, "Move", "to the top", None),
    bind(&[Char('G'), Code(KeyCode::End)], Action::Bottom, "Move", "to the end", None),
    bind(&[Char('n')], Action::Next, "Move", "next difference (or search match)", Some("next diff")),
    bind(&[Char('N')], Action::Previous, "Move", "previous difference (or search match)", None),
    bind(&[Char('m')], Action::Moved, "Move", "jump to where a moved group sits; again: back", Some("moved")),
    bind(&[Code(KeyCode::Tab), Code(KeyCode::BackTab)], Action::FocusNext, "Move", "focus: left pane, right pane, article list", None),
    bind(&[Char(']')], Action::NextPair, "Pair", "next pair of articles", Some("next pair")),
    bind(&[Char('[')], Action::PreviousPair, "Pair", "previous pair of articles", None),
    within(Scope::List, bind(&[Char('l')], Action::SetLeft, "Pair", "in the list: open the article on the left", None)),
    within(Scope::List, bind(&[Char('r'), Code(KeyCode::Enter)], Action::SetRight, "Pair", "in the list: open the article on the right", None)),
    bind(&[Char('s')], Action::Swap, "Pair", "swap left and right", Some("swap")),
    bind(&[Char('/')], Action::StartSearch, "Search", "search both texts; then n/N between matches", Some("search")),
    within(Scope::Anywhere, bind(&[Char('M')], Action::ToggleMatrix, "All articles", "similarity matrix of every pair; M again closes", Some("matrix"))),
    within(Scope::Anywhere, bind(&[Char('F')], Action::ToggleFacts, "All articles", "facts, discrepancies first; F again closes", Some("facts"))),
    bind(&[Char('w')], Action::ToggleWords, "View", "word marks: all / only-here / none", None),
    bind(&[Char('o')], Action::ToggleOrder, "View", "rows follow focused side, else the other", Some("order")),
    bind(&[Char('a')], Action::ToggleGranularity, "View", "align paragraphs or sentences", Some("sentences")),
    bind(&[Char('c')], Action::ToggleCoverage, "View", "coverage: which articles carry each paragraph", Some("coverage")),
    bind(&[Char('u')], Action::ToggleUnique, "View", "show only paragraphs no other article carries", None),
    bind(&[Char('b')], Action::ToggleFurniture, "View", "show/hide boilerplate and captions", None),
    bind(&[Char('t')], Action::ToggleList, "View", "hide/show the article list", Some("list")),
    within(Scope::Anywhere, bind(&[Char('?')], Action::ToggleHelp, "View", "this help", Some("help"))),
    bind(&[Code(KeyCode::Esc)], Action::Back, "Quit", "close overlays; clear search; never quits", None),
    within(Scope::Anywhere, bind(&[Char('q'), Ctrl('c')], Action::Quit, "Quit", "quit", Some("quit"))),
    view(Scope::Matrix, &[Char('j'), Code(KeyCode::Down)], Action::Down(1), "Matrix (M)", "next row", Some("row")),
    view(Scope::Matrix, &[Char('k'), Code(KeyCode::Up)], Action::Up(1), "Matrix (M)", "previous row", None),
    view(Scope::Matrix, &[Char('l'), Code(KeyCode::Right)], Action::CellRight, "Matrix (M)", "next column", Some("column")),
    view(Scope::Matrix, &[Char('h'), Code(KeyCode::Left)], Action::CellLeft, "Matrix (M)", "previous column", None),
    view(Scope::Matrix, &[Code(KeyCode::Enter)], Action::Open, "Matrix (M)", "read that pair: row on the left, column right", Some("read pair")),
    view(Scope::Matrix, &[Code(KeyCode::Esc)], Action::Back, "Matrix (M)", "close the matrix", Some("close")),
    view(Scope::Facts, &[Char('j'), Code(KeyCode::Down)], Action::Down(1), "Facts (F)", "next variant", Some("next")),
    view(Scope::Facts, &[Char('k'), Code(KeyCode::Up)], Action::Up(1), "Facts (F)", "previous variant", Some("previous")),
    view(Scope::Facts, &[Code(KeyCode::PageDown), Char(' ')], Action::PageDown, "Facts (F)", "one screen down", None),
    view(Scope::Facts, &[Code(KeyCode::PageUp)], Action::PageUp, "Facts (F)", "one screen up", None),
    view(Scope::Facts, &[Code(KeyCode::Enter)], Action::Open, "Facts (F)", "show it in its paragraph, highlighted", Some("show in text")),
    view(Scope::Facts, &[Code(KeyCode::Esc)], Action::Back, "Facts (F)", "close the facts", Some("close")),
];

/// A binding of one of the full-screen views.
const fn view(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    section: &'static str,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    within(scope, bind(keys, action, section, help, hint))
}

/// A binding moved to another scope. (A function, not struct-update
/// syntax: `Action` carries job results that need dropping, which a
/// `const` cannot do to a half-moved temporary.)
const fn within(scope: Scope, mut binding: Binding) -> Binding {
    binding.scope = scope;
    binding
}

impl Scope {
    /// Bindings of a full-screen view (help lists them apart).
    pub fn is_view(self) -> bool {
        matches!(self, Scope::Matrix | Scope::Facts)
    }
}

/// What the reader is doing, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reading with the panes focused.
    Panes,
    /// Reading with the article list focused.
    List,
    /// Typing into the search prompt.
    Prompt,
    /// The help overlay is open.
    Help,
    /// The similarity matrix is open.
    Matrix,
    /// The facts list is open.
    Facts,
}

impl Mode {
    /// Whether a binding of `scope` applies in this mode.
    fn admits(self, scope: Scope) -> bool {
        match (self, scope) {
            (Mode::Prompt | Mode::Help, _) => false,
            (_, Scope::Anywhere) => true,
            (Mode::Panes, scope) => scope == Scope::Reader,
            (Mode::List, scope) => matches!(scope, Scope::Reader | Scope::List),
            (Mode::Matrix, scope) => scope == Scope::Matrix,
            (Mode::Facts, scope) => scope == Scope::Facts,
        }
    }
}

/// The action a key press means in a mode, if any.
pub fn resolve(key: &KeyEvent, mode: Mode) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match mode {
        Mode::Prompt => return prompt_key(key, ctrl),
        Mode::Help => return help_key(key, ctrl),
        Mode::Panes | Mode::List | Mode::Matrix | Mode::Facts => {}
    }
    BINDINGS
        .iter()
        .filter(|b| mode.admits(b.scope))
        .find(|b| b.keys.iter().any(|k| matches(*k, key, ctrl)))
        .map(|b| b.action.clone())
}

fn prompt_key(key: &KeyEvent, ctrl: bool) -> Option<Action> {
    match key.code {
        KeyCode::Char('c') if ctrl => Some(Action::Quit),
        KeyCode::Char(c) if !ctrl => Some(Action::SearchInput(c)),
        KeyCode::Backspace => Some(Action::SearchBackspace),
        KeyCode::Enter => Some(Action::SearchSubmit),
        KeyCode::Esc => Some(Action::Back),
        _ => None,
    }
}

fn help_key(key: &KeyEvent, ctrl: bool) -> Option<Action> {
    match key.code {
        KeyCode::Char('c') if ctrl => Some(Action::Quit),
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Char('?') | KeyCode::Esc | KeyCode::Enter => Some(Action::Back),
        KeyCode::Char('j') | KeyCode::Down => Some(Action::Down(1)),
        KeyCode::Char('k') | KeyCode::Up => Some(Action::Up(1)),
        _ => None,
    }
}

fn matches(key: Key, event: &KeyEvent, ctrl: bool) -> bool {
    match (key, event.code) {
        (Char(c), KeyCode::Char(e)) => !ctrl && c == e,
        (Ctrl(c), KeyCode::Char(e)) => ctrl && c == e.to_ascii_lowercase(),
        (Code(c), e) => !ctrl && c == e,
        _ => false,
    }
}

/// How help shows a key.
pub fn key_label(key: Key) -> String {
    match key {
        Char(' ') => "Space".into(),
        Char(c) => c.to_string(),
        Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Code(code) => match code {
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            other => other.to_string(),
        },
    }
}

/// The keys that do a binding's action: those a config file bound to it
/// (`rebound`, as [`crate::config::KeyBindings`] holds them) when there
/// are any, since a rebound action loses its default keys; else the
/// defaults.
pub fn bound_keys(binding: &Binding, rebound: &[(Key, Action)]) -> Vec<Key> {
    let configured: Vec<Key> = rebound
        .iter()
        .filter(|(_, action)| *action == binding.action)
        .map(|(key, _)| *key)
        .collect();
    if configured.is_empty() {
        binding.keys.to_vec()
    } else {
        configured
    }
}

/// All keys of a binding, as help shows them: `j ↓`.
pub fn keys_label(binding: &Binding, rebound: &[(Key, Action)]) -> String {
    let labels: Vec<String> = bound_keys(binding, rebound)
        .into_iter()
        .map(key_label)
        .collect();
    labels.join(" ")
}

/// The label of the first key that does `action` (a config's key when
/// it rebinds the action), for messages that name it: a message naming
/// a default key the config took away would send the reader astray.
pub fn key_for(action: &Action, rebound: &[(Key, Action)]) -> String {
    BINDINGS
        .iter()
        .find(|b| b.action == *action)
        .and_then(|b| first_key_label(b, rebound))
        .unwrap_or_default()
}

/// The label of the first key really bound to `binding`'s action.
fn first_key_label(binding: &Binding, rebound: &[(Key, Action)]) -> Option<String> {
    bound_keys(binding, rebound).first().copied().map(key_label)
}

/// Status-bar hints in `mode`: `(key, what, action)` for the bindings
/// that have a hint, named by the keys really bound (see
/// [`bound_keys`]); the action lets a toggle's hint follow its state.
pub fn hints(
    mode: Mode,
    rebound: &[(Key, Action)],
) -> impl Iterator<Item = (String, &'static str, Action)> + '_ {
    BINDINGS
        .iter()
        .filter(move |b| mode.admits(b.scope))
        .filter_map(|b| Some((first_key_label(b, rebound)?, b.hint?, b.action.clone())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_and_hints_name_the_keys_a_config_bound() {
        let next = BINDINGS
            .iter()
            .find(|b| b.action == Action::Next)
            .expect("n is bound");
        assert_eq!(keys_label(next, &[]), "n");
        let rebound = [(Char('x'), Action::Next), (Ctrl('n'), Action::Next)];
        assert_eq!(keys_label(next, &rebound), "x Ctrl-N");
        let hinted: Vec<(String, &str)> = hints(Mode::Panes, &rebound)
            .map(|(key, what, _)| (key, what))
            .collect();
        assert!(
            hinted.contains(&("x".to_string(), "next diff")),
            "{hinted:?}"
        );
        assert!(hinted.contains(&("?".to_string(), "help")), "{hinted:?}");
    }
}
