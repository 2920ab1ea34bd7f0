//! The words of the campus's forms that their tables hold (`application::form`):
//! each form's nouns, start page, buttons and titles, each step's title, each
//! field's label and hint, French first, English second.

use super::texts;

texts! {
    /// A text of a form's tables. Look it up with [`FieldText::get`].
    enum FieldText;
    StepYou => "Vous",
        "About you";
    StepExpertise => "Votre expertise",
        "Your expertise";
    StepProposal => "Votre proposition",
        "Your proposal";
    StepAvailability => "Vos disponibilités",
        "Your availability";
    StepRequester => "Vous et votre administration",
        "You and your administration";
    StepNeed => "Votre besoin",
        "Your need";
    StepHandOff => "Continuer sur démarches simplifiées",
        "Continue on démarches simplifiées";
    ExampleEmail => "prenom.nom@ministere.gouv.fr",
        "firstname.lastname@ministry.gouv.fr";
    EmailHint => "Par exemple\u{a0}: prenom.nom@ministere.gouv.fr",
        "For example: firstname.lastname@ministry.gouv.fr";
    PhoneHint => "Par exemple\u{a0}: 01\u{a0}23\u{a0}45\u{a0}67\u{a0}89",
        "For example: +33 1 23 45 67 89";
    SimilarHint => "Nous vous signalons les formations du catalogue qui y ressemblent.",
        "We show catalogue trainings that look similar.";
    TrainerNoun => "candidature",
        "application";
    TrainerANoun => "une candidature",
        "an application";
    TrainerIntro => "Le formulaire de candidature se remplit en plusieurs étapes\u{a0}; votre brouillon est conservé dans ce navigateur.",
        "The application form has several steps; your draft is kept in this browser.";
    TrainerStart => "Commencer ma candidature",
        "Start my application";
    TrainerResume => "Reprendre ma candidature",
        "Resume my application";
    TrainerSubmit => "Envoyer ma candidature",
        "Send my application";
    TrainerReviewTitle => "Vérifiez votre candidature",
        "Check your application";
    TrainerSentTitle => "Candidature envoyée",
        "Application sent";
    TrainerNextSteps => "L'équipe du campus examine chaque candidature au regard de l'expertise technique, de l'expérience de formation et de l'engagement pour la transformation numérique de l'État. Vous recevrez une réponse par courriel sous un mois. Gardez votre numéro de référence.",
        "The campus team examines each application on technical expertise, training experience and commitment to the State's digital transformation. You will get an answer by email within a month. Keep your reference number.";
    TrainerMailSubject { reference } => "Candidature formateur bénévole {reference}",
        "Volunteer trainer application {reference}";
    FirstNameLabel => "Prénom",
        "First name";
    LastNameLabel => "Nom",
        "Last name";
    EmailLabel => "Adresse électronique professionnelle",
        "Work email address";
    PhoneLabel => "Téléphone",
        "Phone";
    AdministrationLabel => "Administration",
        "Administration";
    AdministrationOtherLabel => "Nom de votre administration",
        "Name of your administration";
    DepartmentLabel => "Direction ou service",
        "Directorate or department";
    JobTitleLabel => "Intitulé de poste",
        "Job title";
    RegionLabel => "Région d'affectation",
        "Region where you work";
    StatusLabel => "Statut",
        "Employment status";
    DomainsLabel => "Domaines d'expertise",
        "Fields of expertise";
    SkillsLabel => "Compétences que vous pouvez transmettre",
        "Skills you can teach";
    SkillsHint => "Le campus recherche en priorité du coaching produit, du déploiement de produits numériques, de l'IA, du design et de la data.",
        "The campus is looking first for product coaching, digital product deployment, AI, design and data.";
    YearsExperienceLabel => "Années d'expérience dans ces domaines",
        "Years of experience in these fields";
    TeachingExperienceLabel => "Expérience de formation",
        "Training experience";
    BioLabel => "Présentez votre parcours",
        "Describe your background";
    BioHint => "Votre expertise technique\u{a0}: projets, responsabilités, réalisations.",
        "Your technical expertise: projects, responsibilities, achievements.";
    MotivationLabel => "Pourquoi souhaitez-vous former vos collègues\u{a0}?",
        "Why do you want to train your colleagues?";
    MotivationHint => "Votre engagement pour la transformation numérique de l'État.",
        "Your commitment to the State's digital transformation.";
    ProposalKindLabel => "Que proposez-vous\u{a0}?",
        "What do you propose?";
    ExistingTitleLabel => "Titre",
        "Title";
    ExistingSummaryLabel => "Résumé",
        "Summary";
    ExistingDomainLabel => "Domaine",
        "Field";
    ExistingFormatLabel => "Format",
        "Format";
    ExistingDurationHoursLabel => "Durée (en heures)",
        "Duration (hours)";
    ExistingDurationHoursHint => "Par exemple\u{a0}: 7, 3,5 ou 3\u{a0}h\u{a0}30",
        "For example: 7, 3.5 or 3 h 30";
    ExistingAudienceLabel => "Public",
        "Audience";
    ExistingLevelLabel => "Niveau",
        "Level";
    ExistingObjectivesLabel => "Objectifs pédagogiques",
        "Learning objectives";
    ExistingMaterialUrlLabel => "Lien vers le support",
        "Link to the material";
    ExistingMaterialUrlHint => "Adresse commençant par https://",
        "Address starting with https://";
    IdeaTitleLabel => "Titre",
        "Title";
    IdeaNeedLabel => "À quel besoin répond ce programme\u{a0}?",
        "What need does this programme answer?";
    IdeaAudienceLabel => "Public",
        "Audience";
    IdeaFormatLabel => "Format",
        "Format";
    HelpTopicLabel => "Sujet de la formation",
        "Topic of the training";
    HelpNeededLabel => "De quelle aide avez-vous besoin\u{a0}?",
        "What help do you need?";
    HelpWhenLabel => "Pour quand\u{a0}?",
        "By when?";
    HelpWhenHint => "Par exemple\u{a0}: premier semestre 2027",
        "For example: first half of 2027";
    DaysPerYearLabel => "Jours disponibles par an",
        "Days available per year";
    FormatsAcceptedLabel => "Formats acceptés",
        "Formats you accept";
    RegionsAvailableLabel => "Régions où vous pouvez intervenir",
        "Regions where you can train";
    PeriodsLabel => "Périodes",
        "Periods";
    ManagerInformedLabel => "Votre responsable hiérarchique est-il informé\u{a0}?",
        "Is your line manager informed?";
    ConsentLabel => "J'accepte que mes réponses soient traitées par l'équipe du Campus du numérique public pour examiner ma candidature.",
        "I agree that my answers are processed by the Campus du numérique public team to examine my application.";
    RequestNoun => "demande",
        "request";
    RequestANoun => "une demande",
        "a request";
    RequestIntro => "Le campus construit avec vous un programme adapté à votre équipe\u{a0}: décrivez votre besoin en deux étapes, l'équipe vous répond sous trois semaines. Votre brouillon est conservé dans ce navigateur.",
        "The campus builds with you a programme suited to your team: describe your need in two steps, the team answers within three weeks. Your draft is kept in this browser.";
    RequestStart => "Commencer ma demande",
        "Start my request";
    RequestResume => "Reprendre ma demande",
        "Resume my request";
    RequestSubmit => "Envoyer ma demande",
        "Send my request";
    RequestReviewTitle => "Vérifiez votre demande",
        "Check your request";
    RequestSentTitle => "Demande envoyée",
        "Request sent";
    RequestNextSteps => "Un membre de l'équipe du campus vous écrit sous trois semaines pour préciser votre besoin, proposer un programme et convenir des dates. Gardez votre numéro de référence.",
        "A member of the campus team will write to you within three weeks to clarify your need, propose a programme and agree on dates. Keep your reference number.";
    RequestMailSubject { reference } => "Demande de formation sur mesure {reference}",
        "Tailor-made programme request {reference}";
    RequesterFirstNameLabel => "Prénom",
        "First name";
    RequesterLastNameLabel => "Nom",
        "Last name";
    RequesterEmailLabel => "Adresse électronique professionnelle",
        "Work email address";
    RequesterPhoneLabel => "Téléphone",
        "Phone";
    RequesterAdministrationLabel => "Administration",
        "Administration";
    RequesterAdministrationOtherLabel => "Nom de votre administration",
        "Name of your administration";
    RequesterRoleLabel => "Votre fonction",
        "Your position";
    RequesterRoleHint => "Par exemple\u{a0}: cheffe du bureau des systèmes d'information",
        "For example: head of the information systems office";
    RequestCourseLabel => "Formation ou programme du catalogue qui vous intéresse",
        "Catalogue course or programme you are interested in";
    RequestCourseHint => "Laissez vide pour un programme entièrement nouveau. Nous vous signalons les formations du catalogue qui y ressemblent.",
        "Leave empty for an entirely new programme. We show catalogue trainings that look similar.";
    RequestNeedLabel => "Décrivez votre besoin",
        "Describe your need";
    RequestNeedHint => "Le contexte de votre équipe, ce qu'elle doit savoir faire à l'issue du programme, les contraintes à connaître.",
        "Your team's context, what it should be able to do after the programme, the constraints to know about.";
    RequestTeamSizeLabel => "Nombre de personnes à former",
        "Number of people to train";
    RequestAudienceLabel => "Qui sont-elles\u{a0}?",
        "Who are they?";
    RequestFormatLabel => "Format souhaité",
        "Preferred format";
    RequestPeriodsLabel => "Période souhaitée",
        "Preferred period";
    RequestPlaceLabel => "Lieu",
        "Place";
    RequestPlaceHint => "Pour une formation en présentiel\u{a0}: la ville ou le site de votre administration.",
        "For an in-person programme: the city or site of your administration.";
    RequestConsentLabel => "J'accepte que mes réponses soient traitées par l'équipe du Campus du numérique public pour examiner ma demande.",
        "I agree that my answers are processed by the Campus du numérique public team to examine my request.";
}
