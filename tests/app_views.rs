//! State transitions of the views across all articles — the similarity
//! matrix, the facts list and coverage — through `update(action)`.

mod common;

use common::{demo_app, press, select_variant, type_keys};
use diptych::app::keymap::Mode;
use diptych::app::rows::Side;
use diptych::app::{Action, View};
use ratatui::crossterm::event::KeyCode;

#[test]
fn the_matrix_opens_on_the_current_pair_and_enter_reads_a_cell() {
    let mut app = demo_app(160, 45);
    press(&mut app, KeyCode::Char('M'));
    assert_eq!(app.view(), View::Matrix);
    assert_eq!(app.mode(), Mode::Matrix);
    assert_eq!(app.matrix_cursor(), (0, 1));
    assert!(app.comparison_ready().is_some(), "computed when opened");
    type_keys(&mut app, "jjll");
    assert_eq!(app.matrix_cursor(), (2, 3));
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.matrix_cursor(), (3, 2));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view(), View::Reading);
    assert_eq!(app.pair(), (3, 2));
    assert_eq!(app.scroll(), 0);
}

#[test]
fn matrix_moves_stop_at_the_edges_and_the_diagonal_opens_nothing() {
    let mut app = demo_app(160, 45);
    press(&mut app, KeyCode::Char('M'));
    type_keys(&mut app, &"k".repeat(9));
    type_keys(&mut app, &"h".repeat(9));
    assert_eq!(app.matrix_cursor(), (0, 0));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view(), View::Matrix);
    assert!(app.message().is_some_and(|m| m.contains("itself")));
    type_keys(&mut app, &"l".repeat(9));
    assert_eq!(app.matrix_cursor(), (0, 4));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view(), View::Reading);
    assert_eq!(app.pair(), (0, 1), "Esc changes no pair");
    assert!(!app.should_quit());
}

#[test]
fn the_facts_list_starts_with_discrepancies() {
    let mut app = demo_app(160, 45);
    press(&mut app, KeyCode::Char('F'));
    assert_eq!(app.mode(), Mode::Facts);
    let list = app.facts().expect("facts extracted when opened");
    assert!(list.discrepancies() > 0);
    assert!(list.facts[0].discrepancy);
    assert_eq!(
        list.selected_row(),
        Some(1),
        "the first variant is selected"
    );
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.facts().and_then(|l| l.selected_row()), Some(1));
}

#[test]
fn enter_on_a_variant_shows_it_highlighted_in_its_pane() {
    let mut app = demo_app(160, 45);
    press(&mut app, KeyCode::Char('F'));
    select_variant(&mut app, "Whitcoff");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view(), View::Reading);
    // Article 4 (index 3) spells it Whitcoff; it replaces the right side,
    // so the left one (Witkoff) stays beside it.
    assert_eq!(app.pair(), (0, 3));
    let mark = app.fact_mark().expect("the fact is highlighted").clone();
    assert_eq!(mark.side, Side::Right);
    let text = &app.alignment().right[mark.unit].text[mark.range.clone()];
    assert!(text.contains("Whitcoff"), "{text}");
    let row = app
        .model()
        .row_of(Side::Right, mark.unit, mark.range.start)
        .expect("shown");
    assert!(row >= app.scroll() && row < app.scroll() + app.geometry().body_rows());
    let flash = app.flash().expect("the landing is marked");
    assert_eq!(flash.side, Some(Side::Right));
    assert!(flash.rows.contains(&row));
    // Esc clears the highlight (and never quits).
    press(&mut app, KeyCode::Esc);
    assert!(app.fact_mark().is_none());
    assert!(!app.should_quit());
}

#[test]
fn a_variant_already_in_the_pair_keeps_the_pair() {
    let mut app = demo_app(160, 45);
    press(&mut app, KeyCode::Char('F'));
    select_variant(&mut app, "Witkoff");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.pair(), (0, 1));
    assert_eq!(app.fact_mark().map(|m| m.side), Some(Side::Left));
}

#[test]
fn coverage_narrows_the_text_and_names_the_carriers() {
    let mut app = demo_app(160, 45);
    let width = app.geometry().text_width();
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(app.coverage_width(), 6, "five articles and a space");
    assert_eq!(app.geometry().text_width(), width - 6);
    // The left article's first story paragraph is carried by some others.
    let carried = (0..app.stats(0).1).any(|p| {
        app.carriers(Side::Left, p)
            .is_some_and(|c| !c.is_empty() && !c.contains(&0))
    });
    assert!(carried);
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(app.geometry().text_width(), width);
    assert_eq!(app.carriers(Side::Left, 0), None);
}

#[test]
fn u_shows_only_paragraphs_no_other_article_carries() {
    let mut app = demo_app(160, 45);
    let all = app.model().groups.len();
    press(&mut app, KeyCode::Char('u'));
    assert!(app.unique_only());
    let comparison = app.comparison_ready().expect("computed");
    let unique_left = comparison.coverage.unique(0);
    let unique_right = comparison.coverage.unique(1);
    let shown = &app.model().groups;
    assert!(!shown.is_empty() && shown.len() < all);
    for g in shown {
        let group = &app.alignment().groups[g.group];
        let left = group
            .left
            .iter()
            .any(|&u| unique_left.contains(&app.alignment().left[u].paragraph));
        let right = group
            .right
            .iter()
            .any(|&u| unique_right.contains(&app.alignment().right[u].paragraph));
        assert!(left || right, "{group:?}");
    }
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.model().groups.len(), all);
}

#[test]
fn m_and_f_switch_between_the_views_and_q_still_quits() {
    let mut app = demo_app(120, 30);
    press(&mut app, KeyCode::Char('M'));
    press(&mut app, KeyCode::Char('F'));
    assert_eq!(app.view(), View::Facts);
    press(&mut app, KeyCode::Char('F'));
    assert_eq!(app.view(), View::Reading);
    press(&mut app, KeyCode::Char('M'));
    app.update(Action::Quit);
    assert!(app.should_quit());
}
