//! Small closed word lists, per language (English, German, French,
//! Ukrainian/Russian): months, weekdays, titles, determiners, the nouns
//! that name a source and the verbs that report speech. Everything else in
//! fact extraction is structural; these lists only hold words whose role
//! no structural rule can tell (a month is capitalised like a name).
//! All entries are lower-case; look-ups lower-case their input.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::ascii;
use crate::hash::FastState;

/// Month names and short forms (with their month number), including the
/// genitive forms Ukrainian and Russian use in dates ("15 грудня").
#[rustfmt::skip]
const MONTHS: &[(&str, u8)] = &[
    ("january", 1), ("jan", 1), ("januar", 1), ("janvier", 1), ("січня", 1), ("січень", 1), ("января", 1),
    ("february", 2), ("feb", 2), ("februar", 2), ("février", 2), ("лютого", 2), ("лютий", 2), ("февраля", 2),
    ("march", 3), ("mar", 3), ("märz", 3), ("mars", 3), ("березня", 3), ("березень", 3), ("марта", 3),
    ("april", 4), ("apr", 4), ("avril", 4), ("квітня", 4), ("квітень", 4), ("апреля", 4),
    ("may", 5), ("mai", 5), ("травня", 5), ("травень", 5), ("мая", 5),
    ("june", 6), ("jun", 6), ("juni", 6), ("juin", 6), ("червня", 6), ("червень", 6), ("июня", 6),
    ("july", 7), ("jul", 7), ("juli", 7), ("juillet", 7), ("липня", 7), ("липень", 7), ("июля", 7),
    ("august", 8), ("aug", 8), ("août", 8), ("серпня", 8), ("серпень", 8), ("августа", 8),
    ("september", 9), ("sep", 9), ("sept", 9), ("septembre", 9), ("вересня", 9), ("вересень", 9), ("сентября", 9),
    ("october", 10), ("oct", 10), ("oktober", 10), ("octobre", 10), ("жовтня", 10), ("жовтень", 10), ("октября", 10),
    ("november", 11), ("nov", 11), ("novembre", 11), ("листопада", 11), ("листопад", 11), ("ноября", 11),
    ("december", 12), ("dec", 12), ("dezember", 12), ("décembre", 12), ("грудня", 12), ("грудень", 12), ("декабря", 12),
];

/// Weekday names (1 = Monday).
#[rustfmt::skip]
const WEEKDAYS: &[(&str, u8)] = &[
    ("monday", 1), ("montag", 1), ("lundi", 1), ("понеділок", 1), ("понеділка", 1), ("понедельник", 1),
    ("tuesday", 2), ("dienstag", 2), ("mardi", 2), ("вівторок", 2), ("вівторка", 2), ("вторник", 2),
    ("wednesday", 3), ("mittwoch", 3), ("mercredi", 3), ("середа", 3), ("середу", 3), ("среда", 3),
    ("thursday", 4), ("donnerstag", 4), ("jeudi", 4), ("четвер", 4), ("четверга", 4), ("четверг", 4),
    ("friday", 5), ("freitag", 5), ("vendredi", 5), ("пʼятниця", 5), ("п'ятницю", 5), ("пятница", 5),
    ("saturday", 6), ("samstag", 6), ("samedi", 6), ("субота", 6), ("суботу", 6), ("суббота", 6),
    ("sunday", 7), ("sonntag", 7), ("dimanche", 7), ("неділя", 7), ("неділю", 7), ("воскресенье", 7),
];

/// Titles and offices: they precede a name but are not part of it.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "president", "chancellor", "minister", "secretary", "general", "gen", "colonel", "admiral",
    "special", "envoy", "senator", "governor", "mayor", "king", "queen", "pope", "mr", "mrs", "ms",
    "dr", "prof", "sir", "lord", "chairman", "chief", "director", "ambassador", "spokesman",
    "spokeswoman", "commander", "speaker", "prime", "vice", "deputy", "foreign", "defense",
    "präsident", "präsidentin", "bundeskanzler", "bundeskanzlerin", "kanzler", "kanzlerin",
    "ministerin", "herr", "frau", "sprecher", "sprecherin", "président", "présidente",
    "chancelier", "chancelière", "ministre", "m", "mme", "général", "porte-parole",
    "президент", "канцлер", "міністр", "генерал", "пан", "пані", "прем'єр", "речник", "министр",
];

