//! Labels, hints, options and error messages of the trainer application form,
//! in French and English, keyed by the stable field and option ids of
//! `application::form`.

use super::Locale;
use crate::application::form::StepId;
use crate::application::validation::FieldError;

fn pick(l: Locale, fr: &'static str, en: &'static str) -> &'static str {
    match l {
        Locale::Fr => fr,
        Locale::En => en,
    }
}

/// The title of a step.
pub fn step_title(step: StepId, l: Locale) -> &'static str {
    match step {
        StepId::You => pick(l, "Vous", "About you"),
        StepId::Expertise => pick(l, "Votre expertise", "Your expertise"),
        StepId::Proposal => pick(l, "Votre proposition", "Your proposal"),
        StepId::Availability => pick(l, "Vos disponibilités", "Your availability"),
        StepId::Review => pick(l, "Vérifiez votre candidature", "Check your application"),
        StepId::Confirmation => pick(l, "Candidature envoyée", "Application sent"),
    }
}

/// The question of a field.
pub fn field_label(id: &str, l: Locale) -> &'static str {
    match id {
        "first_name" => pick(l, "Prénom", "First name"),
        "last_name" => pick(l, "Nom", "Last name"),
        "email" => pick(
            l,
            "Adresse électronique professionnelle",
            "Work email address",
        ),
        "phone" => pick(l, "Téléphone", "Phone"),
        "administration" => pick(l, "Administration", "Administration"),
        "administration_other" => pick(
            l,
            "Nom de votre administration",
            "Name of your administration",
        ),
        "department" => pick(l, "Direction ou service", "Directorate or department"),
        "job_title" => pick(l, "Intitulé de poste", "Job title"),
        "region" => pick(l, "Région d'affectation", "Region where you work"),
        "status" => pick(l, "Statut", "Employment status"),
        "domains" => pick(l, "Domaines d'expertise", "Fields of expertise"),
        "skills" => pick(
            l,
            "Compétences que vous pouvez transmettre",
            "Skills you can teach",
        ),
        "years_experience" => pick(
            l,
            "Années d'expérience dans ces domaines",
            "Years of experience in these fields",
        ),
        "teaching_experience" => pick(l, "Expérience de formation", "Training experience"),
        "bio" => pick(l, "Présentez votre parcours", "Describe your background"),
        "motivation" => pick(
            l,
            "Pourquoi souhaitez-vous former vos collègues ?",
            "Why do you want to train your colleagues?",
        ),
        "proposal_kind" => pick(l, "Que proposez-vous ?", "What do you propose?"),
        "existing_title" | "idea_title" => pick(l, "Titre", "Title"),
        "existing_summary" => pick(l, "Résumé", "Summary"),
        "existing_domain" => pick(l, "Domaine", "Field"),
        "existing_format" | "idea_format" => pick(l, "Format", "Format"),
        "existing_duration_hours" => pick(l, "Durée (en heures)", "Duration (hours)"),
        "existing_audience" | "idea_audience" => pick(l, "Public", "Audience"),
        "existing_level" => pick(l, "Niveau", "Level"),
        "existing_objectives" => pick(l, "Objectifs pédagogiques", "Learning objectives"),
        "existing_material_url" => pick(l, "Lien vers le support", "Link to the material"),
        "idea_need" => pick(
            l,
            "À quel besoin répond ce programme ?",
            "What need does this programme answer?",
        ),
        "help_topic" => pick(l, "Sujet de la formation", "Topic of the training"),
        "help_needed" => pick(
            l,
            "De quelle aide avez-vous besoin ?",
            "What help do you need?",
        ),
        "help_when" => pick(l, "Pour quand ?", "By when?"),
        "days_per_year" => pick(l, "Jours disponibles par an", "Days available per year"),
        "formats_accepted" => pick(l, "Formats acceptés", "Formats you accept"),
        "regions_available" => pick(
            l,
            "Régions où vous pouvez intervenir",
            "Regions where you can train",
        ),
        "periods" => pick(l, "Périodes", "Periods"),
        "manager_informed" => pick(
            l,
            "Votre responsable hiérarchique est-il informé ?",
            "Is your line manager informed?",
        ),
        _ => "",
    }
}

/// A hint shown under the question, if any.
pub fn field_hint(id: &str, l: Locale) -> Option<&'static str> {
    Some(match id {
        "email" => pick(l, "Par exemple : prenom.nom@ministere.gouv.fr", "For example: firstname.lastname@ministry.gouv.fr"),
        "phone" => pick(l, "Par exemple : 01 23 45 67 89", "For example: +33 1 23 45 67 89"),
        "skills" => pick(
            l,
            "Le campus recherche en priorité du coaching produit, du déploiement de produits numériques, de l'IA, du design et de la data.",
            "The campus is looking first for product coaching, digital product deployment, AI, design and data.",
        ),
        "bio" => pick(l, "Votre expertise technique : projets, responsabilités, réalisations.", "Your technical expertise: projects, responsibilities, achievements."),
        "motivation" => pick(
            l,
            "Votre engagement pour la transformation numérique de l'État.",
            "Your commitment to the State's digital transformation.",
        ),
        "existing_title" | "idea_title" => pick(
            l,
            "Nous vous signalons les formations du catalogue qui y ressemblent.",
            "We show catalogue trainings that look similar.",
        ),
        "existing_material_url" => pick(l, "Adresse commençant par https://", "Address starting with https://"),
        "help_when" => pick(l, "Par exemple : premier semestre 2027", "For example: first half of 2027"),
        _ => return None,
    })
}

