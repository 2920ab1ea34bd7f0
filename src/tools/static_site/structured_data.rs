//! schema.org JSON-LD for a course page: a `Course` with its provider, its
//! price as an `Offer` (free, or the amount its price text states), and its
//! sessions still to come as `CourseInstance`s (an e-learning course without
//! dated sessions is one online instance with its workload), so that search
//! engines can show the course with its price, dates and places.

use serde_json::{json, Map, Value};

use campus_core::catalogue::labels;
use campus_core::catalogue::model::{Course, Format, Kind, Session};
use campus_core::i18n::Locale;

/// The organisation behind the site.
pub const PUBLISHER: &str = "Campus du numérique public";

/// schema.org's `courseMode` of a delivery format.
fn course_mode(format: Format) -> &'static str {
    match format {
        Format::ELearning | Format::Distanciel => "online",
        Format::Presentiel => "onsite",
        Format::Hybride => "blended",
    }
}

/// An ISO 8601 duration (`PT7H`, `PT1H30M`); `None` for no or absurd values.
fn iso_duration(hours: f32) -> Option<String> {
    if !hours.is_finite() || hours <= 0.0 || hours > 10_000.0 {
        return None;
    }
    let minutes = (hours * 60.0).round() as u32;
    Some(match (minutes / 60, minutes % 60) {
        (h, 0) => format!("PT{h}H"),
        (0, m) => format!("PT{m}M"),
        (h, m) => format!("PT{h}H{m}M"),
    })
}

fn instance(course: &Course, session: &Session) -> Value {
    let mut object = Map::new();
    object.insert("@type".into(), "CourseInstance".into());
    object.insert("courseMode".into(), course_mode(session.format).into());
    object.insert("startDate".into(), session.start.to_string().into());
    object.insert("endDate".into(), session.end.to_string().into());
    if let Some(workload) = iso_duration(course.duration_hours) {
        object.insert("courseWorkload".into(), workload.into());
    }
    match (&session.place, session.format) {
        (Some(place), Format::Presentiel | Format::Hybride) => {
            object.insert(
                "location".into(),
                json!({
                    "@type": "Place",
                    "name": place.city,
                    "address": {
                        "@type": "PostalAddress",
                        "addressLocality": place.city,
                        "addressRegion": place.region,
                        "addressCountry": "FR"
                    }
                }),
            );
        }
        _ => {
            if session.format != Format::Presentiel {
                let mut virtual_location = json!({ "@type": "VirtualLocation" });
                if let Some(url) = &session.registration_url {
                    virtual_location["url"] = url.clone().into();
                }
                object.insert("location".into(), virtual_location);
            }
        }
    }
    if let Some(url) = &session.registration_url {
        object.insert("url".into(), url.clone().into());
    }
    Value::Object(object)
}

/// The amount in euros that a price text states, as schema.org's `price`
/// wants it (digits, `.` before the cents): the first number written before
/// `€`, `EUR` or `euros`. French writing is read: spaces, no-break spaces and
/// points between groups of three digits, a comma before the cents
/// ("1 090 € par participant" → `1090`, "12,50 €" → `12.50`). `None` when the
/// text states no amount ("sur devis", "gratuit pour les agents").
pub fn price_amount(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
    let mut i = 0;
    while i < chars.len() {
        if !digit(i) || (i > 0 && digit(i - 1)) {
            i += 1;
            continue;
        }
        let mut whole = String::new();
        let mut cents = String::new();
        let mut j = i;
        loop {
            while digit(j) {
                whole.push(chars[j]);
                j += 1;
            }
            let separator = chars.get(j).copied();
            let group = matches!(
                separator,
                Some(' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '.')
            ) && (1..=3).all(|k| digit(j + k))
                && !digit(j + 4);
            if group {
                j += 1;
                continue;
            }
            if matches!(separator, Some(',' | '.')) && digit(j + 1) && !digit(j + 3) {
                j += 1;
                while digit(j) {
                    cents.push(chars[j]);
                    j += 1;
                }
            }
            break;
        }
        let rest: String = chars[j..].iter().collect();
        let rest = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}', '\u{2009}']);
        let lower = rest.to_lowercase();
        if rest.starts_with('€') || lower.starts_with("eur") {
            let whole = whole.trim_start_matches('0');
            let whole = if whole.is_empty() { "0" } else { whole };
            return Some(match cents.len() {
                0 => whole.to_owned(),
                1 => format!("{whole}.{cents}0"),
                _ => format!("{whole}.{cents}"),
            });
        }
        i = j.max(i + 1);
    }
    None
}

