//! Colours and text attributes in one place, chosen for the terminal's
//! colour depth. Every difference also has a non-colour attribute
//! (strike, underline, bold, reverse) or a marker, so a monochrome or
//! `NO_COLOR` session reads the same information.

use ratatui::style::{Color, Modifier, Style};

/// How many colours the terminal can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorMode {
    /// `NO_COLOR` is set: attributes only.
    None,
    Ansi16,
    Indexed256,
    TrueColor,
}

impl ColorMode {
    /// From the environment: `NO_COLOR` (any non-empty value) wins, then
    /// `COLORTERM=truecolor|24bit`, then a `TERM` naming 256 colours.
    pub fn from_env() -> Self {
        let var = |name| std::env::var(name).unwrap_or_default();
        if !var("NO_COLOR").is_empty() {
            ColorMode::None
        } else if matches!(var("COLORTERM").as_str(), "truecolor" | "24bit") {
            ColorMode::TrueColor
        } else if var("TERM").contains("256") {
            ColorMode::Indexed256
        } else {
            ColorMode::Ansi16
        }
    }
}

impl ColorMode {
    /// From a remote terminal's variables (an SSH client's `TERM`,
    /// `COLORTERM` and whether it sent a non-empty `NO_COLOR`), with the
    /// same precedence as [`ColorMode::from_env`].
    pub fn from_terminal(term: &str, colorterm: &str, no_color: bool) -> Self {
        if no_color {
            ColorMode::None
        } else if matches!(colorterm, "truecolor" | "24bit") {
            ColorMode::TrueColor
        } else if term.contains("256") {
            ColorMode::Indexed256
        } else {
            ColorMode::Ansi16
        }
    }
}

/// The built-in palettes (`--theme`, the config file's `theme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// Colours for a dark background (the default).
    #[default]
    Dark,
    /// Darker colours that read on a light background.
    Light,
    /// Bright colours on black backgrounds, everything bold.
    HighContrast,
    /// No colour at all: attributes only, as with `NO_COLOR`.
    Monochrome,
}

impl ThemeName {
    /// Every theme with the name the config file and `--theme` use.
    pub const ALL: [(ThemeName, &'static str); 4] = [
        (ThemeName::Dark, "dark"),
        (ThemeName::Light, "light"),
        (ThemeName::HighContrast, "high-contrast"),
        (ThemeName::Monochrome, "monochrome"),
    ];

    /// The theme called `name` ("high_contrast" is accepted too).
    pub fn parse(name: &str) -> Option<Self> {
        let name = name.replace('_', "-");
        Self::ALL
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(&name))
            .map(|(t, _)| *t)
    }

    /// The name the config file uses.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(t, _)| *t == self)
            .map_or("dark", |(_, n)| n)
    }
}

/// Every style the widgets use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub mode: ColorMode,
    pub left_only_words: Style,
    pub right_only_words: Style,
    /// Words the other side has too, elsewhere: dim italic, so they read
    /// apart from plain and only-here text without colour.
    pub shared_words: Style,
    /// A number, name, date or quote the other side gives differently:
    /// bold on top of its only-here mark.
    pub differing_fact: Style,
    pub search_hit: Style,
    pub search_current: Style,
    pub heading: Style,
    pub furniture: Style,
    pub prefix: Style,
    pub number: Style,
    pub moved: Style,
    pub only_left: Style,
    pub only_right: Style,
    pub bracket: Style,
    pub cursor: Style,
    pub header: Style,
    pub header_focused: Style,
    pub status: Style,
    pub hints: Style,
    pub hint_key: Style,
    pub same: Style,
    pub reworded: Style,
    pub viewport: Style,
    pub chosen: Style,
    pub dim: Style,
    pub selected: Style,
    /// The fact jumped to from the facts view.
    pub fact_mark: Style,
    /// A fact whose variants conflict.
    pub discrepancy: Style,
}

impl Theme {
    /// The theme for the current terminal.
    pub fn from_env() -> Self {
        Theme::new(ColorMode::from_env())
    }

