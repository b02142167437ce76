//! Hostile inputs against the real binary: output files that could be
//! redirected or are special, strings that would act on a terminal, inputs
//! without end, and the smaller edges (closed streams, `- -`, odd names).
//! The signals sent to the reader are in `hostile_signals.rs` (tmux).

use std::io::{Read, Write};
use std::net::TcpListener;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use diptych::app::{Action, App};
use diptych::article::{LoadOptions, load_inputs_with};
use diptych::ui::{ColorMode, Theme, render};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const BIN: &str = env!("CARGO_BIN_EXE_diptych");
const LEFT: &str = "The harbour bridge will close for a year from March, the city council said on Tuesday.\n\nRepairs to the steel frame will cost 40 million euros, according to the council.\n\nFerries will run every ten minutes during the closure.\n";
const RIGHT: &str = "The city council said on Tuesday that the harbour bridge will close for a year from March.\n\nThe repairs will cost 40 million euros, the council said.\n\nShops near the bridge fear fewer customers.\n";
const WAIT: Duration = Duration::from_secs(20);
static DIRS: AtomicUsize = AtomicUsize::new(0);

/// A scratch directory, removed when dropped (also when a test fails).
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Self {
        let n = DIRS.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("diptych-hostile-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        Scratch(dir)
    }

    fn path(&self, name: impl AsRef<Path>) -> PathBuf {
        self.0.join(name)
    }

    fn write(&self, name: impl AsRef<Path>, text: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).expect("write fixture");
        path
    }

    /// The pair every test compares: `a.txt` and `b.txt`.
    fn pair(&self) -> (PathBuf, PathBuf) {
        (self.write("a.txt", LEFT), self.write("b.txt", RIGHT))
    }

    fn temp_files(&self) -> Vec<String> {
        std::fs::read_dir(&self.0)
            .expect("list scratch")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn diptych(dir: &Scratch, args: &[&std::ffi::OsStr]) -> Command {
    let mut command = Command::new(BIN);
    command
        .current_dir(&dir.0)
        .args(args)
        .env_remove("NO_COLOR");
    command
}

fn run(dir: &Scratch, args: &[&str]) -> Output {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
    diptych(dir, &args)
        .stdin(Stdio::null())
        .output()
        .expect("diptych runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Nothing in `bytes` that a terminal would act on: no C0/C1 control but
/// the newline, no DEL, no bidi or invisible format character.
fn terminal_safe(bytes: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(bytes);
    match text
        .char_indices()
        .find(|(_, c)| *c != '\n' && diptych::article::sanitize::acts_on_terminal(*c))
    {
        Some((at, c)) => Err(format!(
            "{c:?} at byte {at} survives: …{}…",
            text.get(at.saturating_sub(40)..(at + 40).min(text.len()))
                .unwrap_or("")
        )),
        None => Ok(()),
    }
}

fn assert_safe(what: &str, bytes: &[u8]) {
    if let Err(problem) = terminal_safe(bytes) {
        panic!("{what}: {problem}");
    }
}

// 1. Safe writes ---------------------------------------------------------

#[test]
fn a_symlink_planted_at_the_old_temporary_name_is_never_followed() {
    let dir = Scratch::new();
    dir.pair();
    let victim = dir.write("victim", "precious\n");
    // `exec` keeps the shell's pid, so the link sits exactly where the old
    // predictable name `.out.md.diptych-PID.tmp` would have been.
    let script = format!(
        "ln -s '{}' .out.md.diptych-$$.tmp && exec '{BIN}' report a.txt b.txt -o out.md",
        victim.display()
    );
    let out = Command::new("sh")
        .current_dir(&dir.0)
        .args(["-c", &script])
        .output()
        .expect("sh runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&victim).ok().as_deref(),
        Some("precious\n")
    );
    let report = std::fs::read_to_string(dir.path("out.md")).unwrap_or_default();
    assert!(report.starts_with("# diptych report"), "{report}");
}

#[test]
fn the_replaced_file_keeps_its_permission_bits() {
    let dir = Scratch::new();
    dir.pair();
    let out_md = dir.write("out.md", "old\n");
    std::fs::set_permissions(&out_md, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let out = run(&dir, &["report", "a.txt", "b.txt", "-o", "out.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mode = std::fs::metadata(&out_md)
        .expect("out.md")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(dir.temp_files().is_empty());
}

#[test]
fn a_refused_write_leaves_no_temporary_file() {
    let dir = Scratch::new();
    dir.pair();
    let out = run(&dir, &["report", "a.txt", "b.txt", "-o", "a.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("a.txt: is one of the input articles"));
    assert!(dir.temp_files().is_empty(), "{:?}", dir.temp_files());
    assert_eq!(
        std::fs::read_to_string(dir.path("a.txt")).ok().as_deref(),
        Some(LEFT)
    );
}

/// The temporary file exists while diptych waits for stdin; a signal then
/// must remove it and leave the old target alone.
#[test]
fn sigint_and_sigterm_remove_the_temporary_file() {
    for signal in ["INT", "TERM"] {
        let dir = Scratch::new();
        dir.pair();
        dir.write("out.md", "old\n");
        let mut child = Command::new(BIN)
            .current_dir(&dir.0)
            .args(["report", "-", "b.txt", "-o", "out.md"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("diptych runs");
        let start = Instant::now();
        while dir.temp_files().is_empty() {
            if start.elapsed() > WAIT {
                let _ = child.kill();
                let _ = child.wait();
                panic!("no temporary file appeared beside out.md");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let killed = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .is_ok_and(|s| s.success());
        let status = child.wait().expect("diptych ends");
        assert!(killed && !status.success(), "SIG{signal}: {status:?}");
        assert!(
            dir.temp_files().is_empty(),
            "SIG{signal}: {:?}",
            dir.temp_files()
        );
        assert_eq!(
            std::fs::read_to_string(dir.path("out.md")).ok().as_deref(),
            Some("old\n")
        );
    }
}

// 2. Special files are written in place -----------------------------------

#[test]
fn dev_null_stays_a_device() {
    let dir = Scratch::new();
    dir.pair();
    let out = run(&dir, &["report", "a.txt", "b.txt", "-o", "/dev/null"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let meta = std::fs::metadata("/dev/null").expect("/dev/null");
    assert!(meta.file_type().is_char_device());
}

#[test]
fn a_fifo_and_a_link_to_one_are_written_in_place() {
    for via_link in [false, true] {
        let dir = Scratch::new();
        dir.pair();
        let fifo = dir.path("pipe");
        let made = Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        // Like /dev/stdout: a symbolic link to the special file.
        let target = if via_link {
            std::os::unix::fs::symlink(&fifo, dir.path("link")).expect("symlink");
            "link"
        } else {
            "pipe"
        };
        // A non-blocking reader, so the writer can open the FIFO and a
        // regressed build (a rename) cannot hang the test.
        let mut reader = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(&fifo)
            .expect("open fifo");
        let out = run(&dir, &["report", "a.txt", "b.txt", "-o", target]);
        assert!(out.status.success(), "{}", stderr(&out));
        let mut got = Vec::new();
        let _ = reader.read_to_end(&mut got);
        assert!(
            got.starts_with(b"# diptych report"),
            "read {} bytes",
            got.len()
        );
        let kind = std::fs::metadata(&fifo).expect("fifo").file_type();
        assert!(kind.is_fifo(), "the FIFO was replaced");
        assert!(dir.temp_files().is_empty());
    }
}

#[test]
fn dash_output_is_stdout() {
    let dir = Scratch::new();
    dir.pair();
    let out = run(&dir, &["report", "a.txt", "b.txt", "-o", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.starts_with(b"# diptych report"));
    assert!(!dir.path("-").exists());
}

// 3. Strings from input never act on a terminal ---------------------------

const NASTY: &str =
    "\u{1b}]0;pwned\u{7}\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\u{9b}31m\u{202e}\u{200f}\u{e0041}";

#[test]
fn hostile_file_names_reach_no_output_or_message() {
    let dir = Scratch::new();
    let sub = dir.path("in");
    std::fs::create_dir_all(&sub).expect("dir");
    let evil_a = format!("{NASTY}a.txt");
    let evil_b = format!("{NASTY}b.txt");
    std::fs::write(sub.join(&evil_a), LEFT).expect("a");
    std::fs::write(
        sub.join(&evil_b),
        format!("{RIGHT}\nShops near the bridge fear fewer customers.\n"),
    )
    .expect("b");
    let a = format!("in/{evil_a}");
    let b = format!("in/{evil_b}");
    let runs: [Vec<&str>; 8] = [
        vec!["align", &a, &b],
        vec!["align", "--format", "json", &a, &b],
        vec!["facts", "in"],
        vec!["facts", "--format", "json", "in"],
        vec!["report", "in"],
        vec!["report", "--format", "html", "in"],
        vec!["report", "--format", "json", "in"],
        vec!["align", &a, "in/missing\u{1b}[2J.txt"],
    ];
    for args in &runs {
        let out = run(&dir, args);
        assert_safe(&format!("{args:?} stdout"), &out.stdout);
        assert_safe(&format!("{args:?} stderr"), &out.stderr);
    }
    let missing = run(&dir, &runs[7]);
    assert!(
        stderr(&missing).contains("in/missing.txt: no such file"),
        "{}",
        stderr(&missing)
    );
    // JSON keeps the exact path, escaped.
    let json = run(&dir, &runs[1]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(value["left"]["path"].as_str(), Some(a.as_str()));
}

#[test]
fn hostile_json_metadata_and_warnings_are_cleaned() {
    let dir = Scratch::new();
    dir.pair();
    let article = serde_json::json!({
        "source": format!("{NASTY}Wire"),
        "title": format!("Bridge{NASTY}"),
        "byline": NASTY,
        "url": format!("https://example.org/{NASTY}"),
        "body": RIGHT,
    });
    dir.write("feed.json", article.to_string());
    dir.write(format!("empty{NASTY}.txt"), "");
    for args in [
        vec!["align", "a.txt", "feed.json"],
        vec!["align", "--format", "json", "a.txt", "feed.json"],
        vec!["report", "a.txt", "feed.json"],
        vec!["report", "--format", "json", "a.txt", "feed.json"],
        vec!["facts", "a.txt", "feed.json"],
    ] {
        let out = run(&dir, &args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_safe(&format!("{args:?}"), &out.stdout);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Wire") || text.contains("Bridge"), "{text}");
    }
    let empty = format!("empty{NASTY}.txt");
    let out = run(&dir, &["facts", "a.txt", &empty]);
    assert!(stderr(&out).contains("warning"), "{}", stderr(&out));
    assert_safe("warning", &out.stderr);
}

#[test]
fn a_hostile_url_in_an_error_is_cleaned() {
    let dir = Scratch::new();
    dir.pair();
    let url = format!("http://127.0.0.1:1/{NASTY}");
    let out = run(&dir, &["align", &url, "a.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("diptych: http://127.0.0.1:1/"),
        "{}",
        stderr(&out)
    );
    assert_safe("error", &out.stderr);
    let bad = run(&dir, &["align", "--format", NASTY, "a.txt", "b.txt"]);
    assert_eq!(bad.status.code(), Some(2));
    assert_safe("clap error", &bad.stderr);
}

#[test]
fn invisible_characters_leave_the_text() {
    let dir = Scratch::new();
    dir.pair();
    let hidden = LEFT.replace("bridge", "bri\u{200e}d\u{ad}g\u{61c}e\u{3164}\u{e0062}");
    dir.write("hidden.txt", hidden);
    let out = run(&dir, &["align", "hidden.txt", "b.txt"]);
    assert_safe("align text", &out.stdout);
    assert!(String::from_utf8_lossy(&out.stdout).contains("harbour bridge will close"));
}

/// The articles table of the Markdown report keeps its six columns' pipes
/// whatever the names hold: `|`, newlines, `~`, leading `- ` and `#`.
#[test]
fn markdown_structure_survives_hostile_names() {
    let dir = Scratch::new();
    dir.pair();
    let article = serde_json::json!({
        "source": "- a | b\n# not a heading ~~struck~~",
        "title": "# Title | with\npipes",
        "body": RIGHT,
    });
    dir.write("feed.json", article.to_string());
    let out = run(&dir, &["report", "a.txt", "feed.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = String::from_utf8_lossy(&out.stdout);
    let row = md
        .lines()
        .find(|l| l.starts_with("| 2 |"))
        .unwrap_or_else(|| panic!("no row for article 2:\n{md}"));
    let cells = row.replace("\\|", "").matches('|').count();
    assert_eq!(cells, 6, "{row}");
    assert!(row.contains("\\~\\~struck\\~\\~"), "{row}");
    assert!(
        !md.lines().any(|l| l.starts_with("# not a heading")),
        "{md}"
    );
}

// 4. Bounded input ---------------------------------------------------------

#[test]
fn endless_and_binary_inputs_end_with_one_line() {
    let dir = Scratch::new();
    dir.pair();
    for (input, expected) in [
        (
            "/dev/zero",
            "/dev/zero: binary file (NUL byte at offset 0), not text",
        ),
        ("/dev/urandom", "/dev/urandom: binary file"),
    ] {
        let out = run(&dir, &["align", input, "a.txt"]);
        assert_eq!(out.status.code(), Some(2), "{input}");
        assert!(
            stderr(&out).starts_with(&format!("diptych: {expected}")),
            "{}",
            stderr(&out)
        );
        assert_eq!(stderr(&out).lines().count(), 1);
    }
}

#[test]
fn endless_stdin_stops_at_the_size_bound() {
    let dir = Scratch::new();
    dir.pair();
    let mut child = Command::new(BIN)
        .current_dir(&dir.0)
        .args(["--max-input-size", "2M", "align", "-", "a.txt"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("diptych runs");
    let mut stdin = child.stdin.take().expect("stdin");
    // `yes`: writes until diptych stops reading and the pipe breaks.
    let feeder = std::thread::spawn(move || {
        let line = b"y\n".repeat(4096);
        while stdin.write_all(&line).is_ok() {}
    });
    let out = child.wait_with_output().expect("diptych ends");
    let _ = feeder.join();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "diptych: <stdin>: larger than the 2 MB limit per input (--max-input-size raises it)\n"
    );
}

#[test]
fn the_size_bound_applies_to_files_and_stops_at_one_gigabyte() {
    let dir = Scratch::new();
    dir.pair();
    for (refused, says, allowed) in [
        ("100", "a.txt: larger than the 100 bytes limit", "1K"),
        // Past 1G the engine's 32-bit positions would not hold a text.
        (
            "5G",
            "\"5G\" is more than diptych reads from one input (at most 1G)",
            "1G",
        ),
    ] {
        let out = run(
            &dir,
            &["align", "--max-input-size", refused, "a.txt", "b.txt"],
        );
        assert_eq!(out.status.code(), Some(2), "{refused}");
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
        let ok = run(
            &dir,
            &["align", "--max-input-size", allowed, "a.txt", "b.txt"],
        );
        assert!(ok.status.success(), "{allowed}: {}", stderr(&ok));
    }
}

// 6. Smaller ones -----------------------------------------------------------

#[test]
fn a_non_utf8_file_name_on_the_command_line_says_to_give_its_directory() {
    let dir = Scratch::new();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(dir.path("x").with_file_name(name), LEFT).expect("latin-1 name");
    let out = diptych(&dir, &[std::ffi::OsStr::new("align"), name, name])
        .stdin(Stdio::null())
        .output()
        .expect("diptych runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "diptych: caf\u{fffd}.txt: a name that is not UTF-8 cannot be given on the command \
         line; give its directory instead\n"
    );
}

#[test]
fn a_non_utf8_file_name_in_a_directory_is_read() {
    let dir = Scratch::new();
    let sub = dir.path("in");
    std::fs::create_dir_all(&sub).expect("dir");
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(sub.join(name), LEFT).expect("latin-1 name");
    std::fs::write(sub.join("b.txt"), RIGHT).expect("b");
    let out = run(&dir, &["facts", "--format", "json", "in"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        value["articles"][1].as_str(),
        Some("caf\u{fffd}.txt"),
        "{value}"
    );
}

#[test]
fn stdin_for_both_sides_is_refused() {
    let dir = Scratch::new();
    let out = diptych(&dir, &["align".as_ref(), "-".as_ref(), "-".as_ref()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            if let Some(mut stdin) = child.stdin.take() {
                let _ = stdin.write_all(LEFT.as_bytes());
            }
            child.wait_with_output()
        })
        .expect("diptych runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("stdin can be read only once"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn closed_stdout_and_stdin_are_errors() {
    let dir = Scratch::new();
    dir.pair();
    let closed_out = format!("'{BIN}' align a.txt b.txt >&-");
    let closed_in = format!("'{BIN}' align - b.txt <&-");
    let null_out = format!("'{BIN}' align a.txt b.txt >/dev/null");
    for (script, code, message) in [
        (closed_out.as_str(), Some(1), "stdout is closed"),
        (closed_in.as_str(), Some(2), "-: stdin is closed"),
        (null_out.as_str(), Some(0), ""),
    ] {
        let out = Command::new("sh")
            .current_dir(&dir.0)
            .args(["-c", script])
            .output()
            .expect("sh runs");
        assert_eq!(out.status.code(), code, "{script}: {}", stderr(&out));
        assert!(stderr(&out).contains(message), "{script}: {}", stderr(&out));
    }
}

#[test]
fn report_refuses_to_overwrite_the_file_on_its_stdin() {
    let dir = Scratch::new();
    dir.pair();
    let stdin = std::fs::File::open(dir.path("a.txt")).expect("a.txt");
    let args: Vec<&std::ffi::OsStr> = ["report", "-", "b.txt", "-o", "a.txt"]
        .iter()
        .map(|a| a.as_ref())
        .collect();
    let out = diptych(&dir, &args)
        .stdin(stdin)
        .output()
        .expect("diptych runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("a.txt: is the file on stdin"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path("a.txt")).ok().as_deref(),
        Some(LEFT)
    );
}

#[test]
fn a_page_without_a_title_keeps_its_whole_host_name() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let server = std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let mut request = [0u8; 2048];
            let _ = stream.read(&mut request);
            let body = format!(
                "<html><body><article><p>{}</p><p>{}</p></article></body></html>",
                LEFT.replace('\n', " "),
                RIGHT.replace('\n', " ")
            );
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    let dir = Scratch::new();
    dir.pair();
    let url = format!("http://127.0.0.1:{port}/");
    let out = run(&dir, &["align", "--format", "json", &url, "a.txt"]);
    let _ = server.join();
    assert!(out.status.success(), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(value["left"]["title"].as_str(), Some("127.0.0.1"));
}

// The property: random bytes with control sequences, every format --------

/// Pieces of hostile input: escape sequences of every family, C1 controls,
/// bidi and invisible characters, invalid UTF-8, Markdown structure.
fn hostile_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        3 => attack().prop_map(|s| s.as_bytes().to_vec()),
        2 => prop::sample::select(vec![
            "\n\n",
            "| ",
            "~~",
            "- ",
            "# ",
            "The bridge will close ",
            "repairs cost 40 million euros. ",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::collection::vec(any::<u8>(), 1..6),
    ];
    // Always at least one attack, wherever the rest puts it.
    (
        attack(),
        prop::collection::vec(piece, 0..30),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(first, rest, at)| {
            let mut pieces: Vec<Vec<u8>> = rest;
            let at = at.index(pieces.len() + 1);
            pieces.insert(at, first.as_bytes().to_vec());
            pieces.concat()
        })
}

/// Sequences that act on a terminal, one of each family.
fn attack() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "\u{1b}]0;title\u{7}",
        "\u{1b}]52;c;aGk=\u{1b}\\",
        "\u{1b}[2J",
        "\u{1b}[31m",
        "\u{1b}P1$r\u{1b}\\",
        "\u{1b}c",
        "\u{9b}2J",
        "\u{9d}0;x\u{9c}",
        "\u{7f}",
        "\u{8}\u{8}",
        "\r",
        "\u{202e}",
        "\u{2067}",
        "\u{200f}",
        "\u{61c}",
        "\u{ad}",
        "\u{e0041}",
        "\u{3164}",
    ])
}

/// A file name from hostile bytes: no `/` or NUL, not empty.
fn file_name(bytes: &[u8], suffix: &str) -> std::ffi::OsString {
    let mut name = b"f".to_vec(); // never an option
    name.extend(
        bytes
            .iter()
            .copied()
            .filter(|b| *b != b'/' && *b != 0)
            .take(60),
    );
    name.extend_from_slice(suffix.as_bytes());
    std::ffi::OsStr::from_bytes(&name).to_os_string()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn no_control_sequence_survives_any_output_format(
        body in hostile_bytes(),
        meta in hostile_bytes(),
        name in hostile_bytes(),
    ) {
        let dir = Scratch::new();
        let mut left = LEFT.as_bytes().to_vec();
        left.extend_from_slice(&body);
        let left_name = file_name(&name, ".txt");
        std::fs::write(dir.path(&left_name), &left).expect("left");
        let meta = String::from_utf8_lossy(&meta).into_owned();
        let article = serde_json::json!({
            "source": meta, "title": meta, "byline": meta, "url": meta,
            "body": format!("{RIGHT}\n\n{}", String::from_utf8_lossy(&body)),
        });
        dir.write("right.json", article.to_string());
        let left_arg = left_name.as_os_str();
        let right_arg: &std::ffi::OsStr = "right.json".as_ref();
        let runs: [&[&str]; 8] = [
            &["align"],
            &["align", "--format", "json"],
            &["align", "--granularity", "sentence"],
            &["facts"],
            &["facts", "--format", "json"],
            &["report"],
            &["report", "--format", "html"],
            &["report", "--format", "json"],
        ];
        for args in runs {
            let mut all: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
            all.extend([left_arg, right_arg]);
            let out = diptych(&dir, &all).stdin(Stdio::null()).output().expect("runs");
            prop_assert!(terminal_safe(&out.stdout).is_ok(), "{args:?} stdout: {:?}", terminal_safe(&out.stdout));
            prop_assert!(terminal_safe(&out.stderr).is_ok(), "{args:?} stderr: {:?}", terminal_safe(&out.stderr));
        }
        // The reader's screen, from the same inputs.
        let inputs = [
            dir.path(&left_name).to_string_lossy().into_owned(),
            dir.path("right.json").to_string_lossy().into_owned(),
        ];
        if let Ok(loaded) = load_inputs_with(&inputs, &mut std::io::empty(), &LoadOptions::default()) {
            let mut app = App::new(loaded.articles);
            app.update(Action::Resize(100, 30));
            let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("backend");
            let theme = Theme::new(ColorMode::Indexed256);
            terminal
                .draw(|frame| render(&app, &theme, frame.area(), frame.buffer_mut()))
                .expect("draw");
            let symbols: String = terminal.backend().buffer().content.iter().map(|c| c.symbol()).collect();
            prop_assert!(terminal_safe(symbols.as_bytes()).is_ok(), "reader: {:?}", terminal_safe(symbols.as_bytes()));
        }
    }
}

/// In a terminal `align` styles its marks with its own SGR codes; those
/// must be the only escape sequences, whatever the inputs' names hold.
#[test]
fn coloured_align_text_carries_only_its_own_escapes() {
    use diptych::align::{AlignOptions, align};
    use diptych::report::align_text::{Styling, render as render_text};
    let dir = Scratch::new();
    let left = dir.write(format!("{NASTY}left.txt"), format!("{NASTY}\n\n{LEFT}"));
    let article = serde_json::json!({"source": NASTY, "title": NASTY, "body": RIGHT});
    let right = dir.write("right.json", article.to_string());
    let inputs = [left, right].map(|p| p.to_string_lossy().into_owned());
    let loaded =
        load_inputs_with(&inputs, &mut std::io::empty(), &LoadOptions::default()).expect("loads");
    let [left, right] = [&loaded.articles[0], &loaded.articles[1]];
    let alignment = align(left, right, AlignOptions::default());
    let text = render_text(left, right, &alignment, Styling::Ansi);
    assert!(text.contains("\u{1b}[31;9m"), "marks are styled");
    let own = ["\u{1b}[31;9m", "\u{1b}[32;4m", "\u{1b}[2;3m", "\u{1b}[0m"];
    let rest = own.iter().fold(text, |t, code| t.replace(code, ""));
    assert_safe("styled align text", rest.as_bytes());
}
