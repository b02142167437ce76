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

/// Every style the widgets use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub mode: ColorMode,
    pub left_only_words: Style,
    pub right_only_words: Style,
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

    /// The theme for a colour depth.
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
