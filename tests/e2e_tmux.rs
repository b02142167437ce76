//! End to end: the real binary in a real pseudo-terminal (tmux), driven
//! with keys and read back with `capture-pane`, as a person would.
//! Needs tmux; `.ci/run` installs it.

mod tmux_harness;

use std::process::Command;
use std::time::{Duration, Instant};

use tmux_harness::{TIMEOUT, Tmux};

/// The number after "L ¶" in the status bar: the left paragraph at the top.
fn top_paragraph(screen: &str) -> String {
    let at = screen.rfind("L ¶").expect("status shows the position");
    screen[at..]
        .chars()
        .skip(3)
        .take_while(|c| c.is_ascii_digit())
        .collect()
}

#[test]
fn demo_opens_scrolls_jumps_searches_resizes_and_quits() {
    let tmux = Tmux::start(160, 45);
    // The pair is aligned in the background: wait for its text.
    let screen = tmux.wait_for("only in the left text");
    assert!(screen.contains("similar"), "{screen}");
    assert!(screen.contains("Articles (5)"));
    assert!(screen.contains("L 1: Media: U.S. Ready to Provide Ukraine"));
    assert!(screen.contains("only in the left text"));
    assert_eq!(top_paragraph(&screen), "1");

    tmux.keys(&["G"]);
    tmux.wait_for("· 100% ·");
    tmux.keys(&["g"]);
    tmux.wait_for("· 0% ·");
    // Page furniture is hidden: the headline, then ¶4.
    for _ in 0..3 {
        tmux.keys(&["j"]);
    }
    let screen = tmux.wait_for("L ¶4/35");
    assert!(
        screen.contains("¶4   ┌ The United States has claimed"),
        "{screen}"
    );

    tmux.keys(&["g", "n", "n", "n"]);
    let screen = tmux.wait_for("L ¶6/35");
    let top = screen.lines().nth(1).unwrap_or_default();
    assert!(
        top.contains("│¶6     The issue will be discussed"),
        "{screen}"
    );

    tmux.keys(&["/", "witkoff", "Enter"]);
    tmux.wait_for("match 1 of 5 for “witkoff”");
    tmux.keys(&["n"]);
    tmux.wait_for("match 2 of 5");
    tmux.keys(&["Escape"]);
    tmux.wait_for("search cleared");

    tmux.resize(12, 4);
    tmux.wait_for("too small");
    tmux.resize(90, 30);
    let screen = tmux.wait_for("R 2: The United States is prepared");
    assert!(!screen.contains("too small"));
    tmux.resize(160, 45);
    tmux.wait_for("% similar");

    tmux.keys(&["q"]);
    assert_eq!(tmux.exit_status(), "EXIT=0");
    assert!(
        tmux.terminal_restored(),
        "alternate screen or mouse mode left on"
    );
}

#[test]
fn pair_keys_and_help_work_in_the_real_terminal() {
    let tmux = Tmux::start(140, 40);
    tmux.wait_for("similar");
    tmux.keys(&["?"]);
    tmux.wait_for("Keys — Esc or ? closes");
    // An Esc directly followed by a key would read as Alt+key: wait first.
    tmux.keys(&["Escape"]);
    tmux.wait_gone("Keys — Esc or ? closes");
    tmux.keys(&["]"]);
    tmux.wait_for(" 1 ⇄ 3 ");
    tmux.keys(&["s"]);
    tmux.wait_for(" 3 ⇄ 1 ");
    tmux.keys(&["C-c"]);
    assert_eq!(tmux.exit_status(), "EXIT=0");
    assert!(tmux.terminal_restored());
}

#[test]
fn the_matrix_opens_a_pair_and_facts_jump_to_a_variant() {
    let tmux = Tmux::start(140, 40);
    tmux.wait_for("similar");
    tmux.keys(&["M"]);
    tmux.wait_for("Similarity of every pair");
    tmux.keys(&["j", "j", "l", "l", "l"]);
    tmux.wait_for("left  3:");
    tmux.keys(&["Enter"]);
    tmux.wait_for(" 3 ⇄ 5 ");
    tmux.wait_gone("Similarity of every pair");
    tmux.keys(&["F"]);
    tmux.wait_for("discrepancies first");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Zelensky” — article 1 ¶");
    tmux.wait_for(" 3 ⇄ 1 ");
    tmux.keys(&["q"]);
    assert_eq!(tmux.exit_status(), "EXIT=0");
}

#[test]
fn sigterm_restores_the_terminal() {
    let tmux = Tmux::start(120, 30);
    tmux.wait_for("similar");
    let pid = tmux.reader_pid();
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    assert_eq!(tmux.exit_status(), "EXIT=143");
    assert!(
        tmux.terminal_restored(),
        "alternate screen or mouse mode left on"
    );
}

#[test]
fn a_hung_up_terminal_does_not_leave_the_reader_running() {
    let tmux = Tmux::start(100, 30);
    tmux.wait_for("similar");
    let pid = tmux.reader_pid();
    tmux.run(&["kill-server"]);
    let start = Instant::now();
    loop {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let state = stat
            .rsplit(')')
            .next()
            .and_then(|rest| rest.split_whitespace().next());
        if matches!(state, None | Some("Z" | "X")) {
            break;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "the reader (pid {pid}) is still running: {stat}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn stdin_that_is_the_terminal_is_refused_not_waited_on() {
    // In a terminal, `-` would have the loader and the key reader take
    // turns at the keyboard: `q` went unanswered for seconds.
    let tmux = Tmux::start_with(&["-", "{dir}/b.txt"], &[("b.txt", "One line.\n")], 100, 20);
    assert_eq!(tmux.exit_status(), "EXIT=2");
    let screen = tmux.screen();
    assert!(
        screen.contains("diptych: -: stdin is the terminal the reader takes keys from"),
        "{screen}"
    );
}
