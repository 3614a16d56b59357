//! The editions as the app shows them: the single-file offline edition says so (with the app's
//! version and the data's date, since a copy lives on without updates) and reads its dataset from
//! the page; the hosted page's footer offers the offline archive. The page declares which on the
//! mount element (see `crate::edition`).

use std::sync::Arc;

use leptos::prelude::*;

use super::use_ctx;
use crate::edition::{file_size, OfflineDownload, APP_VERSION};
use crate::i18n::Key;
use crate::model::Dataset;

/// What the mount element declares. Provided as context by `App`.
#[derive(Clone, Debug, Default)]
pub struct Edition {
    /// `data-edition="offline"`: the single-file edition.
    pub offline: bool,
    /// `data-dataset-inline`: the id of a `<script type="application/json">` element outside the
    /// mount element that holds the dataset, read instead of fetching it.
    pub inline_dataset: Option<String>,
    /// `data-offline-download` and `data-offline-bytes`: the archive the footer offers.
    pub download: Option<OfflineDownload>,
}

impl Edition {
    pub fn read(root: &web_sys::Element) -> Edition {
        Edition {
            offline: root.get_attribute("data-edition").as_deref() == Some("offline"),
            inline_dataset: root.get_attribute("data-dataset-inline"),
            download: OfflineDownload::from_attributes(
                root.get_attribute("data-offline-download").as_deref(),
                root.get_attribute("data-offline-bytes").as_deref(),
            ),
        }
    }
}

/// The text of the inline dataset element, if the page has it.
pub fn inline_text(id: &str) -> Option<String> {
    document().get_element_by_id(id)?.text_content()
}

/// "Offline edition · app version 0.1.0 · Data as of 2021-10-06 · dataset version 1.0.0", under
/// the masthead of the single-file edition only.
#[component]
pub fn EditionNote(data: Signal<Option<Arc<Dataset>>>) -> impl IntoView {
    let ctx = use_ctx();
    let edition = expect_context::<Edition>();
    edition.offline.then(|| {
        view! {
            <p class="itpe-edition-note" data-edition="offline">
                <strong>{ctx.text(Key::OfflineEdition)}</strong>
                " · " {ctx.text(Key::AppVersion)} " " {APP_VERSION}
                {move || {
                    data.get()
                        .map(|d| {
                            let d = &d.document;
                            view! {
                                " · " {ctx.t(Key::AsOf)} " "
                                <time datetime=d.as_of.clone()>{d.as_of.clone()}</time>
                                " · " {ctx.t(Key::DatasetVersion)} " " {d.dataset_version.clone()}
                            }
                        })
                }}
            </p>
        }
    })
}

/// "Download for offline use (zip, 1.3 MB)" in the hosted page's footer.
#[component]
pub fn DownloadLink() -> impl IntoView {
    let ctx = use_ctx();
    let edition = expect_context::<Edition>();
    edition.download.map(|d| {
        let size = file_size(d.bytes);
        view! {
            <p class="itpe-offline-download">
                <a href=d.href download>{ctx.text(Key::DownloadOffline)}</a>
                {move || {
                    let locale = ctx.locale();
                    crate::i18n::bracketed(locale, &format!("zip{}{size}", crate::i18n::comma(locale)))
                }}
            </p>
        }
    })
}
