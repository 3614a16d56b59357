//! The bundled dataset against the paper: every check of `validate`, the JSON Schema, the source
//! hash, and proof that the checks catch broken copies.

use std::collections::HashSet;

use it_policy_explorer::dates::parse_paper_date;
use it_policy_explorer::model::{Dataset, ItemKind, ParagraphKind, Unit};
use it_policy_explorer::validate::{reflow_source, validate};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

const DATASET: &str = include_str!("../public/data/policy-2021.json");
const SCHEMA: &str = include_str!("../public/data/policy-2021.schema.json");
const SOURCE: &str = include_str!("../data/source/policy-address-2021-innovation-technology.txt");

fn dataset() -> Dataset {
    Dataset::from_json(DATASET).unwrap_or_else(|e| panic!("the bundled dataset does not load: {e}"))
}

fn problems_of(data: &Dataset) -> Vec<String> {
    validate(data, SOURCE)
}

fn assert_reports(data: &Dataset, needle: &str) {
    let problems = problems_of(data);
    assert!(
        problems.iter().any(|p| p.contains(needle)),
        "expected a problem mentioning {needle:?}, got: {problems:#?}"
    );
}

#[test]
fn the_dataset_passes_every_check() {
    let problems = problems_of(&dataset());
    assert!(
        problems.is_empty(),
        "{} problem(s) in public/data/policy-2021.json:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn source_hash_matches_the_stored_text() {
    let data = dataset();
    let digest = Sha256::digest(SOURCE.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(data.document.source_sha256, hex);
    assert_eq!(
        data.document.source_file,
        "policy-address-2021-innovation-technology.txt"
    );
}

#[test]
fn the_paper_is_complete() {
    let data = dataset();
    let ids: HashSet<&str> = data.paragraphs.iter().map(|p| p.id.as_str()).collect();
    for n in 1..=26 {
        assert!(
            ids.contains(format!("p{n}").as_str()),
            "paragraph {n} missing"
        );
    }
    assert!(ids.contains("fn1"));
    let annex_areas = data
        .policy_areas
        .iter()
        .filter(|a| a.number.is_some())
        .count();
    assert_eq!(annex_areas, 11);
    let rows = data
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::AnnexRow)
        .count();
    let progress = data
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::ProgressItem)
        .count();
    assert_eq!(rows, 66, "Annex rows");
    assert_eq!(progress, rows, "one progress item per Annex row");
    let new = data
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::NewInitiative)
        .count();
    assert!(new >= 18, "only {new} new initiatives");
    assert!(
        data.figures.len() >= 150,
        "only {} figures",
        data.figures.len()
    );
    // The reflowed source and the paragraphs carry the same words.
    let reflowed = reflow_source(SOURCE, &data.document.removed_headers);
    assert!(reflowed.contains("Shenzhen-Hong Kong I&T Co-operation Zone of approximately 540 ha."));
    assert!(reflowed.contains("in the re-organisation of Government structure"));
    assert!(reflowed.contains("start\u{2011}ups in Cyberport"));
}

#[test]
fn milestone_dates_are_what_the_parser_reads() {
    for m in dataset().milestones {
        let (precision, start, end) = parse_paper_date(&m.date.text)
            .unwrap_or_else(|| panic!("milestone {}: cannot read {:?}", m.id, m.date.text));
        assert_eq!(
            (precision, start.as_str(), end.as_str()),
            (m.date.precision, m.date.start.as_str(), m.date.end.as_str()),
            "milestone {}",
            m.id
        );
    }
}

#[test]
fn series_are_in_time_order_with_matching_units() {
    let data = dataset();
    for s in &data.series {
        for p in &s.points {
            let f = data.figure(&p.figure).expect("figure");
            assert_eq!(f.unit, s.unit, "series {}", s.id);
        }
        if s.unit != Unit::Rank {
            let labels: Vec<&str> = s.points.iter().map(|p| p.label.as_str()).collect();
            let mut sorted = labels.clone();
            sorted.sort();
            assert_eq!(labels, sorted, "series {} not in time order", s.id);
        }
    }
}

#[test]
fn the_json_round_trips_through_the_model() {
    let data = dataset();
    let again: Value = serde_json::to_value(&data).expect("serialise");
    let original: Value = serde_json::from_str(DATASET).expect("json");
    if let Some(path) = first_difference(&original, &again, String::new()) {
        panic!("the model does not reproduce the JSON at {path}");
    }
}

