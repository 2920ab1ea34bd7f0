//! Every text of the collector's report, in French and English, in one
//! table: why a received file is refused or warned about, and what is
//! expected. The words shared with the catalogue's report (severity, counts,
//! outcome) are `sheets::messages`'.

use campus_core::i18n::Locale;

/// What is not right with a received file. The data it carries is filled in
/// by the code that finds it; the words are here.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // Each field is named for what it holds.
pub enum Reason {
    // Refusals: the file is left out.
    /// Larger than any form's file can be.
    TooLarge { max_kib: u64 },
    /// The file could not be read.
    Unreadable(ReadProblem),
    /// Not UTF-8 text.
    NotText,
    /// Not JSON (where the parser stopped).
    NotJson { line: usize, column: usize },
    /// JSON, but not an object.
    NotAnObject,
    /// A progress file (a draft), not a sent form.
    ProgressFile,
    /// A catalogue, not a form.
    Catalogue,
    /// Any other JSON.
    UnknownKind,
    /// A `schema_version` this collector does not know.
    UnknownVersion { found: String, known: u32 },
    /// Its checksum does not match its content.
    Altered { checksum: String, actual: String },
    /// A `"checksum"` member elsewhere than at the end where the app writes it.
    ChecksumMisplaced,
    /// A member the form's payload must have is absent.
    Missing { member: String },
    /// A member the form's payload does not have.
    Unexpected { member: String },
    /// A member of the wrong type (`expected`: "a string", ...).
    WrongType { member: String, expected: WrongType },
    /// An answer the form's own rules refuse (`rule`: the form's message).
    AnswerRefused { label: String, rule: String },
    /// Valid answers, but not written as the app writes them.
    NotAsMade { member: String },
    // Warnings: the file is kept.
    /// No checksum: nothing shows it was not changed.
    NoChecksum,
    /// Two versions of one reference, at the same time, with other content.
    SameTimeOtherContent { other: String },
    /// The version kept has no checksum, an older one of the same reference
    /// has a verified one (`verified`: its file).
    KeptUnsigned { verified: String },
    /// A folder without any `.json` file.
    EmptyFolder,
    /// More files than the collector reads in one run.
    TooManyFiles { max: usize },
}

/// Why a file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadProblem {
    /// No such file (anymore).
    NotFound,
    /// Not allowed to read it.
    Denied,
    /// Not a regular file (a device, a pipe).
    NotAFile,
    /// Any other input/output error.
    Other,
}

impl ReadProblem {
    /// The problem of an input/output error.
    pub fn of(error: &std::io::Error) -> ReadProblem {
        match error.kind() {
            std::io::ErrorKind::NotFound => ReadProblem::NotFound,
            std::io::ErrorKind::PermissionDenied => ReadProblem::Denied,
            _ => ReadProblem::Other,
        }
    }

    fn text(self, l: Locale) -> &'static str {
        match self {
            ReadProblem::NotFound => CollectorText::ReadProblemNotFound.get(l),
            ReadProblem::Denied => CollectorText::ReadProblemDenied.get(l),
            ReadProblem::NotAFile => CollectorText::ReadProblemNotAFile.get(l),
            ReadProblem::Other => CollectorText::ReadProblemOther.get(l),
        }
    }
}

/// What a member should have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrongType {
    /// A string.
    Text,
    /// A number.
    Number,
    /// A list of strings.
    List,
    /// An object (a section).
    Section,
    /// `true`.
    True,
}

impl WrongType {
    fn text(self, l: Locale) -> &'static str {
        match self {
            WrongType::Text => CollectorText::WrongTypeText.get(l),
            WrongType::Number => CollectorText::WrongTypeNumber.get(l),
            WrongType::List => CollectorText::WrongTypeList.get(l),
            WrongType::Section => CollectorText::WrongTypeSection.get(l),
            WrongType::True => "true",
        }
    }
}

