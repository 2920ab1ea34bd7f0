//! RFC 3339 timestamps, parsed without a date crate (a few dozen lines beat ~100 KB
//! of wasm). Only what the catalogue needs: parse, compare, show the wall-clock
//! time the data was written in, and format for iCalendar. Also a session seen
//! day by day ([`session_days`]) and said in words ([`session_schedule_text`]).

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use crate::i18n::{labels, Locale};
use crate::util::dates::{civil_from_days, days_from_civil};

/// An instant with the UTC offset it was written with (`2027-02-11T09:30:00+01:00`).
/// Ordered and compared by instant, not by offset.
#[derive(Debug, Clone, Copy)]
pub struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub unix: i64,
    /// The offset of the written form, in minutes east of UTC.
    pub offset_minutes: i32,
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.unix == other.unix
    }
}
impl Eq for Timestamp {}
impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        self.unix.cmp(&other.unix)
    }
}

/// A calendar date and wall-clock time, as written in the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WallClock {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of month, 1–31.
    pub day: u32,
    /// Hour, 0–23.
    pub hour: u32,
    /// Minute, 0–59.
    pub minute: u32,
    /// Second, 0–59.
    pub second: u32,
}

impl WallClock {
    /// The wall clock `secs` seconds (under a day) into the day `days` after
    /// 1970-01-01.
    pub fn at(days: i64, secs: u32) -> WallClock {
        let (year, month, day) = civil_from_days(days);
        WallClock {
            year,
            month,
            day,
            hour: secs / 3600,
            minute: secs / 60 % 60,
            second: secs % 60,
        }
    }
}

/// Why a timestamp was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampError(pub String);

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid RFC 3339 date-time: {}", self.0)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn digits(s: &str, range: std::ops::Range<usize>) -> Option<u32> {
    let part = s.get(range)?;
    if part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

impl FromStr for Timestamp {
    type Err = TimestampError;

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (`t`, `z` and a space
    /// separator are accepted, as RFC 3339 allows).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || TimestampError(text.chars().take(40).collect());
        let s = text.trim();
        let b = s.as_bytes();
        if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[13] != b':' || b[16] != b':' {
            return Err(err());
        }
        if !matches!(b[10], b'T' | b't' | b' ') {
            return Err(err());
        }
        let year = digits(s, 0..4).ok_or_else(err)? as i32;
        let month = digits(s, 5..7).ok_or_else(err)?;
        let day = digits(s, 8..10).ok_or_else(err)?;
        let hour = digits(s, 11..13).ok_or_else(err)?;
        let minute = digits(s, 14..16).ok_or_else(err)?;
        let second = digits(s, 17..19).ok_or_else(err)?;
        if !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 60
        {
            return Err(err());
        }
        let mut rest = &s[19..];
        if let Some(fraction) = rest.strip_prefix('.') {
            let n = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return Err(err());
            }
            rest = &fraction[n..];
        }
        let offset_minutes = match rest {
            "Z" | "z" => 0,
            _ => {
                let sign = match rest.as_bytes().first() {
                    Some(b'+') => 1,
                    Some(b'-') => -1,
                    _ => return Err(err()),
                };
                if rest.len() != 6 || rest.as_bytes()[3] != b':' {
                    return Err(err());
                }
                let oh = digits(rest, 1..3).ok_or_else(err)?;
                let om = digits(rest, 4..6).ok_or_else(err)?;
                if oh > 23 || om > 59 {
                    return Err(err());
                }
                sign * (oh * 60 + om) as i32
            }
        };
        let local = days_from_civil(year, month, day) * 86_400
            + i64::from(hour) * 3600
            + i64::from(minute) * 60
            + i64::from(second.min(59));
        Ok(Timestamp {
            unix: local - i64::from(offset_minutes) * 60,
            offset_minutes,
        })
    }
}

impl Timestamp {
    /// The wall-clock time in the offset the data was written with.
    pub fn wall_clock(self) -> WallClock {
        let local = self.unix + i64::from(self.offset_minutes) * 60;
        WallClock::at(local.div_euclid(86_400), local.rem_euclid(86_400) as u32)
    }

    /// UTC in iCalendar's basic format: `20270211T083000Z`.
    pub fn to_ical_utc(self) -> String {
        let utc = Timestamp {
            unix: self.unix,
            offset_minutes: 0,
        }
        .wall_clock();
        format!(
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second
        )
    }

