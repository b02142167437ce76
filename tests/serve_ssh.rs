//! `diptych serve` in-process: a real russh client connects over loopback,
//! and what it receives is fed to a terminal emulator (`vt100`) and read
//! as a visitor would see it.

#![cfg(feature = "serve")]

mod serve_support;

use std::collections::BTreeSet;

use diptych::serve::{AuthPolicy, ReaderSetup};
use russh::ChannelMsg;
use serve_support::{TIMEOUT, TestServer, Visitor, connect, new_key, open_limits, runtime};

#[test]
fn first_frame_shows_the_demo_and_keys_act_as_in_the_local_reader() {
    runtime().block_on(async {
        let server = TestServer::start(AuthPolicy::Open, open_limits()).await;
        let mut visitor = Visitor::open(server.addr, 160, 45).await;
        let screen = visitor.wait_for("similar").await;
        assert!(screen.contains("Articles (5)"), "{screen}");
        assert!(
            screen.contains("L 1: Media: U.S. Ready to Provide Ukraine"),
            "{screen}"
        );

        visitor.send(b"jjjjjjj").await;
        visitor.wait_for("L ¶4/35").await;
        visitor.send(b"G").await;
        visitor.wait_for("· 100% ·").await;
        visitor.send(b"g").await;
        let screen = visitor.wait_for("· 0% ·").await;
        // `n` jumps to the next difference: the status line changes.
        let status = screen.lines().rev().nth(1).unwrap_or_default().to_string();
        visitor.send(b"n").await;
        visitor.wait_gone(&status).await;

        visitor.send(b"]").await;
        visitor.wait_for(" 1 ⇄ 3 ").await;
        visitor.send(b"/witkoff\r").await;
        // The search runs as a job: wait for its answer, not its progress.
        visitor.wait_for("match 1 of 3 for “witkoff”").await;

        visitor.send(b"\x1b").await;
        visitor.wait_for("search cleared").await;
        visitor.send(b"q").await;
        assert_eq!(visitor.wait_closed().await, Some(0));
        drop(server);
    });
}

#[test]
fn window_change_redraws_at_the_new_size() {
    runtime().block_on(async {
        let server = TestServer::start(AuthPolicy::Open, open_limits()).await;
        let mut visitor = Visitor::open(server.addr, 160, 45).await;
        visitor.wait_for("similar").await;
        visitor.resize(12, 4).await;
        visitor.wait_for("too small").await;
        visitor.resize(90, 30).await;
        visitor.wait_gone("too small").await;
        let screen = visitor.wait_for("Articles (5)").await;
        assert!(screen.lines().all(|l| l.chars().count() <= 90), "{screen}");
        // An absurd size is clamped, not allocated.
        visitor.resize(65535, 65535).await;
        visitor.send(b"q").await;
        assert_eq!(visitor.wait_closed().await, Some(0));
    });
}

/// Reads until the server answers a channel request.
async fn reply(channel: &mut russh::Channel<russh::client::Msg>) -> ChannelMsg {
    loop {
        let message = tokio::time::timeout(TIMEOUT, channel.wait())
            .await
            .expect("the server answers")
            .expect("channel open");
        if matches!(message, ChannelMsg::Success | ChannelMsg::Failure) {
            return message;
        }
    }
}

#[test]
fn exec_sftp_forwarding_and_shell_without_pty_are_refused() {
    runtime().block_on(async {
        let server = TestServer::start(AuthPolicy::Open, open_limits()).await;
        let (handle, auth) = connect(server.addr, None).await;
        assert!(auth.success());

        let mut channel = handle.channel_open_session().await.expect("session");
        channel
            .exec(true, "cat /etc/passwd")
            .await
            .expect("send exec");
        assert!(matches!(reply(&mut channel).await, ChannelMsg::Failure));
        channel
            .request_subsystem(true, "sftp")
            .await
            .expect("send subsystem");
        assert!(matches!(reply(&mut channel).await, ChannelMsg::Failure));

        assert!(handle.tcpip_forward("127.0.0.1", 0).await.is_err());
        let direct = handle
            .channel_open_direct_tcpip("127.0.0.1", 22, "127.0.0.1", 4000)
            .await;
        assert!(direct.is_err(), "local forwarding must be refused");
        assert!(
            handle.channel_open_session().await.is_err(),
            "one session channel per connection"
        );

        // A shell without a PTY gets one line about `ssh -t`, then closes.
        channel.request_shell(true).await.expect("send shell");
        let mut text = Vec::new();
        let mut status = None;
        while let Ok(Some(message)) = tokio::time::timeout(TIMEOUT, channel.wait()).await {
            match message {
                ChannelMsg::Data { data } => text.extend_from_slice(&data),
                ChannelMsg::ExitStatus { exit_status } => status = Some(exit_status),
                ChannelMsg::Close => break,
                _ => {}
            }
        }
        let text = String::from_utf8_lossy(&text);
        assert!(text.contains("ssh -t"), "{text}");
        assert_eq!(status, Some(1));
    });
}

