//! A session's days and hours: one event a day or one span, and the sentence
//! the course page says them in. Above `time` (instants and dates), which
//! knows nothing of sessions.

use super::model::Session;
use super::time::{clock_text, date, Timestamp};
use crate::i18n::{labels, Locale};
use crate::util::dates::civil_from_days;

/// Longest session, in days, still shown as one event per day. Longer ones
/// (a five-week programme, a typo in the end year) are shown as one span: a
/// calendar with a hundred daily events is worse than one long event.
pub const MAX_DAILY_DAYS: i64 = 31;

/// One day of a session, in the offsets the data was written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionDay {
    /// Year of this day.
    pub year: i32,
    /// Month of this day, 1–12.
    pub month: u32,
    /// Day of month, 1–31.
    pub day: u32,
    /// When this day starts (exactly the session's start on the first day).
    pub start: Timestamp,
    /// When this day ends (exactly the session's end on the last day). Both ends
    /// of a day are in one offset: the session end's on the last day, the
    /// session start's on the others.
    pub end: Timestamp,
}

/// The days of `session`, in order.
///
/// A session over several days (`2027-02-11T09:30+01:00` to `2027-02-13T17:00+01:00`)
/// is read as "every day from 9:30 to 17:00", one [`SessionDay`] per calendar day,
/// weekends included (the data says nothing of breaks). One element only, the
/// whole session, when it is on one day, or when it cannot be read that way:
/// its end time of day is not after its start time of day (overnight, or an end at
/// midnight), or it spans more than [`MAX_DAILY_DAYS`] days. Tell the cases apart
/// with `days.len() > 1` (daily) and `start.local_day() != end.local_day()` (one span).
///
/// When the start and end offsets differ (a change to or from summer time during
/// the session), the days before the last keep the start's offset and the last day
/// the end's: without time zone rules, the middle days may be an hour off.
pub fn session_days(session: &Session) -> Vec<SessionDay> {
    let (start, end) = (session.start, session.end);
    let whole = || {
        let w = start.wall_clock();
        vec![SessionDay {
            year: w.year,
            month: w.month,
            day: w.day,
            start,
            end,
        }]
    };
    let (first, last) = (start.local_day(), end.local_day());
    let count = last - first + 1;
    let time_of_day = |t: Timestamp| (t.unix + i64::from(t.offset_minutes) * 60).rem_euclid(86_400);
    let (from, to) = (time_of_day(start), time_of_day(end));
    if count <= 1 || count > MAX_DAILY_DAYS || to <= from {
        return whole();
    }
    (first..=last)
        .map(|day| {
            let (year, month, dom) = civil_from_days(day);
            let offset = if day == last {
                end.offset_minutes
            } else {
                start.offset_minutes
            };
            let at = |secs: i64| Timestamp {
                unix: day * 86_400 + secs - i64::from(offset) * 60,
                offset_minutes: offset,
            };
            SessionDay {
                year,
                month,
                day: dom,
                // The first day starts exactly as written, the last ends as written.
                start: if day == first { start } else { at(from) },
                end: if day == last { end } else { at(to) },
            }
        })
        .collect()
}

/// A date cut into its words, from [`date`] so that names are written once.
struct DateWords {
    weekday: String,
    day: String,
    month: String,
    year: String,
}

impl DateWords {
    fn of(t: Timestamp, l: Locale) -> Option<DateWords> {
        let text = date(t, l);
        let words: Vec<&str> = text.split_whitespace().collect();
        let [weekday, day, month, year] = words.as_slice() else {
            return None;
        };
        // French writes the first of the month as an ordinal: "1er février".
        let day = if l == Locale::Fr && *day == "1" {
            "1er"
        } else {
            day
        };
        Some(DateWords {
            weekday: (*weekday).to_owned(),
            day: day.to_owned(),
            month: (*month).to_owned(),
            year: (*year).to_owned(),
        })
    }

    fn full(&self) -> String {
        format!("{} {} {} {}", self.weekday, self.day, self.month, self.year)
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// "jeudi 11 au samedi 13 février 2027": the shared month and year said once.
fn date_range(a: &DateWords, b: &DateWords, l: Locale) -> String {
    let to = labels::DateText::RangeTo.get(l);
    if a.year != b.year {
        format!("{} {to} {}", a.full(), b.full())
    } else if a.month != b.month {
        format!("{} {} {} {to} {}", a.weekday, a.day, a.month, b.full())
    } else {
        format!("{} {} {to} {}", a.weekday, a.day, b.full())
    }
}

/// A session's dates and hours in a sentence, for the course page:
///
/// - one day: "Jeudi 11 février 2027, de 9 h 30 à 12 h 30" /
///   "Thursday 11 February 2027, 9:30 am to 12:30 pm";
/// - several days: "Du jeudi 11 au samedi 13 février 2027, de 9 h 30 à 17 h 00 chaque
///   jour" / "Thursday 11 to Saturday 13 February 2027, 9:30 am to 5:00 pm each day"
///   (month and year said once when shared: "Du vendredi 29 janvier au lundi
///   1er février 2027");
/// - one span (see [`session_days`]): "Du jeudi 11 février 2027 à 20 h 00 au vendredi
///   12 février 2027 à 2 h 00" / "From Thursday 11 February 2027 at 8:00 pm to
///   Friday 12 February 2027 at 2:00 am".
///
/// Times have a no-break space (U+00A0) around "h" (or before "am"/"pm").
pub fn session_schedule_text(session: &Session, l: Locale) -> String {
    let days = session_days(session);
    let (start, end) = (session.start, session.end);
    let (from, to) = (clock_text(start, l), clock_text(end, l));
    let (Some(a), Some(b)) = (DateWords::of(start, l), DateWords::of(end, l)) else {
        // Unreachable with today's labels; say it plainly rather than panic.
        return format!("{} – {}", date(start, l), date(end, l));
    };
    if days.len() > 1 {
        let range = date_range(&a, &b, l);
        match l {
            Locale::Fr => format!("Du {range}, de {from} à {to} chaque jour"),
            Locale::En => format!("{}, {from} to {to} each day", capitalized(&range)),
        }
    } else if start.local_day() == end.local_day() {
        match l {
            Locale::Fr => format!("{}, de {from} à {to}", capitalized(&a.full())),
            Locale::En => format!("{}, {from} to {to}", a.full()),
        }
    } else {
        match l {
            Locale::Fr => format!("Du {} à {from} au {} à {to}", a.full(), b.full()),
            Locale::En => format!("From {} at {from} to {} at {to}", a.full(), b.full()),
        }
    }
}
