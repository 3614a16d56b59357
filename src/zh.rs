//! The Chinese reader's edition: a per-language translation file (`X.zh-hant.json`,
//! `X.zh-hans.json` next to the dataset `X.json`, see DATA.md) read, checked and merged over the
//! English dataset. English readers never fetch it; the paper's quotes are never translated.
//!
//! Amounts and dates are not in the files: `format` writes them per language.

use std::collections::BTreeMap;

use crate::i18n::Locale;
use crate::json::{record, Decode};
use crate::model::Dataset;

/// The translation-file schema this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// One translated text. The file also says where it comes from (`provenance`: the owner's
/// official Chinese name, or this project's translation; `source`); the app shows only the
/// text, so only the text is read (the file's schema and its tests check the rest), which keeps
/// the wasm smaller.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DocumentTexts {
    pub title: Text,
    pub bureau: Text,
    pub offices: Vec<Text>,
    pub date_text: Text,
}

/// One record's translated texts. Which fields a record has depends on its collection (areas
/// and organisations: `name`, `abbreviation`; items: `title`, `summary`; figures: `measure`,
/// `period`; milestones: `label`; series: `title`, `points`; sites: `name`, `short_name`,
/// `district`, `aliases`): [`Translations::missing`] checks them. One type for every collection
/// keeps the wasm small (one deserializer instead of seven).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entry {
    pub name: Option<Text>,
    pub abbreviation: Option<Text>,
    pub title: Option<Text>,
    pub summary: Option<Text>,
    pub measure: Option<Text>,
    pub period: Option<Text>,
    pub label: Option<Text>,
    pub short_name: Option<Text>,
    pub district: Option<Text>,
    /// Other names people search by (e.g. 河套 for the Loop).
    pub aliases: Vec<String>,
    /// Series point labels by figure id; a plain year or number may be left out.
    pub points: BTreeMap<String, Text>,
}

/// Records' texts by id.
pub type Entries = BTreeMap<String, Entry>;

/// A translation file, as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Translations {
    pub schema_version: u32,
    pub locale: String,
    pub dataset_version: String,
    pub document: DocumentTexts,
    pub policy_areas: Entries,
    pub items: Entries,
    pub figures: Entries,
    pub milestones: Entries,
    pub series: Entries,
    pub sites: Entries,
    pub organisations: Entries,
    /// Pairs of characters, Simplified then Traditional.
    pub script_fold: String,
}

// How the file is read (`crate::json`). Fields beside the texts (`provenance`, `source`) are
// for the schema and reviewers: skipped here. Every field of an entry may be left out.
record!(Text, allow { text: field });
record!(
    DocumentTexts,
    allow {
        title: field,
        bureau: field,
        offices: field,
        date_text: field,
    }
);
record!(
    Entry,
    allow {
        name: optional,
        abbreviation: optional,
        title: optional,
        summary: optional,
        measure: optional,
        period: optional,
        label: optional,
        short_name: optional,
        district: optional,
        aliases: or_default,
        points: or_default,
    }
);
record!(
    Translations,
    allow {
        schema_version: field,
        locale: field,
        dataset_version: field,
        document: field,
        policy_areas: field,
        items: field,
        figures: field,
        milestones: field,
        series: field,
        sites: field,
        organisations: field,
        script_fold: field,
    }
);

/// Why a translation file cannot be used (the app then stays in English and says so).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TranslationError {
    Malformed(String),
    UnsupportedVersion { found: u64 },
    WrongLocale { expected: Locale, found: String },
    DatasetVersion { expected: String, found: String },
}

impl std::fmt::Display for TranslationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TranslationError::Malformed(m) => write!(f, "it is not a valid translation file: {m}"),
            TranslationError::UnsupportedVersion { found } => write!(
                f,
                "its schema version is {found}, but this app reads version {SCHEMA_VERSION}"
            ),
            TranslationError::WrongLocale { expected, found } => write!(
                f,
                "it is for language {found:?}, not {:?}",
                expected.as_str()
            ),
            TranslationError::DatasetVersion { expected, found } => write!(
                f,
                "it translates dataset version {found}, but the dataset is version {expected}"
            ),
        }
    }
}

/// The translation file's URL for a dataset URL: `X.json` (or the pack `X.pack`) ->
/// `X.zh-hant.json`.
pub fn url_for(dataset_url: &str, locale: Locale) -> String {
    let (path, query) = match dataset_url.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (dataset_url, None),
    };
    let stem = path
        .strip_suffix(".json")
        .or_else(|| path.strip_suffix(".pack"))
        .unwrap_or(path);
    let mut url = format!("{stem}.{}.json", locale.as_str());
    if let Some(q) = query {
        url.push('?');
        url.push_str(q);
    }
    url
}

