//! Display labels of catalogue values and dates, in French and English: each
//! value of the catalogue (a stable id, see `catalogue::model`) mapped to its
//! words. The words of numbers and dates alone are `i18n::labels`'s.

use crate::catalogue::model::{Audience, Course, Format, Kind, Language, Level};
use crate::catalogue::next_step::{AskReason, NextStep, WriteReason};
use crate::catalogue::time::Timestamp;
use crate::catalogue::url_value::DurationBand;
use crate::catalogue::url_value::Sort;
use crate::i18n::values::ValueText;
use crate::i18n::{args, Locale, Text};

pub use crate::catalogue::time::date;
pub use crate::i18n::labels::{civil_date, courses_count, group_thousands, hours};

/// "Parcours", "Module", "Sur mesure".
pub fn kind(k: Kind, l: Locale) -> &'static str {
    match k {
        Kind::Parcours => ValueText::KindParcours.get(l),
        Kind::Module => ValueText::KindModule.get(l),
        Kind::SurMesure => ValueText::KindSurMesure.get(l),
    }
}

/// Level label.
pub fn level(v: Level, l: Locale) -> &'static str {
    match v {
        Level::Decouverte => ValueText::LevelDecouverte.get(l),
        Level::Intermediaire => ValueText::LevelIntermediaire.get(l),
        Level::Expert => ValueText::LevelExpert.get(l),
    }
}

/// Language label, as a value ("Anglais", "English").
pub fn language(v: Language, l: Locale) -> &'static str {
    match v {
        Language::Fr => ValueText::LanguageFr.get(l),
        Language::En => ValueText::LanguageEn.get(l),
        Language::De => ValueText::LanguageDe.get(l),
        Language::Es => ValueText::LanguageEs.get(l),
        Language::It => ValueText::LanguageIt.get(l),
    }
}

/// The course page's line on the languages a course is taught in: its
/// heading and value ("Langue d'enseignement", "Anglais"), or `None` when
/// there is nothing to say — a French-only course under the French
/// interface. Under the English interface it is always said, French
/// included: the reader may not follow a course in French.
pub fn languages_fact(course: &Course, l: Locale) -> Option<(&'static str, String)> {
    if l == Locale::Fr && course.french_only() {
        return None;
    }
    let languages = course.languages();
    let heading = match (languages.len(), l) {
        (1, Locale::Fr) => "Langue d'enseignement\u{a0}:",
        (_, Locale::Fr) => "Langues d'enseignement\u{a0}:",
        (_, Locale::En) => "Taught in:",
    };
    // French writes languages in lower case within a phrase ("Français et
    // anglais"); English capitalises them.
    let value = languages
        .iter()
        .enumerate()
        .map(|(i, v)| match (i, l) {
            (0, _) | (_, Locale::En) => language(*v, l).to_owned(),
            _ => language(*v, l).to_lowercase(),
        })
        .collect::<Vec<_>>()
        .join(ValueText::And.get(l));
    Some((heading, value))
}

/// Audience label.
pub fn audience(v: Audience, l: Locale) -> &'static str {
    match v {
        Audience::TousAgents => ValueText::AudienceTousAgents.get(l),
        Audience::AgentsNumerique => ValueText::AudienceAgentsNumerique.get(l),
        Audience::Managers => ValueText::AudienceManagers.get(l),
        Audience::CadresDirigeants => ValueText::AudienceCadresDirigeants.get(l),
    }
}

/// Format label.
pub fn format(v: Format, l: Locale) -> &'static str {
    match v {
        Format::ELearning => ValueText::FormatELearning.get(l),
        Format::Distanciel => ValueText::FormatDistanciel.get(l),
        Format::Presentiel => ValueText::FormatPresentiel.get(l),
        Format::Hybride => ValueText::FormatHybride.get(l),
    }
}

