//! The SSH side of one connection: authentication, the session channel's
//! requests, and everything a demo must refuse. Runs on the async
//! executor and never does reader work itself: keys and sizes go to the
//! visitor's thread.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{SyncSender, TrySendError, sync_channel};

use russh::keys::PublicKey;
use russh::server::{Auth, ChannelOpenHandle, Msg, PublicKeyOffer, Session, VerifiedPublicKey};
use russh::{Channel, ChannelId, Pty};

use super::connection::Connection;
use super::input::InputParser;
use super::log;
use super::output::{End, Slot, write_loop};
use super::server::Context;
use super::visitor::{self, Event, Shared};
use crate::ui::ColorMode;

/// Events queued for a visitor's thread; beyond this, input waits.
const EVENT_QUEUE: usize = 256;

/// Writes `text` to the visitor and ends their session with status 1.
fn say_and_close(channel: ChannelId, text: &str, session: &mut Session) -> Result<()> {
    session.data(channel, text.as_bytes().to_vec())?;
    session.exit_status_request(channel, 1)?;
    session.eof(channel)?;
    session.close(channel)
}

/// What a client asked for before the reader starts.
#[derive(Debug, Default)]
struct Terminal {
    term: String,
    size: Option<(u16, u16)>,
    colorterm: String,
    no_color: bool,
}

/// The russh handler of one connection.
pub struct Handler {
    context: Arc<Context>,
    connection: Arc<Connection>,
    channel: Option<ChannelId>,
    terminal: Terminal,
    parser: InputParser,
    visitor: Option<(SyncSender<Event>, Arc<Shared>)>,
    /// Why there is no place for this visitor: said instead of a reader.
    refusal: Option<String>,
}

type Result<T> = std::result::Result<T, russh::Error>;

impl Handler {
    /// The handler of a connection; with `refusal`, one that has no
    /// place and says so once the visitor's session opens.
    pub fn new(
        context: Arc<Context>,
        connection: Arc<Connection>,
        refusal: Option<String>,
    ) -> Self {
        Handler {
            context,
            connection,
            channel: None,
            terminal: Terminal::default(),
            parser: InputParser::new(),
            visitor: None,
            refusal,
        }
    }

    fn log(&self, event: &str, detail: &str) {
        let address = self.connection.address;
        log::line(
            self.context.config.log,
            event,
            &[("addr", &address), ("what", &detail)],
        );
    }

    /// Clamps a client's size: at least 1×1, at most the configured limit.
    fn clamp(&self, cols: u32, rows: u32) -> (u16, u16) {
        let limits = &self.context.config.limits;
        let fit = |n: u32, max: u16| n.clamp(1, u32::from(max)) as u16;
        (fit(cols, limits.max_cols), fit(rows, limits.max_rows))
    }

    fn decide(&self, user: &str, key: Option<&PublicKey>, verified: bool) -> Auth {
        let policy = &self.context.config.auth;
        let admitted = key.map_or(policy.is_open(), |k| policy.admits(k));
        // A key offer that will be accepted is logged once verified; one
        // that is refused is logged now, since it will not come back.
        if verified || key.is_none() || !admitted {
            let print = key.map_or("none".to_string(), super::fingerprint);
            if admitted {
                self.connection.authenticated(user, &print);
            }
            let result = if admitted { "accepted" } else { "refused" };
            let address = self.connection.address;
            log::line(
                self.context.config.log,
                "auth",
                &[
                    ("addr", &address),
                    ("user", &user),
                    ("key", &print),
                    ("result", &result),
                ],
            );
        }
        if admitted {
            Auth::Accept
        } else {
            Auth::reject()
        }
    }

