//! The JSON reader for the dataset and its translation files (issue #17).
//!
//! Natively and in the browser alike, a file is read in two plain steps: [`parse`] turns the
//! text into a tree of [`Node`]s (strings borrowed from the text where they have no escapes),
//! then each type's [`Decode`] takes its value from the tree, field by field, with the rules
//! the dataset's schema states (required and optional fields, unknown fields refused where the
//! type says so, no duplicate keys, variant names). This replaces serde's derived
//! `Deserialize` and serde_json, whose parser is specialised for every type read: about 70 KB
//! of the wasm for this model, against a few KB here (README "Size and speed").
//!
//! It reads RFC 8259 JSON: no comments, no trailing commas, strings without raw control
//! characters, at most [`MAX_DEPTH`] nested arrays and objects. An error names its line and
//! column.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

/// Deepest nesting of arrays and objects read (the dataset needs 5): deeper input is refused
/// rather than risking the stack.
pub const MAX_DEPTH: usize = 128;

/// Reads a `T` from a JSON text.
pub fn from_str<T: Decode>(text: &str) -> Result<T, Error> {
    parse(text).and_then(T::decode).map_err(|e| e.in_text(text))
}

/// The tree of a JSON text (white space around the value allowed).
pub fn parse(text: &str) -> Result<Node<'_>, Error> {
    let mut reader = Reader { text, pos: 0 };
    let node = reader.value(0)?;
    reader.skip_space();
    match reader.pos < text.len() {
        true => Err(Error::new("trailing characters", reader.pos)),
        false => Ok(node),
    }
}

/// One value of the tree and where it starts in the text (a byte offset, for messages).
#[derive(Clone, Debug, PartialEq)]
pub struct Node<'a> {
    pub at: usize,
    pub value: Value<'a>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Number(Number),
    Str(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    /// Members in the order written (duplicates kept: [`Object`] refuses them).
    Object(Vec<(Cow<'a, str>, Node<'a>)>),
}

/// A number as written: whole numbers that fit are integers (u64, or i64 when negative).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

impl fmt::Display for Number {
    /// As serde_json prints numbers: 1, -1, 1.0, 1.8446744073709552e19.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Unsigned(u) => write!(f, "{u}"),
            Number::Signed(i) => write!(f, "{i}"),
            Number::Float(x) => f.write_str(&float_text(*x)),
        }
    }
}

/// Why a text could not be read, and where (a byte offset until [`from_str`] words it as a
/// line and column, as serde_json did).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    why: String,
    at: usize,
}

impl Error {
    pub fn new(why: impl Into<String>, at: usize) -> Error {
        Error {
            why: why.into(),
            at,
        }
    }
    /// The message with the line and column (1-based, in characters) of its offset.
    pub fn in_text(self, text: &str) -> Error {
        let mut end = self.at.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &text[..end];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Error {
            why: format!("{} at line {line} column {column}", self.why),
            at: self.at,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.why)
    }
}

impl std::error::Error for Error {}

type Result<T, E = Error> = std::result::Result<T, E>;

