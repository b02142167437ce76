//! Name evidence for German, where every noun is capitalised and a capital
//! mid-sentence proves nothing. A capitalised word of a German paragraph is
//! a name only when the corpus shows it behaving like one:
//!
//! - **for**: right after a preposition with no article ("in Berlin",
//!   "nach Babylon"), inside a run of two capitalised words ("Martin
//!   Luther"), with a genitive -s form ("Davids"), capitalised inside a
//!   paragraph in another language, or coordinated with such a word
//!   ("Ostern und Weihnachten");
//! - **against**: more often after an article, quantifier or numeral
//!   (with adjectives between: "einen religiösen Anlass") than in a
//!   place that counts for; a common-noun ending ("-ung", "-heit"); an
//!   inflection family in the corpus ("Tag"/"Tage"/"Tagen",
//!   "Haus"/"Häuser"); an adjective used as a noun ("Böses" beside
//!   "böse"); a fixed bare-noun idiom ("zu Hause").

use std::collections::{HashMap, HashSet};

use super::lexicon::{
    is_calendar_lower, is_german_determiner_lower, is_german_idiom_noun, is_title_lower,
    with_lower, with_lower_bytes,
};
use super::tokens::Token;
use crate::hash::FastState;

/// The evidence's word sets: only looked up, and never listed in an order
/// that reaches a result, so they hash with the fast hasher (SipHash cost
/// about 3% of `facts` on the German dev pair).
type Words = HashSet<String, FastState>;

/// Endings that make a German word a common noun.
const NOUN_ENDINGS: &[&str] = &[
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen",
    "tät", "täten", "nis", "nisse", "ismus", "tum", "ment",
];

/// Inflection endings of German nouns (plural and dative plural; not the
/// genitive -s, which names take too).
const INFLECTIONS: &[&str] = &["e", "en", "n", "er", "ern", "es"];

/// Lower-case German prepositions that take a bare name ("in Berlin").
const PREPOSITIONS: &[&str] = &[
    "in",
    "nach",
    "aus",
    "von",
    "bei",
    "mit",
    "zu",
    "durch",
    "für",
    "über",
    "gegen",
    "bis",
    "um",
    "ohne",
    "gegenüber",
    "seit",
    "an",
    "auf",
];

/// Corpus-wide tallies, then the words with name evidence.
#[derive(Debug, Default)]
#[cfg_attr(test, derive(PartialEq))]
pub struct GermanEvidence {
    /// Per lower-case word: (times in a place that counts for a name,
    /// times after a determiner).
    counts: HashMap<String, (usize, usize), FastState>,
    /// Every capitalised word of a German paragraph, lower-case.
    capitalised: Words,
    /// Pairs coordinated by "und"/"oder".
    coordinated: Vec<(String, String)>,
    /// Lower-case words of German paragraphs ("böse" makes "Böses" an
    /// adjective used as a noun).
    lower: Words,
    /// Capitalised mid-sentence in a paragraph in another language.
    elsewhere: Words,
    /// The result of [`GermanEvidence::finish`].
    names: Words,
}

fn key(word: &Token) -> String {
    word.stem().to_lowercase()
}

/// What the name-run tally asks of a written word: a function of how it
/// is written alone, so a side's tally asks it once per distinct word
/// (asking every occurrence, lower-casing it for each word list, was most
/// of the German tally's cost).
#[derive(Debug, Clone, Copy)]
pub struct RunFacts {
    /// It can be part of a German name run at all.
    pub capital: bool,
    /// A determiner, quantifier or numeral: it governs a noun after it.
    governs: bool,
    /// Lower-case with an adjective ending: a determiner governs across
    /// it ("die größten Feste").
    inflected: bool,
    /// A preposition that takes a bare name ("in Berlin").
    preposition: bool,
}

impl RunFacts {
    /// The facts of `word`.
    pub fn of(word: &Token) -> Self {
        let capitalised = word.is_capitalised();
        let (determiner, preposition) = with_lower_bytes(word.text, |lower| {
            let preposition = PREPOSITIONS.iter().any(|p| p.as_bytes() == lower);
            (is_german_determiner_lower(lower), preposition)
        });
        let capital = capitalised
            && !word.is_number()
            && !determiner
            && !preposition
            && !with_lower_bytes(word.stem(), |lower| {
                is_calendar_lower(lower) || is_title_lower(lower)
            });
        let inflected = !capitalised
            && ["e", "en", "er", "es", "em"]
                .iter()
                .any(|s| word.text.ends_with(s));
        RunFacts {
            capital,
            governs: determiner || word.is_number(),
            inflected,
            preposition,
        }
    }
}

