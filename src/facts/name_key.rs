//! When two spellings name the same person or place: Witkoff/Whitcoff,
//! Merz/Merts, Zelensky/Zelenskyy, Donbas/Donbass, Kyiv/Kiev, Путін/Putin.
//! Spellings are compared on a Latin, lower-case, accent-free form, then on
//! a consonant skeleton that erases what transliteration varies (vowels,
//! doubled letters, wh/w, c/k, ts/z), and finally by edit distance so
//! that unrelated names with the same skeleton stay apart.

use std::cell::OnceCell;

/// Latin letters for Ukrainian and Russian Cyrillic (one common scheme; the
/// skeleton absorbs the differences between schemes).
const CYRILLIC: &[(char, &str)] = &[
    ('а', "a"),
    ('б', "b"),
    ('в', "v"),
    ('г', "h"),
    ('ґ', "g"),
    ('д', "d"),
    ('е', "e"),
    ('є', "ie"),
    ('ж', "zh"),
    ('з', "z"),
    ('и', "y"),
    ('і', "i"),
    ('ї', "i"),
    ('й', "i"),
    ('к', "k"),
    ('л', "l"),
    ('м', "m"),
    ('н', "n"),
    ('о', "o"),
    ('п', "p"),
    ('р', "r"),
    ('с', "s"),
    ('т', "t"),
    ('у', "u"),
    ('ф', "f"),
    ('х', "kh"),
    ('ц', "ts"),
    ('ч', "ch"),
    ('ш', "sh"),
    ('щ', "shch"),
    ('ь', ""),
    ('ю', "iu"),
    ('я', "ia"),
    ('ы', "y"),
    ('э', "e"),
    ('ё', "e"),
    ('ъ', ""),
];

/// Accented Latin letters folded to their base letter.
const ACCENTS: &[(char, &str)] = &[
    ('á', "a"),
    ('à', "a"),
    ('â', "a"),
    ('ä', "a"),
    ('ã', "a"),
    ('å', "a"),
    ('ç', "c"),
    ('č', "c"),
    ('é', "e"),
    ('è', "e"),
    ('ê', "e"),
    ('ë', "e"),
    ('í', "i"),
    ('ì', "i"),
    ('î', "i"),
    ('ï', "i"),
    ('ñ', "n"),
    ('ó', "o"),
    ('ò', "o"),
    ('ô', "o"),
    ('ö', "o"),
    ('õ', "o"),
    ('ø', "o"),
    ('ú', "u"),
    ('ù', "u"),
    ('û', "u"),
    ('ü', "u"),
    ('ý', "y"),
    ('ÿ', "y"),
    ('š', "s"),
    ('ž', "z"),
    ('ł', "l"),
    ('ß', "ss"),
    ('ś', "s"),
    ('ź', "z"),
    ('ż', "z"),
    ('ń', "n"),
    ('ř', "r"),
    ('ě', "e"),
];

/// Lower-case, Latin, accent-free letters and digits of a word: the key
/// two spellings must share to be the same variant.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// The words' [`fold`]s joined by spaces, as one name's key, written into
/// one string (not a string per word and another to join them).
pub fn fold_joined<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, word) in words.into_iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        fold_into(word, &mut out);
    }
    out
}

/// [`fold`], appended to `out`.
fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        // Most names: a byte each, lower-cased in place of the Unicode
        // case tables' iterator per character.
        let kept = word.bytes().filter(u8::is_ascii_alphanumeric);
        out.extend(kept.map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    for c in word.chars().flat_map(char::to_lowercase) {
        if c.is_ascii() {
            // No ASCII letter is in the tables: only look those up for
            // the others.
            if c.is_ascii_alphanumeric() {
                out.push(c);
            }
        } else if let Some((_, latin)) = CYRILLIC.iter().chain(ACCENTS).find(|(k, _)| *k == c) {
            out.push_str(latin);
        } else if c.is_alphanumeric() {
            out.push(c);
        }
    }
}

