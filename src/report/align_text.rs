//! `diptych align --format text`: a readable comparison, one block per
//! group. In a terminal, changed words are coloured *and* struck through
//! or underlined; in a pipe or with NO_COLOR they are wrapped in wdiff's
//! `[-…-]` and `{+…+}` so the marks survive anywhere.

use std::fmt::Write;

use super::align_json::Summary;
use super::marks::{Mark, marked_segments};
use crate::align::{Alignment, Granularity, Group, Span};
use crate::article::Article;

/// How changed words are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Styling {
    /// ANSI colour plus strike-through / underline.
    Ansi,
    /// wdiff brackets, for pipes and NO_COLOR.
    Plain,
}

/// The comparison as text.
pub fn render(left: &Article, right: &Article, alignment: &Alignment, styling: Styling) -> String {
    let mut out = String::new();
    let summary = Summary::of(alignment);
    let shown = |a: &Article| crate::article::sanitize::line(&a.path).into_owned();
    let _ = writeln!(out, "left:  {} ({})", left.title, shown(left));
    let _ = writeln!(out, "right: {} ({})", right.title, shown(right));
    let _ = writeln!(
        out,
        "similarity {:.0}% · {} linked ({} reworded, {} moved) · {} only left · {} only right",
        alignment.similarity * 100.0,
        summary.linked,
        summary.reworded,
        summary.moved,
        summary.only_left,
        summary.only_right
    );
    let legend = match styling {
        Styling::Ansi => "\x1b[31;9mleft only\x1b[0m  \x1b[32;4mright only\x1b[0m".to_string(),
        Styling::Plain => "[-left only-]  {+right only+}".to_string(),
    };
    let _ = writeln!(out, "marks: {legend}");
    for group in &alignment.groups {
        out.push('\n');
        write_group(&mut out, alignment, group, styling);
    }
    out
}

fn write_group(out: &mut String, alignment: &Alignment, group: &Group, styling: Styling) {
    let sign = unit_sign(alignment.granularity);
    let numbers = |idx: &[usize]| {
        idx.iter()
            .map(|i| format!("{sign}{}", i + 1))
            .collect::<Vec<_>>()
            .join("+")
    };
    let header = match (group.left.is_empty(), group.right.is_empty()) {
        (false, false) => format!(
            "{} ⇄ {} · score {:.2}{}",
            numbers(&group.left),
            numbers(&group.right),
            group.score,
            if group.moved { " · moved" } else { "" }
        ),
        (false, true) => format!("{} · only left", numbers(&group.left)),
        _ => format!("{} · only right", numbers(&group.right)),
    };
    let _ = writeln!(out, "── {header}");
    for &unit in &group.left {
        write_unit(
            out,
            "L",
            alignment,
            unit,
            group,
            styling,
            |op| op.left,
            true,
        );
    }
    for &unit in &group.right {
        write_unit(
            out,
            "R",
            alignment,
            unit,
            group,
            styling,
            |op| op.right,
            false,
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn write_unit(
    out: &mut String,
    label: &str,
    alignment: &Alignment,
    unit: usize,
    group: &Group,
    styling: Styling,
    side: impl Fn(&crate::align::DiffOp) -> Option<Span>,
    is_left: bool,
) {
    let units = if is_left {
        &alignment.left
    } else {
        &alignment.right
    };
    let item = &units[unit];
    let kind = if item.kind.is_story() && item.kind != crate::article::Kind::Heading {
        String::new()
    } else {
        format!("({}) ", item.kind.label())
    };
    let _ = write!(out, "{label} │ {kind}");
    for (mark, text) in marked_segments(&item.text, unit, &group.diff, side) {
        match (mark, styling, is_left) {
            (Mark::Plain, _, _) => out.push_str(text),
            (Mark::Changed, Styling::Plain, true) => {
                let _ = write!(out, "[-{text}-]");
            }
            (Mark::Changed, Styling::Plain, false) => {
                let _ = write!(out, "{{+{text}+}}");
            }
            (Mark::Changed, Styling::Ansi, true) => {
                let _ = write!(out, "\x1b[31;9m{text}\x1b[0m");
            }
            (Mark::Changed, Styling::Ansi, false) => {
                let _ = write!(out, "\x1b[32;4m{text}\x1b[0m");
            }
        }
    }
    out.push('\n');
}

/// `¶` for paragraphs, `s` for sentences, as in the reader.
pub fn unit_sign(granularity: Granularity) -> &'static str {
    match granularity {
        Granularity::Paragraph => "¶",
        Granularity::Sentence => "s",
    }
}
