//! RFC 3339 timestamps, parsed without a date crate (a few dozen lines beat ~100 KB
//! of wasm). Only what the catalogue needs: parse, compare, show the wall-clock
//! time the data was written in, and format for iCalendar.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

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

/// Why a timestamp was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampError(pub String);

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid RFC 3339 date-time: {}", self.0)
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (inverse of [`days_from_civil`]).
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
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
        let (year, month, day) = civil_from_days(local.div_euclid(86_400));
        let secs = local.rem_euclid(86_400) as u32;
        WallClock {
            year,
            month,
            day,
            hour: secs / 3600,
            minute: secs / 60 % 60,
            second: secs % 60,
        }
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
