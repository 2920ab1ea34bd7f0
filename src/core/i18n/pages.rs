//! Long-form content of the institutional pages (accessibility statement, legal notice,
//! personal data), in French and English. Plain text only: views render it as text.
//!
//! Each page is one static slice of [`Block`]s per locale. The English slice is a
//! faithful translation of the French one, block for block: the tests check that both
//! have the same shape (same kinds of blocks in the same order, same list lengths, same
//! link targets).

use super::Locale;

/// One block of an institutional page, rendered in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// A section heading (rendered as an `h2`).
    Heading(&'static str),
    /// A paragraph of plain text.
    Paragraph(&'static str),
    /// A bulleted list of plain-text items.
    List(&'static [&'static str]),
    /// An external link on its own line: (label, absolute https URL or mailto:).
    Link(&'static str, &'static str),
}

/// The institutional pages whose text lives here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InfoPage {
    /// Déclaration d'accessibilité.
    Accessibility,
    /// Mentions légales.
    LegalNotice,
    /// Données personnelles (privacy notice).
    PersonalData,
}

/// The blocks of `page` in `locale`.
pub fn info_page_blocks(page: InfoPage, locale: Locale) -> &'static [Block] {
    match (page, locale) {
        (InfoPage::Accessibility, Locale::Fr) => ACCESSIBILITY_FR,
        (InfoPage::Accessibility, Locale::En) => ACCESSIBILITY_EN,
        (InfoPage::LegalNotice, Locale::Fr) => LEGAL_NOTICE_FR,
        (InfoPage::LegalNotice, Locale::En) => LEGAL_NOTICE_EN,
        (InfoPage::PersonalData, Locale::Fr) => PERSONAL_DATA_FR,
        (InfoPage::PersonalData, Locale::En) => PERSONAL_DATA_EN,
    }
}

// Shared link targets, so that both locales point at exactly the same addresses.
const MAILTO_CAMPUS: &str = "mailto:campus@numerique.gouv.fr";
const MAILTO_DPO: &str = "mailto:dpd@numerique.gouv.fr";
const URL_DDD_FORM: &str = "https://formulaire.defenseurdesdroits.fr/";
const URL_DDD_DELEGATES: &str = "https://www.defenseurdesdroits.fr/saisir/delegues";
const URL_ETALAB_LICENCE: &str = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";
const URL_CNIL: &str = "https://www.cnil.fr";

// --- Accessibility statement (RGAA 4.1 model statement) -------------------------------------