/// Articles and quantifiers that may open a noun phrase naming a source.
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "one", "two", "three", "another", "second", "first", "third", "senior",
    "same", "other", "top", "several", "some", "unnamed", "anonymous", "former", "his", "her",
    "ein", "eine", "einer", "der", "die", "das", "den", "dem", "des", "zwei", "ein", "hohe",
    "hoher", "un", "une", "le", "la", "les", "l", "deux", "haut", "responsable",
];

/// German articles: a capitalised word right after one is a common noun
/// (German capitalises every noun), so it is no evidence of a name.
#[rustfmt::skip]
const GERMAN_ARTICLES: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "im", "am", "zum", "zur", "vom", "beim", "kein", "keine",
];

/// German determiners, quantifiers and number words: a capitalised word
/// they govern is a common noun ("die Häuser", "viele Familien").
#[rustfmt::skip]
const GERMAN_DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "im", "am", "zum", "zur", "vom", "beim", "ins", "kein", "keine", "keinen", "keinem", "keiner",
    "dieser", "diese", "dieses", "diesen", "diesem", "jeder", "jede", "jedes", "jeden", "jedem",
    "jener", "jene", "jenes", "jenen", "jenem", "mein", "meine", "meinen", "meinem", "meiner",
    "dein", "deine", "deinen", "deinem", "deiner", "sein", "seine", "seinen", "seinem", "seiner",
    "ihr", "ihre", "ihren", "ihrem", "ihrer", "unser", "unsere", "unseren", "unserem", "unserer",
    "euer", "eure", "euren", "eurem", "eures", "meines", "deines", "seines", "ihres", "unseres", "welche", "welcher", "welchen", "solche", "solchen",
    "manche", "manchen", "viele", "vielen", "alle", "allen", "aller", "einige", "einigen",
    "mehrere", "mehreren", "wenige", "wenigen", "beide", "beiden", "zwei", "drei", "vier",
    "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "zwanzig", "hundert",
];

/// German nouns used bare in fixed phrases ("zu Hause", "zu Fuß", "in
/// Kraft"): no article, yet no name.
#[rustfmt::skip]
const GERMAN_IDIOM_NOUNS: &[&str] = &[
    "hause", "haus", "fuß", "kraft", "ort", "frage", "hilfe", "zukunft", "ende", "anfang",
    "beginn", "recht", "angst", "ruhe", "seiten", "dank", "grund", "folge", "stelle", "teil",
];

/// Nouns that can head a phrase naming who said something.
#[rustfmt::skip]
const SOURCE_NOUNS: &[&str] = &[
    "official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson",
    "representative", "representatives", "diplomat", "diplomats", "outlet", "publication",
    "minister", "adviser", "advisers", "aide", "aides", "envoy", "president", "chancellor",
    "statement", "newspaper", "agency", "media", "report", "sprecher", "sprecherin",
    "regierungssprecher", "quelle", "quellen", "beamter", "beamte", "diplomaten", "source",
    "responsable", "responsables", "porte-parole", "diplomate", "джерело", "джерела",
    "речник", "посадовець", "представник",
];

/// Verbs of saying, in the forms news copy uses.
#[rustfmt::skip]
const REPORT_VERBS: &[&str] = &[
    "said", "says", "told", "tells", "reported", "reports", "writes", "wrote", "stated", "states",
    "added", "adds", "noted", "notes", "claimed", "claims", "shared", "concluded", "replied",
    "indicated", "announced", "confirmed", "explained", "warned", "admitted", "argued",
    "sagte", "sagt", "erklärte", "berichtete", "berichtet", "schreibt", "teilte", "betonte",
    "a déclaré", "déclare", "a dit", "dit", "affirme", "a affirmé", "rapporte", "écrit",
    "сказав", "заявив", "повідомив", "пише", "зазначив", "додав", "сказала", "заявила",
];

/// Prepositions: a noun right after one is an object, not who speaks
/// ("an official who spoke to Axios said").
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "to", "from", "with", "by", "at", "for", "in", "on", "about", "zu", "von", "mit", "bei",
    "für", "à", "par", "avec", "pour", "до", "від", "з", "для",
];

