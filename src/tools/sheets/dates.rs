//! Dates as a sheet holds them (a date cell, or text: `11/02/2027 09:30`,
//! `2027-02-11 09:30`, `2027-02-11T09:30:00+01:00`), turned into the
//! contract's RFC 3339 times. A time without an offset is Paris time: +01:00 in
//! winter, +02:00 from the last Sunday of March to the last Sunday of October
//! (the same day-by-day rule as the sample catalogue's generator). Write the
//! offset for another time zone (`11/02/2027 09:30 +04:00`).

use super::table::{Cell, Civil};
use campus_core::util::dates::{civil_from_days, days_from_civil};

/// Paris's offset from UTC, in minutes, on a calendar day.
pub fn paris_offset(year: i32, month: u32, day: u32) -> i32 {
    let last_sunday = |m: u32| {
        // Day of the month of the last Sunday of month `m`.
        let next_first = if m == 12 {
            days_from_civil(year + 1, 1, 1)
        } else {
            days_from_civil(year, m + 1, 1)
        };
        let last = next_first - 1;
        // 1970-01-01 was a Thursday: weekday 0 = Sunday.
        let weekday = (last + 4).rem_euclid(7);
        civil_from_days(last - weekday).2
    };
    let summer = (month > 3 && month < 10)
        || (month == 3 && day >= last_sunday(3))
        || (month == 10 && day < last_sunday(10));
    if summer {
        120
    } else {
        60
    }
}

fn valid(c: &Civil) -> bool {
    (1900..=2200).contains(&c.year)
        && (1..=12).contains(&c.month)
        && c.day >= 1
        && civil_from_days(days_from_civil(c.year, c.month, c.day)) == (c.year, c.month, c.day)
        && c.hour < 24
        && c.minute < 60
        && c.second < 60
}