static ACCESSIBILITY_FR: &[Block] = &[
    Block::Heading("Notre engagement"),
    Block::Paragraph(
        "La Direction interministérielle du numérique (DINUM) s'engage à rendre ses sites \
         internet, intranet, extranet et ses progiciels accessibles, conformément à \
         l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration \
         d'accessibilité s'applique au site du Campus du numérique public, y compris à ses \
         contenus lorsqu'ils sont intégrés dans le site d'un autre ministère.",
    ),
    Block::Heading("État de conformité"),
    Block::Paragraph(
        "Le site du Campus du numérique public est non conforme avec le référentiel général \
         d'amélioration de l'accessibilité (RGAA), version 4.1\u{a0}: aucun audit complet de \
         conformité n'a encore été réalisé.",
    ),
    Block::Paragraph(
        "Un audit complet est prévu\u{a0}; cette déclaration sera mise à jour avec ses résultats. \
         Dans l'attente, chaque page du site est contrôlée automatiquement avec l'outil \
         axe-core à chaque modification du site, et parcourue en navigation au clavier seul. \
         Ces vérifications ne remplacent pas un audit\u{a0}: elles ne couvrent qu'une partie des \
         critères du RGAA.",
    ),
    Block::Heading("Contenus non accessibles"),
    Block::Paragraph(
        "En l'absence d'audit, cette liste n'est pas exhaustive. Les contenus suivants \
         peuvent ne pas être accessibles\u{a0}:",
    ),
    Block::List(&[
        "les contenus intégrés depuis les sites des partenaires du campus, qui ne sont pas \
         produits par la DINUM\u{a0};",
        "les fichiers téléchargeables produits par les partenaires du campus\u{a0};",
        "les pages d'inscription des partenaires, vers lesquelles mènent les liens du \
         catalogue\u{a0}: elles relèvent de leurs éditeurs et ne sont pas couvertes par cette \
         déclaration\u{a0};",
        "les critères du RGAA que les contrôles automatiques ne permettent pas de vérifier \
         (pertinence des alternatives textuelles, ordre de lecture, restitution par les \
         lecteurs d'écran, par exemple), qui n'ont pas encore été évalués.",
    ]),
    Block::Heading("Établissement de cette déclaration d'accessibilité"),
    Block::Paragraph("Cette déclaration a été établie le 23 novembre 2026."),
    Block::List(&[
        "Technologies utilisées pour la réalisation du site\u{a0}: HTML5, CSS, JavaScript, \
         WebAssembly, WAI-ARIA.",
        "Environnement de test\u{a0}: versions récentes des navigateurs Chromium et Firefox\u{a0}; les \
         combinaisons prévues pour l'audit associent ces navigateurs aux lecteurs d'écran \
         NVDA et VoiceOver.",
        "Outils utilisés pour évaluer l'accessibilité\u{a0}: axe-core (contrôles automatiques) et \
         navigation au clavier seul.",
    ]),
    Block::Heading("Amélioration et contact"),
    Block::Paragraph(
        "Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter \
         l'équipe du campus pour être orienté vers une alternative accessible ou obtenir le \
         contenu sous une autre forme.",
    ),
    Block::Link("Écrire à campus@numerique.gouv.fr", MAILTO_CAMPUS),
    Block::Heading("Voie de recours"),
    Block::Paragraph(
        "Cette procédure est à utiliser dans le cas suivant\u{a0}: vous avez signalé à l'équipe du \
         campus un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un des \
         services du site, et vous n'avez pas obtenu de réponse satisfaisante. Vous pouvez \
         alors saisir le Défenseur des droits de l'une des façons suivantes\u{a0}:",
    ),
    Block::Link(
        "Écrire un message au Défenseur des droits (formulaire en ligne)",
        URL_DDD_FORM,
    ),
    Block::Link(
        "Contacter le délégué du Défenseur des droits dans votre région",
        URL_DDD_DELEGATES,
    ),
    Block::Paragraph(
        "Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre)\u{a0}: Défenseur des \
         droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
    ),
];

static ACCESSIBILITY_EN: &[Block] = &[
    Block::Heading("Our commitment"),
    Block::Paragraph(
        "The Direction interministérielle du numérique (DINUM, the French interministerial \
         digital directorate) is committed to making its websites, intranets, extranets and \
         software packages accessible, in accordance with article 47 of French law \
         no. 2005-102 of 11 February 2005. This accessibility statement applies to the \
         Campus du numérique public website, including its content when it is embedded in \
         another ministry's website.",
    ),
    Block::Heading("Compliance status"),
    Block::Paragraph(
        "The Campus du numérique public website is not compliant with the French general \
         accessibility improvement framework (RGAA, référentiel général d'amélioration de \
         l'accessibilité), version 4.1: no full compliance audit has been carried out yet.",
    ),
    Block::Paragraph(
        "A full audit is planned; this statement will be updated with its results. \
         Meanwhile, every page of the site is checked automatically with the axe-core tool \
         on each change to the site, and navigated using the keyboard only. These checks do \
         not replace an audit: they cover only part of the RGAA criteria.",
    ),
    Block::Heading("Non-accessible content"),
    Block::Paragraph(
        "As no audit has been carried out, this list is not exhaustive. The following content \
         may not be accessible:",
    ),
    Block::List(&[
        "content embedded from the campus partners' websites, which is not produced by \
         DINUM;",
        "downloadable files produced by the campus partners;",
        "the partners' registration pages, to which the catalogue's links lead: they fall \
         under their own publishers and are not covered by this statement;",
        "the RGAA criteria that automated checks cannot verify (for example, the relevance \
         of text alternatives, reading order, and rendering by screen readers), which have \
         not been assessed yet.",
    ]),
    Block::Heading("Preparation of this accessibility statement"),
    Block::Paragraph("This statement was drawn up on 23 November 2026."),
    Block::List(&[
        "Technologies used to build the site: HTML5, CSS, JavaScript, WebAssembly, \
         WAI-ARIA.",
        "Test environment: recent versions of the Chromium and Firefox browsers; the \
         combinations planned for the audit pair these browsers with the NVDA and VoiceOver \
         screen readers.",
        "Tools used to assess accessibility: axe-core (automated checks) and keyboard-only \
         navigation.",
    ]),
    Block::Heading("Improvement and contact"),
    Block::Paragraph(
        "If you cannot access a piece of content or a service, you can contact the campus \
         team to be directed to an accessible alternative or to obtain the content in \
         another form.",
    ),
    Block::Link("Write to campus@numerique.gouv.fr", MAILTO_CAMPUS),
    Block::Heading("Means of redress"),
    Block::Paragraph(
        "Use this procedure in the following case: you have reported to the campus team an \
         accessibility issue that prevents you from accessing a piece of content or one of \
         the site's services, and you have not received a satisfactory response. You can \
         then refer the matter to the Défenseur des droits (the French Defender of Rights) \
         in one of the following ways:",
    ),
    Block::Link(
        "Send a message to the Défenseur des droits (online form, in French)",
        URL_DDD_FORM,
    ),
    Block::Link(
        "Contact the Défenseur des droits delegate in your region (in French)",
        URL_DDD_DELEGATES,
    ),
    Block::Paragraph(
        "Send a letter by post (free of charge, no stamp needed): Défenseur des droits, \
         Libre réponse 71120, 75342 Paris CEDEX 07, France.",
    ),
];

