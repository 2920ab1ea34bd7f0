//! Test fixtures of the application form, shared by the native tests.

use super::answers::Answers;
use super::form::{FieldId as F, ProposalKind, TICKED};

/// A complete, valid application on the `kind` branch, consent ticked.
pub fn complete_answers(kind: ProposalKind) -> Answers {
    let mut a = Answers::default();
    let branch: &[(F, &str)] = match kind {
        ProposalKind::Existing => &[
            (F::ExistingTitle, "Accessibilité des démarches en ligne"),
            (F::ExistingSummary, "Rendre une démarche conforme au RGAA."),
            (F::ExistingDomain, "design-accessibilite"),
            (F::ExistingFormat, "distanciel"),
            (F::ExistingDurationHours, "7"),
            (F::ExistingLevel, "intermediaire"),
            (F::ExistingObjectives, "Auditer, corriger, déclarer."),
        ],
        ProposalKind::Idea => &[
            (F::IdeaTitle, "La data pour les managers"),
            (F::IdeaNeed, "Piloter avec des indicateurs."),
            (F::IdeaFormat, "hybride"),
        ],
        ProposalKind::Help => &[
            (F::HelpTopic, "Accessibilité"),
            (F::HelpNeeded, "Structurer un module."),
            (F::HelpWhen, "Printemps 2027"),
        ],
    };
    for (k, v) in [
        (F::FirstName, "Camille"),
        (F::LastName, "Martin"),
        (F::Email, "camille.martin@interieur.gouv.fr"),
        (F::Administration, "interieur"),
        (F::Department, "DNUM"),
        (F::JobTitle, "Cheffe de produit"),
        (F::Region, "bretagne"),
        (F::Status, "titulaire"),
        (F::YearsExperience, "8"),
        (F::TeachingExperience, "occasionnelle"),
        (F::Bio, "Dix ans de projets numériques."),
        (F::Motivation, "Transmettre."),
        (F::ProposalKind, kind.value()),
        (F::DaysPerYear, "5"),
        (F::ManagerInformed, "oui"),
        (F::Consent, TICKED),
    ]
    .iter()
    .chain(branch)
    {
        a.set_text(*k, v);
    }
    let audience = match kind {
        ProposalKind::Existing => Some(F::ExistingAudience),
        ProposalKind::Idea => Some(F::IdeaAudience),
        ProposalKind::Help => None,
    };
    for (k, v) in [
        (F::Domains, "design-accessibilite"),
        (F::Skills, "design"),
        (F::FormatsAccepted, "distanciel"),
        (F::RegionsAvailable, "bretagne"),
        (F::Periods, "t2"),
    ]
    .into_iter()
    .chain(audience.map(|f| (f, "managers")))
    {
        a.toggle_choice(k, v, &[]);
    }
    a
}

/// A complete, valid sur-mesure request, consent ticked.
pub fn complete_request() -> Answers {
    let mut a = Answers::default();
    for (k, v) in [
        (F::RequesterFirstName, "Dominique"),
        (F::RequesterLastName, "Lefèvre"),
        (F::RequesterEmail, "dominique.lefevre@culture.gouv.fr"),
        (F::RequesterAdministration, "culture"),
        (
            F::RequesterRole,
            "Cheffe du bureau des systèmes d'information",
        ),
        (F::RequestNeed, "Former l'équipe à la conduite de produit."),
        (F::RequestTeamSize, "12"),
        (F::RequestFormat, "presentiel"),
        (F::RequestPlace, "Paris"),
        (F::RequestConsent, TICKED),
    ] {
        a.set_text(k, v);
    }
    a.0.insert(
        F::RequestAudience,
        super::answers::Answer::Choices(vec!["managers".into()]),
    );
    a.0.insert(
        F::RequestPeriods,
        super::answers::Answer::Choices(vec!["t2".into(), "t3".into()]),
    );
    a
}
