//! `diptych align --format text`: a readable comparison, one block per
//! group. In a terminal, only-here words are coloured *and* struck through
//! or underlined, shared-elsewhere words dim and italic; in a pipe or with
//! NO_COLOR they are wrapped in wdiff's `[-…-]` and `{+…+}`, and `(~…~)`,
//! so the marks survive anywhere. Facts a link gives differently follow
//! the link as `≠ number: 80% → 75%` lines. Given a width, lines wrap at
//! spaces and every line keeps its `L │`/`R │` gutter.

use std::fmt::Write;

use unicode_segmentation::UnicodeSegmentation;

use super::align_json::Summary;
use super::marks::{Mark, callout_texts, marked_segments};
use crate::align::{Alignment, Granularity, Group, Span};
use crate::article::Article;
use crate::width::display_width;

/// How changed words are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Styling {
    /// ANSI colour plus strike-through / underline.
    Ansi,
    /// wdiff brackets, for pipes and NO_COLOR.
    Plain,
}

/// ANSI codes of the marks: only left, only right, shared, and reset.
const ANSI_LEFT: &str = "\x1b[31;9m";
const ANSI_RIGHT: &str = "\x1b[32;4m";
const ANSI_SHARED: &str = "\x1b[2;3m";
const ANSI_RESET: &str = "\x1b[0m";

/// The comparison as text, each unit on one line.
pub fn render(left: &Article, right: &Article, alignment: &Alignment, styling: Styling) -> String {
    render_wrapped(left, right, alignment, styling, None)
}

/// The comparison as text, unit lines wrapped at `width` columns (gutter
/// included) when given.
pub fn render_wrapped(
    left: &Article,
    right: &Article,
    alignment: &Alignment,
    styling: Styling,
    width: Option<usize>,
) -> String {
    let mut out = String::new();
    let summary = Summary::of(alignment);
    let shown = |a: &Article| crate::article::sanitize::line(&a.path).into_owned();
    let _ = writeln!(out, "left:  {} ({})", left.title, shown(left));
    let _ = writeln!(out, "right: {} ({})", right.title, shown(right));
    // Furniture named apart, as the reader (which hides it) counts.
    let only = |count: usize, furniture: usize, side: &str| match furniture {
        0 => format!("{count} only {side}"),
        _ => format!("{count} only {side} ({furniture} page furniture)"),
    };
    let _ = writeln!(
        out,
        "similarity {:.0}% · {} linked ({} reworded, {} moved) · {} · {}",
        alignment.similarity * 100.0,
        summary.linked,
        summary.reworded,
        summary.moved,
        only(summary.only_left, summary.furniture_left, "left"),
        only(summary.only_right, summary.furniture_right, "right"),
    );
    let legend = match styling {
        Styling::Ansi => format!(
            "{ANSI_LEFT}only left{ANSI_RESET}  {ANSI_RIGHT}only right{ANSI_RESET}  {ANSI_SHARED}shared, elsewhere in the other text{ANSI_RESET}  ≠ a fact given differently"
        ),
        Styling::Plain => {
            "[-only left-]  {+only right+}  (~shared, elsewhere in the other text~)  ≠ a fact given differently"
                .to_string()
        }
    };
    let _ = writeln!(out, "marks: {legend}");
    for group in &alignment.groups {
        out.push('\n');
        write_group(&mut out, alignment, group, styling, width);
    }
    out
}

fn write_group(
    out: &mut String,
    alignment: &Alignment,
    group: &Group,
    styling: Styling,
    width: Option<usize>,
) {
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
        let line = unit_line(alignment, unit, group, styling, |op| op.left, true);
        write_wrapped(out, "L │ ", &line, width);
    }
    for &unit in &group.right {
        let line = unit_line(alignment, unit, group, styling, |op| op.right, false);
        write_wrapped(out, "R │ ", &line, width);
    }
    for (kind, l, r) in callout_texts(alignment, group) {
        write_wrapped(out, "  ≠ ", &format!("{kind}: {l} → {r}"), width);
    }
}

