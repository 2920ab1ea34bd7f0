//! The trainer application form as data: its steps, their fields, and every
//! behaviour of a field — when it is shown, when it is required, its limits,
//! its label and hint, its browser autocomplete token, whether it looks up
//! similar catalogue courses. Views, validation, the journey and the payload
//! read this table; nothing else compares field ids. Adding a question is one
//! row here (plus, for a new option list, its option labels in `i18n`).
//!
//! Ids are stable: they are stored in drafts and sent in payloads.

use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

/// A step of the application, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StepId {
    /// Identity and administration.
    You,
    /// Domains, skills, experience, bio, motivation.
    Expertise,
    /// The proposal, branching on its kind.
    Proposal,
    /// Days, formats, regions, periods, manager informed.
    Availability,
    /// Check your answers, consent, submit.
    Review,
    /// Reference number and next steps.
    Confirmation,
}

impl StepId {
    /// Every step, in order.
    pub const ALL: [StepId; 6] = [
        StepId::You,
        StepId::Expertise,
        StepId::Proposal,
        StepId::Availability,
        StepId::Review,
        StepId::Confirmation,
    ];

    /// The steps that hold questions (shown in the step indicator).
    pub const QUESTIONS: [StepId; 4] = [
        StepId::You,
        StepId::Expertise,
        StepId::Proposal,
        StepId::Availability,
    ];

    /// URL segment (`#/candidature/{slug}`).
    pub fn slug(self) -> &'static str {
        match self {
            StepId::You => "vous",
            StepId::Expertise => "expertise",
            StepId::Proposal => "proposition",
            StepId::Availability => "disponibilites",
            StepId::Review => "verification",
            StepId::Confirmation => "confirmation",
        }
    }

    /// Parses a URL segment.
    pub fn from_slug(slug: &str) -> Option<StepId> {
        StepId::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// Declares [`FieldId`] with the stable string of each id (the only place that
/// spells them).
macro_rules! field_ids {
    ($( $variant:ident => $id:literal, )*) => {
        /// The typed id of a question. Its string form (`as_str`) is used only at
        /// the edges: storage, payload keys, HTML ids, URLs.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum FieldId {
            $(
                #[doc = concat!("`", $id, "`")]
                $variant,
            )*
        }

        impl FieldId {
            /// Every id, in declaration order.
            pub const ALL: &'static [FieldId] = &[$(FieldId::$variant,)*];

            /// The stable string id.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(FieldId::$variant => $id,)*
                }
            }

            /// Parses a stable string id.
            pub fn parse(s: &str) -> Option<FieldId> {
                match s {
                    $($id => Some(FieldId::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

field_ids! {
    FirstName => "first_name",
    LastName => "last_name",
    Email => "email",
    Phone => "phone",
    Administration => "administration",
    AdministrationOther => "administration_other",
    Department => "department",
    JobTitle => "job_title",
    Region => "region",
    Status => "status",
    Domains => "domains",
    Skills => "skills",
    YearsExperience => "years_experience",
    TeachingExperience => "teaching_experience",
    Bio => "bio",
    Motivation => "motivation",
    ProposalKind => "proposal_kind",
    ExistingTitle => "existing_title",
    ExistingSummary => "existing_summary",
    ExistingDomain => "existing_domain",
    ExistingFormat => "existing_format",
    ExistingDurationHours => "existing_duration_hours",
    ExistingAudience => "existing_audience",
    ExistingLevel => "existing_level",
    ExistingObjectives => "existing_objectives",
    ExistingMaterialUrl => "existing_material_url",
    IdeaTitle => "idea_title",
    IdeaNeed => "idea_need",
    IdeaAudience => "idea_audience",
    IdeaFormat => "idea_format",
    HelpTopic => "help_topic",
    HelpNeeded => "help_needed",
    HelpWhen => "help_when",
    DaysPerYear => "days_per_year",
    FormatsAccepted => "formats_accepted",
    RegionsAvailable => "regions_available",
    Periods => "periods",
    ManagerInformed => "manager_informed",
    Consent => "consent",
}

impl std::fmt::Display for FieldId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for FieldId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for FieldId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        FieldId::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown field {s}")))
    }
}

/// What the applicant proposes (step 3 branches on it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProposalKind {
    /// An existing training to add to the catalogue.
    Existing,
    /// An idea for a new programme.
    Idea,
    /// Help to build a training.
    Help,
}

impl ProposalKind {
    /// Every kind, in display order.
    pub const ALL: [ProposalKind; 3] = [
        ProposalKind::Existing,
        ProposalKind::Idea,
        ProposalKind::Help,
    ];

    /// Stable value (stored and submitted).
    pub const fn value(self) -> &'static str {
        match self {
            ProposalKind::Existing => "formation-existante",
            ProposalKind::Idea => "idee-programme",
            ProposalKind::Help => "aide-construction",
        }
    }

    /// Parses a stored value.
    pub fn from_value(v: &str) -> Option<ProposalKind> {
        ProposalKind::ALL.into_iter().find(|k| k.value() == v)
    }
}

/// How a field is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// One line of text.
    Text,
    /// An email address.
    Email,
    /// A phone number.
    Phone,
    /// Several lines of text.
    LongText,
    /// A whole number within bounds.
    Number {
        /// Smallest accepted value.
        min: u32,
        /// Largest accepted value.
        max: u32,
    },
    /// One of `options` (radio buttons, or a select when long).
    OneOf(&'static [&'static str]),
    /// Any of `options` (checkboxes).
    AnyOf(&'static [&'static str]),
    /// An absolute http(s) link.
    Url,
    /// A single box to tick (consent); ticked is stored as [`TICKED`].
    Tick,
}

