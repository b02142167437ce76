//! One article's pane: a header with its title, then the visible rows of
//! the row model, each a gutter (paragraph number or marker, bracket) and
//! a wrapped line with word and search highlights.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line as TextLine, Span};

use crate::app::geometry::GUTTER;
use crate::app::rows::{GroupKind, GroupRows, Line, Side, WordMark, prefix};
use crate::app::{App, Focus};
use crate::article::Kind;
use crate::report::Mark;

use super::coverage::markers;
use super::theme::Theme;

/// Draws `side`'s pane into `area` (header row included).
pub fn render_pane(app: &App, side: Side, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    render_header(app, side, theme, area, buf);
    for y in 1..area.height {
        let row = app.scroll() + usize::from(y - 1);
        let line_area = Rect::new(area.x, area.y + y, area.width, 1);
        render_row(app, side, theme, row, line_area, buf);
    }
}

fn render_header(app: &App, side: Side, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let focused = matches!(
        (app.focus(), side),
        (Focus::Left, Side::Left) | (Focus::Right, Side::Right)
    );
    let style = if focused {
        theme.header_focused
    } else {
        theme.header
    };
    let (tag, index) = match side {
        Side::Left => ("L", app.pair().0),
        Side::Right => ("R", app.pair().1),
    };
    // The outlet, when known, stays visible: the name gives way first.
    let outlet = app
        .article(side)
        .and_then(|a| a.outlet())
        .map(|o| format!(" · {o}"))
        .unwrap_or_default();
    let lead = format!(" {tag} {}: ", index + 1);
    let width = usize::from(area.width);
    let room = width.saturating_sub(lead.chars().count() + outlet.chars().count());
    let text = if room >= 12 {
        format!("{lead}{}{outlet}", super::fit::fit(app.name(index), room))
    } else {
        super::fit::fit(&format!("{lead}{}", app.name(index)), width)
    };
    buf.set_style(Rect::new(area.x, area.y, area.width, 1), style);
    buf.set_stringn(area.x, area.y, text, usize::from(area.width), style);
}

fn render_row(app: &App, side: Side, theme: &Theme, row: usize, area: Rect, buf: &mut Buffer) {
    let model = app.model();
    let Some(index) = model.group_at(row) else {
        return;
    };
    let group = &model.groups[index];
    let offset = row - group.start;
    let line = model.line_at(side, row);
    let gutter = gutter(app, side, theme, index, group, offset, line);
    buf.set_line(area.x, area.y, &gutter, GUTTER);
    let columns = app.geometry().gutter();
    if let Some(markers) = line
        .filter(|l| l.first)
        .and_then(|l| paragraph_start(app, side, l.unit?))
        .and_then(|p| markers(app, side, p, theme))
    {
        buf.set_line(area.x + GUTTER, area.y, &markers, columns - GUTTER);
    }
    let width = area.width.saturating_sub(columns);
    let Some(line) = line else {
        let note = match (group.kind, side) {
            (GroupKind::OnlyLeft, Side::Right) => "◂ only in the left text",
            (GroupKind::OnlyRight, Side::Left) => "only in the right text ▸",
            _ => return,
        };
        if offset == 0 {
            buf.set_stringn(
                area.x + columns,
                area.y,
                note,
                usize::from(width),
                theme.dim,
            );
        }
        return;
    };
    let text = text_line(app, side, theme, group, line);
    buf.set_line(area.x + columns, area.y, &text, width);
}

/// The article paragraph `unit` starts, if it is the paragraph's first unit.
fn paragraph_start(app: &App, side: Side, unit: usize) -> Option<usize> {
    let alignment = app.alignment();
    let units = if side == Side::Left {
        &alignment.left
    } else {
        &alignment.right
    };
    starts_paragraph(units, unit).then(|| units.get(unit).map(|u| u.paragraph))?
}

