//! A private tmux server running the real binary with arguments, for
//! end-to-end tests that need a command line (a config file): `-L`
//! socket, killed with its directory on drop.

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(30);
static SESSIONS: AtomicUsize = AtomicUsize::new(0);

pub struct Tmux {
    socket: String,
    /// The test's own directory: files it writes, and `exit`.
    pub dir: PathBuf,
}

impl Tmux {
    /// A server and directory, before anything runs in it.
    pub fn new(tag: &str) -> Self {
        let found = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            found,
            "tmux is not installed: end-to-end tests need it (apt-get install tmux)"
        );
        let n = SESSIONS.fetch_add(1, Ordering::SeqCst);
        let socket = format!("diptych-{tag}-{}-{n}", std::process::id());
        let dir = std::env::temp_dir().join(&socket);
        std::fs::create_dir_all(&dir).expect("temp dir");
        Tmux { socket, dir }
    }

    /// Starts `diptych ARGS` in a `width`×`height` pane; its exit status
    /// lands in `exit`, then the pane stays open.
    pub fn start(&self, args: &[&str], width: u16, height: u16) {
        let bin = env!("CARGO_BIN_EXE_diptych");
        let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
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

    /// Polls the screen until it shows `text` (or `shown` is false and it
    /// is gone).
    pub fn wait_until(&self, text: &str, shown: bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) == shown {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "waited for {text:?} to be {}; the screen shows:\n{screen}",
                if shown { "shown" } else { "gone" }
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Waits for the reader to exit and returns its status line.
    pub fn exit_status(&self) -> String {
        let start = Instant::now();
        loop {
            let text = std::fs::read_to_string(self.dir.join("exit")).unwrap_or_default();
            if text.ends_with('\n') {
                return text.trim().to_string();
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "the reader did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Whether the reader has exited (no `exit` file yet: still running).
    pub fn exited(&self) -> bool {
        self.dir.join("exit").exists()
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