impl Reason {
    /// Whether the file is left out (else it is kept, with a warning).
    pub fn refuses(&self) -> bool {
        !matches!(
            self,
            Reason::NoChecksum
                | Reason::SameTimeOtherContent { .. }
                | Reason::KeptUnsigned { .. }
                | Reason::EmptyFolder
                | Reason::TooManyFiles { .. }
        )
    }

    /// What is wrong, and what is expected (when there is something to say).
    pub fn texts(&self, l: Locale) -> (String, Option<String>) {
        let fr = l == Locale::Fr;
        let t = |fr_text: &str, en_text: &str| -> String {
            if fr { fr_text } else { en_text }.to_owned()
        };
        let q = |s: &str| l.quote(s);
        let a_form = t(
            "une candidature ou une demande sur mesure téléchargée depuis le site du campus",
            "an application or a tailor-made request downloaded from the campus site",
        );
        match self {
            Reason::TooLarge { max_kib } => (
                t(
                    "fichier trop grand pour un formulaire du campus",
                    "file too large for a campus form",
                ),
                Some(if fr {
                    format!("au plus {max_kib}\u{a0}Kio")
                } else {
                    format!("at most {max_kib} KiB")
                }),
            ),
            Reason::Unreadable(why) => (
                if fr {
                    format!("fichier illisible ({})", why.text(l))
                } else {
                    format!("unreadable file ({})", why.text(l))
                },
                None,
            ),
            Reason::NotText => (
                t("pas un fichier texte (UTF-8)", "not a text (UTF-8) file"),
                Some(a_form),
            ),
            Reason::NotJson { line, column } => (
                if fr {
                    format!("pas un fichier JSON lisible (ligne {line}, colonne {column})")
                } else {
                    format!("not a readable JSON file (line {line}, column {column})")
                },
                Some(a_form),
            ),
            Reason::NotAnObject => (
                t("JSON, mais pas un formulaire", "JSON, but not a form"),
                Some(a_form),
            ),
            Reason::ProgressFile => (
                t(
                    "fichier de progression (un brouillon), pas un formulaire envoyé",
                    "progress file (a draft), not a sent form",
                ),
                Some(a_form),
            ),
            Reason::Catalogue => (
                t("catalogue de formations, pas un formulaire", "course catalogue, not a form"),
                Some(a_form),
            ),
            Reason::UnknownKind => (
                t(
                    "ni une candidature ni une demande sur mesure",
                    "neither an application nor a tailor-made request",
                ),
                Some(a_form),
            ),
            Reason::UnknownVersion { found, known } => (
                if fr {
                    format!("version de format inconnue ({})", q(found))
                } else {
                    format!("unknown format version ({})", q(found))
                },
                Some(if fr {
                    format!("la version {known}")
                } else {
                    format!("version {known}")
                }),
            ),
            Reason::Altered { checksum, actual } => (
                if fr {
                    format!("modifié après téléchargement\u{a0}: sa somme de contrôle ({checksum}) n'est pas celle de son contenu ({actual})")
                } else {
                    format!("changed after download: its checksum ({checksum}) is not its content's ({actual})")
                },
                Some(t(
                    "le fichier tel que le site l'a téléchargé\u{a0}; demandez-le de nouveau à son auteur",
                    "the file as the site downloaded it; ask its author for it again",
                )),
            ),
            Reason::ChecksumMisplaced => (
                t(
                    "modifié après téléchargement\u{a0}: sa somme de contrôle n'est plus à la fin du fichier (remis en forme ou réécrit)",
                    "changed after download: its checksum is no longer at the end of the file (reformatted or rewritten)",
                ),
                Some(t(
                    "le fichier tel que le site l'a téléchargé\u{a0}; demandez-le de nouveau à son auteur",
                    "the file as the site downloaded it; ask its author for it again",
                )),
            ),
            Reason::Missing { member } => (
                if fr {
                    format!("il manque {}", q(member))
                } else {
                    format!("{} is missing", q(member))
                },
                Some(a_form),
            ),
            Reason::Unexpected { member } => (
                if fr {
                    format!("{} n'appartient pas à ce formulaire", q(member))
                } else {
                    format!("{} is not part of this form", q(member))
                },
                Some(a_form),
            ),
            Reason::WrongType { member, expected } => (
                if fr {
                    format!("{} n'a pas le bon type", q(member))
                } else {
                    format!("{} has the wrong type", q(member))
                },
                Some(expected.text(l).to_owned()),
            ),
            Reason::AnswerRefused { label, rule } => (
                if fr {
                    format!("réponse {} refusée par les règles du formulaire", q(label))
                } else {
                    format!("answer {} refused by the form's rules", q(label))
                },
                Some(rule.clone()),
            ),
            Reason::NotAsMade { member } => (
                if fr {
                    format!(
                        "{} n'est pas écrit comme le site l'écrit (modifié à la main\u{a0}?)",
                        q(member)
                    )
                } else {
                    format!(
                        "{} is not written as the site writes it (edited by hand?)",
                        q(member)
                    )
                },
                Some(a_form),
            ),
            Reason::NoChecksum => (
                t(
                    "sans somme de contrôle (téléchargé avant leur ajout, ou reçu d'un serveur)\u{a0}: rien ne montre qu'il n'a pas été modifié",
                    "no checksum (downloaded before they were added, or received from a server): nothing shows it was not changed",
                ),
                None,
            ),
            Reason::SameTimeOtherContent { other } => (
                if fr {
                    format!(
                        "même référence et même date de dépôt que {}, mais un autre contenu\u{a0}: la version retenue est la première par nom de fichier",
                        q(other)
                    )
                } else {
                    format!(
                        "same reference and time of sending as {}, but other content: the version kept is the first by file name",
                        q(other)
                    )
                },
                Some(t("à vérifier auprès de son auteur", "to check with its author")),
            ),
            Reason::KeptUnsigned { verified } => (
                if fr {
                    format!(
                        "version la plus récente, mais sans somme de contrôle, alors que {} en a une",
                        q(verified)
                    )
                } else {
                    format!(
                        "the most recent version, but without a checksum, while {} has one",
                        q(verified)
                    )
                },
                Some(t(
                    "à vérifier auprès de son auteur avant de s'y fier",
                    "to check with its author before relying on it",
                )),
            ),
            Reason::EmptyFolder => (
                t("dossier sans fichier .json", "folder without any .json file"),
                None,
            ),
            Reason::TooManyFiles { max } => (
                if fr {
                    format!("plus de {max} fichiers\u{a0}: les suivants ne sont pas lus")
                } else {
                    format!("more than {max} files: the next ones are not read")
                },
                Some(t(
                    "relancez sur les fichiers restants",
                    "run again on the remaining files",
                )),
            ),
        }
    }

