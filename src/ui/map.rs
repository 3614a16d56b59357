//! The Map view (being built; see the issue tracker).

use leptos::prelude::*;

use super::use_ctx;
use crate::i18n::Key;

#[component]
pub fn MapView() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title">{move || ctx.t(Key::ViewMap)}</h2>
            <p>{move || ctx.t(Key::UpcomingMap)}</p>
        </section>
    }
}
