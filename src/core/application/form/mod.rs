//! The campus's forms as data: the trainer application and the sur-mesure
//! request. A [`Form`] row holds everything a journey needs (its steps, its
//! fields, its storage keys, its words, its schema (where it goes is `config::Config::destination`)); a [`Field`]
//! row holds every behaviour of a question — when it is shown, when it is
//! required, its limits, its label and hint, its browser autocomplete token,
//! whether it looks up similar catalogue courses. One step engine (views,
//! validation, journey, draft, payload) reads these tables for every form;
//! nothing else compares field ids. Adding a question is one row here (plus,
//! for a new option list, its option labels in `i18n`); adding a form is one
//! [`Form`] row and its fields.
//!
//! Ids are stable: they are stored in drafts and sent in payloads.

mod options;
mod request;
mod trainer;

pub use options::*;
pub use request::{REQUEST, REQUEST_FIELDS};
pub use trainer::{TRAINER, TRAINER_FIELDS};

use serde::{Deserialize, Serialize};

use crate::i18n::back_office::args as ending;
use std::fmt::Display;

pub use crate::i18n::fields::FieldText;
use crate::i18n::{Filled, Locale, Text, Texts};

/// A step of a form. Question steps belong to one form; the review and the
/// confirmation end every form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StepId {
    /// Identity and administration.
    You,
    /// Domains, skills, experience, bio, motivation.
    Expertise,
    /// The proposal, branching on its kind.
    Proposal,
    /// Days, formats, regions, periods, manager informed.
    Availability,
    /// Sur-mesure request: who asks, for which administration.
    Requester,
    /// Sur-mesure request: the need, the team, the period.
    Need,
    /// Check your answers, consent, submit.
    Review,
    /// The hand-off to démarches simplifiées: the prefilled link, and the
    /// answers to copy there (a form sent by `demarches-simplifiees`).
    HandOff,
    /// Reference number and next steps.
    Confirmation,
}

impl StepId {
    /// Every step.
    pub const ALL: [StepId; 9] = [
        StepId::You,
        StepId::Expertise,
        StepId::Proposal,
        StepId::Availability,
        StepId::Requester,
        StepId::Need,
        StepId::Review,
        StepId::HandOff,
        StepId::Confirmation,
    ];

    /// URL segment (`#/candidature/{slug}`), and where the step's answers go
    /// in the payload (`applicant`, ...). One row per step.
    const fn row(self) -> (&'static str, &'static str, Option<Tr>) {
        match self {
            StepId::You => ("vous", "applicant", Some(FieldText::StepYou)),
            StepId::Expertise => ("expertise", "expertise", Some(FieldText::StepExpertise)),
            StepId::Proposal => ("proposition", "proposal", Some(FieldText::StepProposal)),
            StepId::Availability => (
                "disponibilites",
                "availability",
                Some(FieldText::StepAvailability),
            ),
            StepId::Requester => ("demandeur", "requester", Some(FieldText::StepRequester)),
            StepId::Need => ("besoin", "need", Some(FieldText::StepNeed)),
            // The two closing steps are titled by their form (see `Form`).
            StepId::Review => ("verification", "", None),
            StepId::HandOff => ("demarches-simplifiees", "", Some(FieldText::StepHandOff)),
            StepId::Confirmation => ("confirmation", "", None),
        }
    }

    /// Whether it ends the journey (shown for a form this tab finished).
    pub const fn is_ending(self) -> bool {
        matches!(self, StepId::HandOff | StepId::Confirmation)
    }

