//! What the home page shows of the catalogue, small enough to travel inside its
//! HTML file.
//!
//! The static-page renderer (`campus-pages`) writes a [`Summary`] of the
//! catalogue it renders into the home page's file, as JSON. In the browser,
//! the home page then takes over from its static content with that summary,
//! without downloading the whole catalogue (some 70 kB brotli for 160
//! courses): the catalogue comes when a page needs it. The summary holds what
//! depends on the day apart (the sessions from the day of the build, the
//! call's deadline), so the live page shows what is true on the visitor's
//! day; when it cannot tell (every session it holds has started, and it holds
//! only the first ones), the page uses the catalogue instead.

use serde::{Deserialize, Serialize};

use super::model::{Catalogue, Figure, TrainerCall};
use super::time::Timestamp;

/// The summary format this app reads and writes (another is ignored).
pub const SUMMARY_VERSION: u32 = 1;

/// Id of the `<script type="application/json">` element that carries a page's
/// summary.
pub const SUMMARY_ID: &str = "campus-summary";

/// How many upcoming sessions the home page lists.
pub const HOME_SESSIONS: usize = 5;

/// How many sessions a summary holds at most, from the day it was made: the
/// home page shows five, and a catalogue regenerated every few weeks keeps
/// enough ahead of the visitor's day.
pub const SUMMARY_SESSIONS: usize = 60;

/// A training field and how many courses it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainCount {
    /// Stable id (`cybersecurite`), for the catalogue link.
    pub id: String,
    /// Display label.
    pub label: String,
    /// One or two sentences.
    pub description: String,
    /// Courses of the catalogue in this field.
    pub courses: usize,
}

/// One session ahead, with its course's title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionAhead {
    /// The course's id.
    pub course: String,
    /// The course's title.
    pub title: String,
    /// Start.
    pub start: Timestamp,
    /// End.
    pub end: Timestamp,
}

/// The home page's share of a catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// [`SUMMARY_VERSION`].
    pub version: u32,
    /// The `catalogue_url` it was made from: a deployment whose `config.json`
    /// names another catalogue does not use it.
    pub source: String,
    /// Key figures.
    pub figures: Vec<Figure>,
    /// Every field, in the catalogue's order.
    pub domains: Vec<DomainCount>,
    /// Sessions starting at or after `from`, by start then course id.
    pub sessions: Vec<SessionAhead>,
    /// Unix time the summary starts from.
    pub from: i64,
    /// Whether `sessions` holds every session from `from` on (not only the first).
    pub complete: bool,
    /// The call for trainers, if published.
    pub trainer_call: Option<TrainerCall>,
}

impl Summary {
    /// The summary of `catalogue` from `from` on, with at most `limit` sessions.
    ///
    /// One pass over the courses, whatever their number: each field's count,
    /// and the soonest `limit` sessions kept as they come (by start, then
    /// course id, then catalogue order), never all of them.
    pub fn of(catalogue: &Catalogue, source: &str, from: i64, limit: usize) -> Summary {
        // Each distinct field id once, with the courses listing it (a course
        // that lists a field twice counts once).
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for d in &catalogue.domains {
            if !counts.iter().any(|(id, _)| *id == d.id) {
                counts.push((&d.id, 0));
            }
        }
        // The sessions ahead, as (course, session) positions: at most twice
        // `limit` are kept, cut back to the soonest `limit` when full.
        let courses = &catalogue.courses;
        let session = |&(c, s): &(u32, u32)| &courses[c as usize].sessions[s as usize];
        let order = |a: &(u32, u32), b: &(u32, u32)| {
            let (sa, sb) = (session(a), session(b));
            sa.start
                .cmp(&sb.start)
                .then_with(|| courses[a.0 as usize].id.cmp(&courses[b.0 as usize].id))
                .then(a.cmp(b))
        };
        let mut ahead: Vec<(u32, u32)> = Vec::new();
        let mut total = 0usize;
        for (c, course) in courses.iter().enumerate() {
            for (i, d) in course.domains.iter().enumerate() {
                if course.domains[..i].contains(d) {
                    continue;
                }
                if let Some((_, n)) = counts.iter_mut().find(|(id, _)| *id == d) {
                    *n += 1;
                }
            }
            for (s, session) in course.sessions.iter().enumerate() {
                if session.start.unix < from {
                    continue;
                }
                total += 1;
                ahead.push((c as u32, s as u32));
                if ahead.len() >= limit.saturating_mul(2).max(64) {
                    ahead.select_nth_unstable_by(limit, order);
                    ahead.truncate(limit);
                }
            }
        }
        crate::util::sort::sort_by(&mut ahead, order);
        let complete = total <= limit;
        let domains = catalogue
            .domains
            .iter()
            .map(|d| DomainCount {
                id: d.id.clone(),
                label: d.label.clone(),
                description: d.description.clone(),
                courses: counts
                    .iter()
                    .find(|(id, _)| *id == d.id)
                    .map_or(0, |&(_, n)| n),
            })
            .collect();
        let sessions = ahead
            .into_iter()
            .take(limit)
            .map(|(c, s)| {
                let (course, session) = (
                    &courses[c as usize],
                    &courses[c as usize].sessions[s as usize],
                );
                SessionAhead {
                    course: course.id.clone(),
                    title: course.title.clone(),
                    start: session.start,
                    end: session.end,
                }
            })
            .collect();
        Summary {
            version: SUMMARY_VERSION,
            source: source.to_owned(),
            figures: catalogue.figures.clone(),
            domains,
            sessions,
            from,
            complete,
            trainer_call: catalogue.trainer_call.clone(),
        }
    }