/// The JSON path of the first difference between two values (numbers compared as f64).
fn first_difference(a: &Value, b: &Value, path: String) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: HashSet<&String> = x.keys().chain(y.keys()).collect();
            let mut keys: Vec<&String> = keys.into_iter().collect();
            keys.sort();
            keys.into_iter().find_map(|k| match (x.get(k), y.get(k)) {
                (Some(u), Some(v)) => first_difference(u, v, format!("{path}/{k}")),
                _ => Some(format!("{path}/{k}")),
            })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (u, v))| first_difference(u, v, format!("{path}/{i}"))),
        (Value::Number(x), Value::Number(y)) => (x.as_f64() != y.as_f64()).then_some(path),
        _ => (a != b).then_some(path),
    }
}

// ---------------------------------------------------------------------------------- JSON Schema

fn schema_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(SCHEMA).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

#[test]
fn the_schema_accepts_the_dataset() {
    let v = schema_validator();
    let data: Value = serde_json::from_str(DATASET).expect("json");
    let errors: Vec<String> = v
        .iter_errors(&data)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "schema errors:\n{}", errors.join("\n"));
}

#[test]
fn the_schema_rejects_broken_datasets() {
    let v = schema_validator();
    let good: Value = serde_json::from_str(DATASET).expect("json");
    type Breaker = fn(&mut Value);
    let cases: Vec<(&str, Breaker)> = vec![
        ("schema_version 2", |d| d["schema_version"] = json!(2)),
        ("unknown top-level field", |d| d["extra"] = json!(1)),
        ("missing items", |d| {
            d.as_object_mut().unwrap().remove("items");
        }),
        ("unknown status", |d| {
            d["items"][0]["status"] = json!("done")
        }),
        ("unknown item kind", |d| {
            d["items"][0]["kind"] = json!("old")
        }),
        ("item without source", |d| {
            d["items"][0].as_object_mut().unwrap().remove("source");
        }),
        ("unknown field in an item", |d| {
            d["items"][0]["colour"] = json!("red")
        }),
        ("figure value as string", |d| {
            d["figures"][0]["value"] = json!("8")
        }),
        ("unknown unit", |d| {
            d["figures"][0]["unit"] = json!("furlongs")
        }),
        ("unknown qualifier", |d| {
            d["figures"][1]["qualifier"] = json!("roughly")
        }),
        ("unknown money kind", |d| {
            d["figures"][1]["money"] = json!("stolen")
        }),
        ("bad ISO date", |d| {
            d["milestones"][0]["date"]["start"] = json!("2021-13-01")
        }),
        ("unknown precision", |d| {
            d["milestones"][0]["date"]["precision"] = json!("week")
        }),
        ("unknown event", |d| {
            d["milestones"][0]["event"] = json!("party")
        }),
        ("latitude as string", |d| {
            d["sites"][0]["lat"] = json!("22.5")
        }),
        ("unknown position precision", |d| {
            d["sites"][0]["position"] = json!("guessed")
        }),
        ("bad sha256", |d| {
            d["document"]["source_sha256"] = json!("abc")
        }),
        ("paragraph kind", |d| {
            d["paragraphs"][0]["kind"] = json!("chapter")
        }),
        ("empty quote", |d| {
            d["items"][0]["source"]["quote"] = json!("")
        }),
        ("bad paragraph id", |d| {
            d["paragraphs"][1]["id"] = json!("P 1")
        }),
    ];
    assert!(v.is_valid(&good));
    for (name, breaker) in cases {
        let mut broken = good.clone();
        breaker(&mut broken);
        assert!(
            !v.is_valid(&broken),
            "the schema accepts a dataset with: {name}"
        );
    }
}

// ------------------------------------------------------------------- validate catches mistakes

fn item_index(d: &Dataset, id: &str) -> usize {
    d.items.iter().position(|i| i.id == id).expect("item")
}

#[test]
fn a_changed_quote_is_reported() {
    let mut d = dataset();
    let k = item_index(&d, "hsitp");
    d.items[k].source.quote = d.items[k].source.quote.replace("pressing", "pushing");
    assert_reports(&d, "item hsitp: quote not found verbatim");
}