/// The parser's position in the text.
struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    /// One value (after white space), `depth` arrays and objects deep.
    fn value(&mut self, depth: usize) -> Result<Node<'a>> {
        let first = self.peek()?;
        let at = self.pos;
        let value = match first {
            b'"' => Value::Str(self.string()?),
            b'n' => self.literal("null").map(|()| Value::Null)?,
            b't' => self.literal("true").map(|()| Value::Bool(true))?,
            b'f' => self.literal("false").map(|()| Value::Bool(false))?,
            b'-' | b'0'..=b'9' => Value::Number(self.number()?),
            b'[' | b'{' => {
                if depth >= MAX_DEPTH {
                    return Err(self.error("recursion limit exceeded"));
                }
                self.pos += 1;
                let mut empty = true;
                if first == b'[' {
                    let mut items = Vec::new();
                    while self.has_next(&mut empty, b']')? {
                        items.push(self.value(depth + 1)?);
                    }
                    self.pos += 1;
                    Value::Array(items)
                } else {
                    let mut members = Vec::new();
                    while self.has_next(&mut empty, b'}')? {
                        let key = self.key()?;
                        members.push((key, self.value(depth + 1)?));
                    }
                    self.pos += 1;
                    Value::Object(members)
                }
            }
            _ => return Err(self.error("expected value")),
        };
        Ok(Node { at, value })
    }
    fn error(&self, why: &str) -> Error {
        Error::new(why, self.pos)
    }
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }
    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes().get(self.pos) {
            self.pos += 1;
        }
    }
    /// The next byte after white space, not consumed.
    fn peek(&mut self) -> Result<u8> {
        self.skip_space();
        match self.bytes().get(self.pos) {
            Some(&b) => Ok(b),
            None => Err(self.error("EOF while parsing a value")),
        }
    }
    fn expect(&mut self, byte: u8, what: &str) -> Result<()> {
        if self.peek()? != byte {
            return Err(self.error(&format!("expected {what}")));
        }
        self.pos += 1;
        Ok(())
    }
    fn literal(&mut self, word: &str) -> Result<()> {
        match self.text[self.pos..].starts_with(word) {
            true => {
                self.pos += word.len();
                Ok(())
            }
            false => Err(self.error(&format!("expected `{word}`"))),
        }
    }
    /// Before each element of an array (or key of an object): false at its closing bracket.
    fn has_next(&mut self, first: &mut bool, bracket: u8) -> Result<bool> {
        let b = self.peek()?;
        if b == bracket {
            return Ok(false);
        }
        if !std::mem::replace(first, false) {
            if b != b',' {
                return Err(self.error(&format!("expected `,` or `{}`", bracket as char)));
            }
            self.pos += 1;
            if self.peek()? == bracket {
                return Err(self.error("trailing comma"));
            }
        }
        Ok(true)
    }

    /// A string (the quote is next), borrowed from the text unless it has escapes.
    fn string(&mut self) -> Result<Cow<'a, str>> {
        self.pos += 1;
        let start = self.pos;
        let bytes = self.bytes();
        let mut owned: Option<String> = None;
        let mut run = start;
        loop {
            match bytes.get(self.pos) {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    let tail = &self.text[run..self.pos];
                    self.pos += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                    });
                }
                Some(b'\\') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    let c = self.escape()?;
                    s.push(c);
                    run = self.pos;
                }
                Some(&b) if b < 0x20 => {
                    return Err(self.error("control character in a string"));
                }
                Some(_) => self.pos += 1,
            }
        }
    }
    /// The character an escape stands for (after the backslash).
    fn escape(&mut self) -> Result<char> {
        let b = *self
            .bytes()
            .get(self.pos)
            .ok_or_else(|| self.error("EOF while parsing a string"))?;
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4()?;
                let code = match hi {
                    0xD800..=0xDBFF => {
                        self.literal("\\u")
                            .map_err(|_| self.error("lone leading surrogate in hex escape"))?;
                        let lo = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&lo) {
                            return Err(self.error("invalid surrogate pair in hex escape"));
                        }
                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                    }
                    0xDC00..=0xDFFF => {
                        return Err(self.error("lone trailing surrogate in hex escape"))
                    }
                    _ => hi,
                };
                char::from_u32(code).ok_or_else(|| self.error("invalid escape"))?
            }
            _ => return Err(self.error("invalid escape")),
        })
    }
    fn hex4(&mut self) -> Result<u32> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("invalid hex escape"))?;
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error("invalid hex escape"))
    }

    /// A number (its first character is next), checked against JSON's grammar.
    fn number(&mut self) -> Result<Number> {
        let start = self.pos;
        let bytes = self.bytes();
        let digits = |pos: &mut usize| {
            let from = *pos;
            while bytes.get(*pos).is_some_and(u8::is_ascii_digit) {
                *pos += 1;
            }
            *pos - from
        };
        let mut pos = start + usize::from(bytes[start] == b'-');
        let whole = digits(&mut pos);
        let bad = || self.error("invalid number");
        if whole == 0 || (whole > 1 && bytes[pos - whole] == b'0') {
            return Err(bad());
        }
        let mut integer = true;
        if bytes.get(pos) == Some(&b'.') {
            pos += 1;
            integer = false;
            if digits(&mut pos) == 0 {
                return Err(bad());
            }
        }
        if let Some(b'e' | b'E') = bytes.get(pos) {
            pos += 1;
            integer = false;
            if let Some(b'+' | b'-') = bytes.get(pos) {
                pos += 1;
            }
            if digits(&mut pos) == 0 {
                return Err(bad());
            }
        }
        self.pos = pos;
        let written = &self.text[start..pos];
        if integer {
            // The digits are checked: their value, unless it overflows (then a float).
            let (negative, digits) = match written.strip_prefix('-') {
                Some(digits) => (true, digits),
                None => (false, written),
            };
            let magnitude = digits.bytes().try_fold(0u64, |n, b| {
                n.checked_mul(10)?.checked_add(u64::from(b - b'0'))
            });
            match (negative, magnitude) {
                (false, Some(u)) => return Ok(Number::Unsigned(u)),
                (true, Some(u)) if u <= 1 << 63 => {
                    return Ok(Number::Signed((u as i64).wrapping_neg()))
                }
                _ => {}
            }
        }
        match to_f64(written) {
            f if f.is_finite() => Ok(Number::Float(f)),
            _ => Err(self.error("number out of range")),
        }
    }

    /// An object's key and its colon (before the key).
    fn key(&mut self) -> Result<Cow<'a, str>> {
        if self.peek()? != b'"' {
            return Err(self.error("key must be a string"));
        }
        let key = self.string()?;
        self.expect(b':', "`:`")?;
        Ok(key)
    }
}