    /// The reason on one line: `what ; attendu : expected`.
    pub fn line(&self, l: Locale) -> String {
        let (what, expected) = self.texts(l);
        match expected {
            Some(e) => {
                let semi = CollectorText::Semicolon.get(l);
                let expected_word = crate::sheets::messages::Word::Expected.text(l);
                format!("{what}{semi} {expected_word}{}{e}", l.colon())
            }
            None => what,
        }
    }
}

/// The report's first line: what was read and kept.
pub fn summary(files: usize, applications: usize, requests: usize, l: Locale) -> String {
    let s = |n: usize| if n > 1 { "s" } else { "" };
    let en = |n: usize| if n == 1 { "" } else { "s" };
    match l {
        Locale::Fr => format!(
            "{files} fichier{} lu{}\u{a0}: {applications} candidature{}, {requests} demande{} sur mesure.",
            s(files),
            s(files),
            s(applications),
            s(requests)
        ),
        Locale::En => format!(
            "{files} file{} read: {applications} application{}, {requests} tailor-made request{}.",
            en(files),
            en(applications),
            en(requests)
        ),
    }
}

/// Words of the spreadsheet that are not the forms' own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // Each variant is named for its text.
pub enum Label {
    ApplicationsSheet,
    RequestsSheet,
    FilesSheet,
    Reference,
    SubmittedAt,
    Language,
    Checksum,
    Fingerprint,
    File,
    OtherVersions,
    Form,
    Status,
    Reason,
    Kept,
    Older,
    Refused,
    Verified,
    Absent,
    Wrong,
    TechnicalExpertise,
    TrainingExperience,
    Commitment,
    FollowedBy,
    FollowUp,
    Notes,
    ToDo,
    InProgress,
    Proposed,
    Closed,
}