#[test]
fn only_authorized_keys_get_in_unless_open() {
    runtime().block_on(async {
        let (known, stranger) = (new_key(), new_key());
        let policy = AuthPolicy::Keys(vec![known.public_key().clone()]);
        let server = TestServer::start(policy, open_limits()).await;
        assert!(!connect(server.addr, Some(&stranger)).await.1.success());
        assert!(!connect(server.addr, None).await.1.success());
        let (handle, auth) = connect(server.addr, Some(&known)).await;
        assert!(auth.success());
        let mut visitor = Visitor::start(handle, 100, 30).await;
        visitor.wait_for("Articles (5)").await;

        let open = TestServer::start(AuthPolicy::Open, open_limits()).await;
        assert!(connect(open.addr, Some(&stranger)).await.1.success());
        assert!(connect(open.addr, None).await.1.success());
    });
}

#[test]
fn a_visitor_who_stops_reading_does_not_stall_others_and_catches_up() {
    runtime().block_on(async {
        let server = TestServer::start(AuthPolicy::Open, open_limits()).await;
        let mut stalled = Visitor::open(server.addr, 160, 45).await;
        stalled.wait_for("similar").await;
        // Many keys, nothing read: the server must skip frames, not queue them.
        for _ in 0..200 {
            stalled.send(b"jjjjjkkkkk").await;
        }
        stalled.send(b"G").await;

        let mut other = Visitor::open(server.addr, 120, 40).await;
        other.wait_for("similar").await;
        other.send(b"G").await;
        other.wait_for("· 100% ·").await;

        // Reading again, the stalled visitor sees the latest state.
        stalled.wait_for("· 100% ·").await;
        stalled.send(b"q").await;
        assert_eq!(stalled.wait_closed().await, Some(0));
    });
}

#[test]
fn random_bytes_as_input_never_break_the_server() {
    runtime().block_on(async {
        let server = TestServer::start(AuthPolicy::Open, open_limits()).await;
        let mut visitor = Visitor::open(server.addr, 100, 30).await;
        visitor.wait_for("similar").await;
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for round in 0..200 {
            let mut chunk = Vec::new();
            for _ in 0..(round % 37 + 1) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let byte = (state >> 24) as u8;
                // Keep the visit going: no quit keys.
                if !matches!(byte, b'q' | 0x03) {
                    chunk.push(byte);
                }
            }
            visitor.send(&chunk).await;
        }
        // Close whatever overlay the noise opened, then quit normally:
        // a reader that had panicked would not answer with status 0.
        for _ in 0..4 {
            visitor.send(b"\x1b").await;
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        visitor.send(b"\x03").await;
        assert_eq!(visitor.wait_closed().await, Some(0));

        let mut next = Visitor::open(server.addr, 100, 30).await;
        next.wait_for("Articles (5)").await;
    });
}

#[test]
fn stopping_the_server_says_goodbye_to_visitors() {
    runtime().block_on(async {
        let mut server = TestServer::start(AuthPolicy::Open, open_limits()).await;
        let mut visitor = Visitor::open(server.addr, 100, 30).await;
        visitor.wait_for("similar").await;
        server.stop();
        visitor.wait_closed().await;
        assert!(
            visitor.text().contains("server is shutting down"),
            "{}",
            visitor.text()
        );
    });
}

#[test]
fn an_idle_visitor_is_warned_then_disconnected() {
    runtime().block_on(async {
        let limits = diptych::serve::Limits {
            idle_timeout: std::time::Duration::from_secs(4),
            ..open_limits()
        };
        let server = TestServer::start(AuthPolicy::Open, limits).await;
        let mut visitor = Visitor::open(server.addr, 100, 30).await;
        visitor.wait_for("similar").await;
        visitor.wait_for("this session closes in").await;
        assert_eq!(visitor.wait_closed().await, Some(0));
        assert!(
            visitor.text().contains("closed after 4 s without a key"),
            "{}",
            visitor.text()
        );
    });
}

