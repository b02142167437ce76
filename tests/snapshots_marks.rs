//! The three kinds of word marks in the reader, on a paraphrased link
//! (seeds 001 and 004, which render one Axios report in different words):
//! snapshots that spell each cell's attributes out as brackets, so the
//! marks can be read — and checked by eye — without colour, NO_COLOR
//! included.

mod common;

use common::{draw, press};
use diptych::app::{Action, App};
use diptych::article::demo::DEMO_CORPUS;
use diptych::article::parse_article;
use diptych::ui::ColorMode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;

/// The reader on seeds 001 (left) and 004 (right), list hidden.
fn paraphrase_app(width: u16, height: u16) -> App {
    let articles = [1, 4]
        .iter()
        .map(|&i| {
            let (name, text) = DEMO_CORPUS[i];
            parse_article(name, name, text)
        })
        .collect();
    let mut app = App::new(articles);
    app.update(Action::Resize(width, height));
    press(&mut app, KeyCode::Char('t'));
    app
}

/// The pane rows of the screen with every word mark spelled out:
/// `[-struck-]`, `{+underlined+}`, `(~italic~)` and `*bold*` (the header,
/// status and hint rows are left out: their attributes are chrome).
fn marked_screen(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let marks = [
        (Modifier::CROSSED_OUT, "[-", "-]"),
        (Modifier::UNDERLINED, "{+", "+}"),
        (Modifier::ITALIC, "(~", "~)"),
        (Modifier::BOLD, "*", "*"),
    ];
    let mut out = String::new();
    for y in 1..buffer.area.height.saturating_sub(2) {
        let mut open: Vec<Modifier> = Vec::new();
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            let on = cell.style().add_modifier;
            // Close marks that end here (innermost first), open new ones.
            while let Some(&m) = open.last() {
                if on.contains(m) {
                    break;
                }
                open.pop();
                out.push_str(marks.iter().find(|k| k.0 == m).map_or("", |k| k.2));
            }
            for (m, start, _) in marks {
                if on.contains(m) && !open.contains(&m) {
                    open.push(m);
                    out.push_str(start);
                }
            }
            out.push_str(cell.symbol());
        }
        while let Some(m) = open.pop() {
            out.push_str(marks.iter().find(|k| k.0 == m).map_or("", |k| k.2));
        }
        out.push('\n');
    }
    out
}

#[test]
fn paraphrased_link_in_colour() {
    let app = paraphrase_app(130, 26);
    insta::assert_snapshot!(marked_screen(&draw(&app, 130, 26, ColorMode::Ansi16)));
}

#[test]
fn paraphrased_link_without_colour() {
    let app = paraphrase_app(130, 26);
    let terminal = draw(&app, 130, 26, ColorMode::None);
    // NO_COLOR draws the same marks as colour does: attributes carry them.
    assert_eq!(
        marked_screen(&terminal),
        marked_screen(&draw(&app, 130, 26, ColorMode::Ansi16))
    );
    insta::assert_snapshot!(marked_screen(&terminal));
}

#[test]
fn w_shows_only_here_words_then_nothing() {
    let mut app = paraphrase_app(130, 26);
    press(&mut app, KeyCode::Char('w'));
    let only_here = marked_screen(&draw(&app, 130, 26, ColorMode::None));
    assert!(!only_here.contains("(~"), "{only_here}");
    assert!(
        only_here.contains("[-") || only_here.contains("{+"),
        "{only_here}"
    );
    press(&mut app, KeyCode::Char('w'));
    let none = marked_screen(&draw(&app, 130, 26, ColorMode::None));
    for mark in ["(~", "[-", "{+"] {
        assert!(!none.contains(mark), "{mark} in {none}");
    }
}

#[test]
fn names_both_texts_give_are_not_marked_only_here() {
    let app = paraphrase_app(130, 26);
    let screen = marked_screen(&draw(&app, 130, 26, ColorMode::None));
    // 001 ¶2 and 004 name the same people and place in other words.
    for name in ["Witkoff", "Kushner", "Berlin"] {
        for line in screen.lines().filter(|l| l.contains(name)) {
            let at = line.find(name).unwrap_or(0);
            let before = &line[..at];
            let struck = before.matches("[-").count() > before.matches("-]").count();
            let inserted = before.matches("{+").count() > before.matches("+}").count();
            assert!(!struck && !inserted, "{name} marked only-here: {line}");
        }
    }
}