impl Label {
    /// The text in `l`.
    pub fn text(self, l: Locale) -> &'static str {
        match self {
            Label::ApplicationsSheet => CollectorText::LabelApplicationsSheet.get(l),
            Label::RequestsSheet => CollectorText::LabelRequestsSheet.get(l),
            Label::FilesSheet => CollectorText::LabelFilesSheet.get(l),
            Label::Reference => CollectorText::LabelReference.get(l),
            Label::SubmittedAt => CollectorText::LabelSubmittedAt.get(l),
            Label::Language => CollectorText::LabelLanguage.get(l),
            Label::Checksum => CollectorText::LabelChecksum.get(l),
            Label::Fingerprint => CollectorText::LabelFingerprint.get(l),
            Label::File => CollectorText::LabelFile.get(l),
            Label::OtherVersions => CollectorText::LabelOtherVersions.get(l),
            Label::Form => CollectorText::LabelForm.get(l),
            Label::Status => CollectorText::LabelStatus.get(l),
            Label::Reason => CollectorText::LabelReason.get(l),
            Label::Kept => CollectorText::LabelKept.get(l),
            Label::Older => CollectorText::LabelOlder.get(l),
            Label::Refused => CollectorText::LabelRefused.get(l),
            Label::Verified => CollectorText::LabelVerified.get(l),
            Label::Absent => CollectorText::LabelAbsent.get(l),
            Label::Wrong => CollectorText::LabelWrong.get(l),
            Label::TechnicalExpertise => CollectorText::LabelTechnicalExpertise.get(l),
            Label::TrainingExperience => CollectorText::LabelTrainingExperience.get(l),
            Label::Commitment => CollectorText::LabelCommitment.get(l),
            Label::FollowedBy => CollectorText::LabelFollowedBy.get(l),
            Label::FollowUp => CollectorText::LabelFollowUp.get(l),
            Label::Notes => CollectorText::LabelNotes.get(l),
            Label::ToDo => CollectorText::LabelToDo.get(l),
            Label::InProgress => CollectorText::LabelInProgress.get(l),
            Label::Proposed => CollectorText::LabelProposed.get(l),
            Label::Closed => CollectorText::LabelClosed.get(l),
        }
    }
}

