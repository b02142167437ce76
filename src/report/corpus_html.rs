//! `diptych report --format html`: one self-contained page (inline CSS,
//! nothing fetched). Differences are `<del>` (struck) and `<ins>`
//! (underlined) as well as coloured, discrepancies carry a "≠" badge, and
//! the heat-map cells print their numbers: nothing relies on colour alone.

use std::fmt::Write;

use super::corpus::{
    CorpusReport, article_numbers, excerpt, group_label, percent, places, quote_against_first,
    side_markup,
};
use crate::facts::Fact;
use crate::report::{Mark, callout_texts};

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:75rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}
h1,h2,h3{line-height:1.2}h2{margin-top:2.5rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}
td.heat{text-align:right;font-variant-numeric:tabular-nums;min-width:4rem}
del{background:#fde2e2;color:#8a1010;text-decoration:line-through}
ins{background:#dcf5dc;color:#0b5d0b;text-decoration:underline}
em.shared{color:#555;text-decoration:underline dotted #888}
.differs{grid-column:1/3;margin:0;font-size:.9rem}.differs b{background:#fff3c4;padding:0 .2rem}
.badge{display:inline-block;border:1px solid #8a1010;color:#8a1010;border-radius:.3rem;padding:0 .35rem;font-size:.8rem;font-weight:bold}
.kind{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:#555}
.fact{margin:.8rem 0;padding:.5rem .8rem;border-left:4px solid #8a1010;background:#fafafa}
.where{color:#555;font-size:.85rem}
td.nowrap{white-space:nowrap}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:.3rem 1.5rem}
.pair h3{grid-column:1/3;font-size:.95rem;margin:1.2rem 0 0;color:#444}
.side{padding:.4rem .6rem;background:#f7f7f7;border-radius:.3rem}
.empty{color:#888;font-style:italic}
@media print{.pair{grid-template-columns:1fr 1fr}}";

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

fn del(s: &str) -> String {
    format!("<del>{}</del>", esc(s))
}

fn ins(s: &str) -> String {
    format!("<ins>{}</ins>", esc(s))
}

/// The whole report as one HTML page.
pub fn render(report: &CorpusReport) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n<title>diptych report</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n<h1>diptych report</h1>\n"
    );
    articles(&mut out, report);
    facts(&mut out, report);
    pair(&mut out, report);
    out.push_str("</body>\n</html>\n");
    out
}

fn articles(out: &mut String, r: &CorpusReport) {
    let n = r.articles.len();
    out.push_str("<h2>Articles and similarity</h2>\n<p>Each cell: share of text two articles share, weighted by length (darker = more).</p>\n<table>\n<tr><th>#</th><th>source</th><th>title</th><th>words</th><th>unique ¶</th>");
    for b in 0..n {
        let _ = write!(out, "<th>{}</th>", b + 1);
    }
    out.push_str("</tr>\n");
    for (a, article) in r.articles.iter().enumerate() {
        let unique = r.comparison.coverage.unique(a).len();
        let _ = write!(
            out,
            "<tr><th>{}</th><td>{}</td><td>{}</td><td>{}</td><td>{unique}</td>",
            a + 1,
            esc(&article.source),
            esc(&excerpt(&article.title, 70)),
            article.word_count()
        );
        for b in 0..n {
            if a == b {
                out.push_str("<td class=\"heat\">—</td>");
                continue;
            }
            let v = r.comparison.matrix.get(a, b);
            let text = if v > 0.5 { "#fff" } else { "#1b1b1b" };
            let _ = write!(
                out,
                "<td class=\"heat\" style=\"background:rgba(20,90,160,{:.2});color:{text}\">{}</td>",
                v.clamp(0.0, 1.0),
                percent(v)
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str(
        "</table>\n<h2>Coverage</h2>\n<p>Story paragraphs no other article carries.</p>\n",
    );
    for (a, article) in r.articles.iter().enumerate() {
        let unique = r.comparison.coverage.unique(a);
        let shared = r.comparison.coverage.shared_share(a) * 100.0;
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<p>{shared:.0}% of story paragraphs carried elsewhere; {} unique.</p>",
            esc(&article.source),
            unique.len()
        );
        if !unique.is_empty() {
            out.push_str("<ul>\n");
            for p in unique {
                let _ = writeln!(
                    out,
                    "<li>¶{}: {}</li>",
                    p + 1,
                    esc(&excerpt(&article.paragraphs[p].text, 200))
                );
            }
            out.push_str("</ul>\n");
        }
    }
}

fn facts(out: &mut String, r: &CorpusReport) {
    let (discrepancies, others): (Vec<&Fact>, Vec<&Fact>) =
        r.facts.iter().partition(|f| f.discrepancy);
    let _ = writeln!(out, "<h2>Discrepancies ({})</h2>", discrepancies.len());
    for fact in discrepancies {
        let _ = writeln!(
            out,
            "<div class=\"fact\"><span class=\"badge\">≠ discrepancy</span> <span class=\"kind\">{}</span> <strong>{}</strong><br><span class=\"where\">{}</span>\n<ol>",
            fact.kind.name(),
            esc(&excerpt(&fact.label, 90)),
            esc(fact.reason.as_deref().unwrap_or(""))
        );
        for v in &fact.variants {
            let text = match quote_against_first(fact, v, esc, del, ins) {
                Some((mine, theirs)) => {
                    format!("{mine}<br><span class=\"where\">instead of: {theirs}</span>")
                }
                None => esc(&v.text),
            };
            let _ = writeln!(
                out,
                "<li>{text} <span class=\"where\">— {}</span></li>",
                places(r, v, esc)
            );
        }
        out.push_str("</ol></div>\n");
    }
    let _ = writeln!(
        out,
        "<h2>Facts ({})</h2>\n<table>\n<tr><th>kind</th><th>fact</th><th>articles</th></tr>",
        others.len()
    );
    for fact in others {
        let _ = writeln!(
            out,
            "<tr><td class=\"kind\">{}</td><td>{}</td><td class=\"nowrap\">{}</td></tr>",
            fact.kind.name(),
            esc(&excerpt(&fact.label, 120)),
            article_numbers(fact)
        );
    }
    out.push_str("</table>\n");
}

fn pair(out: &mut String, r: &CorpusReport) {
    let (left, right) = r.pair_articles();
    let _ = writeln!(
        out,
        "<h2>Pair: {} ⇄ {}</h2>\n<p>Similarity {:.0}%. <del>Struck</del>: only the left has these words. <ins>Underlined</ins>: only the right has them. <em class=\"shared\">Italic, dotted</em>: the other side has them too, in another place or order. <b>Differs</b>: numbers, names, dates and quotes a link gives differently.</p>\n<div class=\"pair\">",
        esc(&left.source),
        esc(&right.source),
        r.alignment.similarity * 100.0
    );
    for (n, group) in r.alignment.groups.iter().enumerate() {
        let _ = writeln!(out, "<h3>{} · {}</h3>", n + 1, esc(&group_label(group)));
        for left_side in [true, false] {
            let only = if left_side { del } else { ins };
            let texts = side_markup(r.alignment, group, left_side, |m, s| match m {
                Mark::Plain => esc(s),
                Mark::Changed => only(s),
                Mark::Shared => format!("<em class=\"shared\">{}</em>", esc(s)),
            });
            if texts.is_empty() {
                out.push_str("<div class=\"side empty\">(nothing here)</div>\n");
            } else {
                let _ = writeln!(out, "<div class=\"side\">{}</div>", texts.join("<br><br>"));
            }
        }
        let differs: Vec<String> = callout_texts(r.alignment, group)
            .into_iter()
            .map(|(kind, l, r)| format!("{kind} <b>{}</b> → <b>{}</b>", esc(l), esc(r)))
            .collect();
        if !differs.is_empty() {
            let _ = writeln!(
                out,
                "<p class=\"differs\"><b>Differs:</b> {}</p>",
                differs.join(" · ")
            );
        }
    }
    out.push_str("</div>\n");
}
