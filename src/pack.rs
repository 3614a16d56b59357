//! The shipped dataset in the compact form the app loads (issue #17): the same records as
//! `public/data/policy-2021.json`, written field by field in the order `json::record!` lists
//! them, without names, punctuation or escapes. The JSON file stays the public dataset; this
//! form (`public/data/policy-2021.pack`, written from it by `cargo run --example pack` and kept
//! equal to it by a test) exists so that the first load needs no JSON reader. Reading a pack
//! is about 2 KB of the main wasm (brotli); the JSON reader and its messages, about 11 KB,
//! come with the load checks' chunk, fetched only for another dataset (DATA.md, "The form the
//! app loads").
//!
//! A file is [`MAGIC`], the schema version as a varint, then the [`Dataset`]. Whole numbers
//! are LEB128 varints, floats 8 bytes little-endian, strings and sequences a varint length
//! then their bytes or items, an option a 0 or 1 byte then its value, a variant its position
//! in its type's `JSON_NAMES`. Reading never panics and never returns early: a short, long or
//! invalid file (cut off, wrong lengths, bad UTF-8, an unknown variant, a float that is not
//! finite) is refused as a whole once read, with stand-in values in between.

use crate::model::{Dataset, LoadError, SCHEMA_VERSION};

/// The first bytes of a pack file: not JSON (which starts with `{`, white space or a BOM),
/// so a file is recognised by its content, whatever its name.
pub const MAGIC: &[u8; 8] = b"ITPEpack";

/// A type written to and read from a pack file.
pub trait Pack: Sized {
    fn pack(&self, out: &mut Vec<u8>);
    /// The value read, or a stand-in with `r` marked failed.
    fn unpack(r: &mut Unpacker<'_>) -> Self;
}

/// The reader's position in a pack file, and whether anything failed so far.
pub struct Unpacker<'a> {
    bytes: &'a [u8],
    at: usize,
    failed: bool,
}

impl<'a> Unpacker<'a> {
    /// The next `n` bytes, or none (and failed) past the end.
    fn take(&mut self, n: usize) -> &'a [u8] {
        match self.bytes.get(self.at..self.at.saturating_add(n)) {
            Some(b) if !self.failed => {
                self.at += n;
                b
            }
            _ => {
                self.failed = true;
                &[]
            }
        }
    }
    /// A LEB128 varint of at most 64 bits.
    fn varint(&mut self) -> u64 {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let Some(&byte) = self.take(1).first() else {
                return 0;
            };
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return value;
            }
        }
        self.failed = true;
        0
    }
    /// A length that the rest of the file could hold (each item takes a byte at least), so
    /// that a damaged length never asks for a huge allocation.
    fn len(&mut self) -> usize {
        let n = self.varint();
        match usize::try_from(n) {
            Ok(n) if n <= self.bytes.len() - self.at => n,
            _ => {
                self.failed = true;
                0
            }
        }
    }
    fn fail(&mut self) {
        self.failed = true;
    }
}

fn varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

impl Pack for String {
    fn pack(&self, out: &mut Vec<u8>) {
        varint(out, self.len() as u64);
        out.extend_from_slice(self.as_bytes());
    }
    fn unpack(r: &mut Unpacker<'_>) -> String {
        let n = r.len();
        match std::str::from_utf8(r.take(n)) {
            Ok(s) => s.to_owned(),
            Err(_) => {
                r.fail();
                String::new()
            }
        }
    }
}

impl Pack for bool {
    fn pack(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn unpack(r: &mut Unpacker<'_>) -> bool {
        match r.take(1) {
            [0] => false,
            [1] => true,
            _ => {
                r.fail();
                false
            }
        }
    }
}

/// Finite only, as JSON numbers are.
impl Pack for f64 {
    fn pack(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn unpack(r: &mut Unpacker<'_>) -> f64 {
        let x = match <[u8; 8]>::try_from(r.take(8)) {
            Ok(b) => f64::from_le_bytes(b),
            Err(_) => 0.0,
        };
        if !x.is_finite() {
            r.fail();
        }
        x
    }
}

impl Pack for u8 {
    fn pack(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
    fn unpack(r: &mut Unpacker<'_>) -> u8 {
        r.take(1).first().copied().unwrap_or(0)
    }
}

impl Pack for u32 {
    fn pack(&self, out: &mut Vec<u8>) {
        varint(out, u64::from(*self));
    }
    fn unpack(r: &mut Unpacker<'_>) -> u32 {
        u32::try_from(r.varint()).unwrap_or_else(|_| {
            r.fail();
            0
        })
    }
}

impl<T: Pack> Pack for Option<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.pack(out);
            }
        }
    }
    fn unpack(r: &mut Unpacker<'_>) -> Option<T> {
        bool::unpack(r).then(|| T::unpack(r))
    }
}

impl<T: Pack> Pack for Vec<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        varint(out, self.len() as u64);
        for item in self {
            item.pack(out);
        }
    }
    fn unpack(r: &mut Unpacker<'_>) -> Vec<T> {
        let n = r.len();
        // No reservation: a damaged length is bounded by the bytes left, not by the items'
        // size, so the list grows only as items are actually read.
        let mut out = Vec::new();
        while out.len() < n && !r.failed {
            out.push(T::unpack(r));
        }
        out
    }
}

