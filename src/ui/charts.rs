//! The Charts view: the charts of `crate::charts` as figures with a caption, a source link, a
//! data table and downloads. Everything drawn is built by the pure module; this file wires
//! signals, inserts the SVG string that module built (its text XML-escaped), and saves files.
//!
//! Kept lean for the wasm size: the interface text is fixed per render (the figures are rebuilt
//! when the language changes), and one delegated click handler serves every source link.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::controls::ChoiceButton;
use super::{url, use_ctx, use_loaded, Ctx};
use crate::charts::{self, Chart, ChartId};
use crate::format;
use crate::i18n::{bracketed, colon, list_separator, quote_marks, t, Key, Locale};
use crate::view_state::{MoneyView, View};

#[component]
pub fn ChartsView() -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    // The drawing width follows the container, in steps of 8 px: small resizes do not redraw.
    let host = NodeRef::<leptos::html::Div>::new();
    let width = super::hooks::use_element_width(host, 8);

    // Source links are plain links with real hrefs; a plain click opens the paragraph in place.
    let follow = move |e: ev::MouseEvent| {
        if super::hooks::is_modified_click(&e) {
            return;
        }
        let link = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[data-para]").ok().flatten());
        if let Some(para) = link.and_then(|a| a.get_attribute("data-para")) {
            e.prevent_default();
            ctx.update(move |s| {
                s.view = View::Source;
                s.para = Some(para);
            });
        }
    };
    let total = loaded.data.items.len();
    let body = move || {
        let locale = ctx.locale();
        let filtered = ctx.with(|s| s.is_filtered()).then(|| {
            let n = loaded.selection.with(|s| s.len());
            view! {
                <p class="itpe-charts-filtered" role="status">
                    {t(locale, Key::ChartsFiltered)} {bracketed(locale, &format!("{n} / {total}"))} " "
                    <button type="button" class="itpe-button-secondary" on:click=move |_| ctx.update(|s| *s = s.cleared())>
                        {t(locale, Key::ChartsShowAll)}
                    </button>
                </p>
            }
        });
        let figures = ChartId::ALL
            .into_iter()
            .map(|id| chart_figure(ctx, id, locale, width))
            .collect_view();
        view! {
            {ctx.heading_el(1).id(ctx.id("view-title")).child(t(locale, Key::ViewCharts))}
            <p class="itpe-charts-intro">{t(locale, Key::ChartsIntro)}</p>
            {filtered}
            {figures}
        }
    };
    view! {
        <section class="itpe-view itpe-charts-view" aria-labelledby=ctx.id("view-title") on:click=follow>
            <div class="itpe-charts" node_ref=host>{body}</div>
        </section>
    }
}

/// A link to a paragraph of the Source view (followed in place by the view's click handler).
fn source_link(ctx: Ctx, para: &str, label: String) -> impl IntoView {
    let mut s = ctx.state().get_untracked();
    s.view = View::Source;
    s.para = Some(para.to_string());
    view! { <a href=url::href(ctx.instance, &s) data-para=para.to_string()>{label}</a> }
}

