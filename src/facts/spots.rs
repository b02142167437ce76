//! The facts of a few texts on their own, for the word diff of one link:
//! the same recognisers as [`super::extract_facts`] (dates, names,
//! quantities, quotations), with name evidence drawn from just these
//! texts, plus bare numbers — inside a link, "80" against "75" is worth
//! a look even without a unit.

use std::ops::Range;

use super::FactKind;
use super::casing::Casing;
use super::dates::dates_in_words;
use super::name_key::{fold, fold_joined};
use super::names::name_runs;
use super::numbers::{numbers_in_words, sign_before};
use super::pair::PairEvidence;
use super::quotes::quotes_in;
use super::scan::Scan;
use super::tokens::{Token, tokens};
use crate::article::Kind;

/// One fact as written in one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    pub kind: FactKind,
    /// Byte range into the text.
    pub range: Range<usize>,
    /// The value compared: "--12-15", "80%", a folded name or quote.
    pub value: String,
}

/// The facts of each of `texts`, each list in reading order. Names count
/// on the casing evidence of all the texts together.
pub fn spots_in(texts: &[&str]) -> Vec<Vec<Spot>> {
    let spotter = Spotter::new(texts);
    (0..texts.len()).map(|i| spotter.spots(i)).collect()
}

/// A few texts read once (their words and forced capitals), with the name
/// evidence of all of them, so a caller asks for the facts of only the
/// texts it needs: a link's word diff looks at the texts that have
/// only-here words, and reading every text a second time for names,
/// dates and numbers was most of the cost of callouts.
pub struct Spotter<'a> {
    scans: Vec<Scan<'a>>,
    casing: Casing,
    /// The pair the texts come from, whose name evidence is used when it
    /// was read (a side is German).
    pair: Option<&'a PairEvidence>,
}

