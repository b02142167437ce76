//! The real binary in a real pseudo-terminal (tmux), with arguments: a
//! private `-L` server per test, killed (and its directory removed) on
//! drop, even when the test fails. The same harness as `e2e_tmux.rs`,
//! generalised to pass paths and to time the exit.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

#[path = "../tmux_harness/socket.rs"]
mod tmux_socket;

/// How long a poll waits before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(60);
static SESSIONS: AtomicUsize = AtomicUsize::new(0);

/// A private tmux server running the reader; killed on drop.
pub struct Tmux {
    socket: String,
    dir: PathBuf,
}

impl Tmux {
    /// A server and its scratch directory, nothing running yet.
    pub fn new() -> Self {
        let found = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(found, "tmux is not installed: the end-to-end tests need it");
        let n = SESSIONS.fetch_add(1, Ordering::SeqCst);
        let socket = format!("diptych-e2e-jobs-{}-{n}", std::process::id());
        let dir = std::env::temp_dir().join(&socket);
        std::fs::create_dir_all(&dir).expect("temp dir");
        Tmux { socket, dir }
    }

    /// The scratch directory (removed on drop): put input files here.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Starts `diptych ARGS…` in a `width`×`height` pane; its exit status
    /// lands in `exit` in the scratch directory.
    pub fn start(&self, width: u16, height: u16, args: &[&Path]) {
        let bin = env!("CARGO_BIN_EXE_diptych");
        let quoted: Vec<String> = args.iter().map(|a| format!("'{}'", a.display())).collect();
        let script = format!(
            "'{bin}' {}; echo EXIT=$? > '{}'; sleep 120",
            quoted.join(" "),
            self.dir.join("exit").display()
        );
        self.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "sh",
            "-c",
            &script,
        ]);
    }

    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    /// Polls the screen until it shows `text`.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_for_any(&[text])
    }

    /// Polls the screen until it shows one of `texts`.
    pub fn wait_for_any(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if texts.iter().any(|text| screen.contains(text)) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "waited for {texts:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Waits for the reader to exit; its status and how long it took.
    pub fn exit_status(&self) -> (String, Duration) {
        let start = Instant::now();
        loop {
            let text = std::fs::read_to_string(self.dir.join("exit")).unwrap_or_default();
            if text.ends_with('\n') {
                return (text.trim().to_string(), start.elapsed());
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "the reader did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        tmux_socket::end_server(&self.socket);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
