//! The result list: the selected items with their key facts, search matches highlighted.

use leptos::prelude::*;

use super::detail::{kind_key, StatusTag};
use super::{mirror, row_ctx, url, use_ctx, use_loaded};
use crate::filter::{highlight_ranges, matching_figures, snippet, terms, FoldedText};
use crate::format;
use crate::i18n::{results_count, show_all, Key};
use crate::model::Initiative;
use crate::text::fold;
use crate::view_state::{View, ViewState};

/// Text with the search terms marked. Pieces are text nodes: data never becomes markup.
fn highlighted(text: &str, terms: &[String]) -> Vec<AnyView> {
    marked(text, &highlight_ranges(text, terms))
}

/// `text` with the byte `ranges` wrapped in `<mark>`.
fn marked(text: &str, ranges: &[(usize, usize)]) -> Vec<AnyView> {
    let ranges = ranges.iter().copied();
    let mut pieces = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for (a, b) in ranges {
        if a > at {
            pieces.push(text[at..a].to_string().into_any());
        }
        pieces.push(view! { <mark>{text[a..b].to_string()}</mark> }.into_any());
        at = b;
    }
    if at < text.len() {
        pieces.push(text[at..].to_string().into_any());
    }
    pieces
}

/// Highlighted text that follows the search terms as they change (the row itself stays). The
/// marks are a memo, so a keystroke that moves no mark touches no DOM.
#[component]
fn Highlighted(text: String, terms: Memo<Vec<String>>) -> impl IntoView {
    let folded = FoldedText::new(&text);
    let text = StoredValue::new(text);
    let ranges = Memo::new(move |_| terms.with(|t| folded.ranges(t)));
    move || ranges.with(|r| text.with_value(|x| marked(x, r)))
}

/// Rows drawn before "Show all": a page of search results. Building the rows that a keystroke
/// brings in is most of its cost, and ten rows fill two screens.
const FIRST_ROWS: usize = 10;

#[component]
pub fn ResultList() -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    let total = loaded.data.items.len();
    let selection = loaded.selection;
    let query_terms = Memo::new(move |_| ctx.with(|s| terms(&s.q)));
    let items = StoredValue::new(loaded.data.clone());
    // The first rows are drawn at once and the rest on request, so a keystroke never has to
    // build the whole list (row creation is what costs time while typing).
    let all = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        selection.with(|s| {
            s.iter()
                .copied()
                .take(if all.get() { usize::MAX } else { FIRST_ROWS })
                .collect::<Vec<_>>()
        })
    });
    let hidden = move || {
        selection
            .with(Vec::len)
            .saturating_sub(shown.with(Vec::len))
    };
    view! {
        <section class="results" aria-labelledby="itpe-results-title">
            <h2 id="itpe-results-title" class="visually-hidden">{move || ctx.t(Key::Results)}</h2>
            <p class="result-count" role="status" aria-live="polite" aria-atomic="true">
                {move || results_count(ctx.locale(), selection.with(Vec::len), total)}
            </p>
            <Show when=move || selection.with(|s| !s.is_empty()) fallback=|| view! { <EmptyResults/> }>
                // Keyed: a keystroke adds and removes rows and updates highlights, but does not
                // rebuild the rows that stay.
                <ol class="result-list">
                    <For each=move || shown.get() key=|i| *i let:i>
                        <ResultRow item=items.with_value(|d| d.items[i].clone()) terms=query_terms/>
                    </For>
                </ol>
                {move || (hidden() > 0).then(|| view! {
                    <button type="button" class="button-secondary show-all" on:click=move |_| all.set(true)>
                        {show_all(ctx.locale(), selection.with(Vec::len))}
                    </button>
                })}
            </Show>
        </section>
    }
}

/// Figures whose own sentence matches the search: the context statistics of paragraphs 2-15
/// belong to no item, and this is where a search for "1 070" finds them. Keyed like the
/// result list: a keystroke updates the snippets of the figures that stay. While typing, they
/// follow a frame after the results ([`super::Loaded::lagging`]).
#[component]
pub fn FigureMatches() -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    let (data, index, state) = (loaded.data.clone(), loaded.index.clone(), loaded.lagging);
    let found = Memo::new(move |_| state.with(|s| matching_figures(&data, &index, s)));
    let shown = Memo::new(move |_| found.with(|f| f.iter().copied().take(12).collect::<Vec<_>>()));
    let any = Memo::new(move |_| found.with(|f| !f.is_empty()));
    let terms = Memo::new(move |_| state.with(|s| terms(&s.q)));
    move || {
        any.get().then(|| {
            view! {
                <section class="figure-matches" aria-labelledby="itpe-figure-matches">
                    <h3 id="itpe-figure-matches">
                        {move || ctx.t(Key::FiguresMatching)} " (" {move || found.with(Vec::len)} ")"
                    </h3>
                    <ul>
                        <For each=move || shown.get() key=|f| *f let:f>
                            <FigureMatch figure=f terms=terms/>
                        </For>
                    </ul>
                </section>
            }
        })
    }
}

