//! What the reader draws, on `TestBackend`: text snapshots (insta) of the
//! main screens, and direct checks of the styles text snapshots cannot see.

mod common;

use common::{demo_app, draw, press, screen_text, type_keys};
use diptych::app::Action;
use diptych::ui::ColorMode;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};

#[test]
fn first_screen_on_the_demo_corpus() {
    let app = demo_app(140, 40);
    insta::assert_snapshot!(screen_text(&draw(&app, 140, 40, ColorMode::Ansi16)));
}

#[test]
fn help_overlay_lists_every_key() {
    let mut app = demo_app(140, 40);
    press(&mut app, KeyCode::Char('?'));
    insta::assert_snapshot!(screen_text(&draw(&app, 140, 40, ColorMode::Ansi16)));
}

#[test]
fn narrow_terminals_stack_left_above_right() {
    let app = demo_app(90, 30);
    insta::assert_snapshot!(screen_text(&draw(&app, 90, 30, ColorMode::Ansi16)));
}

#[test]
fn search_results_show_the_match_count() {
    let mut app = demo_app(120, 30);
    type_keys(&mut app, "/witkoff");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(screen_text(&draw(&app, 120, 30, ColorMode::Ansi16)));
}

#[test]
fn tiny_terminals_say_they_are_too_small() {
    let mut app = demo_app(160, 45);
    app.update(Action::Resize(30, 8));
    insta::assert_snapshot!(screen_text(&draw(&app, 30, 8, ColorMode::Ansi16)));
}

#[test]
fn sentence_mode_after_jumping_to_a_difference() {
    let mut app = demo_app(120, 30);
    type_keys(&mut app, "annn");
    insta::assert_snapshot!(screen_text(&draw(&app, 120, 30, ColorMode::Ansi16)));
}

/// Finds the first cell of `word` on screen.
fn cell_of(terminal: &ratatui::Terminal<ratatui::backend::TestBackend>, word: &str) -> (u16, u16) {
    let text = screen_text(terminal);
    let width = terminal.backend().buffer().area.width as usize;
    for (y, line) in text.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let needle: Vec<char> = word.chars().collect();
        if let Some(x) = chars
            .windows(needle.len())
            .position(|w| w == needle.as_slice())
        {
            assert!(x < width);
            return (x as u16, y as u16);
        }
    }
    panic!("{word} not on screen");
}

#[test]
fn changed_words_are_struck_or_underlined_not_just_coloured() {
    for mode in [
        ColorMode::None,
        ColorMode::Ansi16,
        ColorMode::Indexed256,
        ColorMode::TrueColor,
    ] {
        let app = demo_app(160, 45);
        let terminal = draw(&app, 160, 45, mode);
        let buffer = terminal.backend().buffer();
        // "legally binding" is only in the left text, "modeled" only in the right.
        let left = buffer[cell_of(&terminal, "legally")].style();
        assert!(
            left.add_modifier.contains(Modifier::CROSSED_OUT),
            "{mode:?}"
        );
        let right = buffer[cell_of(&terminal, "modeled")].style();
        assert!(
            right.add_modifier.contains(Modifier::UNDERLINED),
            "{mode:?}"
        );
        let plain = buffer[cell_of(&terminal, "Ukraine legally")].style();
        assert!(
            !plain.add_modifier.contains(Modifier::CROSSED_OUT),
            "{mode:?}"
        );
    }
}

#[test]
fn no_color_draws_no_colour_at_all() {
    let mut app = demo_app(160, 45);
    type_keys(&mut app, "/trump");
    press(&mut app, KeyCode::Enter);
    let terminal = draw(&app, 160, 45, ColorMode::None);
    for cell in terminal.backend().buffer().content() {
        assert_eq!(cell.fg, Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, Color::Reset, "{cell:?}");
    }
}

