//! What the whole of a pair says about its names, for the callouts of
//! each of its links. A link reads only its own few texts, and in German,
//! where every noun is capitalised, a few verses cannot tell "Früchte"
//! from "Joseph": a verse too short to show two German function words
//! read as English, and its nouns were called out as changed names. So
//! the language is decided per side (by [`german_enough`], as `facts`
//! decides it per article), and a pair with a German side is read for
//! name evidence once, over both sides, as `facts` reads a corpus. Other
//! pairs keep judging names by each link's own texts, which costs nothing
//! up front.

use super::casing::{Casing, Forms, german_enough, german_words};
use super::lexicon::ShortWords;
use super::scan::Scan;
use super::tokens::{Token, tokens};
use crate::article::Kind;
use crate::parallel::{SPLIT_FROM_BYTES, join};

/// Left and right.
const SIDES: usize = 2;

/// Common English function words, lower-case: a paragraph of a German
/// side that shows more of these than German ones (a quoted English
/// sentence) keeps English capitalisation.
const ENGLISH_FUNCTION_WORDS: ShortWords<11> = ShortWords::new([
    "the", "and", "of", "to", "is", "that", "with", "was", "for", "not", "are",
]);

/// Which sides read as German, and, when one does, how both sides write
/// their words.
#[derive(Debug, Default)]
pub struct PairEvidence {
    german: [bool; SIDES],
    casing: Option<Casing>,
    /// Per side, how often it writes each capitalised word inside a
    /// sentence: which of two forms of a name is that side's usual one.
    forms: [Forms; SIDES],
}

impl PairEvidence {
    /// How the left side is numbered where a side is asked for.
    pub const LEFT: usize = 0;
    /// How the right side is numbered.
    pub const RIGHT: usize = 1;

