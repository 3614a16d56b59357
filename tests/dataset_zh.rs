//! The Chinese translation files of the bundled dataset: their JSON Schema, complete coverage of
//! the dataset's ids, both scripts for every entity, and the script of every character (by the
//! OpenCC-derived table in data/zh-script-chars.json, so no Python is needed).

use std::collections::{BTreeSet, HashMap, HashSet};

use serde_json::{json, Value};

const DATASET: &str = include_str!("../public/data/policy-2021.json");
const HANT: &str = include_str!("../public/data/policy-2021.zh-hant.json");
const HANS: &str = include_str!("../public/data/policy-2021.zh-hans.json");
const SCHEMA: &str = include_str!("../public/data/policy-2021.i18n.schema.json");
const SCRIPT_CHARS: &str = include_str!("../data/zh-script-chars.json");

/// The translated collections and the text fields each entry may have.
const COLLECTIONS: [&str; 7] = [
    "policy_areas",
    "items",
    "figures",
    "milestones",
    "series",
    "sites",
    "organisations",
];

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("valid JSON")
}

fn files() -> [(&'static str, Value); 2] {
    [("zh-hant", parse(HANT)), ("zh-hans", parse(HANS))]
}

/// Every text entry `{text, provenance, source?}` of a translation file with its path.
fn entries(doc: &Value) -> Vec<(String, &Value)> {
    let mut out = Vec::new();
    for (field, v) in doc["document"].as_object().expect("document") {
        match v {
            Value::Array(list) => out.extend(
                list.iter()
                    .enumerate()
                    .map(|(k, e)| (format!("document/{field}/{k}"), e)),
            ),
            e => out.push((format!("document/{field}"), e)),
        }
    }
    for coll in COLLECTIONS {
        for (id, rec) in doc[coll].as_object().expect("collection") {
            for (field, v) in rec.as_object().expect("record") {
                match field.as_str() {
                    "aliases" => {}
                    "points" => out.extend(
                        v.as_object()
                            .expect("points")
                            .iter()
                            .map(|(fid, e)| (format!("{coll}/{id}/points/{fid}"), e)),
                    ),
                    _ => out.push((format!("{coll}/{id}/{field}"), v)),
                }
            }
        }
    }
    out
}

/// Every text the app shows or searches: the note, the entries' texts and the site aliases.
fn texts(doc: &Value) -> Vec<String> {
    let mut out = vec![doc["note"].as_str().expect("note").to_string()];
    out.extend(
        entries(doc)
            .iter()
            .map(|(_, e)| e["text"].as_str().expect("text").to_string()),
    );
    for site in doc["sites"].as_object().expect("sites").values() {
        for alias in site["aliases"].as_array().expect("aliases") {
            out.push(alias.as_str().expect("alias").to_string());
        }
    }
    out
}

struct ScriptChars {
    /// Each Traditional-only character with its Simplified form.
    to_simplified: HashMap<char, char>,
    traditional_only: HashSet<char>,
    simplified_only: HashSet<char>,
}

fn script_chars() -> ScriptChars {
    let table = parse(SCRIPT_CHARS);
    let pairs: Vec<char> = table["traditional_to_simplified"]
        .as_str()
        .expect("pairs")
        .chars()
        .collect();
    assert!(pairs.len() % 2 == 0, "the character table holds pairs");
    let to_simplified: HashMap<char, char> = pairs.chunks(2).map(|p| (p[0], p[1])).collect();
    ScriptChars {
        traditional_only: to_simplified.keys().copied().collect(),
        to_simplified,
        simplified_only: table["simplified_only"]
            .as_str()
            .expect("simplified_only")
            .chars()
            .collect(),
    }
}

/// Characters of `texts` that belong only to the other script, with the text they occur in.
fn wrong_script(texts: &[String], other_only: &HashSet<char>) -> Vec<String> {
    texts
        .iter()
        .filter_map(|t| {
            let bad: String = t.chars().filter(|c| other_only.contains(c)).collect();
            (!bad.is_empty()).then(|| format!("{bad} in {t:?}"))
        })
        .collect()
}

fn schema_validator() -> jsonschema::Validator {
    jsonschema::validator_for(&parse(SCHEMA)).expect("schema compiles")
}

fn schema_errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect()
}

#[test]
fn both_files_match_the_schema() {
    let v = schema_validator();
    for (name, doc) in files() {
        let errors = schema_errors(&v, &doc);
        assert!(
            errors.is_empty(),
            "{name}: schema errors:\n{}",
            errors.join("\n")
        );
        assert_eq!(doc["locale"], json!(name), "{name}: locale");
    }
}