/// Prepositions that introduce a source: "according to X", "laut X".
#[rustfmt::skip]
const ACCORDING: &[&[&str]] = &[
    &["according", "to"], &["laut"], &["nach", "angaben", "von"], &["selon"], &["d'après"],
    &["за", "словами"], &["за", "даними"], &["як", "повідомляє"], &["citing"],
];

/// Words that make a number a percentage: "90 percent", "90 Prozent".
#[rustfmt::skip]
const PERCENT_WORDS: &[&str] = &[
    "percent", "per cent", "pct", "prozent", "pour cent", "pourcent", "відсотків", "відсотки",
    "відсотка", "процентов", "процента",
];

/// A word list as a hash set, built on first use: the lists are asked
/// about every capitalised word of every link's texts, and comparing the
/// word with each entry in turn was most of what facts cost there. Keyed
/// by bytes, so a word lower-cased on the stack is looked up without
/// checking again that it is UTF-8.
struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static [u8], FastState>>,
}

impl WordSet {
    const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    /// Whether the list holds `word`, lower-cased.
    fn contains(&self, word: &str) -> bool {
        with_lower_bytes(word, |lower| self.contains_lower(lower))
    }

    /// Whether the list holds a word already lower-cased.
    fn contains_lower(&self, lower: &[u8]) -> bool {
        let set = self
            .set
            .get_or_init(|| self.words.iter().map(|w| w.as_bytes()).collect());
        set.contains(lower)
    }
}

/// A numbered word list (months, weekdays) as a hash map, built on first
/// use; where a word is listed twice, its first number counts.
struct WordMap {
    table: &'static [(&'static str, u8)],
    map: OnceLock<HashMap<&'static [u8], u8, FastState>>,
}

impl WordMap {
    const fn new(table: &'static [(&'static str, u8)]) -> Self {
        WordMap {
            table,
            map: OnceLock::new(),
        }
    }

    /// The number of `word`, lower-cased and without final dots.
    fn get(&self, word: &str) -> Option<u8> {
        with_lower_bytes(word, |lower| self.get_lower(lower))
    }

    fn get_lower(&self, lower: &[u8]) -> Option<u8> {
        let map = self.map.get_or_init(|| {
            let mut map = HashMap::default();
            for &(word, number) in self.table {
                map.entry(word.as_bytes()).or_insert(number);
            }
            map
        });
        // Final dots off, as `trim_end_matches('.')` takes them.
        let end = lower.iter().rposition(|&b| b != b'.').map_or(0, |i| i + 1);
        map.get(&lower[..end]).copied()
    }
}

static MONTH_MAP: WordMap = WordMap::new(MONTHS);
static WEEKDAY_MAP: WordMap = WordMap::new(WEEKDAYS);
static TITLE_SET: WordSet = WordSet::new(TITLES);
static DETERMINER_SET: WordSet = WordSet::new(DETERMINERS);
static GERMAN_ARTICLE_SET: WordSet = WordSet::new(GERMAN_ARTICLES);
static GERMAN_DETERMINER_SET: WordSet = WordSet::new(GERMAN_DETERMINERS);
static GERMAN_IDIOM_NOUN_SET: WordSet = WordSet::new(GERMAN_IDIOM_NOUNS);
static SOURCE_NOUN_SET: WordSet = WordSet::new(SOURCE_NOUNS);
static REPORT_VERB_SET: WordSet = WordSet::new(REPORT_VERBS);
static PERCENT_WORD_SET: WordSet = WordSet::new(PERCENT_WORDS);
static PREPOSITION_SET: WordSet = WordSet::new(PREPOSITIONS);

/// [`with_lower`] as bytes: a short word lower-cased on the stack is
/// handed over without checking again that it is UTF-8.
pub(super) fn with_lower_bytes<R>(word: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    let mut buffer = [0u8; 64];
    if word.is_ascii() {
        if let Some(bytes) = buffer.get_mut(..word.len()) {
            // Lower-cased as they are copied: one pass, and no call to
            // `memcpy` for a length known only at run time.
            for (slot, &byte) in bytes.iter_mut().zip(word.as_bytes()) {
                *slot = byte.to_ascii_lowercase();
            }
            return f(bytes);
        }
    } else if let Some(len) = lower_into_buffer(word, &mut buffer) {
        return f(&buffer[..len]);
    }
    f(word.to_lowercase().as_bytes())
}