/// Where a session is, beside its format: its city; for a session without a
/// place, "À distance" only when its format does not say so already (a hybrid
/// one), else nothing ("12 mars 2027 · À distance", never "· À distance · À
/// distance").
pub fn session_place(city: Option<&str>, format: Format, l: Locale) -> Option<&str> {
    match (city, format) {
        (Some(city), _) => Some(city),
        (None, Format::Distanciel | Format::ELearning) => None,
        (None, _) => Some(Text::Online.get(l)),
    }
}

/// Duration band label.
pub fn duration_band(v: DurationBand, l: Locale) -> &'static str {
    match v {
        DurationBand::Short => ValueText::DurationBandShort.get(l),
        DurationBand::Day => ValueText::DurationBandDay.get(l),
        DurationBand::Days => ValueText::DurationBandDays.get(l),
        DurationBand::Long => ValueText::DurationBandLong.get(l),
    }
}

/// Sort label.
pub fn sort(v: Sort, l: Locale) -> &'static str {
    match v {
        Sort::Relevance => ValueText::SortRelevance.get(l),
        Sort::Title => ValueText::SortTitle.get(l),
        Sort::NextSession => ValueText::SortNextSession.get(l),
        Sort::Duration => ValueText::SortDuration.get(l),
    }
}

/// What the call for trainers says of itself: "L'appel à formateurs bénévoles
/// 2027 est ouvert jusqu'au 31 mars 2027." — its name from the data (title, or
/// year), and why it is closed when it is.
pub fn call_status(
    call: Option<&crate::catalogue::model::TrainerCall>,
    today: i64,
    l: Locale,
) -> (bool, String) {
    use crate::catalogue::model::CallStatus;
    let title = call
        .and_then(|c| c.title.as_deref())
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let name = match (title, call.and_then(|c| c.year)) {
        (Some(t), _) => format!("{}{t}{}", Text::QuoteOpen.get(l), Text::QuoteClose.get(l)),
        (None, Some(y)) => format!("{} {y}", ValueText::CallForVolunteers.get(l)),
        (None, None) => ValueText::CallForVolunteers.get(l).to_owned(),
    };
    let status = call.map_or(CallStatus::Open(None), |c| c.status(today));
    let nb = '\u{a0}';
    let text = match (status, l) {
        (CallStatus::Open(None), Locale::Fr) => format!("L'appel {name} est ouvert."),
        (CallStatus::Open(None), Locale::En) => format!("The call {name} is open."),
        (CallStatus::Open(Some(d)), Locale::Fr) => {
            format!("L'appel {name} est ouvert jusqu'au {}.", civil_date(d, l))
        }
        (CallStatus::Open(Some(d)), Locale::En) => {
            format!("The call {name} is open until {}.", civil_date(d, l))
        }
        (CallStatus::Ended(d), Locale::Fr) => format!(
            "L'appel {name} s'est terminé le {}{nb}: les candidatures ne sont plus acceptées. Le prochain appel sera annoncé sur cette page.",
            civil_date(d, l)
        ),
        (CallStatus::Ended(d), Locale::En) => format!(
            "The call {name} ended on {}: applications are no longer accepted. The next call will be announced on this page.",
            civil_date(d, l)
        ),
        (CallStatus::Closed, Locale::Fr) => format!(
            "L'appel {name} est fermé pour le moment{nb}: les candidatures ne sont pas acceptées. Le prochain appel sera annoncé sur cette page."
        ),
        (CallStatus::Closed, Locale::En) => format!(
            "The call {name} is closed for now: applications are not accepted. The next call will be announced on this page."
        ),
    };
    (matches!(status, CallStatus::Open(_)), text)
}

/// "9 h 30" / "9:30".
pub fn time(t: Timestamp, l: Locale) -> String {
    let w = t.wall_clock();
    match l {
        Locale::Fr if w.minute == 0 => format!("{} h", w.hour),
        Locale::Fr => format!("{} h {:02}", w.hour, w.minute),
        Locale::En => format!("{}:{:02}", w.hour, w.minute),
    }
}

