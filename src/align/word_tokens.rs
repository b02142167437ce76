//! A link's text as diff tokens: words (letter/digit runs, with inner
//! apostrophes and number punctuation) and each other visible character,
//! as byte spans, each with a comparison key that folds case, curly and
//! straight quotes, dashes, "U.S."/"US" and "percent"/"%".

use std::hash::Hasher;
use std::ops::Range;

use super::units::Unit;
use crate::ascii;
use crate::chars::{char_at, composed, is_combining_mark, is_ideograph};
use crate::hash::FastHasher;

/// One word or punctuation mark of a unit.
pub struct Token {
    pub unit: usize,
    pub start: usize,
    pub end: usize,
}

/// The tokens of units `indices` in order, and their comparison keys,
/// into `tokens` and `keys` (cleared first; reused across links so the
/// diff of a link allocates nothing here).
pub fn tokens_into(
    indices: &[usize],
    units: &[Unit],
    tokens: &mut Vec<Token>,
    keys: &mut Vec<u64>,
) {
    tokens.clear();
    keys.clear();
    // Room for every token at once (a word and its space are rarely under
    // four bytes): a link's first diff on a worker then grows each list
    // once, not through every doubling.
    let bytes: usize = indices.iter().map(|&unit| units[unit].text.len()).sum();
    tokens.reserve(bytes / 4);
    keys.reserve(bytes / 4);
    for &unit in indices {
        let text = units[unit].text.as_str();
        // Called from each of the cutter's paths: inlined into every one,
        // or each token paid for a call.
        word_bounds(
            text,
            #[inline(always)]
            |start, end| {
                tokens.push(Token { unit, start, end });
                keys.push(token_key(text, start..end));
            },
        );
    }
}

/// Byte ranges of the words (letter/digit runs, with inner apostrophes
/// and number punctuation) and of each other visible character.
///
/// Runs of ASCII letters and digits (eight bytes at a time) and single
/// ASCII spaces are stepped over without the rules below: they are most
/// of any text, and no apostrophe, dot or ideograph rule applies to them.
fn word_bounds(text: &str, mut emit: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let mut word: Option<usize> = None;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if ASCII_ALPHANUMERIC[usize::from(b)] {
            let end = ascii::alphanumeric_end(bytes, at);
            match (bytes.get(end), bytes.get(end + 1)) {
                // Most words: a run that starts a word and a space after
                // it, which ends it and is nothing else. Emitted at once,
                // and the space stepped over.
                (Some(b' '), _) if word.is_none() => {
                    emit(at, end);
                    at = end + 1;
                }
                // Or a mark before a space, which joins nothing and is a
                // token of its own.
                (Some(&mark), Some(b' '))
                    if word.is_none() && ENDS_A_WORD_ALONE[usize::from(mark)] =>
                {
                    emit(at, end);
                    emit(end, end + 1);
                    at = end + 2;
                }
                _ => {
                    word.get_or_insert(at);
                    at = end;
                }
            }
            continue;
        }
        if b == b' ' {
            if let Some(start) = word.take() {
                emit(start, at);
            }
            at += 1;
            continue;
        }
        let Some(c) = char_at(text, at) else { break };
        let after = at + c.len_utf8();
        // A possessive "’s" is a token of its own: "NATO’s" then shares
        // "NATO" with a text that writes "NATO".
        if let Some(start) = word
            && matches!(c, '\'' | '’')
            && is_possessive_s(&text[after..])
        {
            emit(start, at);
            emit(at, after + 1);
            word = None;
            at = after + 1;
            continue;
        }
        let inner = matches!(c, '\'' | '’' | '.' | ',')
            && word.is_some()
            && char_at(text, after).is_some_and(char::is_alphanumeric);
        // A combining mark stays with its letter: "é" written as "e" and
        // an accent, a Hindi virama, Arabic vowel signs (asked last: most
        // characters here are letters or punctuation).
        let mark = || word.is_some() && is_combining_mark(c);
        if (c.is_alphanumeric() && !is_ideograph(c)) || inner || mark() {
            word.get_or_insert(at);
            at = after;
            continue;
        }
        // "U.S." keeps its final dot, so it can equal "US".
        if let Some(start) = word
            && c == '.'
            && is_dotted_acronym(&text[start..at])
        {
            emit(start, after);
            word = None;
            at = after;
            continue;
        }
        if let Some(start) = word.take() {
            emit(start, at);
        }
        at = if c.is_whitespace() {
            after
        } else {
            let end = cluster_end(text, c, after);
            emit(at, end);
            end
        };
    }
    if let Some(start) = word {
        emit(start, text.len());
    }
}