/// The JSON-LD of `course`, whose page is at `canonical`, at `now` (unix
/// seconds: the sessions over by then are left out), ready to go inside a
/// `<script type="application/ld+json">`: `<`, `>` and `&` are escaped so that
/// no text of the catalogue can close the element.
pub fn course_json_ld(course: &Course, canonical: &str, now: i64) -> String {
    let provider = if course.provider.trim().is_empty() {
        PUBLISHER
    } else {
        course.provider.trim()
    };
    let mut object = Map::new();
    object.insert("@context".into(), "https://schema.org".into());
    object.insert("@type".into(), "Course".into());
    object.insert("@id".into(), canonical.into());
    object.insert("url".into(), canonical.into());
    object.insert("name".into(), course.title.clone().into());
    let description = if course.summary.trim().is_empty() {
        &course.description
    } else {
        &course.summary
    };
    object.insert("description".into(), description.clone().into());
    object.insert("inLanguage".into(), "fr".into());
    object.insert("courseCode".into(), course.id.clone().into());
    object.insert(
        "provider".into(),
        json!({ "@type": "Organization", "name": provider }),
    );
    object.insert(
        "publisher".into(),
        json!({ "@type": "GovernmentOrganization", "name": PUBLISHER }),
    );
    object.insert(
        "educationalLevel".into(),
        labels::level(course.level, Locale::Fr).into(),
    );
    object.insert(
        "learningResourceType".into(),
        labels::kind(course.kind, Locale::Fr).into(),
    );
    object.insert("isAccessibleForFree".into(), course.free.into());
    if course.free {
        object.insert(
            "offers".into(),
            json!({ "@type": "Offer", "price": 0, "priceCurrency": "EUR", "category": "Free" }),
        );
    } else if let Some((price, amount)) = course
        .price
        .as_deref()
        .and_then(|text| Some((text, price_amount(text)?)))
    {
        object.insert(
            "offers".into(),
            json!({
                "@type": "Offer",
                "price": amount,
                "priceCurrency": "EUR",
                "category": "Paid",
                "description": price,
                "url": canonical
            }),
        );
    }
    if let Some(duration) = iso_duration(course.duration_hours) {
        object.insert("timeRequired".into(), duration.into());
    }
    if !course.objectives.is_empty() {
        object.insert("teaches".into(), course.objectives.clone().into());
    }
    if !course.prerequisites.is_empty() {
        object.insert(
            "coursePrerequisites".into(),
            course.prerequisites.clone().into(),
        );
    }
    // A session already over is no instance a visitor can join.
    let mut instances: Vec<Value> = course
        .sessions
        .iter()
        .filter(|s| s.end.unix >= now)
        .map(|s| instance(course, s))
        .collect();
    if instances.is_empty() && course.kind != Kind::SurMesure && course.format == Format::ELearning
    {
        let mut online = json!({ "@type": "CourseInstance", "courseMode": "online" });
        if let Some(workload) = iso_duration(course.duration_hours) {
            online["courseWorkload"] = workload.into();
        }
        if let Some(url) = &course.access_url {
            online["url"] = url.clone().into();
        }
        instances.push(online);
    }
    if !instances.is_empty() {
        object.insert("hasCourseInstance".into(), instances.into());
    }
    escape_for_script(&Value::Object(object).to_string())
}

