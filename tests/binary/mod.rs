//! Running the real `diptych` binary from integration tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs diptych with `args`, `stdin` piped in, NO_COLOR set, and returns
/// what it printed and how it exited.
pub fn run_diptych(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_diptych"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn diptych");
    let mut pipe = child.stdin.take().expect("stdin");
    // The binary may exit before reading everything (bad arguments).
    let _ = pipe.write_all(stdin);
    drop(pipe);
    child.wait_with_output().expect("diptych output")
}
