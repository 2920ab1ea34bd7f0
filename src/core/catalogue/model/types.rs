//! The contract's types: a catalogue, its domains, courses, sessions, figures
//! and trainer call, and what a course or a catalogue answers about itself.

use serde::{Deserialize, Serialize};

use crate::catalogue::time::Timestamp;

/// The only contract version this app reads.
pub const SUPPORTED_VERSION: u64 = 1;

/// A training field ("Cybersécurité"). Ids and labels come from the data.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Domain {
    /// Stable id used in URLs and filters (`cybersecurite`).
    pub id: String,
    /// Display label.
    pub label: String,
    /// One or two sentences.
    #[serde(default)]
    pub description: String,
}

/// What kind of offer a course is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A learning path made of modules.
    Parcours,
    /// A single module.
    Module,
    /// A tailor-made programme.
    SurMesure,
}

/// Expected prior knowledge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Découverte.
    Decouverte,
    /// Intermédiaire.
    Intermediaire,
    /// Expert.
    Expert,
}

/// Who a course is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    /// Every public agent.
    TousAgents,
    /// Agents working in digital teams.
    AgentsNumerique,
    /// Managers.
    Managers,
    /// Senior executives.
    CadresDirigeants,
}

/// How a course or session is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Self-paced online.
    ELearning,
    /// Live, remote.
    Distanciel,
    /// In a room.
    Presentiel,
    /// Both.
    Hybride,
}

/// A language a course is taught in (its ISO 639-1 code in the catalogue).
/// A course that names none is taught in French ([`Course::languages`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// `fr`.
    Fr,
    /// `en`.
    En,
    /// `de`.
    De,
    /// `es`.
    Es,
    /// `it`.
    It,
}

impl Language {
    /// Every language, in the order of the catalogue's documentation.
    pub const ALL: [Language; 5] = [
        Language::Fr,
        Language::En,
        Language::De,
        Language::Es,
        Language::It,
    ];

    /// Its code in the catalogue (`fr`).
    pub const fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
            Language::De => "de",
            Language::Es => "es",
            Language::It => "it",
        }
    }

    /// The language of `code` (ISO 639-1, any case, spaces around ignored).
    pub fn from_code(code: &str) -> Option<Language> {
        let code = code.trim();
        Language::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }
}

/// Where an in-person session takes place.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Place {
    /// City.
    pub city: String,
    /// Region (free text from the data; used as a filter).
    pub region: String,
}

/// A dated occurrence of a course.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Session {
    /// Unique id.
    pub id: String,
    /// Start (RFC 3339).
    pub start: Timestamp,
    /// End (RFC 3339), not before `start`.
    pub end: Timestamp,
    /// Delivery.
    pub format: Format,
    /// Place, for in-person and hybrid sessions.
    #[serde(default, rename = "location")]
    pub place: Option<Place>,
    /// Seats still available, when known.
    #[serde(default)]
    pub seats_left: Option<u32>,
    /// Where to register (only `http(s)` URLs are kept).
    #[serde(default)]
    pub registration_url: Option<String>,
}

