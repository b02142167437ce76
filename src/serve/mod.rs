//! `diptych serve`: an SSH server that gives every visitor their own
//! read-only reader over one shared corpus.
//!
//! ```text
//!  TCP accept ──▶ admission (max sessions, per address) ──▶ russh session
//!                                                            │ Handler (async):
//!                                                            │ auth, pty, env, resize,
//!                                                            │ refuses exec/sftp/forwarding
//!                                                            ▼
//!  visitor thread: App + Terminal ◀── keys (terminput) ── data
//!        │ draws only when the one frame slot is empty
//!        ▼
//!  frame slot (≤ 1 frame) ──▶ writer task ──▶ Handle::data (SSH window)
//! ```
//!
//! A visitor who stops reading fills the SSH window; the writer task then
//! waits, the slot stays full, and the visitor thread keeps applying keys
//! to its state without drawing: memory stays bounded, and the next frame
//! is drawn from the latest state.

mod auth;
mod connection;
mod handler;
mod host_key;
mod input;
mod limits;
mod log;
mod output;
mod screen;
mod server;
mod visitor;

use std::net::SocketAddr;
use std::time::Duration;

pub use auth::{AuthPolicy, load_authorized_keys};
pub use host_key::{default_host_key_path, fingerprint, load_or_create_host_key};
pub use input::InputParser;
pub use russh::keys::PrivateKey;
pub use server::serve;

/// Everything `serve` needs besides the corpus and the listening socket.
pub struct ServeConfig {
    pub host_key: PrivateKey,
    pub auth: AuthPolicy,
    pub limits: Limits,
    /// Log one line per connect/auth/disconnect on stderr.
    pub log: bool,
}

/// Bounds on what visitors can make the server hold.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Visitors at once, over all addresses.
    pub max_sessions: usize,
    /// Visitors at once from one IP address.
    pub max_per_address: usize,
    /// Time from TCP connect to a successful authentication.
    pub auth_timeout: Duration,
    /// Time without a keypress before the visitor is disconnected.
    pub idle_timeout: Duration,
    /// Largest terminal drawn; bigger requests are clamped to it.
    pub max_cols: u16,
    pub max_rows: u16,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_sessions: 32,
            max_per_address: 4,
            auth_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(15 * 60),
            max_cols: 400,
            max_rows: 150,
        }
    }
}

/// The default listening address: loopback only.
pub fn default_listen() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 2222))
}
