//! The static pages: one HTML file per page a visitor can land on (home,
//! catalogue, each course, the trainer call, the form starts, the institutional
//! pages), plus `sitemap.xml` and `robots.txt`. Each file shows its page's real
//! content before the WebAssembly has loaded, and search engines index every
//! course under its own URL.
//!
//! This module is pure: the text of each file, from the built `index.html`
//! (the shell), the page's rendered body and its data. `render` (feature `ssr`)
//! renders the bodies with the app's own views; the `campus-pages` binary reads
//! and writes the files.

pub mod structured_data;

pub mod render;

use std::fmt;

use campus_core::routes::Route;

/// Marks, in `index.html`, where a page's own head elements go (right after
/// the viewport meta: `<base>` must precede every relative URL).
pub const HEAD_MARK: (&str, &str) = ("<!--campus:head-->", "<!--/campus:head-->");
/// Marks, in `index.html`, where a page's static content goes.
pub const BODY_MARK: (&str, &str) = ("<!--campus:static-->", "<!--/campus:static-->");

/// Most URLs one sitemap file may list (sitemaps.org).
pub const SITEMAP_MAX_URLS: usize = 50_000;

/// Why a static page could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaticError {
    /// The site URL is not an absolute `http(s)` URL.
    SiteUrl(String),
    /// The shell lacks a mark, a `<title>` or a description.
    Shell(&'static str),
}

impl fmt::Display for StaticError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StaticError::SiteUrl(url) => write!(
                f,
                "the site URL must be absolute, http or https, with no query or fragment (got {url:?})"
            ),
            StaticError::Shell(what) => write!(f, "index.html has no {what}"),
        }
    }
}

/// Where the site is published: an absolute `http(s)` URL ending with `/`
/// (`https://campus.numerique.gouv.fr/` or a sub-path such as
/// `https://www.ministere.gouv.fr/formations/campus/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteUrl(String);

impl SiteUrl {
    /// Checks `text` and adds the final `/` if missing.
    pub fn parse(text: &str) -> Result<SiteUrl, StaticError> {
        let text = text.trim();
        let bad = || StaticError::SiteUrl(text.to_owned());
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))
            .ok_or_else(bad)?;
        let host = rest.split('/').next().unwrap_or_default();
        if host.is_empty()
            || text.contains(['?', '#', ' ', '"', '<', '>', '\\'])
            || text.chars().any(char::is_control)
        {
            return Err(bad());
        }
        let mut url = text.to_owned();
        if !url.ends_with('/') {
            url.push('/');
        }
        Ok(SiteUrl(url))
    }

    /// The root URL, ending with `/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The absolute URL of a page's static folder (see [`Route::static_path`]).
    pub fn page(&self, static_path: &str) -> String {
        format!("{}{static_path}", self.0)
    }
}

/// What a static page says about itself in its `<head>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageHead {
    /// The document title.
    pub title: String,
    /// The meta description (one or two sentences).
    pub description: String,
    /// The page's folder from the site root (`formation/x/`, `""` for home).
    pub static_path: String,
    /// schema.org JSON-LD, already escaped for a `<script>` element.
    pub json_ld: Option<String>,
    /// What the page shows of the catalogue.
    pub data: campus_core::routes::PageData,
    /// What the live page starts from, JSON already escaped for a `<script>`
    /// element: the home page's summary (`catalogue::summary`), a course's
    /// excerpt (`catalogue::excerpt`); written for those two kinds of `data`.
    pub page_data: Option<String>,
    /// Whether search engines should list the page (`noindex` otherwise:
    /// a selection, a form step, the generic course page).
    pub indexed: bool,
    /// The stamp of the course folders written ([`campus_core::routes::folders_stamp`]).
    pub folders: String,
}

/// The number of folders between the site root and a page.
fn depth(static_path: &str) -> usize {
    static_path.matches('/').count()
}

/// Escapes text for an HTML attribute value or element content.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Replaces what lies between the two marks (the marks stay, so that the
/// same file can be filled again).
fn fill(html: &str, (open, close): (&str, &str), content: &str) -> Option<String> {
    let (start, end) = between(html, open, close)?;
    Some(format!("{}{content}{}", &html[..start], &html[end..]))
}