/// A number's text, checked against JSON's grammar, as the nearest `f64` (infinite when too
/// large). In the browser by JavaScript's `parseFloat`, correctly rounded as Rust's parser is:
/// that parser would add about 10 KB to the wasm (README "Size and speed").
fn to_f64(written: &str) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::parse_float(written);
    #[cfg(not(target_arch = "wasm32"))]
    written.parse().unwrap_or(f64::NAN)
}

/// A number with a fraction or exponent as messages show it, serde_json's way (`1.0`, `1.5`,
/// `1e21`). In the browser by JavaScript's `String`, adjusted to that shape, as numbers are read
/// by `parseFloat`: core's float formatting stays out of the first load (README "Size and
/// speed"). Its digits are the same; where the two choose between plain and exponent notation
/// differently (1e16 to 1e20, 1e-7 to 1e-5), the message still names the same number.
fn float_text(x: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let js = js_sys::Number::from(x).to_string_with_radix(10);
        let mut s = js.map(String::from).unwrap_or_default().replace("e+", "e");
        if !s.contains(['.', 'e', 'N', 'I']) {
            s.push_str(".0");
        }
        s
    }
    #[cfg(not(target_arch = "wasm32"))]
    format!("{x:?}")
}

/// A type read from a node of the tree.
pub trait Decode: Sized {
    fn decode(node: Node<'_>) -> Result<Self>;
    /// What a record holds in place of a field that could not be read, until the record is
    /// refused with that field's error: fields are read without an early return each, whose
    /// drop code for the fields before it was most of the reader's size in the wasm.
    fn fallback() -> Self;
}

/// The error for a value of another kind than `expected` (serde's wording).
pub fn invalid_type(node: &Node<'_>, expected: &str) -> Error {
    let found = match &node.value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(Number::Float(f)) => format!("floating point `{}`", float_text(*f)),
        Value::Number(n) => format!("integer `{n}`"),
        Value::Str(s) => format!("string {s:?}"),
        Value::Array(_) => "sequence".to_string(),
        Value::Object(_) => "map".to_string(),
    };
    Error::new(
        format!("invalid type: {found}, expected {expected}"),
        node.at,
    )
}

impl Decode for String {
    fn fallback() -> String {
        String::new()
    }
    fn decode(node: Node<'_>) -> Result<String> {
        match node.value {
            Value::Str(s) => Ok(s.into_owned()),
            _ => Err(invalid_type(&node, "a string")),
        }
    }
}

impl Decode for bool {
    fn fallback() -> bool {
        false
    }
    fn decode(node: Node<'_>) -> Result<bool> {
        match node.value {
            Value::Bool(b) => Ok(b),
            _ => Err(invalid_type(&node, "a boolean")),
        }
    }
}

