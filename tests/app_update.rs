//! State transitions of the reader: `update(action)` → state, no terminal.

mod common;

use common::{demo_app, draw, press, screen_text, type_keys};
use diptych::align::Granularity;
use diptych::app::keymap::Mode;
use diptych::app::rows::GroupKind;
use diptych::app::{Action, App, Focus};
use diptych::report::MarkLevel;
use diptych::ui::ColorMode;
use ratatui::crossterm::event::KeyCode;

#[test]
fn opens_on_the_first_two_articles_at_the_top() {
    let app = demo_app(160, 45);
    assert_eq!(app.pair(), (0, 1));
    assert_eq!(app.scroll(), 0);
    assert!(app.model().rows > 0);
    assert_eq!(app.mode(), Mode::Panes);
}

#[test]
fn scrolling_is_clamped_to_the_document() {
    let mut app = demo_app(160, 45);
    app.update(Action::Up(5));
    assert_eq!(app.scroll(), 0);
    app.update(Action::Down(3));
    assert_eq!(app.scroll(), 3);
    app.update(Action::Bottom);
    let bottom = app.scroll();
    assert_eq!(bottom, app.model().rows - app.geometry().body_rows());
    app.update(Action::PageDown);
    assert_eq!(app.scroll(), bottom);
    app.update(Action::Top);
    assert_eq!(app.scroll(), 0);
}

#[test]
fn n_visits_every_difference_in_order_then_stops() {
    let mut app = demo_app(160, 45);
    let differences: Vec<usize> = (0..app.model().groups.len())
        .filter(|&i| app.model().groups[i].kind.is_difference())
        .collect();
    for &expected in &differences {
        app.update(Action::Next);
        assert_eq!(app.cursor(), Some(expected));
    }
    app.update(Action::Next);
    assert_eq!(app.message(), Some("no more differences below"));
    app.update(Action::Previous);
    assert_eq!(app.cursor(), differences.iter().rev().nth(1).copied());
}

#[test]
fn swap_and_pair_keys_change_the_pair() {
    let mut app = demo_app(160, 45);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.pair(), (1, 0));
    // The swapped pair is 1⇄2 unordered: the next is 1⇄3.
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.pair(), (0, 2));
    press(&mut app, KeyCode::Char('['));
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.pair(), (3, 4));
}

/// On the "terminal too small" screen keys do nothing (quitting aside):
/// the user cannot see what they would change.
#[test]
fn keys_on_a_too_small_screen_change_nothing_but_quit_still_quits() {
    let mut app = demo_app(20, 6);
    type_keys(&mut app, "]s/zel");
    app.update(Action::Resize(120, 35));
    assert_eq!(app.pair(), (0, 1));
    let screen = screen_text(&draw(&app, 120, 35, ColorMode::None));
    assert!(!screen.contains("/zel"), "{screen}");
    app.update(Action::Resize(20, 6));
    // What the reader does itself still applies (the config's start-up
    // granularity comes as an action after the first resize).
    app.update(Action::ToggleGranularity);
    assert_eq!(app.granularity(), Granularity::Sentence);
    app.input(Action::Quit);
    assert!(app.should_quit());
}

#[test]
fn pair_keys_visit_each_unordered_pair_once() {
    let mut app = demo_app(160, 45);
    let mut seen = vec![app.pair()];
    for _ in 0..9 {
        press(&mut app, KeyCode::Char(']'));
        seen.push(app.pair());
    }
    let mut unordered: Vec<(usize, usize)> =
        seen.iter().map(|&(l, r)| (l.min(r), l.max(r))).collect();
    unordered.sort_unstable();
    unordered.dedup();
    assert_eq!(unordered.len(), 10, "{seen:?}");
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.pair(), (0, 1));
    assert_eq!(app.message(), Some("pair 1 of 10: 1 ⇄ 2"));
}

#[test]
fn the_list_sets_left_and_right() {
    let mut app = demo_app(160, 45);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus(), Focus::List);
    assert_eq!(app.list_cursor(), 1);
    type_keys(&mut app, "jj");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.pair(), (0, 3));
    type_keys(&mut app, "kl");
    assert_eq!(app.pair(), (2, 3));
    // Choosing the article already on the other side swaps them.
    type_keys(&mut app, "jl");
    assert_eq!(app.pair(), (3, 2));
    assert!((app.similarity_to_left(3).unwrap() - 1.0).abs() < 1e-9);
}

