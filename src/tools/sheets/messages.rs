//! Every text of the report, in French and English, in one table: each
//! problem says what is wrong and what is expected. Sheet names, column headers
//! and values are quoted as the file has them, in either language.

use campus_core::catalogue::model::FieldProblem;
use campus_core::i18n::Locale;

/// What a problem is about. The data it carries (limits, lists of allowed
/// values) is filled in by the code that finds it; the words are here.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)] // Each field is named for what it holds.
pub enum Message {
    // The whole file.
    /// Larger than the limit.
    FileTooLarge { bytes: u64, max: u64 },
    /// Neither ODS, XLSX, CSV nor JSON.
    UnknownFormat,
    /// A zip archive that cannot be read.
    ZipBroken(String),
    /// Too many entries in the archive.
    ZipTooManyEntries { count: usize, max: usize },
    /// The archive inflates (or says it does) past the limit.
    ZipTooLarge { max: u64 },
    /// An entry compressed far more than spreadsheet XML ever is.
    ZipRatio { ratio: u64, max: u64 },
    /// Encrypted with a password.
    PasswordProtected,
    /// An Excel 97–2003 `.xls` file.
    LegacyXls,
    /// A sheet with more rows than the limit.
    TooManyRows { max: usize },
    /// A sheet with more columns than the limit.
    TooManyColumns { max: usize },
    /// A cell longer than the limit.
    CellTooLong { max: usize },
    /// A cell, row or run of spaces repeated past the limit.
    RepeatTooLarge { max: u64 },
    /// A CSV file neither in UTF-8 nor in Windows-1252.
    UnknownEncoding,
    /// The workbook reader failed.
    SheetUnreadable(String),
    /// A JSON catalogue the app's parser refuses.
    JsonRefused(String),
    /// No sheet has the title column.
    NoCourseSheet,
    // Sheets and columns.
    /// A column this sheet does not have.
    UnknownHeader { expected: String },
    /// A column of the present site's export that the catalogue has no place for.
    IgnoredColumn,
    /// The same column twice.
    DuplicateHeader,
    /// A column is absent: its default is used.
    MissingColumn { default: String },
    /// A sheet the catalogue does not have.
    UnknownSheet { expected: String },
    /// No Domaines sheet: the domains (and the other tables) come from a base catalogue.
    TablesFromBase { source: String, domains: usize },
    /// A sheet the import expects is absent.
    MissingSheet,
    /// A one-row sheet with more rows.
    ExtraRow,
    // Cells.
    /// A course without a title.
    NoTitle,
    /// A value that is not one of the allowed labels.
    UnknownLabel {
        expected: String,
        fallback: Option<String>,
    },
    /// A domain the catalogue does not define.
    UnknownDomain { expected: String },
    /// A course without a domain.
    NoDomain { expected: String },
    /// Not a date (or date and time).
    NotADate { expected: &'static str },
    /// Not a number.
    NotANumber { expected: &'static str },
    /// Not a duration.
    NotADuration,
    /// Not an `http(s)` link (nor a `mailto:` where one is accepted).
    NotALink,
    /// Two courses (or sessions, or domains) with one id.
    DuplicateId { first_row: Option<u32> },
    /// Two courses with one title and no id: the second gets another id.
    DuplicateTitle { first_row: u32, id: String },
    /// A session of a course the sheet does not have.
    UnknownCourse,
    /// A session that ends before it starts.
    EndsBeforeStart,
    /// A parcours lists a module that is missing, invalid or not a module.
    UnknownModule { module: String },
    /// Any other reason the app's parser gives to leave a course out.
    CourseInvalid(String),
    /// An optional field the app's parser leaves out (the course is kept).
    FieldDropped(FieldProblem),
    /// A formula: its last computed value is read.
    Formula { formula: String },
    /// A hidden row: read all the same.
    HiddenRow,
    /// A hidden column: read all the same.
    HiddenColumn,
    /// A hidden sheet: read all the same.
    HiddenSheet,
    /// Merged cells: the value is read from the first cell only.
    Merged { cells: String },
    /// A group of synonyms with fewer than two terms.
    ShortSynonymGroup,
}

/// Severity words, place words and summaries.
impl Message {
    /// What is wrong, and what is expected (when there is something to say).
    pub fn texts(&self, l: Locale) -> (String, Option<String>) {
        let fr = l == Locale::Fr;
        let t = |fr_text: &str, en_text: &str| -> String {
            if fr { fr_text } else { en_text }.to_owned()
        };
        let mb = |bytes: u64| bytes / (1024 * 1024);
        match self {
            Message::FileTooLarge { bytes, max } => (
                if fr {
                    format!("fichier trop grand ({} Mo)", mb(*bytes))
                } else {
                    format!("file too large ({} MB)", mb(*bytes))
                },
                Some(if fr {
                    format!("au plus {} Mo", mb(*max))
                } else {
                    format!("at most {} MB", mb(*max))
                }),
            ),
            Message::UnknownFormat => (
                t("format de fichier inconnu", "unknown file format"),
                Some(t(
                    "un fichier .ods, .xlsx, .csv ou .json",
                    "an .ods, .xlsx, .csv or .json file",
                )),
            ),
            Message::ZipBroken(why) => (
                if fr {
                    format!("classeur illisible ({why})")
                } else {
                    format!("unreadable workbook ({why})")
                },
                Some(t(
                    "un classeur enregistré par LibreOffice, Excel ou Grist",
                    "a workbook saved by LibreOffice, Excel or Grist",
                )),
            ),
            Message::ZipTooManyEntries { count, max } => (
                if fr {
                    format!("classeur refusé\u{a0}: son archive compte {count} fichiers")
                } else {
                    format!("workbook refused: its archive holds {count} files")
                },
                Some(if fr {
                    format!("au plus {max}")
                } else {
                    format!("at most {max}")
                }),
            ),
            Message::ZipTooLarge { max } => (
                t(
                    "classeur refusé\u{a0}: décompressé, il dépasse la taille permise (bombe zip\u{a0}?)",
                    "workbook refused: uncompressed, it exceeds the size allowed (zip bomb?)",
                ),
                Some(if fr {
                    format!("au plus {} Mo une fois décompressé", mb(*max))
                } else {
                    format!("at most {} MB uncompressed", mb(*max))
                }),
            ),
            Message::ZipRatio { ratio, max } => (
                if fr {
                    format!("classeur refusé\u{a0}: un de ses fichiers est compressé {ratio} fois (bombe zip\u{a0}?)")
                } else {
                    format!("workbook refused: one of its files is compressed {ratio} times (zip bomb?)")
                },
                Some(if fr {
                    format!("au plus {max} fois")
                } else {
                    format!("at most {max} times")
                }),
            ),
            Message::PasswordProtected => (
                t(
                    "le classeur est protégé par un mot de passe",
                    "the workbook is protected by a password",
                ),
                Some(t(
                    "un classeur sans mot de passe (Fichier > Propriétés > Sécurité, ou «\u{a0}Enregistrer sous\u{a0}» sans mot de passe)",
                    "a workbook without a password (save it again without one)",
                )),
            ),
            Message::LegacyXls => (
                t(
                    "ancien format Excel 97-2003 (.xls) non lu",
                    "old Excel 97-2003 format (.xls) not read",
                ),
                Some(t(
                    "le classeur enregistré au format .ods ou .xlsx",
                    "the workbook saved as .ods or .xlsx",
                )),
            ),
            Message::TooManyRows { max } => (
                t("trop de lignes", "too many rows"),
                Some(if fr {
                    format!("au plus {max} lignes remplies par feuille")
                } else {
                    format!("at most {max} filled rows a sheet")
                }),
            ),
            Message::TooManyColumns { max } => (
                t("trop de colonnes", "too many columns"),
                Some(if fr {
                    format!("au plus {max} colonnes")
                } else {
                    format!("at most {max} columns")
                }),
            ),
            Message::CellTooLong { max } => (
                t("cellule trop longue", "cell too long"),
                Some(if fr {
                    format!("au plus {max} caractères")
                } else {
                    format!("at most {max} characters")
                }),
            ),
            Message::RepeatTooLarge { max } => (
                t(
                    "cellule ou ligne répétée un nombre démesuré de fois",
                    "a cell or row repeated an excessive number of times",
                ),
                Some(if fr {
                    format!("au plus {max} répétitions")
                } else {
                    format!("at most {max} repeats")
                }),
            ),
            Message::UnknownEncoding => (
                t(
                    "encodage du fichier CSV inconnu",
                    "unknown encoding of the CSV file",
                ),
                Some(t(
                    "un CSV en UTF-8 (de préférence) ou en Windows-1252 («\u{a0}ANSI\u{a0}», Excel)",
                    "a CSV file in UTF-8 (preferably) or Windows-1252 (\"ANSI\", Excel)",
                )),
            ),
            Message::SheetUnreadable(why) => (
                if fr {
                    format!("classeur illisible ({why})")
                } else {
                    format!("unreadable workbook ({why})")
                },
                None,
            ),
            Message::JsonRefused(why) => (
                if fr {
                    format!("catalogue JSON refusé ({why})")
                } else {
                    format!("JSON catalogue refused ({why})")
                },
                Some(t(
                    "un document du contrat de catalogue, version 1 (public/catalogue.schema.json)",
                    "a catalogue contract document, version 1 (public/catalogue.schema.json)",
                )),
            ),
            Message::NoCourseSheet => (
                t(
                    "aucune feuille n'a de colonne «\u{a0}Intitulé\u{a0}»",
                    "no sheet has an «\u{a0}Intitulé\u{a0}» column",
                ),
                Some(t(
                    "une feuille «\u{a0}Formations\u{a0}» (ou le CSV exporté du site) dont la première ligne nomme les colonnes",
                    "a «\u{a0}Formations\u{a0}» sheet (or the site's CSV export) whose first row names the columns",
                )),
            ),
            Message::UnknownHeader { expected } => (
                t("colonne inconnue, ignorée", "unknown column, ignored"),
                Some(if fr {
                    format!("une des colonnes\u{a0}: {expected}")
                } else {
                    format!("one of the columns: {expected}")
                }),
            ),
            Message::IgnoredColumn => (
                t(
                    "cette colonne n'a pas d'équivalent dans le catalogue\u{a0}: ignorée",
                    "this column has no equivalent in the catalogue: ignored",
                ),
                None,
            ),
            Message::DuplicateHeader => (
                t(
                    "colonne en double\u{a0}: seule la première est lue",
                    "column given twice: only the first is read",
                ),
                None,
            ),
            Message::MissingColumn { default } => (
                if fr {
                    format!("colonne absente\u{a0}: chaque ligne prend la valeur «\u{a0}{default}\u{a0}»")
                } else {
                    format!("column missing: every row takes the value «\u{a0}{default}\u{a0}»")
                },
                None,
            ),
            Message::UnknownSheet { expected } => (
                t("feuille inconnue, ignorée", "unknown sheet, ignored"),
                Some(if fr {
                    format!("une des feuilles\u{a0}: {expected}")
                } else {
                    format!("one of the sheets: {expected}")
                }),
            ),
            Message::TablesFromBase { source, domains } => (
                if fr {
                    format!("pas de feuille «\u{a0}Domaines\u{a0}»\u{a0}: les {domains} domaines, les chiffres clés, l'appel à formateurs et les synonymes viennent de {source}")
                } else {
                    format!("no «\u{a0}Domaines\u{a0}» sheet: the {domains} domains, key figures, trainer call and synonyms come from {source}")
                },
                None,
            ),
            Message::MissingSheet => (
                t("feuille absente\u{a0}: table vide", "sheet missing: empty table"),
                None,
            ),
            Message::ExtraRow => (
                t(
                    "cette feuille n'a qu'une ligne de données\u{a0}: ligne ignorée",
                    "this sheet has a single data row: row ignored",
                ),
                None,
            ),
            Message::NoTitle => (
                t("formation sans intitulé", "course without a title"),
                Some(t("un intitulé", "a title")),
            ),
            Message::UnknownLabel { expected, fallback } => (
                match (fr, fallback) {
                    (true, Some(f)) => format!("valeur inconnue, remplacée par «\u{a0}{f}\u{a0}»"),
                    (true, None) => "valeur inconnue, ignorée".to_owned(),
                    (false, Some(f)) => format!("unknown value, replaced by «\u{a0}{f}\u{a0}»"),
                    (false, None) => "unknown value, ignored".to_owned(),
                },
                Some(if fr {
                    format!("une des valeurs\u{a0}: {expected}")
                } else {
                    format!("one of: {expected}")
                }),
            ),
            Message::UnknownDomain { expected } => (
                t("thématique inconnue", "unknown field"),
                Some(if fr {
                    format!("une des thématiques de la feuille Domaines\u{a0}: {expected}")
                } else {
                    format!("one of the fields of the Domaines sheet: {expected}")
                }),
            ),
            Message::NoDomain { expected } => (
                t("formation sans thématique", "course without a field"),
                Some(if fr {
                    format!("au moins une thématique\u{a0}: {expected}")
                } else {
                    format!("at least one field: {expected}")
                }),
            ),
            Message::NotADate { expected } => (
                t("ce n'est pas une date", "not a date"),
                Some(expected_date(expected, fr)),
            ),
            Message::NotANumber { expected } => (
                t("ce n'est pas un nombre\u{a0}: ignoré", "not a number: ignored"),
                Some(expected_number(expected, fr)),
            ),
            Message::NotADuration => (
                t(
                    "durée illisible\u{a0}: la durée est laissée à 0",
                    "unreadable duration: the duration is left at 0",
                ),
                Some(t(
                    "des minutes («\u{a0}90\u{a0}»), des heures («\u{a0}3 h 30\u{a0}») ou des jours («\u{a0}2 jours\u{a0}», «\u{a0}une demi-journée\u{a0}»)",
                    "minutes («\u{a0}90\u{a0}»), hours («\u{a0}3 h 30\u{a0}») or days («\u{a0}2 jours\u{a0}», «\u{a0}une demi-journée\u{a0}»)",
                )),
            ),
            Message::NotALink => (
                t("lien refusé\u{a0}: ignoré", "link refused: ignored"),
                Some(t(
                    "une adresse complète en https:// (ou, pour le lien d'inscription, mailto:adresse@exemple.gouv.fr)",
                    "a full https:// address (or, for the registration link, mailto:address@example.gouv.fr)",
                )),
            ),
            Message::DuplicateId { first_row } => (
                match (fr, first_row) {
                    (true, Some(r)) => format!("identifiant déjà pris à la ligne {r}"),
                    (true, None) => "identifiant déjà pris".to_owned(),
                    (false, Some(r)) => format!("id already taken on row {r}"),
                    (false, None) => "id already taken".to_owned(),
                },
                Some(t("un identifiant unique", "a unique id")),
            ),
            Message::DuplicateTitle { first_row, id } => (
                if fr {
                    format!("même intitulé qu'à la ligne {first_row}\u{a0}: identifiant «\u{a0}{id}\u{a0}» donné")
                } else {
                    format!("same title as on row {first_row}: given the id «\u{a0}{id}\u{a0}»")
                },
                Some(t(
                    "un intitulé par formation, ou une colonne «\u{a0}Identifiant\u{a0}»",
                    "one title per course, or an «\u{a0}Identifiant\u{a0}» column",
                )),
            ),
            Message::UnknownCourse => (
                t(
                    "session d'une formation inconnue",
                    "session of an unknown course",
                ),
                Some(t(
                    "l'identifiant ou l'intitulé d'une formation de la feuille Formations",
                    "the id or title of a course of the Formations sheet",
                )),
            ),
            Message::EndsBeforeStart => (
                t(
                    "la session finit avant de commencer",
                    "the session ends before it starts",
                ),
                Some(t(
                    "une fin après le début",
                    "an end after the start",
                )),
            ),
            Message::UnknownModule { module } => (
                if fr {
                    format!("module «\u{a0}{module}\u{a0}» inconnu")
                } else {
                    format!("unknown module «\u{a0}{module}\u{a0}»")
                },
                Some(t(
                    "les identifiants de formations de type Module, dans l'ordre du parcours",
                    "the ids of courses of type Module, in the path's order",
                )),
            ),
            Message::CourseInvalid(why) => (
                if fr {
                    format!("formation refusée par l'application ({why})")
                } else {
                    format!("course refused by the app ({why})")
                },
                None,
            ),
            Message::FieldDropped(problem) => (
                t(
                    "valeur refusée par l'application\u{a0}: ignorée",
                    "value refused by the app: ignored",
                ),
                Some(expected_field(*problem, fr)),
            ),
            Message::Formula { formula } => (
                if fr {
                    format!("formule «\u{a0}{formula}\u{a0}»\u{a0}: sa dernière valeur calculée est lue")
                } else {
                    format!("formula «\u{a0}{formula}\u{a0}»: its last computed value is read")
                },
                Some(t("une valeur saisie", "a typed value")),
            ),
            Message::HiddenRow => (
                t(
                    "ligne masquée\u{a0}: elle est lue comme les autres",
                    "hidden row: read like the others",
                ),
                None,
            ),
            Message::HiddenColumn => (
                t(
                    "colonne masquée\u{a0}: elle est lue comme les autres",
                    "hidden column: read like the others",
                ),
                None,
            ),
            Message::HiddenSheet => (
                t(
                    "feuille masquée\u{a0}: elle est lue comme les autres",
                    "hidden sheet: read like the others",
                ),
                None,
            ),
            Message::Merged { cells } => (
                if fr {
                    format!("cellules fusionnées ({cells})\u{a0}: seule la première porte la valeur, les autres sont vides")
                } else {
                    format!("merged cells ({cells}): only the first holds the value, the others are empty")
                },
                Some(t("des cellules séparées", "separate cells")),
            ),
            Message::ShortSynonymGroup => (
                t(
                    "groupe de moins de deux termes\u{a0}: ignoré",
                    "group of fewer than two terms: ignored",
                ),
                Some(t(
                    "au moins deux termes, séparés par des virgules",
                    "at least two terms, separated by commas",
                )),
            ),
        }
    }
}

fn expected_date(kind: &str, fr: bool) -> String {
    match (kind, fr) {
        ("day", true) => "une date, par exemple 30/06/2027 ou 2027-06-30".into(),
        ("day", false) => "a date, e.g. 30/06/2027 or 2027-06-30".into(),
        (_, true) => "une date et une heure, par exemple 11/02/2027 09:30 (heure de Paris, ou suivie de son décalage\u{a0}: +04:00)".into(),
        (_, false) => "a date and time, e.g. 11/02/2027 09:30 (Paris time, or followed by its offset: +04:00)".into(),
    }
}

fn expected_number(kind: &str, fr: bool) -> String {
    match (kind, fr) {
        ("year", true) => "une année, par exemple 2027".into(),
        ("year", false) => "a year, e.g. 2027".into(),
        (_, true) => "un nombre entier positif".into(),
        (_, false) => "a positive whole number".into(),
    }
}

fn expected_field(problem: FieldProblem, fr: bool) -> String {
    match (problem, fr) {
        (FieldProblem::NotText, true) => "du texte".into(),
        (FieldProblem::NotText, false) => "text".into(),
        (FieldProblem::NotAnEmail, true) => {
            "une adresse électronique simple, par exemple equipe@numerique.gouv.fr".into()
        }
        (FieldProblem::NotAnEmail, false) => {
            "a plain email address, e.g. equipe@numerique.gouv.fr".into()
        }
        (FieldProblem::NotHttp, true) => "une adresse complète en https://".into(),
        (FieldProblem::NotHttp, false) => "a full https:// address".into(),
        (FieldProblem::TooLong(max), true) => format!("au plus {max} caractères"),
        (FieldProblem::TooLong(max), false) => format!("at most {max} characters"),
        (FieldProblem::NotElearning, true) => {
            "un lien d'accès seulement pour une formation en e-learning".into()
        }
        (FieldProblem::NotElearning, false) => {
            "an access link only for an e-learning course".into()
        }
        (FieldProblem::NotLanguages, true) => {
            "des langues parmi Français, Anglais, Allemand, Espagnol, Italien".into()
        }
        (FieldProblem::NotLanguages, false) => {
            "languages among French, English, German, Spanish, Italian".into()
        }
    }
}

/// The other words of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// "Erreur".
    Error,
    /// "Avertissement".
    Warning,
    /// "ligne".
    Row,
    /// "colonne".
    Column,
    /// "valeur".
    Value,
    /// "attendu".
    Expected,
}

impl Word {
    /// The word in `l`.
    pub fn text(self, l: Locale) -> &'static str {
        match self {
            Word::Error => SheetText::WordError.get(l),
            Word::Warning => SheetText::WordWarning.get(l),
            Word::Row => SheetText::WordRow.get(l),
            Word::Column => SheetText::WordColumn.get(l),
            Word::Value => SheetText::WordValue.get(l),
            Word::Expected => SheetText::WordExpected.get(l),
        }
    }
}

