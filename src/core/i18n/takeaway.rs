//! The fixed texts of Ma sélection's downloads, print and comparison, French
//! first, English second. Kept apart from the main [`super::Text`] table,
//! which every page carries: only the selection page uses these, so they
//! travel in its chunk of code.

use super::texts;

texts! {
    /// A fixed text of Ma sélection to take away. Look it up with
    /// [`Takeaway::get`].
    enum Takeaway;
    Csv => "Télécharger (CSV)",
        "Download (CSV)";
    Calendar => "Ajouter les sessions à mon agenda (.ics)",
        "Add the sessions to my calendar (.ics)";
    Print => "Imprimer",
        "Print";
    CalendarNone => "Aucune session à venir dans votre sélection\u{a0}: rien à ajouter à un agenda.",
        "No upcoming session in your selection: nothing to add to a calendar.";
    Compare => "Comparer",
        "Compare";
    CompareHint => "Cochez «\u{a0}Comparer\u{a0}» sur 2 à 4\u{a0}formations pour les voir côte à côte.",
        "Tick \u{201c}Compare\u{201d} on 2 to 4 trainings to see them side by side.";
    CompareOneMore => "Cochez au moins une autre formation pour comparer.",
        "Tick at least one more training to compare.";
    CompareFull => "Vous comparez déjà 4\u{a0}formations, le maximum\u{a0}: décochez-en une pour en comparer une autre.",
        "You are already comparing 4 trainings, the most there can be: untick one to compare another.";
    CompareOver => "Une comparaison porte sur 4\u{a0}formations au plus\u{a0}: seules les 4\u{a0}premières de l'adresse sont comparées.",
        "A comparison holds at most 4 trainings: only the first 4 of the address are compared.";
    CompareClear => "Effacer la comparaison",
        "Clear the comparison";
    CompareCaption => "Durée, format, niveau, prix, public et prochaines sessions des formations comparées",
        "Duration, format, level, price, audience and next sessions of the compared trainings";
    CompareCorner => "Formation",
        "Training";
    RowDuration => "Durée",
        "Duration";
    RowFormat => "Format",
        "Format";
    RowLevel => "Niveau",
        "Level";
    RowPrice => "Prix",
        "Price";
    RowAudience => "Public",
        "Audience";
    RowSessions => "Prochaines sessions",
        "Next sessions";
    RowLink => "Fiche de la formation",
        "Course page";
    SeeCourse => "Voir la fiche",
        "See the course page";
}