/// The five-column label, the bracket column and a space. The label is
/// this side's own paragraph number; a moved group's second row names
/// where the other text has it (`→R¶12` on the left, `←L¶3` on the
/// right); a one-sided group says `only`. A jump target's rows are marked
/// with a reversed bar for a moment.
fn gutter<'a>(
    app: &App,
    side: Side,
    theme: &Theme,
    index: usize,
    group: &GroupRows,
    offset: usize,
    line: Option<&Line>,
) -> TextLine<'a> {
    let alignment = app.alignment();
    let raw = &alignment.groups[group.group];
    let (units, other, other_members) = match side {
        Side::Left => (&alignment.left, &alignment.right, &raw.right),
        Side::Right => (&alignment.right, &alignment.left, &raw.left),
    };
    let own = match line {
        Some(Line {
            unit: Some(unit),
            first: true,
            ..
        }) if starts_paragraph(units, *unit) => {
            units.get(*unit).map(|u| format!("¶{}", u.paragraph + 1))
        }
        _ => None,
    };
    let has_text = group_has_text(group, side);
    let content_rows = group.height - 1;
    let one_sided = matches!(group.kind, GroupKind::OnlyLeft | GroupKind::OnlyRight);
    let (label, mut label_style) = match (group.kind, offset, own) {
        (_, _, _) if !has_text => (String::new(), theme.number),
        (_, 0, None) if one_sided => ("only".to_string(), side_style(side, theme)),
        (_, 1, _) if one_sided => ("only".to_string(), side_style(side, theme)),
        (_, 0, Some(own)) if one_sided => (own, side_style(side, theme)),
        (GroupKind::Moved, 0, own) => (own.unwrap_or_else(|| "↕".into()), theme.moved),
        (GroupKind::Moved, 1, _) => (counterpart(side, other, other_members), theme.moved),
        (_, _, Some(own)) => (own, theme.number),
        _ => (String::new(), theme.number),
    };
    let flashed = app.flash().is_some_and(|f| {
        f.side.is_none_or(|s| s == side) && f.rows.contains(&(group.start + offset))
    });
    if flashed || (app.cursor() == Some(index) && offset == 0) {
        label_style = theme.cursor;
    }
    let multi = raw.is_link() && (raw.left.len() > 1 || raw.right.len() > 1);
    let (bracket, bracket_style) = match (multi, group.kind, line.is_some()) {
        (true, _, _) if offset >= content_rows => (" ", theme.bracket),
        (true, _, _) if content_rows == 1 => ("[", theme.bracket),
        (true, _, _) if offset == 0 => ("┌", theme.bracket),
        (true, _, _) if offset + 1 == content_rows => ("└", theme.bracket),
        (true, _, _) => ("│", theme.bracket),
        (false, GroupKind::OnlyLeft | GroupKind::OnlyRight, true) => ("▌", side_style(side, theme)),
        _ => (" ", theme.bracket),
    };
    let label = if label_style == theme.cursor && label.is_empty() && offset == 0 {
        "▶".to_string()
    } else {
        label
    };
    TextLine::from(vec![
        Span::styled(format!("{label:<5}"), label_style),
        Span::styled(bracket, bracket_style),
        Span::raw(" "),
    ])
}

/// Where the other text has a moved group: `→R¶12` (seen from the left),
/// `←L¶3` (from the right); `→¶123` when five columns are too few.
fn counterpart(side: Side, other: &[crate::align::Unit], members: &[usize]) -> String {
    let Some(paragraph) = members
        .iter()
        .filter_map(|&u| other.get(u))
        .map(|u| u.paragraph + 1)
        .min()
    else {
        return String::new();
    };
    let (arrow, tag) = match side {
        Side::Left => ("→", "R"),
        Side::Right => ("←", "L"),
    };
    let full = format!("{arrow}{tag}¶{paragraph}");
    if full.chars().count() <= 5 {
        full
    } else {
        format!("{arrow}¶{paragraph}")
    }
}

/// Whether `side` has any text in the group (else the other side's note).
fn group_has_text(group: &GroupRows, side: Side) -> bool {
    match side {
        Side::Left => !group.left.is_empty(),
        Side::Right => !group.right.is_empty(),
    }
}

