//! Durations as the campus team writes them: minutes ("90", the present site's
//! export), hours ("3 h 30", "1h", "3,5 heures"), days ("2 jours", "une
//! demi-journée", "2 jours et demi") or weeks. A day is 7 hours (the working
//! day of the civil service), a half-day 3.5, a week 5 days.

/// Hours in a day of training.
pub const HOURS_PER_DAY: f64 = 7.0;

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(f64),
    Word(String),
}

fn tokens(text: &str) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut n = String::new();
            while let Some(&d) = chars.peek() {
                if d.is_ascii_digit() {
                    n.push(d);
                } else if (d == ',' || d == '.') && !n.contains('.') {
                    n.push('.');
                } else {
                    break;
                }
                chars.next();
            }
            let mut value: f64 = n.trim_end_matches('.').parse().ok()?;
            // "1/2 journée".
            if chars.peek() == Some(&'/') {
                chars.next();
                let mut d = String::new();
                while let Some(&c) = chars.peek().filter(|c| c.is_ascii_digit()) {
                    d.push(c);
                    chars.next();
                }
                let d: f64 = d.parse().ok()?;
                if d == 0.0 {
                    return None;
                }
                value /= d;
            }
            out.push(Token::Number(value));
        } else if c == '½' {
            chars.next();
            out.push(Token::Number(0.5));
        } else if c.is_alphabetic() {
            let mut w = String::new();
            while let Some(&d) = chars.peek() {
                if d.is_alphabetic() || campus_core::catalogue::text::is_invisible(d) {
                    campus_core::catalogue::text::fold_char_into(d, &mut w);
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(Token::Word(w));
        } else {
            // Spaces (no-break ones too), hyphens, slashes, quotes: separators.
            chars.next();
        }
    }
    Some(out)
}

fn number_word(w: &str) -> Option<f64> {
    Some(match w {
        "un" | "une" => 1.0,
        "deux" => 2.0,
        "trois" => 3.0,
        "quatre" => 4.0,
        "cinq" => 5.0,
        "six" => 6.0,
        "sept" => 7.0,
        "huit" => 8.0,
        "neuf" => 9.0,
        "dix" => 10.0,
        _ => return None,
    })
}

/// Hours in one `unit`, if it is one.
fn unit_hours(w: &str) -> Option<f64> {
    Some(match w {
        "min" | "mn" | "minute" | "minutes" | "mins" => 1.0 / 60.0,
        "h" | "heure" | "heures" | "hr" | "hrs" | "hour" | "hours" => 1.0,
        "j" | "jour" | "jours" | "journee" | "journees" | "day" | "days" => HOURS_PER_DAY,
        "semaine" | "semaines" | "sem" | "week" | "weeks" => 5.0 * HOURS_PER_DAY,
        _ => return None,
    })
}

/// Reads a duration written as text; `None` if it is not one. A bare number is
/// minutes (the present site's export writes "90").
pub fn parse_hours(text: &str) -> Option<f64> {
    let tokens = tokens(text)?;
    if let [Token::Number(minutes)] = tokens.as_slice() {
        return Some(*minutes / 60.0);
    }
    let mut total = 0.0;
    let mut pending: Option<f64> = None;
    let mut half = false;
    let mut last_unit: Option<f64> = None;
    let mut read_any = false;
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Number(n) => {
                if pending.is_some() {
                    return None;
                }
                pending = Some(*n);
            }
            Token::Word(w) if w == "demi" || w == "demie" => {
                // "une demi-journée", or "2 jours et demi".
                if pending.is_none() && !half {
                    if let Some(unit) = last_unit.filter(|_| read_any) {
                        total += unit / 2.0;
                    } else {
                        half = true;
                    }
                } else if pending == Some(1.0) {
                    pending = None;
                    half = true;
                } else {
                    return None;
                }
            }
            Token::Word(w) if w == "et" || w == "environ" || w == "de" => {}
            Token::Word(w) => {
                if let Some(unit) = unit_hours(w) {
                    let count = match pending.take() {
                        Some(n) => n,
                        None if half => 1.0,
                        None => return None,
                    };
                    let count = if half { count / 2.0 } else { count };
                    half = false;
                    total += count * unit;
                    last_unit = Some(unit);
                    read_any = true;
                } else if let Some(n) = number_word(w) {
                    if pending.is_some() {
                        return None;
                    }
                    pending = Some(n);
                } else {
                    return None;
                }
            }
        }
        i += 1;
    }
    // "3 h 30": minutes after hours.
    if let Some(rest) = pending {
        if last_unit == Some(1.0) && rest < 60.0 {
            total += rest / 60.0;
        } else {
            return None;
        }
    }
    if half || !read_any || !total.is_finite() || total < 0.0 {
        return None;
    }
    Some(total)
}

/// Whole minutes in `hours`.
pub fn minutes(hours: f64) -> i64 {
    (hours * 60.0).round() as i64
}

/// Hours as the catalogue writes them: whole minutes, at most two decimals.
pub fn rounded_hours(hours: f64) -> f64 {
    (minutes(hours) as f64 / 60.0 * 100.0).round() / 100.0
}

/// A duration as the template writes it: "45 min", "2 h", "3 h 30".
pub fn format_hours(hours: f64) -> String {
    let m = minutes(hours).max(0);
    match (m / 60, m % 60) {
        (0, r) => format!("{r} min"),
        (h, 0) => format!("{h} h"),
        (h, r) => format!("{h} h {r:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_minutes_hours_days_and_words() {
        for (text, hours) in [
            ("90", 1.5),
            ("90 min", 1.5),
            ("45 minutes", 0.75),
            ("3 h 30", 3.5),
            ("3h30", 3.5),
            ("3 h 30 min", 3.5),
            ("1h", 1.0),
            ("3,5 heures", 3.5),
            ("3.5 h", 3.5),
            ("2 jours", 14.0),
            ("1 jour", 7.0),
            ("une journée", 7.0),
            ("une demi-journée", 3.5),
            ("Une demi journée", 3.5),
            ("½ journée", 3.5),
            ("1/2 journée", 3.5),
            ("2 jours et demi", 17.5),
            ("deux jours", 14.0),
            ("3 jours", 21.0),
            ("1 semaine", 35.0),
            ("2 j", 14.0),
            ("1 jour et 3 h", 10.0),
            ("environ 2 h", 2.0),
        ] {
            assert_eq!(parse_hours(text), Some(hours), "{text}");
        }
        for bad in ["", "long", "2 jours 3", "bientôt", "h", "3 4", "demi"] {
            assert_eq!(parse_hours(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_template_writes_what_it_reads() {
        for hours in [0.5, 1.0, 1.5, 2.0, 3.5, 7.0, 10.5, 17.5, 35.0, 0.25] {
            let text = format_hours(hours);
            assert_eq!(parse_hours(&text), Some(hours), "{text}");
        }
        assert_eq!(format_hours(3.5), "3 h 30");
        assert_eq!(format_hours(0.75), "45 min");
        assert_eq!(rounded_hours(1.0 / 3.0), 0.33);
    }
}
