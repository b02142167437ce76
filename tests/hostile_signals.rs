//! Signals and job control sent to the real reader in tmux: every
//! terminating signal gives the terminal back; Ctrl-Z and SIGTSTP suspend
//! (terminal restored, process stopped) and SIGCONT brings the reader back,
//! repainted. Needs tmux, like the other end-to-end tests.

mod tmux_harness;

use std::process::Command;
use std::time::{Duration, Instant};

use tmux_harness::Tmux;

const TIMEOUT: Duration = Duration::from_secs(30);

/// The reader on the demo corpus, drawn.
fn reader() -> Tmux {
    let tmux = Tmux::start(140, 40);
    tmux.wait_for("similar");
    tmux
}

/// `alternate screen, mouse reporting`: "1 1" in the reader, "0 0" after.
fn modes(tmux: &Tmux) -> String {
    tmux.pane_format("#{alternate_on} #{mouse_any_flag}")
}

/// The process state letter from /proc (`T` when stopped).
fn state(pid: &str) -> String {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.rsplit_once(") ")
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .unwrap_or("")
        .to_string()
}

fn wait_stopped(tmux: &Tmux, pid: &str, how: &str) {
    let start = Instant::now();
    while state(pid) != "T" {
        assert!(
            start.elapsed() < TIMEOUT,
            "{how}: the reader did not stop; screen:\n{}",
            tmux.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn kill(signal: &str, pid: &str) {
    let sent = Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .is_ok_and(|s| s.success());
    assert!(sent, "kill -{signal} {pid}");
}

#[test]
fn every_terminating_signal_restores_the_terminal() {
    for (signal, status) in [("INT", 130), ("QUIT", 131), ("TERM", 143), ("HUP", 129)] {
        let tmux = reader();
        assert_eq!(
            modes(&tmux),
            "1 1",
            "SIG{signal}: the reader took the terminal"
        );
        kill(signal, &tmux.reader_pid());
        // As a shell reports a death by that signal: 128 + its number.
        assert_eq!(tmux.exit_status(), format!("EXIT={status}"), "SIG{signal}");
        assert_eq!(
            modes(&tmux),
            "0 0",
            "SIG{signal} left the terminal in the reader's modes"
        );
    }
}

/// Ctrl-Z (the key) and `kill -TSTP` both stop the reader with the
/// terminal given back; SIGCONT (what `fg` sends) brings it back drawn.
#[test]
fn ctrl_z_and_sigtstp_suspend_and_sigcont_repaints() {
    for how in ["key", "signal"] {
        let tmux = reader();
        let pid = tmux.reader_pid();
        if how == "key" {
            tmux.keys(&["C-z"]);
        } else {
            kill("TSTP", &pid);
        }
        wait_stopped(&tmux, &pid, how);
        assert_eq!(
            modes(&tmux),
            "0 0",
            "{how}: stopped but still in the reader's modes"
        );
        assert!(
            !tmux.screen().contains("similar"),
            "{how}: the reader is still drawn"
        );

        kill("CONT", &pid);
        tmux.wait_for("similar");
        assert_eq!(modes(&tmux), "1 1", "{how}: continued without its modes");
        tmux.keys(&["j"]);
        tmux.keys(&["q"]);
        assert_eq!(tmux.exit_status(), "EXIT=0", "{how}");
        assert_eq!(modes(&tmux), "0 0", "{how}");
    }
}