/// A course of the catalogue: a parcours, a module or a sur-mesure programme.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Course {
    /// Stable id, used in URLs.
    pub id: String,
    /// Kind of offer.
    pub kind: Kind,
    /// Title.
    pub title: String,
    /// One sentence.
    pub summary: String,
    /// Plain text; paragraphs separated by blank lines. Never HTML.
    pub description: String,
    /// Domain ids, main one first.
    pub domains: Vec<String>,
    /// Level.
    pub level: Level,
    /// Audiences.
    pub audience: Vec<Audience>,
    /// Delivery.
    pub format: Format,
    /// Total duration in hours.
    pub duration_hours: f32,
    /// Who delivers it.
    pub provider: String,
    /// Free of charge for agents.
    pub free: bool,
    /// Learning objectives.
    #[serde(default)]
    pub objectives: Vec<String>,
    /// Prerequisites.
    #[serde(default)]
    pub prerequisites: Vec<String>,
    /// For a parcours: its module ids, in order.
    #[serde(default)]
    pub modules: Vec<String>,
    /// More information (only `http(s)` URLs are kept).
    #[serde(default)]
    pub url: Option<String>,
    /// Dated sessions.
    #[serde(default)]
    pub sessions: Vec<Session>,
    /// Where to write to the course's training team: a plain email address
    /// (see [`plausible_email`]). This field and the three below are checked
    /// by [`Parsed::from_json`]: a bad value is dropped with a [`DroppedField`]
    /// note, and the course is kept.
    #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// E-learning only: where the self-paced course starts (`http(s)` only).
    #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub access_url: Option<String>,
    /// Who may attend, in plain text ("Agents des trois fonctions publiques").
    #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<String>,
    /// The price in plain text ("390 € par participant"); mostly for courses
    /// that are not `free`.
    #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub price: Option<String>,
    /// The languages it is taught in, as the catalogue names them (none: French,
    /// see [`Course::languages`]). Checked like the four fields above: a value
    /// that is not a list of known codes is dropped with a note.
    #[serde(skip_deserializing, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Language>,
    /// The fields above as written, whatever their type, until they are
    /// checked (read in the same pass as the course, then emptied).
    #[serde(default, rename = "contact", skip_serializing)]
    pub(super) unchecked_contact: Option<serde_json::Value>,
    #[serde(default, rename = "access_url", skip_serializing)]
    pub(super) unchecked_access_url: Option<serde_json::Value>,
    #[serde(default, rename = "eligibility", skip_serializing)]
    pub(super) unchecked_eligibility: Option<serde_json::Value>,
    #[serde(default, rename = "price", skip_serializing)]
    pub(super) unchecked_price: Option<serde_json::Value>,
    #[serde(default, rename = "languages", skip_serializing)]
    pub(super) unchecked_languages: Option<serde_json::Value>,
}

/// A key figure of the year ("21 000" / "agents formés en 2024").
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Figure {
    /// The number, as it should be shown.
    pub value: String,
    /// What it counts.
    pub label: String,
}

/// The state of the call for volunteer trainers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct TrainerCall {
    /// Whether applications are open (a passed `deadline` closes it too).
    pub open: bool,
    /// Skills the campus is looking for.
    #[serde(default)]
    pub sought_skills: Vec<String>,
    /// The call's name ("Appel à formateurs bénévoles 2027").
    #[serde(default)]
    pub title: Option<String>,
    /// The year of the call.
    #[serde(default)]
    pub year: Option<u16>,
    /// Last day to apply (`YYYY-MM-DD`); an invalid date is ignored.
    #[serde(default)]
    pub deadline: Option<String>,
}

/// Where the call for trainers stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallStatus {
    /// Open; until this day (days since 1970-01-01, and the civil date), if set.
    Open(Option<(i32, u32, u32)>),
    /// Its deadline (this civil date) has passed.
    Ended((i32, u32, u32)),
    /// Closed by the campus.
    Closed,
}

impl TrainerCall {
    /// The deadline as a civil date, if it is a valid `YYYY-MM-DD`.
    pub fn deadline_date(&self) -> Option<(i32, u32, u32)> {
        let d = self.deadline.as_deref()?.trim();
        let (y, rest) = d.split_once('-')?;
        let (m, day) = rest.split_once('-')?;
        let (y, m, day): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, day.parse().ok()?);
        let valid = (2000..=2100).contains(&y)
            && (1..=12).contains(&m)
            && day >= 1
            && crate::util::dates::civil_from_days(crate::util::dates::days_from_civil(y, m, day))
                == (y, m, day);
        valid.then_some((y, m, day))
    }

    /// The call's status on `today` (days since 1970-01-01, local).
    pub fn status(&self, today: i64) -> CallStatus {
        let deadline = self.deadline_date();
        match deadline {
            _ if !self.open => CallStatus::Closed,
            Some((y, m, d)) if crate::util::dates::days_from_civil(y, m, d) < today => {
                CallStatus::Ended((y, m, d))
            }
            _ => CallStatus::Open(deadline),
        }
    }
}

/// A parsed catalogue, with only valid courses.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Catalogue {
    /// Date of the data.
    pub updated: String,
    /// The domains, in the data's order.
    pub domains: Vec<Domain>,
    /// The valid courses, in the data's order.
    pub courses: Vec<Course>,
    /// Key figures, if published.
    pub figures: Vec<Figure>,
    /// The trainer call, if published.
    pub trainer_call: Option<TrainerCall>,
    /// Search synonyms: groups of equivalent terms (each one or more words),
    /// e.g. `["ia", "intelligence artificielle"]`. Only valid groups are kept.
    pub synonyms: Vec<Vec<String>>,
}

