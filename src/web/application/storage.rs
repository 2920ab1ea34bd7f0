//! The drafts in the browser, one per form. Loaded at start; every change is merged with what
//! storage holds (another tab may have written since) and written back, and the
//! write is checked. Other tabs' writes arrive as `storage` events and are merged
//! field by field. A sent or discarded application leaves a tombstone (its
//! reference only), so no tab resurrects it. The rules are pure
//! (`draft::reconcile`, `draft::merge`); this module only moves data.

use leptos::ev;
use leptos::prelude::*;

use crate::ui::clock::{now_ms, random_bytes};
use crate::ui::storage::{self, StorageError};
use campus_core::application::answers::Answer;
use campus_core::application::draft::{reconcile, Closed, ClosedHow, Draft, Stored};
use campus_core::application::form::{FieldId, Form, FormId, StepId};
pub use campus_core::application::journey::SentTo;
use campus_core::application::payload::seal;
use campus_core::application::validation::Invalid;

/// A sent application: what the confirmation page shows and offers to download.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sent {
    /// The reference number.
    pub reference: String,
    /// The payload that was sent, as JSON.
    pub payload: String,
    /// Where it went, as [`SentTo::to_stored`] writes it (absent in what
    /// older versions stored: the receiver).
    #[serde(default)]
    to: String,
}

impl Sent {
    /// Where it went.
    pub fn to(&self) -> SentTo {
        SentTo::from_stored(&self.to)
    }
}

/// The draft of one form. Its draft (or the tombstone of the last one) is
/// kept under the form's `storage_key`; what this tab sent, for its
/// confirmation page, under its `sent_key` in `sessionStorage` (this tab only,
/// gone when it is closed).
#[derive(Debug, Clone, Copy)]
pub struct Drafts {
    form: &'static Form,
    draft: RwSignal<Option<Draft>>,
    sent: RwSignal<Option<Sent>>,
    closed: RwSignal<Option<Closed>>,
    problem: RwSignal<Option<StorageError>>,
}