    /// URL segment (`#/candidature/{slug}`).
    pub const fn slug(self) -> &'static str {
        self.row().0
    }

    /// The payload section a question step's answers go to.
    pub const fn section(self) -> &'static str {
        self.row().1
    }

    /// Parses a URL segment.
    pub fn from_slug(slug: &str) -> Option<StepId> {
        StepId::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// Declares [`FieldId`] with the stable string of each id (the only place that
/// spells them).
macro_rules! field_ids {
    ($( $variant:ident => $id:literal, )*) => {
        /// The typed id of a question. Its string form (`as_str`) is used only at
        /// the edges: storage, payload keys, HTML ids, URLs.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum FieldId {
            $(
                #[doc = concat!("`", $id, "`")]
                $variant,
            )*
        }

        impl FieldId {
            /// Every id, in declaration order.
            pub const ALL: &'static [FieldId] = &[$(FieldId::$variant,)*];

            /// The stable string id.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(FieldId::$variant => $id,)*
                }
            }

            /// Parses a stable string id.
            pub fn parse(s: &str) -> Option<FieldId> {
                match s {
                    $($id => Some(FieldId::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

field_ids! {
    FirstName => "first_name",
    LastName => "last_name",
    Email => "email",
    Phone => "phone",
    Administration => "administration",
    AdministrationOther => "administration_other",
    Department => "department",
    JobTitle => "job_title",
    Region => "region",
    Status => "status",
    Domains => "domains",
    Skills => "skills",
    YearsExperience => "years_experience",
    TeachingExperience => "teaching_experience",
    Bio => "bio",
    Motivation => "motivation",
    ProposalKind => "proposal_kind",
    ExistingTitle => "existing_title",
    ExistingSummary => "existing_summary",
    ExistingDomain => "existing_domain",
    ExistingFormat => "existing_format",
    ExistingDurationHours => "existing_duration_hours",
    ExistingAudience => "existing_audience",
    ExistingLevel => "existing_level",
    ExistingObjectives => "existing_objectives",
    ExistingMaterialUrl => "existing_material_url",
    IdeaTitle => "idea_title",
    IdeaNeed => "idea_need",
    IdeaAudience => "idea_audience",
    IdeaFormat => "idea_format",
    HelpTopic => "help_topic",
    HelpNeeded => "help_needed",
    HelpWhen => "help_when",
    DaysPerYear => "days_per_year",
    FormatsAccepted => "formats_accepted",
    RegionsAvailable => "regions_available",
    Periods => "periods",
    ManagerInformed => "manager_informed",
    Consent => "consent",
    RequesterFirstName => "requester_first_name",
    RequesterLastName => "requester_last_name",
    RequesterEmail => "requester_email",
    RequesterPhone => "requester_phone",
    RequesterAdministration => "requester_administration",
    RequesterAdministrationOther => "requester_administration_other",
    RequesterRole => "requester_role",
    RequestCourse => "request_course",
    RequestNeed => "request_need",
    RequestTeamSize => "request_team_size",
    RequestAudience => "request_audience",
    RequestFormat => "request_format",
    RequestPeriods => "request_periods",
    RequestPlace => "request_place",
    RequestConsent => "request_consent",
}

impl std::fmt::Display for FieldId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for FieldId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for FieldId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        FieldId::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown field {s}")))
    }
}

/// A form of the campus: the one step engine runs each of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FormId {
    /// The volunteer trainer application (`candidature/`).
    Trainer,
    /// A manager's request for a sur-mesure programme (`sur-mesure/`).
    Request,
}

impl FormId {
    /// Every form.
    pub const ALL: [FormId; 2] = [FormId::Trainer, FormId::Request];

    /// Its row.
    pub const fn form(self) -> &'static Form {
        match self {
            FormId::Trainer => &TRAINER,
            FormId::Request => &REQUEST,
        }
    }
}

/// Everything the step engine needs to know about one form.
#[derive(Debug, Clone, Copy)]
pub struct Form {
    /// Its id.
    pub id: FormId,
    /// URL segment of its pages: `#/{slug}` (start) and `#/{slug}/{step}`.
    pub slug: &'static str,
    /// Its question steps, in order (then the review and the confirmation).
    pub questions: &'static [StepId],
    /// Its fields, in display order (consent last, on the review step).
    pub fields: &'static [Field],
    /// The consent box (sent as the payload's `consent`).
    pub consent: FieldId,
    /// `localStorage` key of its draft (or the tombstone of the last one).
    pub storage_key: &'static str,
    /// `sessionStorage` key of what this tab sent (for its confirmation page).
    pub sent_key: &'static str,
    /// `format` of its progress files.
    pub progress_format: &'static str,
    /// Stem of the files it downloads (`{stem}-{reference}.json`).
    pub file_stem: &'static str,
    /// The JSON Schema of its payload, next to `index.html`.
    pub schema: &'static str,
    /// Whether it is open only while the trainer call is.
    pub gated_by_call: bool,
    /// The field prefilled from `?formation=<course id>` on its start page.
    pub course_field: Option<FieldId>,
    /// What is filled in ("candidature" / "application"), for shared messages.
    pub noun: Tr,
    /// The same with its article ("une candidature" / "an application").
    pub a_noun: Tr,
    /// The start page's title.
    pub title: Text,
    /// The start page's lead paragraph.
    pub intro: Tr,
    /// The start button.
    pub start: Tr,
    /// The resume button.
    pub resume: Tr,
    /// The send button.
    pub submit: Tr,
    /// The review step's title.
    pub review_title: Tr,
    /// The confirmation's title.
    pub sent_title: Tr,
    /// What happens next, on the confirmation.
    pub next_steps: Tr,
    /// The subject of the prepared email (`{reference}`: the reference).
    pub mail_subject: Tr,
}

impl Form {
    /// Every step of the journey: the questions, the review, the confirmation.
    pub fn steps(&self) -> impl Iterator<Item = StepId> + '_ {
        self.questions.iter().copied().chain([
            StepId::Review,
            StepId::HandOff,
            StepId::Confirmation,
        ])
    }

    /// Whether `step` is a step of this form.
    pub fn has_step(&self, step: StepId) -> bool {
        self.steps().any(|s| s == step)
    }

    /// The first step.
    pub fn first_step(&self) -> StepId {
        self.questions.first().copied().unwrap_or(StepId::Review)
    }

    /// The step's title in this form.
    pub fn step_title(&self, step: StepId) -> Tr {
        match step {
            StepId::Review => self.review_title,
            StepId::Confirmation => self.sent_title,
            _ => step.row().2.unwrap_or(self.review_title),
        }
    }

    /// Its fields on `step`, in display order (all branches).
    pub fn fields_of(&self, step: StepId) -> impl Iterator<Item = &'static Field> {
        self.fields.iter().filter(move |f| f.step == step)
    }

    /// A message shared by every form, in its words: `{noun}`, `{a_noun}` and
    /// `{file}` (its progress file's name, [`crate::i18n::FORM_WORDS`]) are
    /// filled in.
    pub fn say(&self, text: impl Texts, l: Locale) -> String {
        self.with_words(l, |words| crate::i18n::fill(text.get(l), &[words]))
    }

    /// A message with values of its own (`args::Key { … }` of a text
    /// table), in the form's words: [`Form::say`] for a key with arguments.
    pub fn say_with(&self, text: &impl Filled, l: Locale) -> String {
        self.with_words(l, |words| text.fill_in(l, words))
    }

    /// `then` given its words as placeholder values.
    fn with_words<R>(&self, l: Locale, then: impl FnOnce(&[(&str, &dyn Display)]) -> R) -> R {
        let [noun, a_noun, file] = crate::i18n::FORM_WORDS;
        let (noun_text, a_noun_text) = (self.noun.get(l), self.a_noun.get(l));
        let file_name = self.progress_file();
        then(&[
            (noun, &noun_text),
            (a_noun, &a_noun_text),
            (file, &file_name),
        ])
    }

    /// Every text of its own it shows (its nouns, start page, buttons, titles,
    /// next steps, email subject).
    pub fn words(&self) -> [Tr; 10] {
        [
            self.noun,
            self.a_noun,
            self.intro,
            self.start,
            self.resume,
            self.submit,
            self.review_title,
            self.sent_title,
            self.next_steps,
            self.mail_subject,
        ]
    }

    /// The name of its progress file.
    pub fn progress_file(&self) -> String {
        format!("{}-campus-progression.json", self.file_stem)
    }

    /// The name of the file it downloads (`candidature-{reference}.json`).
    pub fn file_name(&self, reference: &str) -> String {
        format!("{}-{reference}.json", self.file_stem)
    }

    /// The prepared email to `address` (French, as the team works): its
    /// subject names the reference, its body the file to attach, since a
    /// `mailto:` link cannot attach one.
    pub fn mailto(&self, address: &str, reference: &str) -> String {
        let subject = crate::i18n::fill(
            self.mail_subject.get(Locale::Fr),
            &[&[("reference", &reference)]],
        );
        let file_json = self.file_name(reference);
        let body = self.say_with(
            &ending::MailBody {
                file_json: &file_json,
                reference: &reference,
            },
            Locale::Fr,
        );
        format!(
            "mailto:{address}?subject={}&body={}",
            crate::util::percent::percent_encode(&subject),
            crate::util::percent::percent_encode(&body)
        )
    }

    /// Whether `id` is one of its fields.
    pub fn has_field(&self, id: FieldId) -> bool {
        self.fields.iter().any(|f| f.id == id)
    }
}

