//! The route table: every page of the app, and how it maps to and from the URL.
//!
//! Routes live in the URL fragment (`index.html#/catalogue?q=data`). A plain static
//! file server, a CDN or a sub-path such as `/formations/campus/` then serves every
//! deep link with no rewrite rule: the server only ever sees `index.html`.
//! (leptos_router 0.8 routes on the path only, which needs server rewrites.)

use crate::application::form::{FormId, StepId};

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
    /// `#/candidature`, `#/sur-mesure`: start or resume a form (the trainer
    /// application, the sur-mesure request).
    FormStart(FormId),
    /// `#/candidature/{step}`, `#/sur-mesure/{step}`: one step of a form.
    FormStep(FormId, StepId),
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

/// A part of the app's WebAssembly that the browser fetches only when a page
/// first needs it: the view code of the pages named in [`Route::chunk`]. The
/// home page, the information pages and everything they share stay in the
/// main module, so the first visit downloads only that (see `crate::pages`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Chunk {
    /// The catalogue's search, filters and results.
    Catalogue,
    /// A course page.
    Course,
    /// The visitor's selection of courses.
    Selection,
    /// The two forms (trainer application, sur-mesure request): start, steps,
    /// review, confirmation.
    Forms,
    /// The call for trainers and the institutional pages (accessibility,
    /// legal notice, personal data, sitemap): long texts read once.
    Info,
}

impl Chunk {
    /// Every chunk, in [`Chunk::index`] order.
    pub const ALL: [Chunk; 5] = [
        Chunk::Catalogue,
        Chunk::Course,
        Chunk::Selection,
        Chunk::Forms,
        Chunk::Info,
    ];

    /// The chunk's position in [`Chunk::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// What of the catalogue a page shows, so what it waits for before the live
/// app takes the place of its static content, and whether it fetches the
/// catalogue at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageData {
    /// Nothing: the page is the same text whatever the catalogue.
    None,
    /// The catalogue's summary that its HTML file carries (figures, fields,
    /// next sessions, call: `catalogue::summary`); the whole catalogue only if
    /// that summary cannot tell.
    Summary,
    /// The whole catalogue.
    Catalogue,
}

impl PageData {
    /// Its name in a static page's `<meta name="campus-data">`, which tells
    /// the loader whether to fetch the catalogue with the wasm.
    pub fn as_str(self) -> &'static str {
        match self {
            PageData::None => "none",
            PageData::Summary => "summary",
            PageData::Catalogue => "catalogue",
        }
    }
}

impl Route {
    /// What this page needs of the catalogue.
    pub fn data(&self) -> PageData {
        match self {
            Route::Home => PageData::Summary,
            Route::Accessibility
            | Route::LegalNotice
            | Route::PersonalData
            | Route::Sitemap
            | Route::NotFound => PageData::None,
            Route::Catalogue
            | Route::Course(_)
            | Route::Selection
            | Route::TrainerCall
            | Route::FormStart(_)
            | Route::FormStep(..) => PageData::Catalogue,
        }
    }

