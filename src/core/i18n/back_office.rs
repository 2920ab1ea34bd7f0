//! The texts of a form's ending by where it went (email, Grist, démarches
//! simplifiées), French first, English second. Kept apart from the main
//! [`super::Text`] table, which every page carries: only the form pages use
//! these, so they travel in the forms' chunk of code.

use super::texts;

texts! {
    /// A text of a form's ending. `{noun}` is filled by `Form::say`; the
    /// declared placeholders by the page that shows it (`args`).
    enum Ending;
    MailBody { file_json, reference } =>
        "Bonjour,\n\nJe joins à ce courriel ma {noun}, le fichier {file_json} (référence {reference}).\n\nCordialement",
        "Hello,\n\nI attach my {noun} to this email: the file {file_json} (reference {reference}).\n\nKind regards";
    EmailNextTitle =>
        "Dernière étape\u{a0}: envoyer votre {noun} par courriel",
        "Last step: email your {noun}";
    EmailNextText { file_json, email } =>
        "Votre {noun} n'est pas encore envoyée. Joignez le fichier {file_json}, téléchargé sur votre appareil, à un courriel adressé à {email}\u{a0}: un courriel préparé depuis ce site ne peut pas joindre de fichier, ajoutez-le vous-même. L'équipe du campus reçoit votre {noun} avec ce courriel.",
        "Your {noun} is not sent yet. Attach the file {file_json}, downloaded to your device, to an email to {email}: an email prepared from this site cannot attach a file, add it yourself. The campus team receives your {noun} with that email.";
    DownloadAgain { file_json } =>
        "Télécharger à nouveau le fichier {file_json}",
        "Download the file {file_json} again";
    ReceivedText =>
        "L'équipe du campus a bien reçu votre {noun}.",
        "The campus team has received your {noun}.";
    GristRow =>
        "Numéro de ligne dans le tableau de l'équipe",
        "Row number in the team's table";
    DsContinue =>
        "Continuer sur démarches simplifiées",
        "Continue on démarches simplifiées";
    DsTitle =>
        "Dernière étape\u{a0}: déposer votre {noun} sur démarches simplifiées",
        "Last step: submit your {noun} on démarches simplifiées";
    DsNewTab =>
        "nouvel onglet",
        "new tab";
    DsNotSent =>
        "Votre {noun} n'est pas encore envoyée. Elle ne parvient à l'équipe du campus qu'une fois le dossier déposé sur démarches simplifiées, le service de l'État qui la reçoit.",
        "Your {noun} is not sent yet. It reaches the campus team only once the file is submitted on démarches simplifiées, the State's service that receives it.";
    DsLinkText =>
        "Le lien ouvre un dossier prérempli avec vos réponses. Vérifiez-le, complétez-le puis déposez-le sur démarches simplifiées.",
        "The link opens a file prefilled with your answers. Check it, complete it, then submit it on démarches simplifiées.";
    DsLeftTitle =>
        "Réponses à recopier sur démarches simplifiées",
        "Answers to copy on démarches simplifiées";
    DsLeftText =>
        "Ces réponses ne sont pas dans le lien prérempli (trop longues pour ses 2\u{a0}000\u{a0}caractères, ou sans champ prévu sur la démarche)\u{a0}: copiez chacune dans le champ indiqué.",
        "These answers are not in the prefilled link (too long for its 2,000 characters, or with no field on the démarche): copy each into the field shown.";
    DsField =>
        "Champ sur démarches simplifiées",
        "Field on démarches simplifiées";
    DsNoField =>
        "aucun champ prévu, à ajouter en message sur votre dossier",
        "no field for it: add it as a message on your file";
    Copy =>
        "Copier",
        "Copy";
    Copied =>
        "Copié",
        "Copied";
    CopyFailed =>
        "Copie impossible\u{a0}: sélectionnez le texte et copiez-le vous-même.",
        "Could not copy: select the text and copy it yourself.";
    SubmitFailedNoRowId =>
        "Le tableau de l'équipe du campus a répondu sans le numéro de la ligne créée\u{a0}: rien ne prouve que votre {noun} a été reçue.",
        "The campus team's table answered without the number of the row it created: nothing proves your {noun} was received.";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

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
