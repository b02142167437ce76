//! Ending a test's private tmux server completely: tmux 3.3 leaves the
//! `-L` socket file behind after `kill-server`, so it is removed here too.
#![allow(dead_code)]

use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;
use std::process::Command;

/// Kills the server behind `-L socket` and removes its socket file.
pub fn end_server(socket: &str) {
    let _ = Command::new("tmux")
        .args(["-L", socket, "kill-server"])
        .output();
    if let Some(path) = socket_path(socket) {
        let _ = std::fs::remove_file(path);
    }
}

/// Where tmux puts a `-L` socket: `$TMUX_TMPDIR/tmux-UID/NAME`.
fn socket_path(socket: &str) -> Option<PathBuf> {
    let uid = std::fs::metadata("/proc/self").ok()?.uid();
    let base = std::env::var_os("TMUX_TMPDIR").map_or_else(|| PathBuf::from("/tmp"), PathBuf::from);
    Some(base.join(format!("tmux-{uid}")).join(socket))
}
