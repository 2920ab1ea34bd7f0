//! The one-shot parser ([`Parsed::from_json`]) and the parts the sliced one
//! shares with it: the document's header, the course checker, the assembly of
//! the checked courses.

use std::collections::HashSet;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::catalogue::sliced::Sliced;

use super::report::{CatalogueError, DroppedField, Parsed, SkipReason, Skipped};
use super::sanitize::{check_extras, sanitize_links, synonym_group};
use super::types::{Catalogue, Course, Domain, Figure, Kind, TrainerCall, SUPPORTED_VERSION};

#[derive(Deserialize)]
pub(super) struct RawDocument<'a> {
    #[serde(default, borrow)]
    pub(super) version: Option<&'a RawValue>,
    #[serde(default)]
    pub(super) updated: Option<String>,
    #[serde(default, borrow)]
    pub(super) domains: Option<Vec<&'a RawValue>>,
    #[serde(default, borrow)]
    pub(super) courses: Option<Vec<&'a RawValue>>,
    #[serde(default, borrow)]
    pub(super) figures: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub(super) trainer_call: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub(super) synonyms: Option<&'a RawValue>,
}

#[derive(Deserialize)]
pub(super) struct IdOnly {
    id: Option<String>,
}

/// Everything in a document but its courses, read and checked.
#[derive(Debug)]
pub(super) struct Header {
    pub(super) updated: String,
    pub(super) domains: Vec<Domain>,
    pub(super) figures: Vec<Figure>,
    pub(super) trainer_call: Option<TrainerCall>,
    pub(super) synonyms: Vec<Vec<String>>,
}

/// Checks the version and reads everything but the courses, which it returns
/// as written.
pub(super) fn read_header(
    raw: RawDocument<'_>,
) -> Result<(Header, Vec<&RawValue>), CatalogueError> {
    match raw.version.map(|v| v.get().trim()) {
        Some(v) if v.parse::<u64>() == Ok(SUPPORTED_VERSION) => {}
        other => return Err(CatalogueError::UnsupportedVersion(other.map(str::to_owned))),
    }

    // Domains: keep the valid ones, first occurrence of an id wins.
    let mut domains: Vec<Domain> = Vec::new();
    for value in raw.domains.unwrap_or_default() {
        if let Ok(domain) = serde_json::from_str::<Domain>(value.get()) {
            if !domain.id.is_empty() && !domains.iter().any(|d| d.id == domain.id) {
                domains.push(domain);
            }
        }
    }

    let figures = raw
        .figures
        .and_then(|v| serde_json::from_str::<Vec<Figure>>(v.get()).ok())
        .unwrap_or_default();
    let trainer_call = raw
        .trainer_call
        .and_then(|v| serde_json::from_str::<TrainerCall>(v.get()).ok());

    // Optional and not essential: a malformed table is ignored, not fatal.
    let synonyms = raw
        .synonyms
        .and_then(|v| serde_json::from_str::<Vec<&RawValue>>(v.get()).ok())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|group| synonym_group(group.get()))
        .collect();

    let header = Header {
        updated: raw.updated.unwrap_or_default(),
        domains,
        figures,
        trainer_call,
        synonyms,
    };
    Ok((header, raw.courses.unwrap_or_default()))
}

/// A course's text is not JSON at all (only possible when it was not checked
/// beforehand): the whole document is malformed.
#[derive(Debug)]
pub(super) struct NotJson;

/// Checks the courses one by one, in order.
#[derive(Debug)]
pub(super) struct CourseChecker {
    pub(super) domain_ids: HashSet<String>,
    pub(super) seen_ids: HashSet<String>,
    pub(super) skipped: Vec<Skipped>,
    pub(super) candidates: Vec<(usize, Course, Vec<DroppedField>)>,
    /// The ids of the valid modules among the candidates.
    pub(super) modules: HashSet<String>,
}

impl CourseChecker {
    pub(super) fn new(domains: &[Domain]) -> CourseChecker {
        CourseChecker {
            domain_ids: domains.iter().map(|d| d.id.clone()).collect(),
            seen_ids: HashSet::new(),
            skipped: Vec::new(),
            candidates: Vec::new(),
            modules: HashSet::new(),
        }
    }