impl Drafts {
    /// The form this draft is of.
    pub fn form(self) -> &'static Form {
        self.form
    }

    /// The draft (tracked).
    pub fn get(self) -> Option<Draft> {
        self.draft.get()
    }

    /// Reads the draft with `f` (tracked).
    pub fn with<T>(self, f: impl FnOnce(Option<&Draft>) -> T) -> T {
        self.draft.with(|d| f(d.as_ref()))
    }

    /// Reads the draft with `f`, untracked.
    pub fn with_untracked<T>(self, f: impl FnOnce(Option<&Draft>) -> T) -> T {
        self.draft.with_untracked(|d| f(d.as_ref()))
    }

    /// The draft, untracked.
    pub fn get_untracked(self) -> Option<Draft> {
        self.draft.get_untracked()
    }

    /// Why the draft cannot be kept in this browser, if it cannot (tracked).
    pub fn problem(self) -> Option<StorageError> {
        self.problem.get()
    }

    /// The last application closed (sent or discarded) in another tab, or the
    /// tombstone found at start (tracked).
    pub fn closed(self) -> Option<Closed> {
        self.closed.get()
    }

    /// Starts a new application, unless one is in progress (never two drafts).
    /// A new application after a submission gets new keys.
    pub fn start(self) {
        self.sent.set(None);
        if self.draft.with_untracked(Option::is_none) {
            self.draft
                .set(Some(Draft::new(self.form, random_bytes(), now_ms())));
            self.closed.set(None);
            self.save();
        }
    }

    /// Replaces the draft (loading a progress file).
    pub fn replace(self, draft: Draft) {
        self.draft.set(Some(draft));
        self.closed.set(None);
        self.save();
    }

    /// Records an answer and saves.
    pub fn edit(self, id: FieldId, answer: Answer) {
        let mut changed = false;
        self.draft.update(|d| {
            if let Some(d) = d.as_mut() {
                changed = d.edit(id, answer, now_ms(), random_bytes);
            }
        });
        if changed {
            self.save();
        }
    }

    /// Sets a text answer (also single choices and ticks).
    pub fn set_text(self, id: FieldId, value: String) {
        self.edit(id, Answer::Text(value));
    }

    /// Ticks or unticks `option` of a multiple-choice question.
    pub fn toggle_choice(self, id: FieldId, option: &str, order: &[&str]) {
        let Some(mut answers) = self
            .draft
            .with_untracked(|d| d.as_ref().map(|d| d.answers.clone()))
        else {
            return;
        };
        answers.toggle_choice(id, option, order);
        if let Some(answer) = answers.0.remove(&id) {
            self.edit(id, answer);
        }
    }

    /// Remembers the step shown.
    pub fn visit(self, step: StepId) {
        let moved = self
            .draft
            .with_untracked(|d| d.as_ref().is_some_and(|d| d.step.0 != step));
        if moved {
            self.draft.update(|d| {
                if let Some(d) = d.as_mut() {
                    d.visit(step, now_ms());
                }
            });
            self.save();
        }
    }

    /// The payload to send or download, with its key and reference
    /// (`payload::seal`): the frozen body while it is exactly what the answers
    /// make, else a new one frozen before the first attempt; saved at once.
    /// `Err` lists the invalid fields; `None` when there is no draft, or when
    /// another tab changed the answers meanwhile (the page then shows them,
    /// and nothing is sent that was not reviewed).
    pub fn seal(
        self,
        submitted_at: &str,
        language: &str,
    ) -> Option<Result<(String, String, String), Vec<Invalid>>> {
        let mut sealed = None;
        let mut changed = false;
        self.draft.update(|d| {
            let Some(d) = d.as_mut() else {
                return;
            };
            let before = d.frozen.clone();
            let result = seal(self.form, d, submitted_at, language, random_bytes);
            if d.frozen != before {
                d.updated_at = d.tick(now_ms());
                changed = true;
            }
            sealed =
                Some(result.map(|body| (body, d.idempotency_key.clone(), d.reference.clone())));
        });
        if changed {
            self.save();
        }
        match sealed? {
            Ok((body, key, reference)) => {
                // Saving merges another tab's copy: what is sent must still be
                // this draft's frozen body, under its key.
                let still = self.draft.with_untracked(|d| {
                    d.as_ref().is_some_and(|d| {
                        d.frozen.as_deref() == Some(body.as_str()) && d.idempotency_key == key
                    })
                });
                still.then_some(Ok((body, key, reference)))
            }
            Err(invalid) => Some(Err(invalid)),
        }
    }

    /// The application sent from this tab (tracked).
    pub fn sent(self) -> Option<Sent> {
        self.sent.get()
    }

    /// Records the form as finished (received by the campus, or handed to the
    /// applicant to email or to submit on démarches simplifiées): its
    /// confirmation in this tab, a tombstone for the other tabs, no draft.
    pub fn finish(self, payload: String, to: SentTo) {
        let Some(reference) = self
            .draft
            .with_untracked(|d| d.as_ref().map(|d| d.reference.clone()))
        else {
            return;
        };
        let sent = Sent {
            reference: reference.clone(),
            payload,
            to: to.to_stored(),
        };
        if let Some(s) = window().session_storage().ok().flatten() {
            let _ = s.set_item(
                self.form.sent_key,
                &serde_json::to_string(&sent).unwrap_or_default(),
            );
        }
        self.sent.set(Some(sent));
        self.close(reference, ClosedHow::Sent);
    }

    /// Deletes the draft (a tombstone tells the other tabs).
    pub fn discard(self) {
        if let Some(reference) = self
            .draft
            .with_untracked(|d| d.as_ref().map(|d| d.reference.clone()))
        {
            self.close(reference, ClosedHow::Discarded);
        }
    }

    fn close(self, reference: String, how: ClosedHow) {
        self.draft.set(None);
        let tomb = Stored::Closed(Closed {
            reference,
            how,
            at: now_ms(),
        });
        let _ = storage::write(self.form.storage_key, &tomb.to_json());
    }

    /// Merges with what storage holds, then writes; records any failure.
    fn save(self) {
        let stored = match storage::read(self.form.storage_key) {
            Ok(text) => text.as_deref().and_then(|t| Stored::parse(self.form, t)),
            Err(e) => {
                self.problem.set(Some(e));
                return;
            }
        };
        let mine = self.draft.get_untracked();
        let mut r = reconcile(mine.as_ref(), stored.as_ref());
        if r.rekey {
            if let Some(d) = r.draft.as_mut() {
                d.rekey(random_bytes());
            }
        }
        if r.draft != mine {
            self.draft.set(r.draft.clone());
        }
        if r.closed.is_some() {
            self.closed.set(r.closed);
        }
        let Some(draft) = r.draft else {
            return;
        };
        let result = storage::write(self.form.storage_key, &Stored::Draft(draft).to_json());
        let problem = result.err();
        if self.problem.get_untracked() != problem {
            self.problem.set(problem);
        }
    }

    /// Another tab wrote the record: merge it in (never written back from here,
    /// so two tabs do not echo each other).
    fn on_storage_event(self, new_value: Option<String>) {
        let stored = new_value
            .as_deref()
            .and_then(|t| Stored::parse(self.form, t));
        let mine = self.draft.get_untracked();
        let r = reconcile(mine.as_ref(), stored.as_ref());
        if r.draft != mine {
            self.draft.set(r.draft);
        }
        if r.closed.is_some() && self.closed.get_untracked() != r.closed {
            self.closed.set(r.closed);
        }
    }
}

