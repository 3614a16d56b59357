//! The Source view: the paper as clean numbered paragraphs, the Annex as tables, each paragraph
//! linkable and linked back to the items that cite it. `para` scrolls to a paragraph and `item`
//! highlights that item's quote in it.

use leptos::prelude::*;

use super::{url, use_ctx, use_loaded};
use crate::i18n::Key;
use crate::model::{Paragraph, ParagraphKind};
use crate::view_state::View;

#[component]
pub fn SourceView() -> impl IntoView {
    let ctx = use_ctx();
    let data = use_loaded().data;

    // Blocks in reading order: a run of Annex rows under one area becomes one table.
    let mut blocks = Vec::new();
    let mut table: Vec<Paragraph> = Vec::new();
    let mut caption: Option<String> = None;
    let flush =
        |blocks: &mut Vec<AnyView>, table: &mut Vec<Paragraph>, caption: &mut Option<String>| {
            if !table.is_empty() {
                let rows = std::mem::take(table);
                blocks.push(
                    view! { <AnnexTable caption=caption.take().unwrap_or_default() rows=rows/> }
                        .into_any(),
                );
            }
        };
    for p in &data.paragraphs {
        match p.kind {
            ParagraphKind::AnnexRow => table.push(p.clone()),
            ParagraphKind::Heading if p.id.starts_with("h-area-") => {
                flush(&mut blocks, &mut table, &mut caption);
                caption = Some(p.text.clone());
            }
            _ => {
                flush(&mut blocks, &mut table, &mut caption);
                blocks.push(view! { <SourceParagraph paragraph=p.clone()/> }.into_any());
            }
        }
    }
    flush(&mut blocks, &mut table, &mut caption);

    // Scroll to the linked paragraph once it is on the page.
    Effect::new(move |_| {
        if let Some(id) = ctx.with(|s| s.para.clone()) {
            request_animation_frame(move || {
                let id = ctx.id(&format!("para-{id}"));
                if let Some(el) = document().get_element_by_id(&id) {
                    el.scroll_into_view();
                }
                super::focus::focus_id(id);
            });
        }
    });

    view! {
        <article class="itpe-source" lang="en">
            {ctx.heading_el(1).attr("lang", move || ctx.locale().html_lang()).child(move || ctx.t(Key::ParagraphsHeading))}
            <p class="itpe-muted" lang=move || ctx.locale().html_lang()>{move || ctx.t(Key::SourceInEnglish)}</p>
            {blocks}
        </article>
    }
}

/// The paragraph's text, with the open item's quote marked when it cites this paragraph.
fn quoted_text(ctx: super::Ctx, p: &Paragraph) -> impl IntoView + use<> {
    let data = use_loaded().data;
    let (id, text) = (p.id.clone(), p.text.clone());
    move || {
        let quote = ctx.with(|s| {
            s.item
                .as_deref()
                .and_then(|i| data.item(i))
                .filter(|i| i.source.paragraph == id)
                .map(|i| i.source.quote.clone())
        });
        match quote.and_then(|q| text.find(&q).map(|at| (at, at + q.len()))) {
            Some((a, b)) => view! {
                {text[..a].to_string()}
                <mark class="itpe-quote-highlight">{text[a..b].to_string()}</mark>
                {text[b..].to_string()}
            }
            .into_any(),
            None => text.clone().into_any(),
        }
    }
}

fn para_href(ctx: super::Ctx, id: &str) -> String {
    let mut s = ctx.state().get_untracked();
    s.view = View::Source;
    s.para = Some(id.to_string());
    s.item = None;
    url::href(ctx.instance, &s)
}

#[component]
fn SourceParagraph(paragraph: Paragraph) -> impl IntoView {
    let ctx = use_ctx();
    let id = paragraph.id.clone();
    let is_target = {
        let id = id.clone();
        let target = ctx.slice(move |s| s.para.as_deref() == Some(id.as_str()));
        move || target.get()
    };
    match paragraph.kind {
        ParagraphKind::Heading => view! {
            {ctx.heading_el(2).class(("itpe-source-heading", true)).id(ctx.id(&format!("para-{id}"))).attr("tabindex", "-1").child(paragraph.text.clone())}
        }
        .into_any(),
        _ => {
            let label = paragraph.label.clone();
            let number = if paragraph.kind == ParagraphKind::Footnote {
                label.replace("Footnote ", "")
            } else {
                label.clone()
            };
            let href = para_href(ctx, &id);
            view! {
                <div
                    class="itpe-para"
                    class:itpe-footnote=paragraph.kind == ParagraphKind::Footnote
                    class:itpe-target=is_target
                    id=ctx.id(&format!("para-{id}"))
                    data-para=id.clone()
                    tabindex="-1"
                >
                    <a class="itpe-para-number" href=href title=move || ctx.t(Key::LinkToParagraph)>
                        <span class="itpe-visually-hidden">{move || ctx.t(Key::LinkToParagraph)} " "</span>
                        {number}
                    </a>
                    <div class="itpe-para-body">
                        <p>{quoted_text(ctx, &paragraph)}</p>
                        <CitedBy paragraph=id.clone()/>
                    </div>
                </div>
            }
            .into_any()
        }
    }
}

#[component]
fn AnnexTable(caption: String, rows: Vec<Paragraph>) -> impl IntoView {
    let ctx = use_ctx();
    let body = rows
        .into_iter()
        .map(|p| {
            let id = p.id.clone();
            let is_target = {
                let id = id.clone();
                let target = ctx.slice(move |s| s.para.as_deref() == Some(id.as_str()));
        move || target.get()
            };
            let href = para_href(ctx, &id);
            view! {
                <tr id=ctx.id(&format!("para-{id}")) data-para=id.clone() class:itpe-target=is_target tabindex="-1">
                    <th scope="row">
                        <a class="itpe-para-number" href=href title=move || ctx.t(Key::LinkToParagraph)>
                            {p.heading.clone().unwrap_or_default()}
                        </a>
                    </th>
                    <td>
                        <p>{quoted_text(ctx, &p)}</p>
                        <CitedBy paragraph=id.clone()/>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="itpe-table-wrap">
            <table class="itpe-annex-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Policy Initiatives"</th>
                        <th scope="col">"Progress / Achievements of the Current-term Government"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// Links from a paragraph to the items that cite it (they open in Explore).
#[component]
fn CitedBy(paragraph: String) -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    let (data, names) = (loaded.data, loaded.text_locale.html_lang());
    let items: Vec<(String, String)> = data
        .items_citing(&paragraph)
        .map(|i| (i.id.clone(), i.title.clone()))
        .collect();
    (!items.is_empty()).then(|| {
        let links = items
            .into_iter()
            .map(|(id, title)| {
                let href = {
                    let mut s = ctx.state().get_untracked();
                    s.view = View::Explore;
                    s.item = Some(id.clone());
                    url::href(ctx.instance, &s)
                };
                let open = move |ev: leptos::ev::MouseEvent| {
                    ev.prevent_default();
                    let id = id.clone();
                    ctx.update(move |s| {
                        s.view = View::Explore;
                        s.item = Some(id);
                    });
                };
                view! { <li><a href=href lang=names on:click=open>{title}</a></li> }
            })
            .collect_view();
        view! {
            <div class="itpe-cited-by">
                <span lang=move || ctx.locale().html_lang()>
                    {move || crate::i18n::labelled(ctx.locale(), ctx.t(Key::CitedBy), "")}
                </span>
                <ul>{links}</ul>
            </div>
        }
    })
}
