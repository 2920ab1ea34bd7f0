//! The trainer application: its [`Form`] row and its fields, in display order.

use super::*;
use FieldId as F;
use StepId as S;

/// The trainer application.
pub const TRAINER: Form = Form {
    id: FormId::Trainer,
    slug: "candidature",
    questions: &[
        StepId::You,
        StepId::Expertise,
        StepId::Proposal,
        StepId::Availability,
    ],
    fields: TRAINER_FIELDS,
    consent: FieldId::Consent,
    storage_key: "campus.candidature",
    sent_key: "campus.candidature.envoyee",
    progress_format: "campus-candidature-brouillon",
    file_stem: "candidature",
    schema: "application.schema.json",
    gated_by_call: true,
    course_field: None,
    noun: FieldText::TrainerNoun,
    a_noun: FieldText::TrainerANoun,
    title: Text::TitleApplication,
    intro: FieldText::TrainerIntro,
    start: FieldText::TrainerStart,
    resume: FieldText::TrainerResume,
    submit: FieldText::TrainerSubmit,
    review_title: FieldText::TrainerReviewTitle,
    sent_title: FieldText::TrainerSentTitle,
    next_steps: FieldText::TrainerNextSteps,
    mail_subject: FieldText::TrainerMailSubject,
};

/// The trainer application's fields, in display order.
pub const TRAINER_FIELDS: &[Field] = &[
    // 1. You
    Field::new(F::FirstName, S::You, Input::Text, FieldText::FirstNameLabel)
        .max(100)
        .autocomplete("given-name"),
    Field::new(F::LastName, S::You, Input::Text, FieldText::LastNameLabel)
        .max(100)
        .autocomplete("family-name"),
    Field::new(F::Email, S::You, Input::Email, FieldText::EmailLabel)
        .max(254)
        .autocomplete("email")
        .hint(EMAIL_HINT),
    Field::new(F::Phone, S::You, Input::Phone, FieldText::PhoneLabel)
        .max(30)
        .optional()
        .autocomplete("tel")
        .hint(PHONE_HINT),
    Field::new(
        F::Administration,
        S::You,
        Input::OneOf(ADMINISTRATIONS),
        FieldText::AdministrationLabel,
    ),
    Field::new(
        F::AdministrationOther,
        S::You,
        Input::Text,
        FieldText::AdministrationOtherLabel,
    )
    .max(200)
    .when(Condition::Is(F::Administration, "autre")),
    Field::new(
        F::Department,
        S::You,
        Input::Text,
        FieldText::DepartmentLabel,
    )
    .max(200)
    .autocomplete("organization"),
    Field::new(F::JobTitle, S::You, Input::Text, FieldText::JobTitleLabel)
        .max(200)
        .autocomplete("organization-title"),
    Field::new(
        F::Region,
        S::You,
        Input::OneOf(REGIONS),
        FieldText::RegionLabel,
    ),
    Field::new(
        F::Status,
        S::You,
        Input::OneOf(STATUSES),
        FieldText::StatusLabel,
    ),
    // 2. Expertise
    Field::new(
        F::Domains,
        S::Expertise,
        Input::AnyOf(EXPERTISE_DOMAINS),
        FieldText::DomainsLabel,
    ),
    Field::new(
        F::Skills,
        S::Expertise,
        Input::AnyOf(SKILLS),
        FieldText::SkillsLabel,
    )
    .hint(FieldText::SkillsHint),
    Field::new(
        F::YearsExperience,
        S::Expertise,
        Input::Number { min: 0, max: 60 },
        FieldText::YearsExperienceLabel,
    )
    .max(2),
    Field::new(
        F::TeachingExperience,
        S::Expertise,
        Input::OneOf(TEACHING),
        FieldText::TeachingExperienceLabel,
    ),
    Field::new(F::Bio, S::Expertise, Input::LongText, FieldText::BioLabel)
        .max(1500)
        .hint(FieldText::BioHint),
    Field::new(
        F::Motivation,
        S::Expertise,
        Input::LongText,
        FieldText::MotivationLabel,
    )
    .max(1500)
    .hint(FieldText::MotivationHint),
    // 3. Proposal
    Field::new(
        F::ProposalKind,
        S::Proposal,
        Input::OneOf(PROPOSAL_KINDS),
        FieldText::ProposalKindLabel,
    ),
    Field::new(
        F::ExistingTitle,
        S::Proposal,
        Input::Text,
        FieldText::ExistingTitleLabel,
    )
    .max(150)
    .branch(ProposalKind::Existing)
    .similar()
    .hint(SIMILAR_HINT),
    Field::new(
        F::ExistingSummary,
        S::Proposal,
        Input::LongText,
        FieldText::ExistingSummaryLabel,
    )
    .max(1000)
    .branch(ProposalKind::Existing),
    Field::new(
        F::ExistingDomain,
        S::Proposal,
        Input::OneOf(EXPERTISE_DOMAINS),
        FieldText::ExistingDomainLabel,
    )
    .branch(ProposalKind::Existing),
    Field::new(
        F::ExistingFormat,
        S::Proposal,
        Input::OneOf(FORMATS),
        FieldText::ExistingFormatLabel,
    )
    .branch(ProposalKind::Existing),
    Field::new(
        F::ExistingDurationHours,
        S::Proposal,
        Input::Hours { min: 1, max: 200 },
        FieldText::ExistingDurationHoursLabel,
    )
    .max(10)
    .hint(FieldText::ExistingDurationHoursHint)
    .branch(ProposalKind::Existing),
    Field::new(
        F::ExistingAudience,
        S::Proposal,
        Input::AnyOf(AUDIENCES),
        FieldText::ExistingAudienceLabel,
    )
    .branch(ProposalKind::Existing),
    Field::new(
        F::ExistingLevel,
        S::Proposal,
        Input::OneOf(LEVELS),
        FieldText::ExistingLevelLabel,
    )
    .branch(ProposalKind::Existing),
    Field::new(
        F::ExistingObjectives,
        S::Proposal,
        Input::LongText,
        FieldText::ExistingObjectivesLabel,
    )
    .max(1000)
    .branch(ProposalKind::Existing),
    Field::new(
        F::ExistingMaterialUrl,
        S::Proposal,
        Input::Url,
        FieldText::ExistingMaterialUrlLabel,
    )
    .max(500)
    .optional()
    .branch(ProposalKind::Existing)
    .hint(FieldText::ExistingMaterialUrlHint),
    Field::new(
        F::IdeaTitle,
        S::Proposal,
        Input::Text,
        FieldText::IdeaTitleLabel,
    )
    .max(150)
    .branch(ProposalKind::Idea)
    .similar()
    .hint(SIMILAR_HINT),
    Field::new(
        F::IdeaNeed,
        S::Proposal,
        Input::LongText,
        FieldText::IdeaNeedLabel,
    )
    .max(1500)
    .branch(ProposalKind::Idea),
    Field::new(
        F::IdeaAudience,
        S::Proposal,
        Input::AnyOf(AUDIENCES),
        FieldText::IdeaAudienceLabel,
    )
    .branch(ProposalKind::Idea),
    Field::new(
        F::IdeaFormat,
        S::Proposal,
        Input::OneOf(FORMATS),
        FieldText::IdeaFormatLabel,
    )
    .branch(ProposalKind::Idea),
    Field::new(
        F::HelpTopic,
        S::Proposal,
        Input::Text,
        FieldText::HelpTopicLabel,
    )
    .max(150)
    .branch(ProposalKind::Help),
    Field::new(
        F::HelpNeeded,
        S::Proposal,
        Input::LongText,
        FieldText::HelpNeededLabel,
    )
    .max(1500)
    .branch(ProposalKind::Help),
    Field::new(
        F::HelpWhen,
        S::Proposal,
        Input::Text,
        FieldText::HelpWhenLabel,
    )
    .max(200)
    .branch(ProposalKind::Help)
    .hint(FieldText::HelpWhenHint),
    // 4. Availability
    Field::new(
        F::DaysPerYear,
        S::Availability,
        Input::Number { min: 1, max: 50 },
        FieldText::DaysPerYearLabel,
    )
    .max(2),
    Field::new(
        F::FormatsAccepted,
        S::Availability,
        Input::AnyOf(FORMATS),
        FieldText::FormatsAcceptedLabel,
    ),
    Field::new(
        F::RegionsAvailable,
        S::Availability,
        Input::AnyOf(REGIONS),
        FieldText::RegionsAvailableLabel,
    ),
    Field::new(
        F::Periods,
        S::Availability,
        Input::AnyOf(PERIODS),
        FieldText::PeriodsLabel,
    ),
    Field::new(
        F::ManagerInformed,
        S::Availability,
        Input::OneOf(YES_NO),
        FieldText::ManagerInformedLabel,
    ),
    // 5. Review: consent is a field like any other (validated for sending and
    // for downloading alike, and recorded as ticked).
    Field::new(F::Consent, S::Review, Input::Tick, FieldText::ConsentLabel),
];
