//! A link's text as diff tokens: words (letter/digit runs, with inner
//! apostrophes and number punctuation) and each other visible character,
//! as byte spans, each with a comparison key that folds case, curly and
//! straight quotes, dashes, "U.S."/"US" and "percent"/"%".

use std::hash::Hasher;

use super::units::Unit;
use crate::chars::{char_at, is_ideograph};
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
    for &unit in indices {
        let text = units[unit].text.as_str();
        word_bounds(text, |start, end| {
            tokens.push(Token { unit, start, end });
            keys.push(comparison_key(&text[start..end]));
        });
    }
}

/// Byte ranges of the words (letter/digit runs, with inner apostrophes
/// and number punctuation) and of each other visible character.
///
/// Runs of ASCII letters and digits, and single ASCII spaces, are
/// stepped over a byte at a time: they are most of any text, and none of
/// the rules below (apostrophes, dots, ideographs) can apply to them.
fn word_bounds(text: &str, mut emit: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let mut word: Option<usize> = None;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii_alphanumeric() {
            word.get_or_insert(at);
            at += 1;
            while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
                at += 1;
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
        if (c.is_alphanumeric() && !is_ideograph(c)) || inner {
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
        if !c.is_whitespace() {
            emit(at, after);
        }
        at = after;
    }
    if let Some(start) = word {
        emit(start, text.len());
    }
}

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
/// does not. The key is a 64-bit hash of the folded token, so the diff
/// compares integers; a collision among the few hundred words of one link
/// is vanishingly unlikely, and would only show two different words as
/// equal.
fn comparison_key(segment: &str) -> u64 {
    let mut hasher = FastHasher::default();
    if is_percent_word(segment) {
        hasher.write_u32('%' as u32);
        return hasher.finish();
    }
    let bytes = segment.as_bytes();
    if bytes.iter().all(|&b| b.is_ascii() && b != b'.') {
        // Most tokens: ASCII and no dot, so no acronym to check for.
        for &b in bytes {
            let folded = if b == b'`' {
                b'\''
            } else {
                b.to_ascii_lowercase()
            };
            hasher.write_u32(u32::from(folded));
        }
        return hasher.finish();
    }
    let acronym = is_dotted_acronym(segment);
    if segment.is_ascii() {
        // The same keys as the loop below, without the Unicode case
        // tables: of the folds, only '`' is ASCII.
        for &b in segment.as_bytes() {
            let folded = match b {
                b'.' if acronym => continue,
                b'`' => b'\'',
                b => b.to_ascii_lowercase(),
            };
            hasher.write_u32(u32::from(folded));
        }
        return hasher.finish();
    }
    for c in segment.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            '.' if acronym => continue,
            '“' | '”' | '„' | '«' | '»' | '″' => '"',
            '‘' | '’' | 'ʼ' | '′' | '`' => '\'',
            '–' | '—' | '‒' | '―' | '−' => '-',
            c => c,
        };
        hasher.write_u32(folded as u32);
    }
    hasher.finish()
}

/// "percent" and its translations, which mean "%".
fn is_percent_word(segment: &str) -> bool {
    matches!(segment.len(), 7 | 8)
        && ["percent", "prozent", "pourcent", "procent"]
            .iter()
            .any(|w| segment.eq_ignore_ascii_case(w))
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
            if (c.is_alphanumeric() && !is_ideograph(c)) || inner {
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
                emit(at, at + c.len_utf8());
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
        ];
        for text in texts {
            assert_eq!(bounds(text), reference_bounds(text), "{text:?}");
        }
    }
}
