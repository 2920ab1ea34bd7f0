//! The columns table: every sheet of the template, its columns with their
//! French header, the other headers read as them (the present site's export),
//! the contract field each fills, and the help the « Mode d'emploi » sheet
//! gives. The importer, the exporter and the guide all read this one table.

use campus_core::catalogue::text::fold;

/// What a column fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    // Formations.
    /// `id`.
    Id,
    /// `kind`.
    Kind,
    /// `title`.
    Title,
    /// `summary`.
    Summary,
    /// `description`.
    Description,
    /// `domains`.
    Domains,
    /// `level`.
    Level,
    /// `audience`.
    Audience,
    /// `format`.
    Format,
    /// `duration_hours`.
    Duration,
    /// `provider`.
    Provider,
    /// `free`.
    Free,
    /// `price`.
    Price,
    /// `eligibility`.
    Eligibility,
    /// `languages`.
    Languages,
    /// `objectives`.
    Objectives,
    /// `prerequisites`.
    Prerequisites,
    /// `modules`.
    Modules,
    /// `url` (or `contact`, for a `mailto:` link).
    Url,
    /// `contact`.
    Contact,
    /// `access_url`.
    AccessUrl,
    /// A column of the present site's export with no place in the contract.
    Ignored,
    // Sessions.
    /// Session `id`.
    SessionId,
    /// The course a session belongs to.
    SessionCourse,
    /// `start`.
    Start,
    /// `end`.
    End,
    /// Session `format`.
    SessionFormat,
    /// `location.city`.
    City,
    /// `location.region`.
    Region,
    /// `seats_left`.
    Seats,
    /// `registration_url`.
    Registration,
    // Domaines.
    /// Domain `id`.
    DomainId,
    /// Domain `label`.
    DomainLabel,
    /// Domain `description`.
    DomainDescription,
    // Appel à formateurs.
    /// `trainer_call.open`.
    CallOpen,
    /// `trainer_call.year`.
    CallYear,
    /// `trainer_call.deadline`.
    CallDeadline,
    /// `trainer_call.title`.
    CallTitle,
    /// `trainer_call.sought_skills`.
    CallSkills,
    // Synonymes.
    /// One group of `synonyms`.
    SynonymTerms,
    // Chiffres clés.
    /// `figures[].value`.
    FigureValue,
    /// `figures[].label`.
    FigureLabel,
    // Catalogue.
    /// `updated`.
    Updated,
}

/// The values a column accepts, for the guide and the drop-down lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choices {
    /// Free text.
    Free,
    /// One kind.
    Kind,
    /// One level.
    Level,
    /// Audiences (several, separated by commas).
    Audience,
    /// One format.
    Format,
    /// Oui or Non.
    YesNo,
    /// Domain labels (several, separated by commas).
    Domains,
    /// Languages (several, separated by commas).
    Languages,
}

/// One column of a sheet.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// What it fills.
    pub field: Field,
    /// Its header in the template.
    pub header: &'static str,
    /// Other headers read as this column.
    pub aliases: &'static [&'static str],
    /// What the guide says of it.
    pub help: &'static str,
    /// What it accepts.
    pub choices: Choices,
    /// Whether the template writes it (a column of the present export only is not).
    pub in_template: bool,
}

const fn col(field: Field, header: &'static str, help: &'static str) -> Column {
    Column {
        field,
        header,
        aliases: &[],
        help,
        choices: Choices::Free,
        in_template: true,
    }
}

const fn choice(
    field: Field,
    header: &'static str,
    choices: Choices,
    help: &'static str,
) -> Column {
    Column {
        field,
        header,
        aliases: &[],
        help,
        choices,
        in_template: true,
    }
}

const fn also(mut c: Column, aliases: &'static [&'static str]) -> Column {
    c.aliases = aliases;
    c
}

/// Which table a sheet is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetId {
    /// The courses.
    Courses,
    /// Their sessions.
    Sessions,
    /// The domains.
    Domains,
    /// The call for trainers (one row).
    Call,
    /// Search synonyms.
    Synonyms,
    /// Key figures.
    Figures,
    /// The catalogue's date (one row).
    Catalogue,
}

/// One sheet of the template.
#[derive(Debug, Clone, Copy)]
pub struct SheetSpec {
    /// Which table.
    pub id: SheetId,
    /// Its name in the template.
    pub name: &'static str,
    /// Other names read as it.
    pub aliases: &'static [&'static str],
    /// What the guide says of it.
    pub help: &'static str,
    /// Its columns, in the template's order.
    pub columns: &'static [Column],
    /// Whether it holds a single data row.
    pub single_row: bool,
}

