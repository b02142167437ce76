//! The facts view: every fact group across the articles, discrepancies
//! first, each with its variants and where they occur (article number and
//! paragraphs). The selected variant is reversed and marked `▶`; a
//! discrepancy's title is marked `!`, so it reads without colour.
//!
//! ```text
//! ┌ Facts across 5 articles — 111 facts, 11 discrepancies first ─┐
//! │   kind         fact · variant                    where (¶)   │
//! │ ! name         Witkoff — spelled 2 ways: …                   │
//! │              ▶ Witkoff                      1 ¶6 ¶14 · 2 ¶2  │
//! │                Whitcoff                     4 ¶2 ¶15         │
//! └──────────────────────────────────────────────────────────────┘
//! ```

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::app::App;
use crate::app::corpus_views::article_mark;
use crate::app::facts_view::{FactRow, FactsList};
use crate::facts::Variant;
use crate::width::display_width;

use super::fit::fit;
use super::theme::Theme;

/// Columns before a fact's title: the `!` mark and the kind.
const KIND: usize = 15;

/// Draws the facts list over `area`.
pub fn render_facts(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    super::overlay::clear(area, buf);
    let Some(list) = app.facts() else {
        return;
    };
    let discrepancies = match list.discrepancies() {
        0 => "no discrepancies".to_string(),
        n => format!(
            "{} first",
            crate::report::count_irregular(n, "discrepancy", "discrepancies")
        ),
    };
    let title = format!(
        " Facts across {} — {}, {} ",
        crate::report::count(app.articles().len(), "article"),
        crate::report::count(list.facts.len(), "fact"),
        discrepancies
    );
    // Cut with "…" inside the corners, not by them.
    let title = fit(&title, usize::from(area.width.saturating_sub(2)));
    let block = Block::new()
        .borders(Borders::ALL)
        .title(Span::styled(title, theme.hint_key));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 {
        return;
    }
    let heading = format!(
        "  {:<w$}fact · variant   article ¶paragraphs",
        "kind",
        w = KIND - 2
    );
    let width = usize::from(inner.width);
    buf.set_stringn(
        inner.x,
        inner.y,
        fit(&heading, width.saturating_sub(RIGHT_MARGIN)),
        width,
        theme.header,
    );
    let visible = usize::from(inner.height - 1);
    for (slot, row) in list.rows.iter().skip(list.scroll).take(visible).enumerate() {
        let y = inner.y + 1 + slot as u16;
        let selected = list.selected_row() == Some(list.scroll + slot);
        let line = match *row {
            FactRow::Fact(f) => fact_line(list, f, theme, width),
            FactRow::Variant(f, v) => variant_line(list, f, v, selected, theme, width),
        };
        buf.set_line(inner.x, y, &line, inner.width);
        if selected {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), theme.selected);
        }
    }
}

fn fact_line<'a>(list: &'a FactsList, f: usize, theme: &Theme, width: usize) -> Line<'a> {
    let fact = &list.facts[f];
    let (mark, mark_style) = if fact.discrepancy {
        ("! ", theme.discrepancy)
    } else {
        ("  ", theme.dim)
    };
    let reason = fact
        .reason
        .as_deref()
        .map(|r| format!(" — {r}"))
        .unwrap_or_default();
    // Label and reason share the columns after the kind, less one before
    // the border; each is cut with "…" rather than by the border.
    let room = width.saturating_sub(KIND + RIGHT_MARGIN);
    let label = fit(
        &fact.label,
        room.saturating_sub(display_width(&reason))
            .max(12)
            .min(room),
    );
    let reason = fit(&reason, room.saturating_sub(display_width(&label)));
    Line::from(vec![
        Span::styled(mark, mark_style),
        Span::styled(format!("{:<w$}", fact.kind.name(), w = KIND - 2), theme.dim),
        Span::styled(label, theme.hint_key),
        Span::styled(reason, mark_style),
    ])
}

/// Columns kept free before the overlay's right border.
const RIGHT_MARGIN: usize = 1;

/// Fewest columns a variant's own text is given.
const MIN_VARIANT: usize = 8;

fn variant_line<'a>(
    list: &'a FactsList,
    f: usize,
    v: usize,
    selected: bool,
    theme: &Theme,
    width: usize,
) -> Line<'a> {
    let variant = &list.facts[f].variants[v];
    // The indent and marker, the gap before the places, the margin.
    let fixed = KIND + 3 + RIGHT_MARGIN;
    // The places take up to half the line, and never the variant's
    // least room: on a narrow screen they are cut with "…", not by the
    // border.
    let places = fit(
        &places(variant),
        (width / 2).min(width.saturating_sub(fixed + MIN_VARIANT)),
    );
    let room = width
        .saturating_sub(fixed + display_width(&places))
        .max(MIN_VARIANT);
    Line::from(vec![
        Span::raw(" ".repeat(KIND - 2)),
        Span::raw(if selected { "▶ " } else { "  " }),
        Span::raw(fit(&variant.text, room)),
        Span::raw("   "),
        Span::styled(places, theme.dim),
    ])
}

/// Where a variant occurs: `1 ¶6 ¶14 · 4 ¶2` (article, then paragraphs).
/// Enter shows the first of these.
fn places(variant: &Variant) -> String {
    let parts = variant.paragraphs_by_article();
    let part = |(article, paragraphs): &(usize, Vec<usize>)| {
        let list: Vec<String> = paragraphs.iter().map(|p| format!("¶{}", p + 1)).collect();
        format!("{} {}", article_mark(*article), list.join(" "))
    };
    parts.iter().map(part).collect::<Vec<_>>().join(" · ")
}