/// One unit's text with its marks, on one line.
fn unit_line(
    alignment: &Alignment,
    unit: usize,
    group: &Group,
    styling: Styling,
    side: impl Fn(&crate::align::DiffOp) -> Option<Span>,
    is_left: bool,
) -> String {
    let mut out = String::new();
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
    out.push_str(&kind);
    for (mark, text) in marked_segments(&item.text, unit, &group.diff, side) {
        match (mark, styling, is_left) {
            (Mark::Plain, _, _) => out.push_str(text),
            (Mark::Shared, Styling::Plain, _) => {
                let _ = write!(out, "(~{text}~)");
            }
            (Mark::Shared, Styling::Ansi, _) => {
                let _ = write!(out, "{ANSI_SHARED}{text}{ANSI_RESET}");
            }
            (Mark::Changed, Styling::Plain, true) => {
                let _ = write!(out, "[-{text}-]");
            }
            (Mark::Changed, Styling::Plain, false) => {
                let _ = write!(out, "{{+{text}+}}");
            }
            (Mark::Changed, Styling::Ansi, true) => {
                let _ = write!(out, "{ANSI_LEFT}{text}{ANSI_RESET}");
            }
            (Mark::Changed, Styling::Ansi, false) => {
                let _ = write!(out, "{ANSI_RIGHT}{text}{ANSI_RESET}");
            }
        }
    }
    out
}

/// Writes `line` after `gutter`, wrapped at spaces to `width` columns
/// with the gutter repeated on every line. An ANSI style open at a line
/// end is closed there and reopened after the next gutter, so the gutter
/// is never struck through or coloured. Only a word wider than a whole
/// line is cut.
fn write_wrapped(out: &mut String, gutter: &str, line: &str, width: Option<usize>) {
    let room = width.map_or(usize::MAX, |w| {
        w.saturating_sub(shown_width(gutter)).max(10)
    });
    out.push_str(gutter);
    let mut used = 0;
    let mut active: Option<&str> = None;
    for (n, word) in line.split(' ').enumerate() {
        let w = shown_width(word);
        if n > 0 {
            if used > 0 && used + 1 + w > room {
                break_line(out, gutter, active);
                used = 0;
            } else {
                out.push(' ');
                used += 1;
            }
        }
        for piece in pieces(word) {
            if let Some(code) = piece.strip_prefix('\x1b') {
                active = (code != &ANSI_RESET[1..]).then_some(piece);
                out.push_str(piece);
                continue;
            }
            // Cut only between characters as shown: a family emoji or a
            // flag is one, whatever code points join to make it.
            for shown in piece.graphemes(true) {
                let cw = display_width(shown);
                if used > 0 && used + cw > room {
                    break_line(out, gutter, active);
                    used = 0;
                }
                out.push_str(shown);
                used += cw;
            }
        }
    }
    if active.is_some() {
        out.push_str(ANSI_RESET);
    }
    out.push('\n');
}

/// Ends a wrapped line (closing an open style) and starts the next.
fn break_line(out: &mut String, gutter: &str, active: Option<&str>) {
    if active.is_some() {
        out.push_str(ANSI_RESET);
    }
    out.push('\n');
    out.push_str(gutter);
    if let Some(code) = active {
        out.push_str(code);
    }
}

/// A word cut into ANSI escape sequences and the text between them.
fn pieces(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = word;
    while let Some(at) = rest.find('\x1b') {
        if at > 0 {
            out.push(&rest[..at]);
        }
        let end = rest[at..].find('m').map_or(rest.len(), |m| at + m + 1);
        out.push(&rest[at..end]);
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// Columns `text` takes on screen, escape sequences not counted.
fn shown_width(text: &str) -> usize {
    pieces(text)
        .iter()
        .filter(|p| !p.starts_with('\x1b'))
        .map(|p| display_width(p))
        .sum()
}

/// `¶` for paragraphs, `s` for sentences, as in the reader.
pub fn unit_sign(granularity: Granularity) -> &'static str {
    match granularity {
        Granularity::Paragraph => "¶",
        Granularity::Sentence => "s",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_cut_to_fit_keeps_joined_emoji_whole() {
        // Twelve family emoji (man, ZWJ, woman, ZWJ, girl), two columns
        // each: wider than a line of 10, so the word is cut, but only
        // between families.
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let word = family.repeat(12);
        let mut out = String::new();
        write_wrapped(&mut out, "L │ ", &word, Some(14));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3, "{out}");
        for line in &lines {
            let text = line.strip_prefix("L │ ").expect("gutter on every line");
            assert_eq!(
                text.graphemes(true).filter(|g| *g != family).count(),
                0,
                "{line}"
            );
            assert!(shown_width(text) <= 10, "{line}");
        }
        assert_eq!(shown_width(family), 2);
    }
}