/// The courses.
pub const COURSES: &[Column] = &[
    col(
        Field::Id,
        "Identifiant",
        "Identifiant stable de la formation, utilisé dans son adresse (formation/identifiant/)\u{a0}: lettres minuscules sans accent, chiffres et tirets. Laissez vide pour une nouvelle formation\u{a0}: il est tiré de l'intitulé. Ne le changez plus ensuite (les liens existants en dépendent).",
    ),
    choice(
        Field::Kind,
        "Type",
        Choices::Kind,
        "Parcours (une suite de modules), Module (une formation) ou Sur mesure (un programme construit pour une administration). Les types du site actuel sont lus\u{a0}: Formation, Séminaire et Université d'été deviennent Module\u{a0}; Parcours, Cycle et Programme deviennent Parcours.",
    ),
    col(Field::Title, "Intitulé", "Obligatoire. Le titre de la formation, tel qu'il s'affiche."),
    col(
        Field::Summary,
        "Descriptif court",
        "Une phrase qui dit ce que l'on y apprend (affichée sur les cartes du catalogue).",
    ),
    col(
        Field::Description,
        "Description",
        "Le texte de la page de la formation\u{a0}: texte simple, paragraphes séparés par une ligne vide.",
    ),
    also(
        choice(
            Field::Domains,
            "Thématiques",
            Choices::Domains,
            "Obligatoire. Les thématiques de la formation, la principale d'abord, séparées par des virgules\u{a0}: les libellés (ou identifiants) de la feuille Domaines. Une thématique inconnue est une erreur.",
        ),
        &["Thématique", "Domaines", "Domaine"],
    ),
    choice(
        Field::Level,
        "Niveau",
        Choices::Level,
        "Découverte, Intermédiaire ou Expert. Vide\u{a0}: Découverte.",
    ),
    choice(
        Field::Audience,
        "Public cible",
        Choices::Audience,
        "Tous les agents, Agents du numérique, Managers, Cadres dirigeants\u{a0}: une ou plusieurs valeurs séparées par des virgules. Vide\u{a0}: Tous les agents.",
    ),
    choice(
        Field::Format,
        "Modalité",
        Choices::Format,
        "E-learning (en autonomie), À distance, En présentiel ou Hybride. Du site actuel\u{a0}: «\u{a0}En ligne\u{a0}» devient À distance, «\u{a0}En ligne, Présentiel\u{a0}» Hybride. Vide\u{a0}: À distance.",
    ),
    col(
        Field::Duration,
        "Durée",
        "En heures («\u{a0}3 h 30\u{a0}»), en minutes («\u{a0}90\u{a0}», ou «\u{a0}45 min\u{a0}») ou en jours («\u{a0}2 jours\u{a0}», «\u{a0}une demi-journée\u{a0}»)\u{a0}: un jour compte 7 heures, une demi-journée 3 h 30.",
    ),
    also(
        col(
            Field::Provider,
            "Organisateurs",
            "Qui dispense la formation (plusieurs séparés par des virgules). Vide\u{a0}: Campus du numérique public.",
        ),
        &["Organisateur", "Organisme"],
    ),
    choice(
        Field::Free,
        "Gratuit",
        Choices::YesNo,
        "Oui ou Non. Vide\u{a0}: Oui. Une formation payante indique son prix.",
    ),
    col(
        Field::Price,
        "Prix",
        "Le prix tel qu'il doit se lire, 120 caractères au plus («\u{a0}390 € par participant\u{a0}»).",
    ),
    col(
        Field::Eligibility,
        "Conditions d'accès",
        "Qui peut s'inscrire (ou demander un programme sur mesure), 300 caractères au plus.",
    ),
    also(
        choice(
            Field::Languages,
            "Langues",
            Choices::Languages,
            "Les langues dans lesquelles la formation est dispensée, séparées par des virgules\u{a0}: Français, Anglais, Allemand, Espagnol, Italien (ou fr, en, de, es, it). Vide\u{a0}: Français.",
        ),
        &["Langue", "Langue d'enseignement", "Langues d'enseignement", "Languages", "Language"],
    ),
    col(
        Field::Objectives,
        "Objectifs",
        "Les objectifs pédagogiques, un par ligne dans la cellule (Ctrl+Entrée dans LibreOffice, Alt+Entrée dans Excel).",
    ),
    col(
        Field::Prerequisites,
        "Prérequis",
        "Les prérequis, un par ligne dans la cellule.",
    ),
    also(
        col(
            Field::Modules,
            "Modules du parcours",
            "Pour un Parcours seulement\u{a0}: les identifiants de ses modules, dans l'ordre, séparés par des virgules. Chacun doit être une formation de type Module de cette feuille.",
        ),
        &["Modules"],
    ),
    also(
        col(
            Field::Url,
            "Lien d'inscription",
            "La page où s'informer et s'inscrire\u{a0}: une adresse complète en https://. Une adresse mailto:equipe@exemple.gouv.fr devient le contact de la formation.",
        ),
        &["Lien", "URL", "Lien d'information"],
    ),
    also(
        col(
            Field::Contact,
            "Contact",
            "L'adresse électronique de l'équipe pédagogique (equipe@numerique.gouv.fr)\u{a0}: elle devient «\u{a0}Écrire à l'équipe pédagogique\u{a0}».",
        ),
        &["Courriel", "Adresse électronique", "E-mail"],
    ),
    also(
        col(
            Field::AccessUrl,
            "Accès en ligne",
            "Pour une formation en E-learning seulement\u{a0}: l'adresse https:// où elle commence.",
        ),
        &["Lien d'accès"],
    ),
    Column {
        field: Field::Ignored,
        header: "Sous-thématiques",
        aliases: &["Sous-thématique"],
        help: "",
        choices: Choices::Free,
        in_template: false,
    },
];