#[test]
fn search_finds_matches_in_both_panes_and_esc_clears() {
    let mut app = demo_app(160, 45);
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.mode(), Mode::Prompt);
    type_keys(&mut app, "kushner");
    press(&mut app, KeyCode::Enter);
    let hits = app.search().hits().to_vec();
    assert!(
        hits.iter()
            .any(|h| h.side == diptych::app::rows::Side::Left)
    );
    assert!(
        hits.iter()
            .any(|h| h.side == diptych::app::rows::Side::Right)
    );
    assert_eq!(app.search().current(), Some(0));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.search().current(), Some(1));
    let row = hits[1].row;
    assert!(row >= app.scroll() && row < app.scroll() + app.geometry().body_rows());
    press(&mut app, KeyCode::Esc);
    assert!(!app.search().is_active());
    assert!(!app.should_quit());
    press(&mut app, KeyCode::Esc);
    assert!(!app.should_quit(), "Esc never quits");
    assert_eq!(app.message(), Some("nothing to close — q quits"));
}

/// Types `/query` and Enter, as a reader runs a search.
fn search_for(app: &mut App, query: &str) {
    type_keys(app, &format!("/{query}"));
    press(app, KeyCode::Enter);
}

#[test]
fn a_search_without_matches_says_so() {
    let mut app = demo_app(160, 45);
    search_for(&mut app, "zzzqqq");
    assert!(app.search().hits().is_empty());
    assert!(app.message().unwrap().contains("no matches"));
}

#[test]
fn a_search_that_finds_only_hidden_furniture_says_where() {
    // "Open source photos" is a caption, hidden as furniture at start.
    let mut app = demo_app(160, 45);
    search_for(&mut app, "open source");
    assert!(app.search().hits().is_empty());
    assert_eq!(
        app.message(),
        Some("no matches shown for “open source”; 1 in hidden furniture — b shows")
    );
    type_keys(&mut app, "b");
    search_for(&mut app, "open source");
    assert_eq!(app.search().hits().len(), 1);
    assert_eq!(app.message(), Some("match 1 of 1 for “open source”"));
}

#[test]
fn granularity_toggles_and_comes_back() {
    let mut app = demo_app(160, 45);
    let paragraphs = app.alignment().clone();
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.granularity(), Granularity::Sentence);
    assert!(app.alignment().left.len() > paragraphs.left.len());
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(*app.alignment(), paragraphs);
}

#[test]
fn m_jumps_to_the_moved_text_and_back() {
    let mut app = demo_app(160, 45);
    let moved = |app: &diptych::app::App| {
        app.model()
            .groups
            .iter()
            .position(|g| g.kind == GroupKind::Moved)
    };
    // Walk the pairs (and then sentence granularity) to one with a moved group.
    for step in 0..40 {
        if moved(&app).is_some() {
            break;
        }
        app.update(if step == 20 {
            Action::ToggleGranularity
        } else {
            Action::NextPair
        });
    }
    let Some(moved) = moved(&app) else {
        panic!("the demo corpus has a moved group somewhere");
    };
    let start = app.model().groups[moved].start;
    app.update(Action::Down(start));
    let here = app.scroll();
    press(&mut app, KeyCode::Char('m'));
    let message = app.message().unwrap();
    assert!(
        message.contains("belongs after the marked paragraph") || message.contains("opens the"),
        "{message}"
    );
    assert_eq!(app.cursor(), Some(moved));
    let flash = app.flash().expect("the target is marked");
    assert_eq!(flash.side, Some(diptych::app::rows::Side::Right));
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(app.scroll(), here);
}

#[test]
fn resizing_keeps_the_place_and_survives_tiny_screens() {
    let mut app = demo_app(160, 45);
    app.update(Action::Down(20));
    let group = app
        .model()
        .group_at(app.scroll())
        .map(|i| app.model().groups[i].group);
    app.update(Action::Resize(12, 4));
    assert!(!app.geometry().is_usable());
    app.update(Action::Resize(90, 30));
    let after = app
        .model()
        .group_at(app.scroll())
        .map(|i| app.model().groups[i].group);
    assert_eq!(group, after);
}

