//! The built-in themes: every one keeps the non-colour marks (strike,
//! underline, bold, reverse) so no difference depends on colour, the
//! monochrome one has no colour at all, and each theme's styles are a
//! reviewed snapshot.

mod common;

use common::demo_app;
use diptych::ui::{ColorMode, Theme, ThemeName, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier, Style};

fn difference_styles(theme: &Theme) -> [(&'static str, Style, Modifier); 6] {
    [
        (
            "left_only_words",
            theme.left_only_words,
            Modifier::CROSSED_OUT,
        ),
        (
            "right_only_words",
            theme.right_only_words,
            Modifier::UNDERLINED,
        ),
        ("moved", theme.moved, Modifier::BOLD),
        ("only_left", theme.only_left, Modifier::BOLD),
        ("search_current", theme.search_current, Modifier::UNDERLINED),
        ("fact_mark", theme.fact_mark, Modifier::REVERSED),
    ]
}

#[test]
fn every_theme_marks_differences_without_colour() {
    for (name, label) in ThemeName::ALL {
        for mode in [
            ColorMode::None,
            ColorMode::Ansi16,
            ColorMode::Indexed256,
            ColorMode::TrueColor,
        ] {
            let theme = Theme::named(name, mode);
            for (field, style, needed) in difference_styles(&theme) {
                assert!(
                    style.add_modifier.contains(needed),
                    "{label} at {mode:?}: {field} lacks {needed:?}"
                );
            }
        }
        assert_eq!(ThemeName::parse(label), Some(name));
    }
    assert_eq!(
        ThemeName::parse("high_contrast"),
        Some(ThemeName::HighContrast)
    );
}

#[test]
fn monochrome_draws_no_colour_even_on_a_truecolor_terminal() {
    let app = demo_app(140, 40);
    let theme = Theme::named(ThemeName::Monochrome, ColorMode::TrueColor);
    let mut terminal = Terminal::new(TestBackend::new(140, 40)).expect("test backend");
    terminal
        .draw(|frame| render(&app, &theme, frame.area(), frame.buffer_mut()))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    let mut struck = 0;
    for cell in buffer.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
        if cell.modifier.contains(Modifier::CROSSED_OUT) {
            struck += 1;
        }
    }
    assert!(struck > 0, "left-only words are struck through");
}

#[test]
fn light_and_high_contrast_styles() {
    for name in [ThemeName::Light, ThemeName::HighContrast] {
        let theme = Theme::named(name, ColorMode::Indexed256);
        insta::assert_debug_snapshot!(name.name(), theme);
    }
}
