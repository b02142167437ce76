//! End to end: `diptych serve` as a real process, the real OpenSSH client
//! inside tmux connecting to it on a random loopback port, read back with
//! `capture-pane` as a person would. Needs tmux and ssh (`.ci/run`
//! installs both).

#![cfg(feature = "serve")]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

#[path = "tmux_harness/socket.rs"]
mod tmux_socket;

const TIMEOUT: Duration = Duration::from_secs(30);

/// The server process, a private tmux server and a temp dir; all removed
/// on drop, even when the test fails.
struct Demo {
    server: Child,
    port: u16,
    socket: String,
    dir: PathBuf,
}

fn have(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

impl Demo {
    fn start() -> Self {
        assert!(
            have("tmux", "-V"),
            "tmux is not installed (.ci/run installs it)"
        );
        assert!(
            have("ssh", "-V"),
            "ssh is not installed (.ci/run installs openssh-client)"
        );
        let name = format!("diptych-serve-e2e-{}", std::process::id());
        let dir = std::env::temp_dir().join(&name);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let mut server = Command::new(env!("CARGO_BIN_EXE_diptych"))
            .args(["serve", "--open", "--listen", &format!("127.0.0.1:{port}")])
            .arg("--host-key")
            .arg(dir.join("host_key"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start diptych serve");
        let stderr = server.stderr.take().expect("stderr");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let demo = Demo {
            server,
            port,
            socket: name,
            dir,
        };
        let deadline = Instant::now() + TIMEOUT;
        let mut seen = Vec::new();
        while !seen.iter().any(|l: &String| l.contains("connect with")) {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(line) => seen.push(line),
                Err(_) => panic!("server never said it was ready: {seen:?}"),
            }
        }
        assert!(
            seen.iter().any(|l| l.contains("SHA256:")),
            "fingerprint printed: {seen:?}"
        );
        assert!(
            seen.iter().any(|l| l.contains("WARNING: --open")),
            "open warning: {seen:?}"
        );
        demo
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The OpenSSH client in a 140×40 tmux pane; its exit status lands in
    /// `exit` in the temp dir.
    fn connect(&self) {
        let ssh = format!(
            "ssh -t -F /dev/null -p {} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
             -o LogLevel=ERROR -o BatchMode=yes visitor@127.0.0.1; echo EXIT=$? > '{}'; sleep 120",
            self.port,
            self.dir.join("exit").display()
        );
        self.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            "140",
            "-y",
            "40",
            "sh",
            "-c",
            &ssh,
        ]);
    }

    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let screen = self.tmux(&["capture-pane", "-p", "-t", "e2e"]);
            if screen.contains(text) {
                return screen;
            }
            assert!(Instant::now() < deadline, "never saw {text:?}:\n{screen}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn exit_status(&self) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Ok(text) = std::fs::read_to_string(self.dir.join("exit")) {
                return text.trim().to_string();
            }
            assert!(Instant::now() < deadline, "ssh never exited");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Demo {
    fn drop(&mut self) {
        tmux_socket::end_server(&self.socket);
        let _ = self.server.kill();
        let _ = self.server.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn openssh_client_reads_the_demo_and_quits_with_status_0() {
    let demo = Demo::start();
    demo.connect();
    let screen = demo.wait_for("similar");
    assert!(screen.contains("Articles (5)"), "{screen}");
    demo.tmux(&["send-keys", "-t", "e2e", "j", "j", "j", "j", "j", "j", "j"]);
    demo.wait_for("L ¶4/35");
    demo.tmux(&["send-keys", "-t", "e2e", "q"]);
    assert_eq!(demo.exit_status(), "EXIT=0");

    // Ctrl-C on the server: it says goodbye and exits cleanly.
    let pid = demo.server.id().to_string();
    let signalled = Command::new("kill").args(["-INT", &pid]).status();
    assert!(signalled.is_ok_and(|s| s.success()));
    let deadline = Instant::now() + TIMEOUT;
    let mut demo = demo;
    let status = loop {
        if let Ok(Some(status)) = demo.server.try_wait() {
            break status;
        }
        assert!(Instant::now() < deadline, "server ignored Ctrl-C");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "{status:?}");
}
