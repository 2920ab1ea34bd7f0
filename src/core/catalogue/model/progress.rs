//! The sliced parser ([`ParseProgress`]): the same result as
//! [`Parsed::from_json`], a few courses at a time.

use std::ops::Range;

use crate::catalogue::scan::{CourseScanner, Scan};
use crate::catalogue::sliced::Sliced;

use super::parse::{read_header, Assembly, CourseChecker, Header, RawDocument};
use super::report::{CatalogueError, Parsed};

/// Where a [`ParseProgress`] is.
#[derive(Debug)]
pub(super) enum ParseStage<'t> {
    /// Finding the courses (and, first, everything before them).
    Scan(CourseScanner<'t>),
    /// Checking the courses, in order.
    Courses {
        header: Header,
        checker: CourseChecker,
        elements: Vec<Range<usize>>,
        next: usize,
    },
    /// Gathering the checked courses.
    Assembly(Assembly),
    /// The document is left to [`Parsed::from_json`], in one go: it is not
    /// shaped as the scanner expects, or not valid (then the one-shot parser
    /// says exactly why).
    OneShot,
    /// Finished.
    Done(Result<Parsed, CatalogueError>),
}

/// Parses a catalogue document a few courses at a time, so that a large
/// catalogue never blocks the page for long ([`Sliced`]). The result is
/// exactly [`Parsed::from_json`]'s.
///
/// The top level is read by a quick scanner ([`crate::catalogue::scan`]) that finds the
/// courses, a few at a time; everything else (version, domains, figures…) is
/// read by serde_json from the document with its courses replaced by `[]`,
/// and each course is parsed on its own. A document the scanner does not expect,
/// or one that turns out not to be JSON, goes to [`Parsed::from_json`] whole.
#[derive(Debug)]
pub struct ParseProgress<'t> {
    text: &'t str,
    stage: ParseStage<'t>,
}

/// Scanning an element costs far less than parsing a course: this many are
/// scanned for one course's worth of work.
pub(super) const SCANS_PER_COURSE: usize = 8;

impl<'t> ParseProgress<'t> {
    /// Starts parsing `text`.
    pub fn new(text: &'t str) -> ParseProgress<'t> {
        let stage = if text.trim_start().starts_with('{') {
            ParseStage::Scan(CourseScanner::new(text))
        } else {
            ParseStage::OneShot
        };
        ParseProgress { text, stage }
    }

    /// How many courses were found, and how many of them are checked (both 0
    /// until the courses are all found).
    pub fn progress(&self) -> (usize, usize) {
        match &self.stage {
            ParseStage::Courses { elements, next, .. } => (elements.len(), *next),
            ParseStage::Done(Ok(parsed)) => {
                let n = parsed.catalogue.courses.len() + parsed.skipped.len();
                (n, n)
            }
            _ => (0, 0),
        }
    }

    /// Everything but the courses, read from the document with its `courses`
    /// array (the bytes `array`) replaced by `[]`; `None` if that fails in any
    /// way (the one-shot parser will say why, or read it after all).
    pub(super) fn header(text: &str, array: Range<usize>) -> Option<Header> {
        let (before, after) = (text.get(..array.start)?, text.get(array.end..)?);
        let mut rest = String::with_capacity(before.len() + after.len() + 2);
        rest.push_str(before);
        rest.push_str("[]");
        rest.push_str(after);
        let raw: RawDocument = serde_json::from_str(&rest).ok()?;
        read_header(raw).ok().map(|(header, _)| header)
    }
}

/// A unit of work is about one course's worth.
impl Sliced for ParseProgress<'_> {
    type Output = Result<Parsed, CatalogueError>;

    /// Does about `courses` courses' worth of work (at least one unit; reading
    /// the document's members other than its courses is one unit, and so is a
    /// document left to the one-shot parser). Returns `true` once finished.
    fn step(&mut self, courses: usize) -> bool {
        let courses = courses.max(1);
        let text = self.text;
        self.stage = match std::mem::replace(&mut self.stage, ParseStage::OneShot) {
            ParseStage::Scan(mut scanner) => {
                match scanner.step(courses.saturating_mul(SCANS_PER_COURSE)) {
                    Scan::Pending => ParseStage::Scan(scanner),
                    Scan::Unusable => ParseStage::OneShot,
                    Scan::Found(array) => match Self::header(text, array) {
                        Some(header) => {
                            let elements = scanner.into_elements();
                            let mut checker = CourseChecker::new(&header.domains);
                            checker.reserve(elements.len());
                            ParseStage::Courses {
                                checker,
                                header,
                                elements,
                                next: 0,
                            }
                        }
                        None => ParseStage::OneShot,
                    },
                }
            }
            ParseStage::Courses {
                header,
                mut checker,
                elements,
                next,
            } => {
                let end = next.saturating_add(courses).min(elements.len());
                let mut valid = true;
                for (index, range) in elements.iter().enumerate().take(end).skip(next) {
                    // Ranges are at ASCII bytes (quotes, brackets, separators).
                    let json = text.get(range.clone()).unwrap_or("");
                    if checker.add(index, json, false).is_err() {
                        valid = false;
                        break;
                    }
                }
                if !valid {
                    ParseStage::OneShot
                } else if end == elements.len() {
                    ParseStage::Assembly(checker.into_assembly(header))
                } else {
                    ParseStage::Courses {
                        header,
                        checker,
                        elements,
                        next: end,
                    }
                }
            }
            ParseStage::Assembly(mut assembly) => {
                if assembly.step(courses) {
                    ParseStage::Done(Ok(assembly.finish()))
                } else {
                    ParseStage::Assembly(assembly)
                }
            }
            ParseStage::OneShot => ParseStage::Done(Parsed::from_json(text)),
            done @ ParseStage::Done(_) => done,
        };
        matches!(self.stage, ParseStage::Done(_))
    }

