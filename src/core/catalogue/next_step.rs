//! The next step a course page offers, as its one main call to action:
//! register for a session, start the e-learning, write to the training team,
//! or ask for the course. Every course has one: the page is never a dead end.

use super::model::{Course, Format, Kind, Session};
use super::offer::is_full;
use crate::util::percent::percent_encode;

/// The main call to action of a course page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep<'a> {
    /// Register for this upcoming session, which has seats (or does not say)
    /// and a registration link.
    Register {
        /// The session.
        session: &'a Session,
        /// Its registration link (`http(s)`).
        url: &'a str,
        /// No session the visitor's filters keep (region, format) could be
        /// registered for: this one is outside them, and the page says so.
        outside_filters: bool,
    },
    /// Start the self-paced e-learning.
    StartElearning {
        /// The course's `access_url` (`http(s)`).
        url: &'a str,
    },
    /// Registration or access goes through the training team: write to it.
    Write {
        /// The course's `contact` address.
        email: &'a str,
        /// Why writing is the way in.
        why: WriteReason,
    },
    /// Ask for the course with the request form.
    AskForIt {
        /// Why there is nothing to register for.
        why: AskReason,
    },
}

/// Why the next step is to write to the training team.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteReason {
    /// Sessions have seats but no registration link.
    ToRegister,
    /// An e-learning course without an access link.
    ToGetAccess,
    /// Every upcoming session is full: an agent asks for a place (a waiting
    /// list, the next dates), not for a programme for a team.
    AllFull,
}

/// Why the next step is to ask for the course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AskReason {
    /// A sur-mesure programme: never registered for at a session, always asked for.
    SurMesure,
    /// No upcoming session (and not self-paced).
    NoUpcomingSession,
    /// Sessions have seats, but neither a registration link nor a contact.
    NoRegistrationLink,
    /// An e-learning course with neither an access link nor a contact.
    NoAccessLink,
}

/// The main call to action of `course` at `now` (unix seconds).
///
/// `kept` are the upcoming sessions that the visitor's catalogue filters keep
/// (region, format), soonest first — all upcoming sessions when there is no
/// filter. Rules, in order:
/// 1. a sur-mesure programme is asked for, whatever its sessions;
/// 2. an e-learning course with an `access_url` is started;
/// 3. the first session of `kept` with seats and a registration link is
///    registered for; failing that, the first such upcoming session of all;
/// 4. sessions with seats but no link, or an e-learning course without an
///    access link: write to the `contact`, if there is one;
/// 5. every upcoming session full: write for a place, to the `contact` or
///    else to the campus team (`fallback_email`);
/// 6. otherwise the course is asked for (no session, no link).
pub fn next_step<'a>(
    course: &'a Course,
    kept: &[&'a Session],
    now: i64,
    fallback_email: &'a str,
) -> NextStep<'a> {
    if course.kind == Kind::SurMesure {
        return NextStep::AskForIt {
            why: AskReason::SurMesure,
        };
    }
    let elearning = course.format == Format::ELearning;
    if let (true, Some(url)) = (elearning, course.access_url.as_deref()) {
        return NextStep::StartElearning { url };
    }
    let registrable = |s: &'a Session| {
        (!is_full(s))
            .then_some(s.registration_url.as_deref())
            .flatten()
            .map(|url| (s, url))
    };
    if let Some((session, url)) = kept.iter().find_map(|s| registrable(s)) {
        return NextStep::Register {
            session,
            url,
            outside_filters: false,
        };
    }
    if let Some((session, url)) = course.upcoming_sessions(now).find_map(registrable) {
        return NextStep::Register {
            session,
            url,
            outside_filters: true,
        };
    }
    let has_seats = course.upcoming_sessions(now).any(|s| !is_full(s));
    let contact = course.contact.as_deref();
    match (has_seats, elearning, contact) {
        (true, _, Some(email)) => NextStep::Write {
            email,
            why: WriteReason::ToRegister,
        },
        (true, _, None) => NextStep::AskForIt {
            why: AskReason::NoRegistrationLink,
        },
        (false, true, Some(email)) => NextStep::Write {
            email,
            why: WriteReason::ToGetAccess,
        },
        (false, true, None) => NextStep::AskForIt {
            why: AskReason::NoAccessLink,
        },
        (false, false, contact) if course.upcoming_sessions(now).next().is_some() => {
            NextStep::Write {
                email: contact.unwrap_or(fallback_email),
                why: WriteReason::AllFull,
            }
        }
        (false, false, _) => NextStep::AskForIt {
            why: AskReason::NoUpcomingSession,
        },
    }
}