    fn start_reader(&mut self, channel: ChannelId, session: &mut Session) -> Result<()> {
        if let Some(refusal) = &self.refusal {
            let text = format!("{refusal}\r\n");
            return say_and_close(channel, &text, session);
        }
        let Some((cols, rows)) = self.terminal.size else {
            let text = "diptych serve shows a full-screen reader and needs a terminal: \
                        connect with `ssh -t`.\r\n";
            return say_and_close(channel, text, session);
        };
        let mode = ColorMode::from_terminal(
            &self.terminal.term,
            &self.terminal.colorterm,
            self.terminal.no_color,
        );
        let shared = Arc::new(Shared {
            size: AtomicU32::new(0),
            closing: self.context.closing.clone(),
            gone: AtomicBool::new(false),
        });
        shared.set_size(cols, rows);
        let (sender, events) = sync_channel(EVENT_QUEUE);
        let slot = Arc::new(Slot::default());
        let idle = self.context.config.limits.idle_timeout;
        let corpus = self.context.corpus.clone();
        let context = self.context.clone();
        let (thread_shared, thread_slot) = (shared.clone(), slot.clone());
        let connection = self.connection.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("visitor {}", self.connection.address))
            .spawn(move || {
                let visit = std::panic::AssertUnwindSafe(|| {
                    visitor::run(
                        corpus,
                        &context.config.reader,
                        mode,
                        idle,
                        &thread_shared,
                        &events,
                        &thread_slot,
                    )
                });
                // A bug in the reader ends this visit, never the server.
                let reason =
                    std::panic::catch_unwind(visit).map_or("reader failed", |e| e.as_str());
                connection.set_reason(reason);
                thread_slot.end(End {
                    bytes: Vec::new(),
                    exit_status: 1,
                });
            });
        if spawned.is_err() {
            return session.close(channel);
        }
        let waker = sender.clone();
        let killer = self.connection.clone();
        let handle = session.handle();
        tokio::spawn(async move {
            let sent = || {
                let _ = waker.try_send(Event::Sent);
            };
            write_loop(&slot, handle, channel, sent, || killer.kill()).await;
        });
        self.context.register(self.connection.id, sender.clone());
        self.visitor = Some((sender, shared));
        session.channel_success(channel)
    }

    /// Tells the visitor's thread the client has left.
    fn leave(&mut self) {
        if let Some((sender, shared)) = self.visitor.take() {
            shared.gone.store(true, Ordering::Relaxed);
            let _ = sender.try_send(Event::Gone);
        }
        self.context.unregister(self.connection.id);
    }

    fn refuse(&self, channel: ChannelId, what: &str, session: &mut Session) -> Result<()> {
        self.log("refused", what);
        session.channel_failure(channel)
    }
}

impl russh::server::Handler for Handler {
    type Error = russh::Error;

    async fn auth_none(&mut self, user: &str) -> Result<Auth> {
        Ok(self.decide(user, None, false))
    }

