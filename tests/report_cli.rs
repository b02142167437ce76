//! The `facts` and `report` subcommands end to end: real binary, real
//! files, the promises about output files.

use std::path::PathBuf;
use std::process::{Command, Output};

use diptych::article::parse_article;
use diptych::corpus::Comparison;

fn diptych(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diptych"))
        .args(args)
        .output()
        .expect("run diptych")
}

/// A fresh directory for one test, removed when the test ends (also when
/// it fails: `Drop` runs while the panic unwinds).
struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.0
    }
}

impl AsRef<std::path::Path> for Scratch {
    fn as_ref(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("diptych-report-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    Scratch(dir)
}

#[test]
fn facts_json_works_without_paths() {
    let out = diptych(&["facts", "--format", "json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(json["facts"].as_array().is_some_and(|f| f.len() > 20));
}

#[test]
fn html_report_is_self_contained_and_written_atomically() {
    let dir = scratch("html");
    let target = dir.join("report.html");
    let out = diptych(&[
        "report",
        "--format",
        "html",
        "-o",
        target.to_str().expect("utf-8"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&target).expect("report written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<del>") && html.contains("<ins>") && html.contains("≠ discrepancy"));
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains(" src="));
    let leftovers = std::fs::read_dir(&dir).expect("dir").count();
    assert_eq!(leftovers, 1, "no temporary file left behind");
}

#[test]
fn refuses_to_overwrite_an_input() {
    let dir = scratch("input");
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    std::fs::write(&a, "Alpha met Bravo in Berlin on Monday.\n").expect("write");
    std::fs::write(&b, "Alpha met Bravo in Paris on Monday.\n").expect("write");
    let (a, b) = (a.to_str().expect("utf-8"), b.to_str().expect("utf-8"));
    let out = diptych(&["report", a, b, "-o", a]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("refusing to overwrite"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(a).expect("read"),
        "Alpha met Bravo in Berlin on Monday.\n"
    );
}

#[test]
fn refuses_to_overwrite_the_file_behind_an_array_entry() {
    let dir = scratch("array");
    let feed = dir.join("feed.json");
    let json = r#"[{"title": "A", "body": "Alpha met Bravo in Berlin on Monday."},
                  {"title": "B", "body": "Alpha met Bravo in Paris on Monday."}]"#;
    std::fs::write(&feed, json).expect("write");
    let feed_str = feed.to_str().expect("utf-8");
    let (first, second) = (format!("{feed_str}#1"), format!("{feed_str}#2"));
    let out = diptych(&["report", &first, &second, "-o", feed_str]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("refusing to overwrite"));
    assert_eq!(std::fs::read_to_string(&feed).expect("read"), json);
}

#[test]
fn pair_accepts_numbers_prefixes_and_reports_bad_ones() {
    let out = diptych(&["report", "--pair", "003", "1"]);
    assert!(out.status.success());
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        md.contains("## Pair: 003\\_6d3aa61ff06ef825.txt ⇄ 000\\_47682a1b1ced074d.txt"),
        "{}",
        &md[..200]
    );
    let out = diptych(&["report", "--pair", "9", "1"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("numbers run from 1 to 5"));
    let out = diptych(&["report", "--pair", "0", "1"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("names 5 articles"));
    let out = diptych(&["report", "--pair", "1", "1"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("same article twice"));
}

#[test]
fn a_number_that_is_also_a_file_name_prefix_is_ambiguous() {
    let dir = scratch("numbered");
    for (name, text) in [
        ("3rd.txt", "The third outlet wrote about the harbour."),
        ("a.txt", "The first outlet wrote about the harbour."),
        ("b.txt", "The second outlet wrote about the harbour."),
    ] {
        std::fs::write(dir.join(name), text).expect("write");
    }
    let path = dir.to_string_lossy().into_owned();
    // Article 3 is b.txt (load order), but "3" starts 3rd.txt's name.
    let out = diptych(&["report", &path, "--pair", "3", "a.txt"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("could be article 3 (b.txt) or 3rd.txt"),
        "{stderr}"
    );
    // A number no file name starts with is that article.
    let out = diptych(&["report", &path, "--pair", "1", "b.txt"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn default_pair_is_the_most_similar() {
    let out = diptych(&["report", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let best = &json["most_similar"];
    assert_eq!(json["pair"]["left"], best[0]);
    assert_eq!(json["pair"]["right"], best[1]);
}

#[test]
fn matrix_is_symmetric_and_coverage_follows_links() {
    let text = "Alpha Bravo met Charlie Delta in Berlin to talk about grain exports.\n\n\
                The weather in Berlin was cold and grey all week long.";
    let other = "Alpha Bravo met Charlie Delta in Berlin to talk about grain exports.\n\n\
                 A completely different closing remark about fishing boats in Norway.";
    let articles = vec![
        parse_article("a", "a", text),
        parse_article("b", "b", text),
        parse_article("c", "c", other),
    ];
    let comparison = Comparison::of(&articles);
    let m = &comparison.matrix;
    for a in 0..3 {
        assert_eq!(m.get(a, a), 1.0);
        for b in 0..3 {
            assert_eq!(m.get(a, b), m.get(b, a));
        }
    }
    assert_eq!(m.get(0, 1), 1.0);
    assert_eq!(m.most_similar(), Some((0, 1)));
    assert_eq!(comparison.coverage.carriers(0, 0), [1, 2]);
    assert_eq!(comparison.coverage.carriers(0, 1), [1]);
    assert_eq!(comparison.coverage.unique(2), [1]);
    assert!(comparison.coverage.unique(0).is_empty());
}

#[cfg(unix)]
#[test]
fn a_directorys_unreachable_article_file_is_named_not_skipped_silently() {
    let dir = scratch("links");
    std::fs::write(dir.join("story.txt"), "One story paragraph, told once.").expect("write");
    std::os::unix::fs::symlink("loop.txt", dir.join("loop.txt")).expect("symlink");
    std::os::unix::fs::symlink("nowhere.txt", dir.join("dangling.txt")).expect("symlink");
    let path = dir.to_string_lossy().into_owned();
    let out = diptych(&["facts", &path]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    for name in ["loop.txt", "dangling.txt"] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(name) && l.ends_with("skipped")),
            "{stderr}"
        );
    }
    // With nothing else to read, the unreachable file is the error.
    std::fs::remove_file(dir.join("story.txt")).expect("remove");
    std::fs::remove_file(dir.join("dangling.txt")).expect("remove");
    let out = diptych(&["facts", &path]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("loop.txt: cannot read"), "{stderr}");
}
