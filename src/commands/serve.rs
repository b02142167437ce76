//! `diptych serve [PATHS…]`: the reader over SSH, one per visitor, over
//! one shared read-only corpus. Prints the host key's fingerprint and the
//! command to connect; Ctrl-C tells visitors and exits. Every visitor's
//! reader is set up by the server's config file (read once, here) and
//! `--theme`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use tokio::net::TcpListener;
use tokio::signal::unix::{SignalKind, signal};

use crate::cli::ServeArgs;
use crate::io::load;
use diptych::app::SharedCorpus;
use diptych::config;
use diptych::serve::{
    AuthPolicy, Limits, ReaderSetup, ServeConfig, default_host_key_path, fingerprint,
    load_authorized_keys, load_or_create_host_key, serve,
};
use diptych::ui::ThemeName;

pub fn run(args: ServeArgs, config_file: Option<&Path>, theme: Option<ThemeName>) -> Result<()> {
    let reader = ReaderSetup::from_config(config::load(config_file)?, theme);
    let articles = load(&args.paths)?;
    if articles.is_empty() {
        bail!("no articles to serve");
    }
    let auth = auth_policy(&args)?;
    let key_path = match &args.host_key {
        Some(path) => path.clone(),
        None => default_host_key_path()
            .context("no home or data directory for the host key; give --host-key FILE")?,
    };
    let (host_key, created) = load_or_create_host_key(&key_path)?;
    let limits = Limits {
        max_sessions: args.max_sessions.max(1),
        max_per_address: args.max_per_address.max(1),
        idle_timeout: args.idle_timeout.into(),
        ..Limits::default()
    };
    let print = fingerprint(host_key.public_key());
    let config = ServeConfig {
        host_key,
        auth,
        limits,
        reader,
        log: true,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async {
        let listener = TcpListener::bind(args.listen)
            .await
            .with_context(|| format!("listening on {}", args.listen))?;
        let address = listener.local_addr().unwrap_or(args.listen);
        announce(address, &key_path, created, &print, &config);
        let corpus = SharedCorpus::new(articles);
        serve(listener, corpus, config, stop_requested())
            .await
            .context("serving")
    })
}

/// Ctrl-C, or `kill` / a service manager's SIGTERM: either way visitors
/// are told before the server exits.
async fn stop_requested() {
    let mut term = signal(SignalKind::terminate()).ok();
    let term = async {
        match term.as_mut() {
            Some(term) => {
                let _ = term.recv().await;
            }
            None => std::future::pending().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = term => {}
    }
    eprintln!("diptych serve: shutting down, telling visitors");
}

fn auth_policy(args: &ServeArgs) -> Result<AuthPolicy> {
    if args.open {
        return Ok(AuthPolicy::Open);
    }
    let path = match &args.authorized_keys {
        Some(path) => path.clone(),
        None => std::env::var_os("HOME")
            .map(|home| PathBuf::from(home).join(".ssh/authorized_keys"))
            .context("no home directory: give --authorized-keys FILE or --open")?,
    };
    let (keys, skipped) = load_authorized_keys(&path)?;
    if skipped > 0 {
        eprintln!(
            "diptych: warning: {}: skipped {skipped} line(s) that are not public keys",
            path.display()
        );
    }
    Ok(AuthPolicy::Keys(keys))
}

fn announce(
    address: SocketAddr,
    key_path: &std::path::Path,
    created: bool,
    print: &str,
    config: &ServeConfig,
) {
    let made = if created { "new host key" } else { "host key" };
    eprintln!("diptych serve: listening on {address}");
    eprintln!("diptych serve: {made} {} ({print})", key_path.display());
    if config.auth.is_open() {
        eprintln!(
            "diptych serve: WARNING: --open lets anyone who can reach {address} in, without a key"
        );
    }
    let host = if address.ip().is_unspecified() {
        "HOST".to_string()
    } else {
        address.ip().to_string()
    };
    eprintln!(
        "diptych serve: connect with: ssh -t -p {} {host}",
        address.port()
    );
    eprintln!("diptych serve: Ctrl-C stops the server");
}
