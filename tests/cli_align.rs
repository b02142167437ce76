//! `diptych align` through the real binary: the JSON contract, the text
//! output, and one clear line (with exit code 2) for every kind of bad
//! input.

mod binary;

use std::fs;
use std::path::PathBuf;
use std::process::Output;

use binary::run_diptych;

use serde_json::Value;

fn seed(name: &str) -> String {
    format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"))
}

const S000: &str = "000_47682a1b1ced074d.txt";
const S001: &str = "001_56c06cd4d7a87d44.txt";
const S004: &str = "004_4671dde41271b601.txt";

fn diptych(args: &[&str]) -> Output {
    diptych_with_stdin(args, "")
}

fn diptych_with_stdin(args: &[&str], stdin: &str) -> Output {
    run_diptych(args, stdin.as_bytes())
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn json_keeps_the_contract_fields() {
    let output = diptych(&["align", &seed(S001), &seed(S004), "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    for side in ["left", "right"] {
        assert!(
            json[side]["path"]
                .as_str()
                .is_some_and(|p| p.ends_with(".txt"))
        );
        assert!(json[side]["title"].is_string());
        assert!(
            json[side]["units"]
                .as_array()
                .is_some_and(|u| !u.is_empty())
        );
    }
    let groups = json["alignment"].as_array().expect("alignment array");
    let left_units = json["left"]["units"].as_array().map_or(0, Vec::len);
    let mut seen = vec![0; left_units];
    for group in groups {
        for key in ["left", "right", "score", "moved", "diff", "callouts"] {
            assert!(group.get(key).is_some(), "group lacks {key}: {group}");
        }
        for i in group["left"].as_array().into_iter().flatten() {
            seen[i.as_u64().expect("index") as usize] += 1;
        }
        for op in group["diff"].as_array().into_iter().flatten() {
            assert!(
                ["equal", "delete", "insert", "moved"].contains(&op["op"].as_str().unwrap_or(""))
            );
            for side in ["left", "right"] {
                assert!(op[side].is_null() || op[side].as_array().is_some_and(|s| s.len() == 3));
            }
        }
    }
    assert!(seen.iter().all(|&n| n == 1));
}

#[test]
fn the_reordered_quote_is_linked_and_moved() {
    let output = diptych(&["align", &seed(S001), &seed(S004), "--format", "json"]);
    let json: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let quote = json["alignment"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|g| {
            g["left"]
                .as_array()
                .is_some_and(|l| l.iter().any(|i| i == 2))
        })
        .expect("group of left paragraph 3");
    assert!(
        quote["right"]
            .as_array()
            .is_some_and(|r| r.iter().any(|i| i == 11)),
        "{quote}"
    );
    assert_eq!(quote["moved"], true);
}

#[test]
fn text_output_marks_changes_in_brackets_when_piped() {
    let output = diptych(&["align", &seed(S000), &seed(S001)]);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("[-") && text.contains("{+"), "{text}");
    assert!(text.contains("· only left"));
    assert!(!text.contains('\u{1b}'), "no escape codes in a pipe");
}

#[test]
fn sentence_granularity_gives_more_units() {
    let count = |g: &str| {
        let output = diptych(&["align", &seed(S001), &seed(S004), "-f", "json", "-g", g]);
        let json: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
        json["left"]["units"].as_array().map_or(0, Vec::len)
    };
    assert!(count("sentence") > count("paragraph"));
}

#[test]
fn stdin_is_an_input() {
    let text = fs::read_to_string(seed(S004)).expect("seed");
    let output = diptych_with_stdin(&["align", "-", &seed(S004), "-f", "json"], &text);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["left"]["path"], "-");
    assert_eq!(json["similarity"], 1.0);
}

#[test]
fn output_is_byte_identical_across_runs() {
    let run = || diptych(&["align", &seed(S000), &seed(S004), "-f", "json"]).stdout;
    assert_eq!(run(), run());
}

