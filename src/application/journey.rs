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

/// Whether `step` may be shown for a draft with these answers: every earlier
/// question step is complete. (The confirmation is not a step of a draft: it is
/// shown for an application this tab has sent, see [`resolve`].)
pub fn can_visit(step: StepId, answers: &Answers) -> bool {
    match step {
        StepId::Confirmation => false,
        StepId::Review => first_incomplete(answers).is_none(),
        _ => StepId::QUESTIONS
            .into_iter()
            .take_while(|s| *s != step)
            .all(|s| check_step(s, answers).is_empty()),
    }
}

/// Where a visitor asking for `step` of a draft is sent instead when it may
/// not be shown: the first incomplete step, or the review.
pub fn redirect(step: StepId, answers: &Answers) -> StepId {
    if can_visit(step, answers) {
        step
    } else {
        first_incomplete(answers).unwrap_or(StepId::Review)
    }
}

/// What the journey knows when a step page opens.
#[derive(Debug, Clone, Copy)]
pub struct JourneyState<'a> {
    /// The answers of the draft in progress, if there is one.
    pub draft: Option<&'a Answers>,
    /// Whether this tab has just sent an application (its confirmation exists).
    pub sent_here: bool,
    /// Whether the last application was closed (sent or discarded, here or in
    /// another tab) and no new one was started: a step page then never starts
    /// one by itself.
    pub closed: bool,
}

/// What to do with a request for a step: the one decision of the journey's
/// guards, applied in one place by the step page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Show the step asked for.
    Show,
    /// Start a new draft, then show the step (the first step with no draft).
    StartAndShow,
    /// Show another step instead (replacing the history entry).
    Redirect(StepId),
    /// No draft: go to the start page (which says why, and offers to start).
    ToStart,
}

/// Decides what a request for `step` shows.
pub fn resolve(step: StepId, state: JourneyState<'_>) -> Decision {
    match (step, state.draft) {
        (StepId::Confirmation, _) if state.sent_here => Decision::Show,
        (StepId::Confirmation, Some(answers)) => Decision::Redirect(redirect(step, answers)),
        (StepId::You, None) if !state.closed && !state.sent_here => Decision::StartAndShow,
        // Just sent from this tab: its confirmation, not an empty start.
        (_, None) if state.sent_here => Decision::Redirect(StepId::Confirmation),
        (_, None) => Decision::ToStart,
        (_, Some(answers)) if can_visit(step, answers) => Decision::Show,
        (_, Some(answers)) => Decision::Redirect(redirect(step, answers)),
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
            answer: answers.0.get(&field.id).filter(|a| !a.is_empty()).cloned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::application::form::FieldId as F;

    fn complete() -> Answers {
        crate::application::fixtures::complete_answers(crate::application::form::ProposalKind::Help)
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
        assert!(can_visit(StepId::You, &empty));
        assert!(!can_visit(StepId::Proposal, &empty));
        assert_eq!(redirect(StepId::Review, &empty), StepId::You);
        assert_eq!(redirect(StepId::Confirmation, &empty), StepId::You);
        let full = complete();
        assert!(can_visit(StepId::Review, &full));
        assert_eq!(first_incomplete(&full), None);
    }

    #[test]
    fn resolve_is_the_one_guard() {
        let empty = Answers::default();
        let full = complete();
        let state = |draft, sent_here| JourneyState {
            draft,
            sent_here,
            closed: false,
        };
        // No draft: the first step starts one; any other step goes to the start.
        assert_eq!(
            resolve(StepId::You, state(None, false)),
            Decision::StartAndShow
        );
        assert_eq!(
            resolve(StepId::Review, state(None, false)),
            Decision::ToStart
        );
        assert_eq!(
            resolve(StepId::Confirmation, state(None, false)),
            Decision::ToStart
        );
        // The confirmation only for an application sent from this tab.
        assert_eq!(
            resolve(StepId::Confirmation, state(None, true)),
            Decision::Show
        );
        assert_eq!(
            resolve(StepId::Review, state(None, true)),
            Decision::Redirect(StepId::Confirmation)
        );
        assert_eq!(
            resolve(StepId::Confirmation, state(Some(&full), false)),
            Decision::Redirect(StepId::Review)
        );
        // A draft: guarded deep links.
        assert_eq!(
            resolve(StepId::Availability, state(Some(&empty), false)),
            Decision::Redirect(StepId::You)
        );
        assert_eq!(
            resolve(StepId::Review, state(Some(&full), false)),
            Decision::Show
        );
        assert_eq!(
            resolve(StepId::You, state(Some(&empty), true)),
            Decision::Show
        );
    }

    #[test]
    fn review_lists_only_asked_questions_and_marks_skipped_ones() {
        let full = complete();
        let you = review_rows(StepId::You, &full);
        let phone = you.iter().find(|r| r.field.id == F::Phone).unwrap();
        assert_eq!(phone.answer, None, "optional and skipped");
        assert!(!you.iter().any(|r| r.field.id == F::AdministrationOther));
        let proposal: Vec<_> = review_rows(StepId::Proposal, &full)
            .iter()
            .map(|r| r.field.id)
            .collect();
        assert_eq!(
            proposal,
            [F::ProposalKind, F::HelpTopic, F::HelpNeeded, F::HelpWhen]
        );
    }
}