/// A session's dates: "mardi 11 février 2027, 9 h 30 – 17 h" or, over several
/// days, "du lundi 3 mars 2027 au mercredi 5 mars 2027".
pub fn session_span(start: Timestamp, end: Timestamp, l: Locale) -> String {
    if start.local_day() == end.local_day() {
        format!("{}, {} – {}", date(start, l), time(start, l), time(end, l))
    } else {
        match l {
            Locale::Fr => format!("du {} au {}", date(start, l), date(end, l)),
            Locale::En => format!("from {} to {}", date(start, l), date(end, l)),
        }
    }
}

/// The main button of a course page: "S'inscrire à la session du 12 mars 2030
/// (Lyon)", "Commencer la formation en ligne", "Écrire à l'équipe
/// pédagogique", "Demander cette formation".
pub fn next_step(step: &NextStep, l: Locale) -> String {
    match step {
        NextStep::Register { session, .. } => {
            let w = session.start.wall_clock();
            let place = session
                .place
                .as_ref()
                .map_or(Text::CtaRemote.get(l), |p| p.city.as_str());
            args::CtaRegister {
                date: &civil_date((w.year, w.month, w.day), l),
                place: &place,
            }
            .get(l)
        }
        NextStep::StartElearning { .. } => Text::CtaStartElearning.get(l).to_owned(),
        NextStep::Write {
            why: WriteReason::AllFull,
            ..
        } => Text::CtaAskForPlace.get(l).to_owned(),
        NextStep::Write { .. } => Text::CtaWrite.get(l).to_owned(),
        NextStep::AskForIt { .. } => Text::CtaAskForIt.get(l).to_owned(),
    }
}

/// The sentence above the main button that says why it is this one, if any.
pub fn next_step_note(step: &NextStep, l: Locale) -> Option<&'static str> {
    let text = match step {
        NextStep::Register {
            outside_filters: true,
            ..
        } => Text::StepOutsideFilters,
        NextStep::Register { .. } => return None,
        NextStep::StartElearning { .. } => Text::StepElearning,
        NextStep::Write {
            why: WriteReason::ToRegister,
            ..
        } => Text::StepWriteToRegister,
        NextStep::Write {
            why: WriteReason::ToGetAccess,
            ..
        } => Text::StepWriteToGetAccess,
        NextStep::Write {
            why: WriteReason::AllFull,
            ..
        } => Text::StepAllFull,
        NextStep::AskForIt { why } => match why {
            AskReason::SurMesure => Text::StepSurMesure,
            AskReason::NoUpcomingSession => Text::StepNoUpcomingSession,
            AskReason::NoRegistrationLink => Text::StepNoRegistrationLink,
            AskReason::NoAccessLink => Text::StepNoAccessLink,
        },
    };
    Some(text.get(l))
}

/// The price as the page states it: the catalogue's text when it has one,
/// otherwise "Gratuit pour les agents publics" or "Payant, tarif non précisé".
pub fn price(course: &Course, l: Locale) -> String {
    match (&course.price, course.free) {
        (Some(text), _) => text.clone(),
        (None, true) => Text::PriceFree.get(l).to_owned(),
        (None, false) => Text::PriceNotStated.get(l).to_owned(),
    }
}

