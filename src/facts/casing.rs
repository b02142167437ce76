//! Corpus-wide evidence of how words are written, the structural test for
//! names that works in any language that capitalises names: a word is a
//! name when it is written capitalised where grammar does not force a
//! capital (inside a sentence), and not more often written lower-case. A
//! sentence-initial or heading word ("The", "However", "Security" in a
//! title-case heading) only counts when the corpus also shows it
//! capitalised mid-sentence.

mod tally;

use std::collections::HashMap;
use std::ops::Range;

use super::german::GermanEvidence;
use super::lexicon;
use super::parallel::per_article;
use super::scan::{Scan, scan_article};
use super::tokens::Token;
use crate::article::sentence::sentence_ranges;
use crate::article::{Article, Kind};
use crate::chars::char_at;
use crate::hash::{PackedState, hash_bytes};
use crate::progress::Progress;
use tally::Tally;

/// Characters after which a capital is forced, as at a sentence start.
const OPENERS: &[char] = &['“', '„', '«', '"', '‘', '(', ':', '—', '–', '[', '‹', '»'];

/// Counts of each word (lower-cased) by how it was written. The tallies
/// are only looked up and summed, never listed, so a word is keyed by the
/// hash of its lower-case form (as the word diff keys its tokens): a link's
/// callouts tally each of its words, and a string per word was most of
/// that tally's cost.
#[derive(Debug, Default)]
#[cfg_attr(test, derive(PartialEq))]
pub struct Casing {
    lower: HashMap<u64, usize, PackedState>,
    capitalised_inside: HashMap<u64, usize, PackedState>,
    /// Which capitalised words of German paragraphs behave like names.
    german: GermanEvidence,
}

/// How often a text writes each capitalised word inside a sentence.
#[derive(Debug, Default)]
pub struct Forms(HashMap<u64, usize, PackedState>);

impl Forms {
    /// The tally of `word` (its case folded).
    pub fn count(&self, word: &str) -> usize {
        self.0.get(&case_key(word)).copied().unwrap_or(0)
    }
}

/// The paragraphs facts are read from: the story, not page furniture or
/// captions (captions repeat the story in another script or credit photos).
pub fn scanned(article: &Article) -> impl Iterator<Item = (usize, &str, Kind)> {
    article
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind.is_story())
        .map(|(i, p)| (i, p.text.as_str(), p.kind))
}

/// For each token, whether grammar forces its capital: first in a
/// sentence, right after an opening quote or colon, or in a heading.
pub fn forced_capitals(text: &str, words: &[Token], kind: Kind) -> Vec<bool> {
    if kind == Kind::Heading && is_title_case(words) {
        return vec![true; words.len()];
    }
    let starts = later_sentence_starts(text, words);
    // Sentence starts and word gaps both run left to right, so one walk
    // over the starts answers "does a sentence start in this gap" for
    // every word.
    let mut next = 0;
    let mut previous_end = 0;
    words
        .iter()
        .map(|word| {
            let gap = &text[previous_end..word.start];
            while starts.get(next).is_some_and(|&s| s <= previous_end) {
                next += 1;
            }
            let forced = previous_end == 0
                || starts.get(next).is_some_and(|&s| s <= word.start)
                || opens_before(gap);
            previous_end = word.end;
            forced
        })
        .collect()
}

/// Whether `gap`, the text before a word, ends on an opening mark once
/// its spaces are trimmed. Most gaps are ASCII: the last byte that is
/// not an ASCII space answers, unless it belongs to a wider character
/// (which may be a space too), when the characters are read.
fn opens_before(gap: &str) -> bool {
    let bytes = gap.as_bytes();
    // The ASCII characters `char::is_whitespace` takes: tab to carriage
    // return, and the space.
    match bytes
        .iter()
        .rposition(|&b| !matches!(b, b'\t'..=b'\r' | b' '))
    {
        None => false,
        Some(at) if bytes[at].is_ascii() => matches!(bytes[at], b'"' | b'(' | b':' | b'['),
        Some(_) => gap.trim_end().ends_with(OPENERS),
    }
}

/// The bytes that may begin a character after which a sentence may end:
/// the ASCII enders, and the first byte of every character beyond ASCII
/// (the rest of such a character, 0x80–0xBF, is never one).
const MAY_BEGIN_ENDER: [bool; 256] = {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[b'\n' as usize] = true;
    table[b'\r' as usize] = true;
    let mut byte = 0xc0;
    while byte < 256 {
        table[byte] = true;
        byte += 1;
    }
    table
};

