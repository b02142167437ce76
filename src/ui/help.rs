//! The `?` overlay: every key, generated from the keymap table, and a
//! legend of the marks the panes and the ruler use.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::app::Action;
use crate::app::keymap::{BINDINGS, Key, key_for, keys_label};
use crate::app::rows::GroupKind;
use crate::width::display_width;

use super::ruler::{glyph, kind_style};
use super::theme::Theme;

/// Columns given to the keys before their description.
const KEYS_WIDTH: usize = 14;

/// Draws the overlay centred in `area`.
pub fn render_help(
    theme: &Theme,
    scroll: usize,
    rebound: &[(Key, Action)],
    area: Rect,
    buf: &mut Buffer,
) {
    let keys = key_lines(theme, false, rebound);
    let mut legend = legend_lines(theme, rebound);
    legend.push(Line::default());
    legend.extend(key_lines(theme, true, rebound));
    // As wide as the longest key line and a gap, so a long description
    // never runs into the legend; the left column is clipped to it.
    let longest = keys.iter().map(Line::width).max().unwrap_or(0) + 2;
    let column = u16::try_from(longest).unwrap_or(u16::MAX).max(62);
    let two_columns = area.width >= column * 2 + 3;
    let (width, height) = if two_columns {
        (column * 2 + 3, keys.len().max(legend.len()))
    } else {
        (column + 2, keys.len() + legend.len() + 1)
    };
    let width = width.min(area.width);
    let height = u16::try_from(height + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    super::overlay::clear(popup, buf);
    let all_fit = usize::from(height.saturating_sub(2))
        >= if two_columns {
            keys.len().max(legend.len())
        } else {
            keys.len() + legend.len() + 1
        };
    // When the list scrolls, quit (listed last) is below the fold: the
    // title names its key.
    let key = |action: Action| key_for(&action, rebound);
    let closes = format!(
        "{} or {} closes",
        key(Action::Back),
        key(Action::ToggleHelp)
    );
    let title = if all_fit {
        format!(" Keys — {closes} ")
    } else {
        format!(
            " Keys — {}/{} scroll · {closes} · {} quits ",
            key(Action::Down(1)),
            key(Action::Up(1)),
            key(Action::Quit)
        )
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .title(Span::styled(title, theme.hint_key));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let mut lines = keys;
    if two_columns {
        let right = Rect {
            x: inner.x + column + 1,
            width: inner.width.saturating_sub(column + 1),
            ..inner
        };
        draw_lines(&legend, right, buf);
    } else {
        lines.push(Line::default());
        lines.extend(legend);
    }
    let text = Rect {
        width: if two_columns { column } else { inner.width }.min(inner.width),
        ..inner
    };
    let hidden = lines.len().saturating_sub(usize::from(inner.height));
    draw_lines(&lines[scroll.min(hidden)..], text, buf);
}

fn draw_lines(lines: &[Line], area: Rect, buf: &mut Buffer) {
    for (line, y) in lines.iter().zip(area.y..area.y + area.height) {
        buf.set_line(area.x, y, line, area.width);
    }
}

/// The reader's keys, or (with `views`) the keys of the full-screen views,
/// as bound now (`rebound`: the config file's keys).
fn key_lines(theme: &Theme, views: bool, rebound: &[(Key, Action)]) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut section = "";
    for binding in BINDINGS.iter().filter(|b| b.scope.is_view() == views) {
        if binding.section != section {
            section = binding.section;
            lines.push(Line::from(Span::styled(section, theme.header)));
        }
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {:<KEYS_WIDTH$}", keys_label(binding, rebound)),
                theme.hint_key,
            ),
            Span::raw(binding.help),
        ]));
    }
    lines
}

fn legend_lines(theme: &Theme, rebound: &[(Key, Action)]) -> Vec<Line<'static>> {
    fn mark(
        text: &'static str,
        style: ratatui::style::Style,
        what: impl Into<std::borrow::Cow<'static, str>>,
    ) -> Line<'static> {
        Line::from(vec![
            Span::raw("  "),
            Span::styled(text, style),
            Span::raw(" ".repeat(12usize.saturating_sub(display_width(text)))),
            Span::raw(what),
        ])
    }
    let mut lines = vec![
        Line::from(Span::styled("Marks", theme.header)),
        mark(
            "struck",
            theme.left_only_words,
            "words only the left text has",
        ),
        mark(
            "underlined",
            theme.right_only_words,
            "words only the right text has",
        ),
        mark("only ▌", theme.only_left, "a paragraph only this text has"),
        mark(
            "dim italic",
            theme.shared_words,
            "words the other text has too, elsewhere",
        ),
        mark(
            "bold",
            theme.differing_fact.patch(theme.left_only_words),
            "a number, name, date or quote given differently",
        ),
        mark(
            "→R¶12",
            theme.moved,
            "moved: the right text has it at its ¶12",
        ),
        mark(
            "┌ │ └",
            theme.bracket,
            "merged or split paragraphs, linked as one",
        ),
        mark("¶3", theme.number, "paragraph number in this text"),
        mark(
            "12·4·",
            theme.hint_key,
            "coverage (c): the articles that carry it",
        ),
        mark(
            "▶ / bar",
            theme.cursor,
            "where n/N, m, a click or a fact landed",
        ),
        mark(
            "reversed",
            theme.fact_mark,
            "the fact jumped to from the facts view (F)",
        ),
        mark(
            "[caption]",
            theme.prefix,
            format!(
                "page furniture, hidden at start ({} shows)",
                key_for(&Action::ToggleFurniture, rebound)
            ),
        ),
        Line::from(Span::styled(
            "Ruler (right edge; reversed = on screen)",
            theme.header,
        )),
    ];
    let kinds = [
        (GroupKind::Same, "same in both"),
        (GroupKind::Reworded, "reworded"),
        (GroupKind::Moved, "moved"),
        (GroupKind::OnlyLeft, "only in the left text"),
        (GroupKind::OnlyRight, "only in the right text"),
    ];
    for (kind, what) in kinds {
        lines.push(mark(glyph(kind), kind_style(kind, theme), what));
    }
    lines
}