/// Whether a determiner (or a numeral) governs word `i`, possibly across
/// up to two inflected adjectives.
fn after_determiner(facts: &[RunFacts], i: usize) -> bool {
    let mut j = i;
    for _ in 0..3 {
        let Some(prev) = j.checked_sub(1) else {
            return false;
        };
        if facts[prev].governs {
            return true;
        }
        if !facts[prev].inflected {
            return false;
        }
        j = prev;
    }
    false
}

impl GermanEvidence {
    /// Tallies the name runs and coordinations of one German paragraph:
    /// `forced` says where grammar forces a capital, `facts` holds each
    /// word's [`RunFacts`], and `spaced(a, b)` whether two tokens are one
    /// space apart. The run counts go to `count(word, (for, after))`, to
    /// be added with [`Self::add_counts`]; the words are noted with
    /// [`Self::note_lower`] and [`Self::note_capitalised`].
    pub fn tally_runs(
        &mut self,
        words: &[Token],
        forced: &[bool],
        facts: &[RunFacts],
        spaced: impl Fn(usize, usize) -> bool,
        mut count: impl FnMut(usize, (usize, usize)),
    ) {
        let mut i = 0;
        while i < words.len() {
            if !facts[i].capital {
                i += 1;
                continue;
            }
            let mut end = i;
            while end + 1 < words.len() && facts[end + 1].capital && spaced(end, end + 1) {
                end += 1;
            }
            tally_run(facts, forced, i, end, &mut count);
            i = end + 1;
        }
        for (i, w) in words.iter().enumerate() {
            if (w.text == "und" || w.text == "oder") && i > 0 && i + 1 < words.len() {
                let (a, b) = (words[i - 1], words[i + 1]);
                if facts[i - 1].capital && facts[i + 1].capital && !forced[i + 1] {
                    self.coordinated.push((key(&a), key(&b)));
                }
            }
        }
    }

    /// Records a word written lower-case in a German paragraph.
    pub fn note_lower(&mut self, word: &str) {
        if !self.lower.contains(word) {
            self.lower.insert(word.to_string());
        }
    }

    /// Records a word of a German paragraph that can be part of a name run
    /// where grammar does not force its capital.
    pub fn note_capitalised(&mut self, word: &Token) {
        if !with_lower(word.stem(), |k| self.capitalised.contains(k)) {
            self.capitalised.insert(key(word));
        }
    }

    /// Adds (`for_`, `after`) to the counts of `word`'s key. The key is
    /// lower-cased on the stack and looked up; a string is made only for
    /// a word not counted yet.
    pub fn add_counts(&mut self, word: &Token, (for_, after): (usize, usize)) {
        let counts = &mut self.counts;
        with_lower(word.stem(), |lower| {
            if let Some(known) = counts.get_mut(lower) {
                known.0 += for_;
                known.1 += after;
            } else {
                counts.insert(lower.to_string(), (for_, after));
            }
        });
    }

    /// Adds the tallies of `other` (read from later articles), as if
    /// they had been tallied here.
    pub fn merge(&mut self, other: GermanEvidence) {
        for (key, (for_, after)) in other.counts {
            let counts = self.counts.entry(key).or_default();
            counts.0 += for_;
            counts.1 += after;
        }
        self.capitalised.extend(other.capitalised);
        self.coordinated.extend(other.coordinated);
        self.lower.extend(other.lower);
        self.elsewhere.extend(other.elsewhere);
    }

    /// Records a word written capitalised mid-sentence in a paragraph in
    /// another language.
    pub fn seen_elsewhere(&mut self, key: &str) {
        self.elsewhere.insert(key.to_string());
    }

