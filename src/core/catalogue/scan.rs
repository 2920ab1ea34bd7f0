//! A quick scanner of a catalogue document's top level: it finds the `courses`
//! array and the extent of each of its elements, a few elements per call, so
//! that a large catalogue is read without blocking the page for long.
//!
//! It only finds boundaries (strings, brackets, separators); it does not check
//! the JSON inside an element. The caller parses each element with serde_json
//! (which checks it) and the rest of the document with the `courses` array
//! replaced by `[]`, and falls back to the one-shot parser whenever the scanner
//! gives up ([`Scan::Unusable`]): anything unexpected, however valid, is left
//! to serde_json.

use std::ops::Range;

/// Deepest nesting accepted inside one element; deeper documents go to the
/// one-shot parser (serde_json has a recursion limit of its own).
const MAX_DEPTH: usize = 100;

/// What the scanner has found so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scan {
    /// More to read: call [`CourseScanner::step`] again.
    Pending,
    /// The top-level `courses` array spans these bytes (from `[` to `]`
    /// included); its elements are in [`CourseScanner::elements`].
    Found(Range<usize>),
    /// No literal top-level `courses` array, or something unexpected: leave the
    /// document to the one-shot parser.
    Unusable,
}

#[derive(Debug, Clone, Copy)]
enum State {
    /// Reading the members before `courses`.
    Members,
    /// Reading the elements of `courses` (its `[` is at `array`).
    Elements { array: usize },
    /// Finished.
    Done,
}

/// Finds the top-level `courses` array of a JSON document and its elements.
#[derive(Debug)]
pub struct CourseScanner<'t> {
    bytes: &'t [u8],
    pos: usize,
    state: State,
    elements: Vec<Range<usize>>,
    outcome: Scan,
}

fn ws(b: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = b.get(i) {
        i += 1;
    }
    i
}

/// The end of the string starting at `b[i]` (a `"`), after its closing quote.
fn string_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    loop {
        match *b.get(j)? {
            b'"' => return Some(j + 1),
            b'\\' => j += 2,
            _ => j += 1,
        }
    }
}

