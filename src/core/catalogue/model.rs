//! The catalogue contract (version 1) and its tolerant parser.
//!
//! The document is produced by people (the campus, a ministry), so one bad course
//! must not hide the others: each course is parsed on its own and an invalid one is
//! skipped and counted. Only a document that is not JSON, or not version 1, fails.

use std::collections::HashSet;
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::scan::{CourseScanner, Scan};
use super::time::Timestamp;

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
    unchecked_contact: Option<serde_json::Value>,
    #[serde(default, rename = "access_url", skip_serializing)]
    unchecked_access_url: Option<serde_json::Value>,
    #[serde(default, rename = "eligibility", skip_serializing)]
    unchecked_eligibility: Option<serde_json::Value>,
    #[serde(default, rename = "price", skip_serializing)]
    unchecked_price: Option<serde_json::Value>,
    #[serde(default, rename = "languages", skip_serializing)]
    unchecked_languages: Option<serde_json::Value>,
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

/// A course left out of the catalogue, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Position in the `courses` array.
    pub index: usize,
    /// The course id, if it could be read.
    pub id: Option<String>,
    /// What was wrong.
    pub reason: SkipReason,
}

/// Why a course was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// Missing field, wrong type, unknown enum value, bad date.
    Invalid(String),
    /// Another course already has this id.
    DuplicateId,
    /// It names a domain the catalogue does not define.
    UnknownDomain(String),
    /// A parcours lists a module id that is missing, invalid or not a module.
    DanglingModule(String),
    /// A session ends before it starts.
    SessionEndsBeforeStart(String),
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Invalid(why) => write!(f, "invalid: {why}"),
            SkipReason::DuplicateId => f.write_str("duplicate id"),
            SkipReason::UnknownDomain(d) => write!(f, "unknown domain `{d}`"),
            SkipReason::DanglingModule(m) => write!(f, "unknown module `{m}`"),
            SkipReason::SessionEndsBeforeStart(s) => {
                write!(f, "session `{s}` ends before it starts")
            }
        }
    }
}

/// An optional field of a course that was left out (the course is kept), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedField {
    /// Position of the course in the `courses` array.
    pub index: usize,
    /// The course id.
    pub id: String,
    /// The field's name in the contract (`contact`, `access_url`, …).
    pub field: &'static str,
    /// What was wrong with its value.
    pub problem: FieldProblem,
}

/// Why an optional field of a course was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldProblem {
    /// Not a string.
    NotText,
    /// Not a plausible email address (see [`plausible_email`]).
    NotAnEmail,
    /// Not an absolute `http(s)` URL.
    NotHttp,
    /// Longer than this many characters.
    TooLong(usize),
    /// `access_url` on a course whose format is not e-learning.
    NotElearning,
    /// `languages` that is not a list of known language codes.
    NotLanguages,
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldProblem::NotText => f.write_str("not a string"),
            FieldProblem::NotAnEmail => f.write_str("not a plain email address"),
            FieldProblem::NotHttp => f.write_str("not an absolute http(s) URL"),
            FieldProblem::TooLong(max) => write!(f, "longer than {max} characters"),
            FieldProblem::NotElearning => {
                f.write_str("only read on courses whose format is e-learning")
            }
            FieldProblem::NotLanguages => {
                f.write_str("not a list of language codes among fr, en, de, es, it")
            }
        }
    }
}

/// Longest `eligibility` text kept, in characters (after spaces are collapsed).
pub const MAX_ELIGIBILITY_CHARS: usize = 300;
/// Longest `price` text kept, in characters (after spaces are collapsed).
pub const MAX_PRICE_CHARS: usize = 120;

/// Why the whole document was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogueError {
    /// Not JSON, or not an object with the expected top-level shape.
    Malformed(String),
    /// `version` is missing or not one this app reads.
    UnsupportedVersion(Option<String>),
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogueError::Malformed(why) => write!(f, "the catalogue is not valid JSON: {why}"),
            CatalogueError::UnsupportedVersion(Some(v)) => {
                write!(
                    f,
                    "catalogue version {v} is not supported (expected {SUPPORTED_VERSION})"
                )
            }
            CatalogueError::UnsupportedVersion(None) => {
                write!(
                    f,
                    "the catalogue has no version (expected {SUPPORTED_VERSION})"
                )
            }
        }
    }
}

