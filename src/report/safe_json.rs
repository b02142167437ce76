//! Pretty JSON written as it is serialised, terminal-safe on the way out.
//! A 6 MB pair's alignment is ~70 MB of JSON: building that string, then
//! scanning it again for characters a terminal would act on, doubled the
//! work and held the whole document in memory. Here every string fragment
//! is escaped as serde writes it, to the same bytes
//! [`crate::article::sanitize::json`] gives for the finished text.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::article::sanitize;

/// Writes `value` as pretty-printed JSON (two-space indent, as
/// `serde_json::to_string_pretty`) followed by a newline, with every C1
/// control, DEL and invisible character in strings written as `\uXXXX`.
pub fn write_pretty<W: Write, T: Serialize + ?Sized>(mut writer: W, value: &T) -> io::Result<()> {
    write_pretty_value(&mut writer, value)?;
    writer.write_all(b"\n")
}

/// [`write_pretty`] without the final newline: one value of a larger
/// document (`PrettyJson::serde`).
pub fn write_pretty_value<W: Write, T: Serialize + ?Sized>(writer: W, value: &T) -> io::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(writer, SafeFormatter(PrettyFormatter::new()));
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// serde_json's pretty layout; string fragments escaped for terminals.
/// serde itself escapes quotes, backslashes and C0 controls; outside
/// strings the layout is ASCII punctuation, digits and whitespace.
struct SafeFormatter(PrettyFormatter<'static>);

impl Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // ASCII below DEL is the bulk and never needs escaping.
        let Some(first) = fragment.bytes().position(|b| b >= 0x7f) else {
            return writer.write_all(fragment.as_bytes());
        };
        let mut plain = 0;
        for (at, c) in fragment[first..].char_indices() {
            if !sanitize::acts_on_terminal(c) {
                continue;
            }
            let at = first + at;
            writer.write_all(&fragment.as_bytes()[plain..at])?;
            for escape in sanitize::json_escapes(c) {
                writer.write_all(&escape)?;
            }
            plain = at + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[plain..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The streamed bytes equal the old build-then-sanitise bytes.
    #[test]
    fn same_bytes_as_sanitising_the_finished_text() {
        let value = serde_json::json!({
            "plain": "Zürich — 北京 👨\u{200d}👩",
            "hostile": ["x\u{9b}y\u{202e}z\u{e0041}\u{7f}", "\u{1b}[2J\ttab\nline"],
            "nested": {"empty": [], "none": {}, "n": [1, 2.5, -3], "ok": true},
        });
        let mut streamed = Vec::new();
        write_pretty(&mut streamed, &value).expect("writes to a Vec");
        let built = serde_json::to_string_pretty(&value).expect("serialises") + "\n";
        let expected = sanitize::json(&built);
        assert_eq!(String::from_utf8(streamed).expect("UTF-8"), expected);
        assert!(expected.contains("\\u009b") && expected.contains("\\udb40\\udc41"));
    }
}
