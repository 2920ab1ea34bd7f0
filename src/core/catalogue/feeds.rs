//! Calendar feeds: the sessions of a course, of a domain, of a region and of
//! the whole catalogue as iCalendar documents (RFC 5545, with RFC 7986's
//! calendar name and refresh interval) that a calendar subscribes to
//! (`webcal:`) and polls. There is no server to send emails: a calendar that
//! polls is how an agent is told of a new session ("prévenez-moi").
//!
//! `campus-pages` writes them beside the static pages, all in one folder,
//! [`FEEDS_DIR`] (`calendriers/formation-{id}.ics`, `domaine-{slug}.ics`,
//! `region-{slug}.ics`, `toutes-les-sessions.ics`): one folder a host can
//! give its `text/calendar` type and cache rules to, rebuilt whole on each
//! run, and file names that say what they hold once downloaded. Pure: the
//! text of each file from the catalogue, the site URL and the build time.
//!
//! What a feed holds (see `docs/feeds.md`):
//! - the sessions that have not ended, and those ended less than
//!   [`PAST_WINDOW_SECS`] ago, so that a session just attended does not
//!   vanish from the agent's calendar the next morning;
//! - no session of a sur-mesure programme (a team's, never registered for:
//!   the course page offers no calendar entry for them either), and no feed
//!   for such a programme;
//! - each event with the UID the course page's calendar file gives it
//!   (`export::sessions_ics`), so a calendar updates an event rather than
//!   duplicating it, and the catalogue's own date as `DTSTAMP`
//!   ([`catalogue_stamp`]), so that two builds of one catalogue write the
//!   same events;
//! - a full session says so in its title (« complet »).

use std::borrow::Cow;

use super::export::{course_link, ical_text, sessions_ics};

use super::filters::{FilterKey, FilterValue, Filters, Values};
use super::model::{Catalogue, Course, Kind, Session};
use super::offer::is_full;
use super::text::fold;
use super::time::Timestamp;
use crate::i18n::feeds::FeedText;
use crate::i18n::Locale;
use crate::routes::is_static_slug;
use crate::util::dates::{days_from_civil, iso_date};

/// The folder of the calendar feeds, from the site root.
pub const FEEDS_DIR: &str = "calendriers";

/// The file of the feed of every session, in [`FEEDS_DIR`].
pub const ALL_SESSIONS_FILE: &str = "toutes-les-sessions.ics";

/// How often a calendar should poll a feed (RFC 7986 `REFRESH-INTERVAL`, and
/// Outlook's `X-PUBLISHED-TTL`): the pages are regenerated daily, so twice a
/// day is enough to see a new session the day it is published.
pub const REFRESH_INTERVAL: &str = "PT12H";

/// How long a session stays in the feeds once ended (7 days, in seconds).
pub const PAST_WINDOW_SECS: i64 = 7 * 86_400;

/// Longest slug of a domain or region in a file name.
const MAX_SLUG: usize = 60;

/// The service's name, in every feed's name.
const SERVICE: &str = "Campus du numérique public";

/// What a feed follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedScope {
    /// Every session of the catalogue.
    All,
    /// The sessions of one course (its id).
    Course(String),
    /// The sessions of the courses of one domain (its id).
    Domain(String),
    /// The sessions in one region (its name, as in the sessions' places).
    Region(String),
}

/// One calendar feed: its path from the site root and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarFeed {
    /// What it follows.
    pub scope: FeedScope,
    /// Its path from the site root (`calendriers/formation-x.ics`).
    pub path: String,
    /// Its name, as a calendar lists it.
    pub name: String,
    /// The iCalendar document.
    pub ics: String,
}

/// A lowercase ASCII slug of `text` for a file name: accents and capitals
/// folded as the search folds them (« Île-de-France » → `ile-de-france`),
/// every other character a `-`, at most [`MAX_SLUG`] bytes. Text with
/// nothing to keep (`"???"`, a script the search does not fold) gets its
/// fingerprint, so two such names stay apart.
pub fn slug(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        let c = if c.is_ascii_alphanumeric() { c } else { '-' };
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        if out.len() == MAX_SLUG {
            break;
        }
        out.push(c);
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        format!("x{}", crate::fingerprint::fnv1a_hex(text.bytes()))
    } else {
        out.to_owned()
    }
}

