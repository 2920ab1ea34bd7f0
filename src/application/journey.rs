//! The flow through the form as pure functions: which step comes next or
//! before, which steps may be visited (deep links are guarded), and the
//! summary shown on the "check your answers" page.

use super::answers::{Answer, Answers};
use super::form::{fields_of, Field, StepId};
use super::validation::{applies, check_step};

/// The step after `step`.
pub fn next(step: StepId) -> StepId {
    match step {
        StepId::You => StepId::Expertise,
        StepId::Expertise => StepId::Proposal,
        StepId::Proposal => StepId::Availability,
        StepId::Availability | StepId::Review => StepId::Review,
        StepId::Confirmation => StepId::Confirmation,
    }
}

/// The step the back link leads to (`None` on the first step).
pub fn previous(step: StepId) -> Option<StepId> {
    match step {
        StepId::You => None,
        StepId::Expertise => Some(StepId::You),
        StepId::Proposal => Some(StepId::Expertise),
        StepId::Availability => Some(StepId::Proposal),
        StepId::Review => Some(StepId::Availability),
        StepId::Confirmation => None,
    }
}

/// The first question step whose answers are not valid yet.
pub fn first_incomplete(answers: &Answers) -> Option<StepId> {
    StepId::QUESTIONS
        .into_iter()
        .find(|s| !check_step(*s, answers).is_empty())
}

/// Whether `step` may be shown: every earlier question step is complete; the
/// confirmation only after a submission.
pub fn can_visit(step: StepId, answers: &Answers, submitted: bool) -> bool {
    match step {
        StepId::Confirmation => submitted,
        _ if submitted => false,
        StepId::Review => first_incomplete(answers).is_none(),
        _ => StepId::QUESTIONS
            .into_iter()
            .take_while(|s| *s != step)
            .all(|s| check_step(s, answers).is_empty()),
    }
}

/// Where a visitor asking for `step` is sent instead when it may not be shown.
pub fn redirect(step: StepId, answers: &Answers, submitted: bool) -> StepId {
    if can_visit(step, answers, submitted) {
        step
    } else if submitted {
        StepId::Confirmation
    } else {
        first_incomplete(answers).unwrap_or(StepId::Review)
    }
}

/// One answered (or skipped) question, for the review page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRow {
    /// The field.
    pub field: &'static Field,
    /// The answer, `None` for a skipped optional question ("Non renseigné").
    pub answer: Option<Answer>,
}

/// The questions asked in `step` given the answers, with what was answered.
pub fn review_rows(step: StepId, answers: &Answers) -> Vec<ReviewRow> {
    fields_of(step)
        .filter(|f| applies(f, answers))
        .map(|field| ReviewRow {
            field,
            answer: answers.0.get(field.id).filter(|a| !a.is_empty()).cloned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> Answers {
        let mut a = Answers::default();
        for (k, v) in [
            ("first_name", "Camille"),
            ("last_name", "Martin"),
            ("email", "camille.martin@interieur.gouv.fr"),
            ("administration", "interieur"),
            ("department", "DNUM"),
            ("job_title", "Cheffe de produit"),
            ("region", "bretagne"),
            ("status", "titulaire"),
            ("years_experience", "8"),
            ("teaching_experience", "occasionnelle"),
            ("bio", "Dix ans de projets numériques."),
            ("motivation", "Transmettre."),
            ("proposal_kind", "aide-construction"),
            ("help_topic", "Accessibilité"),
            ("help_needed", "Structurer un module."),
            ("help_when", "Printemps 2027"),
            ("days_per_year", "4"),
            ("manager_informed", "oui"),
        ] {
            a.set_text(k, v);
        }
        for (k, v) in [
            ("domains", "design-accessibilite"),
            ("skills", "design"),
            ("formats_accepted", "distanciel"),
            ("regions_available", "bretagne"),
            ("periods", "t2"),
        ] {
            a.toggle_choice(k, v, &[]);
        }
        a
    }

    #[test]
    fn steps_follow_in_order_and_back() {
        let mut step = StepId::You;
        let mut seen = vec![step];
        while step != StepId::Review {
            step = next(step);
            seen.push(step);
        }
        assert_eq!(seen, StepId::ALL[..5]);
        assert_eq!(previous(StepId::Review), Some(StepId::Availability));
        assert_eq!(previous(StepId::You), None);
    }

    #[test]
    fn deep_links_are_guarded() {
        let empty = Answers::default();
        assert!(can_visit(StepId::You, &empty, false));
        assert!(!can_visit(StepId::Proposal, &empty, false));
        assert_eq!(redirect(StepId::Review, &empty, false), StepId::You);
        assert_eq!(redirect(StepId::Confirmation, &empty, false), StepId::You);
        let full = complete();
        assert!(can_visit(StepId::Review, &full, false));
        assert_eq!(first_incomplete(&full), None);
        assert_eq!(redirect(StepId::You, &full, true), StepId::Confirmation);
    }

    #[test]
    fn review_lists_only_asked_questions_and_marks_skipped_ones() {
        let full = complete();
        let you = review_rows(StepId::You, &full);
        let phone = you.iter().find(|r| r.field.id == "phone").unwrap();
        assert_eq!(phone.answer, None, "optional and skipped");
        assert!(!you.iter().any(|r| r.field.id == "administration_other"));
        let proposal: Vec<_> = review_rows(StepId::Proposal, &full)
            .iter()
            .map(|r| r.field.id)
            .collect();
        assert_eq!(
            proposal,
            ["proposal_kind", "help_topic", "help_needed", "help_when"]
        );
    }
}
