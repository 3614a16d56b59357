//! How one instance of the app lives in a page it may share: which query parameters are its
//! own, its element ids, its heading level, its language when the link does not say, and the
//! snippets that embed a view elsewhere. Pure: `ui::url` and `ui::app` read the page and the
//! mount element's attributes and pass them in.
//!
//! The standalone page (and the iframe route's `embed.html`, whose address is the app's own)
//! owns the whole query string with bare parameters (`?view=map`), so links shared before
//! embedding existed keep working. An instance embedded by script owns only the parameters
//! under its prefix (`tl.view=map`) and leaves every other parameter, and the hash, as it is.

use crate::i18n::Locale;
use crate::text::escape_markup;
use crate::view_state::{decode_component, encode_component, Notice, ViewState};

/// Which part of the page's address an instance reads and writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The whole query, bare parameters: the standalone page and the iframe page.
    Page,
    /// Only the parameters named `{prefix}.{name}`: an instance embedded in a host page.
    Prefixed(String),
    /// None: the state lives in memory only (`data-url="off"`).
    Off,
}

/// An instance's share of the address and its defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub scope: Scope,
    /// `data-state`: the state, in the app's bare query format, when the address carries none
    /// of the instance's parameters.
    pub initial: String,
    /// The language when neither the address nor `initial` sets one.
    pub lang: Locale,
}

impl Binding {
    /// The standalone page's binding: the whole query, English unless it says otherwise.
    pub fn page() -> Binding {
        Binding {
            scope: Scope::Page,
            initial: String::new(),
            lang: Locale::En,
        }
    }

    /// The instance's own parameters in `page_query` (bare, without the prefix), or "".
    pub fn own(&self, page_query: &str) -> String {
        match &self.scope {
            Scope::Page => strip_mark(page_query).to_string(),
            Scope::Prefixed(prefix) => own_pairs(page_query, prefix).collect::<Vec<_>>().join("&"),
            Scope::Off => String::new(),
        }
    }

    /// The instance's state from the page's query: its own parameters, else `initial`, with
    /// notices for what it dropped (never about another's parameters).
    pub fn read(&self, page_query: &str) -> (ViewState, Vec<Notice>) {
        let own = self.own(page_query);
        let source = if own.is_empty() { &self.initial } else { &own };
        let (mut state, mut notices) = ViewState::parse(source);
        if !has_key(source, "lang") {
            state.lang = self.lang;
        }
        // A notice names the parameter as the address writes it.
        if let (Scope::Prefixed(prefix), false) = (&self.scope, own.is_empty()) {
            for n in &mut notices {
                n.param = format!("{prefix}.{}", n.param);
            }
        }
        (state, notices)
    }

    /// The instance's own parameters for `state`, bare: canonical, except that what differs
    /// from this binding's defaults is always written, so reading it back gives `state`.
    pub fn own_query(&self, state: &ViewState) -> String {
        let mut own = strip_mark(&state.to_query()).to_string();
        if state.lang == Locale::En && self.lang != Locale::En {
            own = join([own.as_str(), "lang=en"].into_iter());
        }
        if own.is_empty() && !self.initial.is_empty() {
            // Empty would read back as `initial`: name the (default) view instead.
            own = format!("view={}", state.view.as_str());
        }
        own
    }

    /// The page's new query (with its "?", or "") once `state` is written into `page_query`:
    /// the other parameters keep their text and order, the instance's own follow them. None
    /// when the instance does not use the address.
    pub fn write(&self, page_query: &str, state: &ViewState) -> Option<String> {
        let own = self.own_query(state);
        let query = match &self.scope {
            Scope::Off => return None,
            Scope::Page => own,
            Scope::Prefixed(prefix) => {
                let others = pairs(page_query).filter(|p| own_name(p, prefix).is_none());
                let mine: Vec<String> = pairs(&own).map(|p| format!("{prefix}.{p}")).collect();
                join(others.chain(mine.iter().map(String::as_str)))
            }
        };
        Some(if query.is_empty() {
            query
        } else {
            format!("?{query}")
        })
    }
}

fn strip_mark(query: &str) -> &str {
    query.strip_prefix('?').unwrap_or(query)
}

fn pairs(query: &str) -> impl Iterator<Item = &str> {
    strip_mark(query).split('&').filter(|p| !p.is_empty())
}

fn join<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    parts
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("&")
}

/// The pair without its prefix (bare, as the app's own format), if its decoded name is
/// `{prefix}.{name}`.
fn own_name(pair: &str, prefix: &str) -> Option<String> {
    let (name, value) = match pair.split_once('=') {
        Some((k, v)) => (k, Some(v)),
        None => (pair, None),
    };
    let decoded = decode_component(name);
    let rest = decoded.strip_prefix(prefix)?.strip_prefix('.')?;
    (!rest.is_empty()).then(|| match value {
        Some(v) => format!("{}={v}", encode_component(rest)),
        None => encode_component(rest),
    })
}