impl Catalogue {
    /// The domain with this id.
    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    /// The course with this id.
    pub fn course(&self, id: &str) -> Option<&Course> {
        self.courses.iter().find(|c| c.id == id)
    }

    /// The first course with exactly this title (what a form's answer names).
    pub fn course_titled(&self, title: &str) -> Option<&Course> {
        self.courses.iter().find(|c| c.title == title)
    }

    /// The parcours that include the module `module_id`, in catalogue order.
    pub fn parcours_containing<'a>(
        &'a self,
        module_id: &'a str,
    ) -> impl Iterator<Item = &'a Course> {
        self.courses
            .iter()
            .filter(move |c| c.kind == Kind::Parcours && c.modules.iter().any(|m| m == module_id))
    }
}

impl Course {
    /// The languages it is taught in: those the catalogue names, else French.
    pub fn languages(&self) -> &[Language] {
        if self.languages.is_empty() {
            &[Language::Fr]
        } else {
            &self.languages
        }
    }

    /// Whether it is taught in French only (what the French interface need
    /// not say).
    pub fn french_only(&self) -> bool {
        self.languages() == [Language::Fr]
    }

    /// Sessions that start at or after `now` (unix seconds), soonest first.
    pub fn upcoming_sessions(&self, now: i64) -> impl Iterator<Item = &Session> {
        self.sessions.iter().filter(move |s| s.start.unix >= now)
    }

    /// Start of the next session, if any.
    pub fn next_session_start(&self, now: i64) -> Option<Timestamp> {
        self.upcoming_sessions(now).next().map(|s| s.start)
    }

    /// The description split into paragraphs (blank-line separated).
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.description
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::tests::{course, doc};
    use crate::catalogue::model::Parsed;

    #[test]
    fn sessions_are_sorted_and_upcoming_ones_filtered() {
        let text = doc(&course(
            "m1",
            "module",
            r#", "sessions": [
                {"id": "late", "start": "2027-03-01T10:00:00+01:00", "end": "2027-03-01T12:00:00+01:00", "format": "distanciel"},
                {"id": "past", "start": "2025-03-01T10:00:00+01:00", "end": "2025-03-01T12:00:00+01:00", "format": "distanciel"},
                {"id": "soon", "start": "2026-12-01T10:00:00+01:00", "end": "2026-12-01T12:00:00+01:00", "format": "distanciel"}]"#,
        ));
        let parsed = Parsed::from_json(&text).unwrap();
        let c = &parsed.catalogue.courses[0];
        let now: Timestamp = "2026-11-23T12:00:00Z".parse().unwrap();
        let ids: Vec<_> = c
            .upcoming_sessions(now.unix)
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(ids, vec!["soon", "late"]);
        assert_eq!(
            c.next_session_start(now.unix).unwrap().to_string(),
            "2026-12-01T10:00:00+01:00"
        );
    }

    #[test]
    fn the_call_is_open_until_its_deadline_and_says_why_it_is_closed() {
        use crate::util::dates::days_from_civil;
        let call = |open: bool, deadline: Option<&str>| TrainerCall {
            open,
            sought_skills: vec![],
            title: None,
            year: Some(2027),
            deadline: deadline.map(str::to_owned),
        };
        let day = days_from_civil(2027, 3, 31);
        assert_eq!(
            call(true, Some("2027-03-31")).status(day),
            CallStatus::Open(Some((2027, 3, 31)))
        );
        assert_eq!(
            call(true, Some("2027-03-31")).status(day + 1),
            CallStatus::Ended((2027, 3, 31))
        );
        assert_eq!(
            call(false, Some("2027-03-31")).status(day),
            CallStatus::Closed
        );
        assert_eq!(call(true, None).status(day), CallStatus::Open(None));
        for bad in ["2027-02-30", "31/03/2027", "2027-13-01", "", "x"] {
            assert_eq!(
                call(true, Some(bad)).status(day),
                CallStatus::Open(None),
                "{bad}"
            );
        }
    }
}