/// The report's first line: what was read.
pub fn summary(source: &str, courses: usize, sessions: usize, l: Locale) -> String {
    let s = |n: usize| if n > 1 { "s" } else { "" };
    let en = |n: usize| if n == 1 { "" } else { "s" };
    match l {
        Locale::Fr => format!(
            "{source}\u{a0}: {courses} formation{}, {sessions} session{}.",
            s(courses),
            s(sessions)
        ),
        Locale::En => format!(
            "{source}: {courses} course{}, {sessions} session{}.",
            en(courses),
            en(sessions)
        ),
    }
}

/// The count of problems.
pub fn counts(errors: usize, warnings: usize, l: Locale) -> String {
    let s = |n: usize| if n > 1 { "s" } else { "" };
    let en = |n: usize| if n == 1 { "" } else { "s" };
    match l {
        Locale::Fr => format!(
            "{errors} erreur{}, {warnings} avertissement{}.",
            s(errors),
            s(warnings)
        ),
        Locale::En => format!(
            "{errors} error{}, {warnings} warning{}.",
            en(errors),
            en(warnings)
        ),
    }
}

/// What became of the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Errors: nothing written.
    NothingWritten,
    /// Written to this path.
    Written(String),
    /// Written, with warnings to read.
    WrittenWithWarnings(String),
    /// Written, some files left out (the collector of received forms).
    WrittenWithoutRefused(String),
    /// A check without errors.
    CheckPassed,
}

