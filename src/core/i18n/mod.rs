//! Every UI string, in French and English, keyed by stable ids.
//!
//! Views never hold text: they ask for a [`Text`] in the current [`Locale`]. Logic
//! (routing, validation, error codes) uses ids, never translated text. Adding a key
//! without both translations does not compile.

pub mod back_office;
pub mod export;
pub mod feeds;
pub mod fields;
pub mod forms;
pub mod labels;
pub mod options;
pub mod pages;
pub mod takeaway;
pub mod typography;
pub mod values;

/// The campus team's address: in the footer of every page, and where forms
/// are emailed when the site does not send them itself.
pub const CAMPUS_EMAIL: &str = "campus@numerique.gouv.fr";
/// [`CAMPUS_EMAIL`] as a link (written out: the footer of every page costs
/// no formatting code).
pub const CAMPUS_MAILTO: &str = "mailto:campus@numerique.gouv.fr";

use std::fmt;

/// A language the interface is available in. French first: it is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// Français (default).
    #[default]
    Fr,
    /// English.
    En,
}

impl Locale {
    /// Every locale, in the order the language switch lists them.
    pub const ALL: [Locale; 2] = [Locale::Fr, Locale::En];

    /// BCP 47 tag, for `<html lang>` and `hreflang`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
        }
    }

    /// Short code shown on the language button ("FR").
    pub fn code(self) -> &'static str {
        match self {
            Locale::Fr => "FR",
            Locale::En => "EN",
        }
    }

    /// The language's own name ("Français"), as DSFR's language selector shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Fr => "Français",
            Locale::En => "English",
        }
    }

    /// What goes between a label and its value: `"\u{a0}: "` in French (a
    /// non-breaking space before the colon), `": "` in English.
    pub fn colon(self) -> &'static str {
        self.pick("\u{a0}: ", ": ")
    }

    /// `text` in this language's quotation marks: «\u{a0}text\u{a0}» (with
    /// non-breaking spaces, so a lone » never wraps), or “text”.
    pub fn quote(self, text: &str) -> String {
        match self {
            Locale::Fr => format!("«\u{a0}{text}\u{a0}»"),
            Locale::En => format!("“{text}”"),
        }
    }

    /// `fr` or `en`, whichever is this locale's: for label tables written side by side.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Locale::Fr => fr,
            Locale::En => en,
        }
    }

    /// Parses a stored or requested language tag; `None` for anything else.
    /// Accepts region subtags ("en-GB") and any case.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Locale::Fr),
            "en" => Some(Locale::En),
            _ => None,
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// Declares a table of interface texts: each key with its French and English
/// strings side by side. A key whose texts have placeholders declares them
/// after its name, `Key { name, other } => "… {name} …", "… {other} …";`: the
/// macro then also writes the struct `args::Key { name, other }` of its values,
/// whose `get` fills them in through [`fill`] (a test holds each row's
/// declared names to both of its texts). `{noun}`, `{a_noun}` and `{file}`,
/// [`FORM_WORDS`], are not declared: the form that shows the text fills them.
/// Exported for the native tools' own tables (`campus-tools`).
#[macro_export]
macro_rules! texts {
    (
        $(#[$attr:meta])* enum $name:ident;
        $( $(#[$doc:meta])* $key:ident $({ $($arg:ident),* $(,)? })? => $fr:expr, $en:expr; )*
    ) => {
        $(#[$attr])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$doc])* #[doc = concat!("«\u{a0}", $fr, "\u{a0}»")] $key, )*
        }

        impl $name {
            /// Every key, for completeness tests.
            pub const ALL: &'static [$name] = &[$($name::$key,)*];

            /// The string for this key in `locale`, its placeholders unfilled:
            /// a key that declares arguments is shown through its
            /// `args::Key { … }.get(locale)`.
            pub fn get(self, locale: $crate::i18n::Locale) -> &'static str {
                // A table in the key order, rather than a `match`: a lookup
                // instead of some 540 arms of code (9 kB of wasm) in the
                // main module. `self as usize` is always a row.
                const TABLE: &[[&str; 2]] = &[$([$fr, $en],)*];
                TABLE
                    .get(self as usize)
                    .map_or("", |row| row[locale as usize])
            }

            /// The placeholders this key declares, in its row's order (none
            /// for most keys).
            pub fn declared(self) -> &'static [&'static str] {
                const ARGS: &[&[&str]] = &[$(&[$($(stringify!($arg)),*)?],)*];
                ARGS.get(self as usize).copied().unwrap_or(&[])
            }
        }

        impl $crate::i18n::Texts for $name {
            fn get(self, locale: $crate::i18n::Locale) -> &'static str {
                $name::get(self, locale)
            }

            fn declared(self) -> &'static [&'static str] {
                $name::declared(self)
            }
        }

        /// The values of the keys that declare placeholders, one struct a
        /// key, named as the key: every value must be given, and only those.
        pub mod args {
            #![allow(unused_imports)]
            use super::$name;
            use std::fmt::Display;
            $($(
                #[doc = concat!("The values of `", stringify!($name), "::", stringify!($key), "`.")]
                #[derive(Clone, Copy)]
                pub struct $key<'a> {
                    $(
                        #[doc = concat!("Fills `{", stringify!($arg), "}`.")]
                        pub $arg: &'a dyn Display,
                    )*
                }

                impl $key<'_> {
                    /// The text in `locale`, these values filled in.
                    pub fn get(&self, locale: $crate::i18n::Locale) -> String {
                        self.fill_in(locale, &[])
                    }

                    /// The text in `locale`, these values and `more` (such as
                    /// a form's words) filled in, in one pass.
                    pub fn fill_in(
                        &self,
                        locale: $crate::i18n::Locale,
                        more: &[(&str, &dyn Display)],
                    ) -> String {
                        let mine: &[(&str, &dyn Display)] =
                            &[$((stringify!($arg), self.$arg)),*];
                        $crate::i18n::fill($name::$key.get(locale), &[mine, more])
                    }
                }

                impl $crate::i18n::Filled for $key<'_> {
                    fn fill_in(
                        &self,
                        locale: $crate::i18n::Locale,
                        more: &[(&str, &dyn Display)],
                    ) -> String {
                        $key::fill_in(self, locale, more)
                    }
                }
            )?)*
        }
    };
}
pub use crate::texts;

