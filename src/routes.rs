//! The route table: every page of the app, and how it maps to and from the URL.
//!
//! Routes live in the URL fragment (`index.html#/catalogue?q=data`). A plain static
//! file server, a CDN or a sub-path such as `/formations/campus/` then serves every
//! deep link with no rewrite rule: the server only ever sees `index.html`.
//! (leptos_router 0.8 routes on the path only, which needs server rewrites.)

use crate::application::form::StepId;

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    /// `#/`: key figures, domains, entry points.
    Home,
    /// `#/catalogue`: search and filters (state in the query part).
    Catalogue,
    /// `#/formation/{id}`: one course.
    Course(String),
    /// `#/ma-selection`: bookmarked courses.
    Selection,
    /// `#/devenir-formateur`: the call for volunteer trainers.
    TrainerCall,
    /// `#/candidature`: start or resume an application.
    Application,
    /// `#/candidature/{step}`: one step of the application form.
    ApplicationStep(StepId),
    /// `#/accessibilite`: accessibility statement.
    Accessibility,
    /// `#/mentions-legales`: legal notice.
    LegalNotice,
    /// `#/donnees-personnelles`: privacy notice.
    PersonalData,
    /// `#/plan-du-site`: sitemap.
    Sitemap,
    /// Anything else.
    NotFound,
}

impl Route {
    /// The catalogue with a query string (without `?`), e.g. a deep link to a
    /// filtered view.
    pub fn catalogue_href(query: &str) -> String {
        if query.is_empty() {
            Route::Catalogue.href()
        } else {
            format!("{}?{query}", Route::Catalogue.href())
        }
    }
}

impl Route {
    /// The sur-mesure request form, optionally about one course (`#/sur-mesure?formation=<id>`).
    pub fn request_href(course: Option<&str>) -> String {
        match course {
            Some(id) => format!("#/sur-mesure?formation={}", percent_encode(id)),
            None => "#/sur-mesure".into(),
        }
    }
}

/// The fragment split into a route path and its query string (without `?`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The page.
    pub route: Route,
    /// The raw query string after `?` (empty if none). Pages parse their own keys.
    pub query: String,
}

impl Location {
    /// Parses `location.hash` (with or without the leading `#`).
    ///
    /// Returns `None` for an in-page anchor such as `#contenu` (a skip link target),
    /// which is not a route: the current page stays.
    pub fn from_hash(hash: &str) -> Option<Location> {
        let fragment = hash.strip_prefix('#').unwrap_or(hash);
        if !fragment.is_empty() && !fragment.starts_with('/') {
            return None;
        }
        let (path, query) = match fragment.split_once('?') {
            Some((path, query)) => (path, query),
            None => (fragment, ""),
        };
        Some(Location {
            route: Route::from_path(path),
            query: query.to_owned(),
        })
    }
}

impl Route {
    /// Parses the path part of the fragment (`/formation/abc`). Trailing slashes are
    /// tolerated; unknown paths give [`Route::NotFound`].
    pub fn from_path(path: &str) -> Route {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["catalogue"] => Route::Catalogue,
            ["formation", id] => match percent_decode(id) {
                Some(id) if !id.is_empty() => Route::Course(id),
                _ => Route::NotFound,
            },
            ["ma-selection"] => Route::Selection,
            ["devenir-formateur"] => Route::TrainerCall,
            ["candidature"] => Route::Application,
            ["candidature", step] => {
                StepId::from_slug(step).map_or(Route::NotFound, Route::ApplicationStep)
            }
            ["accessibilite"] => Route::Accessibility,
            ["mentions-legales"] => Route::LegalNotice,
            ["donnees-personnelles"] => Route::PersonalData,
            ["plan-du-site"] => Route::Sitemap,
            _ => Route::NotFound,
        }
    }

    /// The path of this route inside the fragment, e.g. `/formation/abc`.
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::Catalogue => "/catalogue".into(),
            Route::Course(id) => format!("/formation/{}", percent_encode(id)),
            Route::Selection => "/ma-selection".into(),
            Route::TrainerCall => "/devenir-formateur".into(),
            Route::Application => "/candidature".into(),
            Route::ApplicationStep(step) => format!("/candidature/{}", step.slug()),
            Route::Accessibility => "/accessibilite".into(),
            Route::LegalNotice => "/mentions-legales".into(),
            Route::PersonalData => "/donnees-personnelles".into(),
            Route::Sitemap => "/plan-du-site".into(),
            Route::NotFound => "/404".into(),
        }
    }

    /// The `href` of a link to this route, relative to the current document.
    pub fn href(&self) -> String {
        format!("#{}", self.path())
    }

    /// Whether this route is shown under `section` in the main navigation
    /// (a course page belongs to the catalogue).
    pub fn is_within(&self, section: &Route) -> bool {
        match (self, section) {
            (Route::Course(_), Route::Catalogue) => true,
            (Route::Application | Route::ApplicationStep(_), Route::TrainerCall) => true,
            _ => self == section,
        }
    }
}