    /// Resolves the evidence once every paragraph is tallied.
    pub fn finish(&mut self) {
        // Looked up, not scanned: a big text has tens of thousands of
        // capitalised words, and comparing each with each took seconds.
        let umlauts: Words = self.capitalised.iter().map(|k| umlauted(k)).collect();
        // Every probe for a word plus an ending is built here, not in a
        // new string each (tens of thousands of them on a book).
        let mut probe = String::new();
        let against: HashSet<&String, FastState> = self
            .capitalised
            .iter()
            .filter(|k| self.common_noun(k, &umlauts, &mut probe))
            .collect();
        let mut names: Words = self
            .capitalised
            .iter()
            .filter(|k| !against.contains(k) && self.evidence(k, &mut probe))
            .cloned()
            .collect();
        for (a, b) in &self.coordinated {
            for (known, other) in [(a, b), (b, a)] {
                if names.contains(known) && !against.contains(other) && self.not_governed(other) {
                    names.insert(other.clone());
                }
            }
        }
        self.names = names;
    }

    fn not_governed(&self, key: &str) -> bool {
        let (for_, after) = self.counts.get(key).copied().unwrap_or_default();
        after <= for_
    }

    fn evidence(&self, key: &str, probe: &mut String) -> bool {
        let (for_, after) = self.counts.get(key).copied().unwrap_or_default();
        // A genitive -s pair counts when neither form is governed
        // ("des Sohnes Davids", not "des Vaters").
        let bare_pair =
            |other: &str| self.capitalised.contains(other) && self.never_governed(other);
        let genitive = after == 0
            && (bare_pair(joined(probe, key, "s")) || key.strip_suffix('s').is_some_and(bare_pair));
        let direct = for_ > 0 || genitive || self.elsewhere.contains(key);
        direct && after <= for_
    }

    fn never_governed(&self, key: &str) -> bool {
        self.counts.get(key).is_none_or(|&(_, after)| after == 0)
    }

    /// A compound that opens with a governed noun of the corpus
    /// ("Menschenfischern" beside "die Menschen"), as names rarely do.
    fn compound_of_noun(&self, key: &str) -> bool {
        key.char_indices().skip(4).any(|(at, _)| {
            let (head, tail) = key.split_at(at);
            tail.chars().count() >= 3
                && self.capitalised.contains(head)
                && self.counts.get(head).is_some_and(|&(f, after)| after > f)
        })
    }

    /// An adjective written as a noun ("Böses", "Gerechte", "Heiligem"):
    /// its stem appears lower-case with an adjective ending.
    fn adjective(&self, key: &str, probe: &mut String) -> bool {
        let stem = ["em", "es", "en", "er", "e"]
            .iter()
            .find_map(|e| key.strip_suffix(e))
            .unwrap_or(key);
        stem.chars().count() >= 3
            && ["e", "en", "er", "es", "em"]
                .iter()
                .any(|e| self.lower.contains(joined(probe, stem, e)))
    }

    /// A common-noun ending, a fixed idiom, or another inflected form of
    /// the word among the corpus's capitalised words (`umlauts` holds the
    /// [`umlauted`] form of each of them).
    fn common_noun(&self, key: &str, umlauts: &Words, probe: &mut String) -> bool {
        NOUN_ENDINGS
            .iter()
            .any(|e| key.ends_with(e) && key.chars().count() > e.chars().count() + 2)
            || is_german_idiom_noun(key)
            || self.adjective(key, probe)
            || self.compound_of_noun(key)
            || self.has_inflected_form(key, umlauts, probe)
    }

    /// Whether some capitalised word `other` of the corpus `inflects` (the tests' definition)
    /// with `key`: the same answer as trying every one, found by looking
    /// up the few words that could be one.
    fn has_inflected_form(&self, key: &str, umlauts: &Words, probe: &mut String) -> bool {
        let known = |word: &str| self.capitalised.contains(word);
        let umlaut = umlauted(key);
        // `other` is `key` plus an ending, on the plain or umlauted stem.
        let longer = INFLECTIONS
            .iter()
            .any(|e| known(joined(probe, key, e)) || known(joined(probe, &umlaut, e)));
        // `key` is `other`, or `other` umlauted, plus an ending (`other`
        // is then shorter than `key`, so never `key` itself).
        let shorter = INFLECTIONS.iter().any(|e| {
            key.strip_suffix(e)
                .is_some_and(|stem| known(stem) || umlauts.contains(stem))
        });
        // `other` is `key` umlauted.
        let umlauted_form = umlaut != key && key.chars().count() > 3 && known(&umlaut);
        longer || shorter || umlauted_form
    }