/// `word` lower-cased character by character into `buffer`, as
/// [`str::to_lowercase`] gives it, and the length; `None` when it does
/// not fit or holds a capital sigma, the one character whose lower case
/// depends on its place in the word. German nouns with umlauts were each
/// lower-cased into a new string several times over.
fn lower_into_buffer(word: &str, buffer: &mut [u8]) -> Option<usize> {
    let mut len = 0;
    for c in word.chars() {
        if c.is_ascii() {
            *buffer.get_mut(len)? = c.to_ascii_lowercase() as u8;
            len += 1;
            continue;
        }
        if c == 'Σ' {
            return None;
        }
        for lower in c.to_lowercase() {
            let end = len + lower.len_utf8();
            lower.encode_utf8(buffer.get_mut(len..end)?);
            len = end;
        }
    }
    Some(len)
}

/// A few short lower-case words (ASCII letters but "k", at most eight),
/// each packed into one integer: asked of every word of a paragraph to
/// tell its language, a word is then one load and a few integer compares,
/// where comparing it with each listed word in turn was ninety
/// instructions a word. Their lengths are kept as bits too: a word of
/// any other length (most words of a text, for a list of function words)
/// is answered by one test, not eleven compares.
pub(super) struct ShortWords<const N: usize> {
    words: [u64; N],
    /// Bit `n` set when a word is `n` bytes long.
    lengths: u16,
}

impl<const N: usize> ShortWords<N> {
    /// Packs the words, as [`crate::ascii::padded`] reads them; a word
    /// that breaks the rules above fails the build.
    pub const fn new(words: [&str; N]) -> Self {
        let mut packed = [0u64; N];
        let mut lengths = 0u16;
        let mut i = 0;
        while i < N {
            let bytes = words[i].as_bytes();
            assert!(!bytes.is_empty() && bytes.len() <= 8);
            lengths |= 1 << bytes.len();
            let mut j = 0;
            while j < bytes.len() {
                assert!(bytes[j].is_ascii_lowercase() && bytes[j] != b'k');
                packed[i] |= (bytes[j] as u64) << (8 * j);
                j += 1;
            }
            i += 1;
        }
        ShortWords {
            words: packed,
            lengths,
        }
    }

    /// Whether a word of `len` bytes may be one of the words.
    fn may_hold(&self, len: usize) -> bool {
        len <= 8 && self.lengths & (1 << len) != 0
    }

    /// Whether `word`, as written, is one of the words.
    pub fn contains(&self, word: &str) -> bool {
        self.may_hold(word.len()) && self.words.contains(&ascii::padded(word.as_bytes()))
    }

    /// Whether `word` lower-cased is one of the words, told without
    /// lower-casing it: only ASCII letters and the Kelvin sign lower-case
    /// to ASCII, and the Kelvin sign to "k", so a word holding any other
    /// non-ASCII character is none of them, and an ASCII-only comparison
    /// that ignores case answers for the rest.
    pub fn contains_any_case(&self, word: &str) -> bool {
        self.may_hold(word.len())
            && self
                .words
                .contains(&ascii::lower_cased(ascii::padded(word.as_bytes())))
    }
}

/// Calls `f` with `word` lower-cased, as [`str::to_lowercase`] gives it;
/// a short ASCII word (most of them, asked about once per capitalised
/// word) is lower-cased on the stack instead of into a new string.
pub(super) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    // The bytes are a lower-cased `str`, so they are always UTF-8.
    with_lower_bytes(word, |bytes| {
        f(std::str::from_utf8(bytes).unwrap_or_default())
    })
}

/// The month number a word names ("Dec", "décembre", "грудня").
pub fn month(word: &str) -> Option<u8> {
    MONTH_MAP.get(word)
}

/// The weekday number a word names (1 = Monday).
pub fn weekday(word: &str) -> Option<u8> {
    WEEKDAY_MAP.get(word)
}

/// Whether a word, already lower-cased, is a title or office (never part
/// of a name); final dots do not count ("Gen.").
pub(super) fn is_title_lower(lower: &[u8]) -> bool {
    let end = lower.iter().rposition(|&b| b != b'.').map_or(0, |i| i + 1);
    TITLE_SET.contains_lower(&lower[..end])
}