/// The text between two marks, `None` if they are missing.
fn between(html: &str, open: &str, close: &str) -> Option<(usize, usize)> {
    let start = html.find(open)? + open.len();
    let end = start + html[start..].find(close)?;
    Some((start, end))
}

/// The file of one static page: the shell with the page's title, description,
/// `<base>` (the site root, relative, so the files work under any sub-path
/// and on any host), canonical URL, JSON-LD and rendered content.
pub fn page_html(
    shell: &str,
    site: &SiteUrl,
    head: &PageHead,
    body: &str,
) -> Result<String, StaticError> {
    // The site root, relative so that the files work under any sub-path and
    // on any host (index.html's first script makes it absolute, so that it
    // stays when the live app moves to another address).
    let mut elements = format!(
        "<base href=\"{}\" />",
        match depth(&head.static_path) {
            0 => "./".to_owned(),
            depth => "../".repeat(depth),
        }
    );
    if !head.indexed {
        elements.push_str("<meta name=\"robots\" content=\"noindex\" />");
    }
    elements.push_str(&format!(
        "<meta name=\"{}\" content=\"{}\" />",
        campus_core::routes::FOLDERS_META,
        escape_html(&head.folders)
    ));
    elements.push_str(&format!(
        "<link rel=\"canonical\" href=\"{}\" />",
        escape_html(&site.page(&head.static_path))
    ));
    // Feed readers find the catalogue's Atom feed from any page.
    elements.push_str(&format!(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\" />",
        escape_html(campus_core::catalogue::atom::ATOM_TITLE),
        escape_html(&site.page(campus_core::catalogue::atom::ATOM_PATH))
    ));
    elements.push_str(&format!(
        "<meta name=\"campus-data\" content=\"{}\" />",
        head.data.as_str()
    ));
    if let Some(json_ld) = &head.json_ld {
        elements.push_str(&format!(
            "<script type=\"application/ld+json\">{json_ld}</script>"
        ));
    }
    let html = fill(shell, HEAD_MARK, &elements).ok_or(StaticError::Shell("campus:head mark"))?;

    let html = fill(&html, ("<title>", "</title>"), &escape_html(&head.title))
        .ok_or(StaticError::Shell("<title>"))?;
    let description = ("<meta name=\"description\" content=\"", "\"");
    let html = fill(&html, description, &escape_html(&head.description))
        .ok_or(StaticError::Shell("meta description"))?;

    // No content (the generic course page): the shell's loading message.
    let mut content = if body.is_empty() {
        String::new()
    } else {
        format!("<div id=\"campus-static\">{body}</div>")
    };
    // After the content, so that its bytes do not come before the first paint;
    // outside it, so that it stays when a `#/…` route replaces the content.
    let data_id = match head.data {
        campus_core::routes::PageData::Summary => Some(campus_core::catalogue::summary::SUMMARY_ID),
        campus_core::routes::PageData::Course => Some(campus_core::catalogue::excerpt::EXCERPT_ID),
        _ => None,
    };
    if let (Some(id), Some(json)) = (data_id, &head.page_data) {
        content.push_str(&format!(
            "<script type=\"application/json\" id=\"{id}\">{json}</script>"
        ));
    }
    fill(&html, BODY_MARK, &content).ok_or(StaticError::Shell("campus:static mark"))
}

/// The shell as it left the build, whatever an earlier run wrote into it:
/// empty marks, so that a regeneration starts from the same file; without
/// its comments for developers (every page would carry them), the marks kept.
pub fn pristine_shell(html: &str) -> Result<String, StaticError> {
    let html = fill(html, HEAD_MARK, "").ok_or(StaticError::Shell("campus:head mark"))?;
    let html = fill(&html, BODY_MARK, "").ok_or(StaticError::Shell("campus:static mark"))?;
    let marks = [HEAD_MARK.0, HEAD_MARK.1, BODY_MARK.0, BODY_MARK.1];
    Ok(strip_comments(&html, &marks))
}