/// The stored value of a ticked [`Input::Tick`] box.
pub const TICKED: &str = "oui";

/// When a field is shown, or required: a condition on the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// Always.
    Always,
    /// Never (for `required_when`: the question is optional).
    Never,
    /// When the single-choice answer of the field is this value.
    Is(FieldId, &'static str),
}

/// A text in both languages, in the field table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    /// French.
    pub fr: &'static str,
    /// English.
    pub en: &'static str,
}

impl Tr {
    /// The text in `l`.
    pub fn get(self, l: Locale) -> &'static str {
        match l {
            Locale::Fr => self.fr,
            Locale::En => self.en,
        }
    }
}

const fn tr(fr: &'static str, en: &'static str) -> Tr {
    Tr { fr, en }
}

/// A question of the form, with all its behaviour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// Stable id (draft key, payload key, HTML id).
    pub id: FieldId,
    /// The step it belongs to.
    pub step: StepId,
    /// How it is answered.
    pub input: Input,
    /// When it is asked (a field not shown is neither checked nor sent).
    pub shown_when: Condition,
    /// When an answer is required (while shown). `Never`: "(facultatif)".
    pub required_when: Condition,
    /// Longest accepted answer, in characters (text inputs).
    pub max_len: usize,
    /// The question.
    pub label: Tr,
    /// Help under the question.
    pub hint: Option<Tr>,
    /// The HTML `autocomplete` token (`None`: `off`).
    pub autocomplete: Option<&'static str>,
    /// Whether typing here lists similar catalogue courses.
    pub similar_courses: bool,
}

impl Field {
    const fn new(id: FieldId, step: StepId, input: Input, label: Tr) -> Field {
        Field {
            id,
            step,
            input,
            shown_when: Condition::Always,
            required_when: Condition::Always,
            max_len: 0,
            label,
            hint: None,
            autocomplete: None,
            similar_courses: false,
        }
    }
    const fn max(self, max_len: usize) -> Field {
        Field { max_len, ..self }
    }
    const fn optional(self) -> Field {
        Field {
            required_when: Condition::Never,
            ..self
        }
    }
    const fn when(self, shown_when: Condition) -> Field {
        Field { shown_when, ..self }
    }
    const fn branch(self, kind: ProposalKind) -> Field {
        self.when(Condition::Is(FieldId::ProposalKind, kind.value()))
    }
    const fn hint(self, hint: Tr) -> Field {
        Field {
            hint: Some(hint),
            ..self
        }
    }
    const fn autocomplete(self, token: &'static str) -> Field {
        Field {
            autocomplete: Some(token),
            ..self
        }
    }
    const fn similar(self) -> Field {
        Field {
            similar_courses: true,
            ..self
        }
    }

