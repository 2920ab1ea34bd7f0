//! The texts of the application and request pages (start, steps, review,
//! notices), French first, English second. Kept apart from the main
//! [`super::Text`] table, which every page carries: only the form pages use
//! these, so they travel in the forms' chunk of code. `{noun}`, `{a_noun}`
//! and `{file}` are filled by `Form::say`.

use super::texts;

texts! {
    /// A text of the form pages. Look it up with [`FormText::get`].
    enum FormText;
    RequestExamples =>
        "Exemples de programmes sur mesure déjà construits avec des administrations\u{a0}:",
        "Examples of tailor-made programmes already built with administrations:";
    RequestAboutCourse => "Votre demande portera sur la formation\u{a0}:", "Your request will be about the training:";
    RequestInProgressAbout { course } =>
        "Votre demande en cours porte sur la formation «\u{a0}{course}\u{a0}».",
        "Your request in progress is about the training \u{201c}{course}\u{201d}.";
    RequestInProgressNoCourse =>
        "Votre demande en cours ne porte sur aucune formation du catalogue.",
        "Your request in progress is not about any catalogue training.";
    RequestSwitchQuestion { course } =>
        "Elle peut porter sur «\u{a0}{course}\u{a0}»\u{a0}; vos autres réponses sont gardées.",
        "It can be about \u{201c}{course}\u{201d}; your other answers are kept.";
    RequestSwitchCourse =>
        "Faire porter ma demande sur cette formation",
        "Make my request about this training";
    StepOf { n, total } => "Étape {n} sur {total}", "Step {n} of {total}";
    NextStepLabel => "Étape suivante\u{a0}:", "Next step:";
    Continue => "Continuer", "Continue";
    Back => "Retour", "Back";
    ErrorSummaryTitle => "Il y a un problème", "There is a problem";
    ErrorTitlePrefix => "Erreur\u{a0}: ", "Error: ";
    ResumeIntro =>
        "Vous avez {a_noun} en cours dans ce navigateur. Reprenez-la là où vous l'avez laissée.",
        "You have {a_noun} in progress in this browser. Pick it up where you left it.";
    DiscardDraft => "Supprimer ce brouillon", "Discard this draft";
    DiscardConfirm => "Supprimer définitivement le brouillon\u{a0}?", "Discard the draft for good?";
    DraftSaved =>
        "Vos réponses sont enregistrées dans ce navigateur à chaque saisie.",
        "Your answers are saved in this browser as you type.";
    ApplicationNotStarted =>
        "Vous n'avez pas encore commencé de {noun}.",
        "You have not started {a_noun} yet.";
    MaybeExists => "Cette formation existe peut-être déjà\u{a0}:", "This training may already exist:";
    ChangeAnswer => "Modifier", "Change";
    NotProvided => "Non renseigné", "Not provided";
    ConsentPrivacyLink => "Lire la politique de données personnelles", "Read the personal data policy";
    Sending => "Envoi en cours…", "Sending…";
    SubmitFailedNetwork =>
        "Le serveur n'a pas répondu. Vos réponses sont conservées\u{a0}: réessayez dans un instant.",
        "The server did not answer. Your answers are kept: try again in a moment.";
    SubmitFailedServer =>
        "Le serveur a refusé l'envoi. Vos réponses sont conservées\u{a0}: réessayez, ou téléchargez votre {noun} et envoyez-la par courriel.",
        "The server refused the {noun}. Your answers are kept: try again, or download your {noun} and send it by email.";
    SubmitRetry => "Réessayer l'envoi", "Try sending again";
    NoEndpointTitle => "Envoi par courriel", "Sending by email";
    NoEndpointText { email } =>
        "Ce site n'envoie pas les {noun}s lui-même. Téléchargez votre {noun}, puis joignez ce fichier à un courriel pour {email}.",
        "This site does not send {noun}s itself. Download your {noun}, then attach the file to an email to {email}.";
    DownloadProgress => "Télécharger ma progression", "Download my progress";
    LoadProgress => "Reprendre depuis un fichier de progression", "Resume from a progress file";
    ProgressTooLarge =>
        "Ce fichier est trop volumineux pour être une progression de {noun} (512\u{a0}Ko au plus). Il n'a pas été lu.",
        "This file is too large to be a progress file of your {noun} (512 KB at most). It was not read.";
    ProgressNewer =>
        "Ce fichier de progression vient d'une version plus récente du site. Rechargez la page pour obtenir la dernière version, puis réessayez.",
        "This progress file comes from a newer version of the site. Reload the page to get the latest version, then try again.";
    ProgressDamaged =>
        "Ce fichier de progression est endommagé ou a été modifié\u{a0}: il n'a pas été chargé. Votre brouillon actuel n'a pas changé.",
        "This progress file is damaged or was modified: it was not loaded. Your current draft has not changed.";
    ProgressUnreadable =>
        "Ce fichier n'a pas pu être lu. Réessayez, ou choisissez un autre fichier.",
        "This file could not be read. Try again, or choose another file.";
    StorageProblemTitle =>
        "Vos réponses ne peuvent pas être enregistrées dans ce navigateur",
        "Your answers cannot be saved in this browser";
    StorageDenied =>
        "Ce navigateur refuse l'enregistrement à ce site (réglages de confidentialité, ou formulaire intégré dans un autre site). Si vous fermez ou rechargez la page, vos réponses seront perdues.",
        "This browser does not let this site save anything (privacy settings, or a form embedded in another site). If you close or reload the page, your answers will be lost.";
    StorageFull =>
        "L'espace de stockage de ce navigateur est plein\u{a0}: vos dernières réponses ne sont pas enregistrées. Si vous fermez ou rechargez la page, elles seront perdues.",
        "This browser's storage is full: your latest answers are not saved. If you close or reload the page, they will be lost.";
    StorageAdvice =>
        "Téléchargez votre progression pour la garder, puis reprenez-la plus tard depuis ce fichier.",
        "Download your progress to keep it, then resume later from that file.";
    DraftNotSaved =>
        "Vos réponses ne sont pas enregistrées dans ce navigateur (voir l'avertissement ci-dessus).",
        "Your answers are not saved in this browser (see the warning above).";
    SentElsewhere { reference } =>
        "Cette {noun} (référence {reference}) a déjà été envoyée depuis ce navigateur\u{a0}: elle n'est plus modifiable. Vous pouvez en commencer une nouvelle.",
        "This {noun} (reference {reference}) was already sent from this browser: it can no longer be changed. You can start a new one.";
    DiscardedElsewhere { reference } =>
        "Le brouillon de {noun} (référence {reference}) a été supprimé.",
        "The {noun} draft (reference {reference}) was discarded.";
    SubmitFailedTimeout =>
        "Le serveur n'a pas répondu à temps. Votre {noun} est peut-être arrivée\u{a0}: réessayez, elle ne sera pas enregistrée deux fois.",
        "The server did not answer in time. Your {noun} may have arrived: try again, it will not be stored twice.";
    SubmitFailedRedirected =>
        "Le service de réception a redirigé l'envoi (souvent vers une page de connexion)\u{a0}: rien ne prouve que votre {noun} a été reçue.",
        "The receiving service redirected the request (often to a login page): nothing proves your {noun} was received.";
    SubmitFailedNotJson =>
        "Le service de réception a répondu par une page au lieu d'un accusé de réception\u{a0}: rien ne prouve que votre {noun} a été reçue.",
        "The receiving service answered with a page instead of an acknowledgement: nothing proves your {noun} was received.";
    SubmitFailedEmpty =>
        "Le service de réception a répondu sans accusé de réception (réponse vide)\u{a0}: rien ne prouve que votre {noun} a été reçue.",
        "The receiving service answered without an acknowledgement (empty answer): nothing proves your {noun} was received.";
    SubmitFailedOtherReference { reference } =>
        "Le service de réception a accusé réception d'une autre {noun} ({reference})\u{a0}: rien ne prouve que votre {noun} a été reçue.",
        "The receiving service acknowledged another {noun} ({reference}): nothing proves your {noun} was received.";
    SubmitFailedOtherReferenceUnnamed =>
        "une autre référence",
        "another reference";
    SubmitFailedBlocked =>
        "La politique de sécurité de ce site lui interdit d'envoyer votre {noun} à l'adresse de réception configurée. Ce n'est pas un problème de réseau\u{a0}: réessayer ne changera rien.",
        "This site's security policy forbids sending your {noun} to the configured receiving address. This is not a network problem: trying again will not help.";
    SubmitRetryNow => "Vous pouvez réessayer dès maintenant.", "You can try again now.";
    SubmitFailedNoEcho =>
        "Le service de réception a répondu sans confirmer votre numéro de référence\u{a0}: rien ne prouve que votre {noun} a été reçue.",
        "The receiving service answered without confirming your reference number: nothing proves your {noun} was received.";
    SubmitFailedBusy =>
        "Le service de réception est momentanément surchargé.",
        "The receiving service is busy for the moment.";
    SubmitAutoRetry { n } =>
        "Nouvel essai automatique dans {n}\u{a0}s…",
        "Trying again automatically in {n} s…";
    SubmitWaitFor { d } => "Réessayez dans {d}.", "Try again in {d}.";
    SubmitFailedRefused =>
        "Le service de réception a refusé l'envoi de votre {noun}.",
        "The receiving service refused the {noun}.";
    SubmitFailedInternal =>
        "L'envoi n'a pas pu être préparé.",
        "The request could not be prepared.";
    SubmitKept { email } =>
        "Vos réponses sont conservées. Vous pouvez réessayer, ou télécharger votre {noun} et l'envoyer par courriel à {email}\u{a0}:",
        "Your answers are kept. You can try again, or download your {noun} and send it by email to {email}:";
    SubmitKeptNoRetry { email } =>
        "Vos réponses sont conservées. Téléchargez votre {noun} et envoyez-la par courriel à {email}\u{a0}:",
        "Your answers are kept. Download your {noun} and send it by email to {email}:";
    FramedFormTitle =>
        "Le formulaire s'ouvre sur le site du Campus",
        "The form opens on the Campus site";
    FramedFormText =>
        "Pour protéger votre {noun}, ce formulaire ne s'affiche pas dans ce site. Continuez sur le site du Campus du numérique public.",
        "To protect your {noun}, this form is not shown inside this site. Continue on the Campus du numérique public site.";
    ProgressNotFile =>
        "Ce fichier n'est pas un fichier de progression de {noun} du Campus. Choisissez le fichier «\u{a0}{file}\u{a0}» que vous avez téléchargé.",
        "This file is not a Campus {noun} progress file. Choose the file \"{file}\" you downloaded.";
}
