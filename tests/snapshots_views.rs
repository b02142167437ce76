//! What the views across all articles draw, on `TestBackend`: text
//! snapshots (insta) of the matrix, the facts list and the coverage
//! markers, and direct checks of the styles a text snapshot cannot see.

mod common;

use common::{demo_app, draw, press, screen_text, select_variant, type_keys};
use diptych::ui::ColorMode;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};

#[test]
fn matrix_shows_every_pair_with_numbers() {
    let mut app = demo_app(100, 24);
    type_keys(&mut app, "Mjl");
    insta::assert_snapshot!(screen_text(&draw(&app, 100, 24, ColorMode::Ansi16)));
}

#[test]
fn facts_view_lists_discrepancies_first() {
    let mut app = demo_app(120, 30);
    type_keys(&mut app, "Fjjj");
    insta::assert_snapshot!(screen_text(&draw(&app, 120, 30, ColorMode::Ansi16)));
}

#[test]
fn narrow_facts_view_cuts_with_ellipses_inside_the_border() {
    let mut app = demo_app(50, 14);
    type_keys(&mut app, "F");
    insta::assert_snapshot!(screen_text(&draw(&app, 50, 14, ColorMode::Ansi16)));
}

#[test]
fn coverage_markers_beside_paragraphs() {
    let mut app = demo_app(160, 30);
    type_keys(&mut app, "tc");
    insta::assert_snapshot!(screen_text(&draw(&app, 160, 30, ColorMode::Ansi16)));
}

#[test]
fn the_selected_matrix_cell_reads_without_colour() {
    let mut app = demo_app(100, 24);
    press(&mut app, KeyCode::Char('M'));
    let terminal = draw(&app, 100, 24, ColorMode::None);
    let text = screen_text(&terminal);
    let buffer = terminal.backend().buffer();
    let (y, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains('['))
        .expect("the selected cell is bracketed");
    let x = line.chars().position(|c| c == '[').expect("bracket") as u16;
    let style = buffer[(x, y as u16)].style();
    assert!(style.add_modifier.contains(Modifier::REVERSED));
    assert!(style.add_modifier.contains(Modifier::BOLD));
    for cell in buffer.content() {
        assert_eq!(cell.bg, Color::Reset, "no shading without colour");
    }
    // With colour, cells are shaded by similarity.
    let shaded = draw(&app, 100, 24, ColorMode::Indexed256);
    let backgrounds: std::collections::HashSet<Color> = shaded
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.bg)
        .collect();
    assert!(backgrounds.len() >= 3, "{backgrounds:?}");
}

#[test]
fn the_jumped_to_fact_is_reversed_bold_and_underlined() {
    let mut app = demo_app(160, 45);
    press(&mut app, KeyCode::Char('F'));
    select_variant(&mut app, "Whitcoff");
    press(&mut app, KeyCode::Enter);
    for mode in [ColorMode::None, ColorMode::TrueColor] {
        let terminal = draw(&app, 160, 45, mode);
        let text = screen_text(&terminal);
        let (y, line) = text
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains("Whitcoff"))
            .expect("on screen");
        let chars: Vec<char> = line.chars().collect();
        let x = chars
            .windows(8)
            .position(|w| w.iter().collect::<String>() == "Whitcoff")
            .expect("found") as u16;
        let style = terminal.backend().buffer()[(x, y as u16)].style();
        for m in [Modifier::REVERSED, Modifier::BOLD, Modifier::UNDERLINED] {
            assert!(style.add_modifier.contains(m), "{mode:?} {m:?}");
        }
    }
}
