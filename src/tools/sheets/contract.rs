//! The catalogue document an import writes: the contract (version 1), its
//! fields in the contract's order, optional ones left out when empty, as the
//! sample catalogue writes them. The app's parser reads it back.

use serde::Serialize;

use campus_core::catalogue::model::{Domain, Figure, SUPPORTED_VERSION};

/// A session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutSession {
    /// Id.
    pub id: String,
    /// RFC 3339.
    pub start: String,
    /// RFC 3339.
    pub end: String,
    /// Format id.
    pub format: &'static str,
    /// City and region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<OutPlace>,
    /// Seats left.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seats_left: Option<u32>,
    /// Registration link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registration_url: Option<String>,
}

/// A session's place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutPlace {
    /// City.
    pub city: String,
    /// Region.
    pub region: String,
}

/// A course.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutCourse {
    /// Id.
    pub id: String,
    /// Kind id.
    pub kind: &'static str,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Description.
    pub description: String,
    /// Domain ids (an unknown one as written, for the parser to refuse).
    pub domains: Vec<String>,
    /// Level id.
    pub level: &'static str,
    /// Audience ids.
    pub audience: Vec<&'static str>,
    /// Format id.
    pub format: &'static str,
    /// Hours, whole when they are.
    pub duration_hours: serde_json::Number,
    /// Provider.
    pub provider: String,
    /// Free of charge.
    pub free: bool,
    /// Price text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<String>,
    /// Eligibility text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<String>,
    /// Language codes (none: French).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<&'static str>,
    /// Objectives.
    pub objectives: Vec<String>,
    /// Prerequisites.
    pub prerequisites: Vec<String>,
    /// Module ids of a parcours.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub modules: Vec<String>,
    /// More information.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The team's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Where an e-learning course starts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_url: Option<String>,
    /// Sessions.
    pub sessions: Vec<OutSession>,
}

/// The call for trainers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutCall {
    /// Open.
    pub open: bool,
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// Deadline, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// Skills sought.
    pub sought_skills: Vec<String>,
}

/// The whole document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutCatalogue {
    /// Always [`SUPPORTED_VERSION`].
    pub version: u64,
    /// Date of the data.
    pub updated: String,
    /// Domains.
    pub domains: Vec<Domain>,
    /// Courses.
    pub courses: Vec<OutCourse>,
    /// Key figures.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    /// Synonym groups.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<Vec<String>>,
    /// The call.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trainer_call: Option<OutCall>,
}

impl OutCatalogue {
    /// An empty document of the supported version.
    pub fn new(updated: String) -> OutCatalogue {
        OutCatalogue {
            version: SUPPORTED_VERSION,
            updated,
            domains: Vec::new(),
            courses: Vec::new(),
            figures: Vec::new(),
            synonyms: Vec::new(),
            trainer_call: None,
        }
    }

    /// The document as the sample writes it: compact JSON and a line break.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// Hours as a JSON number: whole hours without a fraction (`2`, not `2.0`).
pub fn hours_number(hours: f64) -> serde_json::Number {
    if hours.fract() == 0.0 && hours.abs() < 1e9 {
        serde_json::Number::from(hours as i64)
    } else {
        serde_json::Number::from_f64(hours).unwrap_or_else(|| serde_json::Number::from(0))
    }
}

/// An id from a title: lower-case ASCII letters and digits joined by hyphens
/// ("Les fondamentaux de l'agilité" → `les-fondamentaux-de-l-agilite`), at
/// most 100 characters, as the app's course folders expect.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    campus_core::catalogue::text::for_each_word(text, |_, word| {
        let word: String = word.chars().filter(char::is_ascii_alphanumeric).collect();
        if word.is_empty() {
            return;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word);
    });
    if out.len() > 100 {
        out.truncate(100);
        while out.ends_with('-') {
            out.pop();
        }
    }
    out
}

/// The same document, formatted one way: keys sorted, compact. Two catalogues
/// are the same when their canonical forms are byte for byte equal.
pub fn canonical(json: &str) -> Result<String, serde_json::Error> {
    let value: serde_json::Value = serde_json::from_str(json)?;
    serde_json::to_string_pretty(&value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain_and_stable() {
        assert_eq!(
            slug("Les fondamentaux de l'agilité"),
            "les-fondamentaux-de-l-agilite"
        );
        assert_eq!(
            slug("Œuvrer à l’éco-conception\u{a0}!"),
            "oeuvrer-a-l-eco-conception"
        );
        assert_eq!(slug("  "), "");
        assert!(slug(&"mot ".repeat(60)).len() <= 100);
        assert_eq!(hours_number(2.0).to_string(), "2");
        assert_eq!(hours_number(3.5).to_string(), "3.5");
    }
}