    /// Makes room for `courses` courses (a large catalogue then grows without
    /// copying or rehashing over and over: each is one long step).
    pub(super) fn reserve(&mut self, courses: usize) {
        self.candidates.reserve_exact(courses);
        self.seen_ids.reserve(courses);
        self.modules.reserve(courses);
    }

    /// Checks the course at `index`, written `json`; `checked` tells whether
    /// `json` is known to be valid JSON.
    pub(super) fn add(&mut self, index: usize, json: &str, checked: bool) -> Result<(), NotJson> {
        let mut course = match serde_json::from_str::<Course>(json) {
            Ok(course) => course,
            Err(e) => {
                if !checked && serde_json::from_str::<serde::de::IgnoredAny>(json).is_err() {
                    return Err(NotJson);
                }
                let id = serde_json::from_str::<IdOnly>(json).ok().and_then(|i| i.id);
                self.skipped.push(Skipped {
                    index,
                    id,
                    reason: SkipReason::Invalid(e.to_string()),
                });
                return Ok(());
            }
        };
        let skip = |reason| Skipped {
            index,
            id: Some(course.id.clone()),
            reason,
        };
        let problem = if course.id.trim().is_empty() || course.title.trim().is_empty() {
            Some(SkipReason::Invalid("empty id or title".into()))
        } else if !course.duration_hours.is_finite() || course.duration_hours < 0.0 {
            Some(SkipReason::Invalid("negative duration".into()))
        } else if course.domains.is_empty() {
            Some(SkipReason::Invalid("no domain".into()))
        } else if let Some(unknown) = course
            .domains
            .iter()
            .find(|d| !self.domain_ids.contains(d.as_str()))
        {
            Some(SkipReason::UnknownDomain(unknown.clone()))
        } else if let Some(bad) = course.sessions.iter().find(|s| s.end < s.start) {
            Some(SkipReason::SessionEndsBeforeStart(bad.id.clone()))
        } else if !self.seen_ids.insert(course.id.clone()) {
            Some(SkipReason::DuplicateId)
        } else {
            None
        };
        if let Some(reason) = problem {
            self.skipped.push(skip(reason));
            return Ok(());
        }
        sanitize_links(&mut course);
        let notes = check_extras(&mut course, index);
        crate::util::sort::sort_by_key(&mut course.sessions, |s| s.start);
        if course.kind == Kind::Module {
            self.modules.insert(course.id.clone());
        }
        self.candidates.push((index, course, notes));
        Ok(())
    }

    /// The parse result, once every course is checked.
    pub(super) fn finish(self, header: Header) -> Parsed {
        self.into_assembly(header).run()
    }

    /// Leaves the last check (a parcours may only list valid modules, known
    /// once all courses are checked) to an [`Assembly`], a few at a time.
    pub(super) fn into_assembly(self, header: Header) -> Assembly {
        Assembly {
            header,
            courses: Vec::with_capacity(self.candidates.len()),
            candidates: self.candidates.into_iter(),
            modules: self.modules,
            skipped: self.skipped,
            dropped: Vec::new(),
        }
    }
}

/// The checked courses, being gathered into the catalogue ([`Sliced`]: a
/// unit of work is one course).
#[derive(Debug)]
pub(super) struct Assembly {
    pub(super) header: Header,
    pub(super) candidates: std::vec::IntoIter<(usize, Course, Vec<DroppedField>)>,
    pub(super) modules: HashSet<String>,
    pub(super) courses: Vec<Course>,
    pub(super) skipped: Vec<Skipped>,
    pub(super) dropped: Vec<DroppedField>,
}

impl Sliced for Assembly {
    type Output = Parsed;

    /// Gathers up to `count` more courses; returns whether all are.
    fn step(&mut self, count: usize) -> bool {
        for (index, course, notes) in self.candidates.by_ref().take(count) {
            if let Some(missing) = course.modules.iter().find(|m| !self.modules.contains(*m)) {
                self.skipped.push(Skipped {
                    index,
                    id: Some(course.id.clone()),
                    reason: SkipReason::DanglingModule(missing.clone()),
                });
                continue;
            }
            self.dropped.extend(notes);
            self.courses.push(course);
        }
        self.candidates.len() == 0
    }

