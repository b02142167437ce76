//! Words with their byte ranges, cut so that facts keep their spelling:
//! "U.S.", "ZN.ua", "3.5", "1,000" and "Trump’s" are one word each, while
//! hyphens split ("US-Ukraine" is two names). Every extractor works on
//! these tokens so that byte ranges always index the paragraph text.

use crate::chars::{char_at, is_acronym, is_combining_mark};

/// One word of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Token<'_> {
    /// Starts with an upper-case letter (any script).
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Two or more letters, all upper-case ("NATO", "U.S.", "EU").
    pub fn is_acronym(&self) -> bool {
        is_acronym(self.text)
    }

    /// Starts with a digit.
    pub fn is_number(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_ascii_digit())
    }

    /// The word without a possessive ending ("Trump’s" → "Trump").
    pub fn stem(&self) -> &str {
        for suffix in ["’s", "'s", "’", "'"] {
            if let Some(stem) = self.text.strip_suffix(suffix) {
                return stem;
            }
        }
        self.text
    }

    /// Whether the word carries a possessive ending.
    pub fn is_possessive(&self) -> bool {
        self.stem().len() != self.text.len()
    }
}

/// Characters that may join two word characters inside one word.
fn is_joiner(c: char) -> bool {
    matches!(c, '.' | '’' | '\'' | ',' | 'ʼ')
}

/// The words of `text`, in order. The text is walked in place, one
/// character at a time, with its neighbours decoded where a joiner needs
/// them, rather than first copied into a list of characters.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    tokens_with::<true>(text)
}

/// [`tokens`], with an ASCII byte after a word that cannot join it taken
/// as its end without decoding it when `ASCII_ENDS` (the tests hold the
/// two to the same words).
fn tokens_with<const ASCII_ENDS: bool>(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    // A word and its space take about six bytes of English prose, a
    // little under six of German (long nouns, but short function words):
    // room for one per five bytes makes one allocation, not two.
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        // ASCII is most of most texts: a byte is its own character, and
        // only a letter or digit starts a word.
        if byte.is_ascii() && !byte.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let Some(c) = char_at(text, i) else { break };
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut j = i + c.len_utf8();
        while let Some(&next) = bytes.get(j) {
            if next.is_ascii_alphanumeric() {
                j = crate::ascii::alphanumeric_end(bytes, j);
                continue;
            }
            // Any other ASCII byte but a joiner ends the word: the space
            // after most words is not decoded and asked what it is.
            if ASCII_ENDS && next.is_ascii() && !is_joiner(char::from(next)) {
                break;
            }
            let Some(c) = char_at(text, j) else { break };
            let after = j + c.len_utf8();
            // A combining mark (an accent written apart from its letter)
            // belongs to the word, so a name's range covers all of it.
            if c.is_alphanumeric() || is_combining_mark(c) {
                j = after;
            } else if is_joiner(c)
                && let Some(n) = char_at(text, after).filter(|n| n.is_alphanumeric())
                && joins(text, j, c, n)
            {
                j = after + n.len_utf8();
            } else {
                break;
            }
        }
        let mut end = j;
        // Most words are not followed by a period: asked first.
        if bytes.get(end) == Some(&b'.') && is_initials(&text[start..end]) {
            end += 1;
            j += 1;
        }
        out.push(Token {
            text: &text[start..end],
            start,
            end,
        });
        i = j;
    }
    out
}

/// The character ending at byte `i`, if any.
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|head| head.chars().next_back())
}

/// Whether the joiner `joiner` at byte `j`, followed by the word
/// character `after`, sits inside a word: a comma only between digits
/// ("1,000", "3,5"), a period not before a capital unless it joins
/// initials or a domain ("U.S", "ZN.ua").
fn joins(text: &str, j: usize, joiner: char, after: char) -> bool {
    let Some(before) = char_before(text, j) else {
        return false;
    };
    match joiner {
        ',' => {
            // "1,000" groups thousands; "3,5" is a decimal comma.
            let rest = text.get(j + 1..).unwrap_or("");
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let ends = char_at(rest, digits).is_none_or(|c| !c.is_alphanumeric());
            before.is_ascii_digit() && (1..=3).contains(&digits) && ends
        }
        '.' => {
            (before.is_ascii_digit() && after.is_ascii_digit())
                || after.is_lowercase()
                || (before.is_uppercase()
                    && after.is_uppercase()
                    && single_before(text, j - before.len_utf8()))
        }
        _ => before.is_alphabetic() && after.is_alphabetic(),
    }
}

/// The character ending at byte `i` ("U" in "U.S") is a one-letter piece:
/// nothing alphanumeric comes before it.
fn single_before(text: &str, i: usize) -> bool {
    char_before(text, i).is_none_or(|c| !c.is_alphanumeric())
}

/// "U.S", "J", "e.g": single letters separated by periods.
fn is_initials(word: &str) -> bool {
    word.split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn ascii_word_ends_cut_as_decoded_ones() {
        crate::test_rng::each_text_of(53, crate::test_rng::TOKENISER_PIECES, 600, 14, |text| {
            assert_eq!(
                tokens_with::<true>(text),
                tokens_with::<false>(text),
                "{text:?}"
            );
        });
    }

    #[test]
    fn keeps_abbreviations_numbers_and_possessives_whole() {
        assert_eq!(
            words("U.S. envoy met ZN.ua on 3.5 and 1,000, Trump’s plan."),
            [
                "U.S.",
                "envoy",
                "met",
                "ZN.ua",
                "on",
                "3.5",
                "and",
                "1,000",
                "Trump’s",
                "plan"
            ]
        );
    }

    #[test]
    fn hyphens_and_sentence_ends_split() {
        assert_eq!(
            words("US-Ukraine talks. Then"),
            ["US", "Ukraine", "talks", "Then"]
        );
        assert_eq!(words("in Berlin.Then"), ["in", "Berlin", "Then"]);
    }

    #[test]
    fn accents_written_apart_stay_in_their_word() {
        assert_eq!(words("José Martí"), ["José", "Martí"]);
        assert_eq!(
            words("Jose\u{301} Marti\u{301}"),
            ["Jose\u{301}", "Marti\u{301}"]
        );
    }

    #[test]
    fn ranges_index_the_text() {
        let text = "Zelenskyy sagte: «Київ»";
        for t in tokens(text) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
        assert_eq!(tokens("Trump’s")[0].stem(), "Trump");
    }
}