/// Where the character shown for symbol `first` (ending at byte `end`)
/// ends: emoji joined by U+200D, variation selectors, skin tones, keycaps,
/// combining accents, tag letters and a flag's second regional indicator
/// stay with it, so a diff never marks half of what a terminal shows as
/// one character (a family emoji, a flag).
fn cluster_end(text: &str, first: char, mut end: usize) -> usize {
    let regional = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
    let mut flag_open = regional(first);
    // Nothing that joins is ASCII: after most punctuation, a space.
    while let Some(next) = text
        .as_bytes()
        .get(end)
        .filter(|b| !b.is_ascii())
        .and_then(|_| char_at(text, end))
    {
        let extends = matches!(
            next,
            '\u{FE00}'..='\u{FE0F}'
                | '\u{1F3FB}'..='\u{1F3FF}'
                | '\u{20E3}'
                | '\u{0300}'..='\u{036F}'
                | '\u{E0020}'..='\u{E007F}'
        );
        if extends {
            end += next.len_utf8();
        } else if next == '\u{200D}'
            && let Some(joined) = char_at(text, end + next.len_utf8())
            && !joined.is_whitespace()
        {
            end += next.len_utf8() + joined.len_utf8();
            flag_open = false;
        } else if flag_open && regional(next) {
            end += next.len_utf8();
            flag_open = false;
        } else {
            break;
        }
    }
    end
}

/// Which bytes are ASCII letters and digits, by lookup: the scan's
/// inner loop runs over most bytes of every linked text.
const ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// ASCII marks that, after a word and before a space, end the word and
/// are a one-byte token: none joins a word to a space, starts an
/// acronym's dot (the word has none) or a possessive.
const ENDS_A_WORD_ALONE: [bool; 256] = {
    let mut table = [false; 256];
    let marks = b",.;:!?)\"";
    let mut i = 0;
    while i < marks.len() {
        table[marks[i] as usize] = true;
        i += 1;
    }
    table
};

/// `rest` (what follows an apostrophe) is a possessive "s" ending a word.
fn is_possessive_s(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next() == Some('s') && !chars.next().is_some_and(char::is_alphanumeric)
}

/// "U.S", "U.S.", "E.U": capitals joined by dots.
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.') && word.chars().all(|c| c == '.' || c.is_uppercase())
}

/// Typographic variants, case and "percent"/"%" fold together; spelling
/// does not. The key is a 64-bit hash of the folded token's UTF-8 bytes
/// (as [`FastHasher::write`] reads them), so the diff compares integers;
/// a collision among the few hundred words of one link is vanishingly
/// unlikely, and would only show two different words as equal.
///
/// Most tokens are keyed from their bytes, without making (and
/// boundary-checking) a string slice.
fn token_key(text: &str, range: Range<usize>) -> u64 {
    let bytes = text.as_bytes().get(range.clone()).unwrap_or_default();
    if is_percent_word(bytes) {
        return folded_key(|push| push(b'%'));
    }
    if let Some(key) = plain_ascii_key(text.as_bytes(), range.start, bytes) {
        return key;
    }
    let segment = composed(text.get(range).unwrap_or_default());
    let acronym = is_dotted_acronym(&segment);
    folded_key(|push| {
        for c in segment.chars().flat_map(char::to_lowercase) {
            let folded = match c {
                '.' if acronym => continue,
                '“' | '”' | '„' | '«' | '»' | '″' => '"',
                '‘' | '’' | 'ʼ' | '′' | '`' => '\'',
                '–' | '—' | '‒' | '―' | '−' => '-',
                c => c,
            };
            folded.encode_utf8(&mut [0; 4]).bytes().for_each(&mut *push);
        }
    })
}

/// The key of the bytes `fold` pushes, fed to the hasher eight at a time.
fn folded_key(fold: impl FnOnce(&mut dyn FnMut(u8))) -> u64 {
    let mut hasher = FastHasher::default();
    let (mut word, mut filled) = (0u64, 0u32);
    fold(&mut |byte| {
        word |= u64::from(byte) << (8 * filled);
        filled += 1;
        if filled == 8 {
            hasher.write_u64(word);
            (word, filled) = (0, 0);
        }
    });
    if filled > 0 {
        hasher.write_u64(word);
    }
    hasher.finish()
}

