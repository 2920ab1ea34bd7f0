//! The bundled sample catalogue and the published JSON Schema agree with the
//! model the app parses.

use campus_core::catalogue::model::{Audience, Format, Kind, Level, Parsed};
use campus_core::catalogue::url_value::UrlValue;
use serde_json::Value;

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_sample_catalogue_is_complete_and_fully_valid() {
    let parsed = Parsed::from_json(&read("public/catalogue.json")).expect("valid document");
    assert!(parsed.skipped.is_empty(), "skipped: {:?}", parsed.skipped);
    let c = parsed.catalogue;
    assert_eq!(c.domains.len(), 9);
    let count = |k| c.courses.iter().filter(|x| x.kind == k).count();
    assert!(
        count(Kind::Parcours) >= 50,
        "parcours: {}",
        count(Kind::Parcours)
    );
    assert!(
        count(Kind::Module) >= 100,
        "modules: {}",
        count(Kind::Module)
    );
    assert!(
        count(Kind::SurMesure) >= 10,
        "sur mesure: {}",
        count(Kind::SurMesure)
    );
    for d in &c.domains {
        assert!(
            c.courses
                .iter()
                .filter(|x| x.domains.contains(&d.id))
                .count()
                >= 10,
            "{}",
            d.id
        );
    }
    let regions: std::collections::HashSet<_> = c
        .courses
        .iter()
        .flat_map(|x| &x.sessions)
        .filter_map(|s| s.place.as_ref().map(|p| p.region.as_str()))
        .collect();
    assert!(regions.len() >= 8, "regions: {regions:?}");
    let years: std::collections::HashSet<_> = c
        .courses
        .iter()
        .flat_map(|x| &x.sessions)
        .map(|s| s.start.wall_clock().year)
        .collect();
    assert!(years.contains(&2026) && years.contains(&2027));
    assert!(!c.figures.is_empty());
    assert!(c.trainer_call.is_some());
}

#[test]
fn the_sample_catalogue_gives_every_course_a_next_step_and_a_price() {
    use campus_core::catalogue::next_step::{next_step, NextStep};
    let parsed = Parsed::from_json(&read("public/catalogue.json")).expect("valid document");
    assert!(parsed.dropped.is_empty(), "dropped: {:?}", parsed.dropped);
    let courses = parsed.catalogue.courses;
    for c in &courses {
        assert!(c.contact.is_some(), "{}: contact", c.id);
        assert!(
            c.free || c.price.is_some(),
            "{}: a paid course states its price",
            c.id
        );
        if c.kind == Kind::SurMesure {
            assert!(c.eligibility.is_some(), "{}: who may ask for it", c.id);
        }
    }
    // With no session to come (long after the sample's dates), each kind of
    // course still has a next step, and never a registration.
    let later = 4_102_444_800; // 2100-01-01
    let steps: Vec<_> = courses
        .iter()
        .map(|c| next_step(c, &[], later, "campus@numerique.gouv.fr"))
        .collect();
    assert!(steps
        .iter()
        .all(|s| !matches!(s, NextStep::Register { .. })));
    let started = steps
        .iter()
        .filter(|s| matches!(s, NextStep::StartElearning { .. }))
        .count();
    let elearning = courses
        .iter()
        .filter(|c| c.format == Format::ELearning)
        .count();
    assert!(
        started >= elearning - 2,
        "{started} of {elearning} e-learning courses start online"
    );
}

fn schema_enum(schema: &Value, pointer: &str) -> Vec<String> {
    let node = schema
        .pointer(pointer)
        .unwrap_or_else(|| panic!("{pointer} missing"));
    let node = node.get("items").unwrap_or(node);
    node["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("{pointer} has no enum"))
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

fn values<T: UrlValue>() -> Vec<String> {
    T::VALUES.iter().map(|v| v.url_value().to_owned()).collect()
}

#[test]
fn the_schema_lists_the_values_the_app_reads() {
    let schema: Value = serde_json::from_str(&read("public/catalogue.schema.json")).unwrap();
    assert_eq!(
        schema_enum(&schema, "/$defs/course/properties/kind"),
        values::<Kind>()
    );
    assert_eq!(
        schema_enum(&schema, "/$defs/course/properties/level"),
        values::<Level>()
    );
    assert_eq!(
        schema_enum(&schema, "/$defs/course/properties/audience"),
        values::<Audience>()
    );
    assert_eq!(schema_enum(&schema, "/$defs/format"), values::<Format>());
    for field in ["contact", "access_url", "eligibility", "price"] {
        let node = &schema["$defs"]["course"]["properties"][field];
        assert!(node.is_object(), "the schema describes {field}");
        assert!(
            node.to_string().contains("description"),
            "{field} is described"
        );
    }
    assert_eq!(schema["properties"]["version"]["const"], 1);
}