/// What the applicant proposes (step 3 branches on it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProposalKind {
    /// An existing training to add to the catalogue.
    Existing,
    /// An idea for a new programme.
    Idea,
    /// Help to build a training.
    Help,
}

impl ProposalKind {
    /// Every kind, in display order.
    pub const ALL: [ProposalKind; 3] = [
        ProposalKind::Existing,
        ProposalKind::Idea,
        ProposalKind::Help,
    ];

    /// Stable value (stored and submitted).
    pub const fn value(self) -> &'static str {
        match self {
            ProposalKind::Existing => "formation-existante",
            ProposalKind::Idea => "idee-programme",
            ProposalKind::Help => "aide-construction",
        }
    }

    /// Parses a stored value.
    pub fn from_value(v: &str) -> Option<ProposalKind> {
        ProposalKind::ALL.into_iter().find(|k| k.value() == v)
    }
}

/// How a field is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// One line of text.
    Text,
    /// An email address.
    Email,
    /// A phone number.
    Phone,
    /// Several lines of text.
    LongText,
    /// A whole number within bounds ("1 000" with a thousands space too).
    Number {
        /// Smallest accepted value.
        min: u32,
        /// Largest accepted value.
        max: u32,
    },
    /// A number of hours within bounds, as people write one: "7", "3,5",
    /// "3.5", "3 h 30"; sent as a JSON number (3.5).
    Hours {
        /// Smallest accepted value, in hours.
        min: u32,
        /// Largest accepted value, in hours.
        max: u32,
    },
    /// One of `options` (radio buttons, or a select when long).
    OneOf(&'static [&'static str]),
    /// Any of `options` (checkboxes).
    AnyOf(&'static [&'static str]),
    /// An absolute http(s) link.
    Url,
    /// A single box to tick (consent); ticked is stored as [`TICKED`].
    Tick,
}