/// Most tokens: ASCII without a dot (so no acronym), lower-cased and '`'
/// read as '\'' eight bytes at a time; `None` for any other token.
/// `token` is `text` from byte `start`; one of up to eight bytes (most of
/// them) is read in one load ([`ascii::padded_at`]).
fn plain_ascii_key(text: &[u8], start: usize, token: &[u8]) -> Option<u64> {
    let mut hasher = FastHasher::default();
    let plain = if token.len() <= 8 && !token.is_empty() {
        plain_chunk(ascii::padded_at(text, start, token.len()), &mut hasher)
    } else {
        ascii::each_word(token, |word| plain_chunk(word, &mut hasher))
    };
    plain.then(|| hasher.finish())
}

/// Hashes eight bytes of a plain token (zero past its end), lower-cased
/// and '`' read as '\''; `false`, hashing nothing, when one is beyond
/// ASCII or a dot.
fn plain_chunk(word: u64, hasher: &mut FastHasher) -> bool {
    if word & ascii::HIGH != 0 || ascii::equal(word, b'.') != 0 {
        return false;
    }
    let backticks = ascii::equal(word, b'`');
    let folded = ascii::lower_cased(word) ^ ((backticks >> 7) * u64::from(b'`' ^ b'\''));
    hasher.write_u64(folded);
    true
}