/// The end of the value starting at `b[i]`, found by its strings and brackets
/// only (serde_json checks the rest).
fn value_end(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => string_end(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            loop {
                match *b.get(j)? {
                    b'"' => {
                        j = string_end(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => {
                        depth += 1;
                        if depth > MAX_DEPTH {
                            return None;
                        }
                    }
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        _ => {
            let mut j = i;
            while let Some(&c) = b.get(j) {
                if matches!(c, b',' | b':' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                    break;
                }
                j += 1;
            }
            (j > i).then_some(j)
        }
    }
}

impl<'t> CourseScanner<'t> {
    /// Starts scanning `text`.
    pub fn new(text: &'t str) -> CourseScanner<'t> {
        CourseScanner {
            bytes: text.as_bytes(),
            pos: 0,
            state: State::Members,
            elements: Vec::new(),
            outcome: Scan::Pending,
        }
    }

    /// The elements of `courses` found so far, in order: each one's bytes,
    /// without the whitespace around it.
    pub fn elements(&self) -> &[Range<usize>] {
        &self.elements
    }

    /// The elements of `courses` found.
    pub fn into_elements(self) -> Vec<Range<usize>> {
        self.elements
    }

    /// Reads up to `count` more elements of `courses` (and, on the first call,
    /// the members before it).
    pub fn step(&mut self, count: usize) -> Scan {
        if let State::Done = self.state {
            return self.outcome.clone();
        }
        let outcome = match self.state {
            State::Members => self.members(),
            State::Elements { array } => self.read_elements(array, count.max(1)),
            State::Done => None,
        };
        match outcome {
            Some(Scan::Pending) => {}
            Some(outcome) => {
                self.state = State::Done;
                self.outcome = outcome;
            }
            None => {
                self.state = State::Done;
                self.outcome = Scan::Unusable;
            }
        }
        self.outcome.clone()
    }

    /// From the start to the first element of `courses`.
    fn members(&mut self) -> Option<Scan> {
        let b = self.bytes;
        let mut i = ws(b, 0);
        if b.get(i) != Some(&b'{') {
            return None;
        }
        i = ws(b, i + 1);
        loop {
            if b.get(i) != Some(&b'"') {
                return None;
            }
            let key_end = string_end(b, i)?;
            let key = &b[i..key_end];
            i = ws(b, key_end);
            if b.get(i) != Some(&b':') {
                return None;
            }
            i = ws(b, i + 1);
            if key == b"\"courses\"" && b.get(i) == Some(&b'[') {
                let array = i;
                i = ws(b, i + 1);
                if b.get(i) == Some(&b']') {
                    return Some(Scan::Found(array..i + 1));
                }
                self.pos = i;
                self.state = State::Elements { array };
                return Some(Scan::Pending);
            }
            i = ws(b, value_end(b, i)?);
            if b.get(i) != Some(&b',') {
                return None;
            }
            i = ws(b, i + 1);
        }
    }

    fn read_elements(&mut self, array: usize, count: usize) -> Option<Scan> {
        let b = self.bytes;
        for _ in 0..count {
            let start = self.pos;
            let end = value_end(b, start)?;
            self.elements.push(start..end);
            let i = ws(b, end);
            match b.get(i) {
                Some(b',') => self.pos = ws(b, i + 1),
                Some(b']') => return Some(Scan::Found(array..i + 1)),
                _ => return None,
            }
        }
        Some(Scan::Pending)
    }
}

/// Turns the bytes of a document, received in pieces of any size, into text,
/// as the browser's `Response.text()` does (a leading byte order mark is
/// dropped, then [`String::from_utf8_lossy`] on the whole: a sequence split
/// between two pieces is joined first), so that a large document is decoded a
/// piece at a time.
#[derive(Debug, Default)]
pub struct Utf8Stream {
    text: String,
    /// Whether the first bytes were checked for a byte order mark.
    started: bool,
    /// The last bytes of the previous piece, when they may start a character
    /// that the next piece completes.
    carry: Vec<u8>,
}

/// Where `bytes` may be cut so that no character is split: before its last
/// bytes if they start an incomplete sequence (at most 3 bytes held back).
fn complete_prefix(bytes: &[u8]) -> usize {
    let len = bytes.len();
    // The start of the last character: up to 3 continuation bytes back.
    let mut start = len;
    for back in 1..=4.min(len) {
        let b = bytes[len - back];
        if b & 0xC0 != 0x80 {
            start = len - back;
            break;
        }
    }
    if start == len {
        // Only continuation bytes (or nothing): nothing to wait for.
        return len;
    }
    let needed = match bytes[start] {
        b if b < 0x80 => 1,
        b if b >= 0xF0 => 4,
        b if b >= 0xE0 => 3,
        b if b >= 0xC0 => 2,
        _ => 1,
    };
    if len - start < needed {
        start
    } else {
        len
    }
}

impl Utf8Stream {
    /// Ready for `capacity` bytes of text.
    pub fn with_capacity(capacity: usize) -> Utf8Stream {
        Utf8Stream {
            text: String::with_capacity(capacity),
            started: false,
            carry: Vec::new(),
        }
    }

    /// Ready for `capacity` bytes of text, if that much memory is available.
    pub fn try_with_capacity(capacity: usize) -> Option<Utf8Stream> {
        let mut text = String::new();
        text.try_reserve_exact(capacity).ok()?;
        Some(Utf8Stream {
            text,
            started: false,
            carry: Vec::new(),
        })
    }

    /// Decodes the next piece.
    pub fn push(&mut self, piece: &[u8]) {
        if !self.carry.is_empty() {
            let mut joined = std::mem::take(&mut self.carry);
            joined.extend_from_slice(piece);
            self.decode(&joined);
        } else {
            self.decode(piece);
        }
    }

    fn decode(&mut self, bytes: &[u8]) {
        const BOM: &[u8] = b"\xEF\xBB\xBF";
        let bytes = if self.started {
            bytes
        } else if bytes.len() < BOM.len() && BOM.starts_with(bytes) {
            // Maybe a byte order mark: wait for more.
            self.carry = bytes.to_vec();
            return;
        } else {
            self.started = true;
            bytes.strip_prefix(BOM).unwrap_or(bytes)
        };
        let cut = complete_prefix(bytes);
        let (now, later) = bytes.split_at(cut);
        match std::str::from_utf8(now) {
            Ok(text) => self.text.push_str(text),
            Err(_) => self.text.push_str(&String::from_utf8_lossy(now)),
        }
        self.carry = later.to_vec();
    }

    /// The text (an incomplete character at the very end becomes U+FFFD).
    pub fn finish(mut self) -> String {
        if !self.carry.is_empty() {
            let carry = std::mem::take(&mut self.carry);
            self.text.push_str(&String::from_utf8_lossy(&carry));
        }
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str, count: usize) -> (Scan, Vec<&str>) {
        let mut s = CourseScanner::new(text);
        let mut calls = 0;
        let outcome = loop {
            calls += 1;
            assert!(calls < 10_000, "the scanner must end");
            match s.step(count) {
                Scan::Pending => continue,
                other => break other,
            }
        };
        let elements = s.elements().iter().map(|r| &text[r.clone()]).collect();
        (outcome, elements)
    }

    #[test]
    fn finds_the_courses_array_and_its_elements_in_any_slices() {
        let text = r#" { "version" : 1, "domains": [{"id": "a]}\"{"}], "x": {"courses": [9]},
            "courses" : [ {"id": "c1", "t": "[{\"}\\"} ,"s" , 42 ,[1,[2]], {"e": {}} ] , "after": [] } "#;
        for count in [1, 2, 3, 100] {
            let (outcome, elements) = scan(text, count);
            let start = text.find("[ {").unwrap();
            let end = text.find("] ,").unwrap() + 1;
            assert_eq!(outcome, Scan::Found(start..end), "{count}");
            assert_eq!(
                elements,
                [
                    r#"{"id": "c1", "t": "[{\"}\\"}"#,
                    r#""s""#,
                    "42",
                    "[1,[2]]",
                    r#"{"e": {}}"#
                ],
                "{count}"
            );
        }
        let (outcome, elements) = scan(r#"{"courses":[]}"#, 1);
        assert_eq!(outcome, Scan::Found(11..13));
        assert!(elements.is_empty());
    }

    #[test]
    fn text_decoded_in_pieces_is_text_decoded_whole() {
        let samples: [&[u8]; 9] = [
            "\u{feff}{\"a\": \"é\"}".as_bytes(),
            b"\xEF\xBB",
            b"\xEF\xBB\xBF\xEF\xBB\xBF twice",
            "Sécurité numérique — 390\u{a0}€ 🙂 fin".as_bytes(),
            b"plain ascii only",
            b"bad \xff byte, cut \xe2\x82 sequence, lone \x80\x80 continuation",
            b"ends in the middle \xf0\x9f\x99",
            b"\xc3",
            b"",
        ];
        for bytes in samples {
            let unmarked = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            let whole = String::from_utf8_lossy(unmarked).into_owned();
            for size in 1..=bytes.len().max(1) {
                let mut stream = Utf8Stream::with_capacity(bytes.len());
                for piece in bytes.chunks(size) {
                    stream.push(piece);
                }
                assert_eq!(stream.finish(), whole, "{size} {bytes:?}");
            }
        }
    }

    #[test]
    fn gives_up_on_anything_unexpected() {
        for text in [
            "",
            "[]",
            r#"{"version": 1}"#,
            r#"{"courses": null}"#,
            r#"{"c\u006furses": [1]}"#,
            r#"{"courses": [1 2]}"#,
            r#"{"courses": [1,]}"#,
            r#"{"courses": [,1]}"#,
            r#"{"courses": [{"a": "b}]}"#,
            r#"{"courses": [{"a": 1}"#,
            r#"{"version" 1, "courses": []}"#,
            r#"{"version": 1 "courses": []}"#,
        ] {
            assert_eq!(scan(text, 1).0, Scan::Unusable, "{text}");
        }
        let deep = format!(
            r#"{{"courses": [{}{}]}}"#,
            "[".repeat(MAX_DEPTH + 1),
            "]".repeat(MAX_DEPTH + 1)
        );
        assert_eq!(scan(&deep, 1).0, Scan::Unusable);
    }
}