impl<'a> Spotter<'a> {
    /// Reads `texts` and tallies how each word is written; a German
    /// paragraph (by its own function words) then has no names but
    /// acronyms, as there is no evidence to tell its nouns from names.
    pub fn new(texts: &[&'a str]) -> Self {
        let scans = texts
            .iter()
            .map(|text| Scan::new(0, text, Kind::Body, false))
            .collect();
        Self::tallied(scans, None)
    }

    /// Reads texts of a link, each with its side in `pair` (0 left,
    /// 1 right): a paragraph follows its side's language unless its own
    /// words say otherwise, and German capitals are names by the pair's
    /// evidence.
    pub fn of_link(texts: &[(&'a str, usize)], pair: &'a PairEvidence) -> Self {
        let scans = texts
            .iter()
            .map(|&(text, side)| {
                Scan::with_language(0, text, Kind::Body, |words| pair.is_german(side, words))
            })
            .collect();
        Self::tallied(scans, Some(pair))
    }

    /// A pair that was read for names lends its evidence; otherwise the
    /// texts are tallied for it.
    fn tallied(scans: Vec<Scan<'a>>, pair: Option<&'a PairEvidence>) -> Self {
        let casing = if pair.and_then(PairEvidence::casing).is_none() {
            Casing::of_link(&scans)
        } else {
            Casing::default()
        };
        Spotter {
            scans,
            casing,
            pair,
        }
    }

    /// The facts of text `i` (as given to [`Spotter::new`]) in reading
    /// order; none for an index out of range.
    pub fn spots(&self, i: usize) -> Vec<Spot> {
        self.spots_where(i, |_| true)
    }

    /// [`Spotter::spots`] of text `i` whose byte range `keep` accepts.
    /// Facts are still found in the whole text (a name must not overlap a
    /// date, nor a number either), but only the kept ones get a value: a
    /// link asks for the few facts its only-here words touch, and the
    /// strings and folds of every other name were a tenth of its
    /// callouts on a book-length pair.
    pub fn spots_where(&self, i: usize, keep: impl Fn(&Range<usize>) -> bool) -> Vec<Spot> {
        self.scans
            .get(i)
            .map_or_else(Vec::new, |scan| spots_of(scan, self.name_evidence(), keep))
    }

    /// The pair's evidence when it was read, else the texts' own.
    fn name_evidence(&self) -> &Casing {
        self.pair
            .and_then(PairEvidence::casing)
            .unwrap_or(&self.casing)
    }
}

/// A fact found in a text, its value made only if it is kept.
struct Found {
    kind: FactKind,
    range: Range<usize>,
    value: Value,
}

/// How a found fact's value is made.
enum Value {
    /// Dates and numbers (few: only texts with a digit have them).
    Made(String),
    /// A name: its words' folded stems, from these words of the text.
    Name(Range<usize>),
    /// A quotation: its words folded.
    Quote,
}

fn spots_of(scan: &Scan, casing: &Casing, keep: impl Fn(&Range<usize>) -> bool) -> Vec<Spot> {
    let (text, words) = (scan.text, &scan.words);
    // Every date has a day and every number a figure, both starting with
    // an ASCII digit: a text without one (most sentences) has neither,
    // and is not searched for them.
    let digits = text.bytes().any(|b| b.is_ascii_digit());
    let mut out: Vec<Found> = Vec::new();
    if digits {
        for d in dates_in_words(text, words) {
            out.push(Found {
                kind: FactKind::Date,
                value: Value::Made(d.normalized()),
                range: d.range,
            });
        }
    }
    for run in name_runs(scan, casing) {
        if !overlaps(&out, &run.range) {
            out.push(Found {
                kind: FactKind::Name,
                value: Value::Name(run.words),
                range: run.range,
            });
        }
    }
    if digits {
        numbers(text, words, &mut out);
    }
    for q in quotes_in(text) {
        out.push(Found {
            kind: FactKind::Quote,
            value: Value::Quote,
            range: q.range,
        });
    }
    out.retain(|found| keep(&found.range));
    out.sort_by_key(|s| (s.range.start, s.range.end));
    out.into_iter()
        .map(|found| {
            let value = match found.value {
                Value::Made(value) => value,
                Value::Name(run) => {
                    let stems = words.get(run).unwrap_or_default().iter().map(Token::stem);
                    fold_joined(stems)
                }
                Value::Quote => {
                    let quoted = text.get(found.range.clone()).unwrap_or_default();
                    let folded: Vec<String> = tokens(quoted).iter().map(|t| fold(t.text)).collect();
                    folded.join(" ")
                }
            };
            Spot {
                kind: found.kind,
                range: found.range,
                value,
            }
        })
        .collect()
}

/// Adds the quantities, then the bare numbers, of a text to the dates and
/// names found in it (which they must not overlap).
fn numbers(text: &str, words: &[Token], out: &mut Vec<Found>) {
    let taken: Vec<Range<usize>> = out.iter().map(|s| s.range.clone()).collect();
    for n in numbers_in_words(text, words, &taken) {
        out.push(Found {
            kind: FactKind::Number,
            value: Value::Made(n.normalized()),
            range: n.range,
        });
    }
    for t in words {
        if !t.is_number() {
            continue;
        }
        // "-5" and "−10" are negative: the sign is part of the number
        // ("−10 degrees" → "10 degrees" changed it).
        let sign = sign_before(text, t.start);
        let range = t.start - sign..t.end;
        if !overlaps(out, &range) {
            let digits = t.text.replace(',', "");
            let value = if sign > 0 {
                format!("-{digits}")
            } else {
                digits
            };
            out.push(Found {
                kind: FactKind::Number,
                value: Value::Made(value),
                range,
            });
        }
    }
}

/// Whether `range` overlaps a spot already found.
fn overlaps(out: &[Found], range: &Range<usize>) -> bool {
    out.iter()
        .any(|s| s.range.start < range.end && range.start < s.range.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_numbers_dates_names_and_quotes() {
        let text = "On December 15 Steve Witkoff said 80% of Donbas was “not for sale at all”, and 14 more.";
        let spots = spots_in(&[text]).remove(0);
        let kinds: Vec<(FactKind, &str)> = spots
            .iter()
            .map(|s| (s.kind, &text[s.range.clone()]))
            .collect();
        assert!(
            kinds.contains(&(FactKind::Date, "December 15")),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&(FactKind::Name, "Steve Witkoff")),
            "{kinds:?}"
        );
        assert!(kinds.contains(&(FactKind::Number, "80%")), "{kinds:?}");
        assert!(kinds.contains(&(FactKind::Number, "14")), "{kinds:?}");
        assert!(
            kinds.contains(&(FactKind::Quote, "not for sale at all")),
            "{kinds:?}"
        );
    }

    #[test]
    fn a_minus_sign_belongs_to_its_number_and_a_hyphen_does_not() {
        let text = "It fell to −10 degrees, then -5, in COVID-19 week 5-7.";
        let numbers: Vec<(&str, String)> = spots_in(&[text])
            .remove(0)
            .into_iter()
            .filter(|s| s.kind == FactKind::Number)
            .map(|s| (&text[s.range.clone()], s.value))
            .collect();
        assert!(numbers.contains(&("−10", "-10".to_string())), "{numbers:?}");
        assert!(numbers.contains(&("-5", "-5".to_string())), "{numbers:?}");
        assert!(
            numbers
                .iter()
                .all(|(written, _)| !written.starts_with("-1")),
            "{numbers:?}"
        );
        assert!(numbers.contains(&("7", "7".to_string())), "{numbers:?}");
        // A quantity keeps its sign too.
        let text = "Growth was -5 percent, not 5 percent.";
        let quantities: Vec<(&str, String)> = spots_in(&[text])
            .remove(0)
            .into_iter()
            .map(|s| (&text[s.range.clone()], s.value))
            .collect();
        assert_eq!(
            quantities,
            [("-5 percent", "-5%".into()), ("5 percent", "5%".into())]
        );
    }
}