    /// Whether a word of a German paragraph has name evidence; a link's
    /// own evidence is never resolved, so there the answer is no without
    /// lower-casing the word.
    pub fn is_name(&self, word: &str) -> bool {
        !self.names.is_empty() && with_lower(word, |lower| self.names.contains(lower))
    }
}

/// One run of capitalised words `from..=to`: counts for a name where it
/// stands bare after a preposition or inside the run, against one where
/// a determiner governs its first word.
fn tally_run(
    facts: &[RunFacts],
    forced: &[bool],
    from: usize,
    to: usize,
    count: &mut impl FnMut(usize, (usize, usize)),
) {
    let governed = after_determiner(facts, from);
    if governed {
        count(from, (0, 1));
    }
    let rest = if governed || forced[from] {
        from + 1
    } else {
        from
    };
    let bare_object = !forced[from] && from > 0 && facts[from - 1].preposition;
    if bare_object {
        count(from, (1, 0));
    }
    if to > rest {
        for i in rest..=to {
            count(i, (1, 0));
        }
    }
}

/// Whether `a` and `b` are forms of one noun: one is the other plus an
/// inflection ending, possibly with an umlaut ("Haus"/"Häuser"). The
/// definition [`GermanEvidence::has_inflected_form`] answers by lookup.
#[cfg(test)]
fn inflects(a: &str, b: &str) -> bool {
    let plus = |short: &str, long: &str| {
        INFLECTIONS.iter().any(|e| {
            long.strip_suffix(e)
                .is_some_and(|stem| stem == short || umlauted(short) == stem)
        })
    };
    a != b && (plus(a, b) || plus(b, a) || (umlauted(a) == b && a.chars().count() > 3))
}

/// `head` followed by `tail`, written into `buffer`.
fn joined<'b>(buffer: &'b mut String, head: &str, tail: &str) -> &'b str {
    buffer.clear();
    buffer.push_str(head);
    buffer.push_str(tail);
    buffer
}

/// The word with its last a/o/u umlauted ("stadt" → "städt").
fn umlauted(word: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    if let Some(i) = chars.iter().rposition(|c| matches!(c, 'a' | 'o' | 'u')) {
        let at = if i > 0 && chars[i - 1] == 'a' && chars[i] == 'u' {
            i - 1
        } else {
            i
        };
        chars[at] = match chars[at] {
            'a' => 'ä',
            'o' => 'ö',
            _ => 'ü',
        };
    }
    chars.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_are_one_noun() {
        for (a, b) in [
            ("tag", "tage"),
            ("tage", "tagen"),
            ("fest", "feste"),
            ("feiertag", "feiertage"),
            ("haus", "häuser"),
            ("stadt", "städte"),
            ("land", "ländern"),
        ] {
            assert!(inflects(a, b), "{a} / {b}");
        }
        for (a, b) in [("david", "davids"), ("juda", "judas"), ("merz", "merts")] {
            assert!(!inflects(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn looking_up_inflected_forms_agrees_with_trying_every_word() {
        let words = [
            "tag", "tage", "tagen", "haus", "häuser", "häus", "stadt", "städte", "land", "ländern",
            "länd", "david", "davids", "juda", "judas", "merz", "merts", "fest", "feste", "baum",
            "bäume", "bäum", "kuh", "kühe", "sohn", "söhne", "sohnes", "gott", "götter", "ort",
            "örter", "örtern", "mutter", "mütter", "vogel", "vögel", "aua", "äua", "auaen", "blau",
            "bläu", "bläue", "rom", "röm", "römer",
        ];
        for kept in 0..words.len() {
            // Each word against corpora with and without its neighbours.
            let mut evidence = GermanEvidence::default();
            for (i, w) in words.iter().enumerate() {
                if i % (kept % 4 + 1) == 0 || i == kept {
                    evidence.capitalised.insert((*w).to_string());
                }
            }
            let umlauts: Words = evidence.capitalised.iter().map(|k| umlauted(k)).collect();
            for key in &evidence.capitalised {
                let scanned = evidence
                    .capitalised
                    .iter()
                    .any(|other| inflects(key, other));
                assert_eq!(
                    evidence.has_inflected_form(key, &umlauts, &mut String::new()),
                    scanned,
                    "{key} among {:?}",
                    evidence.capitalised
                );
            }
        }
    }
}