/// The stored value of a ticked [`Input::Tick`] box.
pub const TICKED: &str = "oui";

/// When a field is shown, or required: a condition on the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// Always.
    Always,
    /// Never (for `required_when`: the question is optional).
    Never,
    /// When the single-choice answer of the field is this value.
    Is(FieldId, &'static str),
}

/// A text of the form tables: a key of [`FieldText`], whose table holds
/// its French and English.
pub type Tr = FieldText;

/// A question of the form, with all its behaviour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// Stable id (draft key, payload key, HTML id).
    pub id: FieldId,
    /// The step it belongs to.
    pub step: StepId,
    /// How it is answered.
    pub input: Input,
    /// When it is asked (a field not shown is neither checked nor sent).
    pub shown_when: Condition,
    /// When an answer is required (while shown). `Never`: "(facultatif)".
    pub required_when: Condition,
    /// Longest accepted answer, in characters (text inputs).
    pub max_len: usize,
    /// The question.
    pub label: Tr,
    /// Help under the question.
    pub hint: Option<Tr>,
    /// The HTML `autocomplete` token (`None`: `off`).
    pub autocomplete: Option<&'static str>,
    /// Whether typing here lists similar catalogue courses.
    pub similar_courses: bool,
}

impl Field {
    const fn new(id: FieldId, step: StepId, input: Input, label: Tr) -> Field {
        Field {
            id,
            step,
            input,
            shown_when: Condition::Always,
            required_when: Condition::Always,
            max_len: 0,
            label,
            hint: None,
            autocomplete: None,
            similar_courses: false,
        }
    }
    const fn max(self, max_len: usize) -> Field {
        Field { max_len, ..self }
    }
    const fn optional(self) -> Field {
        Field {
            required_when: Condition::Never,
            ..self
        }
    }
    const fn when(self, shown_when: Condition) -> Field {
        Field { shown_when, ..self }
    }
    const fn branch(self, kind: ProposalKind) -> Field {
        self.when(Condition::Is(FieldId::ProposalKind, kind.value()))
    }
    const fn hint(self, hint: Tr) -> Field {
        Field {
            hint: Some(hint),
            ..self
        }
    }
    const fn autocomplete(self, token: &'static str) -> Field {
        Field {
            autocomplete: Some(token),
            ..self
        }
    }
    const fn similar(self) -> Field {
        Field {
            similar_courses: true,
            ..self
        }
    }