impl Outcome {
    /// The last line of the report.
    pub fn text(&self, l: Locale) -> String {
        match (self, l) {
            (Outcome::NothingWritten, Locale::Fr) => {
                "Rien n'a été écrit\u{a0}: corrigez les erreurs et relancez.".into()
            }
            (Outcome::NothingWritten, Locale::En) => {
                "Nothing was written: correct the errors and run again.".into()
            }
            (Outcome::Written(p), Locale::Fr) => format!("Écrit\u{a0}: {p}."),
            (Outcome::Written(p), Locale::En) => format!("Written: {p}."),
            (Outcome::WrittenWithWarnings(p), Locale::Fr) => {
                format!("Écrit\u{a0}: {p}, malgré les avertissements ci-dessus (à relire).")
            }
            (Outcome::WrittenWithWarnings(p), Locale::En) => {
                format!("Written: {p}, despite the warnings above (to be read).")
            }
            (Outcome::WrittenWithoutRefused(p), Locale::Fr) => format!(
                "Écrit\u{a0}: {p}, sans les fichiers refusés ci-dessus (demandez-les de nouveau à leurs auteurs)."
            ),
            (Outcome::WrittenWithoutRefused(p), Locale::En) => format!(
                "Written: {p}, without the files refused above (ask their authors for them again)."
            ),
            (Outcome::CheckPassed, Locale::Fr) => "Aucune erreur\u{a0}: publiable.".into(),
            (Outcome::CheckPassed, Locale::En) => "No error: ready to publish.".into(),
        }
    }
}

campus_core::i18n::texts! {
    /// The report's words, French first, English second (see [`Word`]).
    enum SheetText;
    WordError => "Erreur", "Error";
    WordWarning => "Avertissement", "Warning";
    WordRow => "ligne", "row";
    WordColumn => "colonne", "column";
    WordValue => "valeur", "value";
    WordExpected => "attendu", "expected";
}
