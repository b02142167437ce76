//! serde_json's pretty layout (two-space indent, `"key": value`, `[]` and
//! `{}` for empty containers) with short rows kept on one line: an array
//! of numbers is `[3, 0, 17]`, and a row object (a diff op) is
//! `{"op": "equal", "left": [3, 0, 17], "right": [0, 0, 17]}`. One number
//! per line made a 6 MB pair's alignment a 67 MB document that no one
//! could scan by eye; with rows it is half that size and reads like
//! the README's example.
//!
//! Written by hand into a byte buffer that is handed to the real writer
//! in 64 KiB pieces: going through serde's per-field machinery and a `dyn
//! Write` call per punctuation mark made serialising a seventh of the
//! whole `diptych align` run. Hot values are written here directly; the
//! rare, rich ones (metadata, summary) still go through serde
//! ([`PrettyJson::serde`]), so their fields can never drift from their
//! types.

use std::io::{self, Write};

use serde::Serialize;

use super::json_escape::push_string;

/// The buffer is handed on once it holds this much.
const SPILL_AT: usize = 1 << 16;

/// Digits of the largest `usize`.
const MAX_DIGITS: usize = 20;

/// "00", "01", … "99": numbers are written two digits at a time.
const DIGIT_PAIRS: &[u8; 200] = b"\
    0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899";

/// Appends the first `len` bytes of `block`: the whole fixed-size block
/// is copied (a few vector moves) and the excess cut off, where copying
/// a length known only at run time calls `memcpy`, whose start-up is most
/// of its cost for the dozen bytes of a span.
fn push_prefix<const N: usize>(buf: &mut Vec<u8>, block: &[u8; N], len: usize) {
    let end = buf.len() + len.min(N);
    buf.extend_from_slice(block);
    buf.truncate(end);
}

/// Writes `n` in decimal at the start of `out` (at least [`MAX_DIGITS`]
/// long) and returns how many digits that took.
fn write_digits(out: &mut [u8], mut n: usize) -> usize {
    let len = n.checked_ilog10().map_or(1, |log| log as usize + 1);
    let mut end = len;
    while n >= 100 {
        let pair = 2 * (n % 100);
        n /= 100;
        out[end - 2..end].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
        end -= 2;
    }
    if n >= 10 {
        out[end - 2..end].copy_from_slice(&DIGIT_PAIRS[2 * n..2 * n + 2]);
    } else {
        out[end - 1] = b'0' + n as u8;
    }
    len
}

/// A pretty JSON document being written to `out`. Callers open and close
/// containers and name each element ([`Self::key`] in objects,
/// [`Self::item`] in arrays) before writing its value.
pub struct PrettyJson<W: Write> {
    out: W,
    buf: Vec<u8>,
    /// Containers open.
    depth: usize,
    /// The innermost open container has no element yet.
    empty: bool,
    /// Inside a row object: keys follow on the same line.
    row: bool,
}

/// A newline and the indentation of the deepest containers written:
/// deeper ones fill theirs in.
const NEWLINE_AND_INDENT: &[u8; 33] = b"\n                                ";

/// Elements written apart from the document (on another thread), to be
/// [`PrettyJson::append`]ed to it in order. What a part spills stays in
/// its own vector until then.
pub type Part = PrettyJson<Vec<u8>>;

/// Where the next elements of a document go: how deep, and whether they
/// are their container's first (no comma before them).
#[derive(Debug, Clone, Copy)]
pub struct Place {
    depth: usize,
    empty: bool,
}

impl Place {
    /// The same place once an element has been written there.
    pub fn after_first(self) -> Place {
        Place {
            empty: false,
            ..self
        }
    }

    /// A [`Part`] whose elements go here, with room for about `bytes`
    /// (it grows past them). It grows until appended: keep parts small
    /// enough to hold.
    pub fn part(self, bytes: usize) -> Part {
        PrettyJson {
            out: Vec::new(),
            buf: Vec::with_capacity(bytes),
            depth: self.depth,
            empty: self.empty,
            row: false,
        }
    }
}

