//! The labels a sheet writes for the contract's fixed values, and the other
//! spellings it accepts. The template writes the app's own French labels
//! (`catalogue::labels`); the import also reads the contract ids and the present
//! site's words, compared without case, accents or punctuation.
//!
//! The present site's six types map to our three kinds: a Formation, a
//! Séminaire or a Université d'été is one offer, a `module`; a Parcours, a
//! Cycle or a Programme is a series of them, a `parcours`. Its Modalité "En
//! ligne" is remote (`distanciel`); "En ligne" with "Présentiel" is `hybride`.

use campus_core::catalogue::labels;
use campus_core::catalogue::model::{Audience, Format, Kind, Language, Level};
use campus_core::catalogue::text::fold;
use campus_core::i18n::Locale;

/// One fixed value: its contract id, its label, and what else reads as it.
#[derive(Debug, Clone, Copy)]
pub struct Label<T: 'static> {
    /// The value.
    pub value: T,
    /// Its id in the contract.
    pub id: &'static str,
    /// Other spellings (compared folded).
    pub aliases: &'static [&'static str],
}

/// The kinds, in the template's order.
pub const KINDS: [Label<Kind>; 3] = [
    Label {
        value: Kind::Parcours,
        id: "parcours",
        aliases: &["cycle", "programme", "learning path"],
    },
    Label {
        value: Kind::Module,
        id: "module",
        aliases: &[
            "formation",
            "seminaire",
            "universite d ete",
            "atelier",
            "webinaire",
            "conference",
        ],
    },
    Label {
        value: Kind::SurMesure,
        id: "sur-mesure",
        aliases: &["sur mesure", "tailor made"],
    },
];

/// The levels.
pub const LEVELS: [Label<Level>; 3] = [
    Label {
        value: Level::Decouverte,
        id: "decouverte",
        aliases: &["debutant", "initiation", "sensibilisation", "beginner"],
    },
    Label {
        value: Level::Intermediaire,
        id: "intermediaire",
        aliases: &["approfondissement", "perfectionnement", "intermediate"],
    },
    Label {
        value: Level::Expert,
        id: "expert",
        aliases: &["avance", "confirme", "expertise", "advanced"],
    },
];

/// The audiences.
pub const AUDIENCES: [Label<Audience>; 4] = [
    Label {
        value: Audience::TousAgents,
        id: "tous-agents",
        aliases: &[
            "tous",
            "tout public",
            "tous publics",
            "agents",
            "agents publics",
            "tous agents",
            "all public servants",
        ],
    },
    Label {
        value: Audience::AgentsNumerique,
        id: "agents-numerique",
        aliases: &[
            "agents numerique",
            "professionnels du numerique",
            "experts du numerique",
            "equipes numeriques",
            "metiers du numerique",
            "agents des metiers du numerique",
            "digital professionals",
        ],
    },
    Label {
        value: Audience::Managers,
        id: "managers",
        aliases: &["manager", "encadrants", "encadrant", "manageurs"],
    },
    Label {
        value: Audience::CadresDirigeants,
        id: "cadres-dirigeants",
        aliases: &[
            "cadres dirigeants",
            "cadre dirigeant",
            "dirigeants",
            "decideurs",
            "hauts fonctionnaires",
            "senior executives",
        ],
    },
];

/// The languages a course is taught in.
pub const LANGUAGES: [Label<Language>; 5] = [
    Label {
        value: Language::Fr,
        id: "fr",
        aliases: &["francais", "french", "fra", "fre"],
    },
    Label {
        value: Language::En,
        id: "en",
        aliases: &["anglais", "english", "eng"],
    },
    Label {
        value: Language::De,
        id: "de",
        aliases: &["allemand", "german", "deutsch", "deu", "ger"],
    },
    Label {
        value: Language::Es,
        id: "es",
        aliases: &["espagnol", "spanish", "espanol", "spa"],
    },
    Label {
        value: Language::It,
        id: "it",
        aliases: &["italien", "italian", "italiano", "ita"],
    },
];

/// The formats.
pub const FORMATS: [Label<Format>; 4] = [
    Label {
        value: Format::ELearning,
        id: "e-learning",
        aliases: &["elearning", "en autonomie", "autoformation", "mooc"],
    },
    Label {
        value: Format::Distanciel,
        id: "distanciel",
        aliases: &[
            "en ligne",
            "a distance",
            "classe virtuelle",
            "visio",
            "visioconference",
            "remote",
        ],
    },
    Label {
        value: Format::Presentiel,
        id: "presentiel",
        aliases: &["en presentiel", "sur site", "in person"],
    },
    Label {
        value: Format::Hybride,
        id: "hybride",
        aliases: &["mixte", "blended", "hybrid"],
    },
];

