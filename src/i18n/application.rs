//! Labels, hints, options and error messages of the trainer application form,
//! in French and English, keyed by the stable field and option ids of
//! `application::form`.

use super::{labels, Locale};
use crate::application::form::StepId;
use crate::application::validation::FieldError;
use crate::catalogue::model::{Audience, Format, Level};
use crate::catalogue::query::UrlValue;

/// The title of a step.
pub fn step_title(step: StepId, l: Locale) -> &'static str {
    match step {
        StepId::You => l.pick("Vous", "About you"),
        StepId::Expertise => l.pick("Votre expertise", "Your expertise"),
        StepId::Proposal => l.pick("Votre proposition", "Your proposal"),
        StepId::Availability => l.pick("Vos disponibilités", "Your availability"),
        StepId::Review => l.pick("Vérifiez votre candidature", "Check your application"),
        StepId::Confirmation => l.pick("Candidature envoyée", "Application sent"),
    }
}

/// The question of a field.
pub fn field_label(id: &str, l: Locale) -> &'static str {
    match id {
        "first_name" => l.pick("Prénom", "First name"),
        "last_name" => l.pick("Nom", "Last name"),
        "email" => l.pick("Adresse électronique professionnelle", "Work email address"),
        "phone" => l.pick("Téléphone", "Phone"),
        "administration" => l.pick("Administration", "Administration"),
        "administration_other" => {
            l.pick("Nom de votre administration", "Name of your administration")
        }
        "department" => l.pick("Direction ou service", "Directorate or department"),
        "job_title" => l.pick("Intitulé de poste", "Job title"),
        "region" => l.pick("Région d'affectation", "Region where you work"),
        "status" => l.pick("Statut", "Employment status"),
        "domains" => l.pick("Domaines d'expertise", "Fields of expertise"),
        "skills" => l.pick(
            "Compétences que vous pouvez transmettre",
            "Skills you can teach",
        ),
        "years_experience" => l.pick(
            "Années d'expérience dans ces domaines",
            "Years of experience in these fields",
        ),
        "teaching_experience" => l.pick("Expérience de formation", "Training experience"),
        "bio" => l.pick("Présentez votre parcours", "Describe your background"),
        "motivation" => l.pick(
            "Pourquoi souhaitez-vous former vos collègues ?",
            "Why do you want to train your colleagues?",
        ),
        "proposal_kind" => l.pick("Que proposez-vous ?", "What do you propose?"),
        "existing_title" | "idea_title" => l.pick("Titre", "Title"),
        "existing_summary" => l.pick("Résumé", "Summary"),
        "existing_domain" => l.pick("Domaine", "Field"),
        "existing_format" | "idea_format" => l.pick("Format", "Format"),
        "existing_duration_hours" => l.pick("Durée (en heures)", "Duration (hours)"),
        "existing_audience" | "idea_audience" => l.pick("Public", "Audience"),
        "existing_level" => l.pick("Niveau", "Level"),
        "existing_objectives" => l.pick("Objectifs pédagogiques", "Learning objectives"),
        "existing_material_url" => l.pick("Lien vers le support", "Link to the material"),
        "idea_need" => l.pick(
            "À quel besoin répond ce programme ?",
            "What need does this programme answer?",
        ),
        "help_topic" => l.pick("Sujet de la formation", "Topic of the training"),
        "help_needed" => l.pick(
            "De quelle aide avez-vous besoin ?",
            "What help do you need?",
        ),
        "help_when" => l.pick("Pour quand ?", "By when?"),
        "days_per_year" => l.pick("Jours disponibles par an", "Days available per year"),
        "formats_accepted" => l.pick("Formats acceptés", "Formats you accept"),
        "regions_available" => l.pick(
            "Régions où vous pouvez intervenir",
            "Regions where you can train",
        ),
        "periods" => l.pick("Périodes", "Periods"),
        "manager_informed" => l.pick(
            "Votre responsable hiérarchique est-il informé ?",
            "Is your line manager informed?",
        ),
        _ => "",
    }
}