#[component]
fn FigureMatch(figure: usize, terms: Memo<Vec<String>>) -> impl IntoView {
    let (ctx, terms) = (row_ctx(), mirror(terms));
    let data = use_loaded().data;
    let fig = &data.figures[figure];
    let para = fig.source.paragraph.clone();
    let label = data
        .paragraph(&para)
        .map(|p| p.label.clone())
        .unwrap_or_default();
    let target = {
        let para = para.clone();
        move |s: &mut ViewState| {
            s.view = View::Source;
            s.para = Some(para.clone());
            s.item = None;
        }
    };
    let href = {
        let target = target.clone();
        move || {
            let mut s = ctx.state().get();
            target(&mut s);
            url::href(&s)
        }
    };
    let go = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        ctx.update(&target);
    };
    let quote = fig.source.quote.clone();
    let excerpt = move || terms.with(|t| highlighted(&snippet(&quote, t, 90), t));
    view! {
        <li lang="en" data-figure=fig.id.clone()>
            <strong>{format::figure(fig)}</strong> " · " {fig.measure.clone()}
            <br/>
            <span class="muted">"“" {excerpt} "” "</span>
            <a href=href on:click=go>{label}</a>
        </li>
    }
}

#[component]
fn EmptyResults() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="empty-results">
            <p>{move || ctx.t(Key::NoResults)}</p>
            <button type="button" class="button" on:click=move |_| ctx.update(|s| *s = s.cleared())>
                {move || ctx.t(Key::ClearFilters)}
            </button>
        </div>
    }
}

#[component]
fn ResultRow(item: Initiative, terms: Memo<Vec<String>>) -> impl IntoView {
    let (ctx, terms) = (row_ctx(), mirror(terms));
    let data = use_loaded().data;
    let area = data
        .area(&item.area)
        .map(|a| a.name.clone())
        .unwrap_or_default();
    let key_figures: Vec<String> = data
        .figures_of(&item.id)
        .take(3)
        .map(format::figure)
        .collect();
    let site_names: Vec<String> = item
        .sites
        .iter()
        .filter_map(|id| data.site(id))
        .map(|s| s.short_name.clone())
        .collect();
    let id = item.id.clone();
    // The link carries the current filters, for opening in a new tab.
    let href = {
        let id = id.clone();
        move || {
            let mut s = ctx.state().get();
            s.item = Some(id.clone());
            url::href(&s)
        }
    };
    let is_open = {
        let id = id.clone();
        Memo::new(move |_| ctx.with(|s| s.item.as_deref() == Some(id.as_str())))
    };
    let open = move |ev: leptos::ev::MouseEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        let id = id.clone();
        ctx.update(move |s| s.item = Some(id));
    };
    view! {
        <li class="result" class:open=move || is_open.get() data-item=item.id.clone()>
            <h3 class="result-title" lang="en">
                <a href=href data-item-link=item.id.clone() aria-current=move || is_open.get().then_some("true") on:click=open>
                    <Highlighted text=item.title.clone() terms=terms/>
                </a>
            </h3>
            <p class="result-meta">
                <StatusTag status=item.status/>
                " " <span>{move || ctx.t(kind_key(item.kind))}</span>
                " · " <span lang="en">{area}</span>
            </p>
            <p class="result-summary" lang="en"><Highlighted text=item.summary.clone() terms=terms/></p>
            {(!key_figures.is_empty()).then(|| view! {
                <ul class="key-figures" lang="en">
                    {key_figures.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                </ul>
            })}
            {(!site_names.is_empty()).then(|| view! {
                <p class="result-sites" lang="en">
                    <span class="visually-hidden">{move || ctx.t(Key::Sites)} ": "</span>
                    {site_names.join(" · ")}
                </p>
            })}
            {
                // The quote is shown only when the title and summary do not hold every term:
                // then it says where the item matched.
                let quote = item.source.quote.clone();
                let shown = fold(&format!("{} {}", item.title, item.summary));
                let needed = Memo::new(move |_| {
                    terms.with(|t| t.iter().any(|term| !shown.contains(term.as_str())))
                });
                move || {
                    needed.get().then(|| terms.with(|t| {
                        (!t.is_empty()).then(|| view! {
                            <p class="result-quote" lang="en">"“" {highlighted(&snippet(&quote, t, 90), t)} "”"</p>
                        })
                    }))
                }
            }
        </li>
    }
}
