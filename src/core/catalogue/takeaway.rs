//! Ma sélection to take away (pure): the sessions its calendar file holds,
//! the courses compared side by side read from and written to the address
//! (`ma-selection/?comparer=a,b`), and the comparison's rows.

use super::model::{Course, Format, Kind, Session};
use super::offer::is_offered;
use super::schedule::{session_days, session_schedule_text};
use super::selection::read_segment;
use crate::catalogue::labels;
use crate::catalogue::selection_labels::Takeaway;
use crate::i18n::typography::french_spacing;
use crate::i18n::{Locale, Text};
use crate::routes::{pairs_where, with_query, Route};
use crate::util::percent::percent_encode;

/// The query key of the compared courses: `ma-selection/?comparer=a,b`.
pub const COMPARE_KEY: &str = "comparer";
/// At most this many courses side by side (a phone shows two at a time).
pub const MAX_COMPARED: usize = 4;
/// A comparison needs this many courses.
pub const MIN_COMPARED: usize = 2;
/// The upcoming sessions a course's column lists.
pub const COMPARED_SESSIONS: usize = 3;
/// Segments of `comparer` read at most (the rest is not decoded).
const MAX_SEGMENTS: usize = 100;

// --- The calendar file ---------------------------------------------------------

/// The sessions the selection's calendar file holds, course by course in
/// selection order, each course's soonest first: those starting at or after
/// `now` that the course page offers to add to a calendar (not full, not of a
/// sur-mesure programme, which is never registered for).
pub fn calendar_sessions<'a>(courses: &[&'a Course], now: i64) -> Vec<(&'a Course, &'a Session)> {
    courses
        .iter()
        .flat_map(|&c| {
            c.upcoming_sessions(now)
                .filter(|s| is_offered(c, s))
                .map(move |s| (c, s))
        })
        .collect()
}

/// The events of those sessions in the file: one per day of a multi-day
/// session (see [`super::export::session_ics`]).
pub fn calendar_event_count(sessions: &[(&Course, &Session)]) -> usize {
    sessions.iter().map(|(_, s)| session_days(s).len()).sum()
}

// --- The compared courses in the address ---------------------------------------

/// The courses the address compares, as read against the catalogue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Compared {
    /// Distinct ids the catalogue has, in address order, at most
    /// [`MAX_COMPARED`].
    pub ids: Vec<String>,
    /// Segments that are no course of the catalogue (unknown or unreadable).
    pub unknown: usize,
    /// Courses of the catalogue past the first [`MAX_COMPARED`], left out.
    pub over: usize,
}

impl Compared {
    /// Reads `comparer` from `query` (without `?`), keeping the ids `known`
    /// accepts. Several `comparer` keys are read in order; repeated ids and
    /// empty segments are dropped; only the first segments are decoded (a
    /// long address costs one scan). Never fails.
    pub fn from_query(query: &str, known: impl Fn(&str) -> bool) -> Compared {
        let mut out = Compared::default();
        let mut segments = 0;
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            if key != COMPARE_KEY {
                continue;
            }
            for raw in value.split(',').filter(|raw| !raw.is_empty()) {
                segments += 1;
                if segments > MAX_SEGMENTS {
                    out.unknown += 1;
                    continue;
                }
                match read_segment(raw) {
                    Ok(Some(id)) if out.ids.contains(&id) => {}
                    Ok(Some(id)) if known(&id) => {
                        if out.ids.len() < MAX_COMPARED {
                            out.ids.push(id);
                        } else {
                            out.over += 1;
                        }
                    }
                    Ok(None) => {}
                    Ok(Some(_)) | Err(()) => out.unknown += 1,
                }
            }
        }
        out
    }

    /// Whether `id` is compared.
    pub fn contains(&self, id: &str) -> bool {
        self.ids.iter().any(|x| x == id)
    }

    /// Whether there is enough to compare ([`MIN_COMPARED`]).
    pub fn is_shown(&self) -> bool {
        self.ids.len() >= MIN_COMPARED
    }

    /// The compared ids once `id` is ticked or unticked; `None` when it
    /// would be one too many (the visitor is told, nothing changes).
    pub fn toggled(&self, id: &str) -> Option<Vec<String>> {
        if self.contains(id) {
            Some(self.ids.iter().filter(|x| *x != id).cloned().collect())
        } else if self.ids.len() >= MAX_COMPARED {
            None
        } else {
            let mut ids = self.ids.clone();
            ids.push(id.to_owned());
            Some(ids)
        }
    }
}

