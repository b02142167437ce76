//! Inputs through the real binary: stdin (`-`) is sniffed, `--input-format`
//! forces a format wherever it is written, and every loader error is one
//! stderr line naming the source, with exit code 2.

mod binary;

use std::process::Output;

use binary::run_diptych;

use serde_json::Value;

const FIXTURES: &str = "tests/fixtures/inputs";

fn run(args: &[&str], stdin: &[u8]) -> Output {
    run_diptych(args, stdin)
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).expect("fixture")
}

/// The left side of `align - RIGHT --format json` with `stdin` piped in.
fn left_side(stdin: &[u8], extra: &[&str]) -> Value {
    let right = format!("{FIXTURES}/article.md");
    let mut args = vec!["align", "-", &right, "--format", "json"];
    args.extend_from_slice(extra);
    let output = run(&args, stdin);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let document: Value = serde_json::from_slice(&output.stdout).expect("json");
    document["left"].clone()
}

fn units(side: &Value) -> Vec<String> {
    side["units"]
        .as_array()
        .expect("units")
        .iter()
        .filter_map(|u| u.as_str().map(str::to_string))
        .collect()
}

#[test]
fn stdin_html_is_sniffed_and_extracted() {
    let left = left_side(&fixture("news.html"), &[]);
    assert_eq!(left["path"], "-");
    assert_eq!(left["source"], "stdin");
    assert_eq!(left["meta"]["format"], "html");
    assert_eq!(left["meta"]["byline"], "Maria Keller");
    let units = units(&left);
    assert_eq!(
        units[0],
        "City council votes to close the Harbour Bridge for a year"
    );
    assert!(
        units
            .iter()
            .all(|u| !u.contains("cookies") && !u.contains('<'))
    );
}

#[test]
fn stdin_json_and_markdown_are_sniffed() {
    let json = left_side(&fixture("single.json"), &[]);
    assert_eq!(json["meta"]["format"], "json");
    assert_eq!(json["source"], "Harbour Wire");

    let markdown = left_side(&fixture("article.md"), &[]);
    assert_eq!(markdown["meta"]["format"], "markdown");
    assert!(units(&markdown).iter().all(|u| !u.contains("](")));
    assert_eq!(markdown["kinds"][4], "list_item");
}

#[test]
fn stdin_plain_text_stays_text() {
    let text = b"A headline\n\nThe first paragraph of the story, with a full sentence.\n";
    let left = left_side(text, &[]);
    assert_eq!(left["meta"]["format"], "text");
    assert_eq!(units(&left).len(), 2);
}

#[test]
fn input_format_forces_and_is_global() {
    let left = left_side(&fixture("news.html"), &["--input-format", "text"]);
    assert_eq!(left["meta"]["format"], "text");
    assert!(units(&left).iter().any(|u| u.contains("<p>")));

    let right = format!("{FIXTURES}/array.json");
    let output = run(
        &[
            "--input-format",
            "markdown",
            "align",
            "-",
            &right,
            "--format",
            "json",
        ],
        b"# T\n\nText.",
    );
    // Forced Markdown makes the JSON array one Markdown article.
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let document: Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(document["right"]["meta"]["format"], "markdown");
}

#[test]
fn unknown_input_format_is_refused_by_clap() {
    let output = run(&["--input-format", "pdf", "align", "a", "b"], b"");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("invalid value 'pdf'"), "{stderr}");
}

fn error_line(args: &[&str], stdin: &[u8]) -> String {
    let output = run(args, stdin);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).expect("utf-8 stderr");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    stderr.trim_end().to_string()
}

#[test]
fn loader_errors_are_one_line_naming_the_source() {
    let md = format!("{FIXTURES}/article.md");
    assert_eq!(
        error_line(&["align", "-", &md], b"{\"title\": \"x\",}"),
        "diptych: -: invalid JSON at line 1, column 15: trailing comma"
    );
    let malformed = format!("{FIXTURES}/malformed.json");
    assert_eq!(
        error_line(&["align", &malformed, &md], b""),
        "diptych: tests/fixtures/inputs/malformed.json: invalid JSON at line 6, column 3: expected `,` or `]`"
    );
    assert_eq!(
        error_line(
            &["align", "-", &md, "--input-format", "json"],
            b"[{\"title\": \"no text\"}]"
        ),
        "diptych: -: the article has neither \"body\" nor \"paragraphs\""
    );
    assert_eq!(
        error_line(&["align", "missing.html", &md], b""),
        "diptych: missing.html: no such file or directory"
    );
}