/// The path of a course's feed (`calendriers/formation-{id}.ics`), for a
/// course whose id is a plain slug (the same as has a folder of its own,
/// [`is_static_slug`]); `None` otherwise (such an id could clash on a
/// case-insensitive disk).
pub fn course_feed_path(course_id: &str) -> Option<String> {
    is_static_slug(course_id).then(|| format!("{FEEDS_DIR}/formation-{course_id}.ics"))
}

/// Whether `course` has a feed: a plain-slug id, and not a sur-mesure
/// programme.
pub fn has_course_feed(course: &Course) -> bool {
    course.kind != Kind::SurMesure && is_static_slug(&course.id)
}

/// The path of a domain's feed (`calendriers/domaine-{slug}.ics`).
pub fn domain_feed_path(domain_id: &str) -> String {
    format!("{FEEDS_DIR}/domaine-{}.ics", slug(domain_id))
}

/// The path of a region's feed (`calendriers/region-{slug}.ics`).
pub fn region_feed_path(region: &str) -> String {
    format!("{FEEDS_DIR}/region-{}.ics", slug(region))
}

/// The `webcal:` address of a feed's `https:` (or `http:`) URL, which
/// calendars open as a subscription; `None` for any other URL.
pub fn webcal(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    Some(format!("webcal://{rest}"))
}

/// The `DTSTAMP` of every event: the catalogue's own date (`updated`,
/// `2026-11-20` or an RFC 3339 time), midnight UTC for a bare date, so that
/// two builds of one catalogue write the same feeds and calendars do not
/// fetch changes that are none. A catalogue without a readable date gets the
/// build's day (midnight UTC of `now`).
pub fn catalogue_stamp(updated: &str, now: i64) -> i64 {
    let updated = updated.trim();
    if let Ok(t) = updated.parse::<Timestamp>() {
        return t.unix;
    }
    match iso_date(updated) {
        Some((y, m, d)) => days_from_civil(y, m, d) * 86_400,
        None => now.div_euclid(86_400) * 86_400,
    }
}

/// Whether `session` belongs in a feed built at `now`: not ended, or ended
/// less than [`PAST_WINDOW_SECS`] ago.
pub fn in_feed(session: &Session, now: i64) -> bool {
    session.end.unix > now.saturating_sub(PAST_WINDOW_SECS)
}