    /// The chunk holding this page's view code, if it is not in the main module.
    pub fn chunk(&self) -> Option<Chunk> {
        match self {
            Route::Catalogue => Some(Chunk::Catalogue),
            Route::Course(_) => Some(Chunk::Course),
            Route::Selection => Some(Chunk::Selection),
            Route::FormStart(_) | Route::FormStep(..) => Some(Chunk::Forms),
            Route::TrainerCall
            | Route::Accessibility
            | Route::LegalNotice
            | Route::PersonalData
            | Route::Sitemap => Some(Chunk::Info),
            Route::Home | Route::NotFound => None,
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
    /// The location of a document served as a file: `rel` is its path from
    /// the site root (`formation/x/`, `catalogue/index.html`, `""` for the
    /// root) and `search` its query string (with or without `?`). A static
    /// page's own URL therefore names its route when the fragment does not.
    pub fn from_document_path(rel: &str, search: &str) -> Location {
        let rel = rel.strip_suffix("index.html").unwrap_or(rel);
        Location {
            route: Route::from_path(rel),
            query: search.strip_prefix('?').unwrap_or(search).to_owned(),
        }
    }

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
        if let Some((form, rest)) = segments
            .split_first()
            .and_then(|(slug, rest)| Some((form_of(slug)?, rest)))
        {
            return match rest {
                [] => Route::FormStart(form),
                [step] => match StepId::from_slug(step) {
                    Some(step) if form.form().has_step(step) => Route::FormStep(form, step),
                    _ => Route::NotFound,
                },
                _ => Route::NotFound,
            };
        }
        match segments.as_slice() {
            [] => Route::Home,
            ["catalogue"] => Route::Catalogue,
            ["formation", id] => match percent_decode(id) {
                Some(id) if !id.is_empty() => Route::Course(id),
                _ => Route::NotFound,
            },
            ["ma-selection"] => Route::Selection,
            ["devenir-formateur"] => Route::TrainerCall,
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
            Route::FormStart(form) => format!("/{}", form.form().slug),
            Route::FormStep(form, step) => format!("/{}/{}", form.form().slug, step.slug()),
            Route::Accessibility => "/accessibilite".into(),
            Route::LegalNotice => "/mentions-legales".into(),
            Route::PersonalData => "/donnees-personnelles".into(),
            Route::Sitemap => "/plan-du-site".into(),
            Route::NotFound => "/404".into(),
        }
    }

    /// The sur-mesure request form, optionally about one course
    /// (`#/sur-mesure?formation=<id>`).
    pub fn request_href(course: Option<&str>) -> String {
        let start = Route::FormStart(FormId::Request).href();
        match course {
            Some(id) => format!("{start}?formation={}", percent_encode(id)),
            None => start,
        }
    }

    /// The `href` of a link to this route, relative to the current document:
    /// `#/…` in the live app; while static pages are rendered
    /// ([`render_static_links`]), the route's own file (`formation/x/`,
    /// relative to the site root, which every static page names as its
    /// `<base>`) when it has one.
    pub fn href(&self) -> String {
        if STATIC_PAGE.with(|page| page.borrow().is_some()) {
            if let Some(path) = self.static_path() {
                return if path.is_empty() { "./".into() } else { path };
            }
        }
        format!("#{}", self.path())
    }

    /// The folder of this route's static page, relative to the site root
    /// (`""` for the home page, `formation/parcours-cyber/` for a course), for
    /// the pages built as files: every page a visitor can land on, except the
    /// ones that depend on the visitor (their selection, a step of their
    /// form). A course whose id is not a plain lowercase slug has no file (it
    /// could clash on a case-insensitive disk or need escaping): it opens
    /// through its `#/formation/…` link like a course added after the build.
    pub fn static_path(&self) -> Option<String> {
        match self {
            Route::Course(id) if !is_static_slug(id) => None,
            Route::Selection | Route::FormStep(..) | Route::NotFound => None,
            Route::Home => Some(String::new()),
            other => Some(format!("{}/", other.path().trim_start_matches('/'))),
        }
    }

    /// Every route that exists without a catalogue and has a static page.
    pub const FIXED_STATIC: [Route; 9] = [
        Route::Home,
        Route::Catalogue,
        Route::TrainerCall,
        Route::FormStart(FormId::Trainer),
        Route::FormStart(FormId::Request),
        Route::Accessibility,
        Route::LegalNotice,
        Route::PersonalData,
        Route::Sitemap,
    ];

    /// Whether this route is shown under `section` in the main navigation
    /// (a course page belongs to the catalogue).
    pub fn is_within(&self, section: &Route) -> bool {
        match (self, section) {
            (Route::Course(_), Route::Catalogue) => true,
            (
                Route::FormStart(FormId::Trainer) | Route::FormStep(FormId::Trainer, _),
                Route::TrainerCall,
            ) => true,
            (
                Route::FormStart(FormId::Request) | Route::FormStep(FormId::Request, _),
                Route::Catalogue,
            ) => true,
            _ => self == section,
        }
    }
}

/// Whether `id` can name a folder of static pages as is: 1 to 100 characters
/// among `a-z`, `0-9`, `-` and `_`, starting with a letter or a digit.
pub fn is_static_slug(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 100
        && bytes[0].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_'))
}

thread_local! {
    /// The static page being rendered (its folder, as [`Route::static_path`]),
    /// or `None` in the live app.
    static STATIC_PAGE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Runs `render` with links written for the static page of `route`: routes
/// with a file link to it, in-page anchors name this page's own file (the
/// site root is the page's `<base>`, so a bare `#id` would leave the page).
pub fn render_static_links<T>(route: &Route, render: impl FnOnce() -> T) -> T {
    let page = route.static_path().unwrap_or_default();
    let previous = STATIC_PAGE.with(|p| p.replace(Some(page)));
    let out = render();
    STATIC_PAGE.with(|p| *p.borrow_mut() = previous);
    out
}

/// The `href` of an in-page anchor (`#contenu`): `#id` in the live app; the
/// page's own file and `#id` on a static page (see [`render_static_links`]).
pub fn anchor_href(id: &str) -> String {
    STATIC_PAGE.with(|page| match page.borrow().as_deref() {
        Some(path) => format!("{path}#{id}"),
        None => format!("#{id}"),
    })
}

/// The form whose pages live under `slug`.
fn form_of(slug: &str) -> Option<FormId> {
    FormId::ALL.into_iter().find(|f| f.form().slug == slug)
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
    fn chunk_indexes_follow_the_table_and_landing_pages_need_none() {
        for (i, chunk) in Chunk::ALL.iter().enumerate() {
            assert_eq!(chunk.index(), i);
        }
        // The home page and the page for a wrong address are in the main
        // module: a first visit most often lands on one of them.
        for route in [Route::Home, Route::NotFound, route("#/nulle-part")] {
            assert_eq!(route.chunk(), None, "{route:?}");
        }
        assert_eq!(route("#/accessibilite").chunk(), Some(Chunk::Info));
        assert_eq!(Route::Course("x".into()).chunk(), Some(Chunk::Course));
        assert_eq!(
            route("#/candidature/proposition").chunk(),
            Some(Chunk::Forms)
        );
        assert_eq!(route("#/sur-mesure").chunk(), Some(Chunk::Forms));
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
            Route::FormStart(FormId::Trainer),
            Route::FormStep(FormId::Trainer, StepId::Proposal),
            Route::FormStep(FormId::Trainer, StepId::Review),
            Route::FormStart(FormId::Request),
            Route::FormStep(FormId::Request, StepId::Need),
            Route::FormStep(FormId::Request, StepId::Confirmation),
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
    fn the_request_link_carries_the_course() {
        assert_eq!(Route::request_href(None), "#/sur-mesure");
        let href = Route::request_href(Some("prog sur/mesure"));
        assert_eq!(href, "#/sur-mesure?formation=prog%20sur%2Fmesure");
        let loc = Location::from_hash(&href).unwrap();
        assert_eq!(loc.route, Route::FormStart(FormId::Request));
        assert!(Route::FormStep(FormId::Request, StepId::Need).is_within(&Route::Catalogue));
        assert!(Route::FormStart(FormId::Trainer).is_within(&Route::TrainerCall));
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
        // A step of another form, or an unknown step, is not a page.
        assert_eq!(route("#/sur-mesure/expertise"), Route::NotFound);
        assert_eq!(route("#/candidature/besoin"), Route::NotFound);
        assert_eq!(route("#/sur-mesure/nope"), Route::NotFound);
    }

    #[test]
    fn a_static_document_names_its_route_by_its_path() {
        let at = |rel: &str, search: &str| Location::from_document_path(rel, search);
        assert_eq!(at("", "").route, Route::Home);
        assert_eq!(at("index.html", "").route, Route::Home);
        assert_eq!(
            at("formation/m-42/", "").route,
            Route::Course("m-42".into())
        );
        assert_eq!(
            at("formation/m-42/index.html", "").route,
            Route::Course("m-42".into())
        );
        let catalogue = at("catalogue/", "?q=data");
        assert_eq!(
            (catalogue.route, catalogue.query.as_str()),
            (Route::Catalogue, "q=data")
        );
        assert_eq!(at("nope/", "").route, Route::NotFound);
    }

    #[test]
    fn static_pages_have_their_own_folders_and_links() {
        assert_eq!(Route::Home.static_path().as_deref(), Some(""));
        assert_eq!(
            Route::Catalogue.static_path().as_deref(),
            Some("catalogue/")
        );
        assert_eq!(
            Route::Course("parcours-cyber".into())
                .static_path()
                .as_deref(),
            Some("formation/parcours-cyber/")
        );
        assert_eq!(
            Route::FormStart(FormId::Request).static_path().as_deref(),
            Some("sur-mesure/")
        );
        // Pages that depend on the visitor, and ids that are not plain slugs.
        assert_eq!(Route::Selection.static_path(), None);
        assert_eq!(
            Route::FormStep(FormId::Trainer, StepId::Proposal).static_path(),
            None
        );
        for id in [
            "Cyber",
            "é",
            "a/b",
            "..",
            "-x",
            "",
            &"a".repeat(101),
            "a b",
            "a.b",
        ] {
            assert_eq!(Route::Course(id.into()).static_path(), None, "{id:?}");
        }
        // Every static folder reads back as its route.
        for route in Route::FIXED_STATIC
            .iter()
            .cloned()
            .chain([Route::Course("m-42".into())])
        {
            let path = route.static_path().unwrap();
            assert_eq!(Route::from_path(&path), route, "{path}");
        }
        // Links: hash routes in the live app, files while rendering static pages.
        let course = Route::Course("m-42".into());
        assert_eq!(course.href(), "#/formation/m-42");
        assert_eq!(anchor_href("contenu"), "#contenu");
        render_static_links(&course, || {
            assert_eq!(course.href(), "formation/m-42/");
            assert_eq!(Route::Home.href(), "./");
            assert_eq!(Route::catalogue_href("q=data"), "catalogue/?q=data");
            assert_eq!(Route::Selection.href(), "#/ma-selection");
            assert_eq!(Route::Course("Cyber".into()).href(), "#/formation/Cyber");
            assert_eq!(anchor_href("contenu"), "formation/m-42/#contenu");
        });
        assert_eq!(course.href(), "#/formation/m-42");
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
