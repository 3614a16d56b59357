//! The Chinese edition's code, reached through one table of functions ([`ZhCode`]), so that an
//! English reader never downloads it. The interface text's Chinese columns, the Chinese number
//! and date formatting, and the translation file's reader, merge and search texts are called
//! only through this table.
//!
//! Natively the table is a plain constant ([`ZhCode::FULL`]), so every module keeps its tests.
//! In the wasm the constant is named only by a split point (`ui::split::chinese_code`): the
//! build moves the table and every function that only it reaches into a chunk, which a Chinese
//! reader's first load fetches (and a switch to Chinese at run time), and which then
//! [`install`]s it here. Until then [`for_locale`] says there is none, and callers write
//! English; the interface shows English until the chunk is there (`ui::Ctx::locale`).

use crate::filter::ChineseSearch;
use crate::i18n::{Key, Locale};
use crate::model::{Dataset, Figure, PaperDate, Qualifier, Unit};
use crate::zh::Translations;

/// The Chinese edition's functions. Those that write take the Chinese locale they write in
/// (Traditional or Simplified).
pub struct ZhCode {
    /// `i18n::t` in Chinese.
    pub text: fn(Locale, Key) -> &'static str,
    /// `i18n::paragraph_label` in Chinese ("第8段").
    pub paragraph_label: fn(Locale, &str) -> String,
    /// `i18n::results_count` in Chinese ("94個項目中的18個").
    pub results_count: fn(Locale, usize, usize) -> String,
    /// `i18n::show_all` in Chinese.
    pub show_all: fn(Locale, usize) -> String,
    /// `i18n::more_not_listed` in Chinese.
    pub more_not_listed: fn(Locale, usize) -> String,
    /// `format::value_with_unit_in` in Chinese ("195億港元").
    pub value_with_unit: fn(Locale, f64, Unit) -> String,
    /// `format::compact_in` in Chinese ("710萬").
    pub compact: fn(Locale, f64) -> String,
    /// `format::qualifier_in` in Chinese ("約").
    pub qualifier: fn(Locale, Option<Qualifier>) -> &'static str,
    /// `format::figure_in` in Chinese ("約263億港元").
    pub figure: fn(Locale, &Figure) -> String,
    /// `format::date_in` in Chinese ("2022年年中").
    pub date: fn(Locale, &PaperDate) -> String,
    /// A translation file's text read and checked against the dataset
    /// (`Translations::from_json`), or what is wrong with it.
    pub read: fn(&str, Locale, &Dataset) -> Result<Translations, String>,
    /// The dataset with the Chinese texts in place (`Translations::localize`).
    pub localize: fn(&Translations, &Dataset) -> Dataset,
    /// How many records the file leaves untranslated (`Translations::missing`).
    pub missing: fn(&Translations, &Dataset) -> usize,
    /// What search adds in a Chinese edition (`filter::chinese_search`).
    pub search: fn(&Translations, Locale, &Dataset) -> ChineseSearch,
}

impl ZhCode {
    /// The table: natively what [`for_locale`] returns, in the wasm only in the chunk.
    pub const FULL: ZhCode = ZhCode {
        text: crate::i18n::chinese,
        paragraph_label: crate::i18n::zh_paragraph_label,
        results_count: crate::i18n::zh_results_count,
        show_all: crate::i18n::zh_show_all,
        more_not_listed: crate::i18n::zh_more_not_listed,
        value_with_unit: crate::format::zh_value_with_unit,
        compact: crate::format::zh_compact,
        qualifier: crate::format::zh_qualifier,
        figure: crate::format::zh_figure,
        date: crate::format::zh_date,
        read: |text, locale, data| {
            Translations::from_json(text, locale, data).map_err(|e| e.to_string())
        },
        localize: Translations::localize,
        missing: |tr, data| tr.missing(data).len(),
        search: crate::filter::chinese_search,
    };
}

/// The Chinese edition's code once its chunk has loaded (always, natively).
pub fn installed() -> Option<&'static ZhCode> {
    #[cfg(target_arch = "wasm32")]
    return INSTALLED.get().copied();
    #[cfg(not(target_arch = "wasm32"))]
    return Some(&ZhCode::FULL);
}

/// The Chinese edition's code for `locale`: none in English, or while the code has not loaded.
pub fn for_locale(locale: Locale) -> Option<&'static ZhCode> {
    if locale == Locale::En {
        None
    } else {
        installed()
    }
}

#[cfg(target_arch = "wasm32")]
static INSTALLED: std::sync::OnceLock<&'static ZhCode> = std::sync::OnceLock::new();

/// Keeps the table the chunk returned (`ui::split`); later calls change nothing.
#[cfg(target_arch = "wasm32")]
pub fn install(code: &'static ZhCode) {
    let _ = INSTALLED.set(code);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_never_reaches_the_table_and_chinese_always_does_natively() {
        assert!(for_locale(Locale::En).is_none());
        for zh in [Locale::ZhHant, Locale::ZhHans] {
            let code = for_locale(zh).expect("natively the table is always there");
            assert_eq!(
                (code.text)(zh, Key::ViewMap),
                crate::i18n::t(zh, Key::ViewMap)
            );
        }
        assert_eq!(crate::i18n::t(Locale::ZhHans, Key::ViewMap), "地图");
        assert_eq!(crate::i18n::t(Locale::En, Key::ViewMap), "Map");
    }
}
