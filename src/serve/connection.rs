//! What the server knows about one connection, shared by its handler, its
//! visitor thread and the task that logs its end: who it is, why it ended,
//! and a way to cut it that works even when the client stopped reading.

use std::net::{Shutdown, SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use super::log;

/// One TCP connection's identity and fate.
pub struct Connection {
    pub id: u64,
    pub address: SocketAddr,
    started: Instant,
    /// A second handle on the socket: shutting it down fails the session's
    /// pending reads and writes, however stuck.
    socket: TcpStream,
    authenticated: AtomicBool,
    who: Mutex<(String, String)>,
    reason: Mutex<Option<String>>,
}

impl Connection {
    pub fn new(id: u64, address: SocketAddr, socket: TcpStream) -> Self {
        Connection {
            id,
            address,
            started: Instant::now(),
            socket,
            authenticated: AtomicBool::new(false),
            who: Mutex::new(("-".into(), "-".into())),
            reason: Mutex::new(None),
        }
    }

    /// Records a successful login.
    pub fn authenticated(&self, user: &str, key: &str) {
        let user: String = user.chars().take(64).filter(|c| !c.is_control()).collect();
        *self.who.lock().unwrap_or_else(PoisonError::into_inner) = (user, key.to_string());
        self.authenticated.store(true, Ordering::Relaxed);
    }

    pub fn is_authenticated(&self) -> bool {
        self.authenticated.load(Ordering::Relaxed)
    }

    /// Why the connection ends; the first reason given wins.
    pub fn set_reason(&self, reason: &str) {
        self.reason
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get_or_insert_with(|| reason.to_string());
    }

    /// Cuts the connection now.
    pub fn kill(&self) {
        let _ = self.socket.shutdown(Shutdown::Both);
    }

    /// The disconnect line: address, user, key, duration, reason.
    pub fn log_end(&self, enabled: bool, fallback: &str) {
        let (user, key) = self
            .who
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let reason = self
            .reason
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .unwrap_or_else(|| fallback.to_string());
        let duration = format!("{:.1}s", self.started.elapsed().as_secs_f64());
        log::line(
            enabled,
            "disconnect",
            &[
                ("addr", &self.address),
                ("user", &user),
                ("key", &key),
                ("duration", &duration),
                ("reason", &format!("{reason:?}")),
            ],
        );
    }
}