#[test]
fn hiding_the_list_widens_the_panes() {
    let mut app = demo_app(160, 45);
    let width = app.model().width;
    press(&mut app, KeyCode::Char('t'));
    assert!(!app.list_visible());
    assert!(app.model().width > width);
}

#[test]
fn furniture_is_hidden_at_start_and_b_shows_it() {
    let mut app = demo_app(160, 45);
    assert!(app.hide_furniture());
    let hidden = app.hidden_furniture();
    assert!(
        hidden > 0,
        "the demo's first article has captions and boilerplate"
    );
    let rows = app.model().rows;
    let summary = app.summary();
    press(&mut app, KeyCode::Char('b'));
    assert!(!app.hide_furniture());
    assert_eq!(app.hidden_furniture(), 0);
    assert!(app.model().rows > rows);
    assert_eq!(app.summary(), summary, "furniture never counts as only L/R");
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(
        app.message(),
        Some(format!("{hidden} furniture ¶ hidden (boilerplate, captions) — b shows").as_str())
    );
}

#[test]
fn n_never_stops_on_furniture_even_when_shown() {
    let mut app = demo_app(160, 45);
    press(&mut app, KeyCode::Char('b'));
    let (_, count) = app.difference_position();
    for k in 1..=count {
        press(&mut app, KeyCode::Char('n'));
        assert_eq!(app.difference_position(), (Some(k), count));
        let group = &app.model().groups[app.cursor().unwrap()];
        let raw = &app.alignment().groups[group.group];
        assert!(!app.alignment().is_furniture(raw));
    }
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.message(), Some("no more differences below"));
}

#[test]
fn a_jump_marks_its_target_until_the_next_key() {
    let mut app = demo_app(160, 45);
    assert_eq!(app.difference_position().0, None);
    press(&mut app, KeyCode::Char('n'));
    let cursor = app.cursor().unwrap();
    let start = app.model().groups[cursor].start;
    let flash = app.flash().expect("flashed");
    assert_eq!(flash.side, None);
    assert_eq!(flash.rows.start, start);
    assert_eq!(app.difference_position().0, Some(1));
    press(&mut app, KeyCode::Char('j'));
    assert!(app.flash().is_none());
    assert_eq!(app.cursor(), Some(cursor), "the cursor itself stays");
    // A resize re-wraps but keeps the difference the reader is on.
    app.update(Action::Resize(100, 30));
    assert_eq!(app.difference_position().0, Some(1));
}

/// The first unit of `side` on every shown group that has one, in row order.
fn side_sequence(app: &diptych::app::App, side: diptych::app::rows::Side) -> Vec<usize> {
    let model = app.model();
    model
        .groups
        .iter()
        .filter_map(|g| {
            let range = match side {
                diptych::app::rows::Side::Left => g.left.clone(),
                diptych::app::rows::Side::Right => g.right.clone(),
            };
            range
                .into_iter()
                .find_map(|i| model.side(side).lines[i].unit)
        })
        .collect()
}

#[test]
fn o_lets_the_focused_side_drive_the_row_order() {
    use diptych::app::rows::Side;
    let mut app = demo_app(160, 45);
    // Pair 2⇄5 reads the right side out of order by default.
    for _ in 0..6 {
        press(&mut app, KeyCode::Char(']'));
    }
    assert_eq!(app.pair(), (1, 4));
    let sorted = |v: &[usize]| v.windows(2).all(|w| w[0] < w[1]);
    assert!(!sorted(&side_sequence(&app, Side::Right)));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(app.reading_order(), Side::Right);
    assert!(sorted(&side_sequence(&app, Side::Right)));
    assert!(
        app.message()
            .unwrap()
            .starts_with("rows follow the right text's order")
    );
    // Every group is still shown, the moved ones still marked moved.
    assert!(
        app.model()
            .groups
            .iter()
            .any(|g| g.kind == GroupKind::Moved)
    );
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(app.reading_order(), Side::Left);
    assert!(sorted(&side_sequence(&app, Side::Left)));
}