fn chart_figure(ctx: Ctx, id: ChartId, locale: Locale, width: ReadSignal<f64>) -> impl IntoView {
    let loaded = use_loaded();
    let (data, english, names) = (
        loaded.data.clone(),
        loaded.english.clone(),
        loaded.text_locale,
    );
    let chart: Memo<Chart> = Memo::new(move |_| {
        let money = ctx.with(|s| s.money);
        loaded.selection.with(|sel| {
            let selected = |item: &str| sel.iter().any(|&i| data.items[i].id == item);
            charts::build_in(id, (&data, &english, names), &selected, money)
        })
    });
    let svg = move || {
        let w = width.get() as u32;
        (w > 0).then(|| chart.with(|c| charts::render(c, w, locale, false).markup))
    };
    let key = id.as_str();
    let title_id = ctx.id(&format!("chart-{key}-title"));
    let desc_id = ctx.id(&format!("chart-{key}-desc"));
    let table_id = ctx.id(&format!("chart-{key}-table"));
    let show_table = RwSignal::new(false);
    // Paper has no "Show data table" button: printed charts carry their tables.
    let printing = super::print::printing();
    let table_title = title_id.clone();

    let file = move |ext: &str| match chart.with_untracked(|c| (c.id, c.money)) {
        (ChartId::Money, m) => format!("itpe-chart-money-{}.{ext}", m.as_str()),
        (other, _) => format!("itpe-chart-{}.{ext}", other.as_str()),
    };
    let export = move || {
        let w = (width.get_untracked() as u32).max(640);
        chart.with_untracked(|c| charts::render(c, w, locale, true))
    };
    let download = move |e: ev::MouseEvent| {
        let kind = e
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.get_attribute("data-download"))
            .unwrap_or_default();
        match kind.as_str() {
            "svg" => save_text(&file("svg"), "image/svg+xml", &export().markup),
            "png" => save_png(file("png"), &export()),
            _ => save_text(&file("csv"), "text/csv", &chart.with_untracked(charts::csv)),
        }
    };

    let money_toggle = (id == ChartId::Money).then(|| {
        let current = ctx.slice(|s| s.money);
        let option = move |m: MoneyView, k: Key| {
            view! {
                <ChoiceButton
                    chosen=Signal::derive(move || current.get() == m)
                    on_choose=Callback::new(move |_| ctx.update(|s| s.money = m))
                    label={k}
                    {..}
                    data-money=m.as_str()
                />
            }
        };
        view! {
            <div class="itpe-chart-toggle" role="group" aria-label=t(locale, Key::ChartMoneyKind)>
                <span class="itpe-chart-toggle-label" aria-hidden="true">{t(locale, Key::ChartMoneyKind)} {colon(locale)}</span>
                {option(MoneyView::Committed, Key::ChartMoneyCommitted)}
                {option(MoneyView::Disbursed, Key::ChartMoneyDisbursed)}
            </div>
        }
    });

    // Caption text, notes and sources change with the chart (the money toggle, the filters).
    let details = move || {
        chart.with(|c| {
            let sources = c
                .sources
                .iter()
                .enumerate()
                .map(|(i, s)| view! { {(i > 0).then_some(list_separator(locale))} {source_link(ctx, &s.paragraph, s.label_in(locale))} })
                .collect_view();
            let notes = c
                .notes
                .iter()
                .map(|n| {
                    view! {
                        <blockquote class="itpe-chart-note">
                            <p class="itpe-chart-note-label">{t(locale, Key::ChartNote)}</p>
                            <p>{quote_marks(locale).0} <span lang="en">{n.quote.clone()}</span> {quote_marks(locale).1}</p>
                        </blockquote>
                    }
                })
                .collect_view();
            view! {
                {notes}
                <p class="itpe-chart-source">{t(locale, Key::ChartSource)} {colon(locale)} {sources}</p>
            }
        })
    };
    let empty = move || chart.with(|c| c.rows.is_empty());
    let button = move |kind: &'static str, k: Key| {
        view! {
            <button type="button" class="itpe-button-secondary" data-download=kind disabled=empty on:click=download>
                {t(locale, k)}
            </button>
        }
    };

    view! {
        <figure class="itpe-chart" id=ctx.id(&format!("chart-{key}")) data-chart=key aria-labelledby=title_id.clone()>
            <figcaption>
                {ctx.heading_el(2).id(title_id.clone()).class(("itpe-chart-title", true)).child(
                    move || chart.with(|c| charts::title(c.id, c.money, locale)),
                )}
                <p id=desc_id.clone() class="itpe-chart-desc">{charts::description(id, locale)}</p>
            </figcaption>
            {money_toggle}
            <div class="itpe-chart-svg" role="img" aria-labelledby=title_id.clone() aria-describedby=desc_id.clone() inner_html=svg></div>
            {details}
            <div class="itpe-chart-actions">
                <button
                    type="button"
                    class="itpe-button-secondary"
                    aria-expanded=move || if show_table.get() { "true" } else { "false" }
                    aria-controls=table_id.clone()
                    on:click=move |_| show_table.update(|v| *v = !*v)
                >
                    {move || t(locale, if show_table.get() { Key::ChartHideTable } else { Key::ChartShowTable })}
                </button>
                {button("svg", Key::ChartDownloadSvg)}
                {button("png", Key::ChartDownloadPng)}
                {button("csv", Key::ChartDownloadCsv)}
            </div>
            <div class="itpe-chart-table" id=table_id hidden=move || !(show_table.get() || printing.get())>
                {move || (show_table.get() || printing.get()).then(|| data_table(ctx, chart, locale, table_title.clone()))}
            </div>
        </figure>
    }
}