#[test]
fn a_figure_number_outside_its_quote_is_reported() {
    let mut d = dataset();
    let k = d
        .figures
        .iter()
        .position(|f| f.text == "$19.5 billion")
        .unwrap();
    d.figures[k].text = "$19.6 billion".into();
    d.figures[k].value = 19.6e9;
    let id = d.figures[k].id.clone();
    assert_reports(
        &d,
        &format!("figure {id} (\"$19.6 billion\"): the number is not in its quote"),
    );
    // ...and the paper's number it used to claim is now unaccounted for.
    assert_reports(&d, "number \"$19.5\" is not claimed");
}

#[test]
fn a_wrong_value_or_qualifier_is_reported() {
    let mut d = dataset();
    let k = d.figures.iter().position(|f| f.text == "1 070").unwrap();
    d.figures[k].value = 1700.0;
    d.figures[k].qualifier = None;
    let id = d.figures[k].id.clone();
    assert_reports(&d, &format!("figure {id} (\"1 070\"): value 1700 differs"));
    assert_reports(&d, &format!("figure {id} (\"1 070\"): the paper hedges it"));
}

#[test]
fn dangling_references_are_reported() {
    let mut d = dataset();
    let k = item_index(&d, "ma-liu-shui");
    d.items[k].area = "t-nowhere".into();
    d.items[k].sites.push("atlantis".into());
    d.items[k].organisations.push("acme".into());
    d.figures[0].item = Some("ghost".into());
    d.milestones[0].item = "ghost-item".into();
    d.series[0].points[0].figure = "f-none".into();
    d.sites[0].source.paragraph = "p99".into();
    assert_reports(&d, "item ma-liu-shui: area \"t-nowhere\" does not exist");
    assert_reports(&d, "item ma-liu-shui: site \"atlantis\" does not exist");
    assert_reports(&d, "item ma-liu-shui: organisation \"acme\" does not exist");
    assert_reports(&d, "item \"ghost\" does not exist");
    assert_reports(&d, "item \"ghost-item\" does not exist");
    assert_reports(&d, "refers to missing figure \"f-none\"");
    assert_reports(&d, "source paragraph \"p99\" does not exist");
}

#[test]
fn an_altered_paragraph_is_reported() {
    let mut d = dataset();
    let k = d.paragraphs.iter().position(|p| p.id == "p9").unwrap();
    d.paragraphs[k].text = d.paragraphs[k].text.replace("88 ha.", "98 ha.");
    assert_reports(&d, "paragraph p9: text differs from the source");
    let mut d = dataset();
    let k = d.paragraphs.iter().position(|p| p.id == "p8").unwrap();
    d.paragraphs[k].text = d.paragraphs[k]
        .text
        .replace("Co-operation", "Co- operation");
    assert_reports(&d, "paragraph p8: text differs from the source");
    let mut d = dataset();
    d.paragraphs.retain(|p| p.id != "a11-10");
    assert_reports(&d, "source text after the last paragraph is missing");
}

#[test]
fn an_unclaimed_number_is_reported() {
    let mut d = dataset();
    d.figures.retain(|f| f.text != "88 ha.");
    assert_reports(&d, "paragraph p9 (text): number \"88\" is not claimed");
}

#[test]
fn a_misread_date_is_reported() {
    let mut d = dataset();
    let k = d
        .milestones
        .iter()
        .position(|m| m.date.text == "end-2024")
        .unwrap();
    d.milestones[k].date.start = "2024-01-01".into();
    let id = d.milestones[k].id.clone();
    assert_reports(
        &d,
        &format!("milestone {id}: date \"end-2024\" is stored as"),
    );
}

#[test]
fn duplicates_bounds_and_status_quotes_are_reported() {
    let mut d = dataset();
    let copy = d.items[0].clone();
    d.items.push(copy);
    d.sites[0].lat = 23.5;
    let k = item_index(&d, "innolife");
    d.items[k].status_quote = "has completed the hub".into();
    let site = d.sites[0].id.clone();
    let first = d.items[0].id.clone();
    assert_reports(&d, &format!("item \"{first}\": id is used more than once"));
    assert_reports(&d, &format!("site {site}: position 23.5"));
    assert_reports(
        &d,
        "item innolife: status_quote \"has completed the hub\" is not in its own paragraph",
    );
}