#[test]
fn esc_closes_views_but_never_quits() {
    let mut app = demo_app(160, 45);
    press(&mut app, KeyCode::Char('F'));
    assert_eq!(app.mode(), Mode::Facts);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Panes);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(!app.should_quit());
}

#[test]
fn a_click_focuses_the_pane_and_marks_the_paragraph() {
    let mut app = demo_app(160, 45);
    let right = app.geometry().right;
    app.update(Action::Click(right.x + 10, right.y + 1));
    assert_eq!(app.focus(), Focus::Right);
    assert_eq!(app.cursor(), Some(0));
    assert!(
        app.message().unwrap().starts_with("R"),
        "{:?}",
        app.message()
    );
    let list = app.geometry().list.unwrap();
    app.update(Action::Click(list.x + 3, list.y + 2 + 2 * 3));
    assert_eq!(app.focus(), Focus::List);
    assert_eq!(app.list_cursor(), 3);
}

#[test]
fn help_is_modal_and_closes_with_esc() {
    let mut app = demo_app(160, 45);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode(), Mode::Help);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.scroll(), 0);
    press(&mut app, KeyCode::Esc);
    assert!(!app.help_open());
    assert!(!app.should_quit());
    press(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit());
}

#[test]
fn w_cycles_all_marks_only_here_and_none() {
    let mut app = demo_app(160, 45);
    assert_eq!(app.words(), MarkLevel::All);
    press(&mut app, KeyCode::Char('w'));
    assert_eq!(app.words(), MarkLevel::OnlyHere);
    assert_eq!(
        app.message(),
        Some("word marks: only-here words and differing facts — w cycles")
    );
    press(&mut app, KeyCode::Char('w'));
    assert_eq!(app.words(), MarkLevel::None);
    assert_eq!(app.message(), Some("word marks: off — w cycles"));
    press(&mut app, KeyCode::Char('w'));
    assert_eq!(app.words(), MarkLevel::All);
}

#[test]
fn help_scrolls_on_low_screens_and_reopens_at_the_top() {
    let mut app = demo_app(90, 30);
    press(&mut app, KeyCode::Char('?'));
    type_keys(&mut app, "jjj");
    assert_eq!(app.help_scroll(), 3);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.help_scroll(), 2);
    press(&mut app, KeyCode::Char('?'));
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.help_scroll(), 0);
}

#[test]
fn a_search_is_found_again_in_a_new_pair_or_granularity() {
    let mut app = demo_app(160, 45);
    type_keys(&mut app, "/zelensky");
    press(&mut app, KeyCode::Enter);
    for key in [']', 'a', ']', 's'] {
        press(&mut app, KeyCode::Char(key));
        assert!(app.search().is_active());
        for hit in app.search().hits() {
            let units = match hit.side {
                diptych::app::rows::Side::Left => &app.alignment().left,
                diptych::app::rows::Side::Right => &app.alignment().right,
            };
            let text = units[hit.unit].text.get(hit.range.clone());
            assert_eq!(
                text.map(str::to_lowercase).as_deref(),
                Some("zelensky"),
                "after {key}: {hit:?}"
            );
        }
    }
}

#[test]
fn a_relayout_keeps_the_word_marks_and_a_new_pair_finds_its_own() {
    let mut app = demo_app(160, 45);
    let marks = app.model().marks();
    assert!(
        marks
            .left
            .iter()
            .chain(marks.right.iter())
            .any(|m| !m.is_empty()),
        "the demo pair has word marks"
    );
    // Width, row order and hidden furniture change the lines, not the marks.
    app.update(Action::Resize(90, 30));
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Char('b'));
    assert!(app.model().rows > 0);
    assert!(app.model().marks().same_as(&marks));
    // Another pair has marks of its own: never the last pair's.
    press(&mut app, KeyCode::Char(']'));
    assert_ne!(app.pair(), (0, 1));
    let other = app.model().marks();
    assert!(!other.same_as(&marks));
    assert_eq!(other.left.len(), app.alignment().left.len());
    assert_eq!(other.right.len(), app.alignment().right.len());
}