/// The consonant skeleton of a folded word: first letter kept, vowels and
/// y dropped after it, sound-alike spellings merged, doubles collapsed.
pub fn skeleton(folded: &str) -> String {
    let mut s = folded.to_string();
    for (from, to) in [
        ("wh", "w"),
        ("ck", "k"),
        ("ph", "f"),
        ("tsch", "ch"),
        ("tch", "ch"),
        ("tz", "z"),
        ("ts", "z"),
        ("kh", "h"),
        ("c", "k"),
        ("w", "v"),
        ("q", "k"),
        ("x", "ks"),
    ] {
        // `replace` makes a new string even when nothing matches, and most
        // names hold few of these spellings.
        if holds(s.as_bytes(), from.as_bytes()) {
            s = s.replace(from, to);
        }
    }
    let mut out = String::with_capacity(s.len());
    let mut last = None;
    for (i, c) in s.chars().enumerate() {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        if (i > 0 && vowel) || last == Some(c) {
            continue;
        }
        out.push(c);
        last = Some(c);
    }
    out
}

/// Whether `text` holds `pattern`: a scan for its first byte, cheaper on
/// a word than setting up a substring search.
fn holds(text: &[u8], pattern: &[u8]) -> bool {
    let Some((&first, rest)) = pattern.split_first() else {
        return true;
    };
    (0..text.len()).any(|i| text[i] == first && text.get(i + 1..i + 1 + rest.len()) == Some(rest))
}

/// Levenshtein distance over chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

/// One word of a name, folded once. Pairing a link's names compares
/// each with each, and folding every word again for every comparison was
/// most of what pairing them cost.
pub struct NameWord {
    folded: String,
    /// Written in Cyrillic (see [`is_cyrillic`]), before folding.
    cyrillic: bool,
    /// Its [`skeleton`], made the first time a comparison needs it: a
    /// link's names are compared each with each.
    skeleton: OnceCell<String>,
}

impl NameWord {
    /// Reads one word as written.
    pub fn of(word: &str) -> Self {
        NameWord {
            folded: fold(word),
            cyrillic: is_cyrillic(word),
            skeleton: OnceCell::new(),
        }
    }

    fn skeleton(&self) -> &str {
        self.skeleton.get_or_init(|| skeleton(&self.folded))
    }
}

/// Whether two single words are spellings of one name.
pub fn same_word(a: &str, b: &str) -> bool {
    same_name_word(&NameWord::of(a), &NameWord::of(b))
}

/// [`same_word`] on words read once; the cheap tests go first.
fn same_name_word(word_a: &NameWord, word_b: &NameWord) -> bool {
    let across_scripts = word_a.cyrillic != word_b.cyrillic;
    let (a, b) = (word_a.folded.as_str(), word_b.folded.as_str());
    if a == b {
        return true;
    }
    if !across_scripts && !same_onset(a, b) {
        return false;
    }
    let shortest = a.chars().count().min(b.chars().count());
    if shortest < 4 {
        return false;
    }
    let sa = word_a.skeleton();
    if sa.chars().count() < 2 || sa != word_b.skeleton() {
        return false;
    }
    across_scripts || edit_distance(a, b) <= 2.max(shortest / 3)
}

/// Spellings that open one sound differently (Latin transliterations of
/// one letter): "Wh"/"W", "Ph"/"F", "Kh"/"H"/"Ch", "Tsch"/"Tch"/"Ch".
const ONSETS: &[&[&str]] = &[
    &["wh", "w", "v"],
    &["ph", "f"],
    &["kh", "h", "ch"],
    &["tsch", "tch", "ch"],
];

/// Whether two folded words start alike: the same first letter, an
/// [`ONSETS`] transliteration of one sound, or C/K with the rest of the
/// word identical ("Cush"/"Kush"). Otherwise names that differ in their
/// first consonant are different people (Cush/Kish, Cushi/Kishi).
fn same_onset(a: &str, b: &str) -> bool {
    if a.chars().next() == b.chars().next() {
        return true;
    }
    let onset_rule = ONSETS.iter().any(|set| {
        set.iter().any(|p| {
            set.iter()
                .any(|q| p != q && a.starts_with(p) && b.starts_with(q))
        })
    });
    let c_k = |x: &str, y: &str| {
        x.strip_prefix('c')
            .is_some_and(|r| y.strip_prefix('k') == Some(r))
    };
    onset_rule || c_k(a, b) || c_k(b, a)
}

