//! `diptych report --format markdown`: a shareable comparison of all
//! articles. Changed words use `<del>`/`<ins>`, which Markdown renderers
//! show struck through and underlined, so marks never rely on colour.

use std::fmt::Write;

use super::corpus::{
    CorpusReport, article_numbers, excerpt, group_label, percent, places, quote_against_first,
    side_markup,
};
use crate::facts::Fact;

/// Escapes text for Markdown with inline HTML: one line, no structure
/// (the output edge's sanitiser).
fn esc(text: &str) -> String {
    crate::article::sanitize::markdown(text)
}

/// The whole report as Markdown.
pub fn render(report: &CorpusReport) -> String {
    let mut out = String::from("# diptych report\n\n");
    articles(&mut out, report);
    matrix(&mut out, report);
    coverage(&mut out, report);
    facts(&mut out, report);
    pair(&mut out, report);
    out
}

fn articles(out: &mut String, r: &CorpusReport) {
    let _ = writeln!(
        out,
        "## Articles\n\n| # | source | title | words | unique paragraphs |\n|---|---|---|---|---|"
    );
    for (i, a) in r.articles.iter().enumerate() {
        let unique = r.comparison.coverage.unique(i).len();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {unique} |",
            i + 1,
            esc(&a.source),
            esc(&a.title),
            a.word_count()
        );
    }
}

fn matrix(out: &mut String, r: &CorpusReport) {
    let n = r.articles.len();
    let _ = writeln!(
        out,
        "\n## Similarity\n\nShare of text linked between two articles, weighted by length.\n"
    );
    let header: String = (0..n).map(|i| format!(" {} |", i + 1)).collect();
    let _ = writeln!(out, "| |{header}\n|---|{}", "---:|".repeat(n));
    for a in 0..n {
        let cells: String = (0..n)
            .map(|b| {
                if a == b {
                    " — |".to_string()
                } else {
                    format!(" {} |", percent(r.comparison.matrix.get(a, b)))
                }
            })
            .collect();
        let _ = writeln!(out, "| **{}** |{cells}", a + 1);
    }
}

fn coverage(out: &mut String, r: &CorpusReport) {
    let _ = writeln!(out, "\n## Coverage\n");
    for (i, a) in r.articles.iter().enumerate() {
        let unique = r.comparison.coverage.unique(i);
        let shared = r.comparison.coverage.shared_share(i) * 100.0;
        let _ = writeln!(
            out,
            "- **{}**: {shared:.0}% of story paragraphs carried by another article; {} unique",
            esc(&a.source),
            unique.len()
        );
        for p in unique {
            let _ = writeln!(
                out,
                "  - ¶{}: {}",
                p + 1,
                esc(&excerpt(&a.paragraphs[p].text, 140))
            );
        }
    }
}

fn facts(out: &mut String, r: &CorpusReport) {
    let discrepancies: Vec<&Fact> = r.facts.iter().filter(|f| f.discrepancy).collect();
    let _ = writeln!(out, "\n## Discrepancies ({})\n", discrepancies.len());
    for fact in &discrepancies {
        let reason = fact.reason.as_deref().unwrap_or("");
        let _ = writeln!(
            out,
            "- **{}** {}: {}",
            fact.kind.name(),
            esc(&excerpt(&fact.label, 80)),
            esc(reason)
        );
        for (i, v) in fact.variants.iter().enumerate() {
            let del = |s: &str| format!("<del>{}</del>", esc(s));
            let ins = |s: &str| format!("<ins>{}</ins>", esc(s));
            let text = match quote_against_first(fact, v, esc, del, ins) {
                Some((mine, theirs)) => format!("{mine} (instead of: {theirs})"),
                None => esc(&v.text),
            };
            let places = places(r, v, esc);
            let _ = writeln!(out, "  {}. {text} — {places}", i + 1);
        }
    }
    let _ = writeln!(
        out,
        "\n## Facts\n\n| kind | fact | articles |\n|---|---|---|"
    );
    for fact in r.facts.iter().filter(|f| !f.discrepancy) {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            fact.kind.name(),
            esc(&excerpt(&fact.label, 100)),
            article_numbers(fact)
        );
    }
}

fn pair(out: &mut String, r: &CorpusReport) {
    let (left, right) = r.pair_articles();
    let _ = writeln!(
        out,
        "\n## Pair: {} ⇄ {}\n",
        esc(&left.source),
        esc(&right.source)
    );
    let _ = writeln!(
        out,
        "Similarity {:.0}%. Words only the left has are <del>struck</del>; words only the right has are <ins>underlined</ins>.\n",
        r.alignment.similarity * 100.0
    );
    for (n, group) in r.alignment.groups.iter().enumerate() {
        let _ = writeln!(out, "### {} · {}\n", n + 1, group_label(group));
        let left_text = side_markup(r.alignment, group, true, esc, |s| {
            format!("<del>{}</del>", esc(s))
        });
        let right_text = side_markup(r.alignment, group, false, esc, |s| {
            format!("<ins>{}</ins>", esc(s))
        });
        for text in left_text {
            let _ = writeln!(out, "> **L** {text}\n>");
        }
        for text in right_text {
            let _ = writeln!(out, "> **R** {text}\n>");
        }
        out.push('\n');
    }
}