    /// A named theme for the current terminal; `NO_COLOR` still wins.
    pub fn named_from_env(name: ThemeName) -> Self {
        Theme::named(name, ColorMode::from_env())
    }

    /// A named theme at a colour depth. Every theme keeps the same
    /// non-colour attributes, so no difference depends on colour.
    pub fn named(name: ThemeName, mode: ColorMode) -> Self {
        match name {
            ThemeName::Dark => Theme::new(mode),
            ThemeName::Monochrome => Theme::new(ColorMode::None),
            ThemeName::Light => Theme::light(mode),
            ThemeName::HighContrast => Theme::high_contrast(mode),
        }
    }

    /// Dark text colours for a light background: no light yellow or cyan.
    fn light(mode: ColorMode) -> Self {
        let pick = Picker(mode);
        let bold = Modifier::BOLD;
        Theme {
            left_only_words: pick
                .fg_bg(Color::Red, (124, 224), ((150, 0, 0), (255, 215, 215)))
                .add_modifier(Modifier::CROSSED_OUT),
            right_only_words: pick
                .fg_bg(Color::Green, (22, 194), ((0, 100, 0), (215, 250, 215)))
                .add_modifier(Modifier::UNDERLINED),
            // Dark grey, italic and never dimmed: the dark theme's dimmed
            // light grey all but vanished on a light background, and in a
            // reworded paragraph it is much of the text.
            shared_words: pick.fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
            heading: pick.fg(Color::Blue).add_modifier(bold),
            prefix: pick.fg(Color::Blue),
            moved: pick.fg(Color::Magenta).add_modifier(bold),
            reworded: pick.fg(Color::Magenta),
            chosen: pick.fg(Color::Blue).add_modifier(bold),
            differing_fact: pick.fg(Color::Magenta).add_modifier(bold),
            fact_mark: pick
                .fg(Color::Magenta)
                .add_modifier(bold | Modifier::UNDERLINED | Modifier::REVERSED),
            ..Theme::new(mode)
        }
    }

    /// Bright foregrounds on black, marks bold, nothing dimmed.
    fn high_contrast(mode: ColorMode) -> Self {
        let pick = Picker(mode);
        let bold = Modifier::BOLD;
        let on_black = |c: Color| pick.pair(c, Color::Black).add_modifier(bold);
        Theme {
            left_only_words: on_black(Color::LightRed).add_modifier(Modifier::CROSSED_OUT),
            right_only_words: on_black(Color::LightGreen).add_modifier(Modifier::UNDERLINED),
            heading: on_black(Color::LightCyan),
            furniture: Style::new().add_modifier(Modifier::ITALIC),
            prefix: pick.fg(Color::LightBlue),
            number: Style::new(),
            moved: on_black(Color::LightYellow),
            only_left: on_black(Color::LightRed),
            only_right: on_black(Color::LightGreen),
            bracket: pick.fg(Color::White).add_modifier(bold),
            hints: Style::new(),
            same: Style::new(),
            reworded: on_black(Color::LightYellow),
            dim: Style::new(),
            // Italic, never dimmed: the shared words stay readable.
            shared_words: pick.fg(Color::White).add_modifier(Modifier::ITALIC),
            differing_fact: on_black(Color::LightYellow),
            ..Theme::new(mode)
        }
    }

