//! The flow through the form as pure functions: which step comes next or
//! before, which steps may be visited (deep links are guarded), and the
//! summary shown on the "check your answers" page.

use super::answers::{Answer, Answers};
use super::form::{Field, Form, StepId};
use super::validation::{applies, check_step};

/// The step after `step` in `form` (the review after the last question).
pub fn next(form: &Form, step: StepId) -> StepId {
    match step {
        StepId::Review | StepId::HandOff | StepId::Confirmation => step,
        _ => form
            .questions
            .iter()
            .skip_while(|s| **s != step)
            .nth(1)
            .copied()
            .unwrap_or(StepId::Review),
    }
}

/// The step the back link leads to (`None` on the first step).
pub fn previous(form: &Form, step: StepId) -> Option<StepId> {
    match step {
        StepId::HandOff | StepId::Confirmation => None,
        StepId::Review => form.questions.last().copied(),
        _ => form
            .questions
            .iter()
            .take_while(|s| **s != step)
            .last()
            .copied(),
    }
}

/// The first question step whose answers are not valid yet.
pub fn first_incomplete(form: &Form, answers: &Answers) -> Option<StepId> {
    form.questions
        .iter()
        .copied()
        .find(|s| !check_step(form, *s, answers).is_empty())
}

/// Whether `step` may be shown for a draft with these answers: every earlier
/// question step is complete. (The confirmation is not a step of a draft: it is
/// shown for a form this tab has sent, see [`resolve`].)
pub fn can_visit(form: &Form, step: StepId, answers: &Answers) -> bool {
    match step {
        StepId::HandOff | StepId::Confirmation => false,
        StepId::Review => first_incomplete(form, answers).is_none(),
        _ => {
            form.questions.contains(&step)
                && form
                    .questions
                    .iter()
                    .take_while(|s| **s != step)
                    .all(|s| check_step(form, *s, answers).is_empty())
        }
    }
}

/// Where a visitor asking for `step` of a draft is sent instead when it may
/// not be shown: the first incomplete step, or the review.
pub fn redirect(form: &Form, step: StepId, answers: &Answers) -> StepId {
    if can_visit(form, step, answers) {
        step
    } else {
        first_incomplete(form, answers).unwrap_or(StepId::Review)
    }
}

/// Where a finished form went: what its ending says comes next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum SentTo {
    /// Received by the campus team's receiver.
    #[default]
    Campus,
    /// Received in the campus team's Grist table, as this row.
    Grist(u64),
    /// Downloaded, to attach to an email to this address: not sent yet.
    Email(String),
    /// To continue and submit on démarches simplifiées: not sent yet.
    Demarches,
}

impl SentTo {
    /// As this tab keeps it (`sessionStorage`): `campus`, `grist:{row}`,
    /// `email:{address}`, `demarches`.
    pub fn to_stored(&self) -> String {
        match self {
            SentTo::Campus => "campus".to_owned(),
            SentTo::Grist(row) => format!("grist:{row}"),
            SentTo::Email(address) => format!("email:{address}"),
            SentTo::Demarches => "demarches".to_owned(),
        }
    }

    /// Reads [`SentTo::to_stored`]'s text; anything else (older versions
    /// stored nothing) is the receiver.
    pub fn from_stored(text: &str) -> SentTo {
        match text.split_once(':') {
            Some(("grist", row)) => row.parse().map_or(SentTo::Campus, SentTo::Grist),
            Some(("email", address)) => SentTo::Email(address.to_owned()),
            _ if text == "demarches" => SentTo::Demarches,
            _ => SentTo::Campus,
        }
    }
}

/// What the journey knows when a step page opens.
#[derive(Debug, Clone, Copy)]
pub struct JourneyState<'a> {
    /// The answers of the draft in progress, if there is one.
    pub draft: Option<&'a Answers>,
    /// Whether this tab has just sent an application (its confirmation exists).
    pub sent_here: bool,
    /// Where the form this tab finished shows: the hand-off page of one
    /// continued on démarches simplifiées, else the confirmation.
    pub ending: StepId,
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