/// The characters of `text` after which UAX #29 may break a sentence (see
/// [`may_end_sentence`]), with their positions: the bytes are passed over
/// by one table lookup each (every byte of every paragraph of a pair is
/// read here, twice), an ASCII byte is its own answer, and only a
/// character beyond ASCII is decoded.
fn sentence_enders(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let rest = bytes.get(from..)?;
            let at = from + rest.iter().position(|&b| MAY_BEGIN_ENDER[usize::from(b)])?;
            from = at + 1;
            let byte = bytes[at];
            if byte.is_ascii() {
                return Some((at, char::from(byte)));
            }
            if let Some(c) = char_at(text, at).filter(|&c| may_end_sentence(c)) {
                return Some((at, c));
            }
        }
    })
}

/// The sentence starts of `text` that can force a capital on one of
/// `words` after the first; none without splitting the text when no word
/// starts after its first character that can end a sentence. UAX #29
/// breaks only after such a character (SB4, SB11), so every sentence but
/// the first starts after it, and the first sentence's start lies before
/// the second word: one-sentence units, most of a link's, are not split.
///
/// Only the stretches where a break can fall are segmented (Unicode's
/// rules cost about a hundred instructions a character; see
/// [`breakable_windows`]), and each stretch's first sentence start, which
/// is where the stretch was cut, is left out.
fn later_sentence_starts(text: &str, words: &[Token]) -> Vec<usize> {
    let Some((first_end, _)) = sentence_enders(text).next() else {
        return Vec::new();
    };
    if words.last().is_none_or(|w| w.start <= first_end) {
        return Vec::new();
    }
    let mut starts = Vec::new();
    for window in breakable_windows(text) {
        let Some(part) = text.get(window.clone()) else {
            continue;
        };
        let later = sentence_ranges(part).into_iter().skip(1);
        starts.extend(later.map(|r| window.start + r.start));
    }
    starts
}

/// Stretches of `text` whose sentence breaks are those of the whole text
/// past its first sentence. The rules look back a few parts for a
/// character that may end a sentence and ahead only to the next letter.
/// So a stretch starts at a space after a letter or digit before such a
/// character (with none between), where the rules' state holds nothing a
/// later break depends on, and ends after the first ASCII letter after
/// the last such character it holds, where every look-ahead stops;
/// stretches that would overlap, or have no such space between them, are
/// one. The first stretch starts at the text's start when it has no such
/// space, or when its first such character is a line break, which could
/// leave the cut-off part empty.
fn breakable_windows(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let end_after = |at: usize| {
        bytes
            .get(at..)
            .unwrap_or_default()
            .iter()
            .position(u8::is_ascii_alphabetic)
            .map_or(text.len(), |letter| at + letter + 1)
    };
    // The last space after a letter or digit in `from..to`.
    let cut_in = |from: usize, to: usize| {
        bytes
            .get(from..to)
            .unwrap_or_default()
            .windows(2)
            .rposition(|pair| pair[0].is_ascii_alphanumeric() && pair[1] == b' ')
            .map(|at| from + at + 1)
    };
    let mut windows: Vec<Range<usize>> = Vec::new();
    for (at, c) in sentence_enders(text) {
        let after = end_after(at + c.len_utf8());
        let visible = !c.is_whitespace();
        match windows.last_mut() {
            Some(last) if at < last.end => last.end = after,
            Some(last) => match cut_in(last.end, at).filter(|_| visible) {
                Some(cut) => windows.push(cut..after),
                None => last.end = after,
            },
            None => {
                let cut = cut_in(0, at).filter(|_| visible).unwrap_or(0);
                windows.push(cut..after);
            }
        }
    }
    windows
}

/// Whether UAX #29 may break a sentence after `c`: a superset of its
/// STerm, ATerm, Sep, CR and LF classes. Other characters of Latin,
/// Greek, Cyrillic and Armenian (U+00A0..U+0588) and of the quotes and
/// dashes of General Punctuation are known not to.
fn may_end_sentence(c: char) -> bool {
    match c {
        '.' | '!' | '?' | '\n' | '\r' => true,
        c if c.is_ascii() => false,
        '\u{a0}'..='\u{588}' | '\u{2000}'..='\u{2023}' | '\u{202a}'..='\u{203b}' => false,
        _ => true,
    }
}

/// A heading in title case ("Ready to Provide Ukraine with Security
/// Guarantees") capitalises every word but short ones ("with", "from"); a
/// sentence-case heading reads like a sentence.
fn is_title_case(words: &[Token]) -> bool {
    !words
        .iter()
        .any(|w| !w.is_capitalised() && !w.is_number() && w.text.chars().count() >= 5)
}

