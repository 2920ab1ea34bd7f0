//! What a course page shows of the catalogue, small enough to travel inside
//! its HTML file.
//!
//! A course page shows one course, its modules or the parcours it belongs to,
//! and four similar courses: some ten courses of the catalogue's 160 (the
//! whole catalogue is some 70 kB brotli). The static-page renderer
//! (`campus-pages`) writes a [`CourseExcerpt`] into each course's file: a
//! catalogue of the contract holding only those courses, and the similar
//! courses it found in the whole one. In the browser, the course page takes
//! over from its static content with that excerpt, read by the same parser
//! as the whole catalogue; the whole catalogue comes when a page needs it
//! (a search, the list, another course). A deployment whose `config.json`
//! names another catalogue, or a page of another course, does not use it.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::filters::FilterKey;
use super::model::{Catalogue, Course, Domain, SUPPORTED_VERSION};

/// The excerpt format this app reads and writes (another is ignored).
pub const EXCERPT_VERSION: u32 = 1;

/// How many similar courses a course page proposes.
pub const SIMILAR_COURSES: usize = 4;

/// Id of the `<script type="application/json">` element that carries a course
/// page's excerpt.
pub const EXCERPT_ID: &str = "campus-course";

/// A course page's share of a catalogue, as its file carries it.
#[derive(Debug, Serialize, Deserialize)]
pub struct CourseExcerpt {
    /// [`EXCERPT_VERSION`].
    pub version: u32,
    /// The `catalogue_url` it was made from.
    pub source: String,
    /// The course the page shows.
    pub course: String,
    /// Its similar courses, in order, as the whole catalogue ranks them.
    pub similar: Vec<String>,
    /// How many courses the whole catalogue skipped as invalid (the page
    /// says so, as with the whole catalogue).
    pub skipped: usize,
    /// A catalogue of the contract with only the courses the page shows.
    pub catalogue: Box<RawValue>,
}

/// What a catalogue read from an excerpt stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpted {
    /// The `catalogue_url` it was made from.
    pub source: String,
    /// The course it was made for.
    pub course: String,
    /// Its similar courses, in order.
    pub similar: Vec<String>,
    /// The query of the address it was read for, if it serves that query
    /// ([`serves_query`]).
    pub query: Option<String>,
}

impl Excerpted {
    /// Whether it can show the course `id`, at an address whose query is
    /// `query`, for a deployment whose catalogue is `catalogue_url`: the
    /// address it was read for, if it serves it (a plain comparison, so that
    /// the main module needs no code to read a query: another address of the
    /// same course is shown from the whole catalogue).
    pub fn serves(&self, catalogue_url: &str, id: &str, query: &str) -> bool {
        self.source == catalogue_url && self.course == id && self.query.as_deref() == Some(query)
    }
}

/// The catalogue part of an excerpt (written only: it is read back by the
/// contract's own parser).
#[derive(Serialize)]
struct Part<'a> {
    version: u64,
    updated: &'a str,
    domains: &'a [Domain],
    courses: Vec<&'a Course>,
}

impl CourseExcerpt {
    /// The excerpt of `catalogue` for the course `id` with its `similar`
    /// courses (ids, in order); `None` if the catalogue has no such course.
    /// It holds the course, its modules, the parcours that contain it and the
    /// similar courses, each once, in the catalogue's order.
    pub fn of(
        catalogue: &Catalogue,
        id: &str,
        similar: Vec<String>,
        skipped: usize,
        source: &str,
    ) -> Option<CourseExcerpt> {
        let course = catalogue.course(id)?;
        let wanted = |c: &Course| {
            c.id == id
                || course.modules.contains(&c.id)
                || c.modules.iter().any(|m| m == id)
                || similar.contains(&c.id)
        };
        let included: Vec<&Course> = catalogue.courses.iter().filter(|c| wanted(c)).collect();
        // A parcours shown as a link or a card keeps only the modules the
        // excerpt holds (the parser skips a parcours with a module it lacks):
        // only the page's own course lists all of its modules.
        let courses: Vec<Course> = included
            .iter()
            .map(|&c| {
                let mut c = c.clone();
                if c.id != id {
                    c.modules
                        .retain(|m| included.iter().any(|other| other.id == *m));
                }
                c
            })
            .collect();
        let part = Part {
            version: SUPPORTED_VERSION,
            updated: &catalogue.updated,
            domains: &catalogue.domains,
            courses: courses.iter().collect(),
        };
        let text = serde_json::to_string(&part).ok()?;
        Some(CourseExcerpt {
            version: EXCERPT_VERSION,
            source: source.to_owned(),
            course: id.to_owned(),
            similar,
            skipped,
            catalogue: RawValue::from_string(text).ok()?,
        })
    }