/// Makes JSON safe inside an HTML `<script>` element (the characters only ever
/// occur inside JSON strings, where `\u003c` means the same).
fn escape_for_script(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;
    use campus_core::catalogue::model::Parsed;

    fn course(json: &str) -> Course {
        let doc = format!("{{\"version\":1,\"updated\":\"2026-11-30\",\"domains\":[{{\"id\":\"data\",\"label\":\"Data\"}}],\"courses\":[{json}]}}");
        let parsed = Parsed::from_json(&doc).expect("catalogue");
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        parsed.catalogue.courses.into_iter().next().unwrap()
    }

    const BASE: &str = "\"id\":\"m-1\",\"kind\":\"module\",\"title\":\"Data </script><b>\",\"summary\":\"Lire & écrire\",\
        \"description\":\"Long.\",\"domains\":[\"data\"],\"level\":\"decouverte\",\"audience\":[\"tous-agents\"],\
        \"duration_hours\":7.5,\"provider\":\"DINUM\",\"free\":true";

    #[test]
    fn a_course_with_sessions_lists_each_as_an_instance() {
        let c = course(&format!(
            "{{{BASE},\"format\":\"presentiel\",\"sessions\":[\
             {{\"id\":\"s1\",\"start\":\"2027-06-08T09:00:00+02:00\",\"end\":\"2027-06-08T17:00:00+02:00\",\
              \"format\":\"presentiel\",\"location\":{{\"city\":\"Rouen\",\"region\":\"Normandie\"}},\
              \"registration_url\":\"https://example.gouv.fr/inscription\"}},\
             {{\"id\":\"s2\",\"start\":\"2027-07-01T09:00:00Z\",\"end\":\"2027-07-01T12:00:00Z\",\"format\":\"distanciel\"}}]}}"
        ));
        let text = course_json_ld(&c, "https://x.gouv.fr/formation/m-1/", 0);
        assert!(
            !text.contains('<') && !text.contains('>') && !text.contains('&'),
            "{text}"
        );
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["@type"], "Course");
        assert_eq!(value["name"], "Data </script><b>");
        assert_eq!(value["description"], "Lire & écrire");
        assert_eq!(value["provider"]["name"], "DINUM");
        assert_eq!(value["timeRequired"], "PT7H30M");
        assert_eq!(value["offers"]["price"], 0);
        let instances = value["hasCourseInstance"].as_array().unwrap();
        assert_eq!(instances.len(), 2);
        assert_eq!(instances[0]["courseMode"], "onsite");
        assert_eq!(instances[0]["startDate"], "2027-06-08T09:00:00+02:00");
        assert_eq!(
            instances[0]["location"]["address"]["addressLocality"],
            "Rouen"
        );
        assert_eq!(instances[0]["url"], "https://example.gouv.fr/inscription");
        assert_eq!(instances[1]["courseMode"], "online");
        assert_eq!(instances[1]["location"]["@type"], "VirtualLocation");
    }

    #[test]
    fn an_e_learning_course_is_one_online_instance() {
        let c = course(&format!(
            "{{{BASE},\"format\":\"e-learning\",\"access_url\":\"https://example.gouv.fr/cours\"}}"
        ));
        let value: Value = serde_json::from_str(&course_json_ld(&c, "https://x/", 0)).unwrap();
        let instances = value["hasCourseInstance"].as_array().unwrap();
        assert_eq!(instances.len(), 1);
        assert_eq!(instances[0]["courseMode"], "online");
        assert_eq!(instances[0]["courseWorkload"], "PT7H30M");
        assert_eq!(instances[0]["url"], "https://example.gouv.fr/cours");
    }

    #[test]
    fn a_paid_course_offers_the_amount_its_price_states() {
        let paid = BASE.replace("\"free\":true", "\"free\":false");
        let c = course(&format!(
            "{{{paid},\"format\":\"distanciel\",\"price\":\"1\u{202f}090\u{a0}€ par participant\"}}"
        ));
        let value: Value = serde_json::from_str(&course_json_ld(&c, "https://x/", 0)).unwrap();
        assert_eq!(value["isAccessibleForFree"], false);
        assert_eq!(value["offers"]["price"], "1090");
        assert_eq!(value["offers"]["priceCurrency"], "EUR");
        assert_eq!(value["offers"]["category"], "Paid");
        assert_eq!(
            value["offers"]["description"],
            "1\u{202f}090\u{a0}€ par participant"
        );
        // No amount stated: no offer (schema.org's Offer needs a price).
        let c = course(&format!(
            "{{{paid},\"format\":\"distanciel\",\"price\":\"Sur devis\"}}"
        ));
        let value: Value = serde_json::from_str(&course_json_ld(&c, "https://x/", 0)).unwrap();
        assert!(value.get("offers").is_none(), "{value}");
    }

    #[test]
    fn prices_are_read_as_french_writes_them() {
        for (text, amount) in [
            ("390 € par participant", Some("390")),
            ("390€", Some("390")),
            ("1 090 € pour le parcours complet", Some("1090")),
            ("1\u{202f}850\u{a0}€ pour les cinq jours", Some("1850")),
            ("1.450 EUR", Some("1450")),
            ("12,50 €", Some("12.50")),
            ("12,5 euros", Some("12.50")),
            ("Pour 12 agents : 2 400 € par session", Some("2400")),
            ("Sur devis", None),
            ("Gratuit pour 3 agents", None),
            ("", None),
        ] {
            assert_eq!(price_amount(text).as_deref(), amount, "{text:?}");
        }
    }

    #[test]
    fn sessions_already_over_are_no_instances() {
        let c = course(&format!(
            "{{{BASE},\"format\":\"distanciel\",\"sessions\":[\
             {{\"id\":\"old\",\"start\":\"2025-01-01T09:00:00Z\",\"end\":\"2025-01-01T12:00:00Z\",\"format\":\"distanciel\"}},\
             {{\"id\":\"new\",\"start\":\"2027-07-01T09:00:00Z\",\"end\":\"2027-07-01T12:00:00Z\",\"format\":\"distanciel\"}}]}}"
        ));
        // 2026-12-07.
        let value: Value =
            serde_json::from_str(&course_json_ld(&c, "https://x/", 1_796_601_600)).unwrap();
        let instances = value["hasCourseInstance"].as_array().unwrap();
        assert_eq!(instances.len(), 1);
        assert_eq!(instances[0]["startDate"], "2027-07-01T09:00:00Z");
    }

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(iso_duration(7.0).as_deref(), Some("PT7H"));
        assert_eq!(iso_duration(0.5).as_deref(), Some("PT30M"));
        assert_eq!(iso_duration(0.0), None);
        assert_eq!(iso_duration(f32::NAN), None);
        assert_eq!(iso_duration(-3.0), None);
    }
}
