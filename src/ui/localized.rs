//! The dataset in the reader's language: the English dataset, and in Chinese its translation
//! file merged over it. (Not to be confused with `ui::offline::Localized`, which is the hosted or
//! the single-file edition of the app.) The file is fetched only for a Chinese interface (English pays nothing), once per
//! language; until it arrives, or if it cannot be used, the app shows English and says so.
//! The Chinese edition's code (`crate::zh_code`: the interface's Chinese texts, the file's
//! reader) comes first, from its own chunk; until it is there the interface is English.

use std::sync::Arc;

use leptos::prelude::*;

use super::hooks::Rerun;
use super::{dom, use_ctx, Ctx};
use crate::i18n::{labelled, t, Key, Locale};
use crate::model::Dataset;
use crate::zh::{url_for, Translations};
use crate::zh_code::{installed, ZhCode};
use web_sys::Element;

/// What the views show: the English dataset, or its Chinese version.
#[derive(Clone, Debug)]
pub struct Localized {
    /// The dataset as published (English): quotes, search in English, the English title.
    pub english: Arc<Dataset>,
    /// The dataset the views show: `english` with the Chinese texts in place, when loaded.
    pub data: Arc<Dataset>,
    pub zh: Option<(Arc<Translations>, Locale)>,
}

impl Localized {
    fn new(english: Arc<Dataset>, zh: Option<(Arc<Translations>, Locale)>) -> Localized {
        // A file has been read, so the code that merges it is there.
        let merged = zh.as_ref().zip(installed());
        let data = match merged {
            Some(((tr, _), code)) => Arc::new((code.localize)(tr, &english)),
            None => english.clone(),
        };
        Localized { english, data, zh }
    }
    /// The language of the names, titles and summaries the views show.
    pub fn text_locale(&self) -> Locale {
        self.zh.as_ref().map_or(Locale::En, |(_, l)| *l)
    }
}

/// Two are the same when they merge the same files (the merge is deterministic).
impl PartialEq for Localized {
    fn eq(&self, other: &Localized) -> bool {
        Arc::ptr_eq(&self.english, &other.english)
            && match (&self.zh, &other.zh) {
                (None, None) => true,
                (Some((a, la)), Some((b, lb))) => Arc::ptr_eq(a, b) && la == lb,
                _ => false,
            }
    }
}

/// Where the Chinese texts stand, for the notice above the views.
#[derive(Clone, Debug, PartialEq)]
pub enum ZhStatus {
    /// English interface: nothing to load.
    NotNeeded,
    Loading,
    /// Loaded; `missing` entries are not translated and show in English.
    Ready {
        missing: usize,
    },
    /// The file could not be used: its URL and what is wrong.
    Failed(String),
    /// The Chinese edition's code could not be loaded: the interface stays English.
    CodeMissing,
}

/// Why the Chinese edition cannot be shown.
#[derive(Clone, Debug)]
enum Failure {
    /// Its code (`split::load_chinese`).
    Code,
    /// The translation file: its URL and what is wrong.
    File(String),
}

/// The translation file for `locale`: from the page itself when the dataset is inline (the
/// single-file edition holds each language's file in an element named `{inline}-{locale}`, since
/// it can fetch nothing), else fetched.
async fn translations(
    code: &ZhCode,
    url: String,
    inline: Option<String>,
    locale: Locale,
    data: Arc<Dataset>,
) -> Result<Translations, String> {
    let (text, name) = match inline {
        None => (fetch(&url).await?, url),
        Some(id) => {
            let id = format!("{id}-{}", locale.as_str());
            let text = super::offline::inline_text(&id)
                .ok_or_else(|| format!("#{id}: not in this copy"))?;
            (text, format!("#{id}"))
        }
    };
    (code.read)(&text, locale, &data).map_err(|e| format!("{name}: {e}"))
}

/// The file's text, fetched as the dataset is (`app::fetch_text`).
async fn fetch(url: &str) -> Result<String, String> {
    use super::app::Problem;
    super::app::fetch_text(url, None)
        .await
        .map_err(|p| match p {
            Problem::Http(status) => format!("{url}: HTTP {status}"),
            Problem::Network(why) => format!("{url}: {why}"),
            // A fetch fails in the two ways above only.
            Problem::Invalid(_) | Problem::PartMissing => url.to_string(),
        })
}

