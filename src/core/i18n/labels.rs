//! The words of numbers and dates, in French and English: what any page needs
//! to say a count, a duration or a day, from plain numbers (the catalogue's
//! values have their labels in `catalogue::labels`).

use super::{texts, Locale};

/// "3,5 h" / "3.5 h".
pub fn hours(h: f32, l: Locale) -> String {
    let text = if h.fract() == 0.0 {
        format!("{h:.0}")
    } else {
        format!("{h:.1}")
    };
    match l {
        Locale::Fr => format!("{} h", text.replace('.', ",")),
        Locale::En => format!("{text} h"),
    }
}

/// A count with its noun: "1 formation", "12 formations" / "12 trainings".
pub fn courses_count(n: usize, l: Locale) -> String {
    let n_text = group_thousands(n, l);
    match (l, n) {
        (Locale::Fr, 0 | 1) => format!("{n_text} formation"),
        (Locale::Fr, _) => format!("{n_text} formations"),
        (Locale::En, 1) => format!("{n_text} training"),
        (Locale::En, _) => format!("{n_text} trainings"),
    }
}

/// "12 345" (narrow no-break space) / "12,345".
pub fn group_thousands(n: usize, l: Locale) -> String {
    let digits = n.to_string();
    let sep = match l {
        Locale::Fr => "\u{202f}",
        Locale::En => ",",
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS_FR: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const DAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// "mardi 11 février 2027" / "Tuesday 11 February 2027": a civil date and
/// its day of the week (0 for Monday).
pub fn full_date(weekday: usize, (year, month, day): (i32, u32, u32), l: Locale) -> String {
    let m = (month.clamp(1, 12) - 1) as usize;
    let d = weekday % 7;
    match l {
        Locale::Fr => format!("{} {day} {} {year}", DAYS_FR[d], MONTHS_FR[m]),
        Locale::En => format!("{} {day} {} {year}", DAYS_EN[d], MONTHS_EN[m]),
    }
}

/// "31 mars 2027" / "31 March 2027" for a civil date.
pub fn civil_date((year, month, day): (i32, u32, u32), l: Locale) -> String {
    let m = (month.clamp(1, 12) - 1) as usize;
    match l {
        Locale::Fr if day == 1 => format!("1er {} {year}", MONTHS_FR[m]),
        Locale::Fr => format!("{day} {} {year}", MONTHS_FR[m]),
        Locale::En => format!("{day} {} {year}", MONTHS_EN[m]),
    }
}

texts! {
    /// A word of dates and numbers. Look it up with [`DateText::get`].
    enum DateText;
    /// Between the two days of a span: « du jeudi 11 au samedi 13 ».
    RangeTo => "au", "to";
}
