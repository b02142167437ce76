//! Eight ASCII bytes at a time. Loading a book passes over every byte of
//! it several times (cleaning, squashing, tallying, counting words), and
//! the engine keys every word of it (twice); most of those bytes are
//! ASCII, and the questions asked of them (is it a space, a letter, a
//! capital, a control?) can be answered for a whole `u64` of them with a
//! few additions and masks ("SIMD within a register"), where a byte loop
//! spends a dozen instructions on each.
//!
//! Every mask here has the high bit of each byte set where the answer is
//! yes, and is only meaningful for words whose bytes are all ASCII
//! ([`ascii_word`]): with every byte below 0x80, adding at most 0x7f to
//! each byte never carries into the next.

/// 0x01 in every byte.
const ONES: u64 = u64::from_ne_bytes([1; 8]);
/// The high bit of every byte.
pub const HIGH: u64 = ONES << 7;

/// The eight bytes of `bytes` from `at` as one little-endian word (byte
/// `at` in the lowest bits) when all of them are ASCII; `None` when fewer
/// than eight remain or one is not ASCII.
#[inline(always)]
pub fn ascii_word(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
    let word = u64::from_le_bytes(chunk);
    (word & HIGH == 0).then_some(word)
}

/// Calls `each` with the 8-byte little-endian words of `bytes` (any
/// bytes), the last one zero-padded, while it returns true; whether it
/// saw them all. How a short word is read whole: the padding is built
/// with shifts ([`padded`]), not copied, since a copy of a length known
/// only at run time is a call to `memcpy`, which costs more than these
/// few bytes.
#[inline(always)]
pub fn each_word(bytes: &[u8], mut each: impl FnMut(u64) -> bool) -> bool {
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        if !each(u64::from_le_bytes(chunk.try_into().unwrap_or_default())) {
            return false;
        }
    }
    let rest = chunks.remainder();
    rest.is_empty() || each(padded(rest))
}

/// Up to 15 bytes and their count as one integer (the bytes
/// little-endian, the count in the top byte), so that a short key is
/// hashed and compared as a number, not a string; `None` for a longer
/// one. No two byte strings share a value.
pub fn packed_with_length(bytes: &[u8]) -> Option<u128> {
    let length = u8::try_from(bytes.len()).ok().filter(|&n| n < 16)?;
    let high = padded(bytes.get(8..).unwrap_or_default());
    Some(u128::from(padded(bytes)) | u128::from(high) << 64 | u128::from(length) << 120)
}

/// Up to eight bytes as one little-endian word, zero-padded (only the
/// first eight count).
///
/// Read in at most three loads whatever the length (two overlapping
/// halves, or the first, middle and last byte), not byte by byte: the
/// tokenisers pad the tail of nearly every word.
#[inline(always)]
pub fn padded(bytes: &[u8]) -> u64 {
    let bytes = bytes.get(..8).unwrap_or(bytes);
    let len = bytes.len();
    let half = |at: usize| -> u64 {
        let four: [u8; 4] = bytes
            .get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .unwrap_or_default();
        u64::from(u32::from_le_bytes(four))
    };
    let byte = |at: usize| bytes.get(at).map_or(0, |&b| u64::from(b));
    match len {
        0 => 0,
        1..=3 => byte(0) | byte(len / 2) << (8 * (len / 2)) | byte(len - 1) << (8 * (len - 1)),
        // The halves overlap for fewer than eight bytes; the bytes they
        // share are the same, so or-ing them is exact.
        _ => half(0) | half(len - 4) << (8 * (len - 4)),
    }
}

/// Bytes `>= n` (for `n <= 0x80`).
#[inline(always)]
fn at_least(word: u64, n: u8) -> u64 {
    word.wrapping_add(ONES * u64::from(0x80 - n)) & HIGH
}

/// Bytes in `from..=to`.
#[inline(always)]
pub fn within(word: u64, from: u8, to: u8) -> u64 {
    at_least(word, from) & !at_least(word, to + 1)
}

/// Bytes equal to `b` (ASCII).
#[inline(always)]
pub fn equal(word: u64, b: u8) -> u64 {
    !(word ^ (ONES * u64::from(b))).wrapping_add(ONES * 0x7f) & HIGH
}

/// The whitespace controls `\t`, `\n`, `\v`, `\f`, `\r`.
#[inline(always)]
pub fn space_controls(word: u64) -> u64 {
    at_least(word, b'\t') & !at_least(word, b'\r' + 1)
}