impl std::error::Error for CatalogueError {}

/// A parse result: the valid catalogue and what was skipped.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    /// The catalogue of valid courses.
    pub catalogue: Catalogue,
    /// Courses left out.
    pub skipped: Vec<Skipped>,
    /// Optional fields left out of kept courses.
    pub dropped: Vec<DroppedField>,
}

#[derive(Deserialize)]
struct RawDocument<'a> {
    #[serde(default, borrow)]
    version: Option<&'a RawValue>,
    #[serde(default)]
    updated: Option<String>,
    #[serde(default, borrow)]
    domains: Option<Vec<&'a RawValue>>,
    #[serde(default, borrow)]
    courses: Option<Vec<&'a RawValue>>,
    #[serde(default, borrow)]
    figures: Option<&'a RawValue>,
    #[serde(default, borrow)]
    trainer_call: Option<&'a RawValue>,
    #[serde(default, borrow)]
    synonyms: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct IdOnly {
    id: Option<String>,
}

/// Keeps only absolute `http(s)` URLs: anything else (`javascript:`, `data:`,
/// relative paths) must never become a link.
pub fn safe_link(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace());
    ok.then_some(url)
}

/// Keeps only a plain, plausible email address (`equipe.data@numerique.gouv.fr`),
/// trimmed: ASCII, one `@`, a local part of letters, digits and `. _ + -`, and a
/// domain of at least two dot-separated labels (letters, digits, inner hyphens)
/// ending in a letters-only one. Anything else — a `mailto:` or `javascript:`
/// link, spaces, line breaks (header injection), `?`, `&`, `%`, quotes — is
/// refused, so the address can go into a `mailto:` link as is.
pub fn plausible_email(text: &str) -> Option<&str> {
    let email = text.trim();
    let (local, domain) = email.split_once('@')?;
    let local_ok = (1..=64).contains(&local.len())
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'-'))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            (1..=63).contains(&label.len())
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()));
    (email.len() <= 254 && local_ok && domain_ok).then_some(email)
}

/// Plain text on one line: whitespace runs (line breaks included) become one
/// space, control characters go, and the ends are trimmed. No-break spaces
/// stay: they are French typography ("390 €", "Prix :").
fn one_line(text: &str) -> String {
    let no_break = |c: char| matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}');
    text.split(|c: char| (c.is_whitespace() && !no_break(c)) || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks one optional text field: `Ok(None)` when absent, null or blank;
/// `Err` when it is not a string or fails `check`.
fn optional_text(
    value: Option<serde_json::Value>,
    check: impl Fn(String) -> Result<String, FieldProblem>,
) -> Result<Option<String>, FieldProblem> {
    match value {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(t)) if t.trim().is_empty() => Ok(None),
        Some(serde_json::Value::String(t)) => check(t).map(Some),
        Some(_) => Err(FieldProblem::NotText),
    }
}

fn limited(max: usize) -> impl Fn(String) -> Result<String, FieldProblem> {
    move |text| {
        let text = one_line(&text);
        if text.chars().count() > max {
            Err(FieldProblem::TooLong(max))
        } else {
            Ok(text)
        }
    }
}

/// Checks the optional fields of `course` read as written (`unchecked_…`),
/// keeps the good values and says which were dropped.
fn check_extras(course: &mut Course, index: usize) -> Vec<DroppedField> {
    let elearning = course.format == Format::ELearning;
    let id = course.id.clone();
    let mut dropped = Vec::new();
    let mut keep = |field: &'static str, result: Result<Option<String>, FieldProblem>| {
        result.unwrap_or_else(|problem| {
            dropped.push(DroppedField {
                index,
                id: id.clone(),
                field,
                problem,
            });
            None
        })
    };
    course.contact = keep(
        "contact",
        optional_text(course.unchecked_contact.take(), |t| {
            plausible_email(&t)
                .map(str::to_owned)
                .ok_or(FieldProblem::NotAnEmail)
        }),
    );
    course.access_url = keep(
        "access_url",
        optional_text(course.unchecked_access_url.take(), |t| {
            match safe_link(&t) {
                None => Err(FieldProblem::NotHttp),
                Some(_) if !elearning => Err(FieldProblem::NotElearning),
                Some(url) => Ok(url.to_owned()),
            }
        }),
    );
    course.eligibility = keep(
        "eligibility",
        optional_text(
            course.unchecked_eligibility.take(),
            limited(MAX_ELIGIBILITY_CHARS),
        ),
    );
    course.price = keep(
        "price",
        optional_text(course.unchecked_price.take(), limited(MAX_PRICE_CHARS)),
    );
    course.languages = match languages(course.unchecked_languages.take()) {
        Ok(list) => list,
        Err(problem) => {
            dropped.push(DroppedField {
                index,
                id,
                field: "languages",
                problem,
            });
            Vec::new()
        }
    };
    dropped
}

