//! The option lists of the forms' choice questions (ids; their labels are
//! `application::labels::option_label`'s).

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

/// Formats a manager may ask for (an e-learning course is not made to measure).
pub const REQUEST_FORMATS: &[&str] = &["distanciel", "presentiel", "hybride", "indifferent"];