/// ASCII whitespace as `char::is_whitespace` has it: the controls above
/// and the space.
#[inline(always)]
pub fn spaces(word: u64) -> u64 {
    space_controls(word) | equal(word, b' ')
}

/// `A`–`Z`.
#[inline(always)]
pub fn capitals(word: u64) -> u64 {
    within(word, b'A', b'Z')
}

/// The word with its capitals lower-cased.
#[inline(always)]
pub fn lower_cased(word: u64) -> u64 {
    word | (capitals(word) >> 2)
}

/// `a`–`z` and `A`–`Z`.
#[inline(always)]
pub fn letters(word: u64) -> u64 {
    let folded = word | (ONES * 0x20);
    at_least(folded, b'a') & !at_least(folded, b'z' + 1)
}

/// Control characters (below the space) and DEL.
#[inline(always)]
pub fn controls(word: u64) -> u64 {
    !at_least(word, b' ') & HIGH | equal(word, 0x7f)
}

/// `mask` shifted one byte up, with `first` as the answer before byte 0:
/// "the byte before was a yes".
#[inline(always)]
pub fn before(mask: u64, first: bool) -> u64 {
    (mask << 8) | (u64::from(first) << 7)
}

/// Whether the last byte of the word is a yes.
#[inline(always)]
pub fn last(mask: u64) -> bool {
    mask >> 63 != 0
}

/// How many bytes are a yes.
#[inline(always)]
pub fn count(mask: u64) -> usize {
    // Each byte's 0 or 1 summed into the top byte by one multiplication
    // (at most 8, no carry): cheaper than `count_ones` on an x86-64
    // baseline without POPCNT.
    ((mask >> 7).wrapping_mul(ONES) >> 56) as usize
}

/// The bytes of `lanes` summed, each byte a count: exact while the sum
/// stays below 256 (31 words' masks of [`ones`], at most 8 each).
#[inline(always)]
pub fn sum(lanes: u64) -> usize {
    (lanes.wrapping_mul(ONES) >> 56) as usize
}

/// `mask` as 0 or 1 in each byte, to add up in byte lanes with [`sum`].
#[inline(always)]
pub fn ones(mask: u64) -> u64 {
    mask >> 7
}

/// [`padded`] of `text[at..at + len]`, a run of one to eight bytes inside
/// `text`: one load of the eight bytes from `at`, masked to the run, when
/// the text has eight there (nearly every word the tokenisers read).
#[inline(always)]
pub fn padded_at(text: &[u8], at: usize, len: usize) -> u64 {
    match text.get(at..at + 8) {
        Some(eight) if (1..=8).contains(&len) => {
            u64::from_le_bytes(eight.try_into().unwrap_or_default()) & low_bytes(len)
        }
        _ => padded(text.get(at..at + len).unwrap_or_default()),
    }
}

/// A mask of the lowest `n` bytes of a word, for `n` from 1 to 8 (a
/// shift, not a branch: the tokenisers mask nearly every word they read
/// in one load to its length).
#[inline(always)]
pub fn low_bytes(n: usize) -> u64 {
    u64::MAX >> (64 - 8 * n.clamp(1, 8))
}

/// The index of the first yes byte (8 when none is).
#[inline(always)]
pub fn first(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

/// Where the run of ASCII letters and digits that starts at `at` ends:
/// the tokenisers step over every word this way. Eight bytes at a time
/// while eight remain (a byte with its high bit set ends the run, and a
/// carry out of it only reaches bytes after it), then byte by byte.
#[inline(always)]
pub fn alphanumeric_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = at.checked_add(8).and_then(|end| bytes.get(at..end)) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let alphanumeric = letters(word) | within(word, b'0', b'9');
        let stop = (!alphanumeric | word) & HIGH;
        if stop != 0 {
            return at + first(stop);
        }
        at += 8;
    }
    let rest = bytes.get(at..).unwrap_or_default();
    at + rest
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len())
}