/// Decides what a request for `step` of `form` shows.
pub fn resolve(form: &Form, step: StepId, state: JourneyState<'_>) -> Decision {
    let first = step == form.first_step();
    match (step, state.draft) {
        (s, _) if s.is_ending() && state.sent_here => Decision::Show,
        (s, Some(answers)) if s.is_ending() => Decision::Redirect(redirect(form, step, answers)),
        (_, None) if first && !state.closed && !state.sent_here => Decision::StartAndShow,
        // Just sent from this tab: its confirmation, not an empty start.
        (_, None) if state.sent_here => Decision::Redirect(state.ending),
        (_, None) => Decision::ToStart,
        (_, Some(answers)) if can_visit(form, step, answers) => Decision::Show,
        (_, Some(answers)) => Decision::Redirect(redirect(form, step, answers)),
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
pub fn review_rows(form: &Form, step: StepId, answers: &Answers) -> Vec<ReviewRow> {
    form.fields_of(step)
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
    use crate::application::form::{REQUEST, TRAINER};

    fn complete() -> Answers {
        crate::application::fixtures::complete_answers(crate::application::form::ProposalKind::Help)
    }

    #[test]
    fn steps_follow_in_order_and_back() {
        let mut step = StepId::You;
        let mut seen = vec![step];
        while step != StepId::Review {
            step = next(&TRAINER, step);
            seen.push(step);
        }
        assert_eq!(
            seen,
            StepId::ALL[..4]
                .iter()
                .copied()
                .chain([StepId::Review])
                .collect::<Vec<_>>()
        );
        assert_eq!(
            previous(&TRAINER, StepId::Review),
            Some(StepId::Availability)
        );
        assert_eq!(previous(&TRAINER, StepId::Expertise), Some(StepId::You));
        assert_eq!(previous(&TRAINER, StepId::You), None);
        // The request form runs on the same functions with its own steps.
        assert_eq!(next(&REQUEST, StepId::Requester), StepId::Need);
        assert_eq!(next(&REQUEST, StepId::Need), StepId::Review);
        assert_eq!(previous(&REQUEST, StepId::Review), Some(StepId::Need));
        assert_eq!(previous(&REQUEST, StepId::Requester), None);
    }

    #[test]
    fn a_form_never_shows_another_forms_step() {
        let full = complete();
        assert!(!can_visit(&REQUEST, StepId::Expertise, &full));
        assert!(!can_visit(&TRAINER, StepId::Need, &full));
        let state = JourneyState {
            draft: None,
            sent_here: false,
            ending: StepId::Confirmation,
            closed: false,
        };
        assert_eq!(
            resolve(&REQUEST, StepId::Requester, state),
            Decision::StartAndShow
        );
        assert_eq!(resolve(&REQUEST, StepId::You, state), Decision::ToStart);
        let empty = Answers::default();
        let with = JourneyState {
            draft: Some(&empty),
            ..state
        };
        assert_eq!(
            resolve(&REQUEST, StepId::Proposal, with),
            Decision::Redirect(StepId::Requester)
        );
    }

    #[test]
    fn deep_links_are_guarded() {
        let empty = Answers::default();
        assert!(can_visit(&TRAINER, StepId::You, &empty));
        assert!(!can_visit(&TRAINER, StepId::Proposal, &empty));
        assert_eq!(redirect(&TRAINER, StepId::Review, &empty), StepId::You);
        assert_eq!(
            redirect(&TRAINER, StepId::Confirmation, &empty),
            StepId::You
        );
        let full = complete();
        assert!(can_visit(&TRAINER, StepId::Review, &full));
        assert_eq!(first_incomplete(&TRAINER, &full), None);
    }

    #[test]
    fn where_a_form_went_round_trips_through_storage() {
        for to in [
            SentTo::Campus,
            SentTo::Grist(42),
            SentTo::Email("a:b@c.fr".into()),
            SentTo::Demarches,
        ] {
            assert_eq!(SentTo::from_stored(&to.to_stored()), to);
        }
        assert_eq!(SentTo::from_stored(""), SentTo::Campus);
        assert_eq!(SentTo::from_stored("grist:x"), SentTo::Campus);
    }

    #[test]
    fn resolve_is_the_one_guard() {
        let empty = Answers::default();
        let full = complete();
        let state = |draft, sent_here| JourneyState {
            draft,
            sent_here,
            ending: StepId::Confirmation,
            closed: false,
        };
        // No draft: the first step starts one; any other step goes to the start.
        assert_eq!(
            resolve(&TRAINER, StepId::You, state(None, false)),
            Decision::StartAndShow
        );
        assert_eq!(
            resolve(&TRAINER, StepId::Review, state(None, false)),
            Decision::ToStart
        );
        assert_eq!(
            resolve(&TRAINER, StepId::Confirmation, state(None, false)),
            Decision::ToStart
        );
        // The confirmation only for an application sent from this tab.
        assert_eq!(
            resolve(&TRAINER, StepId::Confirmation, state(None, true)),
            Decision::Show
        );
        assert_eq!(
            resolve(&TRAINER, StepId::Review, state(None, true)),
            Decision::Redirect(StepId::Confirmation)
        );
        assert_eq!(
            resolve(&TRAINER, StepId::Confirmation, state(Some(&full), false)),
            Decision::Redirect(StepId::Review)
        );
        // Continued on démarches simplifiées: its hand-off page is its ending.
        let handed = JourneyState {
            ending: StepId::HandOff,
            ..state(None, true)
        };
        assert_eq!(
            resolve(&TRAINER, StepId::Review, handed),
            Decision::Redirect(StepId::HandOff)
        );
        assert_eq!(resolve(&TRAINER, StepId::HandOff, handed), Decision::Show);
        assert_eq!(
            resolve(&TRAINER, StepId::HandOff, state(None, false)),
            Decision::ToStart
        );
        // A draft: guarded deep links.
        assert_eq!(
            resolve(&TRAINER, StepId::Availability, state(Some(&empty), false)),
            Decision::Redirect(StepId::You)
        );
        assert_eq!(
            resolve(&TRAINER, StepId::Review, state(Some(&full), false)),
            Decision::Show
        );
        assert_eq!(
            resolve(&TRAINER, StepId::You, state(Some(&empty), true)),
            Decision::Show
        );
    }

    #[test]
    fn review_lists_only_asked_questions_and_marks_skipped_ones() {
        let full = complete();
        let you = review_rows(&TRAINER, StepId::You, &full);
        let phone = you.iter().find(|r| r.field.id == F::Phone).unwrap();
        assert_eq!(phone.answer, None, "optional and skipped");
        assert!(!you.iter().any(|r| r.field.id == F::AdministrationOther));
        let proposal: Vec<_> = review_rows(&TRAINER, StepId::Proposal, &full)
            .iter()
            .map(|r| r.field.id)
            .collect();
        assert_eq!(
            proposal,
            [F::ProposalKind, F::HelpTopic, F::HelpNeeded, F::HelpWhen]
        );
    }
}
