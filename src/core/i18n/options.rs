//! The labels of the forms' options (administrations, regions, domains,
//! statuses, periods, …), French first, English second: the keys
//! `application::labels::option_label` maps each option id to.

use super::texts;

texts! {
    /// The label of a form's option. Look it up with [`OptionText::get`].
    enum OptionText;
    PremierMinistre => "Services du Premier ministre", "Prime Minister's services";
    Armees => "Ministère des Armées", "Ministry of the Armed Forces";
    Culture => "Ministère de la Culture", "Ministry of Culture";
    EconomieFinances => "Ministères économiques et financiers", "Economy and Finance ministries";
    EducationNationale => "Ministère de l'Éducation nationale", "Ministry of Education";
    EnseignementSuperieurRecherche => "Ministère de l'Enseignement supérieur et de la Recherche", "Ministry of Higher Education and Research";
    EuropeAffairesEtrangeres => "Ministère de l'Europe et des Affaires étrangères", "Ministry for Europe and Foreign Affairs";
    Interieur => "Ministère de l'Intérieur", "Ministry of the Interior";
    Justice => "Ministère de la Justice", "Ministry of Justice";
    SanteSolidarites => "Ministères sociaux", "Social affairs ministries";
    TransitionEcologique => "Ministère de la Transition écologique", "Ministry of Ecological Transition";
    TravailEmploi => "Ministère du Travail", "Ministry of Labour";
    Agriculture => "Ministère de l'Agriculture", "Ministry of Agriculture";
    Sports => "Ministère des Sports", "Ministry of Sports";
    CollectiviteTerritoriale => "Collectivité territoriale", "Local authority";
    EtablissementPublic => "Établissement public", "Public body";
    Autre => "Autre", "Other";
    OutreMer => "Outre-mer", "Overseas";
    AgiliteProduit => "Agilité et produit", "Agility and product";
    CommunsLogicielsLibres => "Communs et logiciels libres", "Commons and free software";
    Cybersecurite => "Cybersécurité", "Cybersecurity";
    DesignAccessibilite => "Design et accessibilité", "Design and accessibility";
    EnvironnementNumeriqueTravail => "Environnement numérique de travail", "Digital workplace";
    NumeriqueResponsable => "Numérique responsable", "Sustainable IT";
    CloudInfrastructures => "Technologie et infrastructures numériques cloud", "Cloud technology and infrastructure";
    TransformationNumerique => "Transformation numérique", "Digital transformation";
    IntelligenceArtificielle => "Intelligence artificielle", "Artificial intelligence";
    CoachingProduit => "Coaching produit", "Product coaching";
    DeploiementProduits => "Déploiement de produits numériques", "Digital product deployment";
    Ia => "Intelligence artificielle", "Artificial intelligence";
    Titulaire => "Titulaire", "Civil servant";
    Contractuel => "Contractuel", "Contract staff";
    Aucune => "Aucune", "None";
    Occasionnelle => "Occasionnelle", "Occasional";
    Reguliere => "Régulière", "Regular";
    Indifferent => "Sans préférence", "No preference";
    T1 => "Janvier à mars", "January to March";
    T2 => "Avril à juin", "April to June";
    T3 => "Juillet à septembre", "July to September";
    T4 => "Octobre à décembre", "October to December";
    Oui => "Oui", "Yes";
    Non => "Non", "No";
    FormationExistante => "Une formation existante à ajouter au catalogue", "An existing training to add to the catalogue";
    IdeeProgramme => "Une idée de nouveau programme", "An idea for a new programme";
    AideConstruction => "Une demande d'aide pour construire une formation", "A request for help to build a training";

    AnswersNoun => "réponses", "answers";
}
