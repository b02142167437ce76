//! A private tmux server running the real binary, for end-to-end tests:
//! keys in with `send-keys`, the screen out with `capture-pane`, polled
//! until it shows what a person would wait for. Killed (and its directory
//! removed) on drop, also when the test fails.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub mod socket;

const TIMEOUT: Duration = Duration::from_secs(30);
static SESSIONS: AtomicUsize = AtomicUsize::new(0);

/// One tmux server with one pane running `diptych`.
pub struct Tmux {
    socket: String,
    dir: PathBuf,
}

impl Tmux {
    /// Starts `diptych` on the demo corpus in a `width`×`height` pane; its
    /// exit status lands in `exit` in the test's directory.
    pub fn start(width: u16, height: u16) -> Self {
        Self::start_with(&[], &[], width, height)
    }

    /// As [`Tmux::start`], with `files` (name, text) written to the test's
    /// directory first and `args` after the binary; `{dir}` in an
    /// argument is that directory.
    pub fn start_with(args: &[&str], files: &[(&str, &str)], width: u16, height: u16) -> Self {
        let found = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            found,
            "tmux is not installed: the reader's end-to-end tests need it (apt-get install tmux)"
        );
        let n = SESSIONS.fetch_add(1, Ordering::SeqCst);
        let socket = format!("diptych-e2e-o-{}-{n}", std::process::id());
        let dir = std::env::temp_dir().join(&socket);
        std::fs::create_dir_all(&dir).expect("temp dir");
        for (name, text) in files {
            std::fs::write(dir.join(name), text).expect("test file written");
        }
        let bin = env!("CARGO_BIN_EXE_diptych");
        let shown = dir.display().to_string();
        let args: Vec<String> = args
            .iter()
            .map(|a| format!(" '{}'", a.replace("{dir}", &shown)))
            .collect();
        let script = format!(
            "'{bin}'{}; echo EXIT=$? > '{}'; sleep 120",
            args.concat(),
            dir.join("exit").display()
        );
        let tmux = Tmux { socket, dir };
        tmux.run(&[
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
        tmux
    }

    /// Runs a tmux command on this server; its stdout.
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
        self.wait_until(text, true)
    }

    /// Polls the screen until `text` is gone.
    pub fn wait_gone(&self, text: &str) -> String {
        self.wait_until(text, false)
    }

    fn wait_until(&self, text: &str, shown: bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) == shown {
                return screen;
            }
            let what = if shown { "for" } else { "for the end of" };
            assert!(
                start.elapsed() < TIMEOUT,
                "waited {what} {text:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// A tmux format of the pane, e.g. `#{mouse_any_flag}`.
    pub fn pane_format(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "e2e", format])
            .trim()
            .to_string()
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

    /// Whether the reader has exited (its status was written).
    pub fn exited(&self) -> bool {
        self.dir.join("exit").exists()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        socket::end_server(&self.socket);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