    /// The calendar date in the written offset, as days since the epoch (for
    /// "same day" checks).
    pub fn local_day(self) -> i64 {
        (self.unix + i64::from(self.offset_minutes) * 60).div_euclid(86_400)
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in the written offset.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = self.wall_clock();
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            w.year, w.month, w.day, w.hour, w.minute, w.second
        )?;
        if self.offset_minutes == 0 {
            return f.write_str("Z");
        }
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let off = self.offset_minutes.abs();
        write!(f, "{sign}{:02}:{:02}", off / 60, off % 60)
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// "9\u{a0}h\u{a0}30", "17\u{a0}h\u{a0}00" / "9:30\u{a0}am", "5:00\u{a0}pm" (British
/// 12-hour clock; noon is "12:00 pm"). No-break spaces keep a time on one line.
pub fn clock_text(t: Timestamp, l: Locale) -> String {
    let w = t.wall_clock();
    match l {
        Locale::Fr => format!("{}\u{a0}h\u{a0}{:02}", w.hour, w.minute),
        Locale::En => {
            let h12 = match w.hour % 12 {
                0 => 12,
                h => h,
            };
            let suffix = if w.hour < 12 { "am" } else { "pm" };
            format!("{h12}:{:02}\u{a0}{suffix}", w.minute)
        }
    }
}

/// "mardi 11 février 2027" / "Tuesday 11 February 2027", in the data's offset.
pub fn date(t: Timestamp, l: Locale) -> String {
    let w = t.wall_clock();
    // 1970-01-01 was a Thursday (index 3 from Monday).
    let weekday = (days_from_civil(w.year, w.month, w.day) + 3).rem_euclid(7) as usize;
    labels::full_date(weekday, (w.year, w.month, w.day), l)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::Session;
    use crate::catalogue::schedule::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn parses_offsets_into_the_same_instant() {
        assert_eq!(ts("1970-01-01T00:00:00Z").unix, 0);
        assert_eq!(ts("2027-02-11T09:30:00+01:00"), ts("2027-02-11T08:30:00Z"));
        assert_eq!(
            ts("2026-07-01T10:00:00+02:00").unix,
            ts("2026-07-01T08:00:00Z").unix
        );
        assert_eq!(
            ts("2026-07-01t10:00:00.250-03:30").unix,
            ts("2026-07-01T13:30:00Z").unix
        );
    }

    #[test]
    fn keeps_the_written_wall_clock() {
        let w = ts("2027-02-11T09:30:00+01:00").wall_clock();
        assert_eq!(
            (w.year, w.month, w.day, w.hour, w.minute),
            (2027, 2, 11, 9, 30)
        );
        assert_eq!(
            ts("2027-02-11T09:30:00+01:00").to_string(),
            "2027-02-11T09:30:00+01:00"
        );
        assert_eq!(
            ts("2027-02-11T09:30:00Z").to_string(),
            "2027-02-11T09:30:00Z"
        );
    }

    #[test]
    fn formats_utc_for_icalendar() {
        assert_eq!(
            ts("2027-02-11T09:30:00+01:00").to_ical_utc(),
            "20270211T083000Z"
        );
        assert_eq!(
            ts("2026-01-01T00:30:00+01:00").to_ical_utc(),
            "20251231T233000Z"
        );
    }

    #[test]
    fn refuses_malformed_dates() {
        for bad in [
            "",
            "2027-02-11",
            "2027-02-11T09:30:00",
            "2027-02-30T09:30:00Z",
            "2027-13-01T09:30:00Z",
            "2027-02-11T24:00:00Z",
            "2027-02-11T09:30:00+1:00",
            "2027-02-11T09:30:00.Z",
            "2027-02-11X09:30:00Z",
            "２０２７-02-11T09:30:00Z",
        ] {
            assert!(bad.parse::<Timestamp>().is_err(), "{bad:?} accepted");
        }
        assert!("2028-02-29T10:00:00Z".parse::<Timestamp>().is_ok());
        assert!("2027-02-29T10:00:00Z".parse::<Timestamp>().is_err());
    }

    #[test]
    fn civil_days_round_trip() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    fn session(start: &str, end: &str) -> Session {
        Session {
            id: "s1".into(),
            start: ts(start),
            end: ts(end),
            format: crate::catalogue::model::Format::Presentiel,
            place: None,
            seats_left: None,
            registration_url: None,
        }
    }

    #[test]
    fn a_three_day_session_is_read_day_by_day() {
        let days = session_days(&session(
            "2027-02-11T09:30:00+01:00",
            "2027-02-13T17:00:00+01:00",
        ));
        let got: Vec<_> = days
            .iter()
            .map(|d| (d.day, d.start.to_string(), d.end.to_string()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    11,
                    "2027-02-11T09:30:00+01:00".to_owned(),
                    "2027-02-11T17:00:00+01:00".to_owned()
                ),
                (
                    12,
                    "2027-02-12T09:30:00+01:00".to_owned(),
                    "2027-02-12T17:00:00+01:00".to_owned()
                ),
                (
                    13,
                    "2027-02-13T09:30:00+01:00".to_owned(),
                    "2027-02-13T17:00:00+01:00".to_owned()
                ),
            ]
        );
        assert!(days.iter().all(|d| (d.year, d.month) == (2027, 2)));
    }