/// Two versions of a paragraph far taller than the screen, differing in
/// one word near its end.
fn long_paragraph_app() -> App {
    let words: Vec<String> = (0..600).map(|i| format!("word{i}")).collect();
    let mut changed = words.clone();
    changed[560] = "Rotterdam".to_string();
    let article = |name: &str, words: &[String]| {
        diptych::article::parse_article(name, name, &format!("Title\n\n{}\n", words.join(" ")))
    };
    let mut app = App::new(vec![article("a.txt", &words), article("b.txt", &changed)]);
    app.update(Action::Resize(120, 30));
    app
}

#[test]
fn n_shows_the_changed_word_of_a_long_paragraph_not_just_its_top() {
    let mut app = long_paragraph_app();
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.difference_position(), (Some(1), 1));
    let text = screen_text(&draw(&app, 120, 30, ColorMode::None));
    assert!(text.contains("Rotterdam"), "{text}");
    // Still the same difference: N goes to none above, not back to its top.
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(app.message(), Some("no more differences above"));
}

#[test]
fn n_and_n_back_step_through_the_changes_of_a_paragraph_taller_than_the_screen() {
    // One paragraph of 900 words, three of them changed screens apart.
    let words: Vec<String> = (0..900).map(|i| format!("word{i}")).collect();
    let mut changed = words.clone();
    for (at, city) in [(100, "Antwerp"), (450, "Bremen"), (800, "Calais")] {
        changed[at] = city.to_string();
    }
    let article = |name: &str, words: &[String]| {
        diptych::article::parse_article(name, name, &format!("Title\n\n{}\n", words.join(" ")))
    };
    let mut app = App::new(vec![article("a.txt", &words), article("b.txt", &changed)]);
    app.update(Action::Resize(120, 20));
    let shows =
        |app: &App, word: &str| screen_text(&draw(app, 120, 20, ColorMode::None)).contains(word);
    press(&mut app, KeyCode::Char('n'));
    assert!(shows(&app, "Antwerp"));
    for city in ["Bremen", "Calais"] {
        press(&mut app, KeyCode::Char('n'));
        assert!(shows(&app, city), "n reaches {city}");
        assert_eq!(app.message(), Some("further down this paragraph"));
        // Still the paragraph's difference: the counter does not move on.
        assert_eq!(app.difference_position(), (Some(1), 1));
    }
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.message(), Some("no more differences below"));
    for city in ["Bremen", "Antwerp"] {
        press(&mut app, KeyCode::Char('N'));
        assert!(shows(&app, city), "N reaches {city}");
        assert_eq!(app.message(), Some("further up this paragraph"));
    }
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(app.message(), Some("no more differences above"));
}

#[test]
fn after_the_end_n_backwards_stops_at_the_last_difference() {
    let mut app = demo_app(160, 45);
    let (_, count) = app.difference_position();
    type_keys(&mut app, "nnnG");
    // The counter does not claim a difference scrolled out of sight.
    assert_eq!(app.difference_position(), (None, count));
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(app.difference_position(), (Some(count), count));
}

#[test]
fn messages_name_the_keys_a_config_bound() {
    use diptych::app::keymap::Key;
    let mut app = demo_app(160, 45);
    app.set_rebound_keys(vec![
        (Key::Char('x'), Action::ToggleFurniture),
        (Key::Char('Q'), Action::Quit),
    ]);
    app.update(Action::ToggleFurniture);
    assert_eq!(
        app.message(),
        Some("boilerplate and captions shown; n skips them — x hides")
    );
    app.update(Action::ToggleFurniture);
    assert!(app.message().is_some_and(|m| m.ends_with("— x shows")));
    app.update(Action::Back);
    assert_eq!(app.message(), Some("nothing to close — Q quits"));
    // The help legend too.
    app.update(Action::ToggleHelp);
    let text = screen_text(&draw(&app, 160, 45, ColorMode::None));
    assert!(text.contains("hidden at start (x shows)"), "{text}");
}

#[test]
fn n_on_identical_texts_says_they_match() {
    let text = "Title\n\nThe same paragraph on both sides.\n\nAnd a second one.\n";
    let article = |name: &str| diptych::article::parse_article(name, name, text);
    let mut app = App::new(vec![article("a.txt"), article("b.txt")]);
    app.update(Action::Resize(120, 30));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.message(), Some("no differences to visit"));
}
