//! The editor's first screens on `TestBackend`: article identity in the
//! list, the story first, the difference counter and jump marks, gutters
//! numbering their own side, and reading in the right text's order. Text
//! snapshots (insta) plus style checks text cannot show, under NO_COLOR
//! too.

mod common;

use common::{demo_app, draw, press, screen_text, type_keys};
use diptych::app::{Action, Focus};
use diptych::ui::ColorMode;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;

/// The pair 2⇄5, whose right side reads out of order by default.
fn pair_two_five(width: u16, height: u16) -> diptych::app::App {
    let mut app = demo_app(width, height);
    type_keys(&mut app, "]]]]]]");
    assert_eq!(app.pair(), (1, 4));
    app
}

#[test]
fn small_terminal_first_screen() {
    let app = demo_app(80, 24);
    insta::assert_snapshot!(screen_text(&draw(&app, 80, 24, ColorMode::None)));
}

#[test]
fn the_list_names_numbers_and_details_the_selection() {
    let mut app = demo_app(120, 40);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.focus(), Focus::List);
    let screen = screen_text(&draw(&app, 120, 40, ColorMode::None));
    assert!(screen.contains("3    US officials said on M…"), "{screen}");
    assert!(screen.contains("── 3 ─"), "{screen}");
    assert!(!screen.contains("── L 1"), "only the selection's details");
    insta::assert_snapshot!(screen);
}

#[test]
fn reading_in_the_right_texts_order_marks_moved_paragraphs() {
    let mut app = pair_two_five(120, 40);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('o'));
    let moved = (0..app.model().groups.len())
        .find(|&i| app.model().groups[i].kind == diptych::app::rows::GroupKind::Moved)
        .expect("2⇄5 has a moved group");
    app.update(Action::Down(
        app.model().groups[moved].start.saturating_sub(3),
    ));
    let screen = screen_text(&draw(&app, 120, 40, ColorMode::None));
    assert!(screen.contains("R order"), "{screen}");
    assert!(screen.contains("→R¶") && screen.contains("←L¶"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn the_difference_counter_and_the_jump_mark() {
    for mode in [ColorMode::None, ColorMode::Ansi16] {
        let mut app = pair_two_five(120, 40);
        type_keys(&mut app, "nn");
        let terminal = draw(&app, 120, 40, mode);
        let screen = screen_text(&terminal);
        let (_, count) = app.difference_position();
        assert!(
            screen.contains(&format!("difference 2 of {count}")),
            "{screen}"
        );
        // The target's rows carry a reversed bar in both gutters.
        let buffer = terminal.backend().buffer();
        let cursor = app.cursor().expect("on a difference");
        let group = &app.model().groups[cursor];
        let first = u16::try_from(group.start - app.scroll()).unwrap() + 1;
        let rows = u16::try_from(group.height - 1).unwrap();
        for pane in [app.geometry().left, app.geometry().right] {
            for y in first..first + rows {
                let cell = &buffer[(pane.x + 2, pane.y + y)];
                assert!(
                    cell.modifier.contains(Modifier::REVERSED),
                    "{mode:?}: row {y} of the pane at x={} is not marked",
                    pane.x
                );
            }
            let after = &buffer[(pane.x + 2, pane.y + first + rows + 1)];
            assert!(!after.modifier.contains(Modifier::REVERSED));
        }
        if mode == ColorMode::None {
            insta::assert_snapshot!(screen);
        }
        press(&mut app, KeyCode::Char('j'));
        assert!(app.flash().is_none(), "the mark lasts one key");
    }
}

#[test]
fn shown_furniture_tags_are_legible_not_dim() {
    let mut app = demo_app(160, 45);
    press(&mut app, KeyCode::Char('b'));
    let terminal = draw(&app, 160, 45, ColorMode::Ansi16);
    let screen = screen_text(&terminal);
    let (x, y) = screen
        .lines()
        .enumerate()
        .find_map(|(y, line)| {
            let at = line.find("[caption]")?;
            Some((line[..at].chars().count(), y))
        })
        .expect("a caption is shown");
    let cell = &terminal.backend().buffer()[(x as u16 + 1, y as u16)];
    assert!(!cell.modifier.contains(Modifier::DIM), "{cell:?}");
    assert!(screen.contains("boilerplate and captions shown"));
}
