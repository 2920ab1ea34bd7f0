//! The texts of a form's ending by where it went (email, Grist, démarches
//! simplifiées), French first, English second. Kept apart from the main
//! [`super::Text`] table, which every page carries: only the form pages use
//! these, so they travel in the forms' chunk of code.

use super::Locale;

/// A text of a form's ending. `{noun}` is filled by `Form::fill`; other
/// `{…}` placeholders by the page that shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// « Bonjour, Je joins à ce courriel ma {noun}, le fichier {fi »
    MailBody,
    /// « Dernière étape : envoyer votre {noun} par courriel »
    EmailNextTitle,
    /// « Votre {noun} n'est pas encore envoyée. Joignez le fichier {f »
    EmailNextText,
    /// « Télécharger à nouveau le fichier {file_json} »
    DownloadAgain,
    /// « L'équipe du campus a bien reçu votre {noun}. »
    ReceivedText,
    /// « Numéro de ligne dans le tableau de l'équipe »
    GristRow,
    /// « Continuer sur démarches simplifiées »
    DsContinue,
    /// « Dernière étape : déposer votre {noun} sur démarches sim »
    DsTitle,
    /// « nouvel onglet »
    DsNewTab,
    /// « Votre {noun} n'est pas encore envoyée. Elle ne parvient à l' »
    DsNotSent,
    /// « Le lien ouvre un dossier prérempli avec vos réponses. Vérifi »
    DsLinkText,
    /// « Réponses à recopier sur démarches simplifiées »
    DsLeftTitle,
    /// « Ces réponses ne sont pas dans le lien prérempli (limité »
    DsLeftText,
    /// « Champ sur démarches simplifiées »
    DsField,
    /// « aucun champ prévu, à ajouter en message sur votre dossier »
    DsNoField,
    /// « Copier »
    Copy,
    /// « Copié »
    Copied,
    /// « Copie impossible : sélectionnez le texte et copiez-le v »
    CopyFailed,
    /// « Le tableau de l'équipe du campus a répondu sans le numéro de »
    SubmitFailedNoRowId,
}