impl Translations {
    /// Reads a translation file for `locale` and checks that it fits the dataset `data`.
    pub fn from_json(
        text: &str,
        locale: Locale,
        data: &Dataset,
    ) -> Result<Translations, TranslationError> {
        let (found, root) = crate::model::parse_versioned(text)
            .map_err(|e| TranslationError::Malformed(e.to_string()))?;
        if found != u64::from(SCHEMA_VERSION) {
            return Err(TranslationError::UnsupportedVersion { found });
        }
        let tr = Translations::decode(root)
            .map_err(|e| TranslationError::Malformed(e.in_text(text).to_string()))?;
        if Locale::parse(&tr.locale) != Some(locale) || locale == Locale::En {
            return Err(TranslationError::WrongLocale {
                expected: locale,
                found: tr.locale,
            });
        }
        if tr.dataset_version != data.document.dataset_version {
            return Err(TranslationError::DatasetVersion {
                expected: data.document.dataset_version.clone(),
                found: tr.dataset_version,
            });
        }
        Ok(tr)
    }

    /// Records of the dataset that the file leaves untranslated, in whole or in part
    /// ("items/x"); their texts show in English.
    pub fn missing(&self, data: &Dataset) -> Vec<String> {
        let mut out = Vec::new();
        let mut check = |kind: &str, map: &Entries, id: &str, has: &dyn Fn(&Entry) -> bool| {
            if !map.get(id).is_some_and(has) {
                out.push(format!("{kind}/{id}"));
            }
        };
        for a in &data.policy_areas {
            check("policy_areas", &self.policy_areas, &a.id, &|e| {
                e.name.is_some()
            });
        }
        for i in &data.items {
            check("items", &self.items, &i.id, &|e| {
                e.title.is_some() && e.summary.is_some()
            });
        }
        for f in &data.figures {
            let period = f.period.is_some();
            check("figures", &self.figures, &f.id, &|e| {
                e.measure.is_some() && (!period || e.period.is_some())
            });
        }
        for m in &data.milestones {
            check("milestones", &self.milestones, &m.id, &|e| {
                e.label.is_some()
            });
        }
        for s in &data.series {
            check("series", &self.series, &s.id, &|e| e.title.is_some());
        }
        for s in &data.sites {
            check("sites", &self.sites, &s.id, &|e| {
                e.name.is_some() && e.short_name.is_some() && e.district.is_some()
            });
        }
        for o in &data.organisations {
            check("organisations", &self.organisations, &o.id, &|e| {
                e.name.is_some()
            });
        }
        out
    }

    /// The dataset with every translated name, title, summary, measure, period and label put in
    /// place of the English one. Quotes, paragraphs, numbers and dates stay as they are.
    pub fn localize(&self, english: &Dataset) -> Dataset {
        let mut d = english.clone();
        let put = |dst: &mut String, src: Option<&Text>| {
            if let Some(t) = src {
                dst.clone_from(&t.text);
            }
        };
        let doc = &self.document;
        put(&mut d.document.title, Some(&doc.title));
        put(&mut d.document.bureau, Some(&doc.bureau));
        put(&mut d.document.date_text, Some(&doc.date_text));
        for (office, zh) in d.document.offices.iter_mut().zip(&doc.offices) {
            put(office, Some(zh));
        }
        for a in &mut d.policy_areas {
            if let Some(t) = self.policy_areas.get(&a.id) {
                put(&mut a.name, t.name.as_ref());
            }
        }
        for i in &mut d.items {
            if let Some(t) = self.items.get(&i.id) {
                put(&mut i.title, t.title.as_ref());
                put(&mut i.summary, t.summary.as_ref());
            }
        }
        for f in &mut d.figures {
            if let Some(t) = self.figures.get(&f.id) {
                put(&mut f.measure, t.measure.as_ref());
                if let Some(p) = f.period.as_mut() {
                    put(p, t.period.as_ref());
                }
            }
        }
        for m in &mut d.milestones {
            if let Some(t) = self.milestones.get(&m.id) {
                put(&mut m.label, t.label.as_ref());
            }
        }
        for s in &mut d.series {
            if let Some(t) = self.series.get(&s.id) {
                put(&mut s.title, t.title.as_ref());
                for p in &mut s.points {
                    put(&mut p.label, t.points.get(&p.figure));
                }
            }
        }
        for s in &mut d.sites {
            if let Some(t) = self.sites.get(&s.id) {
                put(&mut s.name, t.name.as_ref());
                put(&mut s.short_name, t.short_name.as_ref());
                put(&mut s.district, t.district.as_ref());
            }
        }
        for o in &mut d.organisations {
            if let Some(t) = self.organisations.get(&o.id) {
                put(&mut o.name, t.name.as_ref());
                // An English abbreviation means nothing beside a Chinese name: only a Chinese
                // one in use is shown.
                o.abbreviation = t.abbreviation.as_ref().map(|a| a.text.clone());
            }
        }
        d
    }

