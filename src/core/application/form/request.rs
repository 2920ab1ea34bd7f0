//! The sur-mesure request: its [`Form`] row and its fields, in display order.

use super::*;
use FieldId as F;
use StepId as S;

/// A manager's request for a sur-mesure programme.
pub const REQUEST: Form = Form {
    id: FormId::Request,
    slug: "sur-mesure",
    questions: &[StepId::Requester, StepId::Need],
    fields: REQUEST_FIELDS,
    consent: FieldId::RequestConsent,
    storage_key: "campus.demande",
    sent_key: "campus.demande.envoyee",
    progress_format: "campus-demande-brouillon",
    file_stem: "demande-sur-mesure",
    schema: "request.schema.json",
    gated_by_call: false,
    course_field: Some(FieldId::RequestCourse),
    noun: FieldText::RequestNoun,
    a_noun: FieldText::RequestANoun,
    title: Text::TitleRequest,
    intro: FieldText::RequestIntro,
    start: FieldText::RequestStart,
    resume: FieldText::RequestResume,
    submit: FieldText::RequestSubmit,
    review_title: FieldText::RequestReviewTitle,
    sent_title: FieldText::RequestSentTitle,
    next_steps: FieldText::RequestNextSteps,
    mail_subject: FieldText::RequestMailSubject,
};

/// The sur-mesure request's fields, in display order.
pub const REQUEST_FIELDS: &[Field] = &[
    // 1. Who asks
    Field::new(
        F::RequesterFirstName,
        S::Requester,
        Input::Text,
        FieldText::RequesterFirstNameLabel,
    )
    .max(100)
    .autocomplete("given-name"),
    Field::new(
        F::RequesterLastName,
        S::Requester,
        Input::Text,
        FieldText::RequesterLastNameLabel,
    )
    .max(100)
    .autocomplete("family-name"),
    Field::new(
        F::RequesterEmail,
        S::Requester,
        Input::Email,
        FieldText::RequesterEmailLabel,
    )
    .max(254)
    .autocomplete("email")
    .hint(EMAIL_HINT),
    Field::new(
        F::RequesterPhone,
        S::Requester,
        Input::Phone,
        FieldText::RequesterPhoneLabel,
    )
    .max(30)
    .optional()
    .autocomplete("tel")
    .hint(PHONE_HINT),
    Field::new(
        F::RequesterAdministration,
        S::Requester,
        Input::OneOf(ADMINISTRATIONS),
        FieldText::RequesterAdministrationLabel,
    ),
    Field::new(
        F::RequesterAdministrationOther,
        S::Requester,
        Input::Text,
        FieldText::RequesterAdministrationOtherLabel,
    )
    .max(200)
    .when(Condition::Is(F::RequesterAdministration, "autre")),
    Field::new(
        F::RequesterRole,
        S::Requester,
        Input::Text,
        FieldText::RequesterRoleLabel,
    )
    .max(200)
    .autocomplete("organization-title")
    .hint(FieldText::RequesterRoleHint),
    // 2. The need
    Field::new(
        F::RequestCourse,
        S::Need,
        Input::Text,
        FieldText::RequestCourseLabel,
    )
    .max(200)
    .optional()
    .similar()
    .hint(FieldText::RequestCourseHint),
    Field::new(
        F::RequestNeed,
        S::Need,
        Input::LongText,
        FieldText::RequestNeedLabel,
    )
    .max(2000)
    .hint(FieldText::RequestNeedHint),
    Field::new(
        F::RequestTeamSize,
        S::Need,
        Input::Number { min: 1, max: 1000 },
        FieldText::RequestTeamSizeLabel,
    )
    .max(4),
    Field::new(
        F::RequestAudience,
        S::Need,
        Input::AnyOf(AUDIENCES),
        FieldText::RequestAudienceLabel,
    ),
    Field::new(
        F::RequestFormat,
        S::Need,
        Input::OneOf(REQUEST_FORMATS),
        FieldText::RequestFormatLabel,
    ),
    Field::new(
        F::RequestPeriods,
        S::Need,
        Input::AnyOf(PERIODS),
        FieldText::RequestPeriodsLabel,
    ),
    Field::new(
        F::RequestPlace,
        S::Need,
        Input::Text,
        FieldText::RequestPlaceLabel,
    )
    .max(200)
    .optional()
    .hint(FieldText::RequestPlaceHint),
    // 3. Review
    Field::new(
        F::RequestConsent,
        S::Review,
        Input::Tick,
        FieldText::RequestConsentLabel,
    ),
];
