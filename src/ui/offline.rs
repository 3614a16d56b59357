//! The editions as the app shows them: the single-file offline edition says so (with the app's
//! version and the data's date, since a copy lives on without updates) and reads its dataset from
//! the page; the hosted page's footer offers the offline archive. The page declares which on the
//! mount element (see `crate::edition`).

use std::sync::Arc;

use leptos::prelude::*;

use super::{dom, Ctx};
use crate::edition::{file_size, OfflineDownload, APP_VERSION};
use crate::i18n::Key;
use crate::model::Dataset;
use web_sys::Element;

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
pub fn edition_note(ctx: Ctx, parent: &Element, data: Signal<Option<Arc<Dataset>>>) {
    if !expect_context::<Edition>().offline {
        return;
    }
    let p = dom::add(
        parent,
        "p",
        &[("class", "itpe-edition-note"), ("data-edition", "offline")],
        None,
    );
    ctx.add_text(&dom::add(&p, "strong", &[], None), Key::OfflineEdition);
    dom::text(&p, " · ");
    ctx.add_text(&p, Key::AppVersion);
    dom::text(&p, &format!(" {APP_VERSION}"));
    dom::slot(&p, move || {
        let d = data.get()?;
        let d = &d.document;
        let span = dom::element("span", &[], None);
        dom::text(&span, &format!(" · {} ", ctx.t(Key::AsOf)));
        dom::add(&span, "time", &[("datetime", &d.as_of)], Some(&d.as_of));
        dom::text(
            &span,
            &format!(" · {} {}", ctx.t(Key::DatasetVersion), d.dataset_version),
        );
        Some(span)
    });
}

/// "Download for offline use (zip, 1.3 MB)" in the hosted page's footer.
pub fn download_link(ctx: Ctx) -> Option<Element> {
    let d = expect_context::<Edition>().download?;
    let size = file_size(d.bytes);
    let p = dom::element("p", &[("class", "itpe-offline-download")], None);
    ctx.add_text(
        &dom::add(&p, "a", &[("href", &d.href), ("download", "")], None),
        Key::DownloadOffline,
    );
    dom::bound_text(&p, move || {
        let locale = ctx.locale();
        crate::i18n::bracketed(locale, &format!("zip{}{size}", crate::i18n::comma(locale)))
    });
    Some(p)
}