#[test]
fn the_schema_rejects_broken_files() {
    let v = schema_validator();
    let good = parse(HANT);
    type Breaker = fn(&mut Value);
    let cases: Vec<(&str, Breaker)> = vec![
        ("unknown locale", |d| d["locale"] = json!("zh-tw")),
        ("missing items", |d| {
            d.as_object_mut().unwrap().remove("items");
        }),
        ("unknown field", |d| d["quotes"] = json!({})),
        ("official name without source", |d| {
            d["document"]["bureau"]
                .as_object_mut()
                .unwrap()
                .remove("source");
        }),
        ("unknown provenance", |d| {
            d["items"]["tvp"]["summary"]["provenance"] = json!("machine")
        }),
        ("empty text", |d| {
            d["items"]["tvp"]["title"]["text"] = json!("")
        }),
        ("plain string instead of a text entry", |d| {
            d["policy_areas"]["a1"]["name"] = json!("研究及發展資源")
        }),
        ("item without summary", |d| {
            d["items"]["tvp"].as_object_mut().unwrap().remove("summary");
        }),
        (
            "id that is not a slug",
            |d| {
                d["milestones"]["M 1"] =
                    json!({"label": {"text": "x", "provenance": "translation"}})
            },
        ),
    ];
    for (what, breaker) in cases {
        let mut doc = good.clone();
        breaker(&mut doc);
        assert!(
            !schema_errors(&v, &doc).is_empty(),
            "the schema accepted a file with {what}"
        );
    }
}

#[test]
fn every_id_of_the_dataset_is_translated_and_no_other() {
    let data = parse(DATASET);
    for (name, doc) in files() {
        assert_eq!(
            doc["dataset_version"], data["document"]["dataset_version"],
            "{name}: dataset_version"
        );
        for coll in COLLECTIONS {
            let ids: BTreeSet<&str> = data[coll]
                .as_array()
                .expect("dataset collection")
                .iter()
                .map(|r| r["id"].as_str().expect("id"))
                .collect();
            let translated: BTreeSet<&str> = doc[coll]
                .as_object()
                .expect("translated collection")
                .keys()
                .map(String::as_str)
                .collect();
            let missing: Vec<_> = ids.difference(&translated).collect();
            let unknown: Vec<_> = translated.difference(&ids).collect();
            assert!(
                missing.is_empty() && unknown.is_empty(),
                "{name} {coll}: missing {missing:?}, unknown {unknown:?}"
            );
        }
        assert_eq!(
            doc["document"]["offices"].as_array().map(Vec::len),
            data["document"]["offices"].as_array().map(Vec::len),
            "{name}: one name per office"
        );
        for f in data["figures"].as_array().expect("figures") {
            let id = f["id"].as_str().expect("id");
            assert_eq!(
                f.get("period").is_some(),
                doc["figures"][id].get("period").is_some(),
                "{name}: figure {id} has a period in exactly one of the dataset and the translation"
            );
        }
        for s in data["series"].as_array().expect("series") {
            let id = s["id"].as_str().expect("id");
            let figures: HashSet<&str> = s["points"]
                .as_array()
                .expect("points")
                .iter()
                .map(|p| p["figure"].as_str().expect("figure"))
                .collect();
            for point in doc["series"][id]["points"]
                .as_object()
                .into_iter()
                .flatten()
            {
                assert!(
                    figures.contains(point.0.as_str()),
                    "{name}: series {id} labels {} which is not one of its points",
                    point.0
                );
            }
        }
    }
}