/// The `languages` of a course as written: absent, `null` or `[]` is none;
/// else a list of known codes (repeats counted once, in order).
fn languages(value: Option<serde_json::Value>) -> Result<Vec<Language>, FieldProblem> {
    let items = match value {
        None | Some(serde_json::Value::Null) => return Ok(Vec::new()),
        Some(serde_json::Value::Array(items)) => items,
        Some(_) => return Err(FieldProblem::NotLanguages),
    };
    let mut out = Vec::new();
    for item in items {
        let language = item
            .as_str()
            .and_then(Language::from_code)
            .ok_or(FieldProblem::NotLanguages)?;
        if !out.contains(&language) {
            out.push(language);
        }
    }
    Ok(out)
}

fn sanitize_links(course: &mut Course) {
    course.url = course.url.as_deref().and_then(safe_link).map(str::to_owned);
    for session in &mut course.sessions {
        session.registration_url = session
            .registration_url
            .as_deref()
            .and_then(safe_link)
            .map(str::to_owned);
    }
}

/// One entry of `synonyms`, read tolerantly: an array whose string members are
/// trimmed, blank and repeated members dropped, other members ignored. Kept only
/// when at least two terms remain; anything else is ignored.
fn synonym_group(json: &str) -> Option<Vec<String>> {
    let members: Vec<&RawValue> = serde_json::from_str(json).ok()?;
    let mut group: Vec<String> = Vec::new();
    for member in members {
        if let Ok(term) = serde_json::from_str::<String>(member.get()) {
            let term = term.trim();
            if !term.is_empty() && !group.iter().any(|t| t == term) {
                group.push(term.to_owned());
            }
        }
    }
    (group.len() >= 2).then_some(group)
}

/// Everything in a document but its courses, read and checked.
#[derive(Debug)]
struct Header {
    updated: String,
    domains: Vec<Domain>,
    figures: Vec<Figure>,
    trainer_call: Option<TrainerCall>,
    synonyms: Vec<Vec<String>>,
}

