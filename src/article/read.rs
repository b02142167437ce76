//! Reading one input's bytes with a bound: files and stdin may be endless
//! (`/dev/zero`, `yes |`) or not text at all, and both must end in one
//! clear line, not in all the machine's memory.

use std::io::Read;

use super::LoadError;
use super::formats::{BINARY_SNIFF_BYTES, has_utf16_bom};

/// Bytes read between the size and binary checks.
const READ_CHUNK: u64 = 64 * 1024;

/// Reads at most `max` bytes, refusing more, and refuses binary as soon as
/// the first [`BINARY_SNIFF_BYTES`] have arrived, so `/dev/zero`,
/// `/dev/urandom` and `yes |` end with one line instead of eating memory.
/// `expected` (a file's size, or 0) sizes the buffer once, so a 3 MB
/// article is not copied through every doubling; a file larger than
/// `max` is refused before it is read.
pub(super) fn read_bounded(
    reader: &mut dyn Read,
    name: &str,
    max: u64,
    expected: u64,
) -> Result<Vec<u8>, LoadError> {
    let too_large = || LoadError::TooLarge {
        path: name.to_string(),
        limit: max,
    };
    if expected > max {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    let mut sniffed = false;
    loop {
        // Straight into `bytes`, a chunk at a time: no zeroed staging
        // buffer to fill and copy out of (on a news article that buffer
        // was most of the reading).
        match (&mut *reader).take(READ_CHUNK).read_to_end(&mut bytes) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(LoadError::io(name, &e)),
        }
        if bytes.len() as u64 > max {
            return Err(too_large());
        }
        if !sniffed && bytes.len() >= BINARY_SNIFF_BYTES {
            sniffed = true;
            check_text(&bytes, name)?;
        }
    }
    check_text(&bytes, name)?;
    Ok(bytes)
}

fn check_text(bytes: &[u8], name: &str) -> Result<(), LoadError> {
    if has_utf16_bom(bytes) {
        return Ok(());
    }
    let head = bytes.get(..BINARY_SNIFF_BYTES).unwrap_or(bytes);
    match head.iter().position(|b| *b == 0) {
        Some(offset) => Err(LoadError::Binary {
            path: name.to_string(),
            offset,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_is_bounded_and_binary_refused_early() {
        let mut zeros = std::io::repeat(0);
        let error = read_bounded(&mut zeros, "/dev/zero", 1 << 30, 0).expect_err("binary");
        assert_eq!(
            error.to_string(),
            "/dev/zero: binary file (NUL byte at offset 0), not text"
        );
        let mut yes = std::io::repeat(b'y');
        let error = read_bounded(&mut yes, "<stdin>", 100_000, 0).expect_err("too large");
        assert!(error.to_string().contains("larger than"), "{error}");
        let mut short: &[u8] = b"hello";
        assert_eq!(
            read_bounded(&mut short, "x", 5, 5).ok(),
            Some(b"hello".to_vec())
        );
        // A file whose size is over the bound is refused unread.
        let mut short: &[u8] = b"hello";
        let error = read_bounded(&mut short, "big", 4, 5).expect_err("too large");
        assert!(error.to_string().contains("larger than"), "{error}");
        assert_eq!(short, b"hello");
    }
}
