//! "Ma sélection" in the browser: the [`Selection`] kept in `localStorage` and in
//! step across tabs.

use leptos::ev;
use leptos::prelude::*;

use super::selection::Selection;
use crate::ui::storage;

const STORAGE_KEY: &str = "campus.selection";

/// The bookmarks context.
#[derive(Debug, Clone, Copy)]
pub struct Bookmarks(RwSignal<Selection>);

impl Bookmarks {
    /// Whether `id` is bookmarked (tracked).
    pub fn contains(self, id: &str) -> bool {
        self.0.with(|s| s.contains(id))
    }

    /// The selection (tracked).
    pub fn get(self) -> Selection {
        self.0.get()
    }

    /// Number of bookmarks (tracked).
    pub fn len(self) -> usize {
        self.0.with(Selection::len)
    }

    /// Whether there is no bookmark (tracked).
    pub fn is_empty(self) -> bool {
        self.0.with(Selection::is_empty)
    }

    /// Adds or removes `id`, and stores the result.
    pub fn toggle(self, id: &str) {
        self.0.update(|s| s.toggle(id));
        self.save();
    }

    /// Removes every bookmark.
    pub fn clear(self) {
        self.0.update(Selection::clear);
        self.save();
    }

    fn save(self) {
        storage::set(STORAGE_KEY, &self.0.with_untracked(Selection::to_json));
    }
}

/// Loads the bookmarks and follows changes made in other tabs.
pub fn provide_bookmarks() -> Bookmarks {
    let load = || {
        storage::get(STORAGE_KEY)
            .map(|t| Selection::from_json(&t))
            .unwrap_or_default()
    };
    let bookmarks = Bookmarks(RwSignal::new(load()));
    let handle = window_event_listener(ev::storage, move |event| {
        if event.key().as_deref() == Some(STORAGE_KEY) {
            bookmarks.0.set(load());
        }
    });
    on_cleanup(move || handle.remove());
    provide_context(bookmarks);
    bookmarks
}

/// The bookmarks context.
pub fn use_bookmarks() -> Bookmarks {
    expect_context::<Bookmarks>()
}