/// Whether a word can open a source phrase ("a senior US official").
pub fn is_determiner(word: &str) -> bool {
    DETERMINER_SET.contains(word)
}

/// Whether a word is a German article or article-preposition.
pub fn is_german_article(word: &str) -> bool {
    GERMAN_ARTICLE_SET.contains(word)
}

/// Whether a word, already lower-cased, is a German determiner,
/// quantifier or number word.
pub(super) fn is_german_determiner_lower(lower: &[u8]) -> bool {
    GERMAN_DETERMINER_SET.contains_lower(lower)
}

/// Whether a German noun is used bare in fixed phrases ("zu Hause").
pub fn is_german_idiom_noun(word: &str) -> bool {
    GERMAN_IDIOM_NOUN_SET.contains(word)
}

/// Whether a noun can name who said something.
pub fn is_source_noun(word: &str) -> bool {
    SOURCE_NOUN_SET.contains(word)
}

/// Whether a verb reports speech.
pub fn is_report_verb(word: &str) -> bool {
    REPORT_VERB_SET.contains(word)
}

/// Whether a word, already lower-cased, names a weekday or a month:
/// never a person's name.
pub(super) fn is_calendar_lower(lower: &[u8]) -> bool {
    MONTH_MAP.get_lower(lower).is_some() || WEEKDAY_MAP.get_lower(lower).is_some()
}

/// The lower-case word sequences meaning "according to".
pub fn according_phrases() -> &'static [&'static [&'static str]] {
    ACCORDING
}

/// Whether `words` (lower-case, one or two) say "percent".
pub fn is_percent_word(words: &str) -> bool {
    PERCENT_WORD_SET.contains(words)
}

/// Whether a word is a preposition.
pub fn is_preposition(word: &str) -> bool {
    PREPOSITION_SET.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ascii_and_the_kelvin_sign_lower_case_to_ascii() {
        let to_ascii: Vec<char> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().all(|l| l.is_ascii()))
            .collect();
        assert_eq!(to_ascii, ['\u{212A}']);
        assert_eq!('\u{212A}'.to_lowercase().to_string(), "k");
    }

    #[test]
    fn listed_any_case_is_listed_once_lower_cased() {
        let list = ["der", "die", "und", "the", "of", "nicht", "abcdefgh"];
        let packed = ShortWords::new(list);
        let words = [
            "der",
            "DER",
            "Der",
            "dEr",
            "de",
            "derr",
            "Dié",
            "DİE",
            "Und",
            "UND",
            "unD",
            "The",
            "ÖF",
            "Of",
            "of",
            "",
            "d",
            "und\u{301}",
            "\u{212A}",
            "tHe",
            "NICHT",
            "nicht",
            "nichts",
            "ABCDEFGH",
            "abcdefghi",
            "abcdefg",
            "@",
            "[",
            "`",
            "{",
        ];
        for word in words {
            let lowered = with_lower(word, |lower| list.contains(&lower));
            assert_eq!(packed.contains_any_case(word), lowered, "{word}");
            assert_eq!(packed.contains(word), list.contains(&word), "{word}");
        }
    }

    #[test]
    fn stack_lower_case_is_to_lowercase() {
        let words = [
            "Früchte",
            "ÄRGER",
            "Straße",
            "İstanbul",
            "ΟΔΥΣΣΕΥΣ",
            "Σ",
            "Київ",
            "Ǆemal",
            "x".repeat(64).as_str(),
            "É".repeat(40).as_str(),
            "Apple",
            "",
            "ﬁ",
        ]
        .map(str::to_string);
        for word in &words {
            let lower = with_lower_bytes(word, <[u8]>::to_vec);
            assert_eq!(lower, word.to_lowercase().into_bytes(), "{word}");
        }
    }

    proptest::proptest! {
        #[test]
        fn stack_lower_case_is_to_lowercase_for_any_word(word in "\\PC{0,24}") {
            let lower = with_lower_bytes(&word, <[u8]>::to_vec);
            proptest::prop_assert_eq!(lower, word.to_lowercase().into_bytes());
        }
    }
}
