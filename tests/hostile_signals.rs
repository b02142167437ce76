//! Signals and job control sent to the real reader in tmux: every
//! terminating signal gives the terminal back; Ctrl-Z and SIGTSTP suspend
//! (terminal restored, process stopped) and SIGCONT brings the reader back,
//! repainted. Needs tmux, like `e2e_tmux.rs`.

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(30);
static SESSIONS: AtomicUsize = AtomicUsize::new(0);

/// A private tmux server running the reader on the demo corpus; killed on
/// drop with its scratch directory.
struct Tmux {
    socket: String,
    dir: PathBuf,
}

impl Tmux {
    fn start() -> Self {
        let n = SESSIONS.fetch_add(1, Ordering::SeqCst);
        let socket = format!("diptych-signals-{}-{n}", std::process::id());
        let dir = std::env::temp_dir().join(&socket);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let bin = env!("CARGO_BIN_EXE_diptych");
        let script = format!(
            "'{bin}'; echo EXIT=$? > '{}'; sleep 120",
            dir.join("exit").display()
        );
        let tmux = Tmux { socket, dir };
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "sig",
            "-x",
            "140",
            "-y",
            "40",
            "sh",
            "-c",
            &script,
        ]);
        tmux
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs (apt-get install tmux)");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "sig"])
    }

    /// Polls until `done` holds, failing with the screen after the timeout.
    fn wait(&self, what: &str, done: impl Fn(&Tmux) -> bool) {
        let start = Instant::now();
        while !done(self) {
            assert!(
                start.elapsed() < TIMEOUT,
                "waited for {what}; the screen shows:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_for_reader(&self) {
        self.wait("the reader", |t| t.screen().contains("similar"));
    }

    /// `#{alternate_on} #{mouse_any_flag}`: "0 0" once restored.
    fn modes(&self) -> String {
        self.run(&[
            "display-message",
            "-p",
            "-t",
            "sig",
            "#{alternate_on} #{mouse_any_flag}",
        ])
        .trim()
        .to_string()
    }

    fn reader_pid(&self) -> String {
        let shell = self
            .run(&["display-message", "-p", "-t", "sig", "#{pane_pid}"])
            .trim()
            .to_string();
        let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
            .expect("/proc children");
        children
            .split_whitespace()
            .next()
            .expect("the reader runs")
            .to_string()
    }

    /// The process state letter from /proc (`T` when stopped).
    fn state(pid: &str) -> String {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        stat.rsplit_once(") ")
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .unwrap_or("")
            .to_string()
    }

    fn exit_status(&self) -> String {
        let file = self.dir.join("exit");
        self.wait("the reader to exit", |_| {
            std::fs::read_to_string(&file).is_ok_and(|t| t.ends_with('\n'))
        });
        std::fs::read_to_string(&file)
            .unwrap_or_default()
            .trim()
            .to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
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
    for signal in ["INT", "QUIT", "TERM", "HUP"] {
        let tmux = Tmux::start();
        tmux.wait_for_reader();
        assert_eq!(
            tmux.modes(),
            "1 1",
            "SIG{signal}: the reader took the terminal"
        );
        kill(signal, &tmux.reader_pid());
        assert_eq!(tmux.exit_status(), "EXIT=143", "SIG{signal}");
        assert_eq!(
            tmux.modes(),
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
        let tmux = Tmux::start();
        tmux.wait_for_reader();
        let pid = tmux.reader_pid();
        if how == "key" {
            tmux.run(&["send-keys", "-t", "sig", "C-z"]);
        } else {
            kill("TSTP", &pid);
        }
        tmux.wait(&format!("the reader to stop ({how})"), |_| {
            Tmux::state(&pid) == "T"
        });
        assert_eq!(
            tmux.modes(),
            "0 0",
            "{how}: stopped but still in the reader's modes"
        );
        assert!(
            !tmux.screen().contains("similar"),
            "{how}: the reader is still drawn"
        );

        kill("CONT", &pid);
        tmux.wait_for_reader();
        assert_eq!(tmux.modes(), "1 1", "{how}: continued without its modes");
        tmux.run(&["send-keys", "-t", "sig", "j"]);
        tmux.run(&["send-keys", "-t", "sig", "q"]);
        assert_eq!(tmux.exit_status(), "EXIT=0", "{how}");
        assert_eq!(tmux.modes(), "0 0", "{how}");
    }
}