/// The sessions.
pub const SESSIONS: &[Column] = &[
    also(
        col(
            Field::SessionCourse,
            "Formation",
            "Obligatoire. L'identifiant (ou l'intitulé exact) de la formation, tel qu'il est dans la feuille Formations.",
        ),
        &["Identifiant de la formation"],
    ),
    also(
        col(
            Field::SessionId,
            "Identifiant de la session",
            "Identifiant unique de la session. Laissez vide\u{a0}: il est tiré de celui de la formation.",
        ),
        &["Session"],
    ),
    also(
        col(
            Field::Start,
            "Début",
            "Obligatoire. Date et heure de début (11/02/2027 09:30), à l'heure de Paris\u{a0}; pour un autre fuseau, ajoutez le décalage\u{a0}: 11/02/2027 09:30 +04:00.",
        ),
        &["Date de début"],
    ),
    also(
        col(
            Field::End,
            "Fin",
            "Obligatoire. Date et heure de fin, après le début.",
        ),
        &["Date de fin"],
    ),
    choice(
        Field::SessionFormat,
        "Modalité",
        Choices::Format,
        "À distance, En présentiel ou Hybride. Vide\u{a0}: celle de la formation.",
    ),
    col(Field::City, "Ville", "Pour une session en présentiel ou hybride\u{a0}: la ville."),
    col(
        Field::Region,
        "Région",
        "La région de la ville (filtre du catalogue)\u{a0}: écrivez-la toujours de la même façon.",
    ),
    col(
        Field::Seats,
        "Places restantes",
        "Nombre de places encore libres\u{a0}; vide si on ne sait pas.",
    ),
    col(
        Field::Registration,
        "Lien d'inscription",
        "Adresse https:// où s'inscrire à cette session.",
    ),
];

/// The domains.
pub const DOMAINS: &[Column] = &[
    col(
        Field::DomainId,
        "Identifiant",
        "Identifiant stable, utilisé dans les adresses (catalogue/?domaine=…)\u{a0}: lettres minuscules sans accent, chiffres et tirets. Vide\u{a0}: tiré du libellé.",
    ),
    col(
        Field::DomainLabel,
        "Libellé",
        "Obligatoire. Le nom affiché, que la colonne Thématiques de la feuille Formations reprend.",
    ),
    col(Field::DomainDescription, "Description", "Une ou deux phrases."),
];

/// The call for trainers.
pub const CALL: &[Column] = &[
    choice(
        Field::CallOpen,
        "Ouvert",
        Choices::YesNo,
        "Oui si l'appel à formateurs bénévoles est ouvert, Non sinon. Une date limite passée le ferme aussi.",
    ),
    col(Field::CallYear, "Année", "L'année de l'appel (2027), pour son nom."),
    col(
        Field::CallDeadline,
        "Date limite",
        "Dernier jour pour candidater (30/06/2027).",
    ),
    col(
        Field::CallTitle,
        "Titre",
        "Le nom de l'appel, s'il n'est pas «\u{a0}Appel à formateurs bénévoles\u{a0}» suivi de l'année.",
    ),
    col(
        Field::CallSkills,
        "Compétences recherchées",
        "Une compétence par ligne dans la cellule.",
    ),
];

/// The synonyms.
pub const SYNONYMS: &[Column] = &[col(
    Field::SynonymTerms,
    "Termes équivalents",
    "Un groupe par ligne\u{a0}: au moins deux termes de recherche équivalents, séparés par des virgules (ia, intelligence artificielle).",
)];