    #[test]
    fn days_cross_months_years_and_summer_time() {
        let days = session_days(&session(
            "2027-12-30T09:00:00+01:00",
            "2028-01-02T12:00:00+01:00",
        ));
        let dates: Vec<_> = days.iter().map(|d| (d.year, d.month, d.day)).collect();
        assert_eq!(
            dates,
            vec![(2027, 12, 30), (2027, 12, 31), (2028, 1, 1), (2028, 1, 2)]
        );
        // Summer time starts on 28 March 2027: the last day is in +02:00.
        let days = session_days(&session(
            "2027-03-26T09:30:00+01:00",
            "2027-03-29T17:00:00+02:00",
        ));
        let utc: Vec<_> = days
            .iter()
            .map(|d| (d.start.to_ical_utc(), d.end.to_ical_utc()))
            .collect();
        assert_eq!(
            utc[1],
            ("20270327T083000Z".into(), "20270327T160000Z".into())
        );
        assert_eq!(
            utc[3],
            ("20270329T073000Z".into(), "20270329T150000Z".into())
        );
        assert_eq!(days[3].start.to_string(), "2027-03-29T09:30:00+02:00");
    }

    #[test]
    fn sessions_that_are_not_daily_stay_one_span() {
        for (start, end) in [
            // One day.
            ("2027-02-11T09:30:00+01:00", "2027-02-11T12:30:00+01:00"),
            // Overnight.
            ("2027-02-11T20:00:00+01:00", "2027-02-12T02:00:00+01:00"),
            // Ends at midnight: the end time of day is not after the start's.
            ("2027-02-11T09:00:00+01:00", "2027-02-13T00:00:00+01:00"),
            // Ends earlier in the day than it starts.
            ("2027-02-11T14:00:00+01:00", "2027-02-13T10:00:00+01:00"),
            // Longer than a month.
            ("2027-02-01T09:00:00+01:00", "2027-03-15T17:00:00+01:00"),
        ] {
            let s = session(start, end);
            let days = session_days(&s);
            assert_eq!(days.len(), 1, "{start} {end}");
            assert_eq!((days[0].start, days[0].end), (s.start, s.end));
        }
        assert_eq!(
            session_days(&session(
                "2027-02-01T09:00:00+01:00",
                "2027-03-03T17:00:00+01:00"
            ))
            .len(),
            31
        );
    }

    #[test]
    fn schedules_read_naturally_in_french() {
        let text = |a, b| session_schedule_text(&session(a, b), Locale::Fr);
        assert_eq!(
            text("2027-02-11T09:30:00+01:00", "2027-02-11T12:30:00+01:00"),
            "Jeudi 11 février 2027, de 9\u{a0}h\u{a0}30 à 12\u{a0}h\u{a0}30"
        );
        assert_eq!(
            text("2027-02-11T09:30:00+01:00", "2027-02-13T17:00:00+01:00"),
            "Du jeudi 11 au samedi 13 février 2027, de 9\u{a0}h\u{a0}30 à 17\u{a0}h\u{a0}00 chaque jour"
        );
        assert_eq!(
            text("2027-01-29T09:00:00+01:00", "2027-02-01T17:00:00+01:00"),
            "Du vendredi 29 janvier au lundi 1er février 2027, de 9\u{a0}h\u{a0}00 à 17\u{a0}h\u{a0}00 chaque jour"
        );
        assert_eq!(
            text("2027-12-30T09:00:00+01:00", "2028-01-02T12:00:00+01:00"),
            "Du jeudi 30 décembre 2027 au dimanche 2 janvier 2028, de 9\u{a0}h\u{a0}00 à 12\u{a0}h\u{a0}00 chaque jour"
        );
        assert_eq!(
            text("2027-02-11T20:00:00+01:00", "2027-02-12T02:00:00+01:00"),
            "Du jeudi 11 février 2027 à 20\u{a0}h\u{a0}00 au vendredi 12 février 2027 à 2\u{a0}h\u{a0}00"
        );
    }

    #[test]
    fn schedules_read_naturally_in_english() {
        let text = |a, b| session_schedule_text(&session(a, b), Locale::En);
        assert_eq!(
            text("2027-02-11T09:30:00+01:00", "2027-02-11T12:30:00+01:00"),
            "Thursday 11 February 2027, 9:30\u{a0}am to 12:30\u{a0}pm"
        );
        assert_eq!(
            text("2027-02-11T09:30:00+01:00", "2027-02-13T17:00:00+01:00"),
            "Thursday 11 to Saturday 13 February 2027, 9:30\u{a0}am to 5:00\u{a0}pm each day"
        );
        assert_eq!(
            text("2027-01-29T09:00:00+01:00", "2027-02-01T17:00:00+01:00"),
            "Friday 29 January to Monday 1 February 2027, 9:00\u{a0}am to 5:00\u{a0}pm each day"
        );
        assert_eq!(
            text("2027-02-11T20:00:00+01:00", "2027-02-12T02:00:00+01:00"),
            "From Thursday 11 February 2027 at 8:00\u{a0}pm to Friday 12 February 2027 at 2:00\u{a0}am"
        );
        assert_eq!(
            clock_text(ts("2027-02-11T12:00:00Z"), Locale::En),
            "12:00\u{a0}pm"
        );
        assert_eq!(
            clock_text(ts("2027-02-11T00:15:00Z"), Locale::En),
            "12:15\u{a0}am"
        );
        assert_eq!(
            clock_text(ts("2027-02-11T00:15:00Z"), Locale::Fr),
            "0\u{a0}h\u{a0}15"
        );
    }
}