    /// Whether the question may be left empty whatever the answers ("(facultatif)").
    pub fn is_optional(&self) -> bool {
        self.required_when == Condition::Never
    }

    /// The most its browser control accepts (its `maxlength`), in UTF-16 code
    /// units: four per character allowed, room for decomposed letters and
    /// emoji, which the limit counts as one ([`super::visible::visible_len`]).
    /// Past it the browser stops typing and pasting: an unbounded paste of
    /// one 100,000-character word froze the tab in layout for seconds.
    pub fn max_units(&self) -> usize {
        self.max_len.saturating_mul(4)
    }
}
/// The campus team's address (its home is [`crate::i18n::CAMPUS_EMAIL`]):
/// where applications and requests are emailed when the site does not send
/// them itself (a request about a course goes to the course's own contact,
/// when the catalogue names one).
pub use crate::i18n::CAMPUS_EMAIL;

/// The one example address of the site (hints and error messages).
pub const EXAMPLE_EMAIL: Tr = FieldText::ExampleEmail;

const EMAIL_HINT: Tr = FieldText::EmailHint;

const PHONE_HINT: Tr = FieldText::PhoneHint;

const SIMILAR_HINT: Tr = FieldText::SimilarHint;

/// Every field of every form.
pub fn all_fields() -> impl Iterator<Item = &'static Field> {
    FormId::ALL.into_iter().flat_map(|f| f.form().fields.iter())
}

/// The row of the field tables for `id`.
pub fn field(id: FieldId) -> &'static Field {
    // Every id has exactly one row (checked by a test), so the lookup cannot fail;
    // the fallback keeps this total without a panic path.
    all_fields()
        .find(|f| f.id == id)
        .unwrap_or(&TRAINER_FIELDS[0])
}