// --- Legal notice ---------------------------------------------------------------------------

static LEGAL_NOTICE_FR: &[Block] = &[
    Block::Heading("Éditeur"),
    Block::Paragraph(
        "Le site du Campus du numérique public est édité par la Direction interministérielle \
         du numérique (DINUM), 20 avenue de Ségur, 75007 Paris.",
    ),
    Block::Heading("Directeur de la publication"),
    Block::Paragraph(
        "La direction de la publication est assurée par le directeur interministériel du \
         numérique.",
    ),
    Block::Heading("Contact"),
    Block::Paragraph(
        "Pour toute question sur le site ou sur son contenu, écrivez à l'équipe du campus\u{a0}:",
    ),
    Block::Link("campus@numerique.gouv.fr", MAILTO_CAMPUS),
    Block::Heading("Hébergement"),
    Block::Paragraph(
        "Le site est entièrement statique\u{a0}: il se compose de fichiers HTML, CSS, JavaScript \
         et WebAssembly, et aucun traitement n'est effectué côté serveur. Ces fichiers sont \
         servis par le prestataire d'hébergement retenu par la DINUM, désigné dans la \
         configuration du déploiement du site. Son nom et son adresse vous sont communiqués \
         sur simple demande à campus@numerique.gouv.fr.",
    ),
    Block::Paragraph(
        "Le site peut aussi être intégré dans les sites d'autres ministères. Son contenu \
         reste alors sous la responsabilité de la DINUM, en tant qu'éditeur\u{a0}; le reste de la \
         page relève du site qui l'accueille.",
    ),
    Block::Heading("Système de design et marque de l'État"),
    Block::Paragraph(
        "Le site est construit avec le Système de design de l'État (DSFR). La police Marianne \
         et le bloc-marque de l'État appartiennent à l'État français\u{a0}: ils relèvent de la \
         marque de l'État, dont l'usage est réservé, et ne sont pas couverts par les licences \
         mentionnées ci-dessous.",
    ),
    Block::Heading("Licences et réutilisation"),
    Block::Paragraph("Le code source du site est libre\u{a0}: il est publié sous licence MIT."),
    Block::Paragraph(
        "Sauf mention contraire, les contenus du site sont publiés sous la Licence Ouverte / \
         Open Licence Etalab 2.0\u{a0}: vous pouvez les réutiliser librement, à condition de \
         mentionner leur source et la date de leur dernière mise à jour.",
    ),
    Block::Link(
        "Licence Ouverte / Open Licence version 2.0",
        URL_ETALAB_LICENCE,
    ),
    Block::Heading("Catalogue des formations et liens externes"),
    Block::Paragraph(
        "Les données du catalogue (formations et sessions) sont produites par le campus et \
         par ses partenaires\u{a0}: l'ENM, l'École des Mines, Inria, l'IGPDE, la Commission \
         européenne, l'UNESCO, l'Organisation internationale du travail (OIT) et l'Académie \
         de la transformation numérique du Québec.",
    ),
    Block::Paragraph(
        "Les liens vers les pages d'inscription des partenaires vous font quitter le site\u{a0}: \
         ces pages relèvent de la seule responsabilité de leurs éditeurs.",
    ),
];

