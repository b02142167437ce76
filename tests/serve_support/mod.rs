//! Shared by the serve tests and the load bench: a server on a random
//! loopback port inside a private runtime, and a russh client that feeds
//! what it receives to a `vt100` screen.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use diptych::app::SharedCorpus;
use diptych::article::demo::DEMO_CORPUS;
use diptych::article::parse_article;
use diptych::serve::{AuthPolicy, Limits, PrivateKey, ReaderSetup, ServeConfig, serve};
use russh::client::{self, AuthResult};
use russh::keys::{Algorithm, PrivateKeyWithHashAlg};
use russh::{ChannelMsg, keys};
use tokio::sync::oneshot;

pub const TIMEOUT: Duration = Duration::from_secs(30);

pub fn demo_corpus() -> SharedCorpus {
    SharedCorpus::new(
        DEMO_CORPUS
            .iter()
            .map(|(name, text)| parse_article(name, name, text))
            .collect(),
    )
}

pub fn new_key() -> PrivateKey {
    PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).expect("ed25519 key")
}

/// A server on 127.0.0.1:random; stops when dropped.
pub struct TestServer {
    pub addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
}

impl TestServer {
    /// Must be called inside a tokio runtime.
    pub async fn start(auth: AuthPolicy, limits: Limits) -> Self {
        Self::start_with(auth, limits, ReaderSetup::default()).await
    }

    /// A server whose visitors' readers are set up by `reader`.
    pub async fn start_with(auth: AuthPolicy, limits: Limits, reader: ReaderSetup) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        let config = ServeConfig {
            host_key: new_key(),
            auth,
            limits,
            reader,
            log: false,
        };
        let (stop, stopped) = oneshot::channel();
        tokio::spawn(serve(listener, demo_corpus(), config, async {
            let _ = stopped.await;
        }));
        TestServer {
            addr,
            stop: Some(stop),
        }
    }

    /// Asks the server to shut down (visitors get the goodbye).
    pub fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Trusts any host key: the test made it.
pub struct Trusting;

