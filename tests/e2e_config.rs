//! End to end: the reader in tmux started with a config file that rebinds
//! keys and sets the start-up granularity, as a person would set it up.

mod tmux_harness;

use tmux_harness::Tmux;

#[test]
fn a_config_file_rebinds_keys_in_the_real_reader() {
    let config = "granularity = \"sentence\"\n[keys]\nquit = \"x\"\nhelp = \"H\"\n";
    let tmux = Tmux::start_with(
        &["--config", "{dir}/config.toml"],
        &[("config.toml", config)],
        140,
        40,
    );
    tmux.wait_for("similar");
    // The config's granularity is in force from the start.
    tmux.wait_for("· sentences");
    // `q` no longer quits: had it quit, the help would never open.
    tmux.keys(&["q"]);
    tmux.keys(&["H"]);
    // The help names the keys the config bound.
    tmux.wait_for("Keys — Esc or H closes");
    assert!(!tmux.exited(), "q still quit the reader");
    tmux.keys(&["Escape"]);
    tmux.wait_gone("Keys — Esc or H closes");
    tmux.keys(&["x"]);
    assert_eq!(tmux.exit_status(), "EXIT=0");
}
