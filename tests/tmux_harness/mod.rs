//! A private tmux server running a real command, for end-to-end tests:
//! keys in with `send-keys`, the screen out with `capture-pane`, polled
//! until it shows what a person would wait for. Every end-to-end test
//! (reader, jobs, config, signals, OpenSSH) uses this one harness. The
//! server, its socket file and the scratch directory are removed on drop,
//! also when the test fails.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub mod socket;

/// How long a poll waits before the test fails: generous, as CI machines
/// are shared.
pub const TIMEOUT: Duration = Duration::from_secs(60);
static SESSIONS: AtomicUsize = AtomicUsize::new(0);

/// One tmux server with (once launched) one pane named `e2e`.
pub struct Tmux {
    socket: String,
    dir: PathBuf,
}

impl Tmux {
    /// A server name and its scratch directory; nothing runs yet.
    pub fn new() -> Self {
        let found = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            found,
            "tmux is not installed: the end-to-end tests need it (apt-get install tmux; .ci/run installs it)"
        );
        let n = SESSIONS.fetch_add(1, Ordering::SeqCst);
        let socket = format!("diptych-e2e-{}-{n}", std::process::id());
        let dir = std::env::temp_dir().join(&socket);
        std::fs::create_dir_all(&dir).expect("temp dir");
        Tmux { socket, dir }
    }

    /// Starts `diptych` on the demo corpus in a `width`×`height` pane.
    pub fn start(width: u16, height: u16) -> Self {
        Self::start_with(&[], &[], width, height)
    }

    /// As [`Tmux::start`], with `files` (name, text) written to the
    /// scratch directory first and `args` after the binary; `{dir}` in an
    /// argument is that directory.
    pub fn start_with(args: &[&str], files: &[(&str, &str)], width: u16, height: u16) -> Self {
        let tmux = Self::new();
        for (name, text) in files {
            std::fs::write(tmux.dir.join(name), text).expect("test file written");
        }
        let shown = tmux.dir.display().to_string();
        let args: Vec<String> = args.iter().map(|a| a.replace("{dir}", &shown)).collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        tmux.launch(width, height, &diptych_command(&args));
        tmux
    }

    /// Starts `diptych PATHS…` on this server.
    pub fn start_paths(&self, width: u16, height: u16, paths: &[&Path]) {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
        self.launch(width, height, &diptych_command(&shown));
    }

    /// Runs the shell `command` in a `width`×`height` pane; its exit status
    /// lands in `exit` in the scratch directory, then the pane stays open
    /// so the last screen can still be read.
    pub fn launch(&self, width: u16, height: u16, command: &str) {
        let script = format!(
            "{command}; echo EXIT=$? > '{}'; sleep 120",
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

    /// The scratch directory (removed on drop): put input files here.
    pub fn dir(&self) -> &Path {
        &self.dir
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

    /// What the pane shows now, as text.
    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    /// Polls the screen until it shows `text`.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_for_any(&[text])
    }

    /// Polls the screen until it shows one of `texts`.
    pub fn wait_for_any(&self, texts: &[&str]) -> String {
        self.poll(&format!("for {texts:?}"), |screen| {
            texts.iter().any(|text| screen.contains(text))
        })
    }

    /// Polls the screen until `text` is gone.
    pub fn wait_gone(&self, text: &str) -> String {
        self.poll(&format!("for the end of {text:?}"), |screen| {
            !screen.contains(text)
        })
    }

    /// Polls until `done` holds for a screen that two captures in a row
    /// agree on: a capture can land in the middle of a redraw, and a torn
    /// frame is not what a person sees.
    fn poll(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let screen = self.screen();
            if done(&screen) && screen == last {
                return screen;
            }
            last = screen;
            assert!(
                start.elapsed() < TIMEOUT,
                "waited {what}; the screen shows:\n{last}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Types `keys` (tmux key names) into the pane.
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Resizes the window, as a user dragging the terminal would.
    pub fn resize(&self, width: u16, height: u16) {
        self.run(&[
            "resize-window",
            "-t",
            "e2e",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// A tmux format of the pane, e.g. `#{mouse_any_flag}`.
    pub fn pane_format(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "e2e", format])
            .trim()
            .to_string()
    }

    /// Whether the pane is back on the main screen with mouse reporting off.
    pub fn terminal_restored(&self) -> bool {
        self.pane_format("#{alternate_on} #{mouse_any_flag} #{mouse_button_flag}") == "0 0 0"
    }

    /// The process id of the command (the pane shell's child).
    pub fn reader_pid(&self) -> String {
        let shell = self.pane_format("#{pane_pid}");
        let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
            .expect("/proc children");
        children
            .split_whitespace()
            .next()
            .expect("the reader runs")
            .to_string()
    }

    /// Waits for the command to exit and returns its status line.
    pub fn exit_status(&self) -> String {
        self.exit_status_timed().0
    }

    /// Waits for the command to exit: its status line and how long the
    /// wait took.
    pub fn exit_status_timed(&self) -> (String, Duration) {
        let start = Instant::now();
        loop {
            let text = std::fs::read_to_string(self.dir.join("exit")).unwrap_or_default();
            if text.ends_with('\n') {
                return (text.trim().to_string(), start.elapsed());
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "the command did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Whether the command has exited (its status was written).
    pub fn exited(&self) -> bool {
        self.dir.join("exit").exists()
    }
}

/// The real binary with `args`, each single-quoted for `sh -c`.
fn diptych_command(args: &[&str]) -> String {
    let bin = env!("CARGO_BIN_EXE_diptych");
    let quoted: Vec<String> = args.iter().map(|a| format!(" '{a}'")).collect();
    format!("'{bin}'{}", quoted.concat())
}

impl Drop for Tmux {
    fn drop(&mut self) {
        socket::end_server(&self.socket);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