/// The words [`each_word`] gives, made by copying each chunk into a
/// zeroed array: the reference its tests (and the hashers') check against.
#[cfg(test)]
pub fn words_by_copy(bytes: &[u8]) -> Vec<u64> {
    bytes
        .chunks(8)
        .map(|chunk| {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            u64::from_le_bytes(word)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn low_bytes_masks_a_load_to_the_padded_word() {
        let text: Vec<u8> = (1..=16).map(|b| b * 13).collect();
        for n in 1..=8 {
            let eight = u64::from_le_bytes(text[..8].try_into().unwrap());
            assert_eq!(eight & low_bytes(n), padded(&text[..n]), "{n}");
        }
    }

    #[test]
    fn padded_at_reads_a_run_as_padded_does() {
        let text: Vec<u8> = (1..=12).map(|b| b * 19).collect();
        for at in 0..text.len() {
            for len in 1..=8.min(text.len() - at) {
                let run = &text[at..at + len];
                assert_eq!(padded_at(&text, at, len), padded(run), "{at} {len}");
            }
        }
    }

    #[test]
    fn padded_reads_like_a_byte_at_a_time_fold() {
        let text: Vec<u8> = (1..=12).map(|b| b * 17).collect();
        for start in 0..3 {
            for len in 0..=10 {
                let bytes = &text[start..start + len];
                let expected = bytes
                    .iter()
                    .take(8)
                    .rev()
                    .fold(0, |word, &byte| (word << 8) | u64::from(byte));
                assert_eq!(padded(bytes), expected, "{bytes:?}");
            }
        }
    }

    fn mask_of(bytes: [u8; 8], yes: impl Fn(u8) -> bool) -> u64 {
        let mut mask = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if yes(b) {
                mask |= 0x80 << (8 * i);
            }
        }
        mask
    }

    #[test]
    fn every_ascii_byte_in_every_place() {
        for b in 0u8..0x80 {
            for place in 0..8 {
                let mut bytes = [b'x'; 8];
                bytes[place] = b;
                let word = ascii_word(&bytes, 0).expect("ascii");
                let ws = |c: u8| char::from(c).is_whitespace();
                assert_eq!(spaces(word), mask_of(bytes, ws), "{b}");
                assert_eq!(space_controls(word), mask_of(bytes, |c| ws(c) && c != b' '));
                assert_eq!(letters(word), mask_of(bytes, |c| c.is_ascii_alphabetic()));
                assert_eq!(controls(word), mask_of(bytes, |c| c.is_ascii_control()));
                assert_eq!(equal(word, b' '), mask_of(bytes, |c| c == b' '));
                assert_eq!(capitals(word), mask_of(bytes, |c| c.is_ascii_uppercase()));
                assert_eq!(
                    within(word, b'0', b'9'),
                    mask_of(bytes, |c| c.is_ascii_digit())
                );
                assert_eq!(
                    lower_cased(word).to_le_bytes(),
                    bytes.map(|c| c.to_ascii_lowercase())
                );
            }
        }
        for len in 0..=17 {
            let bytes: Vec<u8> = (1..=len).collect();
            let expected = words_by_copy(&bytes);
            let mut seen = Vec::new();
            assert!(each_word(&bytes, |word| {
                seen.push(word);
                true
            }));
            assert_eq!(seen, expected, "{len} bytes");
            // Stopped after the first word.
            let mut calls = 0;
            let all = each_word(&bytes, |_| {
                calls += 1;
                false
            });
            assert_eq!((all, calls), (len == 0, usize::from(len > 0)));
        }
        assert_eq!(ascii_word(b"abcdefg\x80", 0), None);
        assert_eq!(ascii_word(b"abcdefgh", 1), None);
        assert_eq!(first(0), 8);
        assert_eq!(count(HIGH), 8);
        assert_eq!(sum(ones(HIGH) * 31), 248);
        assert_eq!(count(0x80 | 0x80 << 56), 2);
        assert_eq!(first(0x80 << 16), 2);
    }

    #[test]
    fn alphanumeric_runs_end_where_a_byte_loop_ends_them() {
        // Every byte value after runs of every length up to 20, at every
        // start, with a non-ASCII byte (whose carries must not matter)
        // after the end too.
        for stop in 0..=255u8 {
            for run in 0..20 {
                let mut bytes: Vec<u8> = (0..run).map(|i| b"aZ09xQ"[i % 6]).collect();
                bytes.push(stop);
                bytes.extend_from_slice(b"\xffab\xc3\xa9cd");
                for start in 0..=run.min(3) {
                    let expected = start
                        + bytes[start..]
                            .iter()
                            .position(|b| !b.is_ascii_alphanumeric())
                            .unwrap_or(bytes.len() - start);
                    assert_eq!(
                        alphanumeric_end(&bytes, start),
                        expected,
                        "stop {stop:#x}, run {run}, start {start}"
                    );
                }
            }
        }
        assert_eq!(alphanumeric_end(b"", 0), 0);
        assert_eq!(alphanumeric_end(b"abc", 3), 3);
        assert_eq!(alphanumeric_end(b"abcdefghijklmnop", 0), 16);
    }
}