    /// The parse result, once every course is gathered.
    fn finish(mut self) -> Parsed {
        while !self.step(usize::MAX) {}
        let header = self.header;
        let mut skipped = self.skipped;
        crate::util::sort::sort_by_key(&mut skipped, |s| s.index);
        Parsed {
            catalogue: Catalogue {
                updated: header.updated,
                domains: header.domains,
                courses: self.courses,
                figures: header.figures,
                trainer_call: header.trainer_call,
                synonyms: header.synonyms,
            },
            skipped,
            dropped: self.dropped,
        }
    }
}

impl Parsed {
    /// Parses a catalogue document (contract version 1).
    pub fn from_json(text: &str) -> Result<Parsed, CatalogueError> {
        // serde would also accept a JSON array for a struct: refuse it up front.
        if !text.trim_start().starts_with('{') {
            return Err(CatalogueError::Malformed("expected a JSON object".into()));
        }
        let raw: RawDocument =
            serde_json::from_str(text).map_err(|e| CatalogueError::Malformed(e.to_string()))?;
        let (header, values) = read_header(raw)?;
        // Courses, each on its own.
        let mut checker = CourseChecker::new(&header.domains);
        for (index, value) in values.into_iter().enumerate() {
            // Already checked as JSON by the document's parse.
            let _ = checker.add(index, value.get(), true);
        }
        Ok(checker.finish(header))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::tests::{course, doc};

    #[test]
    fn a_valid_document_parses_with_all_fields() {
        let text = doc(&[
            course("m1", "module", ""),
            course(
                "p1",
                "parcours",
                r#", "modules": ["m1"], "url": "https://x.gouv.fr""#,
            ),
        ]
        .join(","));
        let parsed = Parsed::from_json(&text).unwrap();
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        let cat = parsed.catalogue;
        assert_eq!(cat.domains.len(), 2);
        assert_eq!(cat.courses.len(), 2);
        assert_eq!(cat.courses[1].modules, vec!["m1"]);
        assert_eq!(cat.courses[1].url.as_deref(), Some("https://x.gouv.fr"));
        assert_eq!(
            cat.courses[0].paragraphs().collect::<Vec<_>>(),
            vec!["p1", "p2"]
        );
        assert_eq!(cat.parcours_containing("m1").count(), 1);
        assert_eq!(cat.course("p1").map(|c| c.kind), Some(Kind::Parcours));
        assert!(cat.course("absent").is_none());
        let title = cat.courses[1].title.clone();
        assert_eq!(cat.course_titled(&title).map(|c| c.id.as_str()), Some("p1"));
        assert!(cat.course_titled("").is_none());
    }

    #[test]
    fn invalid_courses_are_skipped_and_counted() {
        let text = doc(&[
            course("ok", "module", ""),
            course("bad-kind", "webinaire", ""),
            course("bad-domain", "module", "").replace(r#"["data"]"#, r#"["nope"]"#),
            course("dangling", "parcours", r#", "modules": ["ghost"]"#),
            course("ok", "module", ""),
            r#"{"id": 42}"#.to_owned(),
            course("bad-date", "module", r#", "sessions": [{"id": "s", "start": "demain", "end": "2027-01-01T10:00:00Z", "format": "distanciel"}]"#)
                ,
        ]
        .join(","));
        let parsed = Parsed::from_json(&text).unwrap();
        assert_eq!(parsed.catalogue.courses.len(), 1);
        let reasons: Vec<_> = parsed
            .skipped
            .iter()
            .map(|s| (s.index, s.reason.clone()))
            .collect();
        assert_eq!(reasons.len(), 6, "{reasons:?}");
        assert!(matches!(reasons[0], (1, SkipReason::Invalid(_))));
        assert_eq!(reasons[1], (2, SkipReason::UnknownDomain("nope".into())));
        assert_eq!(reasons[2], (3, SkipReason::DanglingModule("ghost".into())));
        assert_eq!(reasons[3], (4, SkipReason::DuplicateId));
        assert!(matches!(reasons[4], (5, SkipReason::Invalid(_))));
        assert_eq!(parsed.skipped[1].id.as_deref(), Some("bad-domain"));
    }

    #[test]
    fn a_parcours_pointing_to_a_skipped_module_is_skipped_too() {
        let text = doc(&[
            course("m1", "module", "").replace("\"free\": true", "\"free\": \"oui\""),
            course("p1", "parcours", r#", "modules": ["m1"]"#),
        ]
        .join(","));
        let parsed = Parsed::from_json(&text).unwrap();
        assert!(parsed.catalogue.courses.is_empty());
        assert_eq!(parsed.skipped.len(), 2);
    }

    #[test]
    fn a_parcours_may_not_list_another_parcours_as_a_module() {
        let text = doc(&[
            course("p0", "parcours", ""),
            course("p1", "parcours", r#", "modules": ["p0"]"#),
        ]
        .join(","));
        let parsed = Parsed::from_json(&text).unwrap();
        assert_eq!(parsed.catalogue.courses.len(), 1);
        assert_eq!(
            parsed.skipped[0].reason,
            SkipReason::DanglingModule("p0".into())
        );
    }

    #[test]
    fn a_dropped_field_of_a_skipped_course_is_not_reported() {
        let text = doc(&course(
            "p1",
            "parcours",
            r#", "modules": ["ghost"], "contact": 3"#,
        ));
        let parsed = Parsed::from_json(&text).unwrap();
        assert_eq!(parsed.skipped.len(), 1);
        assert!(parsed.dropped.is_empty());
    }

    #[test]
    fn synonyms_are_optional_and_read_tolerantly() {
        let with = |synonyms: &str| {
            let text = doc(&course("m1", "module", "")).replacen(
                r#""version": 1,"#,
                &format!(r#""version": 1, "synonyms": {synonyms},"#),
                1,
            );
            Parsed::from_json(&text).unwrap()
        };
        let parsed = with(
            r#"[["ia", "intelligence artificielle"], ["RGAA", " accessibilité numérique ", "a11y"],
                ["seul"], "pas un groupe", [], [" ", "x"], ["ux", 3, null, "expérience utilisateur", "ux"],
                {"a": "b"}]"#,
        );
        assert_eq!(
            parsed.catalogue.synonyms,
            vec![
                vec!["ia".to_owned(), "intelligence artificielle".to_owned()],
                vec![
                    "RGAA".to_owned(),
                    "accessibilité numérique".to_owned(),
                    "a11y".to_owned()
                ],
                vec!["ux".to_owned(), "expérience utilisateur".to_owned()],
            ]
        );
        // The courses are unaffected; a table that is not an array is ignored.
        assert_eq!(parsed.catalogue.courses.len(), 1);
        for bad in [
            r#""ia""#,
            r#"{"ia": ["intelligence artificielle"]}"#,
            "null",
            "3",
        ] {
            let parsed = with(bad);
            assert!(parsed.catalogue.synonyms.is_empty(), "{bad}");
            assert_eq!(parsed.catalogue.courses.len(), 1, "{bad}");
        }
        // Absent: none.
        let parsed = Parsed::from_json(&doc(&course("m1", "module", ""))).unwrap();
        assert!(parsed.catalogue.synonyms.is_empty());
    }

    #[test]
    fn wrong_version_or_malformed_json_fails_the_document() {
        assert!(matches!(
            Parsed::from_json("{"),
            Err(CatalogueError::Malformed(_))
        ));
        assert!(matches!(
            Parsed::from_json("[]"),
            Err(CatalogueError::Malformed(_))
        ));
        assert_eq!(
            Parsed::from_json(r#"{"version": 2, "courses": []}"#),
            Err(CatalogueError::UnsupportedVersion(Some("2".into())))
        );
        assert_eq!(
            Parsed::from_json(r#"{"courses": []}"#),
            Err(CatalogueError::UnsupportedVersion(None))
        );
    }
}