/// The exact figures behind a chart.
fn data_table(ctx: Ctx, chart: Memo<Chart>, locale: Locale, title_id: String) -> impl IntoView {
    let loaded = use_loaded();
    let (names, lang) = (loaded.text_locale, loaded.text_locale.html_lang());
    let para_label = move |id: &str| {
        let label = loaded.data.paragraph(id).map_or(id, |p| p.label.as_str());
        crate::i18n::paragraph_label(locale, label)
    };
    let rows = move || {
        chart.with(|c| {
            c.rows
                .iter()
                .map(|r| {
                    let mut value = charts::exact_in(locale, r.value, r.unit);
                    let kind = charts::money_word(r.money, locale);
                    if !kind.is_empty() {
                        value.push_str(&bracketed(locale, kind));
                    }
                    let group = if r.group.is_empty() {
                        r.label.clone()
                    } else {
                        format!("{} · {}", r.group, r.label)
                    };
                    let what = match &r.period {
                        Some(p) if !r.measure.contains(p.as_str()) => {
                            format!("{}{}", r.measure, bracketed(names, p))
                        }
                        _ => r.measure.clone(),
                    };
                    let paper = format!("{}{}", format::qualifier_word(r.qualifier), r.text);
                    view! {
                        <tr>
                            <td lang=lang>{group}</td>
                            <td lang=lang>{what}</td>
                            <td class="itpe-num">{value}</td>
                            <td lang="en">{paper}</td>
                            <td>{source_link(ctx, &r.paragraph, para_label(&r.paragraph))}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let head = [
        Key::ChartColGroup,
        Key::ChartColWhat,
        Key::ChartColValue,
        Key::ChartColPaper,
        Key::ChartColSource,
    ]
    .map(|k| view! { <th scope="col">{t(locale, k)}</th> });
    view! {
        <div class="itpe-table-scroll" tabindex="0" role="region" aria-labelledby=title_id>
            <table>
                <thead><tr>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Saves a Blob as a file through a temporary object URL and an `<a download>`.
fn save_blob(blob: &web_sys::Blob, name: &str) {
    let Ok(href) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&href);
        a.set_download(name);
        a.click();
    }
    // Revoke once the browser has taken the file.
    let revoke = Closure::once_into_js(move || {
        // Revoking a URL already gone throws nothing worth acting on.
        let _ = web_sys::Url::revoke_object_url(&href);
    });
    // Without the timer the object URL only lives on until the page closes: harmless.
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
}

pub(super) fn save_text(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        save_blob(&blob, name);
    }
}

/// Rasterises the SVG at twice its size: the SVG goes into an `<img>` as a data: URL (the CSP
/// allows data: images, not blob: ones), is drawn on a canvas, and the canvas becomes a PNG.
fn save_png(name: String, svg: &charts::Svg) {
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let (w, h) = (svg.width * 2, svg.height * 2);
    let image = img.clone();
    let onload = Closure::once_into_js(move || {
        let Ok(canvas) = document().create_element("canvas") else {
            return;
        };
        let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
        canvas.set_width(w);
        canvas.set_height(h);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let (fw, fh) = (f64::from(w), f64::from(h));
        ctx.set_fill_style_str("#fff");
        ctx.fill_rect(0.0, 0.0, fw, fh);
        // A picture that cannot be drawn (a broken image) must not be saved as a blank PNG.
        if ctx
            .draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, fw, fh)
            .is_err()
        {
            return;
        }
        let done = Closure::once_into_js(move |blob: JsValue| {
            if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
                save_blob(&blob, &name);
            }
        });
        // It throws only for a tainted canvas, which a data: image on our own page never makes.
        let _ = canvas.to_blob_with_type(done.unchecked_ref(), "image/png");
    });
    img.set_onload(Some(onload.unchecked_ref()));
    let encoded: String = js_sys::encode_uri_component(&svg.markup).into();
    img.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
}