/// The current dataset in the reader's language (none until the English dataset has loaded) and the Chinese texts'
/// status, with a retry for a failed fetch.
pub fn use_localized(
    english: Signal<Option<Arc<Dataset>>>,
    dataset_url: String,
    inline: Option<String>,
) -> (Memo<Option<Localized>>, Memo<ZhStatus>, Rerun) {
    let ctx = use_ctx();
    let cache: StoredValue<Vec<Arc<Translations>>> = StoredValue::new(Vec::new());
    let (fetched, retry) = super::hooks::use_task(None, move || {
        let locale = ctx.asked_locale();
        let data = english.get();
        let url = url_for(&dataset_url, locale);
        let inline = inline.clone();
        async move {
            if locale == Locale::En {
                return None;
            }
            // The code first (at a Chinese start it is there already): the interface turns
            // Chinese as soon as it is, whatever becomes of the file.
            let loaded = super::split::load_chinese().await;
            let Some(code) = installed().filter(|_| loaded.is_ok()) else {
                return Some(Err((locale, Failure::Code)));
            };
            ctx.chinese_code_loaded();
            let data = data?;
            let hit = cache
                .try_with_value(|c| c.iter().find(|t| t.locale == locale.as_str()).cloned())
                .flatten();
            if let Some(hit) = hit {
                return Some(Ok(hit));
            }
            let result = translations(code, url, inline, locale, data)
                .await
                .map(Arc::new);
            if let Ok(tr) = &result {
                cache.try_update_value(|c| c.push(tr.clone()));
            }
            Some(result.map_err(|e| (locale, Failure::File(e))))
        }
    });
    // The file for the current language, if it has arrived (the resource keeps the previous
    // language's value while the next one loads).
    let current = move || -> Option<Result<Arc<Translations>, Failure>> {
        let locale = ctx.asked_locale();
        match fetched.get().flatten()? {
            Ok(tr) if tr.locale == locale.as_str() => Some(Ok(tr)),
            Err((l, e)) if l == locale => Some(Err(e)),
            _ => None,
        }
    };
    let localized = Memo::new(move |_| {
        let english = english.get()?;
        let zh = match current() {
            Some(Ok(tr)) => Some((tr, ctx.asked_locale())),
            _ => None,
        };
        Some(Localized::new(english, zh))
    });
    let status = Memo::new(move |_| {
        if ctx.asked_locale() == Locale::En {
            return ZhStatus::NotNeeded;
        }
        match current() {
            None => ZhStatus::Loading,
            Some(Ok(tr)) => ZhStatus::Ready {
                missing: english.with(|d| {
                    d.as_ref()
                        .zip(installed())
                        .map_or(0, |(d, code)| (code.missing)(&tr, d))
                }),
            },
            Some(Err(Failure::File(e))) => ZhStatus::Failed(e),
            Some(Err(Failure::Code)) => ZhStatus::CodeMissing,
        }
    });
    (localized, status, retry)
}

/// Says once, in Chinese, that titles and summaries are this project's unofficial translations
/// (the file's `note` says more, that official names are marked, which the page does not
/// show); while the Chinese texts load or if they fail, says that English
/// is shown, and why.
pub fn translation_note(ctx: Ctx, parent: &Element, status: Memo<ZhStatus>, retry: Rerun) {
    dom::slot(parent, move || {
        let locale = ctx.locale();
        let note =
            |attrs: &[(&str, &str)], text: String| Some(dom::element("p", attrs, Some(&text)));
        // What failed, the file's reason if any (as the browser or the reader wrote it, in
        // English), and a retry.
        let failed = |attrs: &[(&str, &str)], what: &str, why: Option<&str>| {
            let div = dom::element("div", attrs, None);
            dom::add(&div, "p", &[], Some(what));
            if let Some(why) = why {
                let p = dom::add(&div, "p", &[], None);
                dom::add(&p, "code", &[("lang", "en")], Some(why));
            }
            let attrs = [("type", "button"), ("class", "itpe-button-secondary")];
            let button = dom::add(&div, "button", &attrs, Some(t(locale, Key::Retry)));
            dom::on(&button, "click", move |_| retry.run());
            Some(div)
        };
        const FAILED: &str = "itpe-notice itpe-translation-failed";
        match status.get() {
            ZhStatus::NotNeeded => None,
            ZhStatus::Loading => note(
                &[("class", "itpe-translation-note"), ("role", "status")],
                t(locale, Key::TranslationLoading).to_string(),
            ),
            ZhStatus::Ready { missing } => {
                let mut text = t(locale, Key::UnofficialTranslation).to_string();
                if missing > 0 {
                    let label = t(locale, Key::TranslationIncomplete);
                    text = format!("{text} {}", labelled(locale, label, &missing.to_string()));
                }
                note(&[("class", "itpe-translation-note")], text)
            }
            ZhStatus::CodeMissing => failed(
                &[
                    ("class", FAILED),
                    ("role", "alert"),
                    ("data-chunk-failed", "zh"),
                ],
                t(locale, Key::ChineseCodeFailed),
                None,
            ),
            ZhStatus::Failed(why) => failed(
                &[("class", FAILED), ("role", "alert")],
                &labelled(locale, t(locale, Key::TranslationFailed), ""),
                Some(&why),
            ),
        }
    });
}
