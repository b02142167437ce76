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

use crate::align::Granularity;
use crate::app::ReaderOptions;
use crate::config::{Config, KeyBindings};
use crate::ui::ThemeName;

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
    /// How every visitor's reader starts: the server's config file.
    pub reader: ReaderSetup,
    /// Log one line per connect/auth/disconnect on stderr.
    pub log: bool,
}

/// The server's reader settings, read once at start (config file and
/// `--theme`) and given to every visitor. Only the colour depth comes from
/// the visitor: their TERM/COLORTERM, and NO_COLOR, which always wins.
#[derive(Debug, Clone, Default)]
pub struct ReaderSetup {
    pub theme: ThemeName,
    pub keys: KeyBindings,
    pub options: ReaderOptions,
    /// Granularity to start with, when not the default.
    pub granularity: Option<Granularity>,
}

impl ReaderSetup {
    /// The settings a config file gives, with `theme` (from `--theme`)
    /// over the file's.
    pub fn from_config(config: Config, theme: Option<ThemeName>) -> Self {
        let mut options = ReaderOptions::default();
        if let Some(show) = config.show_furniture {
            options.hide_furniture = !show;
        }
        if let Some(width) = config.min_pane_width {
            options.min_pane_width = width;
        }
        ReaderSetup {
            theme: theme.or(config.theme).unwrap_or_default(),
            keys: config.keys,
            options,
            granularity: config.granularity,
        }
    }
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