impl client::Handler for Trusting {
    type Error = russh::Error;
    async fn check_server_key(
        &mut self,
        _: &keys::PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// Connects and authenticates with `key` (or "none" without one).
pub async fn connect(
    addr: SocketAddr,
    key: Option<&PrivateKey>,
) -> (client::Handle<Trusting>, AuthResult) {
    let config = Arc::new(client::Config {
        nodelay: true,
        ..client::Config::default()
    });
    let mut handle = client::connect(config, addr, Trusting)
        .await
        .expect("ssh connect");
    let result = match key {
        Some(key) => handle
            .authenticate_publickey(
                "visitor",
                PrivateKeyWithHashAlg::new(Arc::new(key.clone()), None),
            )
            .await
            .expect("auth exchange"),
        None => handle
            .authenticate_none("visitor")
            .await
            .expect("auth exchange"),
    };
    (handle, result)
}

/// A visitor with a PTY and the reader running, its screen emulated.
pub struct Visitor {
    pub handle: client::Handle<Trusting>,
    pub channel: russh::Channel<client::Msg>,
    pub screen: vt100::Parser,
    pub exit_status: Option<u32>,
    pub closed: bool,
    pub received: usize,
}

impl Visitor {
    /// Connects with "none" auth (the server must be open), asks for a
    /// `cols`×`rows` xterm-256color PTY and the shell.
    pub async fn open(addr: SocketAddr, cols: u16, rows: u16) -> Self {
        let (handle, result) = connect(addr, None).await;
        assert!(result.success(), "open server lets visitors in");
        Self::start(handle, cols, rows).await
    }

    pub async fn start(handle: client::Handle<Trusting>, cols: u16, rows: u16) -> Self {
        Self::start_with_env(handle, cols, rows, &[]).await
    }

    /// As [`Visitor::start`], sending `env` (name, value) as env requests
    /// first, as `ssh -o SendEnv=…` does.
    pub async fn start_with_env(
        handle: client::Handle<Trusting>,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Self {
        let channel = handle.channel_open_session().await.expect("session");
        for (name, value) in env {
            channel.set_env(false, *name, *value).await.expect("env");
        }
        channel
            .request_pty(false, "xterm-256color", cols.into(), rows.into(), 0, 0, &[])
            .await
            .expect("pty");
        channel.request_shell(false).await.expect("shell");
        Visitor {
            handle,
            channel,
            screen: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            exit_status: None,
            closed: false,
            received: 0,
        }
    }

    pub async fn send(&self, bytes: &[u8]) {
        self.channel.data(bytes).await.expect("send keys");
    }

    /// Asks the server for `cols`×`rows`; the emulated screen follows up
    /// to the server's clamp (400×150).
    pub async fn resize(&mut self, cols: u16, rows: u16) {
        let (shown_cols, shown_rows) = (cols.min(400), rows.min(150));
        self.screen
            .screen_mut()
            .set_size(nonzero(shown_rows), nonzero(shown_cols));
        self.channel
            .window_change(cols.into(), rows.into(), 0, 0)
            .await
            .expect("window change");
    }

    pub fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// Shows bytes the server sent on the emulated screen.
    pub fn take_data(&mut self, data: &[u8]) {
        self.received += data.len();
        self.screen.process(data);
    }

    /// Applies one message; false when the channel has ended.
    pub fn apply(&mut self, message: Option<ChannelMsg>) -> bool {
        match message {
            Some(ChannelMsg::Data { data }) => self.take_data(&data),
            Some(ChannelMsg::ExitStatus { exit_status }) => self.exit_status = Some(exit_status),
            Some(ChannelMsg::Close) | None => {
                self.closed = true;
                return false;
            }
            Some(_) => {}
        }
        true
    }

    /// Reads until `done` holds for the screen and returns the screen;
    /// panics with the screen, saying what never came (`what`), after
    /// [`TIMEOUT`] or when the channel ends first.
    async fn wait_until(&mut self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let screen = self.text();
            if done(&screen) {
                return screen;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(!left.is_zero() && !self.closed, "{what}; screen:\n{screen}");
            if let Ok(message) = tokio::time::timeout(left, self.channel.wait()).await {
                self.apply(message);
            }
        }
    }

    /// Reads until the screen shows `a` or `b`; returns which, or panics
    /// with the screen after [`TIMEOUT`].
    pub async fn wait_for_either<'t>(&mut self, a: &'t str, b: &'t str) -> &'t str {
        let what = format!("never saw {a:?} or {b:?}");
        let screen = self
            .wait_until(&what, |screen| screen.contains(a) || screen.contains(b))
            .await;
        if screen.contains(a) { a } else { b }
    }

    /// Reads until the screen shows `text`; panics with the screen after
    /// [`TIMEOUT`].
    pub async fn wait_for(&mut self, text: &str) -> String {
        let what = format!("never saw {text:?}");
        self.wait_until(&what, |screen| screen.contains(text)).await
    }

    /// Reads until the screen no longer shows `text`.
    pub async fn wait_gone(&mut self, text: &str) -> String {
        let what = format!("{text:?} stayed");
        self.wait_until(&what, |screen| !screen.contains(text))
            .await
    }

    /// Reads one data message (a frame or part of one).
    pub async fn next_data(&mut self) -> bool {
        loop {
            let message = self.channel.wait().await;
            let is_data = matches!(message, Some(ChannelMsg::Data { .. }));
            if !self.apply(message) {
                return false;
            }
            if is_data {
                return true;
            }
        }
    }

    /// Reads until the channel closes; the exit status if one came.
    pub async fn wait_closed(&mut self) -> Option<u32> {
        let deadline = Instant::now() + TIMEOUT;
        while !self.closed {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "channel never closed; screen:\n{}",
                self.text()
            );
            if let Ok(message) = tokio::time::timeout(left, self.channel.wait()).await {
                self.apply(message);
            }
        }
        self.exit_status
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN)
}

pub fn open_limits() -> Limits {
    Limits {
        max_per_address: 128,
        max_sessions: 128,
        ..Limits::default()
    }
}

pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime")
}
