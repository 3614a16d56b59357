//! The data package in `public/data/` (see `examples/datapackage.rs`): it is up to date with the
//! dataset, every resource it lists exists with the size it states, every CSV's header is its
//! schema's fields, and its values fit their types and keys.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use it_policy_explorer::export::data_package;
use it_policy_explorer::model::Dataset;
use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("public/data/{name}: {e}"))
}

/// Splits CSV text into records of fields (RFC 4180: quoted fields may hold commas, quotes and
/// line breaks). Written here, independently of the app's writer, to check it.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record ends with a line break"
    );
    records
}

#[test]
fn the_committed_package_is_up_to_date() {
    let json = read("policy-2021.json");
    let data = Dataset::from_json(&json).expect("dataset");
    let schema = read("policy-2021.schema.json").len();
    for (name, expected) in data_package(&data, json.len(), schema) {
        assert!(
            read(&name) == expected,
            "public/data/{name} is stale: run `cargo run --example datapackage`"
        );
    }
}

#[test]
fn the_package_validates() {
    let package: Value = serde_json::from_str(&read("datapackage.json")).expect("JSON");
    let data = Dataset::from_json(&read("policy-2021.json")).expect("dataset");
    let resources = package["resources"].as_array().expect("resources");
    let mut ids: std::collections::HashMap<String, HashSet<String>> = Default::default();
    let mut tables = Vec::new();
    for r in resources {
        let name = r["name"].as_str().expect("name");
        let path = r["path"].as_str().expect("path");
        assert!(
            !path.contains("..") && !path.starts_with('/'),
            "{path} is relative, inside"
        );
        let bytes = std::fs::read(dir().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(
            r["bytes"].as_u64(),
            Some(bytes.len() as u64),
            "{path}: bytes"
        );
        let Some(schema) = r.get("schema") else {
            continue;
        };
        let text = String::from_utf8(bytes).expect("UTF-8");
        assert!(
            !text.starts_with('\u{feff}'),
            "{path}: no byte-order mark for tools"
        );
        let records = parse_csv(&text);
        let fields: Vec<&str> = schema["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .map(|f| f["name"].as_str().expect("field name"))
            .collect();
        assert_eq!(records[0], fields, "{path}: header = schema fields");
        for (i, rec) in records[1..].iter().enumerate() {
            assert_eq!(rec.len(), fields.len(), "{path} row {}", i + 1);
            for (value, field) in rec.iter().zip(schema["fields"].as_array().unwrap()) {
                let ok = value.is_empty()
                    || match field["type"].as_str().unwrap() {
                        "number" => value.parse::<f64>().is_ok(),
                        "boolean" => value == "true" || value == "false",
                        "date" => value.len() == 10 && value.as_bytes()[4] == b'-',
                        _ => true,
                    };
                assert!(ok, "{path} row {}: {} = {value:?}", i + 1, field["name"]);
            }
        }
        let id: HashSet<String> = records[1..].iter().map(|r| r[0].clone()).collect();
        assert_eq!(id.len(), records.len() - 1, "{path}: ids are unique");
        ids.insert(name.to_string(), id);
        tables.push((name.to_string(), schema.clone(), records));
    }
    let counts: Vec<(&str, usize)> = tables
        .iter()
        .map(|(n, _, r)| (n.as_str(), r.len() - 1))
        .collect();
    assert_eq!(
        counts,
        [
            ("items", data.items.len()),
            ("figures", data.figures.len()),
            ("milestones", data.milestones.len()),
            ("sites", data.sites.len()),
            ("organisations", data.organisations.len()),
        ]
    );
    // Foreign keys point at existing rows.
    for (name, schema, records) in &tables {
        for fk in schema["foreignKeys"].as_array().into_iter().flatten() {
            let field = fk["fields"].as_str().unwrap();
            let target = &ids[fk["reference"]["resource"].as_str().unwrap()];
            let col = records[0].iter().position(|h| h == field).unwrap();
            for r in &records[1..] {
                assert!(
                    r[col].is_empty() || target.contains(&r[col]),
                    "{name}.{field} = {}",
                    r[col]
                );
            }
        }
    }
    // The JSON dataset and its schema are listed too.
    let paths: Vec<&str> = resources
        .iter()
        .filter_map(|r| r["path"].as_str())
        .collect();
    assert!(paths.contains(&"policy-2021.json") && paths.contains(&"policy-2021.schema.json"));
}