fn own_pairs<'a>(query: &'a str, prefix: &'a str) -> impl Iterator<Item = String> + 'a {
    pairs(query).filter_map(move |p| own_name(p, prefix))
}

fn has_key(query: &str, key: &str) -> bool {
    pairs(query).any(|p| decode_component(p.split_once('=').map_or(p, |(k, _)| k)) == key)
}

/// The default parameter prefix and element-id prefix of the `n`-th instance of a page
/// (1-based, document order): `itpe`, then `itpe2`, `itpe3`...
pub fn instance_prefix(n: usize) -> String {
    if n <= 1 {
        "itpe".into()
    } else {
        format!("itpe{n}")
    }
}

/// A valid parameter prefix: letters, digits, `-` and `_` (no `.`, `&`, `=` or `%`, which
/// would blur where a parameter's name ends).
pub fn valid_prefix(p: &str) -> bool {
    !p.is_empty()
        && p.len() <= 32
        && p.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The app's top heading level from `data-heading-level` (1 to 4, so that its lower
/// headings stay within h6), else 1 standalone and 2 embedded.
pub fn heading_level(attr: Option<&str>, standalone: bool) -> u8 {
    attr.and_then(|a| a.trim().parse::<u8>().ok())
        .filter(|l| (1..=4).contains(l))
        .unwrap_or(if standalone { 1 } else { 2 })
}

/// The language of a host page's `<html lang>` tag: Traditional Chinese for zh-Hant, zh-HK,
/// zh-TW and zh-MO, Simplified for other Chinese, else English.
pub fn locale_of_tag(tag: &str) -> Locale {
    let tag = tag.trim().to_ascii_lowercase();
    let zh = tag == "zh" || tag.starts_with("zh-");
    let hant = ["zh-hant", "zh-hk", "zh-tw", "zh-mo"]
        .iter()
        .any(|t| tag == *t || tag.starts_with(&format!("{t}-")));
    match (zh, hant) {
        (_, true) => Locale::ZhHant,
        (true, false) => Locale::ZhHans,
        _ => Locale::En,
    }
}

/// The two ways to embed `state` from the bundle at `base` (its folder's absolute URL, ending
/// in "/"): an iframe sized by the host script, and a mount element started by the loader.
/// `title` names the frame for assistive technology.
pub fn snippets(base: &str, state: &ViewState, title: &str) -> (String, String) {
    let src = crate::export::share_url(&format!("{base}embed.html"), state);
    let iframe = format!(
        "<iframe src=\"{}\" data-it-policy-explorer-frame title=\"{}\" width=\"100%\" height=\"640\" loading=\"lazy\"></iframe>\n<script defer src=\"{}\"></script>",
        escape_markup(&src),
        escape_markup(title),
        escape_markup(&format!("{base}embed.js")),
    );
    let query = strip_mark(&state.to_query()).to_string();
    let state_attr = if query.is_empty() {
        String::new()
    } else {
        format!(" data-state=\"{}\"", escape_markup(&query))
    };
    let script = format!(
        "<div data-it-policy-explorer{state_attr}></div>\n<script defer src=\"{}\"></script>",
        escape_markup(&format!("{base}loader.js")),
    );
    (iframe, script)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view_state::View;

    fn embedded(prefix: &str, initial: &str, lang: Locale) -> Binding {
        Binding {
            scope: Scope::Prefixed(prefix.into()),
            initial: initial.into(),
            lang,
        }
    }

    #[test]
    fn an_embedded_instance_reads_only_its_prefix() {
        let b = embedded("tl", "", Locale::En);
        let page = "?page=2&lang=tc&tl.view=map&tl.q=loop&itpe.view=charts&tl=axis";
        assert_eq!(b.own(page), "view=map&q=loop");
        let (state, notices) = b.read(page);
        assert_eq!(state.view, View::Map);
        assert_eq!(state.q, "loop");
        assert_eq!(state.lang, Locale::En, "the host's lang= is not the app's");
        assert!(notices.is_empty(), "{notices:?}");
        // Unknown parameters inside the prefix are still reported, bare.
        let (_, notices) = b.read("?page=2&tl.bogus=1");
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].param, "tl.bogus");
    }

    #[test]
    fn writes_keep_the_host_parameters_in_order() {
        let b = embedded("tl", "", Locale::En);
        let (state, _) = ViewState::parse("?view=timeline&q=cyber+port");
        let page = "?page=2&tl.view=map&lang=tc&itpe.view=charts";
        assert_eq!(
            b.write(page, &state).unwrap(),
            "?page=2&lang=tc&itpe.view=charts&tl.view=timeline&tl.q=cyber+port"
        );
        // The default state leaves only the host's parameters; none at all gives "".
        assert_eq!(
            b.write(page, &ViewState::default()).unwrap(),
            "?page=2&lang=tc&itpe.view=charts"
        );
        assert_eq!(b.write("", &ViewState::default()).unwrap(), "");
        // What is written reads back as the same state, and other prefixes are untouched.
        let written = b.write(page, &state).unwrap();
        assert_eq!(b.read(&written).0, state);
        assert_eq!(
            embedded("itpe", "", Locale::En).own(&written),
            "view=charts"
        );
    }

    #[test]
    fn prefixes_are_matched_whole() {
        let b = embedded("itpe", "", Locale::En);
        assert_eq!(b.own("?itpe2.view=map&itpe.=x&itpex=1&itpe.q=a"), "q=a");
        // An encoded dot in the name is the same parameter.
        assert_eq!(b.own("?itpe%2Eview=map"), "view=map");
    }

    #[test]
    fn the_initial_state_applies_until_the_address_has_the_instance() {
        let b = embedded("itpe", "view=map&site=lmc-loop", Locale::En);
        let (state, _) = b.read("?page=2");
        assert_eq!(state.view, View::Map);
        assert_eq!(state.sites, ["lmc-loop"]);
        // Back to the default state: written as the view, so it does not read as `initial`.
        let written = b.write("?page=2", &ViewState::default()).unwrap();
        assert_eq!(written, "?page=2&itpe.view=explore");
        assert_eq!(b.read(&written).0, ViewState::default());
    }

    #[test]
    fn the_language_defaults_to_the_instance_and_english_is_written_when_chosen() {
        let b = embedded("itpe", "", Locale::ZhHant);
        assert_eq!(b.read("?lang=en").0.lang, Locale::ZhHant);
        let english = ViewState::default();
        let written = b.write("?lang=tc", &english).unwrap();
        assert_eq!(written, "?lang=tc&itpe.lang=en");
        assert_eq!(b.read(&written).0.lang, Locale::En);
        let (set, _) = ViewState::parse("?lang=zh-hans");
        assert_eq!(
            embedded("x", "lang=zh-hans", Locale::ZhHant).read("").0,
            set
        );
    }

    #[test]
    fn the_page_scope_is_todays_bare_query() {
        let b = Binding::page();
        let (state, notices) = b.read("?view=map&page=2");
        assert_eq!(state.view, View::Map);
        assert_eq!(
            notices.len(),
            1,
            "standalone, an unknown parameter is reported"
        );
        assert_eq!(b.write("?page=2", &state).unwrap(), "?view=map");
        let off = Binding {
            scope: Scope::Off,
            initial: "view=charts".into(),
            lang: Locale::En,
        };
        assert_eq!(off.read("?view=map").0.view, View::Charts);
        assert_eq!(off.write("?page=1", &state), None);
    }

    #[test]
    fn prefixes_headings_and_languages() {
        assert_eq!(instance_prefix(1), "itpe");
        assert_eq!(instance_prefix(3), "itpe3");
        assert!(valid_prefix("tl") && valid_prefix("map_2"));
        assert!(!valid_prefix("") && !valid_prefix("a.b") && !valid_prefix("a&b"));
        assert_eq!(heading_level(None, true), 1);
        assert_eq!(heading_level(None, false), 2);
        assert_eq!(heading_level(Some("3"), false), 3);
        assert_eq!(heading_level(Some("7"), true), 1);
        assert_eq!(locale_of_tag("zh-HK"), Locale::ZhHant);
        assert_eq!(locale_of_tag("zh-Hant-TW"), Locale::ZhHant);
        assert_eq!(locale_of_tag("zh-CN"), Locale::ZhHans);
        assert_eq!(locale_of_tag("zh-Hans"), Locale::ZhHans);
        assert_eq!(locale_of_tag("en-GB"), Locale::En);
        assert_eq!(locale_of_tag("tc"), Locale::En);
    }

    #[test]
    fn snippets_carry_the_state_escaped() {
        let (state, _) = ViewState::parse("?view=map&site=lmc-loop&q=a<b");
        let (iframe, script) = snippets("https://x.gov.hk/explorer/", &state, "Map & more");
        assert!(iframe.starts_with(
            "<iframe src=\"https://x.gov.hk/explorer/embed.html?view=map&amp;q=a%3Cb&amp;site=lmc-loop\" data-it-policy-explorer-frame title=\"Map &amp; more\""
        ), "{iframe}");
        assert!(
            iframe.contains("<script defer src=\"https://x.gov.hk/explorer/embed.js\"></script>")
        );
        assert!(
            !iframe.contains(" style="),
            "no inline style: strict CSPs block it"
        );
        assert_eq!(
            script,
            "<div data-it-policy-explorer data-state=\"view=map&amp;q=a%3Cb&amp;site=lmc-loop\"></div>\n<script defer src=\"https://x.gov.hk/explorer/loader.js\"></script>"
        );
    }
}
