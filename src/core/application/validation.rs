//! Validation per field and per step, driven by the field table (shown-when,
//! required-when, limits). Errors are codes with parameters; their text (French
//! and English) is looked up in `i18n` when rendering.

use super::answers::Answers;
use super::form::{Condition, Field, FieldId, Form, Input, StepId, TICKED};
use super::visible::{is_combining, is_email, is_filled, is_invisible, trim, visible_len};

/// Why an answer is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    /// A required question has no answer.
    Required,
    /// Longer than the field allows.
    TooLong {
        /// The limit, in characters.
        max: usize,
    },
    /// Not an email address.
    InvalidEmail,
    /// An email address with an invisible character inside (often pasted
    /// from a document): it looks right and no mail would reach it.
    HiddenCharacter,
    /// Not a phone number.
    InvalidPhone,
    /// Not a whole number.
    NotANumber,
    /// Not a number of hours ("3", "3,5", "3 h 30").
    NotHours,
    /// A number outside the accepted range.
    OutOfRange {
        /// Smallest accepted.
        min: u32,
        /// Largest accepted.
        max: u32,
    },
    /// A value that is not one of the options (tampered draft).
    UnknownOption,
    /// Not an absolute http(s) link.
    InvalidUrl,
}

/// A field and what is wrong with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invalid {
    /// The field.
    pub field: FieldId,
    /// The error.
    pub error: FieldError,
}

fn valid_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (8..=15).contains(&digits)
        && s.chars()
            .all(|c| c.is_ascii_digit() || " +().-".contains(c))
}

fn valid_url(s: &str) -> bool {
    crate::catalogue::model::safe_link(s).is_some() && s.trim().len() > "https://".len()
}

/// Whether `condition` holds for these answers.
pub fn holds(condition: Condition, answers: &Answers) -> bool {
    match condition {
        Condition::Always => true,
        Condition::Never => false,
        Condition::Is(field, value) => answers.text(field) == value,
    }
}

/// Whether `field` is asked, given the answers (its `shown_when`).
pub fn applies(field: &Field, answers: &Answers) -> bool {
    holds(field.shown_when, answers)
}

/// A whole number as people type one: "12", "1 000" (spaces, including
/// non-breaking ones, between groups of digits).
pub fn parse_whole(text: &str) -> Option<u32> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 9 {
        return None;
    }
    digits.parse().ok()
}

/// A number of hours as people type one, in hundredths of an hour: "7",
/// "3,5", "3.5", "3 h 30", "3h", "0,75". At most two decimals; minutes
/// below 60.
pub fn parse_hours(text: &str) -> Option<u32> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let t = t
        .strip_suffix("heures")
        .or_else(|| t.strip_suffix("heure"))
        .unwrap_or(&t);
    if let Some((h, m)) = t.split_once('h') {
        let hours = parse_whole(h)?;
        let minutes = if m.is_empty() {
            0
        } else {
            parse_whole(m).filter(|m| *m < 60 && m.to_string().len() <= 2)?
        };
        return hours
            .checked_mul(100)?
            .checked_add((minutes * 100 + 30) / 60);
    }
    let (whole, fraction) = t.split_once([',', '.']).unwrap_or((t, ""));
    let hours = parse_whole(whole)?;
    let hundredths = match fraction.len() {
        0 => 0,
        1 | 2 if fraction.bytes().all(|b| b.is_ascii_digit()) => {
            let f: u32 = fraction.parse().ok()?;
            if fraction.len() == 1 {
                f * 10
            } else {
                f
            }
        }
        _ => return None,
    };
    hours.checked_mul(100)?.checked_add(hundredths)
}

/// Checks one field; `None` when valid. Text is judged as a reader sees it
/// (`visible`): an answer of invisible characters is empty, a decomposed
/// letter is one character.
pub fn check_field(field: &Field, answers: &Answers) -> Option<FieldError> {
    let text = trim(answers.text(field.id));
    let choices = answers.choices(field.id);
    let empty = match field.input {
        Input::AnyOf(_) => choices.is_empty(),
        _ => !is_filled(text),
    };
    if empty {
        return holds(field.required_when, answers).then_some(FieldError::Required);
    }
    let is_number = matches!(field.input, Input::Number { .. } | Input::Hours { .. });
    if !is_number && field.max_len > 0 && visible_len(text) > field.max_len {
        return Some(FieldError::TooLong { max: field.max_len });
    }
    match field.input {
        Input::Email if text.chars().any(|c| is_invisible(c) || is_combining(c)) => {
            Some(FieldError::HiddenCharacter)
        }
        Input::Email if !is_email(text) => Some(FieldError::InvalidEmail),
        Input::Phone if !valid_phone(text) => Some(FieldError::InvalidPhone),
        Input::Url if !valid_url(text) => Some(FieldError::InvalidUrl),
        Input::Number { min, max } => match parse_whole(text) {
            None => Some(FieldError::NotANumber),
            Some(n) if n < min || n > max => Some(FieldError::OutOfRange { min, max }),
            Some(_) => None,
        },
        Input::Hours { min, max } => match parse_hours(text) {
            None => Some(FieldError::NotHours),
            Some(n) if n < min * 100 || n > max * 100 => Some(FieldError::OutOfRange { min, max }),
            Some(_) => None,
        },
        Input::OneOf(options) if !options.contains(&text) => Some(FieldError::UnknownOption),
        Input::AnyOf(options) if choices.iter().any(|c| !options.contains(&c.as_str())) => {
            Some(FieldError::UnknownOption)
        }
        Input::Tick if text != TICKED => Some(FieldError::UnknownOption),
        _ => None,
    }
}