fn side_style(side: Side, theme: &Theme) -> Style {
    if side == Side::Left {
        theme.only_left
    } else {
        theme.only_right
    }
}

fn starts_paragraph(units: &[crate::align::Unit], unit: usize) -> bool {
    unit == 0 || units.get(unit - 1).map(|u| u.paragraph) != units.get(unit).map(|u| u.paragraph)
}

/// The text of one wrapped line, cut where highlights start and end.
fn text_line<'a>(
    app: &'a App,
    side: Side,
    theme: &Theme,
    group: &GroupRows,
    line: &Line,
) -> TextLine<'a> {
    let Some(unit) = line.unit else {
        return TextLine::default();
    };
    let alignment = app.alignment();
    let units = if side == Side::Left {
        &alignment.left
    } else {
        &alignment.right
    };
    let Some(u) = units.get(unit) else {
        return TextLine::default();
    };
    let base = match u.kind {
        Kind::Heading => theme.heading,
        Kind::Boilerplate | Kind::Caption => theme.furniture,
        Kind::Body | Kind::ListItem => Style::new(),
    };
    let (lead, indent) = prefix(u.kind);
    let mut spans = Vec::new();
    if line.first && !lead.is_empty() {
        spans.push(Span::styled(lead, theme.prefix));
    } else if !line.first && indent > 0 {
        spans.push(Span::raw(" ".repeat(indent)));
    }
    let level = app.words();
    let marks: Vec<(WordMark, Range<usize>)> = if group.kind != GroupKind::Same {
        app.model().side(side).changes[unit]
            .iter()
            .filter(|(m, _)| match m {
                WordMark::OnlyHere | WordMark::Fact => level.shows(Mark::Changed),
                WordMark::Shared => level.shows(Mark::Shared),
            })
            .cloned()
            .collect()
    } else {
        Vec::new()
    };
    let hits = app.search().ranges_within(side, unit, &line.range);
    let mark: &[Range<usize>] = match app.fact_mark() {
        Some(m) if m.side == side && m.unit == unit => std::slice::from_ref(&m.range),
        _ => &[],
    };
    let only_style = if side == Side::Left {
        theme.left_only_words
    } else {
        theme.right_only_words
    };
    let changes: Vec<Range<usize>> = marks.iter().map(|(_, r)| r.clone()).collect();
    for piece in cuts(line.range.clone(), &changes, &[hits, mark].concat()) {
        let mut style = base;
        // Shared first, then only-here, then a differing fact on top.
        for kind in [WordMark::Shared, WordMark::OnlyHere, WordMark::Fact] {
            let covered = marks
                .iter()
                .any(|(m, c)| *m == kind && c.start <= piece.start && piece.end <= c.end);
            if covered {
                style = style.patch(match kind {
                    WordMark::Shared => theme.shared_words,
                    WordMark::OnlyHere => only_style,
                    WordMark::Fact => theme.differing_fact,
                });
            }
        }
        if let Some(hit) = hits
            .iter()
            .find(|h| h.start <= piece.start && piece.end <= h.end)
        {
            let current = app.search().is_current(side, unit, hit.start);
            style = style.patch(if current {
                theme.search_current
            } else {
                theme.search_hit
            });
        }
        if mark
            .iter()
            .any(|m| m.start <= piece.start && piece.end <= m.end)
        {
            style = style.patch(theme.fact_mark);
        }
        spans.push(Span::styled(u.text.get(piece).unwrap_or_default(), style));
    }
    TextLine::from(spans)
}

/// `range` split at every boundary of `changes` and `hits` inside it.
fn cuts(range: Range<usize>, changes: &[Range<usize>], hits: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut points: Vec<usize> = vec![range.start, range.end];
    for r in changes.iter().chain(hits) {
        for p in [r.start, r.end] {
            if p > range.start && p < range.end {
                points.push(p);
            }
        }
    }
    points.sort_unstable();
    points.dedup();
    points.windows(2).map(|w| w[0]..w[1]).collect()
}