/// `html` without its comments (`<!-- … -->`, and the `<!>` markers of
/// Leptos's renderer), except those equal to one of `keep`. For markup
/// written by us or by the renderer, where `<` in text and attribute values
/// is escaped: an unclosed comment is kept as it is.
pub fn strip_comments(html: &str, keep: &[&str]) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!") {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = if tail.starts_with("<!>") {
            Some(3)
        } else if let Some(body) = tail.strip_prefix("<!--") {
            body.find("-->").map(|i| i + 7)
        } else {
            // `<!DOCTYPE html>`: not a comment.
            None
        };
        match end {
            Some(end) => {
                let comment = &tail[..end];
                if keep.contains(&comment) {
                    out.push_str(comment);
                }
                rest = &tail[end..];
            }
            None => {
                out.push_str("<!");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Escapes text for XML content (the Atom feed's escaping: the sitemaps are
/// XML too).
fn escape_xml(text: &str) -> String {
    campus_core::catalogue::atom::xml_text(text)
}

/// The sitemap files: `sitemap.xml` alone when the URLs fit in one file, else
/// `sitemap.xml` as an index of `sitemap-1.xml`, `sitemap-2.xml`… (50,000 URLs
/// each). `lastmod` is the catalogue's date (`YYYY-MM-DD`), when valid.
pub fn sitemaps(site: &SiteUrl, urls: &[String], lastmod: Option<&str>) -> Vec<(String, String)> {
    let lastmod = lastmod
        .filter(|d| is_iso_date(d))
        .map(|d| format!("<lastmod>{d}</lastmod>"))
        .unwrap_or_default();
    let urlset = |urls: &[String]| {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for url in urls {
            xml.push_str(&format!(
                "<url><loc>{}</loc>{lastmod}</url>\n",
                escape_xml(url)
            ));
        }
        xml.push_str("</urlset>\n");
        xml
    };
    if urls.len() <= SITEMAP_MAX_URLS {
        return vec![("sitemap.xml".into(), urlset(urls))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, chunk) in urls.chunks(SITEMAP_MAX_URLS).enumerate() {
        let name = format!("sitemap-{}.xml", n + 1);
        index.push_str(&format!(
            "<sitemap><loc>{}</loc>{lastmod}</sitemap>\n",
            escape_xml(&site.page(&name))
        ));
        files.push((name, urlset(chunk)));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".into(), index));
    files
}

/// `robots.txt`: everything may be crawled; where the sitemap is.
pub fn robots_txt(site: &SiteUrl) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.page("sitemap.xml")
    )
}

/// Whether `text` is a `YYYY-MM-DD` date.
fn is_iso_date(text: &str) -> bool {
    campus_core::util::dates::iso_date(text).is_some()
}

/// The folder of the generic course page (`formation/?id=…`): a course
/// without a folder of its own opens there, on the loading message.
pub fn generic_course_path() -> String {
    "formation/".to_owned()
}

/// Every page that gets a file, given the catalogue's course ids: the fixed
/// pages, then each course whose id can name a folder (the others open
/// through the generic course page, [`generic_course_path`]).
pub fn static_routes<'a>(course_ids: impl IntoIterator<Item = &'a str>) -> Vec<Route> {
    let mut routes: Vec<Route> = Route::fixed();
    let mut seen = std::collections::HashSet::new();
    for id in course_ids {
        let route = Route::Course(id.to_owned());
        if route.static_path().is_some() && seen.insert(id) {
            routes.push(route);
        }
    }
    routes
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<html><head><meta charset=\"utf-8\" /><!--campus:head--><!--/campus:head-->\
        <meta name=\"description\" content=\"Default.\" /><title>Campus</title>\
        <link rel=\"stylesheet\" href=\"dsfr/dsfr.min.css\" /></head>\
        <body><!--campus:static--><!--/campus:static--><div id=\"campus-boot\">Chargement…</div></body></html>";

    fn site() -> SiteUrl {
        SiteUrl::parse("https://example.gouv.fr/formations/campus").unwrap()
    }

    fn head(path: &str) -> PageHead {
        PageHead {
            title: "Data & IA <débuter> - Campus".into(),
            description: "Une \"formation\".".into(),
            static_path: path.into(),
            json_ld: Some("{\"@type\":\"Course\"}".into()),
            data: campus_core::routes::PageData::Catalogue,
            page_data: None,
            indexed: true,
            folders: "0123456789abcdef".into(),
        }
    }

    #[test]
    fn site_urls_are_absolute_http_with_a_final_slash() {
        assert_eq!(
            site().as_str(),
            "https://example.gouv.fr/formations/campus/"
        );
        assert_eq!(
            site().page("formation/x/"),
            "https://example.gouv.fr/formations/campus/formation/x/"
        );
        for bad in [
            "",
            "/campus/",
            "ftp://x/",
            "https://",
            "https://x/?a=1",
            "https://x/#a",
            "javascript:alert(1)",
            "https://x/\"><script>",
        ] {
            assert!(SiteUrl::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_page_gets_its_head_and_content_escaped_and_a_relative_base() {
        let html = page_html(
            SHELL,
            &site(),
            &head("formation/x/"),
            "<main><h1>Titre</h1></main>",
        )
        .unwrap();
        assert!(
            html.contains("<!--campus:head--><base href=\"../../\" />"),
            "{html}"
        );
        assert!(html.contains("<link rel=\"canonical\" href=\"https://example.gouv.fr/formations/campus/formation/x/\" />"));
        assert!(
            html.contains("<script type=\"application/ld+json\">{\"@type\":\"Course\"}</script>")
        );
        assert!(html.contains("<title>Data &amp; IA &lt;débuter&gt; - Campus</title>"));
        assert!(html.contains("content=\"Une &quot;formation&quot;.\""));
        assert!(html.contains("<!--campus:static--><div id=\"campus-static\"><main><h1>Titre</h1></main></div><!--/campus:static--><div id=\"campus-boot\">"));
        // The base precedes every relative URL of the head.
        assert!(html.find("<base").unwrap() < html.find("dsfr/dsfr.min.css").unwrap());
        assert!(!html.contains("noindex"));
        assert!(html.contains("<meta name=\"campus-folders\" content=\"0123456789abcdef\" />"));
        // The home page names itself as the root: links keep their meaning
        // once the live app has moved to another address.
        let home = page_html(SHELL, &site(), &head(""), "x").unwrap();
        assert!(home.contains("<!--campus:head--><base href=\"./\" />"));
        assert!(home.contains("href=\"https://example.gouv.fr/formations/campus/\""));
        // What a visitor keeps is not for search engines; a page with no
        // content shows the loading message alone.
        let step = PageHead {
            indexed: false,
            ..head("candidature/vous/")
        };
        let html = page_html(SHELL, &site(), &step, "").unwrap();
        assert!(html.contains("<meta name=\"robots\" content=\"noindex\" />"));
        assert!(html.contains("<!--campus:static--><!--/campus:static--><div id=\"campus-boot\">"));
    }

    #[test]
    fn a_page_says_what_it_needs_and_the_home_page_carries_its_summary() {
        let html = page_html(SHELL, &site(), &head("formation/x/"), "<p>x</p>").unwrap();
        assert!(
            html.contains("<meta name=\"campus-data\" content=\"catalogue\" />"),
            "{html}"
        );
        assert!(!html.contains("campus-summary"));
        let home = PageHead {
            static_path: String::new(),
            data: campus_core::routes::PageData::Summary,
            page_data: Some("{\"version\":1}".into()),
            ..head("")
        };
        let html = page_html(SHELL, &site(), &home, "<p>x</p>").unwrap();
        assert!(html.contains("<meta name=\"campus-data\" content=\"summary\" />"));
        // After the static content (not removed with it), before the loading message.
        assert!(
            html.contains("<p>x</p></div><script type=\"application/json\" id=\"campus-summary\">{\"version\":1}</script><!--/campus:static-->"),
            "{html}"
        );
        // Filled again (a regeneration), it holds one summary.
        let again = page_html(&pristine_shell(&html).unwrap(), &site(), &home, "<p>x</p>").unwrap();
        assert_eq!(again.matches("campus-summary").count(), 1);
        // A course page carries its excerpt the same way.
        let course = PageHead {
            data: campus_core::routes::PageData::Course,
            page_data: Some("{\"version\":1}".into()),
            ..head("formation/x/")
        };
        let html = page_html(SHELL, &site(), &course, "<p>x</p>").unwrap();
        assert!(html.contains("<meta name=\"campus-data\" content=\"course\" />"));
        assert!(
            html.contains("<p>x</p></div><script type=\"application/json\" id=\"campus-course\">{\"version\":1}</script><!--/campus:static-->"),
            "{html}"
        );
    }

    #[test]
    fn regenerating_starts_from_the_same_shell() {
        let once = page_html(SHELL, &site(), &head("catalogue/"), "<p>un</p>").unwrap();
        let pristine = pristine_shell(&once).unwrap();
        let again = page_html(&pristine, &site(), &head("catalogue/"), "<p>un</p>").unwrap();
        assert_eq!(once, again);
        assert_eq!(pristine.matches("campus-static").count(), 0);
        assert!(pristine_shell("<html>no marks</html>").is_err());
        assert_eq!(
            page_html("<title></title>", &site(), &head(""), "").unwrap_err(),
            StaticError::Shell("campus:head mark")
        );
    }

    #[test]
    fn sitemaps_list_every_url_and_split_past_the_limit() {
        let urls = vec![site().page(""), site().page("formation/a&b/")];
        let files = sitemaps(&site(), &urls, Some("2026-11-30"));
        assert_eq!(files.len(), 1);
        let (name, xml) = &files[0];
        assert_eq!(name, "sitemap.xml");
        assert!(xml.contains("<url><loc>https://example.gouv.fr/formations/campus/formation/a&amp;b/</loc><lastmod>2026-11-30</lastmod></url>"));
        assert_eq!(xml.matches("<url>").count(), 2);
        // An invalid date is left out rather than written.
        assert!(!sitemaps(&site(), &urls, Some("30/11/2026"))[0]
            .1
            .contains("lastmod"));

        let many: Vec<String> = (0..SITEMAP_MAX_URLS + 1)
            .map(|i| site().page(&format!("formation/m{i}/")))
            .collect();
        let files = sitemaps(&site(), &many, None);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
        assert!(files[0].1.contains("<sitemapindex"));
        assert!(files[0]
            .1
            .contains("<loc>https://example.gouv.fr/formations/campus/sitemap-2.xml</loc>"));
        assert_eq!(files[1].1.matches("<url>").count(), SITEMAP_MAX_URLS);
        assert_eq!(files[2].1.matches("<url>").count(), 1);
    }

    #[test]
    fn comments_go_but_the_marks_and_the_doctype_stay() {
        let shell = "<!doctype html><html><head><!-- for developers --><!--campus:head--><!--/campus:head-->\
            </head><body><!-- a\nlong -- note --><!--campus:static--><!--/campus:static--><p>a<!>b<!--<() />--></p></body></html>";
        let pristine = pristine_shell(shell).unwrap();
        assert_eq!(
            pristine,
            "<!doctype html><html><head><!--campus:head--><!--/campus:head--></head><body>\
             <!--campus:static--><!--/campus:static--><p>ab</p></body></html>"
        );
        assert_eq!(strip_comments("a<!-- unclosed", &[]), "a<!-- unclosed");
        assert_eq!(strip_comments("&lt;!&gt; <!>é<!---->", &[]), "&lt;!&gt; é");
    }

    #[test]
    fn robots_names_the_sitemap() {
        assert_eq!(
            robots_txt(&site()),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.gouv.fr/formations/campus/sitemap.xml\n"
        );
    }

    #[test]
    fn every_fixed_page_and_each_sluggable_course_gets_a_file() {
        let routes = static_routes(["m-1", "Bad Id", "m-1", "m-2"]);
        assert_eq!(routes.len(), Route::fixed().len() + 2);
        assert_eq!(routes.last(), Some(&Route::Course("m-2".into())));
        assert!(!routes.contains(&Route::Course("Bad Id".into())));
    }
}
