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
    noun: tr("demande", "request"),
    a_noun: tr("une demande", "a request"),
    title: Text::TitleRequest,
    intro: tr(
        "Le campus construit avec vous un programme adapté à votre équipe\u{a0}: décrivez votre besoin en deux étapes, l'équipe vous répond sous trois semaines. Votre brouillon est conservé dans ce navigateur.",
        "The campus builds with you a programme suited to your team: describe your need in two steps, the team answers within three weeks. Your draft is kept in this browser.",
    ),
    start: tr("Commencer ma demande", "Start my request"),
    resume: tr("Reprendre ma demande", "Resume my request"),
    submit: tr("Envoyer ma demande", "Send my request"),
    review_title: tr("Vérifiez votre demande", "Check your request"),
    sent_title: tr("Demande envoyée", "Request sent"),
    next_steps: tr(
        "Un membre de l'équipe du campus vous écrit sous trois semaines pour préciser votre besoin, proposer un programme et convenir des dates. Gardez votre numéro de référence.",
        "A member of the campus team will write to you within three weeks to clarify your need, propose a programme and agree on dates. Keep your reference number.",
    ),
    mail_subject: tr(
        "Demande de formation sur mesure {reference}",
        "Tailor-made programme request {reference}",
    ),
};

/// The sur-mesure request's fields, in display order.
pub const REQUEST_FIELDS: &[Field] = &[
    // 1. Who asks
    Field::new(F::RequesterFirstName, S::Requester, Input::Text, tr("Prénom", "First name"))
        .max(100)
        .autocomplete("given-name"),
    Field::new(F::RequesterLastName, S::Requester, Input::Text, tr("Nom", "Last name"))
        .max(100)
        .autocomplete("family-name"),
    Field::new(
        F::RequesterEmail,
        S::Requester,
        Input::Email,
        tr("Adresse électronique professionnelle", "Work email address"),
    )
    .max(254)
    .autocomplete("email")
    .hint(EMAIL_HINT),
    Field::new(F::RequesterPhone, S::Requester, Input::Phone, tr("Téléphone", "Phone"))
        .max(30)
        .optional()
        .autocomplete("tel")
        .hint(PHONE_HINT),
    Field::new(
        F::RequesterAdministration,
        S::Requester,
        Input::OneOf(ADMINISTRATIONS),
        tr("Administration", "Administration"),
    ),
    Field::new(
        F::RequesterAdministrationOther,
        S::Requester,
        Input::Text,
        tr("Nom de votre administration", "Name of your administration"),
    )
    .max(200)
    .when(Condition::Is(F::RequesterAdministration, "autre")),
    Field::new(
        F::RequesterRole,
        S::Requester,
        Input::Text,
        tr("Votre fonction", "Your position"),
    )
    .max(200)
    .autocomplete("organization-title")
    .hint(tr(
        "Par exemple\u{a0}: cheffe du bureau des systèmes d'information",
        "For example: head of the information systems office",
    )),
    // 2. The need
    Field::new(
        F::RequestCourse,
        S::Need,
        Input::Text,
        tr(
            "Formation ou programme du catalogue qui vous intéresse",
            "Catalogue course or programme you are interested in",
        ),
    )
    .max(200)
    .optional()
    .similar()
    .hint(tr(
        "Laissez vide pour un programme entièrement nouveau. Nous vous signalons les formations du catalogue qui y ressemblent.",
        "Leave empty for an entirely new programme. We show catalogue trainings that look similar.",
    )),
    Field::new(
        F::RequestNeed,
        S::Need,
        Input::LongText,
        tr("Décrivez votre besoin", "Describe your need"),
    )
    .max(2000)
    .hint(tr(
        "Le contexte de votre équipe, ce qu'elle doit savoir faire à l'issue du programme, les contraintes à connaître.",
        "Your team's context, what it should be able to do after the programme, the constraints to know about.",
    )),
    Field::new(
        F::RequestTeamSize,
        S::Need,
        Input::Number { min: 1, max: 1000 },
        tr("Nombre de personnes à former", "Number of people to train"),
    )
    .max(4),
    Field::new(
        F::RequestAudience,
        S::Need,
        Input::AnyOf(AUDIENCES),
        tr("Qui sont-elles\u{a0}?", "Who are they?"),
    ),
    Field::new(
        F::RequestFormat,
        S::Need,
        Input::OneOf(REQUEST_FORMATS),
        tr("Format souhaité", "Preferred format"),
    ),
    Field::new(
        F::RequestPeriods,
        S::Need,
        Input::AnyOf(PERIODS),
        tr("Période souhaitée", "Preferred period"),
    ),
    Field::new(
        F::RequestPlace,
        S::Need,
        Input::Text,
        tr("Lieu", "Place"),
    )
    .max(200)
    .optional()
    .hint(tr(
        "Pour une formation en présentiel\u{a0}: la ville ou le site de votre administration.",
        "For an in-person programme: the city or site of your administration.",
    )),
    // 3. Review
    Field::new(
        F::RequestConsent,
        S::Review,
        Input::Tick,
        tr(
            "J'accepte que mes réponses soient traitées par l'équipe du Campus du numérique public pour examiner ma demande.",
            "I agree that my answers are processed by the Campus du numérique public team to examine my request.",
        ),
    ),
];