/// Whether most function words of the text are German, where every noun
/// is capitalised and a capital after an article proves nothing.
pub fn looks_german(words: &[Token]) -> bool {
    german_enough(german_words(words), words.len())
}

/// Whether `german` function words (see [`is_german_function_word`])
/// among `words` words make a text German: two of them, and one word in
/// 25. One rule for a paragraph, an article and a side of a pair.
pub fn german_enough(german: usize, words: usize) -> bool {
    german * 25 >= words.max(1) && german >= 2
}

/// How many of `words` are common German function words.
pub fn german_words(words: &[Token]) -> usize {
    words
        .iter()
        .filter(|w| GERMAN_FUNCTION_WORDS.contains_any_case(w.text))
        .count()
}

/// Common German function words, lower-case.
const GERMAN_FUNCTION_WORDS: lexicon::ShortWords<11> = lexicon::ShortWords::new([
    "der", "die", "das", "und", "nicht", "ist", "mit", "sind", "ein", "eine", "auch",
]);

/// Whether a lower-case word is one of the common German function words
/// whose share tells a German text.
pub fn is_german_function_word(word: &str) -> bool {
    GERMAN_FUNCTION_WORDS.contains(word)
}

/// Whether an article's story is German as a whole, so that its headings
/// and short paragraphs follow German capitalisation too.
#[cfg(test)]
pub fn article_is_german(article: &Article) -> bool {
    let story: Vec<&str> = scanned(article).map(|(_, text, _)| text).collect();
    looks_german(&super::tokens::tokens(&story.join(" ")))
}

impl Casing {
    /// Reads and tallies every story paragraph of every article, on every
    /// core; the paragraphs come back read, per article, for the
    /// extractors. `None` when `progress` cancels.
    pub fn of<'a>(
        articles: &'a [Article],
        progress: &dyn Progress,
    ) -> Option<(Self, Vec<Vec<Scan<'a>>>)> {
        let read = per_article(articles, progress, |_, article| {
            let (scans, _) = scan_article(article);
            let mut tally = Tally::default();
            for scan in &scans {
                tally.add(scan);
            }
            (tally.into_casing(), scans)
        })?;
        let mut casing = Casing::default();
        let mut scans = Vec::with_capacity(read.len());
        for (part, article) in read {
            casing.merge(part);
            scans.push(article);
        }
        casing.german.finish();
        Some((casing, scans))
    }

    /// Adds the tallies of `other` (read from later articles).
    fn merge(&mut self, other: Casing) {
        for (key, n) in other.lower {
            *self.lower.entry(key).or_default() += n;
        }
        for (key, n) in other.capitalised_inside {
            *self.capitalised_inside.entry(key).or_default() += n;
        }
        self.german.merge(other.german);
    }

    /// The tally of a link's few texts, without German name evidence: so
    /// few texts cannot resolve it, so their German capitals are never
    /// names (acronyms aside), and that evidence was a quarter of a
    /// German pair's alignment.
    ///
    /// Only what [`Casing::is_name_word`] asks of these same texts is
    /// counted. It asks about a capitalised word, and answers from the
    /// lower-case count only when the word is also capitalised inside a
    /// sentence somewhere (a capital there counts itself; a forced one
    /// with none there is no name). So lower-case forms are counted only
    /// for those words, and a lower-case word whose length and first
    /// letter match none of them is not even keyed (hashing every word
    /// of every link was a third of this tally on a book pair).
    pub(super) fn of_link(scans: &[Scan]) -> Self {
        let mut casing = Casing::default();
        let mut shapes = Shapes::default();
        for scan in scans {
            for (i, word) in scan.words.iter().enumerate() {
                if word.is_capitalised() && !scan.capital_is_forced(i) {
                    let key = lexicon::with_lower_bytes(word.stem(), |lower| {
                        shapes.add(lower);
                        hash_bytes(lower)
                    });
                    *casing.capitalised_inside.entry(key).or_default() += 1;
                }
            }
        }
        if casing.capitalised_inside.is_empty() {
            return casing;
        }
        for word in scans.iter().flat_map(|scan| &scan.words) {
            if word.is_capitalised() {
                continue;
            }
            let stem = word.stem();
            if stem.is_ascii() && !shapes.may_hold(stem.as_bytes()) {
                continue;
            }
            let key = case_key(stem);
            if casing.capitalised_inside.contains_key(&key) {
                *casing.lower.entry(key).or_default() += 1;
            }
        }
        casing
    }

    /// The tallies and German evidence of paragraphs as they are read
    /// (one side of a pair), as [`Casing::of`] keeps them for an article.
    pub(super) fn of_paragraphs<'a>(scans: impl IntoIterator<Item = Scan<'a>>) -> Self {
        let mut tally = Tally::default();
        for scan in scans {
            tally.add(&scan);
        }
        tally.into_casing()
    }

    /// Adds another side's tallies and resolves the German evidence of
    /// both: the evidence of a whole pair.
    pub(super) fn merged_with(mut self, other: Casing) -> Casing {
        self.merge(other);
        self.german.finish();
        self
    }

    /// How often each capitalised word was written inside a sentence:
    /// one side's own forms, kept apart before the sides are merged.
    pub(super) fn forms(&self) -> Forms {
        Forms(self.capitalised_inside.clone())
    }

    /// Whether `word` of a German paragraph has name evidence, by the
    /// resolved evidence.
    pub(super) fn is_german_name(&self, word: &str) -> bool {
        self.german.is_name(word)
    }

    /// Whether `word` can be part of a name, given whether grammar forced
    /// its capital here and whether its paragraph is German (where only
    /// name evidence counts, see [`GermanEvidence`]).
    pub fn is_name_word(&self, word: &Token, forced: bool, german: bool) -> bool {
        if !word.is_capitalised() || word.is_number() {
            return false;
        }
        let stem = word.stem();
        // Lower-cased once for the word lists and the tally key alike.
        lexicon::with_lower_bytes(stem, |lowered| {
            if lexicon::is_calendar_lower(lowered) || lexicon::is_title_lower(lowered) {
                return false;
            }
            if word.is_acronym() {
                return true;
            }
            if german && !self.german.is_name(stem) {
                return false;
            }
            let key = hash_bytes(lowered);
            let inside = self.capitalised_inside.get(&key).copied().unwrap_or(0);
            let lower = self.lower.get(&key).copied().unwrap_or(0);
            let evidence = if forced { inside > 0 } else { true };
            evidence && lower <= inside
        })
    }
}

