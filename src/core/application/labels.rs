//! Option labels and error messages of the campus's forms, in French and
//! English, keyed by the stable field and option ids of `application::form`
//! (step titles and field labels live in the form tables themselves).

use crate::application::form::{Field, FormId, Input, EXAMPLE_EMAIL};
use crate::application::validation::FieldError;
use crate::catalogue::labels;
use crate::catalogue::model::{Audience, Format, Level};
use crate::catalogue::url_value::UrlValue;
use crate::i18n::options::OptionText;
use crate::i18n::Locale;

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
        "premier-ministre" => OptionText::PremierMinistre.get(l),
        "armees" => OptionText::Armees.get(l),
        "culture" => OptionText::Culture.get(l),
        "economie-finances" => OptionText::EconomieFinances.get(l),
        "education-nationale" => OptionText::EducationNationale.get(l),
        "enseignement-superieur-recherche" => OptionText::EnseignementSuperieurRecherche.get(l),
        "europe-affaires-etrangeres" => OptionText::EuropeAffairesEtrangeres.get(l),
        "interieur" => OptionText::Interieur.get(l),
        "justice" => OptionText::Justice.get(l),
        "sante-solidarites" => OptionText::SanteSolidarites.get(l),
        "transition-ecologique" => OptionText::TransitionEcologique.get(l),
        "travail-emploi" => OptionText::TravailEmploi.get(l),
        "agriculture" => OptionText::Agriculture.get(l),
        "sports" => OptionText::Sports.get(l),
        "collectivite-territoriale" => OptionText::CollectiviteTerritoriale.get(l),
        "etablissement-public" => OptionText::EtablissementPublic.get(l),
        "autre" => OptionText::Autre.get(l),
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
        "outre-mer" => OptionText::OutreMer.get(l),
        "agilite-produit" => OptionText::AgiliteProduit.get(l),
        "communs-logiciels-libres" => OptionText::CommunsLogicielsLibres.get(l),
        "cybersecurite" => OptionText::Cybersecurite.get(l),
        "data" => "Data",
        "design-accessibilite" => OptionText::DesignAccessibilite.get(l),
        "environnement-numerique-travail" => OptionText::EnvironnementNumeriqueTravail.get(l),
        "numerique-responsable" => OptionText::NumeriqueResponsable.get(l),
        "cloud-infrastructures" => OptionText::CloudInfrastructures.get(l),
        "transformation-numerique" => OptionText::TransformationNumerique.get(l),
        "intelligence-artificielle" => OptionText::IntelligenceArtificielle.get(l),
        "coaching-produit" => OptionText::CoachingProduit.get(l),
        "deploiement-produits" => OptionText::DeploiementProduits.get(l),
        "ia" => OptionText::Ia.get(l),
        "design" => "Design",
        "titulaire" => OptionText::Titulaire.get(l),
        "contractuel" => OptionText::Contractuel.get(l),
        "aucune" => OptionText::Aucune.get(l),
        "occasionnelle" => OptionText::Occasionnelle.get(l),
        "reguliere" => OptionText::Reguliere.get(l),
        "indifferent" => OptionText::Indifferent.get(l),
        "t1" => OptionText::T1.get(l),
        "t2" => OptionText::T2.get(l),
        "t3" => OptionText::T3.get(l),
        "t4" => OptionText::T4.get(l),
        "oui" => OptionText::Oui.get(l),
        "non" => OptionText::Non.get(l),
        "formation-existante" => OptionText::FormationExistante.get(l),
        "idee-programme" => OptionText::IdeeProgramme.get(l),
        "aide-construction" => OptionText::AideConstruction.get(l),
        _ => "",
    }
}