impl<W: Write> PrettyJson<W> {
    pub fn new(out: W) -> Self {
        PrettyJson {
            out,
            buf: Vec::with_capacity(SPILL_AT + SPILL_AT / 4),
            depth: 0,
            empty: true,
            row: false,
        }
    }

    /// `{`: the elements that follow are the object's.
    pub fn open_object(&mut self) {
        self.open(b'{');
    }

    /// `[`: the elements that follow are the array's.
    pub fn open_array(&mut self) {
        self.open(b'[');
    }

    /// `}`, on its own line unless the object is empty.
    pub fn close_object(&mut self) {
        self.close(b'}');
    }

    /// `]`, on its own line unless the array is empty.
    pub fn close_array(&mut self) {
        self.close(b']');
    }

    /// `{` of an object kept on one line: its keys follow each other
    /// (`"a": 1, "b": [2, 3]`). Its values are scalars and number arrays;
    /// nothing else opens inside it.
    pub fn open_row(&mut self) {
        self.buf.push(b'{');
        self.row = true;
        self.empty = true;
    }

    /// `}` of a row object.
    pub fn close_row(&mut self) {
        self.buf.push(b'}');
        self.row = false;
        self.empty = false;
    }

    /// The next element of an object: `"name": ` on a new line, or after
    /// the last one in a row. Names are the document's own field names,
    /// plain ASCII.
    pub fn key(&mut self, name: &str) {
        if self.row {
            if !self.empty {
                self.buf.extend_from_slice(b", ");
            }
            self.empty = false;
        } else {
            self.element();
        }
        self.buf.push(b'"');
        self.buf.extend_from_slice(name.as_bytes());
        self.buf.extend_from_slice(b"\": ");
    }

    /// The next element of an array, on a new line.
    pub fn item(&mut self) {
        self.element();
    }

    /// A string value, escaped and terminal-safe.
    pub fn string(&mut self, text: &str) {
        push_string(&mut self.buf, text);
    }

    /// An unsigned integer value.
    pub fn uint(&mut self, n: usize) {
        let mut digits = [0u8; MAX_DIGITS];
        let len = write_digits(&mut digits, n);
        push_prefix(&mut self.buf, &digits, len);
    }

    /// An array of unsigned integers on one line, `[3, 0, 17]`: a span
    /// is three of them, and spans are most of an alignment's document.
    /// Built on the stack and copied in pieces: a copy per number and
    /// separator was most of the cost of writing spans.
    pub fn uints(&mut self, numbers: &[usize]) {
        let mut line = [0u8; 96];
        line[0] = b'[';
        let mut len = 1;
        for (i, &n) in numbers.iter().enumerate() {
            // Room for a separator, a number and the closing bracket.
            if len + 3 + MAX_DIGITS > line.len() {
                push_prefix(&mut self.buf, &line, len);
                len = 0;
            }
            if i > 0 {
                line[len..len + 2].copy_from_slice(b", ");
                len += 2;
            }
            len += write_digits(&mut line[len..], n);
        }
        line[len] = b']';
        push_prefix(&mut self.buf, &line, len + 1);
        self.empty = false;
    }

    /// A float value, written by serde_json (shortest round-trip digits;
    /// `null` when not finite).
    pub fn float(&mut self, value: f64) -> io::Result<()> {
        serde_json::to_writer(&mut self.buf, &value).map_err(io::Error::other)
    }

    /// Bytes laid out by the caller, of a length known when compiling
    /// (a row's punctuation and field names): copied inline, where a
    /// slice of run-time length is a call to `memcpy` for a few bytes.
    pub fn literal<const N: usize>(&mut self, bytes: &[u8; N]) {
        self.buf.extend_from_slice(bytes);
    }

    /// `true` or `false`.
    pub fn boolean(&mut self, value: bool) {
        let text: &[u8] = if value { b"true" } else { b"false" };
        self.buf.extend_from_slice(text);
    }