/// The app's French label of each value (what the template writes).
pub trait Labelled: Copy + PartialEq + 'static {
    /// The label shown in the app and written in the template.
    fn label(self) -> &'static str;
}

impl Labelled for Kind {
    fn label(self) -> &'static str {
        labels::kind(self, Locale::Fr)
    }
}
impl Labelled for Level {
    fn label(self) -> &'static str {
        labels::level(self, Locale::Fr)
    }
}
impl Labelled for Audience {
    fn label(self) -> &'static str {
        labels::audience(self, Locale::Fr)
    }
}
impl Labelled for Language {
    fn label(self) -> &'static str {
        labels::language(self, Locale::Fr)
    }
}
impl Labelled for Format {
    fn label(self) -> &'static str {
        labels::format(self, Locale::Fr)
    }
}

/// The value `text` names in `table`, by label, id or alias.
pub fn find<T: Labelled>(table: &[Label<T>], text: &str) -> Option<T> {
    let key = fold(text);
    if key.is_empty() {
        return None;
    }
    table
        .iter()
        .find(|l| {
            fold(l.value.label()) == key
                || fold(l.id) == key
                || l.aliases.iter().any(|a| fold(a) == key)
        })
        .map(|l| l.value)
}

/// The contract id of `value`.
pub fn id_of<T: Labelled>(table: &[Label<T>], value: T) -> &'static str {
    table.iter().find(|l| l.value == value).map_or("", |l| l.id)
}

/// The labels of `table`, for a report or a drop-down list.
pub fn all<T: Labelled>(table: &[Label<T>]) -> Vec<&'static str> {
    table.iter().map(|l| l.value.label()).collect()
}

/// "Oui" / "Non" and what else reads as them.
pub fn yes_no(text: &str) -> Option<bool> {
    match fold(text).as_str() {
        "oui" | "o" | "vrai" | "true" | "yes" | "y" | "1" | "x" | "gratuit" | "ouvert" => {
            Some(true)
        }
        "non" | "n" | "faux" | "false" | "no" | "0" | "payant" | "ferme" => Some(false),
        _ => None,
    }
}

/// The words the template writes for a boolean.
pub const YES: &str = "Oui";
/// See [`YES`].
pub const NO: &str = "Non";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_ids_and_the_present_sites_words_are_read() {
        assert_eq!(find(&KINDS, "Université d'été"), Some(Kind::Module));
        assert_eq!(find(&KINDS, "CYCLE"), Some(Kind::Parcours));
        assert_eq!(find(&KINDS, "Programme"), Some(Kind::Parcours));
        assert_eq!(find(&KINDS, "Séminaire"), Some(Kind::Module));
        assert_eq!(find(&KINDS, "Formation"), Some(Kind::Module));
        assert_eq!(find(&KINDS, "Sur mesure"), Some(Kind::SurMesure));
        assert_eq!(find(&KINDS, "sur-mesure"), Some(Kind::SurMesure));
        assert_eq!(find(&FORMATS, "En ligne"), Some(Format::Distanciel));
        assert_eq!(find(&FORMATS, "Présentiel"), Some(Format::Presentiel));
        assert_eq!(find(&FORMATS, "En présentiel"), Some(Format::Presentiel));
        assert_eq!(find(&FORMATS, "E-learning"), Some(Format::ELearning));
        assert_eq!(
            find(&FORMATS, "Pre\u{301}sentiel"),
            Some(Format::Presentiel)
        );
        assert_eq!(find(&LEVELS, "Découverte"), Some(Level::Decouverte));
        assert_eq!(
            find(&AUDIENCES, "Cadres\u{a0}dirigeants"),
            Some(Audience::CadresDirigeants)
        );
        assert_eq!(find(&KINDS, "Webinaire\u{a0}?"), Some(Kind::Module));
        assert_eq!(find(&KINDS, "Colloque"), None);
        assert_eq!(find(&LANGUAGES, "anglais"), Some(Language::En));
        assert_eq!(find(&LANGUAGES, " EN "), Some(Language::En));
        assert_eq!(find(&LANGUAGES, "Franc\u{327}ais"), Some(Language::Fr));
        assert_eq!(find(&LANGUAGES, "klingon"), None);
        assert_eq!(yes_no(" OUI "), Some(true));
        assert_eq!(yes_no("peut-être"), None);
    }
}