#[test]
fn search_matches_are_highlighted_in_both_panes() {
    let mut app = demo_app(160, 45);
    type_keys(&mut app, "/witkoff");
    press(&mut app, KeyCode::Enter);
    let terminal = draw(&app, 160, 45, ColorMode::None);
    let text = screen_text(&terminal);
    let buffer = terminal.backend().buffer();
    let mut reversed = 0;
    for (y, line) in text.lines().enumerate() {
        for (x, _) in line
            .chars()
            .enumerate()
            .filter(|(x, _)| line.chars().skip(*x).take(7).collect::<String>() == "Witkoff")
        {
            if buffer[(x as u16, y as u16)]
                .style()
                .add_modifier
                .contains(Modifier::REVERSED)
            {
                reversed += 1;
            }
        }
    }
    assert!(
        reversed >= 2,
        "matches on both sides are reversed: {reversed}"
    );
}

#[test]
fn wide_characters_keep_the_columns_aligned() {
    use diptych::app::App;
    use diptych::article::parse_article;
    let left = "東京と大阪の会議は月曜日に開かれた。参加者は👨\u{200d}👩\u{200d}👧家族の代表も含む。\n\nЗустріч представників України та США відбулася в Берліні.\n\n😀 emoji 🇺🇦 flags and 한국어 text wrap here too.";
    let right = "東京と大阪の会議は火曜日に開かれた。参加者は👨\u{200d}👩\u{200d}👧家族の代表を含む。\n\nЗустріч представників України та США відбулася в Парижі.\n\n😀 emoji 🇺🇦 flags and 한국어 text wrap here as well.";
    let articles = vec![
        parse_article("l.txt", "l.txt", left),
        parse_article("r.txt", "r.txt", right),
    ];
    let mut app = App::new(articles);
    app.update(Action::Resize(104, 20));
    press(&mut app, KeyCode::Char('t'));
    let terminal = draw(&app, 104, 20, ColorMode::None);
    let separator = app.geometry().separator.expect("side by side").x;
    let buffer = terminal.backend().buffer();
    for y in 0..app.geometry().left.height {
        assert_eq!(
            buffer[(separator, y)].symbol(),
            "│",
            "row {y}:\n{}",
            screen_text(&terminal)
        );
    }
    insta::assert_snapshot!(screen_text(&terminal));
}

#[test]
fn overlays_over_wide_characters_keep_their_left_border() {
    use diptych::app::App;
    use diptych::article::parse_article;
    let text = |day: &str| {
        format!(
            "東京と大阪の会議は{day}に開かれた。参加者は家族の代表も含む。東京と大阪の会議は{day}に開かれた。\n\n\
             首相は記者会見で新しい計画を発表した。計画は三つの段階に分かれている。"
        )
    };
    // Widths of both parities, so borders fall on either half of a wide
    // character.
    for overlay in ['?', 'F', 'M'] {
        for width in 96..104 {
            let articles = vec![
                parse_article("l.txt", "l.txt", &text("月曜日")),
                parse_article("r.txt", "r.txt", &text("火曜日")),
            ];
            let mut app = App::new(articles);
            app.update(Action::Resize(width, 25));
            press(&mut app, KeyCode::Char(overlay));
            let terminal = draw(&app, width, 25, ColorMode::None);
            let buffer = terminal.backend().buffer();
            // The terminal gets what ratatui's diff sends: a wide character
            // just left of the overlay would be drawn over its left border,
            // and the diff skips the border cell as that character's half.
            let corner = (0..25)
                .flat_map(|y| (0..width).map(move |x| (x, y)))
                .find(|&(x, y)| buffer[(x, y)].symbol() == "┌");
            let (x, top) = corner.unwrap_or_else(|| panic!("{overlay}: no overlay drawn"));
            let bottom = (top + 1..25)
                .find(|&y| buffer[(x, y)].symbol() == "└")
                .unwrap_or(25);
            for y in top + 1..bottom {
                assert!(
                    matches!(buffer[(x, y)].symbol(), "│" | "├"),
                    "{overlay} at {width}: row {y} has no left border\n{}",
                    screen_text(&terminal)
                );
            }
        }
    }
}

#[test]
fn help_on_a_low_screen_scrolls_to_the_legend() {
    let mut app = demo_app(90, 30);
    press(&mut app, KeyCode::Char('?'));
    type_keys(&mut app, &"j".repeat(40));
    insta::assert_snapshot!(screen_text(&draw(&app, 90, 30, ColorMode::Ansi16)));
}