/// "percent" and its translations, which mean "%".
fn is_percent_word(segment: &[u8]) -> bool {
    matches!(segment.len(), 7 | 8)
        && ["percent", "prozent", "pourcent", "procent"]
            .iter()
            .any(|w| segment.eq_ignore_ascii_case(w.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokeniser as first written, char by char: the fast one must
    /// cut every text exactly as it did.
    fn reference_bounds(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut emit = |s, e| out.push((s, e));
        let mut word: Option<usize> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            if let Some(start) = word
                && matches!(c, '\'' | '’')
                && is_possessive_s(&text[at + c.len_utf8()..])
            {
                emit(start, at);
                emit(at, at + c.len_utf8() + 1);
                word = None;
                chars.next();
                continue;
            }
            let inner = matches!(c, '\'' | '’' | '.' | ',')
                && word.is_some()
                && next.is_some_and(char::is_alphanumeric);
            let mark = word.is_some() && is_combining_mark(c);
            if (c.is_alphanumeric() && !is_ideograph(c)) || inner || mark {
                word.get_or_insert(at);
                continue;
            }
            if let Some(start) = word
                && c == '.'
                && is_dotted_acronym(&text[start..at])
            {
                emit(start, at + 1);
                word = None;
                continue;
            }
            if let Some(start) = word.take() {
                emit(start, at);
            }
            if !c.is_whitespace() {
                let end = cluster_end(text, c, at + c.len_utf8());
                emit(at, end);
                while chars.next_if(|&(i, _)| i < end).is_some() {}
            }
        }
        if let Some(start) = word {
            emit(start, text.len());
        }
        out
    }

    fn bounds(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        word_bounds(text, |s, e| out.push((s, e)));
        out
    }

    /// A token folded as the diff compares it, as a string.
    fn reference_fold(segment: &str) -> String {
        if is_percent_word(segment.as_bytes()) {
            return "%".to_string();
        }
        let segment = &*composed(segment);
        let acronym = is_dotted_acronym(segment);
        let mut out = String::new();
        for c in segment.chars().flat_map(char::to_lowercase) {
            out.push(match c {
                '.' if acronym => continue,
                '“' | '”' | '„' | '«' | '»' | '″' => '"',
                '‘' | '’' | 'ʼ' | '′' | '`' => '\'',
                '–' | '—' | '‒' | '―' | '−' => '-',
                c => c,
            });
        }
        out
    }

    #[test]
    fn keys_hash_the_folded_token_on_every_path() {
        let mut tokens: Vec<String> = [
            "",
            "a",
            "A",
            "Zz",
            "`",
            "don`t",
            "don’t",
            "DON'T",
            "U.S.",
            "US",
            "u.s",
            "E.U.",
            "3.5",
            "1,000",
            "Percent",
            "PROZENT",
            "%",
            "Straße",
            "STRASSE",
            "Київ",
            "ÉTÉ’s",
            "«",
            "—",
            "–",
            "@[`{",
            "ABCDEFGH",
            "abcdefghi",
            "AbCdEfGhIjKlMnOpQ",
            "x.y.z",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        // Every ASCII byte in every place of tokens up to 17 bytes long.
        for len in 1..=17 {
            for b in 1u8..0x80 {
                for place in [0, len / 2, len - 1] {
                    let mut token = vec![b'k'; len];
                    token[place] = b;
                    tokens.extend(String::from_utf8(token).ok());
                }
            }
        }
        for token in &tokens {
            let mut hasher = FastHasher::default();
            hasher.write(reference_fold(token).as_bytes());
            let expected = hasher.finish();
            assert_eq!(token_key(token, 0..token.len()), expected, "{token:?}");
            // Inside a longer text, where a short token is read with the
            // bytes after it (which must count for nothing).
            for tail in [
                "",
                " and more",
                "..........",
                "éééé",
                "````````",
                "ZZZZZZZZ",
            ] {
                let text = format!("x {token}{tail}");
                let range = 2..2 + token.len();
                assert_eq!(token_key(&text, range), expected, "{token:?} then {tail:?}");
            }
        }
    }

    /// The same words composed and decomposed ("é" as one character or
    /// as "e" and an accent) cut alike and key alike, so a diff of a text
    /// against its other form finds nothing changed.
    #[test]
    fn decomposed_words_are_one_token_keyed_as_composed() {
        let composed_text = "Le café est fermé: हिन्दी";
        let decomposed: String =
            unicode_normalization::UnicodeNormalization::nfd(composed_text).collect();
        assert_ne!(composed_text, decomposed);
        let keys = |text: &str| -> Vec<u64> {
            bounds(text)
                .into_iter()
                .map(|(s, e)| token_key(text, s..e))
                .collect()
        };
        assert_eq!(keys(composed_text), keys(&decomposed));
        let words: Vec<&str> = bounds(&decomposed)
            .iter()
            .map(|&(s, e)| &decomposed[s..e])
            .collect();
        assert_eq!(words.len(), 6, "{words:?}");
        assert_eq!(words[1], "cafe\u{301}");
    }

    #[test]
    fn an_emoji_and_what_joins_it_are_one_token() {
        let family = "👨\u{200d}👩\u{200d}👧\u{200d}👦";
        let text = format!("a {family} 🇺🇦🇩🇪 ❤\u{fe0f} 👍\u{1f3fd}!");
        let tokens: Vec<&str> = bounds(&text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            tokens,
            ["a", family, "🇺🇦", "🇩🇪", "❤\u{fe0f}", "👍\u{1f3fd}", "!"]
        );
        assert_eq!(bounds(&text), reference_bounds(&text));
    }

    #[test]
    fn cuts_random_texts_as_the_char_by_char_tokeniser() {
        crate::test_rng::each_text_of(41, crate::test_rng::TOKENISER_PIECES, 600, 14, |text| {
            assert_eq!(bounds(text), reference_bounds(text), "{text:?}");
        });
    }

    #[test]
    fn cuts_as_the_char_by_char_tokeniser() {
        let texts = [
            "",
            " ",
            "Ukraine keeps 80% of its territory.",
            "The U.S. side, NATO’s plan and NATO's, Trump’s; it's 3.5 or 1,000.",
            "U.S.A.\tE.U x.y 'quoted' ‘single’ “double” „low“ «guillemets»",
            "中国人 said 北京 and 東京 — fine–dash…",
            "Zelenskyy sagte: «Київ» über Straße, œuvre, ÉTÉ’s d’Artagnan",
            "a'  b’  c'  'd s' e's's x’s9 ' s’",
            "ends with word",
            "ends with dot.",
            "\u{b}vertical\u{c}feed\r\n\u{a0}nbsp\u{2003}em",
            "x.",
            ".,'’",
            "don’ts won't’s",
            "٣٤ arabic digits ١٢,٣ and ²³ superscripts",
            "cafe\u{301} fe\u{301}rme\u{301}, \u{301}alone हिन्दी كِتَاب",
        ];
        for text in texts {
            assert_eq!(bounds(text), reference_bounds(text), "{text:?}");
        }
    }
}
