//! Search in both texts: the prompt being typed, the hits of the last
//! query, and which hit is current. Lower-case queries ignore case; a
//! capital letter makes the search case-sensitive (smart case).

use std::ops::Range;
use std::sync::Arc;

use super::jobs::SearchRanges;
use super::rows::{RowModel, Side};

/// A match of the query in one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub side: Side,
    pub unit: usize,
    pub range: Range<usize>,
    /// Where it shows in the current row model.
    pub row: usize,
}

/// Search state.
#[derive(Debug, Clone, Default)]
pub struct Search {
    prompt: Option<String>,
    query: String,
    /// Per side, per unit: every match, shown or not (found by a job).
    ranges: Arc<SearchRanges>,
    /// The shown matches in reading order.
    hits: Vec<Hit>,
    current: Option<usize>,
}

impl Search {
    /// The text typed so far, while the prompt is open.
    pub fn prompt(&self) -> Option<&str> {
        self.prompt.as_deref()
    }
    /// The last query that was run ("" when none).
    pub fn query(&self) -> &str {
        &self.query
    }
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }
    /// Matches in text not shown (hidden page furniture): a search that
    /// finds only those must not read as finding nothing.
    pub fn hidden(&self) -> usize {
        let found: usize = self.ranges.iter().flatten().map(Vec::len).sum();
        found.saturating_sub(self.hits.len())
    }

    /// Index into [`Search::hits`] of the current match.
    pub fn current(&self) -> Option<usize> {
        self.current
    }
    /// A query is in force (n/N move between its matches).
    pub fn is_active(&self) -> bool {
        !self.query.is_empty()
    }

    /// Matches inside a unit of one side, for highlighting.
    pub fn ranges(&self, side: Side, unit: usize) -> &[Range<usize>] {
        self.ranges[side_index(side)]
            .get(unit)
            .map_or(&[], Vec::as_slice)
    }

    /// The matches of a unit that overlap bytes `within` (one wrapped
    /// line): found by binary search, so a paragraph with thousands of
    /// matches costs a line no more than a few.
    pub fn ranges_within(&self, side: Side, unit: usize, within: &Range<usize>) -> &[Range<usize>] {
        let all = self.ranges(side, unit);
        let first = all.partition_point(|r| r.end <= within.start);
        let end = first + all[first..].partition_point(|r| r.start < within.end);
        &all[first..end]
    }

    /// Whether a match is the current one.
    pub fn is_current(&self, side: Side, unit: usize, start: usize) -> bool {
        self.current
            .and_then(|i| self.hits.get(i))
            .is_some_and(|h| h.side == side && h.unit == unit && h.range.start == start)
    }

    pub(super) fn open_prompt(&mut self) {
        self.prompt = Some(String::new());
    }
    pub(super) fn prompt_mut(&mut self) -> Option<&mut String> {
        self.prompt.as_mut()
    }
    pub(super) fn close_prompt(&mut self) -> Option<String> {
        self.prompt.take()
    }
    pub(super) fn set_current(&mut self, index: Option<usize>) {
        self.current = index;
    }

    /// A search for `query` has started: its matches are not in yet.
    pub(super) fn begin(&mut self, query: String) {
        *self = Search {
            query,
            ..Search::default()
        };
    }

    /// Forgets the query and its matches.
    pub(super) fn clear(&mut self) {
        *self = Search::default();
    }

    /// Takes in the matches a search job found for `query`, and places
    /// them in `model`.
    pub(super) fn set_ranges(
        &mut self,
        query: String,
        ranges: Arc<SearchRanges>,
        model: &RowModel,
    ) {
        self.ranges = ranges;
        self.query = query;
        self.relocate(model);
    }

    /// Re-finds the rows of all matches after a re-layout.
    pub(super) fn relocate(&mut self, model: &RowModel) {
        self.hits.clear();
        self.current = None;
        let ranges = Arc::clone(&self.ranges);
        for side in [Side::Left, Side::Right] {
            for (unit, ranges) in ranges[side_index(side)].iter().enumerate() {
                for range in ranges {
                    if let Some(row) = model.row_of(side, unit, range.start) {
                        self.hits.push(Hit {
                            side,
                            unit,
                            range: range.clone(),
                            row,
                        });
                    }
                }
            }
        }
        self.hits
            .sort_unstable_by_key(|h| (h.row, h.side == Side::Right, h.unit, h.range.start));
    }
}

fn side_index(side: Side) -> usize {
    usize::from(side == Side::Right)
}

/// Non-overlapping byte ranges of `query` in `text`; with `fold`, letters
/// compare case-insensitively. Curly and straight quotes, and dash
/// variants, always compare equal (as in the word diff). Char by char, so
/// offsets stay exact.
pub fn find_all(text: &str, query: &str, fold: bool) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let key = |c: char| {
        let c = typographic(c);
        if fold {
            c.to_lowercase().next().unwrap_or(c)
        } else {
            c
        }
    };
    let needle: Vec<char> = query.chars().map(key).collect();
    let hay: Vec<(usize, char)> = text.char_indices().map(|(i, c)| (i, key(c))).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()]
            .iter()
            .map(|&(_, c)| c)
            .eq(needle.iter().copied())
        {
            let end = hay.get(i + needle.len()).map_or(text.len(), |&(b, _)| b);
            out.push(hay[i].0..end);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Quotes and dashes as plain ASCII: typing `"` finds “ and ”.
fn typographic(c: char) -> char {
    match c {
        '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => '\'',
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_queries_ignore_case() {
        assert_eq!(find_all("Kyiv and KYIV", "kyiv", true), [0..4, 9..13]);
    }

    #[test]
    fn capitals_make_it_case_sensitive() {
        assert_eq!(find_all("Kyiv and kyiv", "Kyiv", false), vec![(0..4)]);
    }

    #[test]
    fn curly_and_straight_quotes_and_dashes_match() {
        let text = "NATO’s “Article 5” – and more";
        let hits = find_all(text, "nato's \"article 5\" - and", true);
        assert_eq!(hits.len(), 1);
        assert_eq!(&text[hits[0].clone()], "NATO’s “Article 5” – and");
        assert_eq!(find_all(text, "NATO's", false).len(), 1);
    }

    #[test]
    fn offsets_stay_exact_in_cyrillic() {
        let text = "Зустріч у Києві";
        let hits = find_all(text, "києві", true);
        assert_eq!(hits.len(), 1);
        assert_eq!(&text[hits[0].clone()], "Києві");
    }
}