static LEGAL_NOTICE_EN: &[Block] = &[
    Block::Heading("Publisher"),
    Block::Paragraph(
        "The Campus du numérique public website is published by the Direction \
         interministérielle du numérique (DINUM, the French interministerial digital \
         directorate), 20 avenue de Ségur, 75007 Paris, France.",
    ),
    Block::Heading("Director of publication"),
    Block::Paragraph(
        "The director of publication is the interministerial director for digital affairs.",
    ),
    Block::Heading("Contact"),
    Block::Paragraph("For any question about the site or its content, write to the campus team:"),
    Block::Link("campus@numerique.gouv.fr", MAILTO_CAMPUS),
    Block::Heading("Hosting"),
    Block::Paragraph(
        "The site is entirely static: it consists of HTML, CSS, JavaScript and WebAssembly \
         files, and no processing takes place on the server. These files are served by the \
         hosting provider chosen by DINUM, named in the site's deployment configuration. \
         Its name and address are provided on request at campus@numerique.gouv.fr.",
    ),
    Block::Paragraph(
        "The site may also be embedded in other ministries' websites. Its content then \
         remains under the responsibility of DINUM as publisher; the rest of the page falls \
         under the website that hosts it.",
    ),
    Block::Heading("Design system and State brand"),
    Block::Paragraph(
        "The site is built with the French State design system (Système de design de l'État, \
         DSFR). The Marianne typeface and the State's logo block belong to the French State: \
         they are part of the State brand, whose use is restricted, and are not covered by \
         the licences mentioned below.",
    ),
    Block::Heading("Licences and reuse"),
    Block::Paragraph(
        "The site's source code is open source: it is released under the MIT licence.",
    ),
    Block::Paragraph(
        "Unless stated otherwise, the site's content is published under the Licence Ouverte / \
         Open Licence Etalab 2.0: you may reuse it freely, provided you mention its source \
         and the date it was last updated.",
    ),
    Block::Link(
        "Licence Ouverte / Open Licence version 2.0",
        URL_ETALAB_LICENCE,
    ),
    Block::Heading("Training catalogue and external links"),
    Block::Paragraph(
        "Catalogue data (trainings and sessions) is produced by the campus and its partners: \
         ENM, École des Mines, Inria, IGPDE, the European Commission, UNESCO, the \
         International Labour Organization (ILO) and Québec's Académie de la transformation \
         numérique.",
    ),
    Block::Paragraph(
        "Links to the partners' registration pages take you off the site: those pages are \
         the sole responsibility of their publishers.",
    ),
];

// --- Personal data --------------------------------------------------------------------------