    async fn auth_publickey_offered(
        &mut self,
        user: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth> {
        Ok(self.decide(user, Some(offer.public_key), false))
    }

    async fn auth_publickey(&mut self, user: &str, key: VerifiedPublicKey<'_>) -> Result<Auth> {
        Ok(self.decide(user, Some(key.public_key), true))
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _: &mut Session,
    ) -> Result<()> {
        if self.channel.is_some() {
            self.log("refused", "a second session channel");
            return Ok(()); // dropping `reply` rejects it
        }
        self.channel = Some(channel.id());
        // The Channel object is dropped: its bounded queue would otherwise
        // fill with messages nobody reads; the handler callbacks suffice.
        drop(channel);
        reply.accept().await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        cols: u32,
        rows: u32,
        _: u32,
        _: u32,
        _: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<()> {
        if self.visitor.is_some() || Some(channel) != self.channel {
            return session.channel_failure(channel);
        }
        self.terminal.term = term.chars().take(64).collect();
        self.terminal.size = Some(self.clamp(cols, rows));
        session.channel_success(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<()> {
        match name {
            "NO_COLOR" => self.terminal.no_color = !value.is_empty(),
            "COLORTERM" => self.terminal.colorterm = value.chars().take(32).collect(),
            "TERM" if self.terminal.term.is_empty() => {
                self.terminal.term = value.chars().take(64).collect();
            }
            _ => return session.channel_failure(channel),
        }
        session.channel_success(channel)
    }

    async fn shell_request(&mut self, channel: ChannelId, session: &mut Session) -> Result<()> {
        if self.visitor.is_some() || Some(channel) != self.channel {
            return self.refuse(channel, "a second shell", session);
        }
        self.start_reader(channel, session)
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _: &[u8],
        session: &mut Session,
    ) -> Result<()> {
        self.refuse(channel, "exec", session)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<()> {
        let what = format!("subsystem {}", name.chars().take(32).collect::<String>());
        self.refuse(channel, &what, session)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _: bool,
        _: &str,
        _: &str,
        _: u32,
        session: &mut Session,
    ) -> Result<()> {
        self.refuse(channel, "x11", session)
    }

    async fn agent_request(&mut self, _: ChannelId, _: &mut Session) -> Result<bool> {
        self.log("refused", "agent forwarding");
        Ok(false)
    }

    async fn tcpip_forward(&mut self, _: &str, _: &mut u32, _: &mut Session) -> Result<bool> {
        self.log("refused", "remote port forwarding");
        Ok(false)
    }

    async fn streamlocal_forward(&mut self, _: &str, _: &mut Session) -> Result<bool> {
        self.log("refused", "socket forwarding");
        Ok(false)
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _: Channel<Msg>,
        _: &str,
        _: u32,
        _: &str,
        _: u32,
        _: ChannelOpenHandle,
        _: &mut Session,
    ) -> Result<()> {
        self.log("refused", "local port forwarding");
        Ok(())
    }

    async fn channel_open_direct_streamlocal(
        &mut self,
        _: Channel<Msg>,
        _: &str,
        _: ChannelOpenHandle,
        _: &mut Session,
    ) -> Result<()> {
        self.log("refused", "socket forwarding");
        Ok(())
    }

    async fn channel_open_x11(
        &mut self,
        _: Channel<Msg>,
        _: &str,
        _: u32,
        _: ChannelOpenHandle,
        _: &mut Session,
    ) -> Result<()> {
        self.log("refused", "x11");
        Ok(())
    }

    async fn data(&mut self, _: ChannelId, data: &[u8], _: &mut Session) -> Result<()> {
        if let Some((sender, _)) = &self.visitor {
            for input in self.parser.feed(data) {
                let event = match sender.try_send(Event::Input(input)) {
                    Err(TrySendError::Full(event)) => event,
                    Ok(()) | Err(TrySendError::Disconnected(_)) => continue,
                };
                // The reader is behind: wait for it, which stops this
                // session reading from the socket, so a flood of keys
                // backs up into TCP instead of into memory.
                if tokio::task::block_in_place(|| sender.send(event)).is_err() {
                    break;
                }
            }
        }
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        _: ChannelId,
        cols: u32,
        rows: u32,
        _: u32,
        _: u32,
        _: &mut Session,
    ) -> Result<()> {
        let (cols, rows) = self.clamp(cols, rows);
        match &self.visitor {
            Some((sender, shared)) => {
                shared.set_size(cols, rows);
                let _ = sender.try_send(Event::Resize);
            }
            None if self.terminal.size.is_some() => self.terminal.size = Some((cols, rows)),
            None => {}
        }
        Ok(())
    }

    async fn channel_eof(&mut self, _: ChannelId, _: &mut Session) -> Result<()> {
        self.leave();
        Ok(())
    }

    async fn channel_close(&mut self, _: ChannelId, _: &mut Session) -> Result<()> {
        self.leave();
        Ok(())
    }
}

impl Drop for Handler {
    fn drop(&mut self) {
        self.leave();
    }
}
