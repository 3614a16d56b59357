//! Small controls shared by the views.

use leptos::prelude::*;

use super::use_ctx;
use crate::i18n::Key;

/// One option of a one-of choice, as a button that is pressed (`aria-pressed`) when chosen: the
/// timeline's presentation, the money chart's amounts. Callers add their `data-*` attribute
/// after `{..}`.
#[component]
pub fn ChoiceButton(
    #[prop(into)] chosen: Signal<bool>,
    on_choose: Callback<()>,
    label: Key,
) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <button
            type="button"
            class="itpe-button-secondary itpe-choice"
            aria-pressed=move || if chosen.get() { "true" } else { "false" }
            on:click=move |_| on_choose.run(())
        >
            {ctx.text(label)}
        </button>
    }
}