/// The address of the selection page comparing `ids`: `query`'s other keys
/// kept, `comparer` replaced (each id percent-encoded, so a comma in an id is
/// `%2C`; no key when `ids` is empty).
pub fn compare_href<S: AsRef<str>>(query: &str, ids: &[S]) -> String {
    let mut kept = pairs_where(query, |pair| {
        pair.split_once('=').map_or(pair, |(key, _)| key) != COMPARE_KEY
    });
    if !ids.is_empty() {
        let list: Vec<String> = ids.iter().map(|id| percent_encode(id.as_ref())).collect();
        if !kept.is_empty() {
            kept.push('&');
        }
        kept.push_str(&format!("{COMPARE_KEY}={}", list.join(",")));
    }
    with_query(Route::Selection.href(), &kept)
}

// --- The comparison's rows -----------------------------------------------------

/// One cell of the comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// A plain value.
    Text(String),
    /// Several lines (the next sessions), with what follows them when more
    /// are to come ("et 2 autres sessions").
    Lines(Vec<String>, Option<String>),
    /// A link to the course page.
    Link {
        /// Its address in the app.
        href: String,
        /// What it reads ("Voir la fiche").
        label: String,
        /// The course's title, for its accessible name.
        title: String,
    },
}

/// One row: what it compares and each course's value, in column order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The row header ("Durée").
    pub header: &'static str,
    /// One cell per course.
    pub cells: Vec<Cell>,
}

/// A session as a column lists it: its schedule, format, place and seats
/// ("Jeudi 11 février 2027, de 9 h 30 à 17 h 00 · Présentiel · Lyon · 3 places
/// restantes").
pub fn session_line(course: &Course, session: &Session, l: Locale) -> String {
    let mut line = session_schedule_text(session, l);
    line.push_str(" · ");
    line.push_str(labels::format(session.format, l));
    let city = session.place.as_ref().map(|p| p.city.as_str());
    if let Some(place) = labels::session_place(city, session.format, l) {
        line.push_str(" · ");
        line.push_str(place);
    }
    if course.kind != Kind::SurMesure {
        match session.seats_left {
            Some(0) => line.push_str(&format!(" · {}", Text::Full.get(l))),
            Some(1) => line.push_str(&format!(" · 1 {}", Text::SeatLeft.get(l))),
            Some(n) => line.push_str(&format!(" · {n} {}", Text::SeatsLeft.get(l))),
            None => {}
        }
    }
    line
}

/// The rows comparing `courses` (in column order) at `now`: duration, format,
/// level, price, audience, the next [`COMPARED_SESSIONS`] sessions, the link
/// to each course's page.
pub fn comparison_rows(courses: &[&Course], now: i64, l: Locale) -> Vec<Row> {
    let row = |kind: Takeaway, cell: &dyn Fn(&Course) -> Cell| Row {
        header: kind.get(l),
        cells: courses.iter().map(|c| cell(c)).collect(),
    };
    vec![
        row(Takeaway::RowDuration, &|c| {
            Cell::Text(labels::hours(c.duration_hours, l))
        }),
        row(Takeaway::RowFormat, &|c| {
            Cell::Text(labels::format(c.format, l).to_owned())
        }),
        row(Takeaway::RowLevel, &|c| {
            Cell::Text(labels::level(c.level, l).to_owned())
        }),
        row(Takeaway::RowPrice, &|c| Cell::Text(labels::price(c, l))),
        row(Takeaway::RowAudience, &|c| {
            let audience: Vec<&str> = c.audience.iter().map(|a| labels::audience(*a, l)).collect();
            Cell::Text(audience.join(", "))
        }),
        row(Takeaway::RowSessions, &|c| sessions_cell(c, now, l)),
        row(Takeaway::RowLink, &|c| Cell::Link {
            href: Route::Course(c.id.clone()).href(),
            label: Takeaway::SeeCourse.get(l).to_owned(),
            title: french_spacing(&c.title).into_owned(),
        }),
    ]
}

