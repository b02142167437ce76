//! The bottom lines: the status bar (pair, similarity, counts, position)
//! and below it the key hints, or the search prompt, or a message.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::align::Granularity;
use crate::app::keymap::hints;
use crate::app::rows::Side;
use crate::app::{Action, App, Focus};
use crate::width::display_width;

use super::theme::Theme;

/// Draws the status bar, and the hint line when there is room for it.
pub fn render_status(
    app: &App,
    theme: &Theme,
    status: Rect,
    hints_area: Option<Rect>,
    buf: &mut Buffer,
) {
    buf.set_style(status, theme.status);
    let (facts, position) = fitting(app, usize::from(status.width));
    buf.set_stringn(
        status.x,
        status.y,
        &facts,
        usize::from(status.width),
        theme.status,
    );
    let position_width = u16::try_from(display_width(&position)).unwrap_or(u16::MAX);
    let x = status.x + status.width.saturating_sub(position_width);
    buf.set_stringn(
        x,
        status.y,
        &position,
        usize::from(status.width),
        theme.status,
    );
    let bottom = match hints_area {
        Some(area) => area,
        None if app.search().prompt().is_some() || app.message().is_some() => status,
        None => return,
    };
    let line = bottom_line(app, theme, usize::from(bottom.width));
    buf.set_line(bottom.x, bottom.y, &line, bottom.width);
}

/// The longest pair of (pair facts, position) that fits `width` columns
/// with two spaces between: full words first, then abbreviations.
fn fitting(app: &App, width: usize) -> (String, String) {
    let facts = facts_variants(app);
    let positions = position_variants(app);
    for (f, p) in [
        (0, 0),
        (1, 0),
        (2, 0),
        (2, 1),
        (3, 1),
        (3, 2),
        (4, 2),
        (4, 3),
    ] {
        if display_width(&facts[f]) + display_width(&positions[p]) + 2 <= width {
            return (facts[f].clone(), positions[p].clone());
        }
    }
    (facts[4].clone(), positions[3].clone())
}

/// The pair's figures, longest first. Page furniture is left out of the
/// counts; how much of it is hidden is said.
fn facts_variants(app: &App) -> [String; 5] {
    let (left, right) = app.pair();
    let (l, r) = (left + 1, right + 1);
    let alignment = app.alignment();
    if alignment.left.is_empty() && alignment.right.is_empty() {
        // No alignment yet (or a cancelled one): no figures, rather than a
        // misleading "0% similar".
        let waiting = format!(" {l} ⇄ {r} · not aligned yet");
        return std::array::from_fn(|_| waiting.clone());
    }
    if let Some(preview) = app.preview() {
        return partial_variants(app, preview, l, r);
    }
    let s = app.summary();
    let similarity = alignment.similarity * 100.0;
    let hidden = app.hidden_furniture();
    let (furniture, furniture_short) = if hidden > 0 {
        (
            format!(
                " · {hidden} furniture ¶ hidden · {} shows",
                app.key_for(&Action::ToggleFurniture)
            ),
            format!(" · {hidden} furn. hidden"),
        )
    } else {
        (String::new(), String::new())
    };
    [
        format!(
            " {l} ⇄ {r} · {similarity:.0}% similar · {} linked · {} reworded · {} moved · {} only L · {} only R{furniture}",
            s.linked, s.reworded, s.moved, s.only_left, s.only_right
        ),
        format!(
            " {l} ⇄ {r} {similarity:.0}% · {} linked · {} reworded · {} moved · {}◂ {}▸{furniture}",
            s.linked, s.reworded, s.moved, s.only_left, s.only_right
        ),
        format!(
            " {l} ⇄ {r} {similarity:.0}% · {} link · {} rew · {} mov · {}◂ {}▸{furniture_short}",
            s.linked, s.reworded, s.moved, s.only_left, s.only_right
        ),
        format!(
            " {l} ⇄ {r} {similarity:.0}% · {}◂ {}▸{furniture_short}",
            s.only_left, s.only_right
        ),
        format!(" {l} ⇄ {r} {similarity:.0}%"),
    ]
}