    /// Reads an excerpt written by [`CourseExcerpt::to_json`]; `None` if it is
    /// not one of this version (the page then uses the whole catalogue).
    pub fn from_json(text: &str) -> Option<CourseExcerpt> {
        serde_json::from_str::<CourseExcerpt>(text)
            .ok()
            .filter(|e| e.version == EXCERPT_VERSION)
    }

    /// The excerpt as JSON for a `<script type="application/json">` element:
    /// `<` is written `\u003c`, so no text of the catalogue can close it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self)
            .unwrap_or_default()
            .replace('<', "\\u003c")
    }

    /// What the catalogue read from it stands for, read for an address whose
    /// query is `query`.
    pub fn excerpted(&self, query: &str) -> Excerpted {
        Excerpted {
            source: self.source.clone(),
            course: self.course.clone(),
            similar: self.similar.clone(),
            query: serves_query(query).then(|| query.to_owned()),
        }
    }
}

/// Whether a course page at an address whose query is `query` can be shown
/// from an excerpt: its query names no filter on sessions (a key of the
/// filter table with a session test, and a value). An address whose filters
/// narrow the sessions (from a list filtered on a region, a format) is shown
/// from the whole catalogue, which alone knows which of those values exist.
pub fn serves_query(query: &str) -> bool {
    !query.trim_start_matches('?').split('&').any(|pair| {
        pair.split_once('=').is_some_and(|(key, value)| {
            !value.is_empty()
                && FilterKey::from_url_key(key).is_some_and(|k| k.spec().session.is_some())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::Parsed;
    use crate::catalogue::synthetic::catalogue_json;

    fn sample() -> Catalogue {
        Parsed::from_json(include_str!("../../../public/catalogue.json"))
            .expect("the bundled catalogue")
            .catalogue
    }

    fn parcours_with_modules(catalogue: &Catalogue) -> &Course {
        catalogue
            .courses
            .iter()
            .find(|c| !c.modules.is_empty())
            .expect("a parcours with modules")
    }

    fn read_back(excerpt: &CourseExcerpt) -> Parsed {
        let again = CourseExcerpt::from_json(&excerpt.to_json()).expect("an excerpt");
        Parsed::from_json(again.catalogue.get()).expect("a catalogue of the contract")
    }

    #[test]
    fn a_parcours_carries_its_modules_and_similar_courses_as_the_catalogue_has_them() {
        let catalogue = sample();
        let parcours = parcours_with_modules(&catalogue);
        let similar: Vec<String> = catalogue
            .courses
            .iter()
            .filter(|c| c.id != parcours.id && !parcours.modules.contains(&c.id))
            .take(4)
            .map(|c| c.id.clone())
            .collect();
        let excerpt = CourseExcerpt::of(
            &catalogue,
            &parcours.id,
            similar.clone(),
            0,
            "catalogue.json",
        )
        .expect("the course exists");
        let parsed = read_back(&excerpt);
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        assert!(parsed.dropped.is_empty(), "{:?}", parsed.dropped);
        let ids: Vec<&str> = parsed
            .catalogue
            .courses
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids.len(), 1 + parcours.modules.len() + similar.len());
        for id in parcours.modules.iter().chain(&similar) {
            assert!(ids.contains(&id.as_str()), "{id} in the excerpt");
        }
        // Each course as the whole catalogue has it, field for field (a
        // parcours other than the page's lists only the modules it holds).
        for course in &parsed.catalogue.courses {
            let mut whole = catalogue
                .course(&course.id)
                .expect("a course of the catalogue")
                .clone();
            if course.id != parcours.id {
                whole.modules.retain(|m| ids.contains(&m.as_str()));
            }
            assert_eq!(course, &whole);
        }
        assert_eq!(parsed.catalogue.domains, catalogue.domains);
        assert_eq!(excerpt.excerpted("").similar, similar);
    }

    #[test]
    fn a_module_carries_the_parcours_that_contain_it() {
        let catalogue = sample();
        let parcours = parcours_with_modules(&catalogue);
        let module = &parcours.modules[0];
        let excerpt = CourseExcerpt::of(&catalogue, module, Vec::new(), 0, "catalogue.json")
            .expect("the module exists");
        let parsed = read_back(&excerpt);
        let expected: Vec<&str> = catalogue
            .parcours_containing(module)
            .map(|p| p.id.as_str())
            .collect();
        let got: Vec<&str> = parsed
            .catalogue
            .parcours_containing(module)
            .map(|p| p.id.as_str())
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(got, expected);
    }

    #[test]
    fn it_serves_only_its_course_and_its_catalogue_and_no_text_closes_its_element() {
        let mut catalogue = Parsed::from_json(&catalogue_json(3, 1))
            .expect("a synthetic catalogue")
            .catalogue;
        catalogue.courses[0].title = "Fin </script><script>alert(1)</script>".into();
        let id = catalogue.courses[0].id.clone();
        let excerpt = CourseExcerpt::of(&catalogue, &id, Vec::new(), 0, "catalogue.json")
            .expect("the course exists");
        let json = excerpt.to_json();
        assert!(!json.contains('<'));
        let excerpted = excerpt.excerpted("");
        assert!(excerpted.serves("catalogue.json", &id, ""));
        assert!(!excerpted.serves("https://ailleurs.gouv.fr/catalogue.json", &id, ""));
        assert!(!excerpted.serves("catalogue.json", "une-autre", ""));
        // Another address of the course: the whole catalogue.
        assert!(!excerpted.serves("catalogue.json", &id, "q=x"));
        let query = "q=cyber&domaine=data&utm_source=x&region=";
        assert!(excerpt
            .excerpted(query)
            .serves("catalogue.json", &id, query));
        // Sessions narrowed to a region or a format: the whole catalogue.
        for query in ["region=Bretagne", "?q=x&format=presentiel"] {
            assert!(!excerpt
                .excerpted(query)
                .serves("catalogue.json", &id, query));
        }
        let parsed = read_back(&excerpt);
        assert_eq!(
            parsed.catalogue.courses[0].title,
            catalogue.courses[0].title
        );
        assert!(
            CourseExcerpt::of(&catalogue, "absente", Vec::new(), 0, "catalogue.json").is_none()
        );
    }

    #[test]
    fn another_version_or_a_broken_excerpt_is_not_read() {
        assert!(CourseExcerpt::from_json("").is_none());
        assert!(CourseExcerpt::from_json("{\"version\":1}").is_none());
        assert!(CourseExcerpt::from_json(
            "{\"version\":2,\"source\":\"c\",\"course\":\"a\",\"similar\":[],\"skipped\":0,\"catalogue\":{}}"
        )
        .is_none());
        assert!(CourseExcerpt::from_json(
            "{\"version\":1,\"source\":\"c\",\"course\":\"a\",\"similar\":[],\"skipped\":0,\"catalogue\":{}}"
        )
        .is_some());
    }
}
