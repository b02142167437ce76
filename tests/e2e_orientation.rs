//! End to end in tmux, as an editor would meet them: the difference
//! counter, reading the right text in its own order, Esc that never quits,
//! and a mouse mode that leaves text selection to the terminal.
//! Needs tmux.

mod tmux_harness;

use tmux_harness::Tmux;

/// The `¶N` labels of the pane whose header starts with `header` (e.g.
/// " R 5:"), top to bottom, as numbers.
fn pane_paragraphs(screen: &str, header: &str) -> Vec<usize> {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let head: Vec<char> = header.chars().collect();
    let x = lines
        .first()
        .and_then(|l| l.windows(head.len()).position(|w| w == head.as_slice()))
        .unwrap_or_else(|| panic!("no pane header {header:?} in\n{screen}"));
    lines
        .iter()
        .skip(1)
        .filter_map(|line| {
            let label: String = line.iter().skip(x).take(5).collect();
            label.strip_prefix('¶')?.trim().parse().ok()
        })
        .collect()
}

fn ascending(v: &[usize]) -> bool {
    v.windows(2).all(|w| w[0] < w[1])
}

/// How often the numbers step back.
fn descents(v: &[usize]) -> usize {
    v.windows(2).filter(|w| w[1] < w[0]).count()
}

#[test]
fn o_reads_the_right_text_in_its_own_order() {
    let tmux = Tmux::start(200, 60);
    tmux.wait_for("similar");
    for _ in 0..6 {
        tmux.keys(&["]"]);
    }
    // The status bar's figures: while 2⇄5 aligns, the progress line names
    // it already and the panes still show an earlier pair (1⇄5 has the
    // same right-pane header).
    let screen = tmux.wait_for(" 2 ⇄ 5 · ");
    let before = pane_paragraphs(&screen, " R 5:");
    let opening = [1, 2, 3, 4, 5];
    assert_ne!(
        before.get(..5),
        Some(&opening[..]),
        "2⇄5 reads R out of order"
    );
    tmux.keys(&["Tab", "o"]);
    let screen = tmux.wait_for("rows follow the right text's order");
    assert!(screen.contains("R order"), "{screen}");
    let after = pane_paragraphs(&screen, " R 5:");
    // Groups follow the right text; a paragraph merged into an earlier
    // group may still sit with it, so count the steps back.
    assert_eq!(after.get(..5), Some(&opening[..]), "{after:?}\n{screen}");
    assert!(
        descents(&after) < descents(&before),
        "{before:?} → {after:?}"
    );
    assert!(
        screen.contains("←L¶"),
        "a moved paragraph names its left place:\n{screen}"
    );
    tmux.keys(&["o"]);
    let screen = tmux.wait_for("rows follow the left text's order");
    assert!(ascending(&pane_paragraphs(&screen, " L 2:")));
    tmux.keys(&["q"]);
    assert_eq!(tmux.exit_status(), "EXIT=0");
}

#[test]
fn the_status_bar_counts_differences() {
    let tmux = Tmux::start(200, 50);
    let screen = tmux.wait_for(" differences · L ¶1/35");
    assert!(screen.contains("furniture ¶ hidden · b shows"), "{screen}");
    tmux.keys(&["n", "n"]);
    let screen = tmux.wait_for("difference 2 of ");
    let count: String = screen
        .split("difference 2 of ")
        .nth(1)
        .unwrap_or_default()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    assert!(count.parse::<usize>().is_ok_and(|n| n > 2), "{screen}");
    tmux.keys(&["N"]);
    tmux.wait_for(&format!("difference 1 of {count}"));
    tmux.keys(&["q"]);
    assert_eq!(tmux.exit_status(), "EXIT=0");
}

#[test]
fn esc_closes_views_and_never_quits() {
    let tmux = Tmux::start(140, 40);
    tmux.wait_for("similar");
    tmux.keys(&["F"]);
    tmux.wait_for("discrepancies first");
    tmux.keys(&["Escape"]);
    tmux.wait_gone("discrepancies first");
    tmux.keys(&["Escape"]);
    tmux.wait_for("nothing to close — q quits");
    tmux.keys(&["?"]);
    tmux.wait_for("Keys — Esc or ? closes");
    tmux.keys(&["Escape"]);
    tmux.wait_gone("Keys — Esc or ? closes");
    tmux.keys(&["Escape"]);
    let screen = tmux.wait_for("nothing to close — q quits");
    assert!(screen.contains("similar"));
    assert!(!tmux.exited(), "Esc must not quit");
    tmux.keys(&["q"]);
    assert_eq!(tmux.exit_status(), "EXIT=0");
}

#[test]
fn a_click_focuses_the_pane_under_it() {
    let tmux = Tmux::start(200, 50);
    tmux.wait_for("similar");
    // What the terminal sends for a left click at column 150, row 5 (SGR,
    // 1-based): the right pane's ¶1.
    tmux.keys(&["-l", "\x1b[<0;150;5M\x1b[<0;150;5m"]);
    tmux.wait_for("R¶1 — n: next difference from here");
    tmux.wait_for("· R ¶1/14 ·");
    tmux.keys(&["q"]);
    assert_eq!(tmux.exit_status(), "EXIT=0");
}

#[test]
fn the_mouse_reports_clicks_and_wheel_but_no_motion() {
    let tmux = Tmux::start(120, 40);
    tmux.wait_for("similar");
    // Normal tracking (1000) with SGR coordinates; no button-motion (1002)
    // or any-motion (1003) mode, so the terminal keeps drag-selection.
    let flags = "#{mouse_standard_flag} #{mouse_button_flag} #{mouse_all_flag} #{mouse_sgr_flag}";
    assert_eq!(tmux.pane_format(flags), "1 0 0 1");
    tmux.keys(&["q"]);
    assert_eq!(tmux.exit_status(), "EXIT=0");
    assert_eq!(tmux.pane_format(flags), "0 0 0 0", "mouse modes left on");
}