impl Decode for f64 {
    fn fallback() -> f64 {
        0.0
    }
    fn decode(node: Node<'_>) -> Result<f64> {
        match node.value {
            Value::Number(Number::Unsigned(u)) => Ok(u as f64),
            Value::Number(Number::Signed(i)) => Ok(i as f64),
            Value::Number(Number::Float(f)) => Ok(f),
            _ => Err(invalid_type(&node, "f64")),
        }
    }
}

/// A whole number up to `max`, for the unsigned types.
fn unsigned(node: Node<'_>, max: u64, name: &str) -> Result<u64> {
    match node.value {
        Value::Number(Number::Unsigned(u)) if u <= max => Ok(u),
        Value::Number(Number::Unsigned(_) | Number::Signed(_)) => Err(Error::new(
            format!(
                "invalid value: integer `{}`, expected {name}",
                match node.value {
                    Value::Number(n) => n,
                    _ => unreachable!(),
                }
            ),
            node.at,
        )),
        _ => Err(invalid_type(&node, name)),
    }
}

impl Decode for u8 {
    fn fallback() -> u8 {
        0
    }
    fn decode(node: Node<'_>) -> Result<u8> {
        unsigned(node, u8::MAX.into(), "u8").map(|u| u as u8)
    }
}

impl Decode for u32 {
    fn fallback() -> u32 {
        0
    }
    fn decode(node: Node<'_>) -> Result<u32> {
        unsigned(node, u32::MAX.into(), "u32").map(|u| u as u32)
    }
}

impl<T: Decode> Decode for Option<T> {
    fn fallback() -> Option<T> {
        None
    }
    /// `null` is none.
    fn decode(node: Node<'_>) -> Result<Option<T>> {
        match node.value {
            Value::Null => Ok(None),
            _ => T::decode(node).map(Some),
        }
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn fallback() -> Vec<T> {
        Vec::new()
    }
    fn decode(node: Node<'_>) -> Result<Vec<T>> {
        match node.value {
            // A loop, not `collect::<Result<_>>()`: the same work in about half the wasm.
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    out.push(T::decode(item)?);
                }
                Ok(out)
            }
            _ => Err(invalid_type(&node, "a sequence")),
        }
    }
}

impl<T: Decode> Decode for BTreeMap<String, T> {
    fn fallback() -> BTreeMap<String, T> {
        BTreeMap::new()
    }
    /// An object keyed by id (a repeated key: the last one counts, as serde_json did).
    fn decode(node: Node<'_>) -> Result<BTreeMap<String, T>> {
        match node.value {
            Value::Object(members) => {
                let mut out = BTreeMap::new();
                for (key, value) in members {
                    out.insert(key.into_owned(), T::decode(value)?);
                }
                Ok(out)
            }
            _ => Err(invalid_type(&node, "a map")),
        }
    }
}

/// A record's fields, taken one by one by its type's [`Decode`].
pub struct Object<'a> {
    at: usize,
    members: Vec<Option<(Cow<'a, str>, Node<'a>)>>,
    /// The first field's error: the record is refused with it once every field was read.
    error: Option<Error>,
}

