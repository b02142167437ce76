//! The conventions around the reader, through the real binary: the config
//! file (`diptych config`, bad files as one line naming file and key),
//! completions and the man page from the clap definitions, and
//! `git difftool -x diptych`, which runs without a terminal here and so
//! prints the aligned pair instead of opening the reader.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A temporary directory removed on drop, even when the test fails.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("diptych-conf-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("dir");
        }
        std::fs::write(&path, text).expect("write");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs diptych without a terminal and with `XDG_CONFIG_HOME` at `xdg`.
fn diptych(args: &[&str], xdg: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diptych"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", xdg)
        .stdin(Stdio::null())
        .output()
        .expect("diptych runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn config_reports_its_path_and_the_default_file_is_valid() {
    let dir = TempDir::new("path");
    let out = diptych(&["config"], &dir.0);
    assert!(out.status.success());
    let expected = dir.0.join("diptych").join("config.toml");
    assert_eq!(
        text(&out.stdout).trim(),
        format!("{}: not present, using the defaults", expected.display())
    );
    let default = diptych(&["config", "--default"], &dir.0);
    assert!(default.status.success());
    let written = dir.write("diptych/config.toml", &text(&default.stdout));
    let out = diptych(&["config"], &dir.0);
    assert_eq!(
        text(&out.stdout).trim(),
        format!("{}: valid", written.display())
    );
}

#[test]
fn a_bad_config_file_is_one_line_naming_file_and_key() {
    let dir = TempDir::new("bad");
    let file = dir.write("bad.toml", "theme = \"dark\"\n[keys]\nnext = \"Ctlr-x\"\n");
    let shown = file.display().to_string();
    for args in [vec!["--config", &shown, "config"], vec!["--config", &shown]] {
        let out = diptych(&args, &dir.0);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = text(&out.stderr);
        assert_eq!(
            stderr,
            format!("diptych: {shown}: keys.next: unknown key \"Ctlr-x\"\n"),
            "{args:?}"
        );
    }
    // The XDG file is read without --config.
    dir.write("diptych/config.toml", "theme = \"sepia\"\n");
    let out = diptych(&["config"], &dir.0);
    assert!(text(&out.stderr).contains("config.toml: theme: unknown theme \"sepia\""));
}

#[test]
fn a_config_that_is_no_file_or_too_big_is_refused_without_reading_it() {
    let dir = TempDir::new("odd");
    // Two-byte characters only: the limit plus one (an odd count of
    // bytes) falls inside one.
    let big = dir.write("big.toml", &"é".repeat(600_000));
    let as_dir = dir.0.join("diptych").join("config.toml");
    std::fs::create_dir_all(&as_dir).expect("dir");
    let big_shown = big.display().to_string();
    for (args, says) in [
        (
            vec!["--config", "/dev/zero", "config"],
            "/dev/zero: not a config file",
        ),
        (
            vec!["--config", &big_shown, "config"],
            "larger than 1048576 bytes",
        ),
        (vec!["config"], "config.toml: not a config file"),
    ] {
        let out = diptych(&args, &dir.0);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
}

/// Output the program makes itself fails cleanly when it cannot be
/// written: an error line and exit 1, never a panic or a silent 0.
#[test]
fn generated_output_to_a_full_or_closed_stdout_is_an_error() {
    let dir = TempDir::new("full");
    for args in [
        vec!["config"],
        vec!["config", "--default"],
        vec!["completions", "bash"],
        vec!["man"],
    ] {
        if let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") {
            let out = Command::new(env!("CARGO_BIN_EXE_diptych"))
                .args(&args)
                .env("XDG_CONFIG_HOME", &dir.0)
                .stdout(full)
                .output()
                .expect("diptych runs");
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            let stderr = text(&out.stderr);
            assert!(stderr.contains("No space left"), "{args:?}: {stderr}");
            assert!(!stderr.contains("panicked"), "{stderr}");
        }
    }
}

#[test]
fn completions_and_man_page_come_from_the_clap_definitions() {
    let dir = TempDir::new("docs");
    for shell in ["bash", "zsh", "fish"] {
        let out = diptych(&["completions", shell], &dir.0);
        assert!(out.status.success(), "{shell}");
        let script = text(&out.stdout);
        for word in ["align", "facts", "report", "theme", "high-contrast"] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    let out = diptych(&["completions", "tcsh"], &dir.0);
    assert_eq!(out.status.code(), Some(2), "clap rejects an unknown shell");
    let man = text(&diptych(&["man"], &dir.0).stdout);
    assert!(man.starts_with(".ie"), "{man}");
    assert!(man.contains(".TH diptych 1"));
    assert!(man.contains("\\-\\-config"));
}

#[test]
fn without_a_terminal_two_articles_print_aligned_and_more_is_an_error() {
    let dir = TempDir::new("tty");
    let a = dir.write(
        "a.txt",
        "The bridge closes on Monday.\n\nTraffic moves to the ferry.\n",
    );
    let b = dir.write(
        "b.txt",
        "The bridge closes on Tuesday.\n\nTraffic moves to the ferry.\n",
    );
    let (a, b) = (a.display().to_string(), b.display().to_string());
    let out = diptych(&[&a, &b], &dir.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let printed = text(&out.stdout);
    assert!(
        printed.contains("L │ The bridge closes on [-Monday-]."),
        "{printed}"
    );
    assert!(
        printed.contains("R │ The bridge closes on {+Tuesday+}."),
        "{printed}"
    );
    let out = diptych(&[&a, &b, &a], &dir.0);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("diptych: the reader needs a terminal"));
}

#[test]
fn git_difftool_runs_diptych_on_both_versions() {
    let git_found = Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        git_found,
        "git is not installed: this test runs `git difftool -x diptych`"
    );
    let dir = TempDir::new("git");
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
            .args(args)
            .current_dir(&dir.0)
            .env("NO_COLOR", "1")
            .env("XDG_CONFIG_HOME", &dir.0)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", &dir.0)
            .stdin(Stdio::null())
            .output()
            .expect("git runs");
        assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
        text(&out.stdout)
    };
    git(&["init", "-q"]);
    dir.write(
        "story.txt",
        "The bridge closes on Monday.\n\nTraffic moves to the ferry.\n",
    );
    git(&["add", "story.txt"]);
    git(&["commit", "-qm", "first"]);
    dir.write(
        "story.txt",
        "The bridge closes on Tuesday.\n\nTraffic moves to the ferry.\n",
    );
    let printed = git(&["difftool", "-y", "-x", env!("CARGO_BIN_EXE_diptych")]);
    assert!(printed.contains("right: story (story.txt)"), "{printed}");
    assert!(
        printed.contains("L │ The bridge closes on [-Monday-]."),
        "{printed}"
    );
    assert!(
        printed.contains("R │ The bridge closes on {+Tuesday+}."),
        "{printed}"
    );
    assert!(printed.contains("similarity 100%"), "{printed}");
}