/// The message for `error` on `field`, GOV.UK style, worded per kind of control.
pub fn error_message(field: &Field, error: FieldError, l: Locale) -> String {
    let label = field.label.get(l);
    match (field.input, error) {
        (Input::Tick, _) => {
            // Each form's own consent box: "votre candidature", "votre demande".
            let noun = FormId::ALL
                .map(FormId::form)
                .into_iter()
                .find(|f| f.consent == field.id)
                .map_or(OptionText::AnswersNoun.get(l), |f| f.noun.get(l));
            return match l {
                Locale::Fr => format!("Cochez la case pour accepter le traitement de vos données et envoyer votre {noun}"),
                Locale::En => format!("Tick the box to agree to the processing of your data and send your {noun}"),
            };
        }
        (Input::OneOf(_) | Input::AnyOf(_), FieldError::Required) => {
            return match l {
                Locale::Fr => format!("Sélectionnez une réponse pour «\u{a0}{label}\u{a0}»"),
                Locale::En => format!("Select {}", label.to_lowercase()),
            }
        }
        _ => {}
    }
    let label_lc = label.to_lowercase();
    match (error, l) {
        (FieldError::Required, Locale::Fr) => format!("Renseignez le champ «\u{a0}{label}\u{a0}»"),
        (FieldError::Required, Locale::En) => format!("Enter {label_lc}"),
        (FieldError::TooLong { max }, Locale::Fr) => {
            format!("«\u{a0}{label}\u{a0}» doit faire {max} caractères au maximum")
        }
        (FieldError::TooLong { max }, Locale::En) => {
            format!("{label} must be {max} characters or fewer")
        }
        (FieldError::InvalidEmail, Locale::Fr) => {
            format!(
                "Saisissez une adresse électronique au format {}",
                EXAMPLE_EMAIL.get(Locale::Fr)
            )
        }
        (FieldError::InvalidEmail, Locale::En) => {
            format!(
                "Enter an email address in the correct format, like {}",
                EXAMPLE_EMAIL.get(Locale::En)
            )
        }
        (FieldError::HiddenCharacter, Locale::Fr) => {
            "L'adresse électronique contient un caractère invisible, souvent venu d'un copier-coller\u{a0}: effacez-la et saisissez-la de nouveau".into()
        }
        (FieldError::HiddenCharacter, Locale::En) => {
            "The email address contains an invisible character, often from copying and pasting: delete it and type it again".into()
        }
        (FieldError::NotHours, Locale::Fr) => format!(
            "«\u{a0}{label}\u{a0}» doit être un nombre d'heures, par exemple 7, 3,5 ou 3\u{a0}h\u{a0}30"
        ),
        (FieldError::NotHours, Locale::En) => {
            format!("{label} must be a number of hours, like 7, 3.5 or 3 h 30")
        }
        (FieldError::InvalidPhone, Locale::Fr) => {
            "Saisissez un numéro de téléphone, par exemple 01\u{a0}23\u{a0}45\u{a0}67\u{a0}89"
                .into()
        }
        (FieldError::InvalidPhone, Locale::En) => {
            "Enter a phone number, like +33 1 23 45 67 89".into()
        }
        (FieldError::NotANumber, Locale::Fr) => {
            format!("«\u{a0}{label}\u{a0}» doit être un nombre entier")
        }
        (FieldError::NotANumber, Locale::En) => format!("{label} must be a whole number"),
        (FieldError::OutOfRange { min, max }, Locale::Fr) => {
            format!("«\u{a0}{label}\u{a0}» doit être compris entre {min} et {max}")
        }
        (FieldError::OutOfRange { min, max }, Locale::En) => {
            format!("{label} must be between {min} and {max}")
        }
        (FieldError::UnknownOption, Locale::Fr) => {
            format!("Choisissez une réponse proposée pour «\u{a0}{label}\u{a0}»")
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
    use crate::application::form::{all_fields, FormId, Input};

    #[test]
    fn every_field_and_option_has_labels_in_both_languages() {
        for f in all_fields() {
            for l in Locale::ALL {
                if let Input::OneOf(options) | Input::AnyOf(options) = f.input {
                    for o in options {
                        assert!(!option_label(o, l).is_empty(), "{o} ({l})");
                    }
                }
            }
        }
        for form in FormId::ALL.map(FormId::form) {
            for step in form.steps() {
                let title = form.step_title(step);
                assert!(
                    !title.get(Locale::Fr).is_empty()
                        && title.get(Locale::Fr) != title.get(Locale::En),
                    "{step:?}"
                );
            }
        }
    }

    #[test]
    fn error_messages_name_the_question_and_fit_the_control() {
        use crate::application::form::{field, FieldId};
        let first = field(FieldId::FirstName);
        assert_eq!(
            error_message(first, FieldError::Required, Locale::Fr),
            "Renseignez le champ «\u{a0}Prénom\u{a0}»"
        );
        assert_eq!(
            error_message(first, FieldError::Required, Locale::En),
            "Enter first name"
        );
        assert!(error_message(
            field(FieldId::Bio),
            FieldError::TooLong { max: 1500 },
            Locale::Fr
        )
        .contains("1500"));
        assert!(
            error_message(field(FieldId::Region), FieldError::Required, Locale::Fr)
                .starts_with("Sélectionnez")
        );
        assert!(
            error_message(field(FieldId::Consent), FieldError::Required, Locale::Fr)
                .starts_with("Cochez")
        );
        // Each form's consent names what it sends.
        assert!(
            error_message(field(FieldId::Consent), FieldError::Required, Locale::Fr)
                .ends_with("envoyer votre candidature")
        );
        assert!(error_message(
            field(FieldId::RequestConsent),
            FieldError::Required,
            Locale::Fr
        )
        .ends_with("envoyer votre demande"));
        assert!(error_message(
            field(FieldId::RequestConsent),
            FieldError::Required,
            Locale::En
        )
        .ends_with("send your request"));
    }
}