    /// `null`.
    pub fn null(&mut self) {
        self.buf.extend_from_slice(b"null");
    }

    /// Any value as serde_json's pretty, terminal-safe serialiser writes
    /// it, indented to where it stands.
    pub fn serde<T: Serialize + ?Sized>(&mut self, value: &T) -> io::Result<()> {
        let mut own = Vec::new();
        super::safe_json::write_pretty_value(&mut own, value)?;
        // Strings escape their newlines: every newline here is layout.
        for (i, line) in own.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                self.newline();
            }
            self.buf.extend_from_slice(line);
        }
        Ok(())
    }

    /// Hands the buffer on when it is full; call between elements.
    pub fn spill(&mut self) -> io::Result<()> {
        if self.buf.len() >= SPILL_AT {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Where the next element goes, for writing elements apart.
    pub fn place(&self) -> Place {
        Place {
            depth: self.depth,
            empty: self.empty,
        }
    }

    /// Adds elements written apart from [`Self::place`], as if written
    /// here.
    pub fn append(&mut self, part: Part) -> io::Result<()> {
        self.empty &= part.empty;
        if part.out.is_empty() && self.buf.len() + part.buf.len() < SPILL_AT {
            self.buf.extend_from_slice(&part.buf);
            return Ok(());
        }
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        self.out.write_all(&part.out)?;
        self.out.write_all(&part.buf)
    }

    /// Ends the document with a newline and writes everything left.
    pub fn finish(mut self) -> io::Result<()> {
        self.buf.push(b'\n');
        self.out.write_all(&self.buf)?;
        self.out.flush()
    }

    fn open(&mut self, bracket: u8) {
        self.buf.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, bracket: u8) {
        self.depth = self.depth.saturating_sub(1);
        if !self.empty {
            self.newline();
        }
        self.buf.push(bracket);
        self.empty = false;
    }

    fn element(&mut self) {
        if !self.empty {
            self.buf.push(b',');
        }
        self.newline();
        self.empty = false;
    }

    fn newline(&mut self) {
        // One copy from a ready-made line start: a span's three numbers
        // alone take four of these, and growing the buffer by a fill was
        // most of the cost of writing them.
        let len = 1 + 2 * self.depth;
        if len <= NEWLINE_AND_INDENT.len() {
            // The whole block and a cut: no `memcpy` call for a line start.
            push_prefix(&mut self.buf, NEWLINE_AND_INDENT, len);
        } else {
            let end = self.buf.len() + len;
            self.buf.push(b'\n');
            self.buf.resize(end, b' ');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hand-written document is byte for byte what serde writes for
    /// the same value.
    #[test]
    fn same_layout_as_serde_pretty() {
        let value = serde_json::json!({
            "a": [1, 22, 333],
            "empty": [],
            "none": {},
            "nested": {"s": "x\u{9b}\"y", "t": true, "n": null, "f": 0.25},
            "rows": [[0, 1, 2], {"k": []}],
        });
        let mut out = Vec::new();
        let mut json = PrettyJson::new(&mut out);
        json.open_object();
        json.key("a");
        json.open_array();
        for n in [1, 22, 333] {
            json.item();
            json.uint(n);
        }
        json.close_array();
        json.key("empty");
        json.open_array();
        json.close_array();
        json.key("nested");
        json.serde(&value["nested"]).expect("writes to a Vec");
        json.key("none");
        json.open_object();
        json.close_object();
        json.key("rows");
        json.open_array();
        json.item();
        json.serde(&value["rows"][0]).expect("writes to a Vec");
        json.item();
        json.open_object();
        json.key("k");
        json.open_array();
        json.close_array();
        json.close_object();
        json.close_array();
        json.close_object();
        json.finish().expect("writes to a Vec");
        let mut expected = Vec::new();
        super::super::safe_json::write_pretty(&mut expected, &value).expect("writes");
        assert_eq!(
            String::from_utf8(out).expect("UTF-8"),
            String::from_utf8(expected).expect("UTF-8")
        );
    }

    #[test]
    fn parts_that_spill_append_as_if_written_in_place() {
        let text = "x".repeat(1000);
        let items = |json: &mut Part| {
            for _ in 0..(3 * SPILL_AT / 1000) {
                json.item();
                json.string(&text);
                json.spill().expect("writes to a Vec");
            }
        };
        let written = |apart: bool| {
            let mut out = Vec::new();
            let mut json = PrettyJson::new(&mut out);
            json.open_array();
            if apart {
                let first = json.place();
                for place in [first, first.after_first()] {
                    let mut part = place.part(0);
                    items(&mut part);
                    json.append(part).expect("writes to a Vec");
                }
            } else {
                let mut part = json.place().part(0);
                items(&mut part);
                items(&mut part);
                json.append(part).expect("writes to a Vec");
            }
            json.close_array();
            json.finish().expect("writes to a Vec");
            out
        };
        let mut expected = Vec::new();
        let texts = vec![text.as_str(); 2 * (3 * SPILL_AT / 1000)];
        // write_pretty ends the document with its newline, as finish does.
        super::super::safe_json::write_pretty(&mut expected, &texts).expect("writes");
        assert_eq!(written(true), expected);
        assert_eq!(written(false), expected);
    }

    /// Number arrays and rows are one line at any depth, and parse to
    /// what they were written from.
    #[test]
    fn uints_and_rows_stay_on_one_line() {
        for depth in [0, 1, 5, 15, 16, 30] {
            let many: Vec<usize> = (0..50).map(|i| usize::MAX >> i).collect();
            for numbers in [&[][..], &[7], &[0, 42, usize::MAX], &many] {
                let mut out = Vec::new();
                let mut json = PrettyJson::new(&mut out);
                for _ in 0..depth {
                    json.open_array();
                    json.item();
                }
                json.open_array();
                json.item();
                json.uints(numbers);
                json.item();
                json.open_row();
                json.key("op");
                json.string("equal");
                json.key("left");
                json.uints(numbers);
                json.key("right");
                json.null();
                json.close_row();
                json.close_array();
                for _ in 0..depth {
                    json.close_array();
                }
                drop(json.finish());
                let text = String::from_utf8(out).expect("UTF-8");
                let list = numbers
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ");
                let indent = "  ".repeat(depth + 1);
                let expected_lines = format!(
                    "\n{indent}[{list}],\n{indent}{{\"op\": \"equal\", \"left\": [{list}], \"right\": null}}\n"
                );
                assert!(text.contains(&expected_lines), "depth {depth}: {text}");
                let mut value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
                for _ in 0..depth {
                    value = value[0].take();
                }
                let expected = serde_json::json!([
                    numbers,
                    {"op": "equal", "left": numbers, "right": null}
                ]);
                assert_eq!(value, expected, "depth {depth}");
            }
        }
    }

    #[test]
    fn digits_of_every_length() {
        let mut digits = [0u8; MAX_DIGITS];
        let powers = (0..20).map(|p| 10usize.pow(p));
        let edges = powers.flat_map(|p| [p - 1, p, p + 1]);
        for n in (0..100_000)
            .chain(edges)
            .chain([usize::MAX - 1, usize::MAX])
        {
            let len = write_digits(&mut digits, n);
            assert_eq!(&digits[..len], n.to_string().as_bytes());
        }
    }

    #[test]
    fn numbers_as_serde_writes_them() {
        for n in [0, 7, 10, 99, 12345, usize::MAX] {
            let mut out = Vec::new();
            let mut json = PrettyJson::new(&mut out);
            json.uint(n);
            json.float(n as f64 / 7.0).expect("finite");
            json.float(f64::NAN).expect("null");
            drop(json.finish());
            let expected = format!(
                "{}{}null\n",
                serde_json::to_string(&n).unwrap_or_default(),
                serde_json::to_string(&(n as f64 / 7.0)).unwrap_or_default()
            );
            assert_eq!(String::from_utf8(out).unwrap_or_default(), expected);
        }
    }
}