/// The label of an option of a choice question.
pub fn option_label(value: &str, l: Locale) -> &'static str {
    match value {
        "premier-ministre" => pick(
            l,
            "Services du Premier ministre",
            "Prime Minister's services",
        ),
        "armees" => pick(l, "Ministère des Armées", "Ministry of the Armed Forces"),
        "culture" => pick(l, "Ministère de la Culture", "Ministry of Culture"),
        "economie-finances" => pick(
            l,
            "Ministères économiques et financiers",
            "Economy and Finance ministries",
        ),
        "education-nationale" => pick(
            l,
            "Ministère de l'Éducation nationale",
            "Ministry of Education",
        ),
        "enseignement-superieur-recherche" => pick(
            l,
            "Ministère de l'Enseignement supérieur et de la Recherche",
            "Ministry of Higher Education and Research",
        ),
        "europe-affaires-etrangeres" => pick(
            l,
            "Ministère de l'Europe et des Affaires étrangères",
            "Ministry for Europe and Foreign Affairs",
        ),
        "interieur" => pick(l, "Ministère de l'Intérieur", "Ministry of the Interior"),
        "justice" => pick(l, "Ministère de la Justice", "Ministry of Justice"),
        "sante-solidarites" => pick(l, "Ministères sociaux", "Social affairs ministries"),
        "transition-ecologique" => pick(
            l,
            "Ministère de la Transition écologique",
            "Ministry of Ecological Transition",
        ),
        "travail-emploi" => pick(l, "Ministère du Travail", "Ministry of Labour"),
        "agriculture" => pick(l, "Ministère de l'Agriculture", "Ministry of Agriculture"),
        "sports" => pick(l, "Ministère des Sports", "Ministry of Sports"),
        "collectivite-territoriale" => pick(l, "Collectivité territoriale", "Local authority"),
        "etablissement-public" => pick(l, "Établissement public", "Public body"),
        "autre" => pick(l, "Autre", "Other"),
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
        "outre-mer" => pick(l, "Outre-mer", "Overseas"),
        "agilite-produit" => pick(l, "Agilité et produit", "Agility and product"),
        "communs-logiciels-libres" => pick(
            l,
            "Communs et logiciels libres",
            "Commons and free software",
        ),
        "cybersecurite" => pick(l, "Cybersécurité", "Cybersecurity"),
        "data" => "Data",
        "design-accessibilite" => pick(l, "Design et accessibilité", "Design and accessibility"),
        "environnement-numerique-travail" => {
            pick(l, "Environnement numérique de travail", "Digital workplace")
        }
        "numerique-responsable" => pick(l, "Numérique responsable", "Sustainable IT"),
        "cloud-infrastructures" => pick(
            l,
            "Technologie et infrastructures numériques cloud",
            "Cloud technology and infrastructure",
        ),
        "transformation-numerique" => pick(l, "Transformation numérique", "Digital transformation"),
        "intelligence-artificielle" => {
            pick(l, "Intelligence artificielle", "Artificial intelligence")
        }
        "coaching-produit" => pick(l, "Coaching produit", "Product coaching"),
        "deploiement-produits" => pick(
            l,
            "Déploiement de produits numériques",
            "Digital product deployment",
        ),
        "ia" => pick(l, "Intelligence artificielle", "Artificial intelligence"),
        "design" => "Design",
        "titulaire" => pick(l, "Titulaire", "Civil servant"),
        "contractuel" => pick(l, "Contractuel", "Contract staff"),
        "aucune" => pick(l, "Aucune", "None"),
        "occasionnelle" => pick(l, "Occasionnelle", "Occasional"),
        "reguliere" => pick(l, "Régulière", "Regular"),
        "e-learning" => "E-learning",
        "distanciel" => pick(l, "À distance", "Remote"),
        "presentiel" => pick(l, "En présentiel", "In person"),
        "hybride" => pick(l, "Hybride", "Hybrid"),
        "tous-agents" => pick(l, "Tous les agents", "All public servants"),
        "agents-numerique" => pick(l, "Agents du numérique", "Digital professionals"),
        "managers" => "Managers",
        "cadres-dirigeants" => pick(l, "Cadres dirigeants", "Senior executives"),
        "decouverte" => pick(l, "Découverte", "Beginner"),
        "intermediaire" => pick(l, "Intermédiaire", "Intermediate"),
        "expert" => "Expert",
        "t1" => pick(l, "Janvier à mars", "January to March"),
        "t2" => pick(l, "Avril à juin", "April to June"),
        "t3" => pick(l, "Juillet à septembre", "July to September"),
        "t4" => pick(l, "Octobre à décembre", "October to December"),
        "oui" => pick(l, "Oui", "Yes"),
        "non" => pick(l, "Non", "No"),
        "formation-existante" => pick(
            l,
            "Une formation existante à ajouter au catalogue",
            "An existing training to add to the catalogue",
        ),
        "idee-programme" => pick(
            l,
            "Une idée de nouveau programme",
            "An idea for a new programme",
        ),
        "aide-construction" => pick(
            l,
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