/// While a big pair's preview shows: what it covers and that it is
/// partial, never counts or a similarity (they would be the slice's).
fn partial_variants(
    app: &App,
    preview: crate::app::preview::Preview,
    l: usize,
    r: usize,
) -> [String; 5] {
    let (pl, pr) = (preview.left_paragraphs, preview.right_paragraphs);
    let state = if app.aligning() {
        "whole pair aligning"
    } else {
        "whole alignment cancelled"
    };
    [
        format!(
            " {l} ⇄ {r} · PARTIAL: L ¶1–{pl}, R ¶1–{pr} aligned on their own · {state} · marks may change"
        ),
        format!(" {l} ⇄ {r} · PARTIAL: L ¶1–{pl}, R ¶1–{pr} aligned alone · {state}"),
        format!(" {l} ⇄ {r} · PARTIAL ¶1–{pl} · {state}"),
        format!(" {l} ⇄ {r} · PARTIAL ¶1–{pl}"),
        format!(" {l} ⇄ {r} PARTIAL"),
    ]
}

/// Where the reader is, longest first: the difference counter, the
/// focused side's first paragraph on screen, how far down, and modes.
fn position_variants(app: &App) -> [String; 4] {
    let side = if app.focus() == Focus::Right {
        Side::Right
    } else {
        Side::Left
    };
    let tag = if side == Side::Left { "L" } else { "R" };
    let total = app.article(side).map_or(0, |a| a.paragraphs.len());
    let paragraph = top_paragraph(app, side).map_or("–".to_string(), |p| (p + 1).to_string());
    let rows = app.geometry().body_rows();
    let max = app.model().rows.saturating_sub(rows);
    let percent = (app.scroll() * 100).checked_div(max).unwrap_or(100);
    let (current, count) = app.difference_position();
    let (difference, short) = match current {
        Some(k) => (format!("difference {k} of {count}"), format!("{k}/{count}")),
        None if count == 1 => ("1 difference".to_string(), "1 diff".to_string()),
        None => (format!("{count} differences"), format!("{count} diffs")),
    };
    let mut modes = Vec::new();
    if app.unique_only() {
        modes.push("unique only");
    }
    if app.reading_order() == Side::Right {
        modes.push("R order");
    }
    let modes: String = modes.iter().map(|m| format!("{m} · ")).collect();
    let granularity = app.granularity().name();
    [
        format!("{difference} · {modes}{tag} ¶{paragraph}/{total} · {percent}% · {granularity}s "),
        format!("{short} · {modes}{tag} ¶{paragraph}/{total} · {percent}% "),
        format!("{short} · {tag} ¶{paragraph}/{total} "),
        format!("{short} "),
    ]
}

/// The first paragraph of `side` at or below the top row (1 less than
/// shown), or the last one above it when the rest of the screen is the
/// other side's alone.
fn top_paragraph(app: &App, side: Side) -> Option<usize> {
    let model = app.model();
    let units = match side {
        Side::Left => &app.alignment().left,
        Side::Right => &app.alignment().right,
    };
    let start = model.group_at(app.scroll()).unwrap_or(0);
    let range = |g: &crate::app::rows::GroupRows| match side {
        Side::Left => g.left.clone(),
        Side::Right => g.right.clone(),
    };
    let lines = &model.side(side).lines;
    let first_unit =
        |g: &crate::app::rows::GroupRows| range(g).find_map(|i| lines.get(i).and_then(|l| l.unit));
    let below = model.groups.get(start..)?.iter().find_map(first_unit);
    let unit = below.or_else(|| model.groups.get(..start)?.iter().rev().find_map(first_unit))?;
    units.get(unit).map(|u| u.paragraph)
}

/// The prompt, a message, or as many whole key hints as fit `width`
/// (help and quit first): a hint cut mid-word read as another command.
fn bottom_line<'a>(app: &'a App, theme: &Theme, width: usize) -> Line<'a> {
    if let Some(typed) = app.search().prompt() {
        return Line::from(vec![
            Span::styled("/", theme.hint_key),
            Span::raw(typed),
            Span::styled("█", theme.dim),
            Span::styled("   Enter search · Esc cancel", theme.hints),
        ]);
    }
    if let Some(message) = app.message() {
        return Line::from(Span::styled(format!(" {message}"), theme.hint_key));
    }
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    let mut all: Vec<_> = hints(app.mode(), app.rebound_keys()).collect();
    // Help and quit first: they must show however narrow the line.
    all.sort_by_key(|(_, _, action)| !matches!(action, Action::ToggleHelp | Action::Quit));
    for (key, what, action) in all {
        // The granularity toggle names what it switches to.
        let what = match action {
            Action::ToggleGranularity if app.granularity() == Granularity::Sentence => "paragraphs",
            _ => what,
        };
        let needed = display_width(&key) + 1 + display_width(what);
        if used + needed > width {
            break;
        }
        used += needed + 3;
        spans.push(Span::styled(key, theme.hint_key));
        spans.push(Span::styled(format!(" {what}   "), theme.hints));
    }
    Line::from(spans)
}
