//! The parameters the loader (`embed.js`) puts in the widget's URL query
//! (`catalogue/?embed=1&origin=https://host.gouv.fr&lang=en&compact=1&links=widget`),
//! read once at start-up, beside the page's own keys. The router keeps them
//! in every address the widget moves to, and out of the pages' queries.

use crate::i18n::Locale;
use crate::routes::pairs_where;
use crate::util::percent::percent_decode_with;

/// Where links to other pages of the campus open from the widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LinkMode {
    /// In the widget itself (default).
    #[default]
    Widget,
    /// In a new tab, on the full site.
    NewTab,
}

/// How the app runs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedParams {
    /// Running inside a host page's iframe.
    pub embedded: bool,
    /// Without the DSFR header and footer (default when embedded).
    pub compact: bool,
    /// Language asked by the host (`data-lang`).
    pub lang: Option<Locale>,
    /// Where links open.
    pub links: LinkMode,
    /// The host page's origin: the only target of the widget's messages.
    pub host_origin: Option<String>,
}

/// Accepts only a bare `http(s)://host[:port]` origin.
pub fn valid_origin(origin: &str) -> bool {
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && r.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
    })
}

/// The keys of the widget's parameters.
pub const WIDGET_KEYS: [&str; 5] = ["embed", "origin", "lang", "compact", "links"];

fn is_widget_pair(pair: &str) -> bool {
    let key = pair.split_once('=').map_or(pair, |(key, _)| key);
    WIDGET_KEYS.contains(&key)
}

/// The widget's parameters of a query string (with or without `?`), as
/// they are written, when it is a widget's (`embed=1`); else nothing.
pub fn widget_keys(search: &str) -> String {
    if !EmbedParams::from_query(search).embedded {
        return String::new();
    }
    pairs_where(search, is_widget_pair)
}

/// A page's query string without the widget's parameters.
pub fn without_widget_keys(query: &str) -> String {
    pairs_where(query, |pair| !is_widget_pair(pair))
}

impl EmbedParams {
    /// Reads `location.search` (with or without `?`). Unknown or invalid values
    /// are ignored; a widget without a valid host origin never posts messages.
    pub fn from_query(search: &str) -> EmbedParams {
        let mut p = EmbedParams::default();
        let mut compact = None;
        for pair in search.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(value) = percent_decode_with(value, true) else {
                continue;
            };
            match key {
                "embed" => p.embedded = value == "1",
                "compact" => compact = Some(value != "0"),
                "lang" => p.lang = Locale::from_tag(&value),
                "links" => {
                    p.links = match value.as_str() {
                        "new-tab" => LinkMode::NewTab,
                        _ => LinkMode::Widget,
                    }
                }
                "origin" if valid_origin(&value) => p.host_origin = Some(value),
                _ => {}
            }
        }
        p.compact = p.embedded && compact.unwrap_or(true);
        p
    }
}

/// Whether the application form may be shown in a frame whose ancestors have
/// these origins (`location.ancestorOrigins`, or the referrer's origin where the
/// browser does not tell them): every ancestor must be listed in `allowed`.
/// Unknown ancestors (an empty list while framed) are refused: the form then
/// shows a link to the full site instead (clickjacking defence, on top of the
/// `frame-ancestors` header the host should send).
pub fn form_allowed_in_frame(ancestors: &[String], allowed: &[String]) -> bool {
    !ancestors.is_empty()
        && ancestors.iter().all(|a| {
            let a = a.trim_end_matches('/').to_ascii_lowercase();
            allowed.contains(&a)
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_widget_keys_stay_apart_from_the_page_keys() {
        let search = "?q=data&embed=1&origin=https%3A%2F%2Fx.gouv.fr&lang=en&compact=1&links=widget&domaine=data";
        assert_eq!(
            super::widget_keys(search),
            "embed=1&origin=https%3A%2F%2Fx.gouv.fr&lang=en&compact=1&links=widget"
        );
        assert_eq!(super::without_widget_keys(search), "q=data&domaine=data");
        // Not a widget: no keys to keep.
        assert_eq!(super::widget_keys("?lang=en&q=x"), "");
        assert_eq!(super::without_widget_keys(""), "");
    }

    use super::*;

    #[test]
    fn a_full_widget_query() {
        let p = EmbedParams::from_query(
            "?embed=1&origin=https%3A%2F%2Fwww.interieur.gouv.fr&lang=en&links=new-tab",
        );
        assert!(p.embedded && p.compact);
        assert_eq!(p.lang, Some(Locale::En));
        assert_eq!(p.links, LinkMode::NewTab);
        assert_eq!(
            p.host_origin.as_deref(),
            Some("https://www.interieur.gouv.fr")
        );
    }

    #[test]
    fn the_full_site_is_not_embedded() {
        let p = EmbedParams::from_query("");
        assert!(!p.embedded && !p.compact);
        assert_eq!(
            EmbedParams::from_query("?compact=1"),
            EmbedParams::default()
        );
        assert!(!EmbedParams::from_query("?embed=1&compact=0").compact);
    }

    #[test]
    fn bad_origins_are_refused() {
        for bad in [
            "*",
            "null",
            "javascript:alert(1)",
            "https://a.fr/path",
            "https://",
            "ftp://a.fr",
            "https://a b",
        ] {
            assert!(!valid_origin(bad), "{bad}");
        }
        assert!(valid_origin("http://127.0.0.1:8081"));
        assert_eq!(
            EmbedParams::from_query("?embed=1&origin=*").host_origin,
            None
        );
    }

    #[test]
    fn the_form_is_framed_only_by_listed_origins() {
        let allowed = vec!["https://www.interieur.gouv.fr".to_owned()];
        let o = |s: &str| vec![s.to_owned()];
        assert!(form_allowed_in_frame(
            &o("https://www.interieur.gouv.fr"),
            &allowed
        ));
        assert!(form_allowed_in_frame(
            &o("HTTPS://www.interieur.gouv.fr/"),
            &allowed
        ));
        assert!(!form_allowed_in_frame(&o("https://evil.example"), &allowed));
        assert!(!form_allowed_in_frame(&[], &allowed), "unknown ancestors");
        let chain = vec![
            "https://www.interieur.gouv.fr".to_owned(),
            "https://evil.example".to_owned(),
        ];
        assert!(
            !form_allowed_in_frame(&chain, &allowed),
            "every ancestor counts"
        );
        assert!(!form_allowed_in_frame(
            &o("https://www.interieur.gouv.fr"),
            &[]
        ));
    }
}