static PERSONAL_DATA_FR: &[Block] = &[
    Block::Heading("Responsable du traitement"),
    Block::Paragraph(
        "Les données personnelles traitées par l'intermédiaire de ce site le sont sous la \
         responsabilité de la Direction interministérielle du numérique (DINUM), 20 avenue \
         de Ségur, 75007 Paris.",
    ),
    Block::Heading("Ni cookies, ni mesure d'audience"),
    Block::Paragraph(
        "Ce site ne dépose aucun cookie et n'utilise aucun outil de mesure d'audience. Aucun \
         consentement ne vous est donc demandé pour le consulter.",
    ),
    Block::Heading("Données conservées dans votre navigateur"),
    Block::Paragraph(
        "Le site enregistre uniquement les informations suivantes, dans votre navigateur, sur \
         votre appareil. Elles ne sont pas transmises à la DINUM tant que vous n'envoyez pas \
         de candidature.",
    ),
    Block::List(&[
        "La langue que vous avez choisie (stockage local, clé «\u{a0}campus.locale\u{a0}»)\u{a0}: jusqu'à ce \
         que vous en changiez ou effaciez les données du site.",
        "Les formations de «\u{a0}Ma sélection\u{a0}» (stockage local, clé «\u{a0}campus.selection\u{a0}»)\u{a0}: \
         jusqu'à ce que vous vidiez la sélection.",
        "Le brouillon de votre candidature de formateur bénévole (stockage local, clé \
         «\u{a0}campus.candidature\u{a0}»)\u{a0}: vos réponses, l'étape atteinte, la date de chaque \
         modification, votre numéro de référence et, dès que vous l'envoyez ou la \
         téléchargez, la candidature prête à partir. Il est conservé tant que vous rédigez, \
         pour que rien ne soit perdu, et partagé entre les onglets ouverts sur ce site.",
        "Après l'envoi ou la suppression du brouillon\u{a0}: vos réponses sont effacées du \
         stockage local\u{a0}; il n'y reste que le numéro de référence, la date et le fait que la \
         candidature a été envoyée ou supprimée, pour que vos autres onglets ne la \
         rouvrent pas. Cette mention est remplacée dès que vous commencez une nouvelle \
         candidature.",
        "La copie de la candidature envoyée, pour la page de confirmation (stockage de \
         session, clé «\u{a0}campus.candidature.envoyee\u{a0}»)\u{a0}: dans cet onglet seulement, effacée \
         à sa fermeture.",
        "Le fichier de progression, si vous le téléchargez\u{a0}: il est enregistré là où vous \
         le choisissez sur votre appareil\u{a0}; le site n'en garde aucune copie.",
    ]),
    Block::Paragraph(
        "Si votre navigateur refuse l'enregistrement (réglages de confidentialité, site qui \
         intègre le formulaire), rien n'est conservé et le formulaire vous en avertit. Vous \
         pouvez tout supprimer à tout moment\u{a0}: le formulaire propose d'effacer le brouillon, \
         et l'effacement des données du site dans les réglages de votre navigateur supprime \
         tout.",
    ),
    Block::Heading("Candidature de formateur bénévole"),
    Block::Paragraph(
        "Lorsque vous envoyez une candidature de formateur bénévole, les données que vous avez \
         saisies sont transmises à l'équipe du campus de la DINUM, afin d'examiner votre \
         candidature\u{a0}:",
    ),
    Block::List(&[
        "votre identité\u{a0};",
        "vos coordonnées professionnelles\u{a0};",
        "votre administration\u{a0};",
        "vos domaines d'expertise\u{a0};",
        "votre proposition d'intervention\u{a0};",
        "vos disponibilités.",
    ]),
    Block::Paragraph(
        "Si le site n'est pas configuré pour transmettre directement les candidatures, vous \
         téléchargez votre candidature et l'envoyez vous-même par courriel à \
         campus@numerique.gouv.fr\u{a0}; elle est ensuite traitée dans les mêmes conditions.",
    ),
    Block::List(&[
        "Base légale\u{a0}: l'exécution d'une mission d'intérêt public (article 6, paragraphe 1, \
         point e, du règlement général sur la protection des données, RGPD).",
        "Destinataires\u{a0}: l'équipe du campus et, pour les propositions qu'il examine, le \
         comité pédagogique du campus.",
        "Durée de conservation\u{a0}: deux ans après le dernier contact\u{a0}; les données sont ensuite \
         supprimées.",
        "Transferts\u{a0}: aucune donnée n'est transférée hors de l'Union européenne.",
    ]),
    Block::Heading("Vos droits"),
    Block::Paragraph(
        "Vous disposez d'un droit d'accès, de rectification et d'effacement de vos données, \
         ainsi que d'un droit à la limitation de leur traitement et d'un droit d'opposition. \
         Pour les exercer, écrivez à l'équipe du campus ou au délégué à la protection des \
         données de la DINUM\u{a0}:",
    ),
    Block::Link("Équipe du campus\u{a0}: campus@numerique.gouv.fr", MAILTO_CAMPUS),
    Block::Link(
        "Délégué à la protection des données de la DINUM\u{a0}: dpd@numerique.gouv.fr",
        MAILTO_DPO,
    ),
    Block::Paragraph(
        "Si, après nous avoir contactés, vous estimez que vos droits ne sont pas respectés, \
         vous pouvez adresser une réclamation à la Commission nationale de l'informatique et \
         des libertés (CNIL).",
    ),
    Block::Link("Site de la CNIL", URL_CNIL),
];

