//! The route table: every page of the app, and how it maps to and from the URL.
//!
//! Every page has a real address under the site root: `catalogue/?q=data`,
//! `formation/parcours-cyber/`, `candidature/vous/`. Each is a file that
//! `campus-pages` writes (`index.html` in its folder), so a plain static file
//! server, a CDN or a sub-path such as `/formations/campus/` serves every
//! address with no rewrite rule. Every document names the site root as its
//! `<base>`, so the same relative link works from any page; in the live app
//! a click on one moves through the History API (`ui::router`). The old
//! fragment addresses (`#/catalogue?q=data`) are moved to their path by the
//! first script of `index.html`, before anything is drawn.

use crate::application::form::{FormId, StepId};
use crate::util::percent::{percent_decode, percent_decode_with, percent_encode};

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    /// `./`: key figures, domains, entry points.
    Home,
    /// `catalogue/`: search and filters (state in the query part).
    Catalogue,
    /// `formation/{id}/`: one course (`formation/?id=…` for an id that is no
    /// plain slug, or a course added after the pages were written).
    Course(String),
    /// `ma-selection/`: bookmarked courses.
    Selection,
    /// `devenir-formateur/`: the call for volunteer trainers.
    TrainerCall,
    /// `candidature/`, `sur-mesure/`: start or resume a form (the trainer
    /// application, the sur-mesure request).
    FormStart(FormId),
    /// `candidature/{step}/`, `sur-mesure/{step}/`: one step of a form.
    FormStep(FormId, StepId),
    /// `accessibilite/`: accessibility statement.
    Accessibility,
    /// `mentions-legales/`: legal notice.
    LegalNotice,
    /// `donnees-personnelles/`: privacy notice.
    PersonalData,
    /// `plan-du-site/`: sitemap.
    Sitemap,
    /// Anything else.
    NotFound,
}

impl Route {
    /// The start of the sur-mesure request (`sur-mesure/`), as the menu
    /// links it.
    pub const REQUEST_START: Route = Route::FormStart(FormId::Request);