/// Percent-encodes everything but unreserved URL characters (RFC 3986).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (and `+` as a space when `plus_is_space`); `None` on a
/// malformed escape or invalid UTF-8.
pub fn percent_decode_with(text: &str, plus_is_space: bool) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Decodes a path segment (`+` stays a plus).
pub fn percent_decode(text: &str) -> Option<String> {
    percent_decode_with(text, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(hash: &str) -> Route {
        Location::from_hash(hash).expect("a route").route
    }

    #[test]
    fn empty_and_root_fragments_are_home() {
        assert_eq!(route(""), Route::Home);
        assert_eq!(route("#"), Route::Home);
        assert_eq!(route("#/"), Route::Home);
    }

    #[test]
    fn every_route_round_trips_through_its_href() {
        let all = [
            Route::Home,
            Route::Catalogue,
            Route::Course("parcours-cyber".into()),
            Route::Course("éà ?/#&".into()),
            Route::Selection,
            Route::TrainerCall,
            Route::Application,
            Route::ApplicationStep(StepId::Proposal),
            Route::ApplicationStep(StepId::Review),
            Route::Accessibility,
            Route::LegalNotice,
            Route::PersonalData,
            Route::Sitemap,
        ];
        for r in all {
            assert_eq!(route(&r.href()), r, "href {}", r.href());
        }
    }

    #[test]
    fn the_request_form_link_names_the_course_encoded() {
        assert_eq!(Route::request_href(None), "#/sur-mesure");
        assert_eq!(
            Route::request_href(Some("sur-mesure-data")),
            "#/sur-mesure?formation=sur-mesure-data"
        );
        assert_eq!(
            Route::request_href(Some("a&b=c#d é")),
            "#/sur-mesure?formation=a%26b%3Dc%23d%20%C3%A9"
        );
    }

    #[test]
    fn query_is_kept_apart_from_the_path() {
        let loc = Location::from_hash("#/catalogue?q=data&page=2").unwrap();
        assert_eq!(loc.route, Route::Catalogue);
        assert_eq!(loc.query, "q=data&page=2");
        assert_eq!(route("#/catalogue/"), Route::Catalogue);
    }

    #[test]
    fn unknown_or_malformed_paths_are_not_found() {
        assert_eq!(route("#/nope"), Route::NotFound);
        assert_eq!(route("#/formation"), Route::NotFound);
        assert_eq!(route("#/formation/a/b"), Route::NotFound);
        assert_eq!(route("#/formation/%E9%ZZ"), Route::NotFound);
        assert_eq!(route("#/formation/%FF"), Route::NotFound);
    }

    #[test]
    fn in_page_anchors_are_not_routes() {
        assert_eq!(Location::from_hash("#contenu"), None);
        assert_eq!(Location::from_hash("#footer"), None);
    }

    #[test]
    fn course_pages_belong_to_the_catalogue_section() {
        assert!(Route::Course("x".into()).is_within(&Route::Catalogue));
        assert!(Route::Catalogue.is_within(&Route::Catalogue));
        assert!(!Route::Home.is_within(&Route::Catalogue));
    }

    #[test]
    fn percent_decoding_handles_plus_only_when_asked() {
        assert_eq!(percent_decode_with("a+b%20c", true).unwrap(), "a b c");
        assert_eq!(percent_decode("a+b").unwrap(), "a+b");
        assert_eq!(percent_decode("%C3%A9").unwrap(), "é");
        assert_eq!(percent_decode("%"), None);
    }
}