/// The subject of an email about `title`: "Formation « … »".
pub fn mail_subject(title: &str, l: Locale) -> String {
    args::MailSubject { title: &title }.get(l)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn a_remote_session_says_so_once() {
        use crate::catalogue::model::Format as F;
        for l in [Locale::Fr, Locale::En] {
            assert_eq!(session_place(None, F::Distanciel, l), None);
            assert_eq!(session_place(None, F::ELearning, l), None);
            assert_eq!(
                session_place(None, F::Hybride, l),
                Some(Text::Online.get(l))
            );
            assert_eq!(session_place(Some("Lyon"), F::Distanciel, l), Some("Lyon"));
            assert_eq!(session_place(Some("Lyon"), F::Presentiel, l), Some("Lyon"));
        }
    }

    #[test]
    fn dates_read_naturally() {
        let start = ts("2027-02-11T09:30:00+01:00");
        assert_eq!(date(start, Locale::Fr), "jeudi 11 février 2027");
        assert_eq!(date(start, Locale::En), "Thursday 11 February 2027");
        assert_eq!(
            session_span(start, ts("2027-02-11T17:00:00+01:00"), Locale::Fr),
            "jeudi 11 février 2027, 9 h 30 – 17 h"
        );
        assert_eq!(
            session_span(start, ts("2027-02-12T17:00:00+01:00"), Locale::En),
            "from Thursday 11 February 2027 to Friday 12 February 2027"
        );
        assert_eq!(
            date(ts("2026-11-23T10:00:00+01:00"), Locale::Fr),
            "lundi 23 novembre 2026"
        );
    }

    #[test]
    fn the_next_step_says_when_where_and_why() {
        use crate::catalogue::model::Parsed;
        use crate::catalogue::next_step::next_step as decide;
        let json = r#"{"version":1,"domains":[{"id":"d","label":"D"}],"courses":[
            {"id":"c","kind":"module","title":"T","summary":"S","description":"D","domains":["d"],
             "level":"expert","audience":["managers"],"format":"hybride","duration_hours":7,
             "provider":"P","free":false,"sessions":[
               {"id":"a","start":"2030-03-01T09:30:00+01:00","end":"2030-03-01T17:00:00+01:00",
                "format":"presentiel","location":{"city":"Lyon","region":"Auvergne-Rhône-Alpes"},
                "registration_url":"https://a.fr/"},
               {"id":"b","start":"2030-03-12T09:30:00+01:00","end":"2030-03-12T17:00:00+01:00",
                "format":"distanciel","registration_url":"https://a.fr/"}]}]}"#;
        let mut course = Parsed::from_json(json).unwrap().catalogue.courses.remove(0);
        let sessions: Vec<_> = course.sessions.iter().collect();
        let step = decide(&course, &sessions, 0, "");
        assert_eq!(
            next_step(&step, Locale::Fr),
            "S'inscrire à la session du 1er mars 2030 (Lyon)"
        );
        assert_eq!(
            next_step(&step, Locale::En),
            "Register for the 1 March 2030 session (Lyon)"
        );
        assert_eq!(next_step_note(&step, Locale::Fr), None);
        let remote = decide(&course, &sessions[1..], 0, "");
        assert_eq!(
            next_step(&remote, Locale::Fr),
            "S'inscrire à la session du 12 mars 2030 (à distance)"
        );
        let elsewhere = decide(&course, &[], 0, "");
        assert!(next_step_note(&elsewhere, Locale::Fr)
            .unwrap()
            .starts_with("Aucune session correspondant à votre recherche"));
        let ask = NextStep::AskForIt {
            why: AskReason::SurMesure,
        };
        assert_eq!(next_step(&ask, Locale::Fr), "Demander cette formation");
        assert!(next_step_note(&ask, Locale::En)
            .unwrap()
            .starts_with("This programme is tailor-made"));

        assert_eq!(price(&course, Locale::Fr), "Payant, tarif non précisé");
        course.price = Some("390\u{a0}€ par participant".into());
        assert_eq!(price(&course, Locale::En), "390\u{a0}€ par participant");
        course.price = None;
        course.free = true;
        assert_eq!(
            price(&course, Locale::Fr),
            "Gratuit pour les agents publics"
        );
        assert_eq!(
            mail_subject("Data & IA", Locale::Fr),
            "Formation «\u{a0}Data & IA\u{a0}»"
        );
        assert_eq!(
            mail_subject("Data", Locale::En),
            "Training \u{201c}Data\u{201d}"
        );
    }

    #[test]
    fn the_language_is_said_when_the_reader_needs_it() {
        use crate::catalogue::model::Parsed;
        let course = |languages: &str| {
            let json = format!(
                r#"{{"version":1,"domains":[{{"id":"d","label":"D"}}],"courses":[
                {{"id":"c","kind":"module","title":"T","summary":"S","description":"D","domains":["d"],
                 "level":"expert","audience":["managers"],"format":"hybride","duration_hours":7,
                 "provider":"P","free":true{languages}}}]}}"#
            );
            Parsed::from_json(&json)
                .unwrap()
                .catalogue
                .courses
                .remove(0)
        };
        let french = course("");
        assert_eq!(languages_fact(&french, Locale::Fr), None);
        assert_eq!(
            languages_fact(&french, Locale::En),
            Some(("Taught in:", "French".into()))
        );
        let english = course(r#","languages":["en"]"#);
        assert_eq!(
            languages_fact(&english, Locale::Fr),
            Some(("Langue d'enseignement\u{a0}:", "Anglais".into()))
        );
        let both = course(r#","languages":["fr","en"]"#);
        assert_eq!(
            languages_fact(&both, Locale::Fr),
            Some((
                "Langues d'enseignement\u{a0}:",
                "Français et anglais".into()
            ))
        );
        assert_eq!(
            languages_fact(&both, Locale::En),
            Some(("Taught in:", "French and English".into()))
        );
    }

    #[test]
    fn numbers_follow_each_language() {
        assert_eq!(hours(3.5, Locale::Fr), "3,5 h");
        assert_eq!(hours(7.0, Locale::En), "7 h");
        assert_eq!(courses_count(0, Locale::Fr), "0 formation");
        assert_eq!(
            courses_count(12_345, Locale::Fr),
            "12\u{202f}345 formations"
        );
        assert_eq!(courses_count(1, Locale::En), "1 training");
        assert_eq!(group_thousands(1_000_000, Locale::En), "1,000,000");
    }

    #[test]
    fn every_value_has_both_labels() {
        use crate::catalogue::url_value::UrlValue;
        for l in Locale::ALL {
            for v in Kind::VALUES {
                assert!(!kind(*v, l).is_empty());
            }
            for v in Audience::VALUES {
                assert!(!audience(*v, l).is_empty());
            }
            for v in Sort::VALUES {
                assert!(!sort(*v, l).is_empty());
            }
        }
    }

    #[test]
    fn the_call_says_its_name_its_deadline_and_why_it_is_closed() {
        use crate::catalogue::model::TrainerCall;
        use crate::util::dates::days_from_civil;
        let call = TrainerCall {
            open: true,
            sought_skills: vec![],
            title: None,
            year: Some(2027),
            deadline: Some("2027-03-31".into()),
        };
        let day = days_from_civil(2027, 3, 1);
        let (open, text) = call_status(Some(&call), day, Locale::Fr);
        assert!(open);
        assert_eq!(
            text,
            "L'appel à formateurs bénévoles 2027 est ouvert jusqu'au 31 mars 2027."
        );
        let (open, text) = call_status(Some(&call), day + 31, Locale::Fr);
        assert!(!open);
        assert!(
            text.contains("s'est terminé le 31 mars 2027\u{a0}:"),
            "{text}"
        );
        let closed = TrainerCall {
            open: false,
            ..call.clone()
        };
        let (open, text) = call_status(Some(&closed), day, Locale::En);
        assert!(!open);
        assert!(
            text.starts_with("The call for volunteer trainers 2027 is closed for now"),
            "{text}"
        );
        assert!(
            !text.contains('\u{a0}'),
            "no French punctuation spacing in English"
        );
        assert!(
            call_status(None, day, Locale::Fr).0,
            "no published call: open, no date"
        );
    }
}
