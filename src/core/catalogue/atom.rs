//! The Atom feed of the catalogue (RFC 4287), `nouveautes.atom` at the site
//! root: its courses and its sessions to come, for a feed reader to tell an
//! agent of a new one. Pure: the XML from the catalogue, the site URL and the
//! build time; `campus-pages` writes it beside the static pages.
//!
//! The catalogue has no date per course or session, only its own
//! (`updated`). What the feed says, honestly, from that:
//! - every entry's `updated` is the catalogue's date
//!   ([`super::feeds::catalogue_stamp`]): the last moment it may have
//!   changed; it moves only when a new catalogue is published, never from
//!   one build to the next;
//! - entries have stable ids (`tag:` URIs of the course id, and of the
//!   course and session ids), so a reader shows a course or a session as new
//!   once, when it first appears, whatever the dates;
//! - courses in the catalogue's order, last first (a new row of the team's
//!   sheet goes at the end), at most [`MAX_COURSES`]; then the sessions to
//!   come, soonest first, at most [`MAX_SESSIONS`]; sur-mesure programmes'
//!   sessions are left out, as in the calendar feeds.

use super::export::course_link;

use super::feeds::catalogue_stamp;
use super::model::{Catalogue, Course, Kind, Session};
use super::offer::is_full;
use super::schedule::session_schedule_text;
use super::time::Timestamp;
use crate::catalogue::labels;
use crate::i18n::Locale;
use crate::util::percent::percent_encode;

/// The feed's path from the site root.
pub const ATOM_PATH: &str = "nouveautes.atom";

/// The feed's title, also the `title` of the pages' `<link rel="alternate">`.
pub const ATOM_TITLE: &str = "Nouveautés du Campus du numérique public";

/// Most course entries.
pub const MAX_COURSES: usize = 40;

/// Most session entries.
pub const MAX_SESSIONS: usize = 60;

/// The authority and year of the entries' `tag:` URIs (RFC 4151): the
/// domain the calendar UIDs name too.
const TAG: &str = "tag:campus.numerique.gouv.fr,2026:";

/// Text for XML content or an attribute value: `&`, `<`, `>`, `"`, `'`
/// escaped, and the characters XML 1.0 does not allow (controls other than
/// tab and line breaks, U+FFFE, U+FFFF) dropped. Nothing else changes:
/// decomposed accents and zero-width characters are valid XML.
pub fn xml_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// RFC 3339 in UTC (`2026-11-20T00:00:00Z`), Atom's date format.
fn rfc3339(unix: i64) -> String {
    let w = Timestamp {
        unix,
        offset_minutes: 0,
    }
    .wall_clock();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        w.year, w.month, w.day, w.hour, w.minute, w.second
    )
}

/// The id of a course's entry.
pub fn course_entry_id(course_id: &str) -> String {
    format!("{TAG}formation:{}", percent_encode(course_id))
}

/// The id of a session's entry.
pub fn session_entry_id(course_id: &str, session_id: &str) -> String {
    format!(
        "{TAG}session:{}:{}",
        percent_encode(course_id),
        percent_encode(session_id)
    )
}

/// The entries of the feed, in order: `(id, title, link, summary)`.
fn entries(catalogue: &Catalogue, site: &str, now: i64) -> Vec<[String; 4]> {
    let l = Locale::Fr;
    let mut out: Vec<[String; 4]> = catalogue
        .courses
        .iter()
        .rev()
        .take(MAX_COURSES)
        .map(|c| {
            [
                course_entry_id(&c.id),
                format!("{}\u{a0}: {}", labels::kind(c.kind, l), c.title),
                course_link(site, &c.id),
                c.summary.clone(),
            ]
        })
        .collect();
    let mut sessions: Vec<(&Course, &Session)> = catalogue
        .courses
        .iter()
        .filter(|c| c.kind != Kind::SurMesure)
        .flat_map(|c| c.upcoming_sessions(now).map(move |s| (c, s)))
        .collect();
    sessions.sort_by_key(|(_, s)| s.start.unix);
    out.extend(sessions.into_iter().take(MAX_SESSIONS).map(|(c, s)| {
        let place = match &s.place {
            Some(p) => p.city.clone(),
            None => labels::format(s.format, l).to_owned(),
        };
        let full = if is_full(s) { " (complet)" } else { "" };
        let schedule = session_schedule_text(s, l);
        [
            session_entry_id(&c.id, &s.id),
            format!("Session{full}\u{a0}: {} · {schedule} · {place}", c.title),
            course_link(site, &c.id),
            format!("{schedule} · {place}{full}. {}", c.summary),
        ]
    }));
    out
}