    /// Reads the story paragraphs of both sides, given which sides are
    /// German as a whole. A pair with no German side costs nothing; a
    /// German one is read like `facts` reads articles, each side on its
    /// own core, and `stop` is asked before each paragraph: `None` once it
    /// says so (the reader's `Esc` must not wait for a book to be read).
    pub fn of(
        left: &[&str],
        right: &[&str],
        german: [bool; SIDES],
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Option<Self> {
        if !german.contains(&true) {
            return Some(PairEvidence {
                german,
                ..PairEvidence::default()
            });
        }
        let bytes: usize = left.iter().chain(right).map(|t| t.len()).sum();
        // Each paragraph is read, tallied and let go: a book-length side
        // is never held read.
        let tally = |texts: &[&str], side: usize| {
            Casing::of_paragraphs(texts.iter().take_while(|_| !stop()).map(|text| {
                Scan::with_language(0, text, Kind::Body, |words| {
                    paragraph_is_german(german[side], words)
                })
            }))
        };
        let (left_casing, right_casing) = join(
            bytes >= SPLIT_FROM_BYTES,
            || tally(left, Self::LEFT),
            || tally(right, Self::RIGHT),
        );
        if stop() {
            return None;
        }
        let forms = [left_casing.forms(), right_casing.forms()];
        Some(PairEvidence {
            german,
            casing: Some(left_casing.merged_with(right_casing)),
            forms,
        })
    }

    /// Whether a paragraph of `side` ([`Self::LEFT`] or [`Self::RIGHT`]) with these words
    /// follows German capitalisation.
    pub fn is_german(&self, side: usize, words: &[Token]) -> bool {
        paragraph_is_german(self.side_is_german(side), words)
    }

    /// How the whole pair writes its words, when it was read (a side is
    /// German); else a link judges names by its own texts.
    pub(super) fn casing(&self) -> Option<&Casing> {
        self.casing.as_ref()
    }

    /// Whether a capitalised word in `piece`, a stretch of a paragraph of
    /// `side`, could be (part of) a name: on a side that is not German any
    /// capital could; on a German one only an acronym or a word with name
    /// evidence, as the name test will later decide.
    pub fn capital_may_be_name(&self, side: usize, piece: &str) -> bool {
        let Some(casing) = self.casing.as_ref().filter(|_| self.side_is_german(side)) else {
            return true;
        };
        tokens(piece)
            .iter()
            .filter(|w| w.is_capitalised())
            .any(|w| w.is_acronym() || casing.is_german_name(w.stem()))
    }

    /// Whether `form`, written on `side`, is that side's inflection of
    /// the name `base`: a genitive -s ("Galiläa" → "Galiläas") or a Latin
    /// case ("Jesus" → "Jesu", "Christus" → "Christi"), and the side
    /// writes the base at least as often. An older spelling is instead
    /// the side's usual form ("Moses", where the other side writes
    /// "Mose", is how that side writes the name) and stays a change.
    pub fn inflects(&self, side: usize, form: &str, base: &str) -> bool {
        let genitive = form.strip_suffix('s') == Some(base);
        let latin = base
            .strip_suffix("us")
            .and_then(|stem| form.strip_prefix(stem))
            .is_some_and(|ending| ending == "u" || ending == "i");
        let Some(forms) = self.forms.get(side) else {
            return false;
        };
        let usual = forms.count(base);
        (genitive || latin) && usual > 0 && usual >= forms.count(form)
    }

    fn side_is_german(&self, side: usize) -> bool {
        self.german.get(side).copied().unwrap_or(false)
    }

    /// Whether either side reads as German.
    pub fn has_german(&self) -> bool {
        self.german.contains(&true)
    }
}

/// A paragraph's own function words decide when it has them (two German
/// ones, as `facts` asks; or, on a German side, more English than German
/// ones); a paragraph too short to tell follows its side.
fn paragraph_is_german(side_german: bool, words: &[Token]) -> bool {
    let german = german_words(words);
    german_enough(german, words.len()) || (side_german && english_words(words) <= german)
}

/// How many of `words` are common English function words.
fn english_words(words: &[Token]) -> usize {
    words
        .iter()
        .filter(|w| ENGLISH_FUNCTION_WORDS.contains_any_case(w.text))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(left: &[&str], right: &[&str], german: [bool; SIDES]) -> PairEvidence {
        PairEvidence::of(left, right, german, &|| false).unwrap_or_default()
    }

    #[test]
    fn a_stopped_read_gives_no_evidence() {
        assert!(PairEvidence::of(GERMAN, GERMAN, [true, true], &|| true).is_none());
        // Nothing to read for a pair without a German side.
        assert!(PairEvidence::of(ENGLISH, ENGLISH, [false, false], &|| true).is_some());
    }

    const GERMAN: &[&str] = &[
        "Und er ging hinaus.",
        "Da sprach Jesus zu ihnen: Folget mir nach.",
        "Die Früchte des Feldes sind reif, und das ist gut.",
        "Joseph aber nahm das Kind.",
    ];
    const ENGLISH: &[&str] = &[
        "And he went out.",
        "Then Jesus said to them: Follow me.",
        "The fruits of the field are ripe, and that is good.",
    ];

    #[test]
    fn a_short_paragraph_follows_its_side_and_english_keeps_its_own() {
        let pair = evidence(GERMAN, ENGLISH, [true, false]);
        let short = tokens("Und er ging hinaus.");
        assert!(pair.is_german(0, &short));
        assert!(!pair.is_german(1, &tokens("And he went out.")));
        let quoted = tokens("He said that the fruits of the field are good.");
        assert!(!pair.is_german(0, &quoted));
    }

    #[test]
    fn german_capitals_may_be_names_only_with_evidence() {
        let left = [
            "Und Joseph ging nach Nazareth, und die Früchte waren reif.",
            "Die Früchte des Feldes sind reif, und das ist gut.",
            "Da kam Joseph zu den Jüngern.",
        ];
        let pair = evidence(&left, &left, [true, true]);
        assert!(pair.capital_may_be_name(0, "Nazareth"));
        assert!(!pair.capital_may_be_name(0, "Früchte"));
        assert!(pair.capital_may_be_name(0, "die NATO"));
        let english = evidence(ENGLISH, ENGLISH, [false, false]);
        assert!(english.capital_may_be_name(0, "Fruits"));
    }
}