#[test]
fn a_visitor_without_a_place_is_told_why() {
    runtime().block_on(async {
        let per_address = diptych::serve::Limits {
            max_per_address: 1,
            ..open_limits()
        };
        let full = diptych::serve::Limits {
            max_sessions: 1,
            ..open_limits()
        };
        for (limits, why) in [
            (per_address, "1 session from your address already open"),
            (full, "the server is full (1 visitor at once)"),
        ] {
            let server = TestServer::start(AuthPolicy::Open, limits).await;
            let mut first = Visitor::open(server.addr, 100, 30).await;
            first.wait_for("similar").await;
            let mut second = Visitor::open(server.addr, 100, 30).await;
            second.wait_for(why).await;
            assert_eq!(second.wait_closed().await, Some(1));
            // The first visitor reads on, and once they leave the place is
            // free (as soon as the server has seen them go).
            first.send(b"j").await;
            first.send(b"q").await;
            assert_eq!(first.wait_closed().await, Some(0));
            drop(first);
            let mut tries = 0;
            let mut third = loop {
                let mut visitor = Visitor::open(server.addr, 100, 30).await;
                if visitor.wait_for_either("similar", why).await == "similar" {
                    break visitor;
                }
                assert_eq!(visitor.wait_closed().await, Some(1));
                tries += 1;
                assert!(tries < 100, "the first visitor's place never came back");
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            };
            third.send(b"q").await;
            assert_eq!(third.wait_closed().await, Some(0));
        }
    });
}

/// The colours (foreground and background) a screen shows, by name.
fn colours(visitor: &Visitor) -> BTreeSet<String> {
    let screen = visitor.screen.screen();
    let (rows, cols) = screen.size();
    let mut found = BTreeSet::new();
    for row in 0..rows.get() {
        for col in 0..cols.get() {
            if let Some(cell) = screen.cell(row, col) {
                for colour in [cell.fgcolor(), cell.bgcolor()] {
                    if colour != vt100::Color::Default {
                        found.insert(format!("{colour:?}"));
                    }
                }
            }
        }
    }
    found
}

fn reader_setup(config: &str) -> ReaderSetup {
    let config = diptych::config::parse(config, "config.toml").expect("a valid config");
    ReaderSetup::from_config(config, None)
}

#[test]
fn the_servers_config_file_sets_up_every_visitors_keys_and_theme() {
    runtime().block_on(async {
        let setup = reader_setup("theme = \"monochrome\"\n[keys]\ndown = \"x\"\nquit = \"Q\"\n");
        let server = TestServer::start_with(AuthPolicy::Open, open_limits(), setup).await;
        let mut visitor = Visitor::open(server.addr, 160, 45).await;
        visitor.wait_for("similar").await;
        assert_eq!(colours(&visitor), BTreeSet::new());
        // `q` is rebound away, so it no longer quits; `x` moves down.
        visitor.send(b"q").await;
        visitor.send(b"xxxxxxx").await;
        visitor.wait_for("L ¶4/35").await;
        visitor.send(b"Q").await;
        assert_eq!(visitor.wait_closed().await, Some(0));
    });
}

#[test]
fn a_configured_colour_theme_reaches_visitors_but_their_no_color_wins() {
    runtime().block_on(async {
        let default = TestServer::start(AuthPolicy::Open, open_limits()).await;
        let mut dark = Visitor::open(default.addr, 160, 45).await;
        dark.wait_for("similar").await;

        let light = TestServer::start_with(
            AuthPolicy::Open,
            open_limits(),
            reader_setup("theme = \"light\"\n"),
        )
        .await;
        let mut coloured = Visitor::open(light.addr, 160, 45).await;
        coloured.wait_for("similar").await;
        assert!(!colours(&coloured).is_empty());
        assert_ne!(colours(&coloured), colours(&dark), "light is not dark");

        let (handle, auth) = connect(light.addr, None).await;
        assert!(auth.success());
        let env = [("NO_COLOR", "1")];
        let mut plain = Visitor::start_with_env(handle, 160, 45, &env).await;
        plain.wait_for("similar").await;
        assert_eq!(colours(&plain), BTreeSet::new());
    });
}
