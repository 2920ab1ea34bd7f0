//! The words of the catalogue's exports (the CSV file's column names, its
//! yes and no, the calendar file's registration line), French first, English
//! second.

use super::texts;

texts! {
    /// A text of an export. Look it up with [`ExportText::get`].
    enum ExportText;
    ColumnId => "Identifiant", "Id";
    ColumnType => "Type", "Type";
    ColumnTitle => "Titre", "Title";
    ColumnSummary => "Résumé", "Summary";
    ColumnDomains => "Domaines", "Domains";
    ColumnLevel => "Niveau", "Level";
    ColumnAudience => "Public", "Audience";
    ColumnFormat => "Format", "Format";
    ColumnDurationHours => "Durée (heures)", "Duration (hours)";
    ColumnProvider => "Organisme", "Provider";
    ColumnFree => "Gratuit", "Free";
    ColumnPrice => "Prix", "Price";
    ColumnCoursePage => "Page de la formation", "Course page";
    ColumnNextSession => "Prochaine session", "Next session";
    ColumnCity => "Ville", "City";
    ColumnSeatsLeft => "Places restantes", "Seats left";
    ColumnRegistration => "Inscription", "Registration";
    Yes => "oui", "yes";
    No => "non", "no";
    RegistrationLine => "\nInscription\u{a0}: ", "\nRegistration: ";
}