    /// The default (dark) theme for a colour depth.
    pub fn new(mode: ColorMode) -> Self {
        let pick = Picker(mode);
        let bold = Modifier::BOLD;
        Theme {
            mode,
            left_only_words: pick
                .fg_bg(Color::Red, (203, 52), ((255, 135, 135), (80, 20, 24)))
                .add_modifier(Modifier::CROSSED_OUT),
            right_only_words: pick
                .fg_bg(Color::Green, (114, 22), ((140, 230, 140), (18, 64, 28)))
                .add_modifier(Modifier::UNDERLINED),
            shared_words: pick
                .fg(Color::Gray)
                .add_modifier(Modifier::DIM | Modifier::ITALIC),
            differing_fact: pick.fg(Color::Yellow).add_modifier(bold),
            search_hit: pick
                .pair(Color::Black, Color::Yellow)
                .add_modifier(pick.reverse_if_mono()),
            search_current: pick
                .pair(Color::Black, Color::LightMagenta)
                .add_modifier(bold | Modifier::UNDERLINED | pick.reverse_if_mono()),
            heading: pick.fg(Color::Cyan).add_modifier(bold),
            furniture: Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC),
            prefix: pick.fg(Color::Cyan),
            number: Style::new().add_modifier(Modifier::DIM),
            moved: pick.fg(Color::Yellow).add_modifier(bold),
            only_left: pick.fg(Color::Red).add_modifier(bold),
            only_right: pick.fg(Color::Green).add_modifier(bold),
            bracket: pick.fg(Color::Blue),
            cursor: Style::new().add_modifier(Modifier::REVERSED | bold),
            header: Style::new().add_modifier(bold | Modifier::UNDERLINED),
            header_focused: Style::new().add_modifier(bold | Modifier::REVERSED),
            status: Style::new().add_modifier(Modifier::REVERSED),
            hints: Style::new().add_modifier(Modifier::DIM),
            hint_key: Style::new().add_modifier(bold),
            same: Style::new().add_modifier(Modifier::DIM),
            reworded: pick.fg(Color::Yellow),
            viewport: Style::new().add_modifier(Modifier::REVERSED),
            chosen: pick.fg(Color::Cyan).add_modifier(bold),
            dim: Style::new().add_modifier(Modifier::DIM),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            fact_mark: pick
                .fg(Color::LightMagenta)
                .add_modifier(bold | Modifier::UNDERLINED | Modifier::REVERSED),
            discrepancy: pick.fg(Color::Red).add_modifier(bold),
        }
    }
}

/// Picks a colour form the terminal can show.
struct Picker(ColorMode);

impl Picker {
    fn fg(&self, color: Color) -> Style {
        match self.0 {
            ColorMode::None => Style::new(),
            _ => Style::new().fg(color),
        }
    }

    fn pair(&self, fg: Color, bg: Color) -> Style {
        match self.0 {
            ColorMode::None => Style::new(),
            _ => Style::new().fg(fg).bg(bg),
        }
    }

    /// A foreground, plus a background tint where the terminal has one to
    /// spare: (16-colour fg, (256 fg, 256 bg), (rgb fg, rgb bg)).
    fn fg_bg(&self, ansi: Color, indexed: (u8, u8), rgb: ((u8, u8, u8), (u8, u8, u8))) -> Style {
        let ((fr, fg, fb), (br, bg, bb)) = rgb;
        match self.0 {
            ColorMode::None => Style::new(),
            ColorMode::Ansi16 => Style::new().fg(ansi),
            ColorMode::Indexed256 => Style::new()
                .fg(Color::Indexed(indexed.0))
                .bg(Color::Indexed(indexed.1)),
            ColorMode::TrueColor => Style::new()
                .fg(Color::Rgb(fr, fg, fb))
                .bg(Color::Rgb(br, bg, bb)),
        }
    }

    /// Reverse video stands in for a highlight colour on a monochrome terminal.
    fn reverse_if_mono(&self) -> Modifier {
        if self.0 == ColorMode::None {
            Modifier::REVERSED
        } else {
            Modifier::empty()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ColorMode;

    #[test]
    fn a_remote_terminal_picks_its_own_depth() {
        assert_eq!(
            ColorMode::from_terminal("xterm-256color", "", true),
            ColorMode::None
        );
        assert_eq!(
            ColorMode::from_terminal("xterm", "truecolor", false),
            ColorMode::TrueColor
        );
        assert_eq!(
            ColorMode::from_terminal("screen-256color", "", false),
            ColorMode::Indexed256
        );
        assert_eq!(
            ColorMode::from_terminal("vt100", "", false),
            ColorMode::Ansi16
        );
    }
}
