//! End to end: slow work never holds the reader. A big generated pair is
//! opened in the real binary under tmux; `F` starts the facts while the
//! pair may still be aligning, `Esc` cancels, `q` quits at once.

mod tmux_harness;

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Duration;

use tmux_harness::Tmux;

/// Generous: the figure the issue asks for (1 s) is measured by the
/// `reader_latency` bench; this only catches a reader that waits for its
/// jobs before leaving.
const QUIT_WITHIN: Duration = Duration::from_secs(5);

/// `paragraphs` paragraphs of varied news-like sentences; `seed` changes
/// the wording so the two sides differ.
fn generated(paragraphs: usize, seed: usize) -> String {
    let names = ["Witkoff", "Zelensky", "Merz", "Kushner", "Rubio", "Umerov"];
    let places = ["Kyiv", "Berlin", "Moscow", "Geneva", "Miami", "Donbas"];
    let mut text = String::new();
    for p in 0..paragraphs {
        let name = names[(p + seed) % names.len()];
        let place = places[(p * 7 + seed) % places.len()];
        let _ = write!(
            text,
            "On December {} {name} said in {place} that “talks on point {p} will go on”, \
             according to officials. The plan has {} points and {}% support. \
             Observers in {place} noted paragraph {p}.\n\n",
            p % 28 + 1,
            20 + (p + seed) % 9,
            p % 100
        );
    }
    text
}

#[test]
fn facts_on_a_big_pair_can_be_cancelled_and_q_quits_at_once() {
    let tmux = Tmux::new();
    let paths: Vec<PathBuf> = (0..2)
        .map(|side| {
            let path = tmux.dir().join(format!("big-{side}.txt"));
            std::fs::write(&path, generated(4000, side)).expect("write the generated input");
            path
        })
        .collect();
    let args: Vec<&std::path::Path> = paths.iter().map(PathBuf::as_path).collect();
    tmux.start_paths(140, 40, &args);
    // Something shows while the pair is loaded and aligned, never a blank
    // terminal; then the reader itself, aligning or done.
    tmux.wait_for_any(&["loading", "aligning", "similar"]);
    tmux.wait_for_any(&["aligning", "similar"]);

    tmux.keys(&["F"]);
    tmux.wait_for("extracting facts");
    tmux.keys(&["Escape"]);
    let screen = tmux.wait_for("cancelled");
    assert!(screen.contains("extracting facts"), "{screen}");
    assert!(!screen.contains("Esc cancels"), "still running:\n{screen}");

    tmux.keys(&["q"]);
    let (status, took) = tmux.exit_status_timed();
    assert_eq!(status, "EXIT=0");
    assert!(took < QUIT_WITHIN, "the reader took {took:?} to quit");
}