static PERSONAL_DATA_EN: &[Block] = &[
    Block::Heading("Data controller"),
    Block::Paragraph(
        "Personal data processed through this site is processed under the responsibility of \
         the Direction interministérielle du numérique (DINUM, the French interministerial \
         digital directorate), 20 avenue de Ségur, 75007 Paris, France.",
    ),
    Block::Heading("No cookies, no audience measurement"),
    Block::Paragraph(
        "This site sets no cookies and uses no audience measurement tool. You are therefore \
         not asked for any consent to browse it.",
    ),
    Block::Heading("Data kept in your browser"),
    Block::Paragraph(
        "The site stores only the following information, in your browser, on your device. \
         None of it is sent to DINUM unless you send an application.",
    ),
    Block::List(&[
        "The language you chose (local storage, key \"campus.locale\"): until you change it \
         or clear the site's data.",
        "The trainings in \"My selection\" (local storage, key \"campus.selection\"): until \
         you empty the selection.",
        "The draft of your volunteer trainer application (local storage, key \
         \"campus.candidature\"): your answers, the step reached, when each answer was last \
         changed, your reference number and, once you send or download it, the application \
         ready to go. It is kept while you write, so that nothing is lost, and shared \
         between the tabs open on this site.",
        "After sending, or discarding the draft: your answers are erased from local \
         storage; only the reference number, the date and whether the application was sent \
         or discarded remain, so that your other tabs do not reopen it. This record is \
         replaced as soon as you start a new application.",
        "The copy of the sent application, for the confirmation page (session storage, key \
         \"campus.candidature.envoyee\"): in that tab only, erased when it is closed.",
        "The progress file, if you download it: it is saved where you choose on your \
         device; the site keeps no copy.",
    ]),
    Block::Paragraph(
        "If your browser refuses storage (privacy settings, a site embedding the form), \
         nothing is kept and the form warns you. You can delete everything at any time: the \
         form offers to discard the draft, and clearing the site's data in your browser \
         settings removes all of it.",
    ),
    Block::Heading("Volunteer trainer application"),
    Block::Paragraph(
        "When you submit a volunteer trainer application, the information you entered is \
         sent to DINUM's campus team so that it can examine your application:",
    ),
    Block::List(&[
        "your identity;",
        "your professional contact details;",
        "your administration;",
        "your areas of expertise;",
        "your proposal;",
        "your availability.",
    ]),
    Block::Paragraph(
        "If the site is not configured to send applications directly, you download your \
         application and send it yourself by email to campus@numerique.gouv.fr; it is then \
         processed under the same conditions.",
    ),
    Block::List(&[
        "Legal basis: performance of a task carried out in the public interest \
         (article 6(1)(e) of the General Data Protection Regulation, GDPR).",
        "Recipients: the campus team and, for the proposals it reviews, the campus's \
         pedagogical committee.",
        "Retention period: two years after the last contact; the data is then deleted.",
        "Transfers: no data is transferred outside the European Union.",
    ]),
    Block::Heading("Your rights"),
    Block::Paragraph(
        "You have the right to access, rectify and erase your data, to restrict its \
         processing and to object to it. To exercise these rights, write to the campus team \
         or to DINUM's data protection officer:",
    ),
    Block::Link("Campus team: campus@numerique.gouv.fr", MAILTO_CAMPUS),
    Block::Link(
        "DINUM's data protection officer: dpd@numerique.gouv.fr",
        MAILTO_DPO,
    ),
    Block::Paragraph(
        "If, after contacting us, you consider that your rights are not being respected, you \
         can lodge a complaint with the CNIL (Commission nationale de l'informatique et des \
         libertés, the French data protection authority).",
    ),
    Block::Link("CNIL website", URL_CNIL),
];

#[cfg(test)]
mod tests {
    use super::*;

    const PAGES: [InfoPage; 3] = [
        InfoPage::Accessibility,
        InfoPage::LegalNotice,
        InfoPage::PersonalData,
    ];

    /// The locale-independent shape of a block: its kind, a list's length, a link's URL.
    #[derive(Debug, PartialEq, Eq)]
    enum Shape {
        Heading,
        Paragraph,
        List(usize),
        Link(&'static str),
    }

    fn shape(block: &Block) -> Shape {
        match *block {
            Block::Heading(_) => Shape::Heading,
            Block::Paragraph(_) => Shape::Paragraph,
            Block::List(items) => Shape::List(items.len()),
            Block::Link(_, url) => Shape::Link(url),
        }
    }

    /// Every piece of text a block shows (link URLs excluded).
    fn texts(block: &Block) -> Vec<&'static str> {
        match *block {
            Block::Heading(text) | Block::Paragraph(text) => vec![text],
            Block::List(items) => items.to_vec(),
            Block::Link(label, _) => vec![label],
        }
    }