campus_core::i18n::texts! {
    /// The collector's words, French first, English second: the keys its
    /// reasons and labels map to.
    enum CollectorText;
    ReadProblemNotFound => "introuvable", "not found";
    ReadProblemDenied => "accès refusé", "access denied";
    ReadProblemNotAFile => "pas un fichier ordinaire", "not a regular file";
    ReadProblemOther => "erreur de lecture", "read error";
    WrongTypeText => "un texte", "a string";
    WrongTypeNumber => "un nombre", "a number";
    WrongTypeList => "une liste de choix", "a list of choices";
    WrongTypeSection => "une section (objet JSON)", "a section (JSON object)";
    LabelApplicationsSheet => "Candidatures", "Applications";
    LabelRequestsSheet => "Demandes sur mesure", "Tailor-made requests";
    LabelFilesSheet => "Fichiers lus", "Files read";
    LabelReference => "Référence", "Reference";
    LabelSubmittedAt => "Déposée le (UTC)", "Sent on (UTC)";
    LabelLanguage => "Langue", "Language";
    LabelChecksum => "Somme de contrôle", "Checksum";
    LabelFingerprint => "Empreinte du fichier", "File fingerprint";
    LabelFile => "Fichier", "File";
    LabelOtherVersions => "Autres versions", "Other versions";
    LabelForm => "Formulaire", "Form";
    LabelStatus => "Statut", "Status";
    LabelReason => "Raison", "Reason";
    LabelKept => "retenu", "kept";
    LabelOlder => "version antérieure", "older version";
    LabelRefused => "refusé", "refused";
    LabelVerified => "vérifiée", "verified";
    LabelAbsent => "absente", "absent";
    LabelWrong => "fausse", "wrong";
    LabelTechnicalExpertise => "Expertise technique", "Technical expertise";
    LabelTrainingExperience => "Expérience de formation", "Training experience";
    LabelCommitment => "Engagement pour la transformation numérique de l'État", "Commitment to the State's digital transformation";
    LabelFollowedBy => "Suivie par", "Followed by";
    LabelFollowUp => "Suite donnée", "Follow-up";
    LabelNotes => "Notes", "Notes";
    LabelToDo => "À traiter", "To do";
    LabelInProgress => "En cours", "In progress";
    LabelProposed => "Programme proposé", "Programme proposed";
    LabelClosed => "Close", "Closed";
    Semicolon => "\u{a0};", ";";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples() -> Vec<Reason> {
        vec![
            Reason::TooLarge { max_kib: 256 },
            Reason::Unreadable(ReadProblem::Denied),
            Reason::NotText,
            Reason::NotJson { line: 1, column: 2 },
            Reason::NotAnObject,
            Reason::ProgressFile,
            Reason::Catalogue,
            Reason::UnknownKind,
            Reason::UnknownVersion {
                found: "2".into(),
                known: 1,
            },
            Reason::Altered {
                checksum: "0".repeat(16),
                actual: "1".repeat(16),
            },
            Reason::ChecksumMisplaced,
            Reason::Missing {
                member: "applicant".into(),
            },
            Reason::Unexpected {
                member: "note".into(),
            },
            Reason::WrongType {
                member: "consent".into(),
                expected: WrongType::True,
            },
            Reason::AnswerRefused {
                label: "Région".into(),
                rule: "Choisissez une réponse proposée".into(),
            },
            Reason::NotAsMade {
                member: "reference".into(),
            },
            Reason::NoChecksum,
            Reason::SameTimeOtherContent {
                other: "b.json".into(),
            },
            Reason::KeptUnsigned {
                verified: "a.json".into(),
            },
            Reason::EmptyFolder,
            Reason::TooManyFiles { max: 20_000 },
        ]
    }

    /// Every reason reads as one French line, spaced as French writes it
    /// (a no-break space before « : » and « ; », never two spaces).
    #[test]
    fn every_reason_is_one_well_spaced_line() {
        for reason in samples() {
            for l in Locale::ALL {
                let line = reason.line(l);
                assert!(!line.is_empty() && !line.contains('\n'), "{line}");
                assert!(
                    !line.contains("  ") && !line.contains(" \u{a0}") && !line.contains("\u{a0} "),
                    "{line:?}"
                );
                if l == Locale::Fr {
                    assert!(!line.contains(" :") && !line.contains(" ;"), "{line:?}");
                }
            }
        }
        assert_eq!(
            Reason::NotAsMade {
                member: "reference".into()
            }
            .line(Locale::Fr),
            "«\u{a0}reference\u{a0}» n'est pas écrit comme le site l'écrit (modifié à la main\u{a0}?)\u{a0}; attendu\u{a0}: une candidature ou une demande sur mesure téléchargée depuis le site du campus"
        );
    }
}