/// Every calendar feed of `catalogue`, in French, for a site published at
/// `site` (its root URL, ending with `/`), built at `now` (unix seconds):
/// all sessions first, then one per course ([`has_course_feed`]), one per
/// domain of the catalogue, one per region of a session's place (any
/// session's, past included, so a feed does not vanish between two
/// sessions). Domains or regions whose names give one slug share one feed.
pub fn calendar_feeds(catalogue: &Catalogue, site: &str, now: i64) -> Vec<CalendarFeed> {
    let l = Locale::Fr;
    let stamp = catalogue_stamp(&catalogue.updated, now);
    let build = |scope: FeedScope,
                 path: String,
                 subject: String,
                 pick: &dyn Fn(&Course, &Session) -> bool| {
        let name = format!("{subject} – {SERVICE}");
        let url = format!("{site}{path}");
        let header = [
            format!("NAME:{}", ical_text(&name)),
            format!("X-WR-CALNAME:{}", ical_text(&name)),
            format!(
                "DESCRIPTION:{}",
                ical_text(&format!(
                    "Les sessions à venir du {SERVICE}\u{a0}: {subject}. Mis à jour deux fois par jour."
                ))
            ),
            format!("URL:{url}"),
            format!("SOURCE;VALUE=URI:{url}"),
            format!("REFRESH-INTERVAL;VALUE=DURATION:{REFRESH_INTERVAL}"),
            format!("X-PUBLISHED-TTL:{REFRESH_INTERVAL}"),
        ];
        let ics = feed_ics(catalogue, site, &header, stamp, now, l, pick);
        CalendarFeed {
            scope,
            path,
            name,
            ics,
        }
    };
    let mut feeds = vec![build(
        FeedScope::All,
        format!("{FEEDS_DIR}/{ALL_SESSIONS_FILE}"),
        "Toutes les sessions".to_owned(),
        &|_, _| true,
    )];
    for course in catalogue.courses.iter().filter(|c| has_course_feed(c)) {
        let Some(path) = course_feed_path(&course.id) else {
            continue;
        };
        feeds.push(build(
            FeedScope::Course(course.id.clone()),
            path,
            format!("Sessions de «\u{a0}{}\u{a0}»", course.title.trim()),
            &|c, _| c.id == course.id,
        ));
    }
    for key in [FilterKey::Domain, FilterKey::Region] {
        let spec = key.spec();
        let Values::Catalogue { list, .. } = spec.values else {
            continue;
        };
        // Every value, past sessions' regions included (`now` at the start
        // of time), grouped by file name.
        let mut groups: Vec<(String, Vec<FilterValue>)> = Vec::new();
        for value in list(catalogue, i64::MIN) {
            let path = match &value {
                FilterValue::Domain(id) => domain_feed_path(id),
                FilterValue::Region(name) => region_feed_path(name),
                _ => continue,
            };
            match groups.iter_mut().find(|(p, _)| *p == path) {
                Some((_, values)) => values.push(value),
                None => groups.push((path, vec![value])),
            }
        }
        for (path, values) in groups {
            let Some(first) = values.first() else {
                continue;
            };
            let label = first.label(catalogue, l);
            let (scope, subject) = match first {
                FilterValue::Domain(id) => (
                    FeedScope::Domain(id.clone()),
                    format!("Domaine «\u{a0}{label}\u{a0}»"),
                ),
                _ => (FeedScope::Region(label.clone()), format!("Région {label}")),
            };
            let mut filters = Filters::default();
            for value in &values {
                filters.insert(value.clone());
            }
            let course_of = spec.course;
            let session_of = spec.session;
            let pick = |c: &Course, s: &Session| {
                course_of(c, i64::MIN).iter().any(|v| values.contains(v))
                    && session_of.is_none_or(|passes| passes(s, &filters))
            };
            feeds.push(build(scope, path, subject, &pick));
        }
    }
    feeds
}