#[test]
fn every_entity_has_both_scripts_with_the_same_provenance() {
    let hant = parse(HANT);
    let hans = parse(HANS);
    let a = entries(&hant);
    let b = entries(&hans);
    let paths = |v: &[(String, &Value)]| v.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(
        paths(&a),
        paths(&b),
        "the two files translate the same fields"
    );
    for ((path, t), (_, s)) in a.iter().zip(&b) {
        assert_eq!(t["provenance"], s["provenance"], "{path}: provenance");
        assert_eq!(t.get("source"), s.get("source"), "{path}: source");
        for e in [t, s] {
            let text = e["text"].as_str().expect("text");
            assert!(
                text.chars().any(is_han),
                "{path}: {text:?} has no Chinese character"
            );
        }
    }
    let differing = a
        .iter()
        .zip(&b)
        .filter(|((_, t), (_, s))| t["text"] != s["text"])
        .count();
    assert!(
        differing * 2 > a.len(),
        "only {differing} of {} Simplified texts differ from the Traditional: is the file converted?",
        a.len()
    );
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

#[test]
fn each_file_uses_only_its_own_script() {
    let chars = script_chars();
    assert!(
        chars.traditional_only.len() > 1000 && chars.simplified_only.len() > 1000,
        "the character table is incomplete"
    );
    let hans = wrong_script(&texts(&parse(HANS)), &chars.traditional_only);
    assert!(
        hans.is_empty(),
        "Traditional-only characters in zh-hans:\n{}",
        hans.join("\n")
    );
    let hant = wrong_script(&texts(&parse(HANT)), &chars.simplified_only);
    assert!(
        hant.is_empty(),
        "Simplified-only characters in zh-hant:\n{}",
        hant.join("\n")
    );
}

#[test]
fn the_script_check_catches_mixed_texts() {
    let chars = script_chars();
    // 們 / 们, 數碼港 / 数码港, 綫 (the Hong Kong form of 線) / 线.
    for c in ['們', '數', '綫', '灣'] {
        assert!(
            chars.traditional_only.contains(&c),
            "{c} is Traditional-only"
        );
    }
    for c in ['们', '数', '线', '湾'] {
        assert!(chars.simplified_only.contains(&c), "{c} is Simplified-only");
    }
    // Characters both scripts write alike are in neither set.
    for c in ['香', '港', '科', '技', '床', '着', '污', '厦', '村'] {
        assert!(
            !chars.traditional_only.contains(&c) && !chars.simplified_only.contains(&c),
            "{c} belongs to both scripts"
        );
    }
    let mixed = vec!["香港科技园公司在數码港".to_string()];
    assert_eq!(wrong_script(&mixed, &chars.traditional_only).len(), 1);
    assert_eq!(wrong_script(&mixed, &chars.simplified_only).len(), 1);
}

#[test]
fn script_fold_pairs_every_differing_character() {
    let chars = script_chars();
    let hant = parse(HANT);
    let hans = parse(HANS);
    assert_eq!(hant["script_fold"], hans["script_fold"]);
    let fold: Vec<char> = hant["script_fold"]
        .as_str()
        .expect("fold")
        .chars()
        .collect();
    assert!(
        !fold.is_empty() && fold.len() % 2 == 0,
        "script_fold holds pairs"
    );
    let pairs: HashMap<char, char> = fold.chunks(2).map(|p| (p[0], p[1])).collect();
    assert_eq!(
        pairs.len() * 2,
        fold.len(),
        "one pair per Simplified character (the app folds one for one)"
    );
    for (&s, &t) in &pairs {
        assert_ne!(s, t, "a pair of one character");
        assert!(
            !chars.traditional_only.contains(&s),
            "{s}{t}: the first of a pair is Simplified"
        );
        assert!(
            !chars.simplified_only.contains(&t),
            "{s}{t}: the second of a pair is Traditional"
        );
        if let Some(&form) = chars.to_simplified.get(&t) {
            assert_eq!(form, s, "{s}{t}: OpenCC simplifies {t} to {form}");
        }
    }
    // Every Traditional-only character of the Traditional texts, and every Simplified-only
    // character of the Simplified texts, folds.
    for c in texts(&hant).concat().chars() {
        if let Some(s) = chars.to_simplified.get(&c) {
            assert!(
                pairs.contains_key(s),
                "{c} ({s}) of zh-hant has no fold pair"
            );
        }
    }
    for c in texts(&hans).concat().chars() {
        if chars.simplified_only.contains(&c) {
            assert!(pairs.contains_key(&c), "{c} of zh-hans has no fold pair");
        }
    }
    // Folded, the Simplified texts read as the Traditional ones where these use the paired forms:
    // the searches of the issue find the same names in both scripts.
    let fold_str = |text: &str| -> String {
        text.chars()
            .map(|c| pairs.get(&c).copied().unwrap_or(c))
            .collect()
    };
    for (hans_name, hant_name) in [
        ("数码港", "數碼港"),
        ("落马洲", "落馬洲"),
        ("科学园", "科學園"),
        ("香港科技园公司", "香港科技園公司"),
        ("创新及科技局", "創新及科技局"),
    ] {
        assert_eq!(fold_str(hans_name), hant_name);
    }
}

#[test]
fn the_searches_of_the_issue_find_chinese_names() {
    let hant = texts(&parse(HANT)).concat();
    let hans = texts(&parse(HANS)).concat();
    for name in ["河套", "科學園", "數碼港", "落馬洲", "創新及科技局"] {
        assert!(hant.contains(name), "zh-hant has no {name}");
    }
    for name in ["河套", "科学园", "数码港", "落马洲", "创新及科技局"] {
        assert!(hans.contains(name), "zh-hans has no {name}");
    }
}

#[test]
fn titles_and_summaries_are_chinese_not_latin() {
    // A run of Latin letters counts as one word, each Chinese character as one: the issue's
    // goal is under 15% Latin words on Explore, whose main area shows titles and summaries.
    for (name, doc) in files() {
        let (mut latin, mut words) = (0usize, 0usize);
        for item in doc["items"].as_object().expect("items").values() {
            for field in ["title", "summary"] {
                let text = item[field]["text"].as_str().expect("text");
                let mut in_latin = false;
                for c in text.chars() {
                    let l = c.is_ascii_alphabetic();
                    if l && !in_latin {
                        latin += 1;
                        words += 1;
                    }
                    if is_han(c) {
                        words += 1;
                    }
                    in_latin = l;
                }
            }
        }
        assert!(
            latin * 100 < words * 2,
            "{name}: {latin} Latin words of {words} in titles and summaries"
        );
    }
}

#[test]
fn the_english_dataset_stays_english() {
    // The Chinese texts live only in the per-language files: the English first load carries none.
    let han: String = DATASET.chars().filter(|&c| is_han(c)).collect();
    assert!(
        han.is_empty(),
        "Chinese characters in the English dataset: {han}"
    );
    assert!(
        !DATASET.contains("zh-han"),
        "the dataset does not embed the translations"
    );
}