/// Every invalid field of `step` of `form`, in display order (fields that do
/// not apply are not checked).
pub fn check_step(form: &Form, step: StepId, answers: &Answers) -> Vec<Invalid> {
    form.fields_of(step)
        .filter(|f| applies(f, answers))
        .filter_map(|f| check_field(f, answers).map(|error| Invalid { field: f.id, error }))
        .collect()
}

/// Every invalid field of the whole form, questions and consent, in order:
/// what sending and downloading both require to be empty.
pub fn check_all(form: &Form, answers: &Answers) -> Vec<Invalid> {
    form.questions
        .iter()
        .copied()
        .chain([StepId::Review])
        .flat_map(|s| check_step(form, s, answers))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::application::form::{field, TRAINER};
    use FieldId as F;

    fn with(pairs: &[(FieldId, &str)]) -> Answers {
        let mut a = Answers::default();
        for (k, v) in pairs {
            a.set_text(*k, v);
        }
        a
    }

    #[test]
    fn required_fields_are_reported_in_order() {
        let errors = check_step(&TRAINER, StepId::You, &Answers::default());
        let ids: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            ids,
            [
                F::FirstName,
                F::LastName,
                F::Email,
                F::Administration,
                F::Department,
                F::JobTitle,
                F::Region,
                F::Status
            ]
        );
        assert!(errors.iter().all(|e| e.error == FieldError::Required));
    }

    #[test]
    fn optional_fields_may_be_empty_but_must_be_valid_when_given() {
        let f = field(F::Phone);
        assert_eq!(check_field(f, &Answers::default()), None);
        assert_eq!(check_field(f, &with(&[(F::Phone, "01 23 45 67 89")])), None);
        assert_eq!(
            check_field(f, &with(&[(F::Phone, "+33 (0)1 23 45 67 89")])),
            None
        );
        assert_eq!(
            check_field(f, &with(&[(F::Phone, "bonjour")])),
            Some(FieldError::InvalidPhone)
        );
    }

    #[test]
    fn emails_numbers_urls_and_lengths() {
        let email = field(F::Email);
        for ok in ["camille.martin@finances.gouv.fr", "a@b.fr"] {
            assert_eq!(check_field(email, &with(&[(F::Email, ok)])), None, "{ok}");
        }
        for bad in ["camille", "a@b", "a b@c.fr", "@c.fr", "a@.fr", "a@b..fr"] {
            assert_eq!(
                check_field(email, &with(&[(F::Email, bad)])),
                Some(FieldError::InvalidEmail),
                "{bad}"
            );
        }
        let years = field(F::YearsExperience);
        assert_eq!(
            check_field(years, &with(&[(F::YearsExperience, "dix")])),
            Some(FieldError::NotANumber)
        );
        assert_eq!(
            check_field(years, &with(&[(F::YearsExperience, "99")])),
            Some(FieldError::OutOfRange { min: 0, max: 60 })
        );
        assert_eq!(
            check_field(years, &with(&[(F::YearsExperience, "12")])),
            None
        );
        let bio = field(F::Bio);
        assert_eq!(
            check_field(bio, &with(&[(F::Bio, &"é".repeat(1501))])),
            Some(FieldError::TooLong { max: 1500 })
        );
        assert_eq!(
            check_field(bio, &with(&[(F::Bio, &"é".repeat(1500))])),
            None
        );
        let url = field(F::ExistingMaterialUrl);
        assert_eq!(
            check_field(
                url,
                &with(&[(F::ExistingMaterialUrl, "javascript:alert(1)")])
            ),
            Some(FieldError::InvalidUrl)
        );
        assert_eq!(
            check_field(
                url,
                &with(&[(F::ExistingMaterialUrl, "https://x.gouv.fr/s")])
            ),
            None
        );
    }

    #[test]
    fn invisible_and_decomposed_text_is_judged_as_seen() {
        use crate::application::form::REQUEST;
        let first = field(F::FirstName);
        for empty in ["\u{200B}\u{200B}", "\u{AD}", "\u{202E}", " \u{A0}\u{2060} "] {
            assert_eq!(
                check_field(first, &with(&[(F::FirstName, empty)])),
                Some(FieldError::Required),
                "{empty:?}"
            );
        }
        let email = field(F::Email);
        assert_eq!(
            check_field(
                email,
                &with(&[(F::Email, "claire\u{200b}@interieur.gouv.fr")])
            ),
            Some(FieldError::HiddenCharacter)
        );
        for bad in ["camille@@interieur.gouv.fr", "camille..martin@x.fr"] {
            assert_eq!(
                check_field(email, &with(&[(F::Email, bad)])),
                Some(FieldError::InvalidEmail),
                "{bad}"
            );
        }
        // An invisible character at an end is not part of the answer: it is
        // dropped, and what is checked (and sent) is the address alone.
        assert_eq!(
            check_field(email, &with(&[(F::Email, "a@b.fr\u{202E}")])),
            None
        );
        let need = REQUEST
            .fields
            .iter()
            .find(|f| f.id == F::RequestNeed)
            .unwrap();
        assert_eq!(need.max_len, 2000);
        let nfd = "e\u{301}".repeat(1500);
        assert_eq!(check_field(need, &with(&[(F::RequestNeed, &nfd)])), None);
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦".repeat(500);
        assert_eq!(check_field(need, &with(&[(F::RequestNeed, &family)])), None);
        assert_eq!(
            check_field(need, &with(&[(F::RequestNeed, &"e\u{301}".repeat(2001))])),
            Some(FieldError::TooLong { max: 2000 })
        );
    }

    #[test]
    fn numbers_as_people_write_them() {
        let hours = field(F::ExistingDurationHours);
        for (typed, hundredths) in [
            ("7", 700),
            ("3,5", 350),
            ("3.5", 350),
            ("3 h 30", 350),
            ("3h30", 350),
            ("3 h", 300),
            ("1 h 20", 133),
            ("0,75", 75),
            ("12 heures", 1200),
        ] {
            assert_eq!(parse_hours(typed), Some(hundredths), "{typed}");
        }
        for bad in ["", "dix", "3,555", "3 h 75", "3,5 h 30", "-3", ",5x", "1e3"] {
            assert_eq!(parse_hours(bad), None, "{bad}");
        }
        assert_eq!(
            check_field(hours, &with(&[(F::ExistingDurationHours, "3,5")])),
            None
        );
        assert_eq!(
            check_field(hours, &with(&[(F::ExistingDurationHours, "0,5")])),
            Some(FieldError::OutOfRange { min: 1, max: 200 })
        );
        assert_eq!(
            check_field(hours, &with(&[(F::ExistingDurationHours, "trois")])),
            Some(FieldError::NotHours)
        );
        assert_eq!(parse_whole("1 000"), Some(1000));
        assert_eq!(parse_whole("1\u{202F}000"), Some(1000));
        assert_eq!(parse_whole("12,5"), None);
        assert_eq!(parse_whole("99999999999"), None);
    }

    #[test]
    fn only_the_chosen_branch_is_checked() {
        let idea = with(&[(F::ProposalKind, "idee-programme")]);
        let ids: Vec<_> = check_step(&TRAINER, StepId::Proposal, &idea)
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            ids,
            [F::IdeaTitle, F::IdeaNeed, F::IdeaAudience, F::IdeaFormat]
        );
        let none: Vec<_> = check_step(&TRAINER, StepId::Proposal, &Answers::default())
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(none, [F::ProposalKind]);
    }

    #[test]
    fn other_administration_is_required_only_when_chosen() {
        let other = with(&[(F::Administration, "autre")]);
        assert!(check_step(&TRAINER, StepId::You, &other)
            .iter()
            .any(|e| e.field == F::AdministrationOther));
        let known = with(&[(F::Administration, "interieur")]);
        assert!(!check_step(&TRAINER, StepId::You, &known)
            .iter()
            .any(|e| e.field == F::AdministrationOther));
    }

    #[test]
    fn options_outside_the_form_are_refused() {
        let f = field(F::Region);
        assert_eq!(
            check_field(f, &with(&[(F::Region, "atlantide")])),
            Some(FieldError::UnknownOption)
        );
        let mut a = Answers::default();
        a.toggle_choice(F::Domains, "astrologie", &[]);
        assert_eq!(
            check_field(field(F::Domains), &a),
            Some(FieldError::UnknownOption)
        );
    }

    #[test]
    fn consent_is_a_field_that_must_be_ticked() {
        let errors = check_step(&TRAINER, StepId::Review, &Answers::default());
        assert_eq!(
            errors,
            [Invalid {
                field: F::Consent,
                error: FieldError::Required
            }]
        );
        assert_eq!(
            check_field(field(F::Consent), &with(&[(F::Consent, "peut-être")])),
            Some(FieldError::UnknownOption)
        );
        assert!(check_step(&TRAINER, StepId::Review, &with(&[(F::Consent, TICKED)])).is_empty());
        assert!(check_all(&TRAINER, &Answers::default())
            .iter()
            .any(|e| e.field == F::Consent));
    }
}