impl Drafts {
    /// Loads the stored draft of `form`.
    fn load(form: &'static Form, problem: Option<StorageError>) -> Drafts {
        let stored = storage::read(form.storage_key)
            .ok()
            .flatten()
            .as_deref()
            .and_then(|t| Stored::parse(form, t));
        let start = reconcile(None, stored.as_ref());
        let sent =
            storage::session_get(form.sent_key).and_then(|t| serde_json::from_str::<Sent>(&t).ok());
        Drafts {
            form,
            draft: RwSignal::new(start.draft),
            sent: RwSignal::new(sent),
            closed: RwSignal::new(start.closed),
            problem: RwSignal::new(problem),
        }
    }
}

/// The drafts of every form.
#[derive(Debug, Clone, Copy)]
struct FormDrafts([Drafts; FormId::ALL.len()]);

impl FormDrafts {
    fn of(self, form: FormId) -> Drafts {
        // `FormId::ALL` lists every form, in the order of this array.
        let i = FormId::ALL.iter().position(|f| *f == form).unwrap_or(0);
        self.0[i]
    }
}

/// The form of the pages below (provided by [`FormScope`]).
#[derive(Debug, Clone, Copy)]
struct CurrentForm(FormId);

/// Provides the drafts context, once: the first form page shown loads them
/// (the forms' code comes with their chunk, see `crate::pages`), in the app's
/// own scope so that they outlive the page and follow the visitor from step
/// to step.
pub fn ensure_drafts() {
    if use_context::<FormDrafts>().is_none() {
        crate::ui::chunks::use_chunks().provide_in_app(provide_drafts);
    }
}

/// Loads the stored drafts, checks storage, listens to other tabs, and
/// provides the context.
fn provide_drafts() {
    let problem = storage::probe().err();
    let all = FormDrafts(FormId::ALL.map(|f| Drafts::load(f.form(), problem)));
    // (No window while the static pages are rendered.)
    if cfg!(feature = "csr") {
        let listener = window_event_listener(ev::storage, move |event: web_sys::StorageEvent| {
            match event.key() {
                // `key` is null when another tab cleared the whole storage.
                None => all.0.iter().for_each(|d| d.on_storage_event(None)),
                Some(key) => {
                    if let Some(d) = all.0.iter().find(|d| d.form.storage_key == key) {
                        d.on_storage_event(event.new_value());
                    }
                }
            }
        });
        on_cleanup(move || listener.remove());
    }
    provide_context(all);
}

/// Makes `form` the form of the pages inside (its drafts, its words).
#[component]
pub fn FormScope(
    /// The form.
    form: FormId,
    /// Its page.
    children: Children,
) -> impl IntoView {
    ensure_drafts();
    provide_context(CurrentForm(form));
    children()
}

/// The form of the current page (the trainer application outside a
/// [`FormScope`]).
pub fn use_form() -> &'static Form {
    use_context::<CurrentForm>()
        .map_or(FormId::Trainer, |c| c.0)
        .form()
}

/// The drafts of the current page's form.
pub fn use_drafts() -> Drafts {
    expect_context::<FormDrafts>().of(use_form().id)
}