impl<'a> Object<'a> {
    /// The members of an object node; a key written twice is refused.
    pub fn new(node: Node<'a>, expected: &str) -> Result<Object<'a>> {
        let Value::Object(members) = node.value else {
            return Err(invalid_type(&node, expected));
        };
        for (i, (key, value)) in members.iter().enumerate() {
            if members[..i].iter().any(|(k, _)| k == key) {
                return Err(Error::new(format!("duplicate field `{key}`"), value.at));
            }
        }
        Ok(Object {
            at: node.at,
            members: members.into_iter().map(Some).collect(),
            error: None,
        })
    }
    fn take(&mut self, name: &str) -> Option<Node<'a>> {
        let slot = self
            .members
            .iter_mut()
            .find(|m| m.as_ref().is_some_and(|(k, _)| k == name))?;
        slot.take().map(|(_, node)| node)
    }
    /// Keeps the first error of the record's fields (not generic: one copy of its code).
    fn fail(&mut self, e: Error) {
        self.error.get_or_insert(e);
    }
    /// `read`'s value, or the type's fallback with its error kept.
    fn keep<T: Decode>(&mut self, read: Result<T>) -> T {
        read.unwrap_or_else(|e| {
            self.fail(e);
            T::fallback()
        })
    }
    /// A field that must be there.
    pub fn field<T: Decode>(&mut self, name: &str) -> T {
        match self.required(name) {
            Some(node) => self.keep(T::decode(node)),
            None => T::fallback(),
        }
    }
    /// The node of a field that must be there (not generic: one copy of the message's code).
    fn required(&mut self, name: &str) -> Option<Node<'a>> {
        let node = self.take(name);
        if node.is_none() {
            let at = self.at;
            self.fail(Error::new(format!("missing field `{name}`"), at));
        }
        node
    }
    /// A field that may be left out (or be `null`).
    pub fn optional<T: Decode>(&mut self, name: &str) -> Option<T> {
        match self.take(name) {
            Some(node) => self.keep(Option::<T>::decode(node)),
            None => None,
        }
    }
    /// A field that may be left out, then its type's default.
    pub fn or_default<T: Decode + Default>(&mut self, name: &str) -> T {
        match self.take(name) {
            Some(node) => self.keep(T::decode(node)),
            None => T::default(),
        }
    }
    /// Refuses any field not taken (the records that deny unknown fields).
    pub fn deny_unknown(&mut self) {
        if let Some((key, node)) = self.members.iter_mut().find_map(Option::take) {
            self.fail(Error::new(format!("unknown field `{key}`"), node.at));
        }
    }
    /// The record, or the first error of its fields.
    pub fn finish<T>(self, record: T) -> Result<T> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(record),
        }
    }
}

/// A unit variant written as its name: the variant named `text` among `(name, variant)` pairs.
pub fn variant<T: Copy>(node: Node<'_>, names: &[(&str, T)]) -> Result<T> {
    let Value::Str(text) = &node.value else {
        return Err(invalid_type(&node, "a variant name"));
    };
    match names.iter().find(|(name, _)| name == text) {
        Some(&(_, v)) => Ok(v),
        None => {
            let expected: Vec<String> = names.iter().map(|(n, _)| format!("`{n}`")).collect();
            Err(Error::new(
                format!(
                    "unknown variant `{text}`, expected one of {}",
                    expected.join(", ")
                ),
                node.at,
            ))
        }
    }
}

/// Implements [`Decode`] for a record type: each field read by the [`Object`] method named
/// beside it (`field`, `optional`, `or_default`) under its own name; `deny` refuses fields
/// not listed, `allow` skips them. The same list makes its [`Pack`](crate::pack::Pack) form:
/// the fields in this order.
macro_rules! record {
    ($ty:ident, $unknown:ident { $($field:ident: $how:ident),* $(,)? }) => {
        impl $crate::json::Decode for $ty {
            fn decode(node: $crate::json::Node<'_>) -> Result<$ty, $crate::json::Error> {
                let mut o = $crate::json::Object::new(node, concat!("struct ", stringify!($ty)))?;
                let value = $ty { $($field: o.$how(stringify!($field))),* };
                $crate::json::record!(@$unknown o);
                o.finish(value)
            }
            fn fallback() -> $ty {
                $ty { $($field: $crate::json::Decode::fallback()),* }
            }
        }
        impl $crate::pack::Pack for $ty {
            fn pack(&self, out: &mut Vec<u8>) {
                $($crate::pack::Pack::pack(&self.$field, out);)*
            }
            fn unpack(r: &mut $crate::pack::Unpacker<'_>) -> $ty {
                $ty { $($field: $crate::pack::Pack::unpack(r)),* }
            }
        }
    };
    (@deny $o:ident) => { $o.deny_unknown() };
    (@allow $o:ident) => {};
}
pub(crate) use record;

