//! The trainer application form as data: its steps, their fields, which fields
//! are optional and how long answers may be. Views render this; validation and
//! the journey read it. Ids are stable (they are stored in drafts and sent in
//! payloads); labels live in `i18n`.

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
    pub fn value(self) -> &'static str {
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
}

/// A question of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// Stable id (draft key, payload key, HTML id).
    pub id: &'static str,
    /// The step it belongs to.
    pub step: StepId,
    /// How it is answered.
    pub input: Input,
    /// Whether it may be left empty (shown as "(facultatif)").
    pub optional: bool,
    /// Longest accepted answer, in characters (text inputs).
    pub max_len: usize,
    /// For proposal fields: the branch they belong to.
    pub branch: Option<ProposalKind>,
}

const fn field(
    id: &'static str,
    step: StepId,
    input: Input,
    optional: bool,
    max_len: usize,
) -> Field {
    Field {
        id,
        step,
        input,
        optional,
        max_len,
        branch: None,
    }
}

const fn branch(
    id: &'static str,
    kind: ProposalKind,
    input: Input,
    optional: bool,
    max_len: usize,
) -> Field {
    Field {
        id,
        step: StepId::Proposal,
        input,
        optional,
        max_len,
        branch: Some(kind),
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

/// Every field, in display order.
pub const FIELDS: &[Field] = &[
    // 1. You
    field("first_name", StepId::You, Input::Text, false, 100),
    field("last_name", StepId::You, Input::Text, false, 100),
    field("email", StepId::You, Input::Email, false, 254),
    field("phone", StepId::You, Input::Phone, true, 30),
    field(
        "administration",
        StepId::You,
        Input::OneOf(ADMINISTRATIONS),
        false,
        0,
    ),
    field("administration_other", StepId::You, Input::Text, true, 200),
    field("department", StepId::You, Input::Text, false, 200),
    field("job_title", StepId::You, Input::Text, false, 200),
    field("region", StepId::You, Input::OneOf(REGIONS), false, 0),
    field("status", StepId::You, Input::OneOf(STATUSES), false, 0),
    // 2. Expertise
    field(
        "domains",
        StepId::Expertise,
        Input::AnyOf(EXPERTISE_DOMAINS),
        false,
        0,
    ),
    field("skills", StepId::Expertise, Input::AnyOf(SKILLS), false, 0),
    field(
        "years_experience",
        StepId::Expertise,
        Input::Number { min: 0, max: 60 },
        false,
        2,
    ),
    field(
        "teaching_experience",
        StepId::Expertise,
        Input::OneOf(TEACHING),
        false,
        0,
    ),
    field("bio", StepId::Expertise, Input::LongText, false, 1500),
    field(
        "motivation",
        StepId::Expertise,
        Input::LongText,
        false,
        1500,
    ),
    // 3. Proposal
    field(
        "proposal_kind",
        StepId::Proposal,
        Input::OneOf(PROPOSAL_KINDS),
        false,
        0,
    ),
    branch(
        "existing_title",
        ProposalKind::Existing,
        Input::Text,
        false,
        150,
    ),
    branch(
        "existing_summary",
        ProposalKind::Existing,
        Input::LongText,
        false,
        1000,
    ),
    branch(
        "existing_domain",
        ProposalKind::Existing,
        Input::OneOf(EXPERTISE_DOMAINS),
        false,
        0,
    ),
    branch(
        "existing_format",
        ProposalKind::Existing,
        Input::OneOf(FORMATS),
        false,
        0,
    ),
    branch(
        "existing_duration_hours",
        ProposalKind::Existing,
        Input::Number { min: 1, max: 200 },
        false,
        3,
    ),
    branch(
        "existing_audience",
        ProposalKind::Existing,
        Input::AnyOf(AUDIENCES),
        false,
        0,
    ),
    branch(
        "existing_level",
        ProposalKind::Existing,
        Input::OneOf(LEVELS),
        false,
        0,
    ),
    branch(
        "existing_objectives",
        ProposalKind::Existing,
        Input::LongText,
        false,
        1000,
    ),
    branch(
        "existing_material_url",
        ProposalKind::Existing,
        Input::Url,
        true,
        500,
    ),
    branch("idea_title", ProposalKind::Idea, Input::Text, false, 150),
    branch(
        "idea_need",
        ProposalKind::Idea,
        Input::LongText,
        false,
        1500,
    ),
    branch(
        "idea_audience",
        ProposalKind::Idea,
        Input::AnyOf(AUDIENCES),
        false,
        0,
    ),
    branch(
        "idea_format",
        ProposalKind::Idea,
        Input::OneOf(FORMATS),
        false,
        0,
    ),
    branch("help_topic", ProposalKind::Help, Input::Text, false, 150),
    branch(
        "help_needed",
        ProposalKind::Help,
        Input::LongText,
        false,
        1500,
    ),
    branch("help_when", ProposalKind::Help, Input::Text, false, 200),
    // 4. Availability
    field(
        "days_per_year",
        StepId::Availability,
        Input::Number { min: 1, max: 50 },
        false,
        2,
    ),
    field(
        "formats_accepted",
        StepId::Availability,
        Input::AnyOf(FORMATS),
        false,
        0,
    ),
    field(
        "regions_available",
        StepId::Availability,
        Input::AnyOf(REGIONS),
        false,
        0,
    ),
    field(
        "periods",
        StepId::Availability,
        Input::AnyOf(PERIODS),
        false,
        0,
    ),
    field(
        "manager_informed",
        StepId::Availability,
        Input::OneOf(YES_NO),
        false,
        0,
    ),
];

/// The field with this id.
pub fn field_by_id(id: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.id == id)
}

/// The fields of `step`, in display order (all branches).
pub fn fields_of(step: StepId) -> impl Iterator<Item = &'static Field> {
    FIELDS.iter().filter(move |f| f.step == step)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_options_nonempty() {
        let mut ids: Vec<_> = FIELDS.iter().map(|f| f.id).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n);
        for f in FIELDS {
            match f.input {
                Input::OneOf(o) | Input::AnyOf(o) => assert!(!o.is_empty(), "{}", f.id),
                Input::Text | Input::Email | Input::Phone | Input::LongText | Input::Url => {
                    assert!(f.max_len > 0, "{}", f.id)
                }
                Input::Number { min, max } => assert!(min < max),
            }
        }
    }

    #[test]
    fn every_question_step_has_fields_and_slugs_round_trip() {
        for step in StepId::QUESTIONS {
            assert!(fields_of(step).count() > 0);
        }
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
}