/// The placeholders a form fills with its own words in any text it shows
/// (`Form::say`): its noun (« candidature »), the noun with its article
/// (« une candidature ») and its progress file's name. Rows do not declare them.
pub const FORM_WORDS: [&str; 3] = ["noun", "a_noun", "file"];

/// A key's values, ready to be filled in: the struct `args::Key` that
/// `texts!` writes for each key with placeholders.
pub trait Filled {
    /// The text in `locale`, these values and `more` filled in.
    fn fill_in(&self, locale: Locale, more: &[(&str, &dyn fmt::Display)]) -> String;
}

/// `template` with each `{name}` replaced by the value `args` gives `name`
/// (the first list that has it); a `{…}` no list names stays as written.
/// The one place placeholders are filled: `args::Key::get` and `Form::say`
/// call it.
pub fn fill(template: &str, args: &[&[(&str, &dyn fmt::Display)]]) -> String {
    use fmt::Write;
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .flat_map(|list| list.iter())
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (close, *v))
        });
        match value {
            Some((close, v)) => {
                let _ = write!(out, "{v}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of `text`, each once, in order of appearance.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if !after[..close].is_empty()
                    && after[..close]
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') =>
            {
                if !out.contains(&&after[..close]) {
                    out.push(&after[..close]);
                }
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

/// A table of interface texts, French and English for each key: [`Text`],
/// the one every page carries, and the tables of one chunk of pages (such as
/// [`forms::FormText`]), whose texts travel with that chunk's code.
pub trait Texts: Copy + Send + Sync + 'static {
    /// The text of this key in `locale`.
    fn get(self, locale: Locale) -> &'static str;

    /// The placeholders this key declares (see `texts!`).
    fn declared(self) -> &'static [&'static str];
}

texts! {
    /// A UI string id. Look it up with [`Text::get`].
    enum Text;
    ContinueFullSite => "Continuer sur le site du Campus", "Continue on the Campus site";
    CourseChecking => "Chargement de la formation concernée…", "Loading the training concerned…";
    // --- Service identity -------------------------------------------------------
    ServiceName => "Campus du numérique public", "Campus du numérique public";
    ServiceTagline => "Les formations au numérique des agents publics",
        "Digital skills training for public servants";
    HomeLinkTitle => "Accueil - Campus du numérique public", "Home - Campus du numérique public";

    // --- Skip links, header, navigation -----------------------------------------
    SkipLinksLabel => "Accès rapide", "Quick access";
    SkipToContent => "Contenu", "Content";
    SkipToMenu => "Menu", "Menu";
    SkipToFooter => "Pied de page", "Footer";
    MainMenuLabel => "Menu principal", "Main menu";
    MenuButton => "Menu", "Menu";
    CloseButton => "Fermer", "Close";
    LanguageSelectTitle => "Sélectionner une langue", "Select a language";
    NavHome => "Accueil", "Home";
    NavCatalogue => "Catalogue des formations", "Training catalogue";
    NavTrainerCall => "Devenir formateur", "Become a trainer";
    NavRequest => "Formation sur mesure", "Tailor-made training";
    FooterContact => "Nous écrire\u{a0}:", "Write to us:";
    NewWindow => "nouvelle fenêtre", "new window";

    // --- Footer ------------------------------------------------------------------
    FooterDescription =>
        "Le Campus du numérique public forme les agents de l'État au numérique\u{a0}: \
         parcours, modules et programmes sur mesure, conçus avec des formateurs du service public.",
        "The Campus du numérique public trains State employees in digital skills: \
         learning paths, modules and tailor-made programmes, designed with trainers from the public service.";
    FooterSitemap => "Plan du site", "Sitemap";
    FooterAccessibility => "Accessibilité\u{a0}: non conforme", "Accessibility: not compliant";
    FooterLegalNotice => "Mentions légales", "Legal notice";
    FooterPersonalData => "Données personnelles", "Personal data";
    FooterLicencePrefix =>
        "Sauf mention explicite de propriété intellectuelle détenue par des tiers, les contenus de ce site sont proposés sous",
        "Unless otherwise stated, the content of this site is available under";
    FooterLicenceName => "licence etalab-2.0", "the etalab-2.0 licence";

    // --- Page titles ---------------------------------------------------------------
    TitleHome => "Accueil", "Home";
    TitleCatalogue => "Catalogue des formations", "Training catalogue";
    TitleCourse => "Formation", "Training";
    TitleTrainerCall => "Devenir formateur ou formatrice", "Become a trainer";
    TitleApplication => "Candidature des formateurs bénévoles", "Volunteer trainer application";
    TitleRequest => "Demander une formation sur mesure", "Request a tailor-made programme";
    TitleAccessibility => "Déclaration d'accessibilité", "Accessibility statement";
    TitleLegalNotice => "Mentions légales", "Legal notice";
    TitlePersonalData => "Données personnelles", "Personal data";
    TitleSitemap => "Plan du site", "Sitemap";
    TitleNotFound => "Page non trouvée", "Page not found";

    // --- Static pages: descriptions for search engines (meta description) ---------
    MetaApplication =>
        "Proposez une formation existante, partagez une idée de programme ou demandez de l'aide \
         pour en construire une\u{a0}: la candidature des formateurs bénévoles du campus.",
        "Propose an existing training, share an idea for a programme or ask for help building \
         one: the campus's volunteer trainer application.";
    MetaRequest =>
        "Votre administration a un besoin de formation au numérique\u{a0}? Décrivez-le\u{a0}: le campus \
         construit avec vous un programme sur mesure.",
        "Does your administration need digital training? Describe it: the campus builds a \
         tailor-made programme with you.";
    MetaInfo =>
        "Informations sur le site du Campus du numérique public.",
        "Information about the Campus du numérique public website.";

    // --- Home ----------------------------------------------------------------------
    HomeLead =>
        "Lancé le 9 janvier 2024 par la DINUM, le Campus du numérique public forme les agents \
         de l'État aux compétences numériques\u{a0}: 21\u{a0}000 agents et 190 cadres dirigeants formés en 2024.",
        "Launched on 9 January 2024 by DINUM, the Campus du numérique public trains State \
         employees in digital skills: 21,000 employees and 190 senior executives trained in 2024.";
    HomeExploreLink => "Explorer le catalogue", "Explore the catalogue";
    HomeTrainerTitle => "Transmettre vos compétences", "Share your skills";
    HomeTrainerLink => "Découvrir l'appel à formateurs", "Read the call for trainers";

    // --- Placeholders of pages that later work fills -------------------------------
    CatalogueIntro =>
        "Recherchez parmi les parcours, modules et programmes sur mesure du campus.",
        "Search the campus's learning paths, modules and tailor-made programmes.";
    TrainerCallIntro =>
        "Agent public, vous maîtrisez un sujet numérique\u{a0}? Formez vos collègues\u{a0}: vous développerez \
         vos compétences de leadership et de mentorat, serez reconnu pour votre expertise et \
         enrichirez votre réseau professionnel.",
        "Are you a public servant with digital expertise? Train your colleagues: you will build \
         leadership and mentoring skills, gain recognition for your expertise and grow your \
         professional network.";
    TrainerCallApply => "Déposer une candidature", "Apply";
    CallChecking =>
        "Vérification de l'état de l'appel à formateurs bénévoles…",
        "Checking whether the call for volunteer trainers is open…";

    // --- Not found (DSFR error page pattern) ----------------------------------------
    NotFoundCode => "Erreur 404", "Error 404";
    NotFoundLead =>
        "La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.",
        "The page you are looking for cannot be found. We apologise for the inconvenience.";
    NotFoundHelp =>
        "Si vous avez tapé l'adresse web dans le navigateur, vérifiez qu'elle est correcte. \
         La page n'est peut-être plus disponible. Dans ce cas, pour continuer votre visite, \
         vous pouvez consulter notre page d'accueil ou le plan du site.",
        "If you typed the web address, check it is correct. The page may no longer be \
         available. In that case, to continue your visit, go to our home page or the sitemap.";
    NotFoundHome => "Page d'accueil", "Home page";

    // --- Catalogue: loading ------------------------------------------------------------
    CatalogueLoading => "Chargement du catalogue…", "Loading the catalogue…";
    CatalogueErrorTitle => "Le catalogue n'a pas pu être chargé", "The catalogue could not be loaded";
    CatalogueErrorNetwork =>
        "Le serveur n'a pas répondu. Vérifiez votre connexion, puis réessayez.",
        "The server did not answer. Check your connection, then try again.";
    CatalogueErrorInvalid =>
        "Le fichier du catalogue est invalide. Réessayez plus tard\u{a0}; si le problème persiste, écrivez à campus@numerique.gouv.fr.",
        "The catalogue file is invalid. Try again later; if the problem persists, write to campus@numerique.gouv.fr.";
    CatalogueErrorTimeout =>
        "Le catalogue met trop de temps à arriver (plus de 20\u{a0}secondes). Vérifiez votre connexion, puis réessayez.",
        "The catalogue is taking too long to arrive (over 20 seconds). Check your connection, then try again.";
    ConfigTimeout =>
        "Le fichier de configuration du site (config.json) ne répond pas depuis 10\u{a0}secondes\u{a0}: le catalogue et l'envoi des candidatures attendent son adresse.",
        "The site's configuration file (config.json) has not answered for 10 seconds: the catalogue and application sending are waiting for it.";
    ConfigTimeoutTitle => "Le site met trop de temps à démarrer", "The site is taking too long to start";
    CatalogueErrorDetail => "Détail technique\u{a0}:", "Technical detail:";
    Retry => "Réessayer", "Try again";
    PageLoading => "Chargement de la page…", "Loading the page…";
    PageLoadFailedTitle => "Cette page n'a pas pu être chargée", "This page could not be loaded";
    PageLoadFailed =>
        "Une partie du site n'est pas arrivée. Vérifiez votre connexion, puis réessayez\u{a0}: rien de ce que vous avez saisi n'est perdu.",
        "Part of the site did not arrive. Check your connection, then try again: nothing you typed is lost.";
    SkippedOne =>
        "1 formation du catalogue n'est pas affichée car ses données sont invalides.",
        "1 training of the catalogue is not shown because its data is invalid.";
    SkippedMany =>
        "formations du catalogue ne sont pas affichées car leurs données sont invalides.",
        "trainings of the catalogue are not shown because their data is invalid.";

    // --- Catalogue: search, filters, results ------------------------------------------
    SearchLabel => "Rechercher une formation", "Search for a training";
    SearchHint =>
        "Titre, thème, organisme… Les accents et les majuscules sont ignorés.",
        "Title, topic, provider… Accents and capitals are ignored.";
    SearchButton => "Rechercher", "Search";
    FiltersTitle => "Filtrer", "Filter";
    ShowFilters => "Afficher les filtres", "Show filters";
    HideFilters => "Masquer les filtres", "Hide filters";
    FilterDomain => "Domaine", "Field";
    FilterKind => "Type de formation", "Type of training";
    FilterFormat => "Format", "Format";
    FilterLevel => "Niveau", "Level";
    FilterAudience => "Public", "Audience";
    FilterDuration => "Durée", "Duration";
    FilterOther => "Autres critères", "Other criteria";
    FilterFree => "Gratuites uniquement", "Free only";
    FilterUpcoming => "Avec une session à venir", "With an upcoming session";
    FilterRegion => "Région d'une session à venir", "Region of an upcoming session";
    ActiveFilters => "Filtres actifs", "Active filters";
    ClearAll => "Tout effacer", "Clear all";
    RemoveFilter => "Retirer le filtre", "Remove filter";
    SortLabel => "Trier par", "Sort by";
    ExportCsv => "Exporter les résultats (CSV)", "Export the results (CSV)";
    ResultsFor => "pour", "for";
    NoResultsTitle => "Aucune formation ne correspond à votre recherche.", "No training matches your search.";
    NoResultsTry => "Essayez plutôt\u{a0}:", "Try instead:";
    NoResultsElsewhere => "Vous ne trouvez pas la formation qu'il vous faut\u{a0}?", "Not finding the training you need?";
    NoResultsAskTailorMade => "Demander une formation sur mesure pour votre équipe", "Ask for a tailor-made programme for your team";
    NoResultsWrite => "Écrire à l'équipe du campus", "Write to the campus team";
    DidYouMean => "Vouliez-vous dire", "Did you mean";
    QuoteOpen => "«\u{a0}", "\u{201c}";
    QuoteClose => "\u{a0}»", "\u{201d}";
    QuestionMark => "\u{a0}?", "?";
    SuggestWithoutText => "sans le texte recherché", "without the search text";
    SuggestWithout => "sans le filtre", "without the filter";
    SuggestWithoutFilters => "sans aucun filtre", "without any filter";
    PaginationLabel => "Pagination", "Pagination";
    PageFirst => "Première page", "First page";
    PagePrevious => "Page précédente", "Previous page";
    PageNext => "Page suivante", "Next page";
    PageLast => "Dernière page", "Last page";
    PageWord => "Page", "Page";
    PageOf => "sur", "of";
    NextSessionLabel => "Prochaine session\u{a0}:", "Next session:";
    OnRequestShort => "Sur demande, construit pour votre équipe", "On request, built for your team";
    NoSession => "Pas de session programmée", "No scheduled session";
    AllSessionsFull => "Sessions à venir complètes", "Upcoming sessions full";
    SelfPacedShort => "À suivre à votre rythme, en ligne", "Self-paced, online";
    SeeResults { n } => "Voir les {n}\u{a0}formations", "See the {n} trainings";
    SeeOneResult => "Voir la formation", "See the training";
    SeeNoResult => "Voir les résultats (aucune formation)", "See the results (no training)";
    SessionsNarrowed => "Sessions correspondant à votre recherche", "Sessions matching your search";
    AllSessions => "Voir toutes les sessions", "See all sessions";
    Free => "Gratuit", "Free";
    Paid => "Payant", "Paid";
    AddToSelection => "Ajouter à ma sélection", "Add to my selection";
    SelectionFull => "Sélection pleine (500\u{a0}au plus)", "Selection full (500 at most)";
    RemoveFromSelection => "Retirer de ma sélection", "Remove from my selection";
    NavSelection => "Ma sélection", "My selection";

    // --- Course page ------------------------------------------------------------------------
    CourseNotFound => "Formation introuvable", "Training not found";
    CourseNotFoundText =>
        "Cette formation n'existe pas ou n'est plus au catalogue.",
        "This training does not exist or is no longer in the catalogue.";
    BackToCatalogue => "Retour au catalogue", "Back to the catalogue";
    AtAGlance => "En bref", "At a glance";
    About => "Présentation", "About";
    Objectives => "Objectifs", "Objectives";
    Prerequisites => "Prérequis", "Prerequisites";
    NoPrerequisites => "Aucun prérequis.", "No prerequisites.";
    DurationLabel => "Durée", "Duration";
    ProviderLabel => "Organisme", "Provider";
    DomainsLabel => "Domaines", "Fields";
    ModulesOfParcours => "Les modules de ce parcours", "The modules of this learning path";
    PartOfParcours => "Ce module fait partie des parcours", "This module is part of the learning paths";
    UpcomingSessions => "Sessions à venir", "Upcoming sessions";
    NoUpcomingSessions =>
        "Aucune session n'est programmée pour le moment.",
        "No session is scheduled at the moment.";
    SelfPaced =>
        "Cette formation en ligne se suit à votre rythme, sans session.",
        "This online training is self-paced, with no session.";
    SeatsLeft => "places restantes", "seats left";
    SeatLeft => "place restante", "seat left";
    Full => "Complet", "Full";
    Register => "S'inscrire", "Register";
    AddToCalendar => "Ajouter à mon agenda (.ics)", "Add to my calendar (.ics)";
    Online => "À distance", "Online";
    SimilarCourses => "Formations similaires", "Similar trainings";

    // --- Course page: who, price, next step -----------------------------------------------
    FactAudience => "Pour qui\u{a0}:", "Who it is for:";
    FactEligibility => "Qui peut participer\u{a0}:", "Who may attend:";
    FactPrice => "Prix\u{a0}:", "Price:";
    PriceFree => "Gratuit pour les agents publics", "Free for public servants";
    PriceNotStated => "Payant, tarif non précisé", "Paid, price not stated";
    CtaRegister { date, place } => "S'inscrire à la session du {date} ({place})", "Register for the {date} session ({place})";
    CtaRemote => "à distance", "online";
    CtaStartElearning => "Commencer la formation en ligne", "Start the online training";
    CtaAskForIt => "Demander cette formation", "Request this training";
    CtaWrite => "Écrire à l'équipe pédagogique", "Write to the training team";
    CtaAskForPlace => "Demander une place", "Ask for a place";
    CtaAskForTeam => "Demander une session pour une équipe", "Request a session for a team";
    MailSubject { title } => "Formation «\u{a0}{title}\u{a0}»", "Training \u{201c}{title}\u{201d}";
    StepOutsideFilters =>
        "Aucune session correspondant à votre recherche n'a de places disponibles\u{a0}: voici la prochaine session ouverte.",
        "No session matching your search has seats left: here is the next open session.";
    StepElearning =>
        "Une formation en ligne, à suivre à votre rythme, sans session.",
        "An online training, self-paced, with no session.";
    StepSurMesure =>
        "Ce programme s'organise sur mesure, pour votre administration et à sa demande\u{a0}: décrivez votre besoin dans le formulaire de demande.",
        "This programme is tailor-made, for your administration and at its request: describe your needs in the request form.";
    StepNoUpcomingSession =>
        "Aucune session n'est programmée pour le moment\u{a0}: demandez cette formation pour vous ou pour votre équipe.",
        "No session is scheduled at the moment: request this training for yourself or your team.";
    StepAllFull =>
        "Toutes les sessions à venir sont complètes\u{a0}: écrivez pour demander une place (liste d'attente, prochaines dates). Pour former toute une équipe, demandez une session sur mesure.",
        "Every upcoming session is full: write to ask for a place (waiting list, next dates). To train a whole team, request a tailor-made session.";
    StepNoRegistrationLink =>
        "L'inscription en ligne n'est pas ouverte pour ces sessions\u{a0}: faites votre demande.",
        "Online registration is not open for these sessions: send a request.";
    StepNoAccessLink =>
        "Le lien d'accès à cette formation en ligne n'est pas publié\u{a0}: faites votre demande.",
        "The access link of this online training is not published: send a request.";
    StepWriteToRegister =>
        "L'inscription aux sessions se fait auprès de l'équipe pédagogique.",
        "Registration for the sessions is handled by the training team.";
    StepWriteToGetAccess =>
        "L'accès à cette formation en ligne s'obtient auprès de l'équipe pédagogique.",
        "Access to this online training is given by the training team.";
    SurMesureSessions =>
        "Programme sur mesure\u{a0}: ces dates ne sont pas ouvertes à l'inscription.",
        "Tailor-made programme: these dates are not open for registration.";
    MoreInfo => "En savoir plus", "Learn more";

    // --- Selection --------------------------------------------------------------------------
    TitleSelection => "Ma sélection", "My selection";
    SelectionIntro =>
        "Les formations que vous avez ajoutées. Elles sont conservées dans ce navigateur uniquement.",
        "The trainings you added. They are kept in this browser only.";
    SelectionEmpty =>
        "Votre sélection est vide. Ajoutez des formations depuis le catalogue.",
        "Your selection is empty. Add trainings from the catalogue.";
    SelectionClear => "Vider ma sélection", "Empty my selection";
    SelectionMissing =>
        "Certaines formations de votre sélection ne sont plus au catalogue.",
        "Some trainings of your selection are no longer in the catalogue.";
    SelectionIntroNotKept =>
        "Les formations que vous avez ajoutées pendant cette visite.",
        "The trainings you added during this visit.";
    SelectionNotKeptTitle =>
        "Votre sélection ne peut pas être conservée dans ce navigateur",
        "Your selection cannot be kept in this browser";
    SelectionNotKeptDenied =>
        "Ce navigateur refuse l'enregistrement à ce site (réglages de confidentialité, ou site intégré dans un autre). Votre sélection fonctionne pendant cette visite, mais elle sera perdue si vous fermez ou rechargez la page. Copiez son lien pour la retrouver plus tard.",
        "This browser does not let this site save anything (privacy settings, or a site embedded in another one). Your selection works during this visit, but it will be lost if you close or reload the page. Copy its link to find it again later.";
    SelectionNotKeptFull =>
        "L'espace de stockage de ce navigateur est plein\u{a0}: vos derniers changements ne sont pas enregistrés et seront perdus si vous fermez ou rechargez la page. Copiez le lien de votre sélection pour la retrouver plus tard.",
        "This browser's storage is full: your latest changes are not saved and will be lost if you close or reload the page. Copy the link to your selection to find it again later.";
    Undo => "Annuler", "Undo";
    ShareCopy => "Copier le lien de ma sélection", "Copy the link to my selection";
    ShareHint =>
        "Ce lien ouvre la même liste de formations dans n'importe quel navigateur, sans modifier la sélection de la personne qui l'ouvre.",
        "This link opens the same list of trainings in any browser, without changing the selection of whoever opens it.";
    ShareCopied =>
        "Le lien de votre sélection a été copié. Collez-le dans un courriel ou un message pour la partager.",
        "The link to your selection was copied. Paste it in an email or a message to share it.";
    ShareCopyFailed =>
        "Ce navigateur n'a pas permis la copie automatique. Le lien est sélectionné ci-dessous\u{a0}: copiez-le (Ctrl+C, ou Cmd+C sur Mac).",
        "This browser did not allow copying automatically. The link is selected below: copy it (Ctrl+C, or Cmd+C on a Mac).";
    ShareLinkLabel => "Lien de votre sélection", "Link to your selection";
    TitleSharedSelection => "Sélection partagée", "Shared selection";
    SharedIntro =>
        "Quelqu'un vous a transmis ce lien vers une sélection de formations. Votre propre sélection n'a pas été modifiée\u{a0}: ajoutez-y ces formations si vous le souhaitez.",
        "Someone sent you this link to a selection of trainings. Your own selection has not been changed: add these trainings to it if you wish.";
    SharedAdd => "Ajouter ces formations à ma sélection", "Add these trainings to my selection";
    SharedReplace => "Remplacer ma sélection par celles-ci", "Replace my selection with these";
    SharedSeeOwn => "Voir ma sélection", "See my selection";
    SharedNothingNew =>
        "Ces formations sont déjà toutes dans votre sélection.",
        "These trainings are all already in your selection.";
    SharedSelectionFull =>
        "Votre sélection est pleine (500\u{a0}formations au plus)\u{a0}: retirez-en pour ajouter celles de ce lien.",
        "Your selection is full (500 trainings at most): remove some to add those of this link.";
    SharedSameAsOwn =>
        "Votre sélection contient déjà exactement ces formations.",
        "Your selection already holds exactly these trainings.";
    SharedEmpty =>
        "Ce lien ne contient aucune formation du catalogue.",
        "This link holds no training of the catalogue.";

    // --- Home -------------------------------------------------------------------------------
    HomeFiguresTitle => "Le campus en chiffres", "The campus in figures";
    HomeDomainsTitle => "Les domaines de formation", "Training fields";
    HomeUpcomingTitle => "Prochaines sessions", "Upcoming sessions";
    HomeAllUpcoming => "Toutes les formations avec une session à venir", "All trainings with an upcoming session";
    HomeSoughtSkills => "Compétences recherchées\u{a0}:", "Skills sought:";

    // --- Application form ---------------------------------------------------------------
    Optional => "(facultatif)", "(optional)";
    SelectAnOption => "Sélectionner une option", "Select an option";
    CharactersMax => "caractères maximum", "characters maximum";

    SubmitFailedTitle => "Votre {noun} n'a pas pu être envoyée", "Your {noun} could not be sent";
    DownloadJson => "Télécharger ma {noun} (JSON)", "Download my {noun} (JSON)";
    PrepareEmail => "Préparer le courriel", "Prepare the email";
    Print => "Imprimer ou enregistrer en PDF", "Print or save as PDF";
    ConfirmationReference => "Votre numéro de référence", "Your reference number";

    // --- Trainer call ------------------------------------------------------------------
    CallGainsTitle => "Ce que vous y gagnez", "What you gain";
    CallGainLeadership => "Des compétences de leadership et de mentorat", "Leadership and mentoring skills";
    CallGainRecognition => "La reconnaissance de votre expertise", "Recognition of your expertise";
    CallGainDevelopment => "Un développement professionnel", "Professional development";
    CallGainNetwork => "Un réseau d'agents engagés dans le numérique public", "A network of public servants committed to digital";
    CallGainPurpose => "Le sens d'une mission utile à vos collègues et aux usagers", "The purpose of a mission useful to your colleagues and the public";
    CallSkillsTitle => "Les compétences recherchées", "Skills we are looking for";
    CallProposalsTitle => "Ce que vous pouvez proposer", "What you can propose";
    CallJudgedTitle => "Comment les candidatures sont examinées", "How applications are examined";
    CallJudgedExpertise => "Votre expertise technique", "Your technical expertise";
    CallJudgedTraining => "Votre expérience de formation", "Your training experience";
    CallJudgedCommitment =>
        "Votre engagement pour la transformation numérique de l'État",
        "Your commitment to the State's digital transformation";
    CallTrainersFigure =>
        "En 2024, une cinquantaine de formateurs occasionnels, agents de l'État ou intervenants d'intérêt général, ont animé les 1\u{a0}200 sessions du campus.",
        "In 2024, about fifty occasional trainers, State employees or public-interest contributors, ran the campus's 1,200 sessions.";

    // --- Sitemap -------------------------------------------------------------------
    SitemapTrainings => "Formations", "Trainings";
    SitemapTrainers => "Formateurs", "Trainers";
    SitemapAbout => "Informations légales", "Legal information";
}

/// Formats a page's `<title>`: "Page - Service", the pattern DSFR recommends.
pub fn document_title(page: &str, locale: Locale) -> String {
    format!("{page} - {}", Text::ServiceName.get(locale))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key of a table made by `texts!`: its name, texts and declared
    /// placeholders.
    type Row = (String, &'static str, &'static str, &'static [&'static str]);

    /// Every key of every table made by `texts!`, named, with its texts.
    fn every_key() -> Vec<Row> {
        fn rows<K: Texts + std::fmt::Debug>(all: &[K]) -> Vec<Row> {
            all.iter()
                .map(|k| {
                    let (fr, en) = (k.get(Locale::Fr), k.get(Locale::En));
                    (format!("{k:?}"), fr, en, k.declared())
                })
                .collect()
        }
        let mut out = rows(Text::ALL);
        out.extend(rows(forms::FormText::ALL));
        out.extend(rows(feeds::FeedText::ALL));
        out.extend(rows(back_office::Ending::ALL));
        out.extend(rows(values::ValueText::ALL));
        out.extend(rows(options::OptionText::ALL));
        out.extend(rows(export::ExportText::ALL));
        out.extend(rows(takeaway::Takeaway::ALL));
        out.extend(rows(labels::DateText::ALL));
        out.extend(rows(fields::FieldText::ALL));
        out
    }

    #[test]
    fn every_text_exists_in_both_locales() {
        for (key, fr, en, _) in every_key() {
            for text in [fr, en] {
                assert!(!text.trim().is_empty(), "{key} is empty");
                assert!(!text.contains('<'), "{key} looks like markup");
            }
        }
    }

    /// A text's placeholders but the form's words, which every form text
    /// may use (`Form::say` fills them).
    fn own_placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = placeholders(text)
            .into_iter()
            .filter(|p| !FORM_WORDS.contains(p))
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn each_key_declares_the_placeholders_of_both_its_texts() {
        let mut wrong = Vec::new();
        for (key, fr, en, declared) in every_key() {
            let mut declared = declared.to_vec();
            declared.sort_unstable();
            let (in_fr, in_en) = (own_placeholders(fr), own_placeholders(en));
            if in_fr != declared || in_en != declared {
                wrong.push(format!(
                    "{key}: declared {declared:?}, fr {in_fr:?}, en {in_en:?}"
                ));
            }
            // The form's words too: the same in both languages, but that its
            // noun may come with its article in one and not the other, as
            // each one's grammar wants (« pas encore commencé de {noun} »,
            // "not started {a_noun}").
            let words = |t| {
                let mut w: Vec<&str> = placeholders(t)
                    .into_iter()
                    .filter(|p| FORM_WORDS.contains(p))
                    .map(|p| if p == "a_noun" { "noun" } else { p })
                    .collect();
                w.sort_unstable();
                w.dedup();
                w
            };
            if words(fr) != words(en) {
                wrong.push(format!(
                    "{key}: form words fr {:?}, en {:?}",
                    words(fr),
                    words(en)
                ));
            }
        }
        assert!(wrong.is_empty(), "placeholders differ: {wrong:#?}");
    }

    #[test]
    fn fill_replaces_each_named_placeholder_and_keeps_others() {
        let (n, name) = (3, "«\u{a0}x\u{a0}»");
        assert_eq!(
            fill(
                "{n} de {name} {n} {other} {",
                &[&[("n", &n)], &[("name", &name)]]
            ),
            "3 de «\u{a0}x\u{a0}» 3 {other} {"
        );
        // A value is not read again: a `{n}` it holds stays.
        assert_eq!(fill("{a}", &[&[("a", &"{n}"), ("n", &1)]]), "{n}");
        assert_eq!(placeholders("{a} {b_2} {a} {} {Not}"), ["a", "b_2"]);
    }

    #[test]
    fn each_table_reads_its_own_rows() {
        for (i, key) in forms::FormText::ALL.iter().enumerate() {
            assert_eq!(*key as usize, i);
        }
    }

    #[test]
    fn each_key_reads_its_own_row() {
        for (i, key) in Text::ALL.iter().enumerate() {
            assert_eq!(*key as usize, i);
        }
        assert_eq!(
            Text::ServiceName.get(Locale::Fr),
            "Campus du numérique public"
        );
        assert_eq!(Text::NavHome.get(Locale::Fr), "Accueil");
        assert_eq!(Text::NavHome.get(Locale::En), "Home");
        assert_eq!(Text::FooterLegalNotice.get(Locale::En), "Legal notice");
    }

    #[test]
    fn sentences_are_translated() {
        // Long strings identical in both languages are forgotten translations.
        for (key, fr, en, _) in every_key() {
            if fr.len() > 40 {
                assert_ne!(fr, en, "{key} is not translated");
            }
        }
    }

    #[test]
    fn the_campus_link_is_its_address() {
        assert_eq!(CAMPUS_MAILTO, format!("mailto:{CAMPUS_EMAIL}"));
    }

    #[test]
    fn course_page_next_step_texts_follow_each_languages_typography() {
        let keys = [
            Text::FactAudience,
            Text::FactEligibility,
            Text::FactPrice,
            Text::PriceFree,
            Text::PriceNotStated,
            Text::CtaRegister,
            Text::CtaRemote,
            Text::CtaStartElearning,
            Text::CtaAskForIt,
            Text::CtaWrite,
            Text::CtaAskForPlace,
            Text::CtaAskForTeam,
            Text::MailSubject,
            Text::StepOutsideFilters,
            Text::StepElearning,
            Text::StepSurMesure,
            Text::StepNoUpcomingSession,
            Text::StepAllFull,
            Text::StepNoRegistrationLink,
            Text::StepNoAccessLink,
            Text::StepWriteToRegister,
            Text::StepWriteToGetAccess,
            Text::SurMesureSessions,
        ];
        for key in keys {
            let (fr, en) = (key.get(Locale::Fr), key.get(Locale::En));
            for mark in [":", ";", "!", "?", "»"] {
                assert!(
                    !fr.contains(&format!(" {mark}")),
                    "{key:?}: space before {mark}"
                );
            }
            assert!(!fr.contains("« "), "{key:?}: space after «");
            for mark in [':', ';', '!', '?'] {
                if let Some(i) = fr.find(mark) {
                    assert!(
                        fr[..i].ends_with('\u{a0}'),
                        "{key:?}: no-break space before {mark}"
                    );
                }
            }
            assert!(!en.contains('\u{a0}'), "{key:?}: French spacing in English");
        }
    }

    #[test]
    fn locale_tags_round_trip_and_accept_regions() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        }
        assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("FR_ca"), Some(Locale::Fr));
        assert_eq!(Locale::from_tag("de"), None);
        assert_eq!(Locale::from_tag(""), None);
        assert_eq!(Locale::default(), Locale::Fr);
    }

    #[test]
    fn document_title_names_the_service() {
        assert_eq!(
            document_title("Plan du site", Locale::Fr),
            "Plan du site - Campus du numérique public"
        );
    }
}