/// A hint shown under the question, if any.
pub fn field_hint(id: &str, l: Locale) -> Option<&'static str> {
    Some(match id {
        "email" => l.pick("Par exemple : prenom.nom@ministere.gouv.fr", "For example: firstname.lastname@ministry.gouv.fr"),
        "phone" => l.pick("Par exemple : 01 23 45 67 89", "For example: +33 1 23 45 67 89"),
        "skills" => l.pick("Le campus recherche en priorité du coaching produit, du déploiement de produits numériques, de l'IA, du design et de la data.",
            "The campus is looking first for product coaching, digital product deployment, AI, design and data.",
        ),
        "bio" => l.pick("Votre expertise technique : projets, responsabilités, réalisations.", "Your technical expertise: projects, responsibilities, achievements."),
        "motivation" => l.pick("Votre engagement pour la transformation numérique de l'État.",
            "Your commitment to the State's digital transformation.",
        ),
        "existing_title" | "idea_title" => l.pick("Nous vous signalons les formations du catalogue qui y ressemblent.",
            "We show catalogue trainings that look similar.",
        ),
        "existing_material_url" => l.pick("Adresse commençant par https://", "Address starting with https://"),
        "help_when" => l.pick("Par exemple : premier semestre 2027", "For example: first half of 2027"),
        _ => return None,
    })
}

/// The label of an option of a choice question.
pub fn option_label(value: &str, l: Locale) -> &'static str {
    // Formats, audiences and levels are the catalogue's own values: one label each.
    if let Some(f) = Format::from_url_value(value) {
        return labels::format(f, l);
    }
    if let Some(a) = Audience::from_url_value(value) {
        return labels::audience(a, l);
    }
    if let Some(v) = Level::from_url_value(value) {
        return labels::level(v, l);
    }
    match value {
        "premier-ministre" => l.pick("Services du Premier ministre", "Prime Minister's services"),
        "armees" => l.pick("Ministère des Armées", "Ministry of the Armed Forces"),
        "culture" => l.pick("Ministère de la Culture", "Ministry of Culture"),
        "economie-finances" => l.pick(
            "Ministères économiques et financiers",
            "Economy and Finance ministries",
        ),
        "education-nationale" => l.pick(
            "Ministère de l'Éducation nationale",
            "Ministry of Education",
        ),
        "enseignement-superieur-recherche" => l.pick(
            "Ministère de l'Enseignement supérieur et de la Recherche",
            "Ministry of Higher Education and Research",
        ),
        "europe-affaires-etrangeres" => l.pick(
            "Ministère de l'Europe et des Affaires étrangères",
            "Ministry for Europe and Foreign Affairs",
        ),
        "interieur" => l.pick("Ministère de l'Intérieur", "Ministry of the Interior"),
        "justice" => l.pick("Ministère de la Justice", "Ministry of Justice"),
        "sante-solidarites" => l.pick("Ministères sociaux", "Social affairs ministries"),
        "transition-ecologique" => l.pick(
            "Ministère de la Transition écologique",
            "Ministry of Ecological Transition",
        ),
        "travail-emploi" => l.pick("Ministère du Travail", "Ministry of Labour"),
        "agriculture" => l.pick("Ministère de l'Agriculture", "Ministry of Agriculture"),
        "sports" => l.pick("Ministère des Sports", "Ministry of Sports"),
        "collectivite-territoriale" => l.pick("Collectivité territoriale", "Local authority"),
        "etablissement-public" => l.pick("Établissement public", "Public body"),
        "autre" => l.pick("Autre", "Other"),
        "auvergne-rhone-alpes" => "Auvergne-Rhône-Alpes",
        "bourgogne-franche-comte" => "Bourgogne-Franche-Comté",
        "bretagne" => "Bretagne",
        "centre-val-de-loire" => "Centre-Val de Loire",
        "corse" => "Corse",
        "grand-est" => "Grand Est",
        "hauts-de-france" => "Hauts-de-France",
        "ile-de-france" => "Île-de-France",
        "normandie" => "Normandie",
        "nouvelle-aquitaine" => "Nouvelle-Aquitaine",
        "occitanie" => "Occitanie",
        "pays-de-la-loire" => "Pays de la Loire",
        "provence-alpes-cote-d-azur" => "Provence-Alpes-Côte d'Azur",
        "outre-mer" => l.pick("Outre-mer", "Overseas"),
        "agilite-produit" => l.pick("Agilité et produit", "Agility and product"),
        "communs-logiciels-libres" => {
            l.pick("Communs et logiciels libres", "Commons and free software")
        }
        "cybersecurite" => l.pick("Cybersécurité", "Cybersecurity"),
        "data" => "Data",
        "design-accessibilite" => l.pick("Design et accessibilité", "Design and accessibility"),
        "environnement-numerique-travail" => {
            l.pick("Environnement numérique de travail", "Digital workplace")
        }
        "numerique-responsable" => l.pick("Numérique responsable", "Sustainable IT"),
        "cloud-infrastructures" => l.pick(
            "Technologie et infrastructures numériques cloud",
            "Cloud technology and infrastructure",
        ),
        "transformation-numerique" => l.pick("Transformation numérique", "Digital transformation"),
        "intelligence-artificielle" => {
            l.pick("Intelligence artificielle", "Artificial intelligence")
        }
        "coaching-produit" => l.pick("Coaching produit", "Product coaching"),
        "deploiement-produits" => l.pick(
            "Déploiement de produits numériques",
            "Digital product deployment",
        ),
        "ia" => l.pick("Intelligence artificielle", "Artificial intelligence"),
        "design" => "Design",
        "titulaire" => l.pick("Titulaire", "Civil servant"),
        "contractuel" => l.pick("Contractuel", "Contract staff"),
        "aucune" => l.pick("Aucune", "None"),
        "occasionnelle" => l.pick("Occasionnelle", "Occasional"),
        "reguliere" => l.pick("Régulière", "Regular"),
        "t1" => l.pick("Janvier à mars", "January to March"),
        "t2" => l.pick("Avril à juin", "April to June"),
        "t3" => l.pick("Juillet à septembre", "July to September"),
        "t4" => l.pick("Octobre à décembre", "October to December"),
        "oui" => l.pick("Oui", "Yes"),
        "non" => l.pick("Non", "No"),
        "formation-existante" => l.pick(
            "Une formation existante à ajouter au catalogue",
            "An existing training to add to the catalogue",
        ),
        "idee-programme" => l.pick(
            "Une idée de nouveau programme",
            "An idea for a new programme",
        ),
        "aide-construction" => l.pick(
            "Une demande d'aide pour construire une formation",
            "A request for help to build a training",
        ),
        _ => "",
    }
}