    /// Whether the question may be left empty whatever the answers ("(facultatif)").
    pub fn is_optional(&self) -> bool {
        self.required_when == Condition::Never
    }
}
/// Ministries and public bodies offered in the administration list.
pub const ADMINISTRATIONS: &[&str] = &[
    "premier-ministre",
    "armees",
    "culture",
    "economie-finances",
    "education-nationale",
    "enseignement-superieur-recherche",
    "europe-affaires-etrangeres",
    "interieur",
    "justice",
    "sante-solidarites",
    "transition-ecologique",
    "travail-emploi",
    "agriculture",
    "sports",
    "collectivite-territoriale",
    "etablissement-public",
    "autre",
];

/// French regions (and abroad) for the applicant and the places they can train.
pub const REGIONS: &[&str] = &[
    "auvergne-rhone-alpes",
    "bourgogne-franche-comte",
    "bretagne",
    "centre-val-de-loire",
    "corse",
    "grand-est",
    "hauts-de-france",
    "ile-de-france",
    "normandie",
    "nouvelle-aquitaine",
    "occitanie",
    "pays-de-la-loire",
    "provence-alpes-cote-d-azur",
    "outre-mer",
];

/// The 9 catalogue domains plus artificial intelligence.
pub const EXPERTISE_DOMAINS: &[&str] = &[
    "agilite-produit",
    "communs-logiciels-libres",
    "cybersecurite",
    "data",
    "design-accessibilite",
    "environnement-numerique-travail",
    "numerique-responsable",
    "cloud-infrastructures",
    "transformation-numerique",
    "intelligence-artificielle",
];

/// Skills the 2025 call seeks.
pub const SKILLS: &[&str] = &[
    "coaching-produit",
    "deploiement-produits",
    "ia",
    "design",
    "data",
    "autre",
];
/// Employment status.
pub const STATUSES: &[&str] = &["titulaire", "contractuel", "autre"];
/// Teaching experience.
pub const TEACHING: &[&str] = &["aucune", "occasionnelle", "reguliere"];
/// Training formats.
pub const FORMATS: &[&str] = &["e-learning", "distanciel", "presentiel", "hybride"];
/// Audiences.
pub const AUDIENCES: &[&str] = &[
    "tous-agents",
    "agents-numerique",
    "managers",
    "cadres-dirigeants",
];
/// Levels.
pub const LEVELS: &[&str] = &["decouverte", "intermediaire", "expert"];
/// Periods of the year.
pub const PERIODS: &[&str] = &["t1", "t2", "t3", "t4"];
/// Yes / no.
pub const YES_NO: &[&str] = &["oui", "non"];
/// Proposal kinds (values of [`ProposalKind`]).
pub const PROPOSAL_KINDS: &[&str] = &["formation-existante", "idee-programme", "aide-construction"];

use FieldId as F;
use StepId as S;

