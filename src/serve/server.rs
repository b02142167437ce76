//! The accept loop: admission, one russh session per connection, the
//! authentication deadline, and a clean shutdown that tells visitors.

use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::SyncSender;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use russh::MethodKind;
use russh::server::{Config, run_stream};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;

use super::connection::Connection;
use super::handler::Handler;
use super::limits::{Admission, Full};
use super::log;
use super::visitor::Event;
use super::{Limits, ServeConfig};
use crate::app::SharedCorpus;

/// How long visitors get to see the goodbye before connections are cut.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);

/// What every connection shares.
pub struct Context {
    pub corpus: SharedCorpus,
    pub config: ServeConfig,
    /// Set once when the server starts shutting down.
    pub closing: Arc<AtomicBool>,
    /// Each running visitor's event queue, to wake it for the shutdown.
    visitors: Mutex<HashMap<u64, SyncSender<Event>>>,
}

impl Context {
    pub fn register(&self, id: u64, sender: SyncSender<Event>) {
        self.lock().insert(id, sender);
    }

    pub fn unregister(&self, id: u64) {
        self.lock().remove(&id);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, SyncSender<Event>>> {
        self.visitors.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn announce_closing(&self) {
        self.closing.store(true, Ordering::Relaxed);
        for sender in self.lock().values() {
            let _ = sender.try_send(Event::Closing);
        }
    }
}

/// Serves readers on `listener` until `shutdown` completes, then tells
/// every visitor, waits a moment for the goodbyes, and returns.
pub async fn serve(
    listener: TcpListener,
    corpus: SharedCorpus,
    config: ServeConfig,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let ssh = Arc::new(ssh_config(&config));
    let admission = Admission::new(config.limits.max_sessions, config.limits.max_per_address);
    let context = Arc::new(Context {
        corpus,
        config,
        closing: Arc::default(),
        visitors: Mutex::default(),
    });
    let next_id = AtomicU64::new(0);
    let mut connections = JoinSet::new();
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => {
                let Ok((stream, address)) = accepted else {
                    // Out of descriptors or similar: back off, stay up.
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                };
                let log_on = context.config.log;
                let id = next_id.fetch_add(1, Ordering::Relaxed);
                match admission.admit(address.ip()) {
                    Ok(ticket) => {
                        let task = connection(id, stream, address, ticket, None, context.clone(), ssh.clone());
                        connections.spawn(task);
                    }
                    Err(full) => {
                        let reason = match full {
                            Full::Server => "server full",
                            Full::Address => "too many sessions from this address",
                        };
                        log::line(log_on, "refused", &[("addr", &address), ("reason", &reason)]);
                        // Said in the visitor's terminal, where a closed
                        // socket would read "connection reset".
                        if let Some(place) = admission.refusal() {
                            let why = Some(refusal_text(full, &context.config.limits));
                            let task = connection(id, stream, address, place, why, context.clone(), ssh.clone());
                            connections.spawn(task);
                        }
                    }
                }
            }
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    drop(listener);
    context.announce_closing();
    let drained = async { while connections.join_next().await.is_some() {} };
    if tokio::time::timeout(SHUTDOWN_GRACE, drained).await.is_err() {
        connections.shutdown().await;
    }
    Ok(())
}

fn ssh_config(config: &ServeConfig) -> Config {
    let methods: &[MethodKind] = if config.auth.is_open() {
        &[MethodKind::None, MethodKind::PublicKey]
    } else {
        &[MethodKind::PublicKey]
    };
    Config {
        methods: methods.into(),
        keys: vec![config.host_key.clone()],
        auth_rejection_time: Duration::from_millis(500),
        auth_rejection_time_initial: Some(Duration::ZERO),
        max_auth_attempts: 6,
        // Idle visitors are handled by the reader (with a notice); this
        // only collects connections that never open a session.
        inactivity_timeout: Some(config.limits.idle_timeout + Duration::from_secs(60)),
        keepalive_interval: Some(Duration::from_secs(60)),
        // Read only by russh's own accept loop; `connection` sets it on
        // the sockets this server accepts itself.
        nodelay: true,
        ..Config::default()
    }
}

/// What a turned-away visitor reads.
fn refusal_text(full: Full, limits: &Limits) -> String {
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    match full {
        Full::Server => format!(
            "diptych serve: the server is full ({} at once); please try again in a few minutes.",
            count(limits.max_sessions, "visitor")
        ),
        Full::Address => format!(
            "diptych serve: {} from your address already open; close one to open another.",
            count(limits.max_per_address, "session")
        ),
    }
}

/// One connection from accept to disconnect, logged at both ends. `place`
/// (an admission ticket, or a [`super::limits::Refusal`] with `refusal`
/// the text to say instead of a reader) is held until it ends.
async fn connection(
    id: u64,
    stream: TcpStream,
    address: SocketAddr,
    place: impl Send + 'static,
    refusal: Option<String>,
    context: Arc<Context>,
    ssh: Arc<Config>,
) {
    let _place = place;
    let log_on = context.config.log;
    log::line(log_on, "connect", &[("addr", &address)]);
    // Frames and key echoes are small writes that must leave at once:
    // with Nagle's algorithm on, a frame written while the previous one
    // is unacknowledged waits for the client's delayed ACK (up to 40 ms).
    let _ = stream.set_nodelay(true);
    let Some((stream, socket)) = split_handle(stream) else {
        return;
    };
    let connection = Arc::new(Connection::new(id, address, socket));
    if refusal.is_some() {
        connection.set_reason("refused: no place");
    }
    let handler = Handler::new(context.clone(), connection.clone(), refusal);
    let auth_timeout = context.config.limits.auth_timeout;
    let watchdog = {
        let connection = connection.clone();
        tokio::spawn(async move {
            tokio::time::sleep(auth_timeout).await;
            if !connection.is_authenticated() {
                connection.set_reason("authentication timeout");
                connection.kill();
            }
        })
    };
    let started = tokio::time::timeout(auth_timeout, run_stream(ssh, stream, handler)).await;
    let fallback = match started {
        Ok(Ok(session)) => match session.await {
            Ok(()) => "client closed".to_string(),
            Err(error) => error.to_string(),
        },
        Ok(Err(error)) => error.to_string(),
        Err(_) => "authentication timeout".to_string(),
    };
    watchdog.abort();
    connection.kill();
    connection.log_end(log_on, &fallback);
}

/// The stream for russh plus a second handle on the same socket to cut it.
fn split_handle(stream: TcpStream) -> Option<(TcpStream, std::net::TcpStream)> {
    let std_stream = stream.into_std().ok()?;
    let second = std_stream.try_clone().ok()?;
    let stream = TcpStream::from_std(std_stream).ok()?;
    Some((stream, second))
}