/// `word` lower-cased into `out`, as [`str::to_lowercase`] gives it.
fn lower_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// The tally key of `word`: the hash of its lower-case form, found
/// without a new string for a short ASCII word (most of them).
fn case_key(word: &str) -> u64 {
    lexicon::with_lower_bytes(word, hash_bytes)
}

/// The lengths and first bytes of a few lower-cased words, as a 256-bit
/// filter: an ASCII word none of them shares both with is none of them.
#[derive(Default)]
struct Shapes([u64; 4]);

impl Shapes {
    fn bit(len: usize, first: u8) -> usize {
        (len.wrapping_mul(31) ^ usize::from(first)) & 255
    }

    fn add(&mut self, lower: &[u8]) {
        let bit = Self::bit(lower.len(), lower.first().copied().unwrap_or(0));
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    /// Whether `ascii`, lower-cased, may be one of the words added.
    fn may_hold(&self, ascii: &[u8]) -> bool {
        let first = ascii.first().map_or(0, u8::to_ascii_lowercase);
        let bit = Self::bit(ascii.len(), first);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// Whether token `i` directly follows a German article ("die Regierung").
pub fn after_article(words: &[Token], i: usize) -> bool {
    i > 0 && lexicon::is_german_article(words[i - 1].text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::tokens::tokens;
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn characters_said_not_to_end_a_sentence_do_not() {
        for c in (0..=0x3000u32).filter_map(char::from_u32) {
            if !may_end_sentence(c) {
                let text = format!("a{c} Ab");
                assert_eq!(text.split_sentence_bounds().count(), 1, "{c:?}");
            }
        }
    }

    #[test]
    fn gaps_and_sentence_enders_read_as_bytes_answer_as_characters() {
        let mut pieces: Vec<String> = (0..0x80u8).map(|b| char::from(b).to_string()).collect();
        pieces.extend(
            [
                "\u{a0}", "\u{2009}", "\u{3000}", "“", "„", "«", "»", "—", "é", "。", "\u{85}",
            ]
            .map(String::from),
        );
        for a in &pieces {
            for b in &pieces {
                let gap = format!("{a}{b}");
                let by_chars = gap.trim_end().ends_with(OPENERS);
                assert_eq!(opens_before(&gap), by_chars, "{gap:?}");
                let enders: Vec<(usize, char)> = sentence_enders(&gap).collect();
                let by_chars: Vec<(usize, char)> = gap
                    .char_indices()
                    .filter(|&(_, c)| may_end_sentence(c))
                    .collect();
                assert_eq!(enders, by_chars, "{gap:?}");
            }
        }
    }

    #[test]
    fn forced_capitals_match_every_sentence_start() {
        for text in [
            "He met Steve Witkoff in Berlin",
            "He met Steve Witkoff in Berlin.",
            "“Yes,” Trump said. Then he left: Ukraine said no!",
            "U.S. President Donald Trump spoke on Dec. 15 with Gen. Grynkewich. J. R. Smith agreed.",
            "Зустріч відбулася 6 вересня 2025 р. у Мюнхені. Фото з відкритих джерел.",
        ] {
            assert_eq!(
                forced_capitals(text, &tokens(text), Kind::Body),
                forced_by_every_start(text),
                "{text}"
            );
        }
    }

    /// [`forced_capitals`] as first written: every sentence start of the
    /// whole text, from Unicode's rules over all of it.
    fn forced_by_every_start(text: &str) -> Vec<bool> {
        let words = tokens(text);
        let starts: Vec<usize> = sentence_ranges(text).iter().map(|r| r.start).collect();
        let mut previous_end = 0;
        words
            .iter()
            .map(|word| {
                let gap = &text[previous_end..word.start];
                let forced = previous_end == 0
                    || starts.iter().any(|&s| s > previous_end && s <= word.start)
                    || gap.trim_end().ends_with(OPENERS);
                previous_end = word.end;
                forced
            })
            .collect()
    }

    /// A link's tally answers every name question about its own words as
    /// a tally of every word would, over texts built from words written
    /// lower-case, capitalised, in capitals, with possessives, non-ASCII
    /// and a Kelvin sign (a capital that lower-cases to ASCII).
    #[test]
    fn a_links_tally_names_what_a_whole_tally_does() {
        const PIECES: &[&str] = &[
            "the",
            "The",
            "THE",
            "trump",
            "Trump",
            "Trump’s",
            "trump’s",
            "said",
            "Said",
            ". ",
            ": ",
            " ",
            " ",
            " ",
            "“",
            "”",
            "Über",
            "über",
            "und",
            "die",
            "Und",
            "\u{212a}elvin",
            "kelvin",
            "Kelvin",
            "NATO",
            "nato",
            "Nato",
            "3",
            "Київ",
            "київ",
            "A",
            "a",
            "de",
            "De",
        ];
        let mut seed = 5;
        for _ in 0..3000 {
            let texts = crate::test_rng::texts_of(&mut seed, PIECES, 3, 25);
            let scans: Vec<Scan> = texts
                .iter()
                .map(|text| Scan::new(0, text, Kind::Body, false))
                .collect();
            let link = Casing::of_link(&scans);
            let mut whole = Tally::default();
            for scan in &scans {
                whole.add(scan);
            }
            let whole = whole.into_casing();
            for scan in &scans {
                for (i, word) in scan.words.iter().enumerate() {
                    let forced = scan.capital_is_forced(i);
                    assert_eq!(
                        link.is_name_word(word, forced, scan.german),
                        whole.is_name_word(word, forced, scan.german),
                        "{word:?} in {texts:?}"
                    );
                }
            }
        }
    }

    /// Segmenting only the window where breaks can fall forces the same
    /// capitals as segmenting the whole text, over texts built from the
    /// pieces the rules turn on: terminators, abbreviations, initials,
    /// quotes, brackets, line breaks, digits and non-Latin letters.
    #[test]
    fn the_segmented_window_forces_what_the_whole_text_does() {
        const PIECES: &[&str] = &[
            "the", "Trump", "said", "U.S.", "Mr.", "J.", "e.g.", "Київ", "école", "3.5", "1,000",
            "x", "A", " ", " ", " ", "  ", ". ", "! ", "? ", ".\n", "\n", "\r\n", ": ", "; ",
            " — ", "… ", "。", "” ", " “", "’ ", " (", ") ", ".” ", "\u{2029}", ".)", " 5. ",
            "\u{301}", "\u{a0}", ".", "?!", "..", "¿", "»", " «", "\t", "\u{85}", "٫",
        ];
        let mut seed = 11;
        for _ in 0..4000 {
            let mut next = |bound: u64| (crate::test_rng::next(&mut seed) >> 33) % bound;
            let len = 1 + next(30);
            let text: String = (0..len)
                .map(|_| PIECES[next(PIECES.len() as u64) as usize])
                .collect();
            assert_eq!(
                forced_capitals(&text, &tokens(&text), Kind::Body),
                forced_by_every_start(&text),
                "{text:?}"
            );
        }
    }
}