impl Ending {
    /// Every text, for the tests.
    pub const ALL: &'static [Ending] = &[
        Ending::MailBody,
        Ending::EmailNextTitle,
        Ending::EmailNextText,
        Ending::DownloadAgain,
        Ending::ReceivedText,
        Ending::GristRow,
        Ending::DsContinue,
        Ending::DsTitle,
        Ending::DsNewTab,
        Ending::DsNotSent,
        Ending::DsLinkText,
        Ending::DsLeftTitle,
        Ending::DsLeftText,
        Ending::DsField,
        Ending::DsNoField,
        Ending::Copy,
        Ending::Copied,
        Ending::CopyFailed,
        Ending::SubmitFailedNoRowId,
    ];

    /// The text in `l`.
    pub fn get(self, l: Locale) -> &'static str {
        let (fr, en) = match self {
            Ending::MailBody => (
                "Bonjour,\n\nJe joins à ce courriel ma {noun}, le fichier {file_json} (référence {ref}).\n\nCordialement",
                "Hello,\n\nI attach my {noun} to this email: the file {file_json} (reference {ref}).\n\nKind regards",
            ),
            Ending::EmailNextTitle => (
                "Dernière étape\u{a0}: envoyer votre {noun} par courriel",
                "Last step: email your {noun}",
            ),
            Ending::EmailNextText => (
                "Votre {noun} n'est pas encore envoyée. Joignez le fichier {file_json}, téléchargé sur votre appareil, à un courriel adressé à {email}\u{a0}: un courriel préparé depuis ce site ne peut pas joindre de fichier, ajoutez-le vous-même. L'équipe du campus reçoit votre {noun} avec ce courriel.",
                "Your {noun} is not sent yet. Attach the file {file_json}, downloaded to your device, to an email to {email}: an email prepared from this site cannot attach a file, add it yourself. The campus team receives your {noun} with that email.",
            ),
            Ending::DownloadAgain => (
                "Télécharger à nouveau le fichier {file_json}",
                "Download the file {file_json} again",
            ),
            Ending::ReceivedText => (
                "L'équipe du campus a bien reçu votre {noun}.",
                "The campus team has received your {noun}.",
            ),
            Ending::GristRow => (
                "Numéro de ligne dans le tableau de l'équipe",
                "Row number in the team's table",
            ),
            Ending::DsContinue => (
                "Continuer sur démarches simplifiées",
                "Continue on démarches simplifiées",
            ),
            Ending::DsTitle => (
                "Dernière étape\u{a0}: déposer votre {noun} sur démarches simplifiées",
                "Last step: submit your {noun} on démarches simplifiées",
            ),
            Ending::DsNewTab => (
                "nouvel onglet",
                "new tab",
            ),
            Ending::DsNotSent => (
                "Votre {noun} n'est pas encore envoyée. Elle ne parvient à l'équipe du campus qu'une fois le dossier déposé sur démarches simplifiées, le service de l'État qui la reçoit.",
                "Your {noun} is not sent yet. It reaches the campus team only once the file is submitted on démarches simplifiées, the State's service that receives it.",
            ),
            Ending::DsLinkText => (
                "Le lien ouvre un dossier prérempli avec vos réponses. Vérifiez-le, complétez-le puis déposez-le sur démarches simplifiées.",
                "The link opens a file prefilled with your answers. Check it, complete it, then submit it on démarches simplifiées.",
            ),
            Ending::DsLeftTitle => (
                "Réponses à recopier sur démarches simplifiées",
                "Answers to copy on démarches simplifiées",
            ),
            Ending::DsLeftText => (
                "Ces réponses ne sont pas dans le lien prérempli (trop longues pour ses 2\u{a0}000\u{a0}caractères, ou sans champ prévu sur la démarche)\u{a0}: copiez chacune dans le champ indiqué.",
                "These answers are not in the prefilled link (too long for its 2,000 characters, or with no field on the démarche): copy each into the field shown.",
            ),
            Ending::DsField => (
                "Champ sur démarches simplifiées",
                "Field on démarches simplifiées",
            ),
            Ending::DsNoField => (
                "aucun champ prévu, à ajouter en message sur votre dossier",
                "no field for it: add it as a message on your file",
            ),
            Ending::Copy => (
                "Copier",
                "Copy",
            ),
            Ending::Copied => (
                "Copié",
                "Copied",
            ),
            Ending::CopyFailed => (
                "Copie impossible\u{a0}: sélectionnez le texte et copiez-le vous-même.",
                "Could not copy: select the text and copy it yourself.",
            ),
            Ending::SubmitFailedNoRowId => (
                "Le tableau de l'équipe du campus a répondu sans le numéro de la ligne créée\u{a0}: rien ne prouve que votre {noun} a été reçue.",
                "The campus team's table answered without the number of the row it created: nothing proves your {noun} was received.",
            ),
        };
        l.pick(fr, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ending_text_is_translated_and_typeset() {
        for text in Ending::ALL {
            let (fr, en) = (text.get(Locale::Fr), text.get(Locale::En));
            assert!(!fr.trim().is_empty() && !en.trim().is_empty(), "{text:?}");
            assert!(!fr.contains('<') && !en.contains('<'), "{text:?}");
            if fr.len() > 12 {
                assert_ne!(fr, en, "{text:?} is not translated");
            }
            // French: a non-breaking space before : ; ! ? and none in English.
            for (i, c) in fr.char_indices() {
                if matches!(c, ':' | ';' | '!' | '?') {
                    assert!(fr[..i].ends_with('\u{a0}'), "{text:?}: {fr}");
                }
            }
            assert!(!en.contains('\u{a0}'), "{text:?}: {en}");
        }
    }
}
