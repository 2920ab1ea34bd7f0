//! The words of the catalogue's values (kind, level, language, audience,
//! format, duration band, sort order), French first, English second: the keys
//! `catalogue::labels` maps each value to.

use super::texts;

texts! {
    /// The label of a catalogue value. Look it up with [`ValueText::get`].
    enum ValueText;
    KindParcours => "Parcours", "Learning path";
    KindModule => "Module", "Module";
    KindSurMesure => "Sur mesure", "Tailor-made";
    LevelDecouverte => "Découverte", "Beginner";
    LevelIntermediaire => "Intermédiaire", "Intermediate";
    LevelExpert => "Expert", "Expert";
    LanguageFr => "Français", "French";
    LanguageEn => "Anglais", "English";
    LanguageDe => "Allemand", "German";
    LanguageEs => "Espagnol", "Spanish";
    LanguageIt => "Italien", "Italian";
    AudienceTousAgents => "Tous les agents", "All public servants";
    AudienceAgentsNumerique => "Agents du numérique", "Digital professionals";
    AudienceManagers => "Managers", "Managers";
    AudienceCadresDirigeants => "Cadres dirigeants", "Senior executives";
    FormatELearning => "E-learning", "E-learning";
    FormatDistanciel => "À distance", "Remote";
    FormatPresentiel => "En présentiel", "In person";
    FormatHybride => "Hybride", "Hybrid";
    DurationBandShort => "Moins de 3 heures", "Under 3 hours";
    DurationBandDay => "3 à 7 heures", "3 to 7 hours";
    DurationBandDays => "1 à 3 jours", "1 to 3 days";
    DurationBandLong => "Plus de 3 jours", "More than 3 days";
    SortRelevance => "Pertinence", "Relevance";
    SortTitle => "Titre (A à Z)", "Title (A to Z)";
    SortNextSession => "Prochaine session", "Next session";
    SortDuration => "Durée (la plus courte d'abord)", "Duration (shortest first)";

    And => " et ", " and ";
    CallForVolunteers => "à formateurs bénévoles", "for volunteer trainers";
}