    /// Reads a summary written by [`Summary::to_json`]; `None` if it is not one
    /// of this version (the page then uses the catalogue).
    pub fn from_json(text: &str) -> Option<Summary> {
        serde_json::from_str::<Summary>(text)
            .ok()
            .filter(|s| s.version == SUMMARY_VERSION)
    }

    /// The summary as JSON for a `<script type="application/json">` element:
    /// `<` is written `\u003c`, so no text of the catalogue can close it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self)
            .unwrap_or_default()
            .replace('<', "\\u003c")
    }

    /// The first `n` sessions starting at or after `now`, if the summary can
    /// tell: `None` when `now` is before the summary's start, or when it holds
    /// only the first sessions and fewer than `n` of them are left.
    pub fn upcoming(&self, now: i64, n: usize) -> Option<&[SessionAhead]> {
        if now < self.from {
            return None;
        }
        let first = self.sessions.partition_point(|s| s.start.unix < now);
        let left = &self.sessions[first..];
        if left.len() >= n {
            Some(&left[..n])
        } else if self.complete {
            Some(left)
        } else {
            None
        }
    }

    /// Whether a page can show what is true at `now` from this summary alone,
    /// for a deployment whose catalogue is `catalogue_url`.
    pub fn serves(&self, catalogue_url: &str, now: i64, sessions_shown: usize) -> bool {
        self.source == catalogue_url && self.upcoming(now, sessions_shown).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::Parsed;

    const DAY: i64 = 86_400;

    fn catalogue(sessions: &[(&str, &str)]) -> Catalogue {
        let courses: Vec<String> = sessions
            .iter()
            .enumerate()
            .map(|(i, (id, start))| {
                format!(
                    r#"{{"id":"{id}","kind":"module","title":"Titre {id} </script>","summary":"s","description":"d","domains":["data"],
                    "level":"decouverte","audience":["tous-agents"],"format":"distanciel","duration_hours":3,"provider":"Campus","free":true,"objectives":[],"prerequisites":[],"contact":"c@numerique.gouv.fr","sessions":[{{"id":"s{i}","start":"{start}","end":"{start}","format":"distanciel"}}]}}"#
                )
            })
            .collect();
        let json = format!(
            r#"{{"version":1,"updated":"2027-01-01","domains":[{{"id":"data","label":"Data","description":"Les données."}},{{"id":"vide","label":"Vide"}}],
            "figures":[{{"value":"21 000","label":"agents formés"}}],"trainer_call":{{"open":true,"deadline":"2027-06-30"}},
            "courses":[{}]}}"#,
            courses.join(",")
        );
        let parsed = Parsed::from_json(&json).expect("valid catalogue");
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        parsed.catalogue
    }

    fn unix(text: &str) -> i64 {
        serde_json::from_str::<Timestamp>(&format!("\"{text}\""))
            .unwrap()
            .unix
    }

    #[test]
    fn counts_each_field_and_keeps_figures_and_call() {
        let c = catalogue(&[
            ("a", "2027-02-01T09:00:00+01:00"),
            ("b", "2027-03-01T09:00:00+01:00"),
        ]);
        let s = Summary::of(&c, "catalogue.json", 0, 10);
        let counts: Vec<_> = s
            .domains
            .iter()
            .map(|d| (d.id.as_str(), d.courses))
            .collect();
        assert_eq!(counts, [("data", 2), ("vide", 0)]);
        assert_eq!(s.domains[0].description, "Les données.");
        assert_eq!(s.figures, c.figures);
        assert_eq!(s.trainer_call, c.trainer_call);
        assert_eq!(s.source, "catalogue.json");
    }

    #[test]
    fn holds_sessions_from_its_day_in_order_and_says_if_it_holds_all() {
        let c = catalogue(&[
            ("late", "2027-03-01T09:00:00+01:00"),
            ("past", "2026-12-01T09:00:00+01:00"),
            ("early", "2027-02-01T09:00:00+01:00"),
            ("mid", "2027-02-15T09:00:00+01:00"),
        ]);
        let from = unix("2027-01-01T00:00:00+01:00");
        let all = Summary::of(&c, "c.json", from, 10);
        let ids: Vec<_> = all.sessions.iter().map(|s| s.course.as_str()).collect();
        assert_eq!(ids, ["early", "mid", "late"]);
        assert!(all.complete);
        let first = Summary::of(&c, "c.json", from, 2);
        assert_eq!(first.sessions.len(), 2);
        assert!(!first.complete);
    }

    #[test]
    fn tells_the_sessions_ahead_of_a_later_day_only_when_it_can() {
        let c = catalogue(&[
            ("a", "2027-02-01T09:00:00+01:00"),
            ("b", "2027-02-15T09:00:00+01:00"),
            ("c", "2027-03-01T09:00:00+01:00"),
            ("d", "2027-04-01T09:00:00+01:00"),
        ]);
        let from = unix("2027-01-01T00:00:00+01:00");
        let first_three = Summary::of(&c, "c.json", from, 3);
        // On the day of the build, and a little later: two of three still ahead.
        let ids = |s: Option<&[SessionAhead]>| {
            s.map(|s| s.iter().map(|x| x.course.clone()).collect::<Vec<_>>())
        };
        assert_eq!(
            ids(first_three.upcoming(from, 2)),
            Some(vec!["a".into(), "b".into()])
        );
        let feb_10 = unix("2027-02-10T00:00:00+01:00");
        assert_eq!(
            ids(first_three.upcoming(feb_10, 2)),
            Some(vec!["b".into(), "c".into()])
        );
        // Later still, only one of the three it holds is ahead, and it does not
        // know what comes after: the page needs the catalogue.
        let feb_20 = unix("2027-02-20T00:00:00+01:00");
        assert_eq!(first_three.upcoming(feb_20, 2), None);
        assert!(!first_three.serves("c.json", feb_20, 2));
        // Holding them all, it knows that only two are left.
        let all = Summary::of(&c, "c.json", from, 10);
        assert_eq!(
            ids(all.upcoming(feb_20, 5)),
            Some(vec!["c".into(), "d".into()])
        );
        // A clock before the build: sessions between may be missing.
        assert_eq!(all.upcoming(from - DAY, 2), None);
    }

    #[test]
    fn serves_only_the_catalogue_it_was_made_from() {
        let c = catalogue(&[("a", "2027-02-01T09:00:00+01:00")]);
        let s = Summary::of(&c, "catalogue.json", 0, 10);
        assert!(s.serves("catalogue.json", 0, 5));
        assert!(!s.serves("https://data.example.fr/catalogue.json", 0, 5));
    }

    /// What `Summary::of` returned before it made one pass: counts by a scan
    /// per field, every session ahead sorted.
    fn summary_of_every_session(
        c: &Catalogue,
        from: i64,
        limit: usize,
    ) -> (Vec<usize>, Vec<SessionAhead>, bool) {
        let counts = c
            .domains
            .iter()
            .map(|d| {
                c.courses
                    .iter()
                    .filter(|x| x.domains.contains(&d.id))
                    .count()
            })
            .collect();
        let mut sessions: Vec<_> = c
            .courses
            .iter()
            .flat_map(|x| x.upcoming_sessions(from).map(move |s| (s, x)))
            .collect();
        sessions.sort_by_key(|(s, x)| (s.start, x.id.clone()));
        let complete = sessions.len() <= limit;
        let sessions = sessions
            .into_iter()
            .take(limit)
            .map(|(s, x)| SessionAhead {
                course: x.id.clone(),
                title: x.title.clone(),
                start: s.start,
                end: s.end,
            })
            .collect();
        (counts, sessions, complete)
    }

    #[test]
    fn makes_what_sorting_every_session_made_on_a_random_catalogue() {
        let json = crate::catalogue::synthetic::catalogue_json(3_000, 7);
        let mut c = Parsed::from_json(&json).expect("valid catalogue").catalogue;
        // Ties on start and on course id: copies of courses under the same id,
        // and a field listed twice.
        let copies: Vec<_> = c.courses[..40].to_vec();
        c.courses.extend(copies);
        let twice = c.courses[5].domains[0].clone();
        c.courses[5].domains.push(twice);
        let mut rng = crate::catalogue::synthetic::Rng::new(26);
        let starts: Vec<i64> = c
            .courses
            .iter()
            .flat_map(|x| x.sessions.iter().map(|s| s.start.unix))
            .collect();
        for _ in 0..20 {
            let from = starts[rng.below(starts.len())];
            let limit = [0, 1, 5, 60, 61, 1_000, 100_000][rng.below(7)];
            let s = Summary::of(&c, "c.json", from, limit);
            let (counts, sessions, complete) = summary_of_every_session(&c, from, limit);
            assert_eq!(
                s.domains.iter().map(|d| d.courses).collect::<Vec<_>>(),
                counts
            );
            assert_eq!(s.sessions, sessions, "from {from}, limit {limit}");
            assert_eq!(s.complete, complete);
        }
    }

    #[test]
    fn survives_its_json_and_cannot_close_its_element() {
        let c = catalogue(&[("a", "2027-02-01T09:00:00+01:00")]);
        let s = Summary::of(&c, "catalogue.json", 0, 10);
        let json = s.to_json();
        assert!(!json.contains('<'), "{json}");
        assert_eq!(Summary::from_json(&json), Some(s.clone()));
        // Another version, or anything else, is not read.
        let other = json.replacen("\"version\":1", "\"version\":2", 1);
        assert_eq!(Summary::from_json(&other), None);
        assert_eq!(Summary::from_json("<p>not json</p>"), None);
        assert_eq!(Summary::from_json(""), None);
        assert_eq!(Summary::from_json("{\"version\":1}"), None);
    }
}