    fn all_blocks() -> impl Iterator<Item = (InfoPage, Locale, &'static Block)> {
        PAGES.into_iter().flat_map(|page| {
            [Locale::Fr, Locale::En]
                .into_iter()
                .flat_map(move |locale| {
                    info_page_blocks(page, locale)
                        .iter()
                        .map(move |block| (page, locale, block))
                })
        })
    }

    #[test]
    fn every_page_is_non_empty_and_starts_with_a_heading() {
        for page in PAGES {
            for locale in [Locale::Fr, Locale::En] {
                let blocks = info_page_blocks(page, locale);
                assert!(!blocks.is_empty(), "{page:?} is empty");
                assert!(
                    matches!(blocks[0], Block::Heading(_)),
                    "{page:?} does not start with a heading"
                );
            }
        }
    }

    #[test]
    fn french_and_english_have_the_same_shape() {
        for page in PAGES {
            let fr: Vec<Shape> = info_page_blocks(page, Locale::Fr)
                .iter()
                .map(shape)
                .collect();
            let en: Vec<Shape> = info_page_blocks(page, Locale::En)
                .iter()
                .map(shape)
                .collect();
            assert_eq!(fr, en, "{page:?}: French and English differ in shape");
        }
    }

    #[test]
    fn locales_differ() {
        for page in PAGES {
            assert_ne!(
                info_page_blocks(page, Locale::Fr),
                info_page_blocks(page, Locale::En),
                "{page:?}: English is not translated"
            );
        }
    }

    #[test]
    fn text_is_plain_and_non_empty() {
        for (page, _, block) in all_blocks() {
            if let Block::List(items) = block {
                assert!(!items.is_empty(), "{page:?}: empty list");
            }
            for text in texts(block) {
                assert!(!text.trim().is_empty(), "{page:?}: empty text");
                assert_eq!(text, text.trim(), "{page:?}: stray whitespace in {text:?}");
                assert!(!text.contains("  "), "{page:?}: double space in {text:?}");
                assert!(
                    !text.contains('<') && !text.contains('>'),
                    "{page:?}: markup in {text:?}"
                );
            }
        }
    }

    #[test]
    fn links_are_absolute_https_or_mailto() {
        for (page, _, block) in all_blocks() {
            if let Block::Link(label, url) = *block {
                assert!(
                    url.starts_with("https://") || url.starts_with("mailto:"),
                    "{page:?}: bad link target {url:?}"
                );
                assert!(
                    !url.contains(char::is_whitespace),
                    "{page:?}: space in {url:?}"
                );
                assert!(!label.is_empty(), "{page:?}: empty link label");
            }
        }
    }

    #[test]
    fn every_page_gives_the_contact_address() {
        for page in PAGES {
            for locale in [Locale::Fr, Locale::En] {
                let has_contact = info_page_blocks(page, locale)
                    .iter()
                    .any(|block| matches!(block, Block::Link(_, url) if *url == MAILTO_CAMPUS));
                assert!(has_contact, "{page:?}: no link to the contact address");
            }
        }
    }

    #[test]
    fn accessibility_statement_states_status_and_date() {
        for (locale, status, date) in [
            (Locale::Fr, "non conforme", "23 novembre 2026"),
            (Locale::En, "not compliant", "23 November 2026"),
        ] {
            let text: Vec<&str> = info_page_blocks(InfoPage::Accessibility, locale)
                .iter()
                .flat_map(texts)
                .collect();
            assert!(
                text.iter().any(|t| t.contains(status)),
                "{status:?} missing"
            );
            assert!(text.iter().any(|t| t.contains(date)), "{date:?} missing");
        }
    }

    #[test]
    fn personal_data_page_names_every_storage_key_the_app_uses() {
        for locale in Locale::ALL {
            let text: String = info_page_blocks(InfoPage::PersonalData, locale)
                .iter()
                .flat_map(texts)
                .collect();
            for key in [
                "campus.locale",
                "campus.selection",
                "campus.candidature",
                "campus.candidature.envoyee",
            ] {
                assert!(text.contains(key), "{key} ({locale})");
            }
        }
    }

    #[test]
    fn personal_data_page_says_no_cookies() {
        for (locale, needle) in [(Locale::Fr, "aucun cookie"), (Locale::En, "no cookies")] {
            let said = info_page_blocks(InfoPage::PersonalData, locale)
                .iter()
                .flat_map(texts)
                .any(|t| t.contains(needle));
            assert!(said, "{needle:?} missing");
        }
    }
}