/// The field with this string id (edges only: URLs, stored data).
pub fn field_by_str(id: &str) -> Option<&'static Field> {
    FieldId::parse(id).map(field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::forms::FormText;

    #[test]
    fn every_id_has_exactly_one_row_and_rows_are_well_formed() {
        for id in FieldId::ALL {
            assert_eq!(all_fields().filter(|f| f.id == *id).count(), 1, "{id}");
            assert_eq!(FieldId::parse(id.as_str()), Some(*id));
            assert_eq!(field(*id).id, *id);
        }
        assert_eq!(all_fields().count(), FieldId::ALL.len());
        for form in FormId::ALL.map(FormId::form) {
            for f in form.fields {
                assert!(
                    !f.label.get(Locale::Fr).is_empty() && !f.label.get(Locale::En).is_empty(),
                    "{}",
                    f.id
                );
                assert!(
                    form.has_step(f.step) && f.step != StepId::Confirmation,
                    "{}",
                    f.id
                );
                match f.input {
                    Input::OneOf(o) | Input::AnyOf(o) => assert!(!o.is_empty(), "{}", f.id),
                    Input::Text | Input::Email | Input::Phone | Input::LongText | Input::Url => {
                        assert!(f.max_len > 0, "{}", f.id)
                    }
                    Input::Number { min, max } | Input::Hours { min, max } => {
                        assert!(min < max)
                    }
                    Input::Tick => {}
                }
                // A condition names a single-choice field of the same form, on an
                // earlier or the same step, with one of its options.
                for c in [f.shown_when, f.required_when] {
                    if let Condition::Is(on, value) = c {
                        let target = field(on);
                        assert!(form.has_field(on), "{}", f.id);
                        assert!(target.step <= f.step, "{}", f.id);
                        match target.input {
                            Input::OneOf(options) => {
                                assert!(options.contains(&value), "{}", f.id)
                            }
                            _ => panic!("{} depends on a non single-choice field", f.id),
                        }
                    }
                }
            }
        }
        assert_eq!(field_by_str("nope"), None);
    }

    #[test]
    fn every_form_is_well_formed() {
        let mut keys = Vec::new();
        for id in FormId::ALL {
            let form = id.form();
            assert_eq!(form.id, id);
            assert!(!form.questions.is_empty());
            for step in form.questions {
                assert!(form.fields_of(*step).count() > 0, "{step:?}");
                assert!(!step.section().is_empty());
                assert!(!form.step_title(*step).get(Locale::Fr).is_empty());
            }
            // Consent is the review step's only field.
            assert_eq!(
                form.fields_of(StepId::Review)
                    .map(|f| f.id)
                    .collect::<Vec<_>>(),
                [form.consent]
            );
            assert_eq!(field(form.consent).input, Input::Tick);
            // A question step belongs to one form only.
            for other in FormId::ALL.into_iter().filter(|o| *o != id) {
                assert!(form.questions.iter().all(|s| !other.form().has_step(*s)));
            }
            if let Some(c) = form.course_field {
                assert!(form.has_field(c) && field(c).is_optional());
            }
            for t in form.words() {
                assert!(!t.get(Locale::Fr).is_empty() && !t.get(Locale::En).is_empty());
            }
            assert!(
                form.mail_subject.get(Locale::Fr).contains("{reference}")
                    && form.mail_subject.get(Locale::En).contains("{reference}")
            );
            keys.push([
                form.slug,
                form.storage_key,
                form.sent_key,
                form.progress_format,
                form.file_stem,
                form.schema,
            ]);
        }
        // No two forms share a slug, a storage key, a file name or a schema.
        for column in 0..6 {
            let values: std::collections::BTreeSet<_> = keys.iter().map(|k| k[column]).collect();
            assert_eq!(values.len(), keys.len(), "column {column}");
        }
    }

    #[test]
    fn shared_messages_take_each_forms_words() {
        let l = Locale::Fr;
        assert_eq!(
            TRAINER.say(Text::SubmitFailedTitle, l),
            "Votre candidature n'a pas pu être envoyée"
        );
        assert_eq!(
            REQUEST.say(Text::SubmitFailedTitle, Locale::En),
            "Your request could not be sent"
        );
        assert!(REQUEST
            .say(FormText::ProgressNotFile, l)
            .contains("demande-sur-mesure-campus-progression.json"));
        // No placeholder is left in any message of any form.
        for form in FormId::ALL.map(FormId::form) {
            let texts = Text::ALL.iter().map(|t| {
                (
                    format!("{t:?}"),
                    form.say(*t, Locale::Fr),
                    form.say(*t, Locale::En),
                )
            });
            let form_texts = FormText::ALL.iter().map(|t| {
                (
                    format!("{t:?}"),
                    form.say(*t, Locale::Fr),
                    form.say(*t, Locale::En),
                )
            });
            for (key, fr, en) in texts.chain(form_texts) {
                for p in ["{noun}", "{a_noun}", "{file}"] {
                    assert!(!fr.contains(p) && !en.contains(p), "{key}");
                }
            }
        }
    }

    #[test]
    fn one_example_address_everywhere() {
        for l in Locale::ALL {
            assert!(EMAIL_HINT.get(l).ends_with(EXAMPLE_EMAIL.get(l)));
        }
    }

    #[test]
    fn the_prepared_email_names_the_file_to_attach() {
        let href = REQUEST.mailto("equipe@campus.gouv.fr", "K7M2QX9P");
        let decoded = crate::util::percent::percent_decode_with(&href, false).unwrap();
        assert!(decoded.starts_with(
            "mailto:equipe@campus.gouv.fr?subject=Demande de formation sur mesure K7M2QX9P&body="
        ));
        assert!(
            decoded.contains("le fichier demande-sur-mesure-K7M2QX9P.json"),
            "{decoded}"
        );
        assert!(!decoded.contains("ci-joint"));
        assert!(!href["mailto:".len()..].contains(['\n', ' ']), "{href}");
    }

    #[test]
    fn slugs_round_trip() {
        for step in StepId::ALL {
            assert_eq!(StepId::from_slug(step.slug()), Some(step));
        }
        for kind in ProposalKind::ALL {
            assert_eq!(ProposalKind::from_value(kind.value()), Some(kind));
            assert!(PROPOSAL_KINDS.contains(&kind.value()));
        }
    }

    #[test]
    fn expertise_domains_are_the_catalogue_nine_plus_ai() {
        assert_eq!(EXPERTISE_DOMAINS.len(), 10);
        assert!(EXPERTISE_DOMAINS.contains(&"intelligence-artificielle"));
    }

    #[test]
    fn field_ids_serialise_as_their_stable_strings() {
        assert_eq!(
            serde_json::to_string(&FieldId::AdministrationOther).unwrap(),
            "\"administration_other\""
        );
        assert!(serde_json::from_str::<FieldId>("\"bogus\"").is_err());
    }
}
