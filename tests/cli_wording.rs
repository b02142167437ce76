//! Wording the editor's review caught: help that says how `--pair` counts,
//! and counts that agree with their nouns.

use std::process::Command;

fn diptych(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_diptych"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn report_help_says_pair_takes_numbers_from_one() {
    let help = diptych(&["report", "--help"]);
    assert!(help.contains("1-based"), "{help}");
    assert!(!help.contains("0-based"), "{help}");
}

#[test]
fn one_article_is_singular() {
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/inputs/article.md"
    );
    let text = diptych(&["facts", "--format", "text", seed]);
    assert!(
        text.lines()
            .next()
            .unwrap_or_default()
            .ends_with("across 1 article"),
        "{text}"
    );
}
