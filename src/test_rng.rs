//! A seeded pseudo-random sequence for unit tests: the same numbers on
//! every run and machine, without a crate.

/// Steps `seed` (a 64-bit linear congruential generator) and returns it.
pub fn next(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *seed
}

/// Between 1 and `texts` texts, each of 1 to `words` of `pieces` picked
/// at random and joined by spaces: texts built from the pieces a rule
/// turns on, so a test meets them in every combination.
pub fn texts_of(seed: &mut u64, pieces: &[&str], texts: u64, words: u64) -> Vec<String> {
    let mut below = |bound: u64| (next(seed) >> 33) % bound;
    let count = 1 + below(texts);
    (0..count)
        .map(|_| {
            let len = 1 + below(words);
            (0..len)
                .map(|_| pieces[below(pieces.len() as u64) as usize])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Pieces of text that turn on the tokenisers' rules: plain, capitalised
/// and all-capital words, initials and acronyms, words that may mean
/// percent, numbers with their separators, apostrophes and possessives
/// (straight and curly), every mark that may follow a word, words of
/// seven to eleven bytes (one load or more), letters beyond ASCII and
/// marks written apart, ideographs and emoji.
pub const TOKENISER_PIECES: &[&str] = &[
    "word",
    "Word",
    "U",
    "S",
    "U.S.",
    "5",
    "1,000",
    "3.5",
    "a",
    "x9",
    "’s",
    "'s",
    "'",
    "’",
    ".",
    ",",
    ";",
    "-",
    "—",
    "(",
    ")",
    "\"",
    "“",
    "é",
    "cafe\u{301}",
    "東京",
    "👍\u{1f3fd}",
    "\t",
    "\n",
    "s",
    "don't",
    "NATO’s",
    "%",
    "`",
    "abcdefghij",
    "word,",
    "end.",
    "this;",
    "as:",
    "yes!",
    "why?",
    "it)",
    "said\"",
    "US.",
    "x,",
    "9,",
    "é,",
    "J.",
    "3,5",
    "ZN.ua",
    "ʼ",
    "the",
    "The",
    "envoy",
    "Witkoff",
    "I",
    "A",
    "NATO",
    "US",
    "x",
    "guarantees",
    "Guarantees",
    "extraordinarily",
    "EXTRAORDINARY",
    "eBay",
    "iPhone",
    "p",
    "P",
    "pct",
    "Pct",
    "percent",
    "PERCENT",
    "prozent",
    "pourcent",
    "porcentaje",
    "plan",
    "Plan",
    "NATO's",
    "allies'",
    "e.g.",
    "5,169",
    "x1",
    "15th",
    "café",
    "Zoë",
    "Jose\u{301}",
    ":",
    "!",
    "?",
    "”",
    "…",
    "abcdefgh",
    "abcdefghi",
    "Abcdefgh",
    "abcdefg1",
    "abcdefghij9",
    "ABCDEFGHIJ",
    "Abcdefghij",
    "ABCDEFGh",
    "Ab",
    "AB",
    "pa",
    "Plans",
    "perfects",
    "Pcts",
    "porcentajes",
    "PORCENTAJE",
    "pct,",
    "Percent.",
];

/// Calls `check` on `rounds` batches of [`texts_of`] `pieces` (up to
/// `words` pieces a text), each text as joined by spaces and again with
/// the spaces taken out: a tokeniser then meets every piece beside every
/// other, with and without a space between.
pub fn each_text_of(
    seed: u64,
    pieces: &[&str],
    rounds: usize,
    words: u64,
    mut check: impl FnMut(&str),
) {
    let mut seed = seed;
    for _ in 0..rounds {
        for joined in texts_of(&mut seed, pieces, 3, words) {
            check(&joined);
            check(&joined.replace(' ', ""));
        }
    }
}