/// The Atom document of `catalogue` for a site published at `site` (its
/// root URL, ending with `/`), built at `now` (unix seconds): see the
/// module's documentation for what it holds.
pub fn atom_feed(catalogue: &Catalogue, site: &str, now: i64) -> String {
    let updated = rfc3339(catalogue_stamp(&catalogue.updated, now));
    let site_x = xml_text(site);
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">\n\
         <id>{site_x}{ATOM_PATH}</id>\n\
         <title>{}</title>\n\
         <subtitle>Les formations et les sessions à venir du catalogue, mises à jour chaque jour.</subtitle>\n\
         <updated>{updated}</updated>\n\
         <author><name>Campus du numérique public</name><email>{}</email></author>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{site_x}{ATOM_PATH}\"/>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{site_x}catalogue/\"/>\n",
        xml_text(ATOM_TITLE),
        crate::i18n::CAMPUS_EMAIL,
    );
    for [id, title, link, summary] in entries(catalogue, site, now) {
        out.push_str(&format!(
            "<entry>\n<id>{}</id>\n<title>{}</title>\n<updated>{updated}</updated>\n\
             <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<summary>{}</summary>\n</entry>\n",
            xml_text(&id),
            xml_text(&title),
            xml_text(&link),
            xml_text(&summary),
        ));
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::Parsed;
    use crate::catalogue::synthetic::catalogue_json;

    const SITE: &str = "https://host/formations/campus/";
    /// 2027-01-01T00:00:00Z.
    const NOW: i64 = 1_798_761_600;

    fn tags<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
        let open = format!("<{name}>");
        let close = format!("</{name}>");
        xml.match_indices(&open)
            .filter_map(|(i, _)| {
                let rest = &xml[i + open.len()..];
                Some(&rest[..rest.find(&close)?])
            })
            .collect()
    }

    #[test]
    fn entries_are_courses_last_first_then_sessions_soonest_first() {
        let cat = Parsed::from_json(&catalogue_json(200, 3))
            .unwrap()
            .catalogue;
        let xml = atom_feed(&cat, SITE, NOW);
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""));
        let ids = tags(&xml, "id");
        assert_eq!(ids[0], "https://host/formations/campus/nouveautes.atom");
        let entries = &ids[1..];
        assert!(entries.len() <= MAX_COURSES + MAX_SESSIONS);
        let last = cat.courses.last().unwrap();
        assert_eq!(entries[0], course_entry_id(&last.id));
        assert_eq!(
            entries
                .iter()
                .filter(|id| id.contains(":formation:"))
                .count(),
            MAX_COURSES
        );
        let sessions: Vec<&&str> = entries
            .iter()
            .filter(|id| id.contains(":session:"))
            .collect();
        assert!(!sessions.is_empty() && sessions.len() <= MAX_SESSIONS);
        // Soonest first, all to come.
        let starts: Vec<i64> = sessions
            .iter()
            .map(|id| {
                let mut parts = id.rsplit(':');
                let session = parts.next().unwrap();
                cat.courses
                    .iter()
                    .flat_map(|c| &c.sessions)
                    .find(|s| percent_encode(&s.id) == session)
                    .unwrap()
                    .start
                    .unix
            })
            .collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]));
        assert!(starts.iter().all(|&s| s >= NOW));
        // One date for all: the catalogue's.
        for updated in tags(&xml, "updated") {
            assert_eq!(updated, rfc3339(catalogue_stamp(&cat.updated, NOW)));
        }
        assert_eq!(
            xml,
            atom_feed(&cat, SITE, NOW + 60),
            "same catalogue, same feed"
        );
    }

    #[test]
    fn ids_are_stable_and_links_absolute() {
        assert_eq!(
            course_entry_id("cyber é/1"),
            "tag:campus.numerique.gouv.fr,2026:formation:cyber%20%C3%A9%2F1"
        );
        assert_eq!(
            session_entry_id("a:b", "s 1"),
            "tag:campus.numerique.gouv.fr,2026:session:a%3Ab:s%201"
        );
        let cat = Parsed::from_json(&catalogue_json(5, 3)).unwrap().catalogue;
        let xml = atom_feed(&cat, SITE, NOW);
        for href in xml.split("href=\"").skip(1) {
            assert!(href.starts_with(SITE), "{href}");
        }
    }

    #[test]
    fn hostile_text_never_breaks_the_xml() {
        let hostile = "<b>&amp;</b> ]]> \"'\u{7}\u{0}\u{1b}\u{fffe} e\u{301}\u{200b}";
        assert_eq!(
            xml_text(hostile),
            "&lt;b&gt;&amp;amp;&lt;/b&gt; ]]&gt; &quot;&apos; e\u{301}\u{200b}"
        );
        let cat = Parsed::from_json(&catalogue_json(3, 3)).unwrap();
        let mut cat = cat.catalogue;
        cat.courses[0].title = format!("{hostile}{}", "x".repeat(500));
        cat.courses[0].summary = "]]></summary><entry>".into();
        cat.courses[0].id = "<id>&".into();
        let xml = atom_feed(&cat, "https://h/a&b/", NOW);
        assert!(!xml.contains("]]>"));
        assert!(!xml.contains('\u{7}') && !xml.contains('\u{0}'));
        assert_eq!(
            xml.matches("<entry>").count(),
            xml.matches("</entry>").count()
        );
        assert_eq!(
            xml.matches("<summary>").count(),
            xml.matches("</summary>").count()
        );
        assert!(xml.contains("<id>https://h/a&amp;b/nouveautes.atom</id>"));
    }

    #[test]
    fn a_full_session_says_so() {
        let mut cat = Parsed::from_json(&catalogue_json(30, 3)).unwrap().catalogue;
        let course = cat
            .courses
            .iter_mut()
            .find(|c| c.kind != Kind::SurMesure && c.upcoming_sessions(NOW).next().is_some())
            .unwrap();
        for s in &mut course.sessions {
            s.seats_left = Some(0);
        }
        let title = course.title.clone();
        let xml = atom_feed(&cat, SITE, NOW);
        assert!(
            tags(&xml, "title").iter().any(
                |t| t.starts_with("Session (complet)\u{a0}: ") && t.contains(&xml_text(&title))
            ),
            "{xml}"
        );
    }
}