/// Every field, in display order.
pub const FIELDS: &[Field] = &[
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
    .hint(tr(
        "Par exemple : prenom.nom@ministere.gouv.fr",
        "For example: firstname.lastname@ministry.gouv.fr",
    )),
    Field::new(F::Phone, S::You, Input::Phone, tr("Téléphone", "Phone"))
        .max(30)
        .optional()
        .autocomplete("tel")
        .hint(tr(
            "Par exemple : 01 23 45 67 89",
            "For example: +33 1 23 45 67 89",
        )),
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
        "Votre expertise technique : projets, responsabilités, réalisations.",
        "Your technical expertise: projects, responsibilities, achievements.",
    )),
    Field::new(
        F::Motivation,
        S::Expertise,
        Input::LongText,
        tr(
            "Pourquoi souhaitez-vous former vos collègues ?",
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
        tr("Que proposez-vous ?", "What do you propose?"),
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
        Input::Number { min: 1, max: 200 },
        tr("Durée (en heures)", "Duration (hours)"),
    )
    .max(3)
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
            "À quel besoin répond ce programme ?",
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
        tr("De quelle aide avez-vous besoin ?", "What help do you need?"),
    )
    .max(1500)
    .branch(ProposalKind::Help),
    Field::new(
        F::HelpWhen,
        S::Proposal,
        Input::Text,
        tr("Pour quand ?", "By when?"),
    )
    .max(200)
    .branch(ProposalKind::Help)
    .hint(tr(
        "Par exemple : premier semestre 2027",
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
            "Votre responsable hiérarchique est-il informé ?",
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

const SIMILAR_HINT: Tr = tr(
    "Nous vous signalons les formations du catalogue qui y ressemblent.",
    "We show catalogue trainings that look similar.",
);

/// The row of the field table for `id`.
pub fn field(id: FieldId) -> &'static Field {
    // Every id has exactly one row (checked by a test), so the lookup cannot fail;
    // the fallback keeps this total without a panic path.
    FIELDS.iter().find(|f| f.id == id).unwrap_or(&FIELDS[0])
}

/// The field with this string id (edges only: URLs, stored data).
pub fn field_by_str(id: &str) -> Option<&'static Field> {
    FieldId::parse(id).map(field)
}

/// The fields of `step`, in display order (all branches).
pub fn fields_of(step: StepId) -> impl Iterator<Item = &'static Field> {
    FIELDS.iter().filter(move |f| f.step == step)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_has_exactly_one_row_and_rows_are_well_formed() {
        for id in FieldId::ALL {
            assert_eq!(FIELDS.iter().filter(|f| f.id == *id).count(), 1, "{id}");
            assert_eq!(FieldId::parse(id.as_str()), Some(*id));
            assert_eq!(field(*id).id, *id);
        }
        assert_eq!(FIELDS.len(), FieldId::ALL.len());
        for f in FIELDS {
            assert!(!f.label.fr.is_empty() && !f.label.en.is_empty(), "{}", f.id);
            match f.input {
                Input::OneOf(o) | Input::AnyOf(o) => assert!(!o.is_empty(), "{}", f.id),
                Input::Text | Input::Email | Input::Phone | Input::LongText | Input::Url => {
                    assert!(f.max_len > 0, "{}", f.id)
                }
                Input::Number { min, max } => assert!(min < max),
                Input::Tick => {}
            }
            // A condition names a single-choice field of an earlier or the same
            // step, with one of its options.
            for c in [f.shown_when, f.required_when] {
                if let Condition::Is(on, value) = c {
                    let target = field(on);
                    assert!(target.step <= f.step, "{}", f.id);
                    match target.input {
                        Input::OneOf(options) => assert!(options.contains(&value), "{}", f.id),
                        _ => panic!("{} depends on a non single-choice field", f.id),
                    }
                }
            }
        }
        assert_eq!(field_by_str("nope"), None);
    }

    #[test]
    fn every_question_step_has_fields_and_slugs_round_trip() {
        for step in StepId::QUESTIONS {
            assert!(fields_of(step).count() > 0);
        }
        assert_eq!(
            fields_of(StepId::Review).map(|f| f.id).collect::<Vec<_>>(),
            [FieldId::Consent]
        );
        for step in StepId::ALL {
            assert_eq!(StepId::from_slug(step.slug()), Some(step));
        }
        for kind in ProposalKind::ALL {
            assert_eq!(ProposalKind::from_value(kind.value()), Some(kind));
            assert!(PROPOSAL_KINDS.contains(&kind.value()));
        }
    }

    #[test]
    fn expertise_domains_are_the_catalogue_nine_plus_ai() {
        assert_eq!(EXPERTISE_DOMAINS.len(), 10);
        assert!(EXPERTISE_DOMAINS.contains(&"intelligence-artificielle"));
    }

    #[test]
    fn field_ids_serialise_as_their_stable_strings() {
        assert_eq!(
            serde_json::to_string(&FieldId::AdministrationOther).unwrap(),
            "\"administration_other\""
        );
        assert!(serde_json::from_str::<FieldId>("\"bogus\"").is_err());
    }
}