/// A course's next sessions: the first [`COMPARED_SESSIONS`] upcoming ones,
/// and how many more; "À suivre à votre rythme" or "Aucune session à venir"
/// when none.
fn sessions_cell(course: &Course, now: i64, l: Locale) -> Cell {
    let upcoming: Vec<&Session> = course.upcoming_sessions(now).collect();
    if upcoming.is_empty() {
        return Cell::Text(
            if course.format == Format::ELearning {
                Text::SelfPacedShort
            } else {
                Text::NoUpcomingSessions
            }
            .get(l)
            .to_owned(),
        );
    }
    let lines = upcoming
        .iter()
        .take(COMPARED_SESSIONS)
        .map(|s| session_line(course, s, l))
        .collect();
    let more = upcoming.len().saturating_sub(COMPARED_SESSIONS);
    Cell::Lines(
        lines,
        (more > 0).then(|| crate::catalogue::selection_labels::more_sessions(more, l)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::{Catalogue, Parsed};
    use crate::catalogue::offer::is_full;

    /// The bundled catalogue.
    fn bundled() -> Catalogue {
        Parsed::from_json(include_str!("../../../public/catalogue.json"))
            .expect("the bundled catalogue")
            .catalogue
    }

    fn known(id: &str) -> bool {
        ["a", "b", "c", "d", "e", "x,y"].contains(&id)
    }

    #[test]
    fn the_address_names_at_most_four_known_courses() {
        let c = Compared::from_query("comparer=a,zz,b,a,,c,d,e&ids=q", known);
        assert_eq!(c.ids, ["a", "b", "c", "d"]);
        assert_eq!((c.unknown, c.over), (1, 1));
        assert!(c.is_shown());
        // Unreadable escapes count as unknown; several keys are read in order.
        let c = Compared::from_query("comparer=%ZZ&x=1&comparer=x%2Cy", known);
        assert_eq!(c.ids, ["x,y"]);
        assert_eq!(c.unknown, 1);
        assert!(!c.is_shown());
        assert_eq!(Compared::from_query("", known), Compared::default());
        assert_eq!(Compared::from_query("comparer", known), Compared::default());
        // A long address is not decoded past its first segments.
        let long = format!("comparer={}", vec!["zz"; 5000].join(","));
        assert_eq!(Compared::from_query(&long, known).unknown, 5000);
    }

    #[test]
    fn ticking_adds_unticking_removes_and_a_fifth_is_refused() {
        let c = Compared::from_query("comparer=a,b,c", known);
        assert_eq!(c.toggled("b").unwrap(), ["a", "c"]);
        let four = c.toggled("d").unwrap();
        assert_eq!(four, ["a", "b", "c", "d"]);
        let c = Compared {
            ids: four,
            ..Compared::default()
        };
        assert_eq!(c.toggled("e"), None);
        assert_eq!(c.toggled("a").unwrap(), ["b", "c", "d"]);
    }

    #[test]
    fn the_address_keeps_other_keys_and_round_trips() {
        assert_eq!(
            compare_href("lang=en&comparer=a", &["x,y", "b"]),
            "ma-selection/?lang=en&comparer=x%2Cy,b"
        );
        assert_eq!(compare_href("comparer=a", &[] as &[&str]), "ma-selection/");
        assert_eq!(compare_href("", &["a", "b"]), "ma-selection/?comparer=a,b");
        let href = compare_href("", &["x,y", "a"]);
        let query = href.split_once('?').unwrap().1;
        assert_eq!(Compared::from_query(query, known).ids, ["x,y", "a"]);
    }

    #[test]
    fn the_calendar_holds_upcoming_open_sessions_of_courses_one_registers_for() {
        let cat = bundled();
        let now = cat
            .courses
            .iter()
            .flat_map(|c| c.sessions.iter())
            .map(|s| s.start.unix)
            .min()
            .unwrap();
        let courses: Vec<&Course> = cat.courses.iter().collect();
        let sessions = calendar_sessions(&courses, now);
        let expected = cat
            .courses
            .iter()
            .filter(|c| c.kind != Kind::SurMesure)
            .flat_map(|c| c.sessions.iter())
            .filter(|s| s.start.unix >= now && s.seats_left != Some(0))
            .count();
        assert_eq!(sessions.len(), expected);
        assert!(sessions
            .iter()
            .all(|(c, s)| c.kind != Kind::SurMesure && !is_full(s) && s.start.unix >= now));
        assert!(calendar_event_count(&sessions) >= sessions.len());
        // Later than every session: nothing.
        assert!(calendar_sessions(&courses, i64::MAX).is_empty());
        // The file has one event per day, as counted.
        let with_urls: Vec<(&Course, &Session, String)> = sessions
            .iter()
            .map(|(c, s)| (*c, *s, String::new()))
            .collect();
        let ics = crate::catalogue::export::sessions_ics(&with_urls, &[], now, Locale::Fr);
        assert_eq!(
            ics.matches("BEGIN:VEVENT").count(),
            calendar_event_count(&sessions)
        );
    }

    #[test]
    fn rows_compare_each_course_with_its_next_three_sessions() {
        let cat = bundled();
        let now = 0;
        let many = cat
            .courses
            .iter()
            .find(|c| c.sessions.len() > COMPARED_SESSIONS && c.kind != Kind::SurMesure)
            .expect("a course with many sessions");
        let other = cat.courses.iter().find(|c| c.id != many.id).unwrap();
        for l in Locale::ALL {
            let rows = comparison_rows(&[many, other], now, l);
            assert_eq!(rows.len(), 7);
            assert!(rows.iter().all(|r| r.cells.len() == 2));
            assert_eq!(rows[0].header, Takeaway::RowDuration.get(l));
            assert_eq!(
                rows[0].cells[0],
                Cell::Text(labels::hours(many.duration_hours, l))
            );
            assert_eq!(rows[3].cells[0], Cell::Text(labels::price(many, l)));
            match &rows[5].cells[0] {
                Cell::Lines(lines, more) => {
                    assert_eq!(lines.len(), COMPARED_SESSIONS);
                    assert_eq!(lines[0], session_line(many, &many.sessions[0], l));
                    assert_eq!(
                        more.as_deref(),
                        Some(
                            crate::catalogue::selection_labels::more_sessions(
                                many.sessions.len() - COMPARED_SESSIONS,
                                l
                            )
                            .as_str()
                        )
                    );
                }
                cell => panic!("sessions expected, got {cell:?}"),
            }
            assert_eq!(
                rows[6].cells[1],
                Cell::Link {
                    href: Route::Course(other.id.clone()).href(),
                    label: Takeaway::SeeCourse.get(l).to_owned(),
                    title: french_spacing(&other.title).into_owned(),
                }
            );
        }
        // After every session: none to come.
        let rows = comparison_rows(&[many], i64::MAX, Locale::Fr);
        assert!(matches!(&rows[5].cells[0], Cell::Text(_)));
    }

    #[test]
    fn a_session_line_says_when_how_where_and_seats() {
        let cat = bundled();
        let (course, session) = cat
            .courses
            .iter()
            .filter(|c| c.kind != Kind::SurMesure)
            .flat_map(|c| c.sessions.iter().map(move |s| (c, s)))
            .find(|(_, s)| s.place.is_some() && s.seats_left.is_some_and(|n| n > 1))
            .unwrap();
        let line = session_line(course, session, Locale::Fr);
        let city = &session.place.as_ref().unwrap().city;
        assert!(line.starts_with(&session_schedule_text(session, Locale::Fr)));
        assert!(line.contains(&format!(" · {city}")), "{line}");
        assert!(line.ends_with(&format!(
            " · {} places restantes",
            session.seats_left.unwrap()
        )));
    }
}
