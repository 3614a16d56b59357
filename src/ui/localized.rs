//! The dataset in the reader's language: the English dataset, and in Chinese its translation
//! file merged over it. (Not to be confused with `ui::offline::Localized`, which is the hosted or
//! the single-file edition of the app.) The file is fetched only for a Chinese interface (English pays nothing), once per
//! language; until it arrives, or if it cannot be used, the app shows English and says so.

use std::sync::Arc;

use leptos::prelude::*;

use super::use_ctx;
use crate::i18n::{labelled, t, Key, Locale};
use crate::model::Dataset;
use crate::zh::{url_for, Translations};

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
        let data = match &zh {
            Some((tr, _)) => Arc::new(tr.localize(&english)),
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
}

type Fetched = Option<Result<Arc<Translations>, (Locale, String)>>;

/// The translation file for `locale`: from the page itself when the dataset is inline (the
/// single-file edition holds each language's file in an element named `{inline}-{locale}`, since
/// it can fetch nothing), else fetched.
async fn translations(
    url: String,
    inline: Option<String>,
    locale: Locale,
    data: Arc<Dataset>,
) -> Result<Translations, String> {
    let Some(id) = inline else {
        return fetch(url, locale, data).await;
    };
    let id = format!("{id}-{}", locale.as_str());
    let text =
        super::offline::inline_text(&id).ok_or_else(|| format!("#{id}: not in this copy"))?;
    Translations::from_json(&text, locale, &data).map_err(|e| format!("#{id}: {e}"))
}

async fn fetch(url: String, locale: Locale, data: Arc<Dataset>) -> Result<Translations, String> {
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = response.text().await.map_err(|e| format!("{url}: {e}"))?;
    Translations::from_json(&text, locale, &data).map_err(|e| format!("{url}: {e}"))
}

/// The current dataset in the reader's language (none until the English dataset has loaded) and the Chinese texts'
/// status, with a retry for a failed fetch.
pub fn use_localized(
    english: Signal<Option<Arc<Dataset>>>,
    dataset_url: String,
    inline: Option<String>,
) -> (Memo<Option<Localized>>, Memo<ZhStatus>, Callback<()>) {
    let ctx = use_ctx();
    let cache: StoredValue<Vec<Arc<Translations>>> = StoredValue::new(Vec::new());
    let fetched: LocalResource<Fetched> = LocalResource::new(move || {
        let locale = ctx.locale();
        let data = english.get();
        let url = url_for(&dataset_url, locale);
        let inline = inline.clone();
        async move {
            let data = data.filter(|_| locale != Locale::En)?;
            let hit = cache
                .try_with_value(|c| c.iter().find(|t| t.locale == locale.as_str()).cloned())
                .flatten();
            if let Some(hit) = hit {
                return Some(Ok(hit));
            }
            let result = translations(url, inline, locale, data).await.map(Arc::new);
            if let Ok(tr) = &result {
                cache.try_update_value(|c| c.push(tr.clone()));
            }
            Some(result.map_err(|e| (locale, e)))
        }
    });
    // The file for the current language, if it has arrived (the resource keeps the previous
    // language's value while the next one loads).
    let current = move || -> Option<Result<Arc<Translations>, String>> {
        let locale = ctx.locale();
        match fetched.get().flatten()? {
            Ok(tr) if tr.locale == locale.as_str() => Some(Ok(tr)),
            Err((l, e)) if l == locale => Some(Err(e)),
            _ => None,
        }
    };
    let localized = Memo::new(move |_| {
        let english = english.get()?;
        let zh = match current() {
            Some(Ok(tr)) => Some((tr, ctx.locale())),
            _ => None,
        };
        Some(Localized::new(english, zh))
    });
    let status = Memo::new(move |_| {
        if ctx.locale() == Locale::En {
            return ZhStatus::NotNeeded;
        }
        match current() {
            None => ZhStatus::Loading,
            Some(Ok(tr)) => ZhStatus::Ready {
                missing: english.with(|d| d.as_ref().map_or(0, |d| tr.missing(d).len())),
            },
            Some(Err(e)) => ZhStatus::Failed(e),
        }
    });
    let retry = Callback::new(move |()| {
        fetched.refetch();
    });
    (localized, status, retry)
}

/// Says once, in Chinese, that titles and summaries are this project's unofficial translations
/// (the file's `note` says more, that official names are marked, which the page does not
/// show); while the Chinese texts load or if they fail, says that English
/// is shown, and why.
#[component]
pub fn TranslationNote(status: Memo<ZhStatus>, retry: Callback<()>) -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let locale = ctx.locale();
        match status.get() {
            ZhStatus::NotNeeded => None,
            ZhStatus::Loading => Some(
                view! { <p class="itpe-translation-note" role="status">{t(locale, Key::TranslationLoading)}</p> }
                    .into_any(),
            ),
            ZhStatus::Ready { missing } => {
                let note = t(locale, Key::UnofficialTranslation);
                let incomplete = (missing > 0).then(|| {
                    format!(" {}", labelled(locale, t(locale, Key::TranslationIncomplete), &missing.to_string()))
                });
                Some(view! { <p class="itpe-translation-note">{note} {incomplete}</p> }.into_any())
            }
            ZhStatus::Failed(why) => Some(
                view! {
                    <div class="itpe-notice itpe-translation-failed" role="alert">
                        <p>{labelled(locale, t(locale, Key::TranslationFailed), "")}</p>
                        <p><code lang="en">{why}</code></p>
                        <button type="button" class="itpe-button-secondary" on:click=move |_| retry.run(())>
                            {t(locale, Key::Retry)}
                        </button>
                    </div>
                }
                .into_any(),
            ),
        }
    }
}
