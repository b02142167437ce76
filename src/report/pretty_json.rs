//! serde_json's pretty layout (two-space indent, `"key": value`, `[]` and
//! `{}` for empty containers), written by hand into a byte buffer that is
//! handed to the real writer in 64 KiB pieces. A 6 MB pair's alignment is
//! ~70 MB of mostly layout and small numbers; going through serde's
//! per-field machinery and a `dyn Write` call per punctuation mark made
//! serialising it a seventh of the whole `diptych align` run. Hot values
//! are written here directly; the rare, rich ones (metadata, callouts)
//! still go through serde ([`PrettyJson::serde`]), so their fields can
//! never drift from their types.

use std::io::{self, Write};

use serde::Serialize;

use super::json_escape::push_string;

/// The buffer is handed on once it holds this much.
const SPILL_AT: usize = 1 << 16;

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

    /// The next element of an object: `"name": ` on a new line. Names
    /// are the document's own field names, plain ASCII.
    pub fn key(&mut self, name: &str) {
        self.element();
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
    pub fn uint(&mut self, mut n: usize) {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        for slot in digits.iter_mut().rev() {
            *slot = b'0' + (n % 10) as u8;
            start -= 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.buf
            .extend_from_slice(digits.get(start..).unwrap_or_default());
    }

    /// An array of unsigned integers, one per line: the same bytes as
    /// opening an array, an item and a [`Self::uint`] for each number,
    /// and closing it, in one reservation. A span is three of them, and
    /// spans are most of an alignment's document.
    pub fn uints(&mut self, numbers: &[usize]) {
        let inner = NEWLINE_AND_INDENT.get(..3 + 2 * self.depth);
        let outer = NEWLINE_AND_INDENT.get(..1 + 2 * self.depth);
        let (Some(inner), Some(outer), false) = (inner, outer, numbers.is_empty()) else {
            self.open_array();
            for &n in numbers {
                self.item();
                self.uint(n);
            }
            self.close_array();
            return;
        };
        self.buf
            .reserve(2 + outer.len() + numbers.len() * (inner.len() + 21));
        self.buf.push(b'[');
        for (i, &n) in numbers.iter().enumerate() {
            if i > 0 {
                self.buf.push(b',');
            }
            self.buf.extend_from_slice(inner);
            self.uint(n);
        }
        self.buf.extend_from_slice(outer);
        self.buf.push(b']');
        self.empty = false;
    }

    /// A float value, written by serde_json (shortest round-trip digits;
    /// `null` when not finite).
    pub fn float(&mut self, value: f64) -> io::Result<()> {
        serde_json::to_writer(&mut self.buf, &value).map_err(io::Error::other)
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
        match NEWLINE_AND_INDENT.get(..1 + 2 * self.depth) {
            Some(start) => self.buf.extend_from_slice(start),
            None => {
                let end = self.buf.len() + 1 + 2 * self.depth;
                self.buf.push(b'\n');
                self.buf.resize(end, b' ');
            }
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

    #[test]
    fn uints_are_an_array_of_uint_items() {
        for depth in [0, 1, 5, 15, 16, 30] {
            for numbers in [&[][..], &[7], &[0, 42, usize::MAX]] {
                let written = |one_by_one: bool| {
                    let mut out = Vec::new();
                    let mut json = PrettyJson::new(&mut out);
                    for _ in 0..depth {
                        json.open_array();
                        json.item();
                    }
                    if one_by_one {
                        json.open_array();
                        for &n in numbers {
                            json.item();
                            json.uint(n);
                        }
                        json.close_array();
                    } else {
                        json.uints(numbers);
                    }
                    for _ in 0..depth {
                        json.close_array();
                    }
                    drop(json.finish());
                    out
                };
                assert_eq!(written(false), written(true), "depth {depth}, {numbers:?}");
            }
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
