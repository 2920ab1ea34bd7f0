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
    noun: tr("candidature", "application"),
    a_noun: tr("une candidature", "an application"),
    title: Text::TitleApplication,
    intro: tr(
        "Le formulaire de candidature se remplit en plusieurs étapes\u{a0}; votre brouillon est conservé dans ce navigateur.",
        "The application form has several steps; your draft is kept in this browser.",
    ),
    start: tr("Commencer ma candidature", "Start my application"),
    resume: tr("Reprendre ma candidature", "Resume my application"),
    submit: tr("Envoyer ma candidature", "Send my application"),
    review_title: tr("Vérifiez votre candidature", "Check your application"),
    sent_title: tr("Candidature envoyée", "Application sent"),
    next_steps: tr(
        "L'équipe du campus examine chaque candidature au regard de l'expertise technique, de l'expérience de formation et de l'engagement pour la transformation numérique de l'État. Vous recevrez une réponse par courriel sous un mois. Gardez votre numéro de référence.",
        "The campus team examines each application on technical expertise, training experience and commitment to the State's digital transformation. You will get an answer by email within a month. Keep your reference number.",
    ),
    mail_subject: tr(
        "Candidature formateur bénévole {reference}",
        "Volunteer trainer application {reference}",
    ),
};

/// The trainer application's fields, in display order.
pub const TRAINER_FIELDS: &[Field] = &[
    // 1. You
    Field::new(F::FirstName, S::You, Input::Text, tr("Prénom", "First name"))
        .max(100)
        .autocomplete("given-name"),
    Field::new(F::LastName, S::You, Input::Text, tr("Nom", "Last name"))
        .max(100)
        .autocomplete("family-name"),
    Field::new(
        F::Email,
        S::You,
        Input::Email,
        tr("Adresse électronique professionnelle", "Work email address"),
    )
    .max(254)
    .autocomplete("email")
    .hint(EMAIL_HINT),
    Field::new(F::Phone, S::You, Input::Phone, tr("Téléphone", "Phone"))
        .max(30)
        .optional()
        .autocomplete("tel")
        .hint(PHONE_HINT),
    Field::new(
        F::Administration,
        S::You,
        Input::OneOf(ADMINISTRATIONS),
        tr("Administration", "Administration"),
    ),
    Field::new(
        F::AdministrationOther,
        S::You,
        Input::Text,
        tr("Nom de votre administration", "Name of your administration"),
    )
    .max(200)
    .when(Condition::Is(F::Administration, "autre")),
    Field::new(
        F::Department,
        S::You,
        Input::Text,
        tr("Direction ou service", "Directorate or department"),
    )
    .max(200)
    .autocomplete("organization"),
    Field::new(
        F::JobTitle,
        S::You,
        Input::Text,
        tr("Intitulé de poste", "Job title"),
    )
    .max(200)
    .autocomplete("organization-title"),
    Field::new(
        F::Region,
        S::You,
        Input::OneOf(REGIONS),
        tr("Région d'affectation", "Region where you work"),
    ),
    Field::new(
        F::Status,
        S::You,
        Input::OneOf(STATUSES),
        tr("Statut", "Employment status"),
    ),
    // 2. Expertise
    Field::new(
        F::Domains,
        S::Expertise,
        Input::AnyOf(EXPERTISE_DOMAINS),
        tr("Domaines d'expertise", "Fields of expertise"),
    ),
    Field::new(
        F::Skills,
        S::Expertise,
        Input::AnyOf(SKILLS),
        tr("Compétences que vous pouvez transmettre", "Skills you can teach"),
    )
    .hint(tr(
        "Le campus recherche en priorité du coaching produit, du déploiement de produits numériques, de l'IA, du design et de la data.",
        "The campus is looking first for product coaching, digital product deployment, AI, design and data.",
    )),
    Field::new(
        F::YearsExperience,
        S::Expertise,
        Input::Number { min: 0, max: 60 },
        tr(
            "Années d'expérience dans ces domaines",
            "Years of experience in these fields",
        ),
    )
    .max(2),
    Field::new(
        F::TeachingExperience,
        S::Expertise,
        Input::OneOf(TEACHING),
        tr("Expérience de formation", "Training experience"),
    ),
    Field::new(
        F::Bio,
        S::Expertise,
        Input::LongText,
        tr("Présentez votre parcours", "Describe your background"),
    )
    .max(1500)
    .hint(tr(
        "Votre expertise technique\u{a0}: projets, responsabilités, réalisations.",
        "Your technical expertise: projects, responsibilities, achievements.",
    )),
    Field::new(
        F::Motivation,
        S::Expertise,
        Input::LongText,
        tr(
            "Pourquoi souhaitez-vous former vos collègues\u{a0}?",
            "Why do you want to train your colleagues?",
        ),
    )
    .max(1500)
    .hint(tr(
        "Votre engagement pour la transformation numérique de l'État.",
        "Your commitment to the State's digital transformation.",
    )),
    // 3. Proposal
    Field::new(
        F::ProposalKind,
        S::Proposal,
        Input::OneOf(PROPOSAL_KINDS),
        tr("Que proposez-vous\u{a0}?", "What do you propose?"),
    ),
    Field::new(F::ExistingTitle, S::Proposal, Input::Text, tr("Titre", "Title"))
        .max(150)
        .branch(ProposalKind::Existing)
        .similar()
        .hint(SIMILAR_HINT),
    Field::new(
        F::ExistingSummary,
        S::Proposal,
        Input::LongText,
        tr("Résumé", "Summary"),
    )
    .max(1000)
    .branch(ProposalKind::Existing),
    Field::new(
        F::ExistingDomain,
        S::Proposal,
        Input::OneOf(EXPERTISE_DOMAINS),
        tr("Domaine", "Field"),
    )
    .branch(ProposalKind::Existing),
    Field::new(
        F::ExistingFormat,
        S::Proposal,
        Input::OneOf(FORMATS),
        tr("Format", "Format"),
    )
    .branch(ProposalKind::Existing),
    Field::new(
        F::ExistingDurationHours,
        S::Proposal,
        Input::Hours { min: 1, max: 200 },
        tr("Durée (en heures)", "Duration (hours)"),
    )
    .max(10)
    .hint(tr(
        "Par exemple\u{a0}: 7, 3,5 ou 3\u{a0}h\u{a0}30",
        "For example: 7, 3.5 or 3 h 30",
    ))
    .branch(ProposalKind::Existing),
    Field::new(
        F::ExistingAudience,
        S::Proposal,
        Input::AnyOf(AUDIENCES),
        tr("Public", "Audience"),
    )
    .branch(ProposalKind::Existing),
    Field::new(
        F::ExistingLevel,
        S::Proposal,
        Input::OneOf(LEVELS),
        tr("Niveau", "Level"),
    )
    .branch(ProposalKind::Existing),
    Field::new(
        F::ExistingObjectives,
        S::Proposal,
        Input::LongText,
        tr("Objectifs pédagogiques", "Learning objectives"),
    )
    .max(1000)
    .branch(ProposalKind::Existing),
    Field::new(
        F::ExistingMaterialUrl,
        S::Proposal,
        Input::Url,
        tr("Lien vers le support", "Link to the material"),
    )
    .max(500)
    .optional()
    .branch(ProposalKind::Existing)
    .hint(tr(
        "Adresse commençant par https://",
        "Address starting with https://",
    )),
    Field::new(F::IdeaTitle, S::Proposal, Input::Text, tr("Titre", "Title"))
        .max(150)
        .branch(ProposalKind::Idea)
        .similar()
        .hint(SIMILAR_HINT),
    Field::new(
        F::IdeaNeed,
        S::Proposal,
        Input::LongText,
        tr(
            "À quel besoin répond ce programme\u{a0}?",
            "What need does this programme answer?",
        ),
    )
    .max(1500)
    .branch(ProposalKind::Idea),
    Field::new(
        F::IdeaAudience,
        S::Proposal,
        Input::AnyOf(AUDIENCES),
        tr("Public", "Audience"),
    )
    .branch(ProposalKind::Idea),
    Field::new(
        F::IdeaFormat,
        S::Proposal,
        Input::OneOf(FORMATS),
        tr("Format", "Format"),
    )
    .branch(ProposalKind::Idea),
    Field::new(
        F::HelpTopic,
        S::Proposal,
        Input::Text,
        tr("Sujet de la formation", "Topic of the training"),
    )
    .max(150)
    .branch(ProposalKind::Help),
    Field::new(
        F::HelpNeeded,
        S::Proposal,
        Input::LongText,
        tr("De quelle aide avez-vous besoin\u{a0}?", "What help do you need?"),
    )
    .max(1500)
    .branch(ProposalKind::Help),
    Field::new(
        F::HelpWhen,
        S::Proposal,
        Input::Text,
        tr("Pour quand\u{a0}?", "By when?"),
    )
    .max(200)
    .branch(ProposalKind::Help)
    .hint(tr(
        "Par exemple\u{a0}: premier semestre 2027",
        "For example: first half of 2027",
    )),
    // 4. Availability
    Field::new(
        F::DaysPerYear,
        S::Availability,
        Input::Number { min: 1, max: 50 },
        tr("Jours disponibles par an", "Days available per year"),
    )
    .max(2),
    Field::new(
        F::FormatsAccepted,
        S::Availability,
        Input::AnyOf(FORMATS),
        tr("Formats acceptés", "Formats you accept"),
    ),
    Field::new(
        F::RegionsAvailable,
        S::Availability,
        Input::AnyOf(REGIONS),
        tr(
            "Régions où vous pouvez intervenir",
            "Regions where you can train",
        ),
    ),
    Field::new(
        F::Periods,
        S::Availability,
        Input::AnyOf(PERIODS),
        tr("Périodes", "Periods"),
    ),
    Field::new(
        F::ManagerInformed,
        S::Availability,
        Input::OneOf(YES_NO),
        tr(
            "Votre responsable hiérarchique est-il informé\u{a0}?",
            "Is your line manager informed?",
        ),
    ),
    // 5. Review: consent is a field like any other (validated for sending and
    // for downloading alike, and recorded as ticked).
    Field::new(
        F::Consent,
        S::Review,
        Input::Tick,
        tr(
            "J'accepte que mes réponses soient traitées par l'équipe du Campus du numérique public pour examiner ma candidature.",
            "I agree that my answers are processed by the Campus du numérique public team to examine my application.",
        ),
    ),
];
