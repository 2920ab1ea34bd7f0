//! The draft in the browser: loaded at start, saved on every change, so a
//! reload, a closed tab or a return days later finds everything typed.

use leptos::prelude::*;

use super::draft::Draft;
use crate::catalogue::loader::now_unix;
use crate::ui::storage;

/// Where the draft is kept.
const STORAGE_KEY: &str = "campus.candidature";

/// Where the last sent application is kept for its confirmation page (this tab
/// only: the draft itself is deleted once the application is sent).
const SENT_KEY: &str = "campus.candidature.envoyee";

/// A sent application: what the confirmation page shows and offers to download.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sent {
    /// The reference number.
    pub reference: String,
    /// The payload that was sent (or prepared for email), as JSON.
    pub payload: String,
}

/// The draft context (`None` until an application is started).
#[derive(Debug, Clone, Copy)]
pub struct Drafts(RwSignal<Option<Draft>>, RwSignal<Option<Sent>>);

/// 24 random bytes from the browser's cryptographic generator.
fn random_bytes() -> [u8; 24] {
    let mut bytes = [0u8; 24];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes
}

impl Drafts {
    /// The draft (tracked).
    pub fn get(self) -> Option<Draft> {
        self.0.get()
    }

    /// Reads the draft with `f` (tracked).
    pub fn with<T>(self, f: impl FnOnce(Option<&Draft>) -> T) -> T {
        self.0.with(|d| f(d.as_ref()))
    }

    /// Reads the draft with `f`, untracked.
    pub fn with_untracked<T>(self, f: impl FnOnce(Option<&Draft>) -> T) -> T {
        self.0.with_untracked(|d| f(d.as_ref()))
    }

    /// The draft, untracked.
    pub fn get_untracked(self) -> Option<Draft> {
        self.0.get_untracked()
    }

    /// Starts a new application, unless one is in progress (never two drafts).
    pub fn start(self) {
        self.1.set(None);
        if self
            .0
            .with_untracked(|d| d.as_ref().is_none_or(|d| d.submitted))
        {
            self.0.set(Some(Draft::new(random_bytes(), now_unix())));
            self.save();
        }
    }

    /// Replaces the draft (loading a progress file).
    pub fn replace(self, draft: Draft) {
        self.0.set(Some(draft));
        self.save();
    }

    /// Changes the draft and saves it at once.
    pub fn update(self, f: impl FnOnce(&mut Draft)) {
        self.0.update(|d| {
            if let Some(d) = d.as_mut() {
                f(d);
                d.updated_at = now_unix();
            }
        });
        self.save();
    }

    /// The last sent application (tracked).
    pub fn sent(self) -> Option<Sent> {
        self.1.get()
    }

    /// Records a sent application and deletes the draft.
    pub fn finish(self, payload: String) {
        let Some(reference) = self
            .0
            .with_untracked(|d| d.as_ref().map(|d| d.reference.clone()))
        else {
            return;
        };
        let sent = Sent { reference, payload };
        if let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
            let _ = s.set_item(SENT_KEY, &serde_json::to_string(&sent).unwrap_or_default());
        }
        self.1.set(Some(sent));
        self.discard();
    }

    /// Deletes the draft.
    pub fn discard(self) {
        self.0.set(None);
        if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = s.remove_item(STORAGE_KEY);
        }
    }

    fn save(self) {
        if let Some(d) = self.0.get_untracked() {
            storage::set(STORAGE_KEY, &d.to_storage());
        }
    }
}

/// Loads the stored draft and provides the context.
pub fn provide_drafts() -> Drafts {
    let draft = storage::get(STORAGE_KEY).and_then(|t| Draft::from_storage(&t));
    let sent = web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .and_then(|s| s.get_item(SENT_KEY).ok().flatten())
        .and_then(|t| serde_json::from_str::<Sent>(&t).ok());
    let drafts = Drafts(RwSignal::new(draft), RwSignal::new(sent));
    provide_context(drafts);
    drafts
}

/// The draft context.
pub fn use_drafts() -> Drafts {
    expect_context::<Drafts>()
}
