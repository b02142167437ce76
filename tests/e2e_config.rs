//! End to end: the reader in tmux started with a config file that rebinds
//! keys and sets the start-up granularity, as a person would set it up.

mod tmux;

use tmux::Tmux;

#[test]
fn a_config_file_rebinds_keys_in_the_real_reader() {
    let tmux = Tmux::new("config");
    let config = tmux.dir.join("config.toml");
    std::fs::write(
        &config,
        "granularity = \"sentence\"\n[keys]\nquit = \"x\"\nhelp = \"H\"\n",
    )
    .expect("config written");
    let config = config.display().to_string();
    tmux.start(&["--config", &config], 140, 40);
    tmux.wait_until("similar", true);
    // The config's granularity is in force from the start.
    tmux.wait_until("· sentences", true);
    // `q` no longer quits: had it quit, the help would never open.
    tmux.keys(&["q"]);
    tmux.keys(&["H"]);
    tmux.wait_until("Keys — Esc or ? closes", true);
    assert!(!tmux.exited(), "q still quit the reader");
    tmux.keys(&["Escape"]);
    tmux.wait_until("Keys — Esc or ? closes", false);
    tmux.keys(&["x"]);
    assert_eq!(tmux.exit_status(), "EXIT=0");
}