    /// The catalogue with a query string (without `?`), e.g. a deep link to a
    /// filtered view.
    pub fn catalogue_href(query: &str) -> String {
        with_query(Route::Catalogue.href(), query)
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
    /// The course excerpt that its HTML file carries (the course, its
    /// modules or parcours, similar courses: `catalogue::excerpt`); the whole
    /// catalogue only if that excerpt cannot serve.
    Course,
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
            PageData::Course => "course",
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
            Route::Course(_) => PageData::Course,
            Route::Catalogue
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
    /// The location of a document: `rel` is its path from the site root
    /// (`formation/x/`, `catalogue/index.html`, `""` for the root), already
    /// percent-decoded, and `search` its query string (with or without `?`).
    /// The generic course page `formation/?id=…` names its course in the
    /// query, which then keeps the other keys only.
    pub fn from_document_path(rel: &str, search: &str) -> Location {
        let rel = rel.strip_suffix("index.html").unwrap_or(rel);
        let query = search.strip_prefix('?').unwrap_or(search);
        if rel.trim_matches('/') == COURSE_FOLDER {
            // The first `id=` names the course; the other pairs stay.
            let mut id = None;
            let rest = pairs_where(query, |pair| match pair.strip_prefix("id=") {
                Some(value) if id.is_none() => {
                    id = percent_decode_with(value, true);
                    false
                }
                _ => true,
            });
            return Location {
                route: match id {
                    Some(id) if !id.is_empty() => Route::Course(id),
                    _ => Route::NotFound,
                },
                query: rest,
            };
        }
        Location {
            route: Route::from_path(rel),
            query: query.to_owned(),
        }
    }

    /// Parses a link of the app, relative to the site root
    /// (`catalogue/?q=data`, `formation/m-42/`, `./`, as [`Route::href`]
    /// writes them). `None` for what is no page of the app: an in-page
    /// anchor (`#contenu`), an absolute or other-site address, a file
    /// (`catalogue.json`, `x.ics`). A fragment after the page is ignored,
    /// unless it holds the query (`#ids=…`, see [`with_query`]).
    pub fn from_href(href: &str) -> Option<Location> {
        // (`#ids=…`: the site root with its query in the fragment.)
        if href.starts_with('/') || (href.starts_with('#') && !href.contains('=')) {
            return None;
        }
        let (href, fragment) = href.split_once('#').unwrap_or((href, ""));
        let (path, query) = href.split_once('?').unwrap_or((href, ""));
        // A query too long for a server travels as the fragment (see
        // [`with_query`]); an anchor (`#contenu`) has no `=`.
        let query = if query.is_empty() && fragment.contains('=') {
            fragment
        } else {
            query
        };
        let path = path.strip_prefix("./").unwrap_or(path);
        // A scheme (`https:`, `mailto:`; the app's own paths encode `:`), or
        // a file (`catalogue.json`).
        let file = &path[path.bytes().rposition(|b| b == b'/').map_or(0, |i| i + 1)..];
        if path.contains(':') || (file.contains('.') && file != "index.html") {
            return None;
        }
        Some(Location::from_document_path(&percent_decode(path)?, query))
    }

    /// [`Location::from_href`] for a link to a page the app has (not
    /// [`Route::NotFound`]): the links the router keeps in the document and
    /// a widget opens on the full site.
    pub fn of_page(href: &str) -> Option<Location> {
        Location::from_href(href).filter(|l| l.route != Route::NotFound)
    }

    /// The `href` of this location, relative to the site root: its route's
    /// and its query.
    pub fn href(&self) -> String {
        with_query(self.route.href(), &self.query)
    }
}

/// The folder of the course pages, and of the generic one (`formation/?id=`).
const COURSE_FOLDER: &str = "formation";

/// The non-empty pairs of `query` (with or without `?`) that `keep` accepts,
/// in order, joined by `&` (each pair as written: nothing is decoded).
pub fn pairs_where(query: &str, mut keep: impl FnMut(&str) -> bool) -> String {
    let mut out = String::new();
    for pair in query.trim_start_matches('?').split('&') {
        if !pair.is_empty() && keep(pair) {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(pair);
        }
    }
    out
}

/// The longest query string a link of the app sends to the server. Hosts
/// refuse longer request lines (nginx's default buffer is 8 KB, some proxies
/// and old browsers stop near 2,000 characters): past it, the query travels
/// as the fragment (`ma-selection/#ids=…`), which never leaves the browser and
/// which [`Location::from_href`] reads back. The first script of every page
/// applies the same limit when it moves an old `#/…` address.
pub const MAX_SERVER_QUERY: usize = 1_800;

/// `href` with `query` (without `?`) added to its own query string, if any;
/// a query longer than [`MAX_SERVER_QUERY`] as the fragment.
pub fn with_query(href: String, query: &str) -> String {
    let (page, own) = href.split_once(['?', '#']).unwrap_or((&href, ""));
    let joined = match (own.is_empty(), query.is_empty()) {
        (_, true) => own.to_owned(),
        (true, false) => query.to_owned(),
        (false, false) => format!("{own}&{query}"),
    };
    match joined.len() {
        0 => page.to_owned(),
        n if n > MAX_SERVER_QUERY => format!("{page}#{joined}"),
        _ => format!("{page}?{joined}"),
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

    /// The path of this route under the site root, e.g. `/formation/abc`.
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
    /// (`sur-mesure/?formation=<id>`).
    pub fn request_href(course: Option<&str>) -> String {
        let start = Route::FormStart(FormId::Request).href();
        match course {
            Some(id) => with_query(start, &format!("formation={}", percent_encode(id))),
            None => start,
        }
    }

    /// The `href` of a link to this route, relative to the site root (every
    /// document names it as its `<base>`): its file's folder
    /// (`formation/m-42/`, `./` for the home page), or for a course without
    /// one the generic course page (`formation/?id=…`): every course, when
    /// the pages were written for another catalogue ([`set_course_folders`]).
    pub fn href(&self) -> String {
        let folder = match self {
            Route::Course(_) if !COURSE_FOLDERS.with(std::cell::Cell::get) => None,
            _ => self.static_path(),
        };
        match (self, folder) {
            (_, Some(path)) if path.is_empty() => "./".into(),
            (_, Some(path)) => path,
            (Route::Course(id), None) => format!("{COURSE_FOLDER}/?id={}", percent_encode(id)),
            // No file: a page that does not exist.
            (_, None) => "404.html".into(),
        }
    }

    /// The folder of this route's page, relative to the site root (`""` for
    /// the home page, `formation/parcours-cyber/` for a course): every page
    /// has one, written by `campus-pages`, except a course whose id is not a
    /// plain lowercase slug (it could clash on a case-insensitive disk or
    /// need escaping), which opens through the generic course page like a
    /// course added after the pages were written.
    pub fn static_path(&self) -> Option<String> {
        match self {
            Route::Course(id) if !is_static_slug(id) => None,
            Route::NotFound => None,
            Route::Home => Some(String::new()),
            other => Some(format!("{}/", other.path().trim_start_matches('/'))),
        }
    }

    /// Whether search engines should list this page: not those that show
    /// what a visitor keeps (a selection, a form step), nor the generic
    /// course page.
    pub fn is_indexed(&self) -> bool {
        !matches!(
            self,
            Route::Selection | Route::FormStep(..) | Route::NotFound
        )
    }

    /// Whether this page's static content serves a visitor when the app
    /// cannot start it (its code could not be fetched): text and plain links
    /// (the catalogue, a course, the information pages) stay in view; a page
    /// that is a tool of the app (a form and its draft, the selection kept in
    /// the browser) gives way to the app's message with its retry.
    pub fn readable_without_app(&self) -> bool {
        !matches!(
            self,
            Route::Selection | Route::FormStart(_) | Route::FormStep(..)
        )
    }

    /// Every page that exists without a catalogue, in the order their files
    /// are written (each form step included).
    pub fn fixed() -> Vec<Route> {
        let mut routes = vec![
            Route::Home,
            Route::Catalogue,
            Route::Selection,
            Route::TrainerCall,
        ];
        for form in FormId::ALL {
            routes.push(Route::FormStart(form));
            routes.extend(form.form().steps().map(|step| Route::FormStep(form, step)));
        }
        routes.extend([
            Route::Accessibility,
            Route::LegalNotice,
            Route::PersonalData,
            Route::Sitemap,
        ]);
        routes
    }

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

/// The name of the `<meta>` that carries [`folders_stamp`] in every page.
pub const FOLDERS_META: &str = "campus-folders";

/// The stamp of the course folders that pages were written for: a hash of
/// the ids, in order, of the catalogue's courses that get a folder
/// ([`is_static_slug`]). `campus-pages` writes it into every page
/// (`<meta name="campus-folders">`); the app compares it with the catalogue
/// it loads ([`set_course_folders`]).
pub fn folders_stamp<'a>(ids: impl IntoIterator<Item = &'a str>) -> String {
    crate::fingerprint::fnv1a_hex(
        ids.into_iter()
            .filter(|id| is_static_slug(id))
            .flat_map(|id| id.bytes().chain([b'\n'])),
    )
}

/// Says whether the course pages have folders of their own: `false` when
/// the catalogue in use is not the one the pages were written for (a course
/// added since has none), and course links then all go through the generic
/// course page, which opens and reloads any course.
pub fn set_course_folders(exist: bool) {
    COURSE_FOLDERS.with(|folders| folders.set(exist));
}

thread_local! {
    /// Whether course links may name their folder ([`set_course_folders`]).
    static COURSE_FOLDERS: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };

    /// The static page being rendered (its folder, as [`Route::static_path`]),
    /// or `None` in the live app.
    static STATIC_PAGE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Runs `render` with in-page anchors written for the static page of
/// `route`: they name this page's own file (the site root is the page's
/// `<base>`, so a bare `#id` would leave the page without JavaScript; the
/// live app keeps such a click in the page, `ui::router`).
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

#[cfg(test)]
mod tests {
    use super::*;

    fn route(href: &str) -> Route {
        Location::from_href(href).expect("a route").route
    }

    #[test]
    fn chunk_indexes_follow_the_table_and_landing_pages_need_none() {
        for (i, chunk) in Chunk::ALL.iter().enumerate() {
            assert_eq!(chunk.index(), i);
        }
        // The home page and the page for a wrong address are in the main
        // module: a first visit most often lands on one of them.
        for route in [Route::Home, Route::NotFound, route("nulle-part/")] {
            assert_eq!(route.chunk(), None, "{route:?}");
        }
        assert_eq!(route("accessibilite/").chunk(), Some(Chunk::Info));
        assert_eq!(Route::Course("x".into()).chunk(), Some(Chunk::Course));
        assert_eq!(
            route("candidature/proposition/").chunk(),
            Some(Chunk::Forms)
        );
        assert_eq!(route("sur-mesure/").chunk(), Some(Chunk::Forms));
    }

    #[test]
    fn empty_and_root_hrefs_are_home() {
        assert_eq!(route(""), Route::Home);
        assert_eq!(route("./"), Route::Home);
        assert_eq!(route("index.html"), Route::Home);
        assert_eq!(route("./?x=1"), Route::Home);
    }

    fn every_route() -> Vec<Route> {
        let mut all = Route::fixed();
        all.extend([
            Route::Course("parcours-cyber".into()),
            Route::Course("éà ?/#&+".into()),
            Route::Course("Cyber".into()),
        ]);
        all
    }

    #[test]
    fn every_route_round_trips_through_its_href() {
        for r in every_route() {
            assert_eq!(route(&r.href()), r, "href {}", r.href());
            let with_query = Location {
                route: r.clone(),
                query: "q=a%20b&page=2".into(),
            };
            assert_eq!(
                Location::from_href(&with_query.href()),
                Some(with_query.clone()),
                "{}",
                with_query.href()
            );
        }
    }

    #[test]
    fn pages_that_are_tools_of_the_app_are_not_readable_without_it() {
        let tools: Vec<String> = Route::fixed()
            .into_iter()
            .filter(|r| !r.readable_without_app())
            .map(|r| r.href())
            .collect();
        assert!(tools.contains(&"ma-selection/".to_owned()));
        assert!(tools.contains(&"candidature/vous/".to_owned()));
        assert!(tools.contains(&"sur-mesure/".to_owned()));
        assert!(Route::Catalogue.readable_without_app());
        assert!(Route::Course("x".into()).readable_without_app());
        assert!(Route::TrainerCall.readable_without_app());
    }

    #[test]
    fn a_query_too_long_for_a_server_travels_as_the_fragment() {
        let long = format!("q={}", "x".repeat(MAX_SERVER_QUERY));
        for r in every_route() {
            let location = Location {
                route: r.clone(),
                query: long.clone(),
            };
            let href = location.href();
            let (page, fragment) = href.split_once('#').expect(&href);
            assert!(!page.contains("q=x"), "{page}");
            assert!(fragment.ends_with(&long[2..]), "{href}");
            assert_eq!(Location::from_href(&href), Some(location), "{href}");
        }
        // Just under the limit: a query; an anchor is no query.
        let short = "x".repeat(MAX_SERVER_QUERY - 2);
        assert_eq!(
            with_query("catalogue/".into(), &format!("q={short}")),
            format!("catalogue/?q={short}")
        );
        assert_eq!(Location::from_href("catalogue/#contenu").unwrap().query, "");
        assert_eq!(Location::from_href("./#ids=a").unwrap().route, Route::Home);
        assert_eq!(Location::from_href("#ids=a").unwrap().query, "ids=a");
        assert_eq!(Location::from_href("#contenu"), None);
    }

    #[test]
    fn every_href_is_a_folder_or_the_generic_course_page() {
        for r in every_route() {
            let href = r.href();
            assert!(
                href == "./" || href.ends_with('/') || href.starts_with("formation/?id="),
                "{href}"
            );
            assert!(!href.contains('#') && !href.starts_with('/'), "{href}");
        }
        assert_eq!(Route::Course("m-42".into()).href(), "formation/m-42/");
        assert_eq!(
            Route::Course("Cyber é".into()).href(),
            "formation/?id=Cyber%20%C3%A9"
        );
        assert_eq!(
            Route::FormStep(FormId::Trainer, StepId::Proposal).href(),
            "candidature/proposition/"
        );
        assert_eq!(Route::Selection.href(), "ma-selection/");
        assert_eq!(Route::Home.href(), "./");
    }

    #[test]
    fn the_request_link_carries_the_course() {
        assert_eq!(Route::request_href(None), "sur-mesure/");
        let href = Route::request_href(Some("prog sur/mesure"));
        assert_eq!(href, "sur-mesure/?formation=prog%20sur%2Fmesure");
        let loc = Location::from_href(&href).unwrap();
        assert_eq!(loc.route, Route::FormStart(FormId::Request));
        assert_eq!(loc.query, "formation=prog%20sur%2Fmesure");
        assert!(Route::FormStep(FormId::Request, StepId::Need).is_within(&Route::Catalogue));
        assert!(Route::FormStart(FormId::Trainer).is_within(&Route::TrainerCall));
    }

    #[test]
    fn query_is_kept_apart_from_the_path() {
        let loc = Location::from_href("catalogue/?q=data&page=2").unwrap();
        assert_eq!(loc.route, Route::Catalogue);
        assert_eq!(loc.query, "q=data&page=2");
        assert_eq!(route("catalogue"), Route::Catalogue);
        assert_eq!(route("catalogue/index.html"), Route::Catalogue);
        assert_eq!(Route::catalogue_href("q=data"), "catalogue/?q=data");
        assert_eq!(Route::catalogue_href(""), "catalogue/");
    }

    #[test]
    fn the_generic_course_page_names_its_course_in_the_query() {
        let loc = Location::from_href("formation/?id=a%2Bb+c&x=1").unwrap();
        assert_eq!(loc.route, Route::Course("a+b c".into()));
        assert_eq!(loc.query, "x=1");
        assert_eq!(route("formation/"), Route::NotFound);
        assert_eq!(route("formation/?id="), Route::NotFound);
        assert_eq!(route("formation/?id=%FF"), Route::NotFound);
    }

    #[test]
    fn what_is_no_page_of_the_app_is_left_alone() {
        for href in [
            "#contenu",
            "#footer",
            "/formations/campus/catalogue/",
            "https://example.gouv.fr/",
            "//example.gouv.fr/",
            "mailto:campus@numerique.gouv.fr",
            "catalogue.json",
            "formation/x/session.ics",
        ] {
            assert_eq!(Location::from_href(href), None, "{href}");
        }
        // A fragment after a page is not part of it.
        assert_eq!(route("catalogue/?q=x#resultats"), Route::Catalogue);
    }

    #[test]
    fn unknown_or_malformed_paths_are_not_found() {
        assert_eq!(route("nope/"), Route::NotFound);
        assert_eq!(route("formation/a/b/"), Route::NotFound);
        assert_eq!(Location::from_href("formation/%E9%ZZ/"), None);
        assert_eq!(Location::from_href("formation/%FF/"), None);
        // A step of another form, or an unknown step, is not a page.
        assert_eq!(route("sur-mesure/expertise/"), Route::NotFound);
        assert_eq!(route("candidature/besoin/"), Route::NotFound);
        assert_eq!(route("sur-mesure/nope/"), Route::NotFound);
    }

    #[test]
    fn a_document_names_its_route_by_its_path() {
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
    fn every_page_has_its_own_folder() {
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
            Route::FormStep(FormId::Trainer, StepId::Proposal)
                .static_path()
                .as_deref(),
            Some("candidature/proposition/")
        );
        assert_eq!(
            Route::Selection.static_path().as_deref(),
            Some("ma-selection/")
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
        // Every folder reads back as its route; each is written once.
        let fixed = Route::fixed();
        for route in fixed.iter().cloned().chain([Route::Course("m-42".into())]) {
            let path = route.static_path().unwrap();
            assert_eq!(Route::from_path(&path), route, "{path}");
        }
        let folders: std::collections::HashSet<_> = fixed.iter().map(|r| r.static_path()).collect();
        assert_eq!(folders.len(), fixed.len());
        // What a visitor keeps is not for search engines.
        assert!(!Route::Selection.is_indexed());
        assert!(!Route::FormStep(FormId::Request, StepId::Need).is_indexed());
        assert!(Route::FormStart(FormId::Request).is_indexed());
        // In-page anchors: `#id` in the live app, the page's file and `#id`
        // while static pages are rendered.
        let course = Route::Course("m-42".into());
        assert_eq!(anchor_href("contenu"), "#contenu");
        render_static_links(&course, || {
            assert_eq!(anchor_href("contenu"), "formation/m-42/#contenu");
        });
        assert_eq!(anchor_href("contenu"), "#contenu");
    }

    #[test]
    fn course_links_use_the_generic_page_when_the_folders_are_not_for_this_catalogue() {
        let stamp = folders_stamp(["m-1", "Bad Id", "m-2"]);
        assert_eq!(stamp, folders_stamp(["m-1", "m-2"]));
        assert_ne!(stamp, folders_stamp(["m-1", "m-2", "m-3"]));
        assert_ne!(stamp, folders_stamp(["m-2", "m-1"]));
        assert_eq!(stamp.len(), 16);
        set_course_folders(false);
        let href = Route::Course("m-1".into()).href();
        set_course_folders(true);
        assert_eq!(href, "formation/?id=m-1");
        assert_eq!(Route::Course("m-1".into()).href(), "formation/m-1/");
    }

    #[test]
    fn course_pages_belong_to_the_catalogue_section() {
        assert!(Route::Course("x".into()).is_within(&Route::Catalogue));
        assert!(Route::Catalogue.is_within(&Route::Catalogue));
        assert!(!Route::Home.is_within(&Route::Catalogue));
    }
}