fn number(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A calendar day: `2027-06-30`, `30/06/2027` (or `30-06-2027`, `30.06.2027`).
fn parse_day(text: &str) -> Option<(i32, u32, u32)> {
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (y, m, d) = if a.len() == 4 {
        (number(a)?, number(b)?, number(c)?)
    } else if c.len() == 4 {
        (number(c)?, number(b)?, number(a)?)
    } else {
        return None;
    };
    let day = Civil {
        year: y as i32,
        month: m,
        day: d,
        hour: 0,
        minute: 0,
        second: 0,
    };
    valid(&day).then_some((day.year, m, d))
}

/// A time of day: `09:30`, `9:30:00`, `9h30`, `9 h`, `9h`.
fn parse_time(text: &str) -> Option<(u32, u32, u32)> {
    let t = text.trim().to_ascii_lowercase().replace(' ', "");
    let (h, rest) = t.split_once([':', 'h'])?;
    let (m, s) = match rest.split_once(':') {
        Some((m, s)) => (m, s),
        None => (rest, "0"),
    };
    let m = if m.is_empty() { "0" } else { m };
    let (h, m, s) = (number(h)?, number(m)?, number(s)?);
    (h < 24 && m < 60 && s < 60).then_some((h, m, s))
}

/// An offset: `Z`, `+01:00`, `-03:00`.
fn parse_offset(text: &str) -> Option<i32> {
    if text.eq_ignore_ascii_case("z") {
        return Some(0);
    }
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (h, m) = text.get(1..)?.split_once(':')?;
    let (h, m) = (number(h)?, number(m)?);
    (h < 24 && m < 60 && h.to_string().len() <= 2).then_some(sign * (h * 60 + m) as i32)
}

/// A date and time read from a cell: the wall clock, and the offset if the
/// cell states one. `None` when the cell is not a date and time.
pub fn parse_date_time(cell: &Cell) -> Option<(Civil, Option<i32>)> {
    match cell {
        Cell::Date(c) => valid(c).then_some((*c, None)),
        Cell::Text(t) => parse_date_time_text(t.trim()),
        _ => None,
    }
}

fn parse_date_time_text(t: &str) -> Option<(Civil, Option<i32>)> {
    // RFC 3339 as the contract writes it.
    if let Ok(ts) = t.parse::<campus_core::catalogue::time::Timestamp>() {
        let w = ts.wall_clock();
        return Some((w, Some(ts.offset_minutes)));
    }
    let (date, rest) = match t.split_once(['T', ' ']) {
        Some((d, r)) => (d, r.trim()),
        None => return None,
    };
    let (y, m, d) = parse_day(date)?;
    // "à" between date and time, then an offset after the time, if any.
    let rest = rest.strip_prefix("à ").unwrap_or(rest).trim();
    let (time, offset) = match rest.rfind(['+', '-']) {
        Some(i) if i > 0 => (rest[..i].trim(), Some(parse_offset(rest[i..].trim())?)),
        _ => match rest.strip_suffix(['Z', 'z']) {
            Some(time) if !time.ends_with('h') => (time.trim(), Some(0)),
            _ => (rest, None),
        },
    };
    let (hour, minute, second) = parse_time(time)?;
    let c = Civil {
        year: y,
        month: m,
        day: d,
        hour,
        minute,
        second,
    };
    valid(&c).then_some((c, offset))
}

/// A calendar day read from a cell (`YYYY-MM-DD`, `DD/MM/YYYY`, or a date cell).
pub fn parse_date(cell: &Cell) -> Option<(i32, u32, u32)> {
    match cell {
        Cell::Date(c) if valid(c) => Some((c.year, c.month, c.day)),
        Cell::Text(t) => parse_day(t.trim()),
        _ => None,
    }
}

/// RFC 3339 for a wall clock and its offset (Paris's when none is given).
pub fn rfc3339(c: &Civil, offset: Option<i32>) -> String {
    let offset = offset.unwrap_or_else(|| paris_offset(c.year, c.month, c.day));
    let base = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        c.year, c.month, c.day, c.hour, c.minute, c.second
    );
    if offset == 0 {
        return format!("{base}Z");
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let o = offset.abs();
    format!("{base}{sign}{:02}:{:02}", o / 60, o % 60)
}

/// A spreadsheet serial date (days since 1899-12-30, as Excel and LibreOffice
/// count them) as a wall clock, to the second.
pub fn from_serial(serial: f64) -> Option<Civil> {
    if !serial.is_finite() || !(0.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let total = (serial * 86_400.0).round() as i64;
    let days = total.div_euclid(86_400) + days_from_civil(1899, 12, 30);
    Some(Civil::at(days, total.rem_euclid(86_400) as u32))
}

/// An ISO date or date-time without offset (`2027-02-11`, `2027-02-11T09:30:00`,
/// as ODS date cells hold them) as a wall clock.
pub fn from_iso(text: &str) -> Option<Civil> {
    let (date, time) = match text.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let (year, month, day) = parse_day(date)?;
    let (hour, minute, second) = match time {
        // Fractions of a second are dropped.
        Some(t) => parse_time(t.split('.').next().unwrap_or(t))?,
        None => (0, 0, 0),
    };
    let c = Civil {
        year,
        month,
        day,
        hour,
        minute,
        second,
    };
    valid(&c).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Option<String> {
        parse_date_time(&Cell::Text(t.into())).map(|(c, o)| rfc3339(&c, o))
    }

    #[test]
    fn paris_time_changes_on_the_last_sundays_of_march_and_october() {
        assert_eq!(paris_offset(2027, 3, 27), 60);
        assert_eq!(paris_offset(2027, 3, 28), 120);
        assert_eq!(paris_offset(2027, 10, 30), 120);
        assert_eq!(paris_offset(2027, 10, 31), 60);
        assert_eq!(paris_offset(2026, 3, 29), 120);
        assert_eq!(paris_offset(2026, 10, 25), 60);
        assert_eq!(paris_offset(2027, 1, 5), 60);
    }

    #[test]
    fn dates_written_as_people_write_them() {
        let want = Some("2027-02-11T09:30:00+01:00".to_owned());
        for t in [
            "11/02/2027 09:30",
            "11/02/2027 9h30",
            "11/02/2027 à 9 h 30",
            "2027-02-11 09:30",
            "2027-02-11T09:30:00+01:00",
            "2027-02-11 09:30 +01:00",
        ] {
            assert_eq!(text(t), want, "{t}");
        }
        assert_eq!(
            text("2027-06-11 09:30").as_deref(),
            Some("2027-06-11T09:30:00+02:00")
        );
        assert_eq!(
            text("11/02/2027 09:30 +04:00").as_deref(),
            Some("2027-02-11T09:30:00+04:00")
        );
        for bad in [
            "demain",
            "31/02/2027 09:30",
            "2027-02-11",
            "11/02/2027 25:00",
            "",
            "2027-13-01 10:00",
        ] {
            assert_eq!(text(bad), None, "{bad}");
        }
        assert_eq!(
            parse_date(&Cell::Text("30/06/2027".into())),
            Some((2027, 6, 30))
        );
        assert_eq!(parse_date(&Cell::Text("2027-02-30".into())), None);
    }

    #[test]
    fn serial_dates() {
        let c = from_serial(46_429.395_833_333_3).unwrap();
        assert_eq!(
            (c.year, c.month, c.day, c.hour, c.minute),
            (2027, 2, 11, 9, 30)
        );
        assert_eq!(from_serial(f64::NAN), None);
        assert_eq!(from_iso("2027-02-11T09:30:00").map(|c| c.minute), Some(30));
    }
}