/// The message for `error` on the question `label`, GOV.UK style.
pub fn error_message(label: &str, error: FieldError, l: Locale) -> String {
    let label_lc = label.to_lowercase();
    match (error, l) {
        (FieldError::Required, Locale::Fr) => format!("Renseignez le champ « {label} »"),
        (FieldError::Required, Locale::En) => format!("Enter {label_lc}"),
        (FieldError::TooLong { max }, Locale::Fr) => {
            format!("« {label} » doit faire {max} caractères au maximum")
        }
        (FieldError::TooLong { max }, Locale::En) => {
            format!("{label} must be {max} characters or fewer")
        }
        (FieldError::InvalidEmail, Locale::Fr) => {
            "Saisissez une adresse électronique au format prenom.nom@administration.gouv.fr".into()
        }
        (FieldError::InvalidEmail, Locale::En) => {
            "Enter an email address in the correct format, like name@ministry.gouv.fr".into()
        }
        (FieldError::InvalidPhone, Locale::Fr) => {
            "Saisissez un numéro de téléphone, par exemple 01 23 45 67 89".into()
        }
        (FieldError::InvalidPhone, Locale::En) => {
            "Enter a phone number, like 01 23 45 67 89".into()
        }
        (FieldError::NotANumber, Locale::Fr) => format!("« {label} » doit être un nombre entier"),
        (FieldError::NotANumber, Locale::En) => format!("{label} must be a whole number"),
        (FieldError::OutOfRange { min, max }, Locale::Fr) => {
            format!("« {label} » doit être compris entre {min} et {max}")
        }
        (FieldError::OutOfRange { min, max }, Locale::En) => {
            format!("{label} must be between {min} and {max}")
        }
        (FieldError::UnknownOption, Locale::Fr) => {
            format!("Choisissez une réponse proposée pour « {label} »")
        }
        (FieldError::UnknownOption, Locale::En) => {
            format!("Select one of the options for {label_lc}")
        }
        (FieldError::InvalidUrl, Locale::Fr) => {
            "Saisissez une adresse web commençant par https://".into()
        }
        (FieldError::InvalidUrl, Locale::En) => "Enter a web address starting with https://".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::application::form::{Input, FIELDS};

    #[test]
    fn every_field_and_option_has_labels_in_both_languages() {
        for f in FIELDS {
            for l in Locale::ALL {
                assert!(!field_label(f.id, l).is_empty(), "{} ({l})", f.id);
                if let Input::OneOf(options) | Input::AnyOf(options) = f.input {
                    for o in options {
                        assert!(!option_label(o, l).is_empty(), "{o} ({l})");
                    }
                }
            }
        }
        for step in StepId::ALL {
            assert_ne!(step_title(step, Locale::Fr), step_title(step, Locale::En));
        }
    }

    #[test]
    fn error_messages_name_the_question() {
        assert_eq!(
            error_message("Prénom", FieldError::Required, Locale::Fr),
            "Renseignez le champ « Prénom »"
        );
        assert_eq!(
            error_message("First name", FieldError::Required, Locale::En),
            "Enter first name"
        );
        assert!(
            error_message("Bio", FieldError::TooLong { max: 1500 }, Locale::Fr).contains("1500")
        );
    }
}