/// Whether a word is written in Cyrillic: spellings in two scripts are a
/// transliteration, never a misspelling.
pub fn is_cyrillic(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// Whether a word is plausibly a misspelling of another where the rest of
/// the name agrees ("Friedrich Murch" beside "Friedrich Merz").
fn loosely_same_word(word_a: &NameWord, word_b: &NameWord) -> bool {
    let (a, b) = (word_a.folded.as_str(), word_b.folded.as_str());
    let prefix = |w: &NameWord| w.skeleton().chars().take(2).collect::<String>();
    same_onset(a, b)
        && {
            let prefix_a = prefix(word_a);
            prefix_a.chars().count() == 2 && prefix_a == prefix(word_b)
        }
        && a.chars().count().min(b.chars().count()) >= 4
        && edit_distance(a, b) <= 3
}

/// Whether two names (as word lists) are one entity: same length with
/// every word a spelling of the other's, or all words equal but one that
/// is loosely the same, or one a one-word surname of the other.
pub fn same_name(a: &[String], b: &[String]) -> bool {
    let read = |words: &[String]| words.iter().map(|w| NameWord::of(w)).collect::<Vec<_>>();
    same_name_read(&read(a), &read(b))
}

/// [`same_name`] on names whose words are read once.
pub fn same_name_read(a: &[NameWord], b: &[NameWord]) -> bool {
    if a.len() == b.len() {
        if a.iter().zip(b).all(|(x, y)| same_name_word(x, y)) {
            return true;
        }
        let differing = a
            .iter()
            .zip(b)
            .filter(|(x, y)| x.folded != y.folded)
            .count();
        return a.len() >= 2
            && differing == 1
            && a.iter()
                .zip(b)
                .all(|(x, y)| x.folded == y.folded || loosely_same_word(x, y));
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    short.len() == 1 && long.len() <= 3 && same_name_word(&short[0], &long[long.len() - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_words_fold_as_every_word_does() {
        // The general path, character by character.
        let by_chars = |word: &str| -> String {
            word.chars()
                .flat_map(char::to_lowercase)
                .filter(|c| c.is_ascii_alphanumeric())
                .collect()
        };
        let every_ascii: String = (0u8..0x80).map(char::from).collect();
        for word in [
            "",
            "Witkoff",
            "O'Brien-Smith",
            "U.S.",
            "NATO2",
            "a_b c",
            &every_ascii,
        ] {
            assert_eq!(fold(word), by_chars(word), "{word:?}");
        }
    }

    #[test]
    fn holds_is_substring_search() {
        for text in [
            "",
            "w",
            "whitcoff",
            "tschernow",
            "schütz",
            "кх",
            "xkh",
            "ts",
        ] {
            for pattern in [
                "", "wh", "ck", "tsch", "tch", "tz", "ts", "kh", "c", "x", "ü",
            ] {
                assert_eq!(
                    holds(text.as_bytes(), pattern.as_bytes()),
                    text.contains(pattern),
                    "{text:?} {pattern:?}"
                );
            }
        }
    }

    #[test]
    fn the_transliteration_tables_hold_no_ascii_letter() {
        // `fold` passes ASCII straight through, on this ground.
        assert!(CYRILLIC.iter().chain(ACCENTS).all(|(c, _)| !c.is_ascii()));
    }

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn transliteration_variants_are_one_name() {
        for (a, b) in [
            ("Witkoff", "Whitcoff"),
            ("Merz", "Merts"),
            ("Zelensky", "Zelenskyy"),
            ("Donbas", "Donbass"),
            ("Kyiv", "Kiev"),
            ("Путін", "Putin"),
            ("Віткофф", "Witkoff"),
            ("Москви", "Moscow"),
            ("Macron", "Macrón"),
            ("Cush", "Kush"),
            ("Whitcoff", "Witkoff"),
        ] {
            assert!(same_word(a, b), "{a} / {b}");
        }
        assert!(same_name(
            &words("Friedrich Merz"),
            &words("Friedrich Murch")
        ));
        assert!(same_name(&words("Steve Witkoff"), &words("Whitcoff")));
    }

    #[test]
    fn different_names_stay_apart() {
        for (a, b) in [
            ("Iran", "Iraq"),
            ("Austria", "Australia"),
            ("Russia", "Prussia"),
            ("Merz", "Murch"),
            ("Kushner", "Kirchner"),
            ("Berlin", "Bern"),
            ("France", "Finland"),
            ("Cush", "Kish"),
            ("Cushi", "Kishi"),
        ] {
            assert!(!same_word(a, b), "{a} / {b}");
        }
        assert!(!same_name(&words("Donald Trump"), &words("Donald Tusk")));
        assert!(!same_name(&words("North Korea"), &words("South Korea")));
    }
}