/// Keys in order, each before its value (the translation files' maps).
impl<T: Pack> Pack for std::collections::BTreeMap<String, T> {
    fn pack(&self, out: &mut Vec<u8>) {
        varint(out, self.len() as u64);
        for (k, v) in self {
            k.pack(out);
            v.pack(out);
        }
    }
    fn unpack(r: &mut Unpacker<'_>) -> Self {
        let n = r.len();
        let mut out = Self::new();
        while out.len() < n && !r.failed {
            let k = String::unpack(r);
            let v = T::unpack(r);
            if out.insert(k, v).is_some() {
                r.fail();
            }
        }
        out
    }
}

/// A variant by its position in `names` (a type's `JSON_NAMES`).
pub fn variant<T: Copy + PartialEq>(r: &mut Unpacker<'_>, names: &[(&str, T)]) -> T {
    let i = r.take(1).first().map_or(0, |&b| usize::from(b));
    match names.get(i) {
        Some(&(_, v)) => v,
        None => {
            r.fail();
            names[0].1
        }
    }
}

/// A variant's position in `names`.
pub fn variant_index<T: Copy + PartialEq>(v: T, names: &[(&str, T)]) -> u8 {
    names.iter().position(|&(_, n)| n == v).unwrap_or(0) as u8
}

impl Dataset {
    /// The dataset in pack form (natively, for the file and its test; the app only reads).
    pub fn to_pack(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        varint(&mut out, u64::from(self.schema_version));
        self.pack(&mut out);
        out
    }

    /// Reads a pack file: another schema version is refused as the JSON reader refuses it,
    /// and anything else wrong as a damaged file.
    pub fn from_pack(bytes: &[u8]) -> Result<Dataset, LoadError> {
        let mut r = Unpacker {
            bytes,
            at: 0,
            failed: false,
        };
        if r.take(MAGIC.len()) != MAGIC {
            return Err(LoadError::Malformed("not a dataset pack file".into()));
        }
        let found = r.varint();
        if !r.failed && found != u64::from(SCHEMA_VERSION) {
            return Err(LoadError::UnsupportedVersion {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        let data = Dataset::unpack(&mut r);
        match !r.failed && r.at == bytes.len() && u64::from(data.schema_version) == found {
            true => Ok(data),
            false => Err(LoadError::Malformed(
                "the pack file is damaged (cut off, or not written by this app)".into(),
            )),
        }
    }
}

/// Whether `bytes` are a pack file rather than JSON.
pub fn is_pack(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Dataset {
        Dataset::from_json(include_str!("../public/data/policy-2021.json")).expect("dataset")
    }

    #[test]
    fn the_shipped_pack_is_the_shipped_json() {
        let data = shipped();
        let pack = data.to_pack();
        let file = std::fs::read("public/data/policy-2021.pack").expect("the pack");
        assert!(
            file == pack,
            "public/data/policy-2021.pack is stale: run `cargo run --example pack`, then set \
             check::SHIPPED_PACK_SHA256"
        );
        assert_eq!(Dataset::from_pack(&file), Ok(data));
    }

    #[test]
    fn every_cut_or_damaged_file_is_refused_without_panicking() {
        let pack = shipped().to_pack();
        // Prefixes (every 97th length, and one byte short): too short. A byte more: too long.
        for n in (0..pack.len()).step_by(97).chain([pack.len() - 1]) {
            assert!(
                Dataset::from_pack(&pack[..n]).is_err(),
                "prefix of {n} bytes"
            );
        }
        let mut long = pack.clone();
        long.push(0);
        assert!(Dataset::from_pack(&long).is_err());
        // Every 13th byte flipped in turn: refused, or read as another dataset (a flip in a
        // float, say), which then packs and reads back the same.
        let mut read = 0;
        for i in (MAGIC.len()..pack.len()).step_by(13) {
            let mut bad = pack.clone();
            bad[i] ^= 0xff;
            if let Ok(other) = Dataset::from_pack(&bad) {
                assert_eq!(Dataset::from_pack(&other.to_pack()), Ok(other), "byte {i}");
                read += 1;
            }
        }
        assert!(read > 0, "no flipped byte was read as another dataset");
        // A length of 2^60 items is refused without trying to allocate it.
        let mut huge = MAGIC.to_vec();
        varint(&mut huge, 1);
        varint(&mut huge, 1);
        huge.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]);
        assert!(Dataset::from_pack(&huge).is_err());
    }

    #[test]
    fn another_version_and_json_are_named_for_what_they_are() {
        let mut v2 = MAGIC.to_vec();
        varint(&mut v2, 2);
        assert_eq!(
            Dataset::from_pack(&v2),
            Err(LoadError::UnsupportedVersion {
                found: 2,
                supported: SCHEMA_VERSION
            })
        );
        let json = include_bytes!("../public/data/policy-2021.json");
        assert!(!is_pack(json));
        assert!(is_pack(&shipped().to_pack()));
    }

    #[test]
    fn a_float_that_is_not_finite_is_refused() {
        let mut data = shipped();
        data.figures[0].value = f64::NAN;
        assert!(Dataset::from_pack(&data.to_pack()).is_err());
        data.figures[0].value = -0.5e-300;
        assert_eq!(Dataset::from_pack(&data.to_pack()), Ok(data));
    }
}