    /// The parse result, finishing whatever [`Sliced::step`] has not done.
    fn finish(mut self) -> Result<Parsed, CatalogueError> {
        while !self.step(usize::MAX) {}
        match self.stage {
            ParseStage::Done(result) => result,
            // Unreachable: `step` returned true.
            _ => Parsed::from_json(self.text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::tests::{course, doc};

    /// `ParseProgress` run `count` courses at a time.
    fn chunked(text: &str, count: usize) -> Result<Parsed, CatalogueError> {
        let mut progress = ParseProgress::new(text);
        let mut calls = 0usize;
        while !progress.step(count) {
            calls += 1;
            assert!(calls < 1_000_000, "the parse must end");
        }
        progress.finish()
    }

    /// A synthetic catalogue with every kind of problem: invalid, duplicate
    /// and dangling courses, bad optional fields, synonyms, figures.
    fn troubled_catalogue(n: usize) -> String {
        let text = crate::catalogue::synthetic::catalogue_json(n, 99);
        let text = text.replacen(r#""free":true"#, r#""free":"oui""#, 7);
        let text = text.replacen(
            r#""prerequisites":[]"#,
            r#""prerequisites":[],"contact":"javascript:alert(1)","price":12,"eligibility":" Tous  les agents ""#,
            11,
        );
        let text = text.replace(r#""id":"module-12""#, r#""id":"module-3""#);
        let text = text.replace(r#""module-40""#, r#""ghost""#);
        let text = text.replacen(r#""domains":["#, r#""domains":["nowhere","#, 3);
        text.replacen(
            r#""version":1,"#,
            r#""version":1,"synonyms":[["ia","intelligence artificielle"]],"figures":[{"value":"21 000","label":"agents"}],"#,
            1,
        )
    }

    #[test]
    fn the_chunked_parse_is_the_one_shot_parse() {
        // Synthetic catalogues, clean and troubled, in slices of any size.
        for text in [
            crate::catalogue::synthetic::catalogue_json(1500, 2026),
            troubled_catalogue(1500),
        ] {
            let one_shot = Parsed::from_json(&text);
            let parsed = one_shot.as_ref().unwrap();
            assert!(!parsed.catalogue.courses.is_empty());
            for count in [1, 3, 64, 1000, usize::MAX] {
                assert_eq!(chunked(&text, count), one_shot, "{count}");
            }
        }
        let troubled = Parsed::from_json(&troubled_catalogue(1500)).unwrap();
        assert!(troubled.skipped.len() >= 8, "{}", troubled.skipped.len());
        assert!(troubled.dropped.len() >= 8, "{:?}", troubled.dropped);
        assert!(!troubled.catalogue.synonyms.is_empty());
        assert!(!troubled.catalogue.figures.is_empty());
    }

    #[test]
    fn odd_and_broken_documents_give_the_one_shot_result_too() {
        let ok = doc(&[course("m1", "module", ""), course("m2", "module", "")].join(","));
        let courses_first = r#"{"courses": [{"id": 1}], "version": 1, "domains": []}"#;
        let domains_after = format!(
            r#"{{"version": 1, "courses": [{}], "domains": [{{"id": "data", "label": "Data"}}]}}"#,
            course("m1", "module", "")
        );
        let cases: Vec<String> = vec![
            ok.clone(),
            courses_first.to_owned(),
            domains_after,
            // Broken inside a course, between courses, after them.
            ok.replacen(r#""summary": "s","#, r#""summary": "s""#, 1),
            ok.replacen(r#"}, {"id": "m2""#, r#"} {"id": "m2""#, 1),
            ok.replacen(r#""sessions": []"#, r#""sessions": [}"#, 1),
            format!("{ok} trailing"),
            format!("{ok},"),
            ok.replacen(r#""unknown_field": true"#, r#""unknown_field": tru"#, 1),
            ok.replacen(r#""title": "Titre m1""#, "\"title\": \"Titre\tm1\"", 1),
            ok.replacen(r#""title": "Titre m1""#, r#""title": "Titre \q""#, 1),
            ok.replacen(r#""version": 1"#, r#""version": 2"#, 1),
            ok.replacen(r#""version": 1,"#, "", 1),
            // Shapes the scanner leaves to the one-shot parser.
            ok.replacen(r#""courses""#, r#""c\u006furses""#, 1),
            ok.replacen(r#""unknown_field""#, r#""courses""#, 1),
            ok.replacen(r#""courses": ["#, r#""courses": null, "x": ["#, 1),
            format!("\u{feff}{ok}"),
            format!(" \n{ok}\n "),
            r#"{"version": 1, "courses": []}"#.to_owned(),
            r#"{"version": 1, "courses": [ ]}"#.to_owned(),
            r#"{"version": 1, "courses": [1, "x", null, [], {}]}"#.to_owned(),
            r#"{"version": 1}"#.to_owned(),
            r#"{"version": 1, "courses": {}}"#.to_owned(),
            "[]".to_owned(),
            "{".to_owned(),
            String::new(),
            "{}".to_owned(),
        ];
        for text in &cases {
            let one_shot = Parsed::from_json(text);
            for count in [1, 2, usize::MAX] {
                assert_eq!(chunked(text, count), one_shot, "{count}: {text}");
            }
        }
    }
}