    /// Every Chinese text that search should find an item by, besides its English texts: its
    /// title and summary, area, sites (with aliases), organisations, figures' measures and
    /// milestones' labels.
    pub fn search_texts<'a>(
        &'a self,
        item: &'a crate::model::Initiative,
        data: &'a Dataset,
    ) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::new();
        let mut add = |e: Option<&'a Entry>| {
            if let Some(e) = e {
                let texts = [&e.name, &e.abbreviation, &e.title, &e.summary, &e.label];
                let more = [&e.measure, &e.period, &e.short_name, &e.district];
                out.extend(
                    texts
                        .into_iter()
                        .chain(more)
                        .flatten()
                        .map(|t| t.text.as_str()),
                );
                out.extend(e.aliases.iter().map(String::as_str));
            }
        };
        add(self.items.get(&item.id));
        add(self.policy_areas.get(&item.area));
        for id in &item.sites {
            add(self.sites.get(id));
        }
        for id in &item.organisations {
            add(self.organisations.get(id));
        }
        for f in data.figures_of(&item.id) {
            add(self.figures.get(&f.id));
        }
        for m in data.milestones_of(&item.id) {
            add(self.milestones.get(&m.id));
        }
        out
    }

    /// A figure's Chinese measure and period, for search.
    pub fn figure_texts(&self, id: &str) -> Vec<&str> {
        self.figures
            .get(id)
            .map(|t| {
                [&t.measure, &t.period]
                    .into_iter()
                    .flatten()
                    .map(|p| p.text.as_str())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Simplified -> Traditional, one character for one, so that search finds both scripts with
/// both scripts (數碼港 and 数码港 find Cyberport). Folding never changes a text's length in
/// characters, so highlights map back to the original text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScriptFold {
    /// Sorted by the Simplified character.
    pairs: Vec<(char, char)>,
}

/// Characters of numbers and amounts, folded even before (or without) a translation file, so
/// "263亿" finds "263億".
const NUMBER_FOLD: &str = "亿億万萬约約元元";

impl ScriptFold {
    /// From the file's `script_fold` string (pairs of characters), with the number characters.
    pub fn new(pairs: &str) -> ScriptFold {
        let chars: Vec<char> = NUMBER_FOLD.chars().chain(pairs.chars()).collect();
        let mut pairs: Vec<(char, char)> = chars
            .chunks_exact(2)
            .filter(|p| p[0] != p[1])
            .map(|p| (p[0], p[1]))
            .collect();
        // By both characters, as a sort of the pairs would: exact, as each is below 2^21.
        const CHARS: f64 = 2_097_152.0;
        crate::order::sort_by_number(&mut pairs, |p| {
            f64::from(u32::from(p.0)) * CHARS + f64::from(u32::from(p.1))
        });
        pairs.dedup_by_key(|p| p.0);
        ScriptFold { pairs }
    }

    /// The first character that may change: CJK radicals and ideographs, and the number
    /// characters, start here.
    const FIRST: u32 = 0x2E80;
    /// The first byte of [`Self::FIRST`] in UTF-8 (three bytes: 1110xxxx for its top four
    /// bits): every character from it starts with this byte or a larger one, which no
    /// character below U+2000 does.
    const FIRST_LEAD: u8 = 0xE0 | (Self::FIRST >> 12) as u8;

    /// The Traditional form of `c` (itself when it has none).
    pub fn char(&self, c: char) -> char {
        if (c as u32) < Self::FIRST {
            return c;
        }
        match self.pairs.binary_search_by_key(&c, |p| p.0) {
            Ok(i) => self.pairs[i].1,
            Err(_) => c,
        }
    }

    /// `s` with every Simplified character replaced by its Traditional counterpart.
    pub fn apply(&self, s: &str) -> String {
        // Copied a run at a time between the characters that change: most text has none.
        // Bytes below `FIRST_LEAD` cannot start one, so the text is not decoded there.
        let mut out = String::with_capacity(s.len());
        let (mut copied, mut at) = (0, 0);
        while let Some(n) = s.as_bytes()[at..]
            .iter()
            .position(|&b| b >= Self::FIRST_LEAD)
        {
            let start = at + n;
            let Some(c) = s[start..].chars().next() else {
                break;
            };
            at = start + c.len_utf8();
            let t = self.char(c);
            if t != c {
                out.push_str(&s[copied..start]);
                out.push(t);
                copied = at;
            }
        }
        out.push_str(&s[copied..]);
        out
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// A small translation file for the bundled dataset, built from its ids: every entry
    /// present, texts made up (not a translation), so the loader and merge can be tested
    /// without zh-data's files.
    pub fn fixture(data: &Dataset, locale: Locale) -> String {
        let n = |text: String| serde_json::json!({ "text": text, "provenance": "translation" });
        let map = |ids: Vec<(&String, serde_json::Value)>| {
            serde_json::Value::Object(ids.into_iter().map(|(k, v)| (k.clone(), v)).collect())
        };
        serde_json::json!({
            "schema_version": 1,
            "locale": locale.as_str(),
            "dataset_version": data.document.dataset_version,
            "note": "標題及摘要為非官方譯文。",
            "document": {
                "title": n("2021年施政報告中的創新及科技".into()),
                "bureau": { "text": "創新及科技局", "provenance": "official", "source": "the bureau's Chinese name" },
                "offices": data.document.offices.iter().map(|o| n(format!("辦公室{}", o.len()))).collect::<Vec<_>>(),
                "date_text": n("2021年10月".into()),
            },
            "policy_areas": map(data.policy_areas.iter().map(|a| (&a.id, serde_json::json!({ "name": n(format!("範疇{}", a.id)) }))).collect()),
            "items": map(data.items.iter().map(|i| (&i.id, serde_json::json!({ "title": n(format!("項目{}", i.id)), "summary": n(format!("摘要{}", i.id)) }))).collect()),
            "figures": map(data.figures.iter().map(|f| (&f.id, serde_json::json!({
                "measure": n(format!("數字{}", f.id)),
                "period": f.period.as_ref().map(|_| n("期間".into())),
            }))).collect()),
            "milestones": map(data.milestones.iter().map(|m| (&m.id, serde_json::json!({ "label": n(format!("里程碑{}", m.id)) }))).collect()),
            "series": map(data.series.iter().map(|s| (&s.id, serde_json::json!({ "title": n(format!("統計{}", s.id)) }))).collect()),
            "sites": map(data.sites.iter().map(|s| (&s.id, serde_json::json!({
                "name": n(if s.id == "cyberport" { "數碼港".into() } else { format!("地點{}", s.id) }),
                "short_name": n(format!("地{}", s.id)),
                "district": n("南區".into()),
                "aliases": if s.id == "lmc-loop" { vec!["河套"] } else { vec![] },
            }))).collect()),
            "organisations": map(data.organisations.iter().map(|o| (&o.id, serde_json::json!({ "name": n(format!("機構{}", o.id)) }))).collect()),
            "script_fold": "数數码碼构構项項数數摘摘",
        })
        .to_string()
    }

    /// The bundled translation file of `locale` (public/data), read with the app's loader.
    pub fn bundled(data: &Dataset, locale: Locale) -> Translations {
        let path = format!(
            "{}/public/data/policy-2021.{}.json",
            env!("CARGO_MANIFEST_DIR"),
            locale.as_str()
        );
        let text = std::fs::read_to_string(&path).expect("bundled translation file");
        Translations::from_json(&text, locale, data).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn the_bundled_files_load_and_cover_the_dataset() {
        let d = data();
        for locale in [Locale::ZhHant, Locale::ZhHans] {
            let tr = bundled(&d, locale);
            assert_eq!(tr.missing(&d), Vec::<String>::new(), "{locale:?}");
            let zh = tr.localize(&d);
            assert_eq!(
                zh.site("cyberport").map(|s| s.name.as_str()),
                Some(match locale {
                    Locale::ZhHans => "数码港",
                    _ => "數碼港",
                })
            );
            // Every text the views show from the data is Chinese now, and the English
            // dataset it was merged over is untouched.
            assert!(zh
                .items
                .iter()
                .all(|i| i.title != d.item(&i.id).unwrap().title));
            assert_eq!(d, data());
        }
    }

    pub fn data() -> Dataset {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/data/policy-2021.json"
        ))
        .expect("bundled dataset");
        Dataset::from_json(&text).expect("valid dataset")
    }

    #[test]
    fn the_url_sits_next_to_the_dataset() {
        assert_eq!(
            url_for("https://x.hk/a/data/policy-2021.json", Locale::ZhHant),
            "https://x.hk/a/data/policy-2021.zh-hant.json"
        );
        assert_eq!(
            url_for("data/policy-2021.json?v=3", Locale::ZhHans),
            "data/policy-2021.zh-hans.json?v=3"
        );
        assert_eq!(
            url_for("https://x.hk/data/policy-2021.pack", Locale::ZhHant),
            "https://x.hk/data/policy-2021.zh-hant.json"
        );
    }

    #[test]
    fn a_complete_file_merges_over_the_english_dataset() {
        let d = data();
        let tr = Translations::from_json(&fixture(&d, Locale::ZhHant), Locale::ZhHant, &d)
            .expect("valid file");
        assert!(tr.missing(&d).is_empty());
        let zh = tr.localize(&d);
        assert_eq!(zh.document.bureau, "創新及科技局");
        assert_eq!(zh.items[0].title, format!("項目{}", d.items[0].id));
        assert_eq!(
            zh.site("cyberport").map(|s| s.name.as_str()),
            Some("數碼港")
        );
        // Quotes, numbers and dates are the English dataset's.
        assert_eq!(zh.items[0].source, d.items[0].source);
        assert_eq!(zh.figures[0].value, d.figures[0].value);
        assert_eq!(zh.milestones[0].date, d.milestones[0].date);
        assert_eq!(zh.paragraphs, d.paragraphs);
    }

    #[test]
    fn a_file_for_another_language_or_dataset_is_refused_clearly() {
        let d = data();
        let text = fixture(&d, Locale::ZhHans);
        let err = Translations::from_json(&text, Locale::ZhHant, &d).unwrap_err();
        assert!(matches!(err, TranslationError::WrongLocale { .. }));
        assert!(err.to_string().contains("zh-hans"), "{err}");
        let old = text.replace(
            &format!("\"dataset_version\":\"{}\"", d.document.dataset_version),
            "\"dataset_version\":\"0.0.1\"",
        );
        let err = Translations::from_json(&old, Locale::ZhHans, &d).unwrap_err();
        assert!(err.to_string().contains("0.0.1"), "{err}");
        let err = Translations::from_json("{\"schema_version\": 9}", Locale::ZhHans, &d);
        assert_eq!(err, Err(TranslationError::UnsupportedVersion { found: 9 }));
        assert!(matches!(
            Translations::from_json("not json", Locale::ZhHans, &d),
            Err(TranslationError::Malformed(_))
        ));
    }

    #[test]
    fn missing_entries_are_listed() {
        let d = data();
        let mut tr =
            Translations::from_json(&fixture(&d, Locale::ZhHant), Locale::ZhHant, &d).unwrap();
        tr.items.remove(&d.items[1].id);
        assert_eq!(tr.missing(&d), vec![format!("items/{}", d.items[1].id)]);
        // The untranslated item keeps its English title rather than going blank.
        assert_eq!(tr.localize(&d).items[1].title, d.items[1].title);
    }

    #[test]
    fn the_first_lead_byte_is_that_of_the_first_character() {
        let mut buf = [0; 4];
        let first = char::from_u32(ScriptFold::FIRST)
            .unwrap()
            .encode_utf8(&mut buf);
        assert_eq!(first.as_bytes()[0], ScriptFold::FIRST_LEAD);
        assert_eq!('\u{1FFF}'.encode_utf8(&mut buf).as_bytes()[0], 0xE1);
    }

    proptest::proptest! {
        /// `apply` copies the text between the characters that change: it gives what mapping
        /// each character gives.
        #[test]
        fn apply_maps_each_character(s in "[a-z 0-9数數码碼发發髮港元,。]{0,30}") {
            let f = ScriptFold::new("数數码碼发發");
            proptest::prop_assert_eq!(f.apply(&s), s.chars().map(|c| f.char(c)).collect::<String>());
        }
    }

    #[test]
    fn script_fold_maps_simplified_to_traditional_one_for_one() {
        let f = ScriptFold::new("数數码碼");
        assert_eq!(f.apply("数码港 Cyberport"), "數碼港 Cyberport");
        assert_eq!(f.apply("263亿"), "263億");
        assert_eq!(f.apply("數碼港"), "數碼港");
        // A character with two Traditional forms folds to the lower one, wherever it is listed.
        assert_eq!(ScriptFold::new("发髮发發").apply("发"), "發");
        assert_eq!(ScriptFold::new("发發发髮").apply("发"), "發");
    }
}