/// The calendar of the sessions `pick` keeps among those in a feed at `now`
/// ([`in_feed`]), sur-mesure programmes left out, in catalogue order.
fn feed_ics(
    catalogue: &Catalogue,
    site: &str,
    header: &[String],
    stamp: i64,
    now: i64,
    l: Locale,
    pick: &dyn Fn(&Course, &Session) -> bool,
) -> String {
    let kept: Vec<(Cow<'_, Course>, &Session)> = catalogue
        .courses
        .iter()
        .filter(|c| c.kind != Kind::SurMesure)
        .flat_map(|c| c.sessions.iter().map(move |s| (c, s)))
        .filter(|(c, s)| in_feed(s, now) && pick(c, s))
        .map(|(c, s)| (titled(c, s, l), s))
        .collect();
    let rows: Vec<(&Course, &Session, String)> = kept
        .iter()
        .map(|(c, s)| (c.as_ref(), *s, course_link(site, &c.id)))
        .collect();
    sessions_ics(&rows, header, stamp, l)
}

/// The course as its session's events name it: « (complet) » after the
/// title of a full session.
fn titled<'c>(course: &'c Course, session: &Session, l: Locale) -> Cow<'c, Course> {
    if !is_full(session) {
        return Cow::Borrowed(course);
    }
    let mut full = course.clone();
    full.title = format!("{} ({})", course.title, FeedText::Full.get(l));
    Cow::Owned(full)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::Parsed;

    const SITE: &str = "https://host/formations/campus/";
    /// 2027-01-01T00:00:00Z.
    const NOW: i64 = 1_798_761_600;

    fn catalogue(courses: &str) -> Catalogue {
        let text = format!(
            r#"{{"version": 1, "updated": "2026-11-20",
              "domains": [{{"id": "data", "label": "Données"}}, {{"id": "cyber", "label": "Cybersécurité"}}],
              "courses": [{courses}]}}"#
        );
        let parsed = Parsed::from_json(&text).unwrap();
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        parsed.catalogue
    }

    fn course(id: &str, kind: &str, title: &str, domains: &str, sessions: &str) -> String {
        format!(
            r#"{{"id": {id:?}, "kind": {kind:?}, "title": {title}, "summary": "Résumé",
              "description": "d", "domains": [{domains}], "level": "decouverte",
              "audience": ["tous-agents"], "format": "presentiel", "duration_hours": 7,
              "provider": "DINUM", "free": true, "sessions": [{sessions}]}}"#
        )
    }

    fn session(id: &str, start: &str, end: &str, city: &str, region: &str, seats: u32) -> String {
        format!(
            r#"{{"id": {id:?}, "start": {start:?}, "end": {end:?}, "format": "presentiel",
              "location": {{"city": {}, "region": {}}}, "seats_left": {seats}}}"#,
            serde_json::to_string(city).unwrap(),
            serde_json::to_string(region).unwrap()
        )
    }

    fn sample() -> Catalogue {
        catalogue(
            &[
                course(
                    "cyber-1",
                    "module",
                    "\"Cyber\"",
                    "\"cyber\"",
                    &[
                        session(
                            "old",
                            "2026-06-01T09:00:00+02:00",
                            "2026-06-01T17:00:00+02:00",
                            "Lyon",
                            "Auvergne-Rhône-Alpes",
                            3,
                        ),
                        session(
                            "recent",
                            "2026-12-28T09:00:00+01:00",
                            "2026-12-28T17:00:00+01:00",
                            "Lyon",
                            "Auvergne-Rhône-Alpes",
                            3,
                        ),
                        session(
                            "full",
                            "2027-02-11T09:30:00+01:00",
                            "2027-02-11T17:00:00+01:00",
                            "Rennes",
                            "Bretagne",
                            0,
                        ),
                    ]
                    .join(","),
                ),
                course(
                    "data-1",
                    "module",
                    "\"Données\"",
                    "\"data\", \"cyber\"",
                    &session(
                        "d1",
                        "2027-03-01T09:00:00+01:00",
                        "2027-03-01T12:00:00+01:00",
                        "Paris",
                        "Île-de-France",
                        5,
                    ),
                ),
                course(
                    "sm-1",
                    "sur-mesure",
                    "\"Séminaire\"",
                    "\"data\"",
                    &session(
                        "sm",
                        "2027-03-02T09:00:00+01:00",
                        "2027-03-02T12:00:00+01:00",
                        "Paris",
                        "Ile-de-France",
                        5,
                    ),
                ),
            ]
            .join(","),
        )
    }

    fn unfolded(ics: &str) -> String {
        ics.replace("\r\n ", "")
    }

    fn values(ics: &str, name: &str) -> Vec<String> {
        unfolded(ics)
            .split("\r\n")
            .filter_map(|l| Some(l.strip_prefix(name)?.strip_prefix(':')?.to_owned()))
            .collect()
    }

    fn feed<'a>(feeds: &'a [CalendarFeed], path: &str) -> &'a CalendarFeed {
        feeds.iter().find(|f| f.path == path).unwrap_or_else(|| {
            panic!(
                "no {path} in {:?}",
                feeds.iter().map(|f| &f.path).collect::<Vec<_>>()
            )
        })
    }

    #[test]
    fn one_feed_for_all_each_course_each_domain_and_each_region() {
        let feeds = calendar_feeds(&sample(), SITE, NOW);
        let paths: Vec<&str> = feeds.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "calendriers/toutes-les-sessions.ics",
                "calendriers/formation-cyber-1.ics",
                "calendriers/formation-data-1.ics",
                "calendriers/domaine-data.ics",
                "calendriers/domaine-cyber.ics",
                "calendriers/region-auvergne-rhone-alpes.ics",
                "calendriers/region-bretagne.ics",
                "calendriers/region-ile-de-france.ics",
            ],
            "no feed for a sur-mesure programme; « Île-de-France » and « Ile-de-France » share one"
        );
        assert_eq!(
            feed(&feeds, "calendriers/domaine-cyber.ics").scope,
            FeedScope::Domain("cyber".into())
        );
        assert_eq!(
            values(&feed(&feeds, "calendriers/domaine-cyber.ics").ics, "UID"),
            [
                "recent@campus.numerique.gouv.fr",
                "full@campus.numerique.gouv.fr",
                "d1@campus.numerique.gouv.fr"
            ]
        );
        assert_eq!(
            values(&feed(&feeds, "calendriers/domaine-data.ics").ics, "UID"),
            ["d1@campus.numerique.gouv.fr"],
            "the sur-mesure session is in no feed"
        );
        assert_eq!(
            values(&feed(&feeds, "calendriers/region-bretagne.ics").ics, "UID"),
            ["full@campus.numerique.gouv.fr"]
        );
        let all = &feed(&feeds, "calendriers/toutes-les-sessions.ics").ics;
        assert_eq!(values(all, "UID").len(), 3);
        assert_eq!(
            values(all, "URL")[0],
            "https://host/formations/campus/calendriers/toutes-les-sessions.ics"
        );
        assert!(values(all, "URL")
            .contains(&"https://host/formations/campus/formation/cyber-1/".to_owned()));
    }

    #[test]
    fn past_sessions_leave_after_a_week_and_a_feed_stays_when_empty() {
        let feeds = calendar_feeds(&sample(), SITE, NOW);
        let lyon = feed(&feeds, "calendriers/region-auvergne-rhone-alpes.ics");
        assert_eq!(
            values(&lyon.ics, "UID"),
            ["recent@campus.numerique.gouv.fr"]
        );
        let later = calendar_feeds(&sample(), SITE, NOW + 8 * 86_400);
        let lyon = feed(&later, "calendriers/region-auvergne-rhone-alpes.ics");
        assert!(values(&lyon.ics, "UID").is_empty(), "{}", lyon.ics);
        assert!(
            lyon.ics.starts_with("BEGIN:VCALENDAR\r\n") && lyon.ics.ends_with("END:VCALENDAR\r\n")
        );
    }

    #[test]
    fn feeds_carry_their_name_and_refresh_interval() {
        let feeds = calendar_feeds(&sample(), SITE, NOW);
        let cyber = feed(&feeds, "calendriers/formation-cyber-1.ics");
        let name = "Sessions de «\u{a0}Cyber\u{a0}» – Campus du numérique public";
        assert_eq!(cyber.name, name);
        let ics = unfolded(&cyber.ics);
        for line in [
            format!("NAME:{name}"),
            format!("X-WR-CALNAME:{name}"),
            "REFRESH-INTERVAL;VALUE=DURATION:PT12H".to_owned(),
            "X-PUBLISHED-TTL:PT12H".to_owned(),
            "SOURCE;VALUE=URI:https://host/formations/campus/calendriers/formation-cyber-1.ics"
                .to_owned(),
        ] {
            assert!(ics.contains(&format!("\r\n{line}\r\n")), "{line} in {ics}");
        }
        // The header comes before the first event.
        assert!(ics.find("REFRESH-INTERVAL").unwrap() < ics.find("BEGIN:VEVENT").unwrap());
        // Two spellings of one region share a feed, named after the first
        // in French order.
        let region = feed(&feeds, "calendriers/region-ile-de-france.ics");
        assert_eq!(
            region.name,
            "Région Ile-de-France – Campus du numérique public"
        );
        assert_eq!(values(&region.ics, "UID"), ["d1@campus.numerique.gouv.fr"]);
    }

    #[test]
    fn a_full_session_says_so() {
        let feeds = calendar_feeds(&sample(), SITE, NOW);
        let ics = &feed(&feeds, "calendriers/formation-cyber-1.ics").ics;
        assert_eq!(values(ics, "SUMMARY"), ["Cyber", "Cyber (complet)"]);
    }

    #[test]
    fn two_builds_of_one_catalogue_write_the_same_feeds() {
        let a = calendar_feeds(&sample(), SITE, NOW);
        let b = calendar_feeds(&sample(), SITE, NOW + 3600);
        assert_eq!(a, b);
        assert_eq!(
            values(&a[0].ics, "DTSTAMP")[0],
            "20261120T000000Z",
            "the catalogue's date, not the build's"
        );
    }

    #[test]
    fn the_stamp_is_the_catalogue_s_date() {
        assert_eq!(catalogue_stamp("2026-11-20", NOW), 1_795_132_800);
        assert_eq!(
            catalogue_stamp("2026-11-20T10:00:00+01:00", NOW),
            1_795_132_800 + 9 * 3600
        );
        for unreadable in ["", "hier", "2026-13-01", "2026-1-011"] {
            assert_eq!(catalogue_stamp(unreadable, NOW + 5000), NOW, "{unreadable}");
        }
    }

    #[test]
    fn hostile_text_stays_inside_its_property() {
        let title =
            "\"<b>x</b> ]]> ; , \\\\ \\u0007\\u0000 \\r\\nBEGIN:VEVENT\\nUID:evil e\\u0301\\u200b"
                .to_owned()
                + &"é".repeat(500)
                + "\"";
        let cat = catalogue(&course(
            "h-1",
            "module",
            &title,
            "\"data\"",
            &session(
                "s;1,2",
                "2027-02-11T09:30:00+01:00",
                "2027-02-11T17:00:00+01:00",
                "Lyon\nX",
                "Rég;ion\u{1}",
                2,
            ),
        ));
        for f in calendar_feeds(&cat, SITE, NOW) {
            for line in f.ics.split("\r\n") {
                assert!(line.len() <= 75, "{line}");
                assert!(!line.chars().any(|c| c.is_control()), "{line:?}");
            }
            if f.scope == FeedScope::Domain("cyber".into()) {
                continue; // no session
            }
            let ics = unfolded(&f.ics);
            assert_eq!(ics.matches("\r\nBEGIN:VEVENT\r\n").count(), 1, "{ics}");
            assert_eq!(ics.matches("\r\nUID:").count(), 1);
            assert_eq!(
                values(&f.ics, "UID"),
                ["s\\;1\\,2@campus.numerique.gouv.fr"]
            );
            assert!(values(&f.ics, "SUMMARY")[0]
                .starts_with("<b>x</b> ]]> \\; \\, \\\\  \\nBEGIN:VEVENT"));
        }
        let feeds = calendar_feeds(&cat, SITE, NOW);
        assert_eq!(feeds.last().unwrap().path, "calendriers/region-reg-ion.ics");
    }

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(slug("Île-de-France"), "ile-de-france");
        assert_eq!(
            slug("  Provence-Alpes-Côte d'Azur "),
            "provence-alpes-cote-d-azur"
        );
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug(&"a".repeat(200)).len(), 60);
        let (a, b) = (slug("???"), slug("!!!"));
        assert!(a.starts_with('x') && a != b, "{a} {b}");
        assert!(slug("東京")
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-'));
        assert_eq!(
            course_feed_path("a-1"),
            Some("calendriers/formation-a-1.ics".into())
        );
        assert_eq!(course_feed_path("../a"), None);
        assert_eq!(course_feed_path("A"), None);
    }

    #[test]
    fn webcal_swaps_the_scheme_only() {
        assert_eq!(
            webcal("https://host/c/calendriers/a.ics").as_deref(),
            Some("webcal://host/c/calendriers/a.ics")
        );
        assert_eq!(
            webcal("http://127.0.0.1:8080/a.ics").as_deref(),
            Some("webcal://127.0.0.1:8080/a.ics")
        );
        assert_eq!(webcal("file:///a.ics"), None);
    }
}