/// Implements [`Decode`] for an enum of unit variants written as names, and lists the names
/// (`JSON_NAMES`, which the tests compare with serde's); its [`Pack`](crate::pack::Pack) form
/// is a variant's position in that list.
macro_rules! variants {
    ($ty:ident { $($variant:ident = $name:literal),* $(,)? }) => {
        impl $ty {
            pub const JSON_NAMES: &'static [(&'static str, $ty)] = &[$(($name, $ty::$variant)),*];
        }
        impl $crate::json::Decode for $ty {
            fn decode(node: $crate::json::Node<'_>) -> Result<$ty, $crate::json::Error> {
                $crate::json::variant(node, $ty::JSON_NAMES)
            }
            fn fallback() -> $ty {
                $ty::JSON_NAMES[0].1
            }
        }
        impl $crate::pack::Pack for $ty {
            fn pack(&self, out: &mut Vec<u8>) {
                out.push($crate::pack::variant_index(*self, $ty::JSON_NAMES));
            }
            fn unpack(r: &mut $crate::pack::Unpacker<'_>) -> $ty {
                $crate::pack::variant(r, $ty::JSON_NAMES)
            }
        }
    };
}
pub(crate) use variants;

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Rec {
        id: String,
        n: u32,
        #[serde(default)]
        note: Option<String>,
        kind: Kind,
        tags: Vec<String>,
    }
    #[derive(Clone, Copy, Debug, PartialEq, serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        OneWord,
        Other,
    }
    record!(
        Rec,
        deny {
            id: field,
            n: field,
            note: optional,
            kind: field,
            tags: field,
        }
    );
    /// A record that skips unknown fields, with a default for a field left out.
    #[derive(Debug, PartialEq)]
    struct Loose {
        id: String,
        tags: Vec<String>,
    }
    record!(
        Loose,
        allow {
            id: field,
            tags: or_default
        }
    );
    variants!(Kind {
        OneWord = "one_word",
        Other = "other",
    });

    fn rec(text: &str) -> Result<Rec> {
        from_str(text)
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let texts = [
            r#"{"id":"a\"b\\c\/\u00e9\ud83d\ude00\n","n":7,"kind":"one_word","tags":["x","漢字"]}"#,
            " { \"id\" : \"\" , \"n\" : 0 , \"note\" : null , \"kind\" : \"other\" , \"tags\" : [ ] } ",
            r#"{"tags":[],"kind":"other","n":4294967295,"id":"z","note":"n"}"#,
        ];
        for text in texts {
            let ours = rec(text).unwrap();
            let theirs: Rec = serde_json::from_str(text).unwrap();
            assert_eq!(ours, theirs, "{text}");
        }
        let map: BTreeMap<String, Vec<f64>> =
            from_str(r#"{"a":[1.5,-2,3e2,0.25E-1],"b":[]}"#).unwrap();
        assert_eq!(map["a"], vec![1.5, -2.0, 300.0, 0.025]);
        // The nearest double, also from more digits than a double holds, and the smallest.
        let exact: Vec<f64> = from_str(
            "[0.1, 2.2250738585072014e-308, 5e-324, 9007199254740993.0, 1.7976931348623157e308]",
        )
        .unwrap();
        assert_eq!(
            exact,
            [
                0.1,
                2.2250738585072014e-308,
                5e-324,
                9007199254740992.0,
                f64::MAX
            ]
        );
        let Value::Array(numbers) = parse("[1,-1,18446744073709551616,1.0]").unwrap().value else {
            panic!("an array")
        };
        let printed: Vec<String> = numbers
            .iter()
            .map(|n| match n.value {
                Value::Number(n) => n.to_string(),
                _ => panic!("a number"),
            })
            .collect();
        assert_eq!(printed, ["1", "-1", "1.8446744073709552e19", "1.0"]);
        // Whole numbers at the edges of u64 and i64, as serde_json reads them.
        let edges: Vec<Number> =
            match parse("[18446744073709551615,-0,-9223372036854775808,-9223372036854775809,0]")
                .unwrap()
                .value
            {
                Value::Array(items) => items
                    .into_iter()
                    .map(|n| match n.value {
                        Value::Number(n) => n,
                        _ => panic!("a number"),
                    })
                    .collect(),
                _ => panic!("an array"),
            };
        assert_eq!(
            edges,
            [
                Number::Unsigned(u64::MAX),
                Number::Signed(0),
                Number::Signed(i64::MIN),
                Number::Float(-9223372036854775809.0),
                Number::Unsigned(0),
            ]
        );
    }

    #[test]
    fn refuses_what_json_forbids_and_says_where() {
        let bad = [
            (
                r#"{"id":"a","n":1,"kind":"other","tags":[],}"#,
                "trailing comma at line 1",
            ),
            (
                "{\"id\":\"a\nb\"}",
                "control character in a string at line 1",
            ),
            (r#"{"id":"a","n":01}"#, "invalid number"),
            (
                r#"{"id":"a","n":1e400}"#,
                "number out of range at line 1 column 20",
            ),
            (r#"{"id":"a","n":-1.5e309}"#, "number out of range"),
            (
                r#"{"id":"a","n":-1}"#,
                "invalid value: integer `-1`, expected u32",
            ),
            (
                r#"{"id":"a","n":4294967296}"#,
                "invalid value: integer `4294967296`, expected u32",
            ),
            (
                r#"{"id":7}"#,
                "invalid type: integer `7`, expected a string at line 1 column 7",
            ),
            (
                r#"{"id":"a","n":1,"kind":"other","tags":[],"x":1}"#,
                "unknown field `x`",
            ),
            (
                r#"{"id":"a","n":1,"kind":"wide","tags":[]}"#,
                "unknown variant `wide`",
            ),
            (
                "{\n  \"id\": \"a\",\n  \"n\": 1\n}",
                "missing field `kind` at line 1 column 1",
            ),
            (
                r#"{"id":"a","n":1,"kind":"other","tags":[]} x"#,
                "trailing characters",
            ),
            (r#"{"id":"a","id":"b"}"#, "duplicate field `id`"),
            (r#"{"id":"\ud800"}"#, "lone leading surrogate"),
            (r#"{"id":tru}"#, "expected `true`"),
            ("", "EOF while parsing a value at line 1 column 1"),
            ("<html>oops", "expected value at line 1 column 1"),
            ("{\"id\":\n [1, 2,]}", "trailing comma at line 2 column 8"),
        ];
        for (text, needle) in bad {
            let err = rec(text).unwrap_err().to_string();
            assert!(err.contains(needle), "{text:?}: {err}");
        }
    }

    #[test]
    fn a_record_reports_its_first_bad_field_only() {
        let first = [
            // Every field wrong, and one unknown: the first field's error.
            (
                r#"{"id":7,"n":"x","kind":"wide","tags":{},"x":1}"#,
                "invalid type: integer `7`, expected a string at line 1 column 7",
            ),
            // A field missing before one of the wrong type: the missing one, as listed.
            (
                r#"{"n":"x","kind":"other","tags":[]}"#,
                "missing field `id` at line 1 column 1",
            ),
            (
                r#"{"id":"a","n":1,"kind":"other","tags":[1]}"#,
                "invalid type: integer `1`, expected a string at line 1 column 40",
            ),
            // The unknown field counts only once every listed field was read.
            (
                r#"{"x":1,"id":"a","n":1,"kind":"other","tags":[]}"#,
                "unknown field `x` at line 1 column 6",
            ),
        ];
        for (text, message) in first {
            assert_eq!(rec(text).unwrap_err().to_string(), message, "{text}");
        }
        let loose: Loose = from_str(r#"{"z":[1,{}],"id":"a"}"#).unwrap();
        assert_eq!(
            loose,
            Loose {
                id: "a".into(),
                tags: vec![]
            }
        );
        let err = from_str::<Loose>(r#"{"tags":["t"]}"#)
            .unwrap_err()
            .to_string();
        assert_eq!(err, "missing field `id` at line 1 column 1");
        let nested =
            from_str::<Vec<Rec>>(r#"[{"id":"a","n":1,"kind":"other","tags":[]},{"id":"b"}]"#);
        assert_eq!(
            nested.unwrap_err().to_string(),
            "missing field `n` at line 1 column 44"
        );
    }

    #[test]
    fn limits_depth() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        let err = parse(&deep(MAX_DEPTH + 1)).unwrap_err().to_string();
        assert!(err.contains("recursion limit"), "{err}");
        assert!(parse(&deep(MAX_DEPTH)).is_ok());
    }
}