/// The key figures.
pub const FIGURES: &[Column] = &[
    col(
        Field::FigureValue,
        "Valeur",
        "Le nombre tel qu'il s'affiche (21\u{202f}000).",
    ),
    col(
        Field::FigureLabel,
        "Libellé",
        "Ce qu'il compte (agents formés en 2024).",
    ),
];

/// The catalogue's date.
pub const CATALOGUE: &[Column] = &[col(
    Field::Updated,
    "Date de mise à jour",
    "La date des données (2026-11-20).",
)];

/// Every sheet of the template, in its order.
pub const SHEETS: [SheetSpec; 7] = [
    SheetSpec {
        id: SheetId::Courses,
        name: "Formations",
        aliases: &[
            "Liste des formations et parcours [Public]",
            "Catalogue des formations",
        ],
        help: "Une ligne par formation (parcours, module ou programme sur mesure).",
        columns: COURSES,
        single_row: false,
    },
    SheetSpec {
        id: SheetId::Sessions,
        name: "Sessions",
        aliases: &[],
        help: "Une ligne par session datée d'une formation.",
        columns: SESSIONS,
        single_row: false,
    },
    SheetSpec {
        id: SheetId::Domains,
        name: "Domaines",
        aliases: &["Thématiques"],
        help: "Une ligne par thématique du campus.",
        columns: DOMAINS,
        single_row: false,
    },
    SheetSpec {
        id: SheetId::Call,
        name: "Appel à formateurs",
        aliases: &["Appel"],
        help: "Une seule ligne\u{a0}: l'état de l'appel à formateurs bénévoles.",
        columns: CALL,
        single_row: true,
    },
    SheetSpec {
        id: SheetId::Synonyms,
        name: "Synonymes",
        aliases: &[],
        help: "Les termes que la recherche tient pour équivalents.",
        columns: SYNONYMS,
        single_row: false,
    },
    SheetSpec {
        id: SheetId::Figures,
        name: "Chiffres clés",
        aliases: &["Chiffres"],
        help: "Les chiffres clés de la page d'accueil, dans l'ordre.",
        columns: FIGURES,
        single_row: false,
    },
    SheetSpec {
        id: SheetId::Catalogue,
        name: "Catalogue",
        aliases: &[],
        help: "Une seule ligne\u{a0}: la date des données.",
        columns: CATALOGUE,
        single_row: true,
    },
];

/// The guide's sheet, written by the export and skipped by the import.
pub const GUIDE: &str = "Mode d'emploi";

/// The spec of `id`.
pub fn spec(id: SheetId) -> &'static SheetSpec {
    SHEETS.iter().find(|s| s.id == id).unwrap_or(&SHEETS[0])
}

/// The sheet a name designates, if any.
pub fn sheet_named(name: &str) -> Option<&'static SheetSpec> {
    let key = fold(name);
    SHEETS
        .iter()
        .find(|s| fold(s.name) == key || s.aliases.iter().any(|a| fold(a) == key))
}

/// The column of `columns` a header designates (without case, accents,
/// punctuation; no-break spaces and decomposed accents included).
pub fn column_named(columns: &'static [Column], header: &str) -> Option<&'static Column> {
    let key = fold(header);
    if key.is_empty() {
        return None;
    }
    columns
        .iter()
        .find(|c| fold(c.header) == key || c.aliases.iter().any(|a| fold(a) == key))
}

/// The template headers of `columns`, for a report.
pub fn headers(columns: &[Column]) -> String {
    columns
        .iter()
        .filter(|c| c.in_template)
        .map(|c| c.header)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_without_case_accents_or_odd_spaces() {
        for header in ["Intitulé", "INTITULE", "Intitule\u{301}", " intitulé "] {
            assert_eq!(
                column_named(COURSES, header).map(|c| c.field),
                Some(Field::Title),
                "{header}"
            );
        }
        assert_eq!(
            column_named(COURSES, "Lien\u{a0}d’inscription").map(|c| c.field),
            Some(Field::Url)
        );
        assert_eq!(
            column_named(COURSES, "Sous-thématiques").map(|c| c.field),
            Some(Field::Ignored)
        );
        assert!(column_named(COURSES, "Couleur").is_none());
        assert_eq!(
            sheet_named("formations").map(|s| s.id),
            Some(SheetId::Courses)
        );
    }

    #[test]
    fn every_sheet_and_column_is_named_once() {
        for s in SHEETS {
            for c in s.columns {
                let same = s
                    .columns
                    .iter()
                    .filter(|o| column_named(s.columns, o.header).map(|x| x.field) == Some(c.field))
                    .count();
                assert_eq!(same, 1, "{} / {}", s.name, c.header);
                assert!(!c.in_template || !c.help.is_empty(), "{}", c.header);
            }
        }
    }
}