fn assert_one_line_error(output: &Output, path: &str, problem: &str) {
    assert_eq!(output.status.code(), Some(2), "{}", stderr(output));
    let message = stderr(output);
    assert_eq!(message.lines().count(), 1, "one line: {message}");
    assert!(
        message.contains(path) && message.contains(problem),
        "{message}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn a_missing_file_is_one_line_and_exit_2() {
    let output = diptych(&["align", "no/such/file.txt", &seed(S000)]);
    assert_one_line_error(&output, "no/such/file.txt", "no such file");
}

#[test]
fn a_binary_file_is_refused() {
    let dir = scratch("binary");
    let path = dir.join("image.txt");
    fs::write(&path, b"GIF89a\x00\x01\x02").expect("write");
    let path = path.to_string_lossy().into_owned();
    assert_one_line_error(&diptych(&["align", &path, &seed(S000)]), &path, "binary");
}

#[test]
fn a_directory_without_articles_is_refused() {
    let dir = scratch("no_articles");
    fs::write(dir.join("photo.jpg"), b"x").expect("write");
    let path = dir.to_string_lossy().into_owned();
    assert_one_line_error(
        &diptych(&["align", &path, &seed(S000)]),
        &path,
        "no article files",
    );
}

#[test]
fn a_directory_where_one_article_is_needed_is_refused() {
    let dir = scratch("two_articles");
    fs::write(dir.join("a.txt"), "One.").expect("write");
    fs::write(dir.join("b.txt"), "Two.").expect("write");
    let path = dir.to_string_lossy().into_owned();
    let out = diptych(&["align", &path, &seed(S000)]);
    assert_one_line_error(&out, &path, "holds 2 articles");
    // `#1` picks from a file, not a directory: it is not offered.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("name one file of the directory"),
        "{stderr}"
    );
    assert!(!stderr.contains("#1"), "{stderr}");
}

#[test]
fn invalid_utf8_is_read_with_a_warning() {
    let dir = scratch("latin1");
    let path = dir.join("latin1.txt");
    fs::write(
        &path,
        b"Caf\xe9 owners met on Monday.\n\nThe talks went well.",
    )
    .expect("write");
    let path = path.to_string_lossy().into_owned();
    let output = diptych(&["align", &path, &path, "-f", "json"]);
    assert!(output.status.success());
    let warning = stderr(&output);
    assert!(
        warning.contains(&path) && warning.contains("invalid UTF-8"),
        "{warning}"
    );
}

#[test]
fn an_empty_file_is_read_with_a_warning() {
    let dir = scratch("empty");
    let path = dir.join("empty.txt");
    fs::write(&path, "  \n\n").expect("write");
    let path = path.to_string_lossy().into_owned();
    let output = diptych(&["align", &path, &seed(S000), "-f", "json"]);
    assert!(output.status.success());
    assert!(stderr(&output).contains("empty"));
    let json: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["left"]["units"].as_array().map(Vec::len), Some(0));
    // Two empty files share nothing to compare: 0%, as the matrix says
    // of them, not a "100% similar" beside "0 linked".
    let output = diptych(&["align", &path, &path, "-f", "json"]);
    assert!(output.status.success());
    let json: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["similarity"], 0.0);
}

#[test]
fn inputs_are_never_modified() {
    let dir = scratch("untouched");
    let path = dir.join("a.txt");
    fs::write(&path, "One paragraph here.\r\n\r\nAnother one.").expect("write");
    let before = fs::read(&path).expect("read");
    let path_str = path.to_string_lossy().into_owned();
    diptych(&["align", &path_str, &path_str]);
    assert_eq!(fs::read(&path).expect("read"), before);
}

#[test]
fn only_here_counts_name_the_page_furniture_the_reader_hides() {
    // The reader shows 7 only-left story paragraphs and hides 18 of
    // furniture; `align` counted 25 with no word of the difference.
    let output = diptych(&["align", &seed(S000), &seed(S001)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("· 25 only left (18 page furniture) · 6 only right"),
        "{text}"
    );
    let output = diptych(&["align", &seed(S000), &seed(S001), "--format", "json"]);
    let json: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let summary = &json["summary"];
    assert_eq!(summary["only_left"], 25);
    assert_eq!(summary["furniture_left"], 18);
    assert_eq!(summary["furniture_right"], 0);
}