impl NextStep<'_> {
    /// The address a secondary "write to the training team" link goes to:
    /// the course's contact, unless writing is already the main step.
    pub fn secondary_contact<'c>(&self, course: &'c Course) -> Option<&'c str> {
        // (A full course's secondary step is the request for a team:
        // [`NextStep::offers_team_request`].)
        match self {
            NextStep::Write { .. } => None,
            _ => course.contact.as_deref(),
        }
    }

    /// Whether the page also offers to ask for the course for a team (the
    /// request form), beside writing for a place in a full session.
    pub fn offers_team_request(&self) -> bool {
        matches!(
            self,
            NextStep::Write {
                why: WriteReason::AllFull,
                ..
            }
        )
    }
}

/// A `mailto:` link to `email` (already checked by
/// [`super::model::plausible_email`], so safe as is) with `subject`
/// percent-encoded: no character of the subject can add a header or a recipient.
pub fn mailto(email: &str, subject: &str) -> String {
    format!("mailto:{email}?subject={}", percent_encode(subject))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::Parsed;
    use crate::catalogue::time::Timestamp;

    const NOW: &str = "2030-01-01T00:00:00Z";

    fn now() -> i64 {
        NOW.parse::<Timestamp>().unwrap().unix
    }

    /// A session on `day` March 2030 (`day` < 0: in 2029, past) in `region`.
    fn session(id: &str, day: i32, region: &str, seats: Option<u32>, link: bool) -> String {
        let year = if day < 0 { 2029 } else { 2030 };
        let day = day.unsigned_abs();
        format!(
            r#"{{"id":"{id}","start":"{year}-03-{day:02}T09:30:00+01:00","end":"{year}-03-{day:02}T12:30:00+01:00",
                "format":"presentiel","location":{{"city":"C-{id}","region":"{region}"}}
                {seats}{link}}}"#,
            seats = seats.map_or(String::new(), |n| format!(r#","seats_left":{n}"#)),
            link = if link {
                format!(r#","registration_url":"https://example.gouv.fr/{id}""#)
            } else {
                String::new()
            },
        )
    }

    fn course(kind: &str, format: &str, extra: &str, sessions: &[String]) -> Course {
        let json = format!(
            r#"{{"version":1,"domains":[{{"id":"data","label":"Data"}}],"courses":[
                {{"id":"c","kind":"{kind}","title":"Titre","summary":"S.","description":"D.",
                  "domains":["data"],"level":"decouverte","audience":["tous-agents"],
                  "format":"{format}","duration_hours":3,"provider":"DINUM","free":true,
                  "sessions":[{sessions}] {extra}}}]}}"#,
            sessions = sessions.join(","),
        );
        let parsed = Parsed::from_json(&json).unwrap();
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        parsed.catalogue.courses.into_iter().next().unwrap()
    }

    /// Every upcoming session (no filter).
    fn all(course: &Course) -> Vec<&Session> {
        course.upcoming_sessions(now()).collect()
    }

    /// The upcoming sessions in `region` (a region filter).
    fn in_region<'a>(course: &'a Course, region: &str) -> Vec<&'a Session> {
        course
            .upcoming_sessions(now())
            .filter(|s| s.place.as_ref().is_some_and(|p| p.region == region))
            .collect()
    }

    const CONTACT: &str = r#","contact":"equipe@numerique.gouv.fr""#;
    const CAMPUS: &str = "campus@numerique.gouv.fr";

    #[test]
    fn a_sur_mesure_programme_is_always_asked_for_even_with_open_sessions() {
        let c = course(
            "sur-mesure",
            "hybride",
            CONTACT,
            &[session("s1", 10, "Normandie", Some(8), true)],
        );
        let step = next_step(&c, &all(&c), now(), CAMPUS);
        assert_eq!(
            step,
            NextStep::AskForIt {
                why: AskReason::SurMesure
            }
        );
        assert_eq!(step.secondary_contact(&c), Some("equipe@numerique.gouv.fr"));
    }

    #[test]
    fn an_elearning_with_an_access_link_is_started() {
        let c = course(
            "module",
            "e-learning",
            r#","access_url":"https://campus.numerique.gouv.fr/e/1""#,
            &[],
        );
        assert_eq!(
            next_step(&c, &all(&c), now(), CAMPUS),
            NextStep::StartElearning {
                url: "https://campus.numerique.gouv.fr/e/1"
            }
        );
        assert_eq!(
            next_step(&c, &all(&c), now(), CAMPUS).secondary_contact(&c),
            None
        );
    }

    #[test]
    fn the_first_open_session_with_a_link_is_registered_for() {
        let c = course(
            "module",
            "presentiel",
            "",
            &[
                session("past", -10, "Normandie", Some(5), true),
                session("full", 3, "Normandie", Some(0), true),
                session("nolink", 4, "Normandie", Some(5), false),
                session("open", 5, "Normandie", None, true),
                session("later", 6, "Normandie", Some(5), true),
            ],
        );
        match next_step(&c, &all(&c), now(), CAMPUS) {
            NextStep::Register {
                session,
                url,
                outside_filters,
            } => {
                assert_eq!(session.id, "open", "seats unknown count as open");
                assert_eq!(url, "https://example.gouv.fr/open");
                assert!(!outside_filters);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_filters_session_comes_first_and_another_is_offered_when_none_is_open() {
        let c = course(
            "module",
            "presentiel",
            "",
            &[
                session("occ", 3, "Occitanie", Some(5), true),
                session("nor-full", 4, "Normandie", Some(0), true),
                session("nor", 9, "Normandie", Some(5), true),
            ],
        );
        let register = |kept: &[&Session]| match next_step(&c, kept, now(), CAMPUS) {
            NextStep::Register {
                session,
                outside_filters,
                ..
            } => (session.id.clone(), outside_filters),
            other => panic!("{other:?}"),
        };
        assert_eq!(register(&in_region(&c, "Normandie")), ("nor".into(), false));
        assert_eq!(register(&all(&c)), ("occ".into(), false));
        // Brittany has no session: the next open one elsewhere, said to be so.
        assert_eq!(register(&in_region(&c, "Bretagne")), ("occ".into(), true));
    }

    #[test]
    fn a_full_course_is_written_for_a_place_and_the_past_or_missing_asked_for() {
        let full = course(
            "parcours",
            "presentiel",
            CONTACT,
            &[
                session("past", -3, "Normandie", Some(5), true),
                session("a", 3, "Normandie", Some(0), true),
                session("b", 4, "Occitanie", Some(0), true),
            ],
        );
        let step = next_step(&full, &all(&full), now(), CAMPUS);
        assert_eq!(
            step,
            NextStep::Write {
                email: "equipe@numerique.gouv.fr",
                why: WriteReason::AllFull
            }
        );
        assert!(step.offers_team_request());
        // Without a contact of its own: the campus team.
        let full_no_contact = course(
            "module",
            "presentiel",
            "",
            &[session("a", 3, "Normandie", Some(0), true)],
        );
        assert_eq!(
            next_step(&full_no_contact, &all(&full_no_contact), now(), CAMPUS),
            NextStep::Write {
                email: CAMPUS,
                why: WriteReason::AllFull
            }
        );
        let past = course(
            "module",
            "distanciel",
            "",
            &[session("past", -3, "Normandie", Some(5), true)],
        );
        let none = course("module", "hybride", CONTACT, &[]);
        for c in [&past, &none] {
            assert_eq!(
                next_step(c, &all(c), now(), CAMPUS),
                NextStep::AskForIt {
                    why: AskReason::NoUpcomingSession
                }
            );
        }
    }

    #[test]
    fn without_a_link_the_team_is_written_to_or_the_course_asked_for() {
        let sessions = [session("s", 5, "Normandie", Some(5), false)];
        let with = course("module", "presentiel", CONTACT, &sessions);
        let step = next_step(&with, &all(&with), now(), CAMPUS);
        assert_eq!(
            step,
            NextStep::Write {
                email: "equipe@numerique.gouv.fr",
                why: WriteReason::ToRegister
            }
        );
        assert_eq!(step.secondary_contact(&with), None, "not offered twice");
        let without = course("module", "presentiel", "", &sessions);
        assert_eq!(
            next_step(&without, &all(&without), now(), CAMPUS),
            NextStep::AskForIt {
                why: AskReason::NoRegistrationLink
            }
        );
        let elearning = course("module", "e-learning", CONTACT, &[]);
        assert_eq!(
            next_step(&elearning, &[], now(), CAMPUS),
            NextStep::Write {
                email: "equipe@numerique.gouv.fr",
                why: WriteReason::ToGetAccess
            }
        );
        // A dropped access link (javascript:) leaves the e-learning without one.
        let hostile = course(
            "module",
            "e-learning",
            r#","access_url":"javascript:alert(1)""#,
            &[],
        );
        assert_eq!(
            next_step(&hostile, &[], now(), CAMPUS),
            NextStep::AskForIt {
                why: AskReason::NoAccessLink
            }
        );
    }

    #[test]
    fn an_access_link_on_a_course_that_is_not_elearning_is_not_a_next_step() {
        let c = course(
            "module",
            "distanciel",
            r#","access_url":"https://a.gouv.fr/""#,
            &[],
        );
        assert_eq!(
            next_step(&c, &[], now(), CAMPUS),
            NextStep::AskForIt {
                why: AskReason::NoUpcomingSession
            }
        );
    }

    #[test]
    fn mailto_links_carry_an_encoded_subject_and_nothing_else() {
        assert_eq!(
            mailto("a@b.fr", "Formation « Data & IA »\r\nBcc: x@y.fr"),
            "mailto:a@b.fr?subject=Formation%20%C2%AB%20Data%20%26%20IA%20%C2%BB%0D%0ABcc%3A%20x%40y.fr"
        );
    }
}
