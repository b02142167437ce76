//! Coverage markers: beside a paragraph's first line, one cell per loaded
//! article — its number when that article carries the paragraph, `·` when
//! it does not. The pane's own article is always bold. So `12·4·` reads
//! "articles 1, 2 and 4 have this" on any terminal, colour or not.

use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::corpus_views::article_mark;
use crate::app::rows::Side;

use super::theme::Theme;

/// The markers of paragraph `paragraph` of the article on `side`, or None
/// when coverage is off.
pub fn markers(app: &App, side: Side, paragraph: usize, theme: &Theme) -> Option<Line<'static>> {
    let carriers = app.carriers(side, paragraph)?;
    let own = match side {
        Side::Left => app.pair().0,
        Side::Right => app.pair().1,
    };
    let mut spans: Vec<Span> = (0..app.articles().len())
        .map(|i| {
            if i == own {
                Span::styled(article_mark(i).to_string(), theme.hint_key)
            } else if carriers.contains(&i) {
                Span::raw(article_mark(i).to_string())
            } else {
                Span::styled("·", theme.dim)
            }
        })
        .collect();
    spans.push(Span::raw(" "));
    Some(Line::from(spans))
}