/// Checks the version and reads everything but the courses, which it returns
/// as written.
fn read_header(raw: RawDocument<'_>) -> Result<(Header, Vec<&RawValue>), CatalogueError> {
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
struct NotJson;

/// Checks the courses one by one, in order.
#[derive(Debug)]
struct CourseChecker {
    domain_ids: HashSet<String>,
    seen_ids: HashSet<String>,
    skipped: Vec<Skipped>,
    candidates: Vec<(usize, Course, Vec<DroppedField>)>,
    /// The ids of the valid modules among the candidates.
    modules: HashSet<String>,
}

impl CourseChecker {
    fn new(domains: &[Domain]) -> CourseChecker {
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
    fn reserve(&mut self, courses: usize) {
        self.candidates.reserve_exact(courses);
        self.seen_ids.reserve(courses);
        self.modules.reserve(courses);
    }

    /// Checks the course at `index`, written `json`; `checked` tells whether
    /// `json` is known to be valid JSON.
    fn add(&mut self, index: usize, json: &str, checked: bool) -> Result<(), NotJson> {
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
        super::sort::sort_by_key(&mut course.sessions, |s| s.start);
        if course.kind == Kind::Module {
            self.modules.insert(course.id.clone());
        }
        self.candidates.push((index, course, notes));
        Ok(())
    }

    /// The parse result, once every course is checked.
    fn finish(self, header: Header) -> Parsed {
        let mut assembly = self.into_assembly();
        while !assembly.step(usize::MAX) {}
        assembly.finish(header)
    }

    /// Leaves the last check (a parcours may only list valid modules, known
    /// once all courses are checked) to [`Assembly::step`], a few at a time.
    fn into_assembly(self) -> Assembly {
        Assembly {
            courses: Vec::with_capacity(self.candidates.len()),
            candidates: self.candidates.into_iter(),
            modules: self.modules,
            skipped: self.skipped,
            dropped: Vec::new(),
        }
    }
}

/// The checked courses, being gathered into the catalogue.
#[derive(Debug)]
struct Assembly {
    candidates: std::vec::IntoIter<(usize, Course, Vec<DroppedField>)>,
    modules: HashSet<String>,
    courses: Vec<Course>,
    skipped: Vec<Skipped>,
    dropped: Vec<DroppedField>,
}

impl Assembly {
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
    fn finish(mut self, header: Header) -> Parsed {
        while !self.step(usize::MAX) {}
        let mut skipped = self.skipped;
        super::sort::sort_by_key(&mut skipped, |s| s.index);
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

/// Where a [`ParseProgress`] is.
#[derive(Debug)]
enum ParseStage<'t> {
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
    Assembly { header: Header, assembly: Assembly },
    /// The document is left to [`Parsed::from_json`], in one go: it is not
    /// shaped as the scanner expects, or not valid (then the one-shot parser
    /// says exactly why).
    OneShot,
    /// Finished.
    Done(Result<Parsed, CatalogueError>),
}

/// Parses a catalogue document a few courses at a time, so that a large
/// catalogue never blocks the page for long: [`ParseProgress::step`] until it
/// returns `true`, then [`ParseProgress::finish`]. The result is exactly
/// [`Parsed::from_json`]'s.
///
/// The top level is read by a quick scanner ([`super::scan`]) that finds the
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
const SCANS_PER_COURSE: usize = 8;

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

    /// Does about `courses` courses' worth of work (at least one unit; reading
    /// the document's members other than its courses is one unit, and so is a
    /// document left to the one-shot parser). Returns `true` once finished.
    pub fn step(&mut self, courses: usize) -> bool {
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
                    ParseStage::Assembly {
                        header,
                        assembly: checker.into_assembly(),
                    }
                } else {
                    ParseStage::Courses {
                        header,
                        checker,
                        elements,
                        next: end,
                    }
                }
            }
            ParseStage::Assembly {
                header,
                mut assembly,
            } => {
                if assembly.step(courses) {
                    ParseStage::Done(Ok(assembly.finish(header)))
                } else {
                    ParseStage::Assembly { header, assembly }
                }
            }
            ParseStage::OneShot => ParseStage::Done(Parsed::from_json(text)),
            done @ ParseStage::Done(_) => done,
        };
        matches!(self.stage, ParseStage::Done(_))
    }

    /// Everything but the courses, read from the document with its `courses`
    /// array (the bytes `array`) replaced by `[]`; `None` if that fails in any
    /// way (the one-shot parser will say why, or read it after all).
    fn header(text: &str, array: Range<usize>) -> Option<Header> {
        let (before, after) = (text.get(..array.start)?, text.get(array.end..)?);
        let mut rest = String::with_capacity(before.len() + after.len() + 2);
        rest.push_str(before);
        rest.push_str("[]");
        rest.push_str(after);
        let raw: RawDocument = serde_json::from_str(&rest).ok()?;
        read_header(raw).ok().map(|(header, _)| header)
    }

    /// The parse result, finishing whatever [`ParseProgress::step`] has not done.
    pub fn finish(mut self) -> Result<Parsed, CatalogueError> {
        while !self.step(usize::MAX) {}
        match self.stage {
            ParseStage::Done(result) => result,
            // Unreachable: `step` returned true.
            _ => Parsed::from_json(self.text),
        }
    }
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

    fn doc(courses: &str) -> String {
        format!(
            r#"{{"version": 1, "updated": "2026-11-20",
                "domains": [{{"id": "data", "label": "Data", "description": "d"}},
                            {{"id": "cyber", "label": "Cybersécurité"}}],
                "courses": [{courses}], "unknown_field": true}}"#
        )
    }

    fn course(id: &str, kind: &str, extra: &str) -> String {
        format!(
            r#"{{"id": "{id}", "kind": "{kind}", "title": "Titre {id}", "summary": "s",
                "description": "p1\n\np2", "domains": ["data"], "level": "decouverte",
                "audience": ["tous-agents"], "format": "distanciel", "duration_hours": 3.5,
                "provider": "DINUM", "free": true, "objectives": ["o"], "prerequisites": []
                {sessions} {extra}}}"#,
            sessions = if extra.contains("\"sessions\"") {
                ""
            } else {
                r#", "sessions": []"#
            },
        )
    }

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
    fn unsafe_links_are_dropped_but_the_course_kept() {
        let text = doc(&course(
            "m1",
            "module",
            r#", "url": "javascript:alert(1)", "sessions": [{"id": "s1",
                "start": "2027-01-01T10:00:00+01:00", "end": "2027-01-01T12:00:00+01:00",
                "format": "presentiel", "location": {"city": "Lyon", "region": "Auvergne-Rhône-Alpes"},
                "registration_url": " JaVaScRiPt:alert(1)"}]"#,
        ));
        let parsed = Parsed::from_json(&text).unwrap();
        let c = &parsed.catalogue.courses[0];
        assert_eq!(c.url, None);
        assert_eq!(c.sessions[0].registration_url, None);
        assert_eq!(c.sessions[0].place.as_ref().unwrap().city, "Lyon");
    }

    #[test]
    fn next_step_fields_are_read_and_bad_values_dropped_with_a_note() {
        let long = "x".repeat(MAX_ELIGIBILITY_CHARS + 1);
        let text = doc(&[
            course(
                "good",
                "module",
                r#", "contact": " equipe.data+cat@numerique.gouv.fr ",
                   "eligibility": "Agents des trois\n fonctions   publiques",
                   "price": "390 € par participant""#,
            ),
            course(
                "elearn",
                "module",
                r#", "access_url": "https://campus.numerique.gouv.fr/e/1""#,
            )
            .replace(r#""format": "distanciel""#, r#""format": "e-learning""#),
            course(
                "hostile",
                "module",
                &format!(
                    r#", "contact": "a@b.fr\r\nBcc: x@y.fr", "access_url": "javascript:alert(1)",
                       "eligibility": "{long}", "price": 450"#
                ),
            )
            .replace(r#""format": "distanciel""#, r#""format": "e-learning""#),
            course(
                "misplaced",
                "module",
                r#", "contact": "javascript:alert(1)", "access_url": "https://a.fr",
                   "eligibility": null, "price": "  ""#,
            ),
        ]
        .join(","));
        let parsed = Parsed::from_json(&text).unwrap();
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        let c = &parsed.catalogue.courses;
        assert_eq!(c.len(), 4, "every course is kept");
        assert_eq!(
            c[0].contact.as_deref(),
            Some("equipe.data+cat@numerique.gouv.fr")
        );
        assert_eq!(
            c[0].eligibility.as_deref(),
            Some("Agents des trois fonctions publiques")
        );
        assert_eq!(c[0].price.as_deref(), Some("390\u{a0}€ par participant"));
        assert_eq!(c[0].access_url, None);
        assert_eq!(
            c[1].access_url.as_deref(),
            Some("https://campus.numerique.gouv.fr/e/1")
        );
        for course in &c[2..] {
            assert_eq!(
                (
                    &course.contact,
                    &course.access_url,
                    &course.eligibility,
                    &course.price
                ),
                (&None, &None, &None, &None),
                "{}",
                course.id
            );
        }
        let notes: Vec<_> = parsed
            .dropped
            .iter()
            .map(|d| (d.index, d.id.as_str(), d.field, d.problem))
            .collect();
        assert_eq!(
            notes,
            [
                (2, "hostile", "contact", FieldProblem::NotAnEmail),
                (2, "hostile", "access_url", FieldProblem::NotHttp),
                (
                    2,
                    "hostile",
                    "eligibility",
                    FieldProblem::TooLong(MAX_ELIGIBILITY_CHARS)
                ),
                (2, "hostile", "price", FieldProblem::NotText),
                (3, "misplaced", "contact", FieldProblem::NotAnEmail),
                (3, "misplaced", "access_url", FieldProblem::NotElearning),
            ]
        );
        // An old catalogue, without any of these fields, reads as before.
        let old = Parsed::from_json(&doc(&course("m1", "module", ""))).unwrap();
        assert!(old.dropped.is_empty() && old.skipped.is_empty());
        assert_eq!(old.catalogue.courses[0].contact, None);
    }

    #[test]
    fn languages_are_read_as_known_codes_and_anything_else_dropped_with_a_note() {
        let text = doc(&[
            course("none", "module", ""),
            course("en", "module", r#", "languages": ["en"]"#),
            course("both", "module", r#", "languages": [" FR", "en", "fr"]"#),
            course("empty", "module", r#", "languages": []"#),
            course("null", "module", r#", "languages": null"#),
            course("unknown", "module", r#", "languages": ["fr", "klingon"]"#),
            course("text", "module", r#", "languages": "en""#),
            course("number", "module", r#", "languages": [1]"#),
            course("markup", "module", r#", "languages": ["<b>en</b>"]"#),
        ]
        .join(","));
        let parsed = Parsed::from_json(&text).unwrap();
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        let c = &parsed.catalogue.courses;
        let langs = |i: usize| c[i].languages().to_vec();
        assert_eq!(langs(0), [Language::Fr], "none named: French");
        assert!(c[0].french_only());
        assert_eq!(langs(1), [Language::En]);
        assert!(!c[1].french_only());
        assert_eq!(
            langs(2),
            [Language::Fr, Language::En],
            "once each, in order"
        );
        assert_eq!(langs(3), [Language::Fr]);
        assert_eq!(langs(4), [Language::Fr]);
        for dropped in &c[5..9] {
            assert_eq!(dropped.languages(), [Language::Fr], "{}", dropped.id);
        }
        let dropped: Vec<(&str, &str)> = parsed
            .dropped
            .iter()
            .map(|d| (d.id.as_str(), d.field))
            .collect();
        assert_eq!(
            dropped,
            [
                ("unknown", "languages"),
                ("text", "languages"),
                ("number", "languages"),
                ("markup", "languages")
            ]
        );
        // Written back as read: the codes, and nothing for none.
        let json = serde_json::to_string(&c[2]).unwrap();
        assert!(json.contains(r#""languages":["fr","en"]"#), "{json}");
        assert!(!serde_json::to_string(&c[0]).unwrap().contains("languages"));
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
    fn only_plain_plausible_email_addresses_are_kept() {
        for good in [
            "campus@numerique.gouv.fr",
            " prenom.nom@interieur.gouv.fr ",
            "equipe_data+catalogue@sub-domaine.example.fr",
            "A1@b2.io",
        ] {
            assert_eq!(plausible_email(good), Some(good.trim()), "{good}");
        }
        for bad in [
            "",
            "campus",
            "mailto:campus@numerique.gouv.fr",
            "javascript:alert(1)//@a.fr",
            "a@b.fr\r\nBcc: x@y.fr",
            "a@b.fr?bcc=x@y.fr",
            "a@b.fr&cc=x@y.fr",
            "a b@c.fr",
            "a@b",
            "a@b.f",
            "a@b.123",
            "a@@b.fr",
            "a@b@c.fr",
            ".a@b.fr",
            "a.@b.fr",
            "a..b@c.fr",
            "a@-b.fr",
            "a@b-.fr",
            "a@b..fr",
            "a%40b@c.fr",
            "\"a\"@b.fr",
            "é@b.fr",
            "a@exämple.fr",
            "<a@b.fr>",
        ] {
            assert_eq!(plausible_email(bad), None, "{bad:?}");
        }
        let long_local = format!("{}@b.fr", "a".repeat(65));
        assert_eq!(plausible_email(&long_local), None);
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

    #[test]
    fn safe_link_accepts_only_http_and_https() {
        assert_eq!(safe_link(" https://a.fr/x "), Some("https://a.fr/x"));
        assert_eq!(safe_link("HTTP://a.fr"), Some("HTTP://a.fr"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "/relative",
            "https://a b",
            "vbscript:x",
        ] {
            assert_eq!(safe_link(bad), None, "{bad}");
        }
    }

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
