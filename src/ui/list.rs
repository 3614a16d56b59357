//! The result list: the selected items with their key facts, search matches highlighted.

use leptos::prelude::*;

use super::detail::{kind_key, StatusTag};
use super::{mirror, row_ctx, url, use_ctx, use_loaded};
use crate::filter::{highlight_ranges, matching_figures, snippet};
use crate::format;
use crate::i18n::{
    bracketed, labelled, paragraph_label, quote_marks, quoted, results_count, show_all, Key,
};
use crate::model::Initiative;
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
    let folded = use_loaded().index.folded_text(&text);
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
    let index = loaded.index.clone();
    let query_terms = Memo::new(move |_| ctx.with(|s| index.terms(&s.q)));
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
        <section class="itpe-results" aria-labelledby=ctx.id("results-title")>
            {ctx.heading_el(1).id(ctx.id("results-title")).class(("itpe-visually-hidden", true)).child(move || ctx.t(Key::Results))}
            <p class="itpe-result-count" role="status" aria-live="polite" aria-atomic="true">
                {move || results_count(ctx.locale(), selection.with(Vec::len), total)}
            </p>
            <Show when=move || selection.with(|s| !s.is_empty()) fallback=|| view! { <EmptyResults/> }>
                // Keyed: a keystroke adds and removes rows and updates highlights, but does not
                // rebuild the rows that stay.
                <ol class="itpe-result-list">
                    <For each=move || shown.get() key=|i| *i let:i>
                        <ResultRow item=items.with_value(|d| d.items[i].clone()) terms=query_terms/>
                    </For>
                </ol>
                {move || (hidden() > 0).then(|| view! {
                    <button type="button" class="itpe-button-secondary itpe-show-all" on:click=move |_| all.set(true)>
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
    let index = loaded.index.clone();
    let terms = Memo::new(move |_| state.with(|s| index.terms(&s.q)));
    move || {
        any.get().then(|| {
            view! {
                <section class="itpe-figure-matches" aria-labelledby=ctx.id("figure-matches")>
                    {ctx.heading_el(2).id(ctx.id("figure-matches")).child((
                        move || ctx.t(Key::FiguresMatching),
                        move || bracketed(ctx.locale(), &found.with(Vec::len).to_string()),
                    ))}
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
    let loaded = use_loaded();
    let data = loaded.data;
    let fig = data.figures[figure].clone();
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
            url::href(ctx.instance, &s)
        }
    };
    let go = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        ctx.update(&target);
    };
    let quote = fig.source.quote.clone();
    let excerpt = move || terms.with(|t| highlighted(&snippet(&quote, t, 90), t));
    let marks = move || quote_marks(ctx.locale());
    let (id, measure) = (fig.id.clone(), fig.measure.clone());
    view! {
        <li data-figure=id>
            <strong>{move || format::figure_in(ctx.locale(), &fig)}</strong>
            " · " <span lang=loaded.text_locale.html_lang()>{measure}</span>
            <br/>
            <span class="itpe-muted">{move || marks().0} <span lang="en">{excerpt}</span> {move || marks().1} " "</span>
            <a href=href on:click=go>{move || paragraph_label(ctx.locale(), &label)}</a>
        </li>
    }
}

/// Says what found nothing: the search, the filters, or both; and, in English, where Chinese
/// names can be searched.
#[component]
fn EmptyResults() -> impl IntoView {
    let ctx = use_ctx();
    let text_locale = use_loaded().text_locale;
    let why = move || {
        let locale = ctx.locale();
        ctx.with(|s| {
            let q = s.q.trim();
            let mut facets = s.clone();
            facets.q.clear();
            let key = match (q.is_empty(), facets.is_filtered()) {
                (true, _) => return ctx.t(Key::NoResults).to_string(),
                (false, false) => Key::NoResultsSearch,
                (false, true) => Key::NoResultsSearchFilters,
            };
            let mut text = ctx.t(key).replace("{q}", &quoted(locale, q));
            if text_locale == crate::i18n::Locale::En && q.chars().any(|c| c as u32 >= 0x2E80) {
                text.push(' ');
                text.push_str(ctx.t(Key::ChineseSearchInEnglish));
            }
            text
        })
    };
    view! {
        <div class="itpe-empty-results">
            <p>{why}</p>
            <button type="button" class="itpe-button" on:click=move |_| ctx.update(|s| *s = s.cleared())>
                {move || ctx.t(Key::ClearFilters)}
            </button>
        </div>
    }
}

#[component]
fn ResultRow(item: Initiative, terms: Memo<Vec<String>>) -> impl IntoView {
    let (ctx, terms) = (row_ctx(), mirror(terms));
    let loaded = use_loaded();
    let (data, index) = (loaded.data, loaded.index);
    let lang = loaded.text_locale.html_lang();
    let area = data
        .area(&item.area)
        .map(|a| a.name.clone())
        .unwrap_or_default();
    let key_figures: Vec<crate::model::Figure> =
        data.figures_of(&item.id).take(3).cloned().collect();
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
            url::href(ctx.instance, &s)
        }
    };
    let is_open = {
        let id = id.clone();
        Memo::new(move |_| ctx.with(|s| s.item.as_deref() == Some(id.as_str())))
    };
    let open = move |ev: leptos::ev::MouseEvent| {
        if super::hooks::is_modified_click(&ev) {
            return;
        }
        ev.prevent_default();
        let id = id.clone();
        ctx.update(move |s| s.item = Some(id));
    };
    view! {
        <li class="itpe-result" class:itpe-open=move || is_open.get() data-item=item.id.clone()>
            {ctx.heading_el(2).class(("itpe-result-title", true)).attr("lang", lang).child(view! {
                <a href=href data-item-link=item.id.clone() aria-current=move || is_open.get().then_some("true") on:click=open>
                    <Highlighted text=item.title.clone() terms=terms/>
                </a>
            })}
            <p class="itpe-result-meta">
                <StatusTag status=item.status/>
                " " <span>{move || ctx.t(kind_key(item.kind))}</span>
                " · " <span lang=lang>{area}</span>
            </p>
            <p class="itpe-result-summary" lang=lang><Highlighted text=item.summary.clone() terms=terms/></p>
            {(!key_figures.is_empty()).then(|| view! {
                <ul class="itpe-key-figures">
                    {key_figures.into_iter().map(|f| view! { <li>{move || format::figure_in(ctx.locale(), &f)}</li> }).collect_view()}
                </ul>
            })}
            {(!site_names.is_empty()).then(|| view! {
                <p class="itpe-result-sites">
                    <span class="itpe-visually-hidden">{move || labelled(ctx.locale(), ctx.t(Key::Sites), "")}</span>
                    <span lang=lang>
                    {site_names.join(" · ")}
                    </span>
                </p>
            })}
            {
                // The quote is shown only when the title and summary do not hold every term:
                // then it says where the item matched.
                let quote = item.source.quote.clone();
                let shown = index.fold(&format!("{} {}", item.title, item.summary));
                let needed = Memo::new(move |_| {
                    terms.with(|t| t.iter().any(|term| !shown.contains(term.as_str())))
                });
                move || {
                    needed.get().then(|| terms.with(|t| {
                        (!t.is_empty()).then(|| view! {
                            <p class="itpe-result-quote">
                                {quote_marks(ctx.locale()).0}
                                <span lang="en">{highlighted(&snippet(&quote, t, 90), t)}</span>
                                {quote_marks(ctx.locale()).1}
                            </p>
                        })
                    }))
                }
            }
        </li>
    }
}
