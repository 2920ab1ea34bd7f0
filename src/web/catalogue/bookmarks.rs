//! "Ma sélection" in the browser: the [`Selection`] kept in `localStorage`, in
//! step across tabs, with whether storage keeps it and the last undoable edit.

use leptos::ev;
use leptos::prelude::*;

use crate::ui::storage::{self, StorageError};
use campus_core::catalogue::selection::{Change, EditKind, Selection};

const STORAGE_KEY: &str = "campus.selection";

/// An edit of the selection made in this tab, with what undoes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Increases with every edit: a page shows only the edits made after it
    /// opened.
    pub seq: u64,
    /// What the edit was.
    pub kind: EditKind,
    /// The selection before and after it.
    pub change: Change,
}

/// The bookmarks context.
#[derive(Debug, Clone, Copy)]
pub struct Bookmarks {
    selection: RwSignal<Selection>,
    /// Why the last read or write of storage failed (`None`: it is kept).
    problem: RwSignal<Option<StorageError>>,
    last_edit: RwSignal<Option<Edit>>,
}

impl Bookmarks {
    /// Whether `id` is bookmarked (tracked).
    pub fn contains(self, id: &str) -> bool {
        self.selection.with(|s| s.contains(id))
    }

    /// The selection (tracked).
    pub fn get(self) -> Selection {
        self.selection.get()
    }

    /// Calls `f` with the ids, oldest first (tracked).
    pub fn with_ids<R>(self, f: impl FnOnce(&[String]) -> R) -> R {
        self.selection.with(|s| f(s.ids()))
    }

    /// Number of bookmarks (tracked).
    pub fn len(self) -> usize {
        self.selection.with(Selection::len)
    }

    /// Whether there is no bookmark (tracked).
    pub fn is_empty(self) -> bool {
        self.selection.with(Selection::is_empty)
    }

    /// Why the selection is not kept in this browser, if it is not (tracked).
    pub fn storage_problem(self) -> Option<StorageError> {
        self.problem.get()
    }

    /// The last edit made in this tab (tracked).
    pub fn last_edit(self) -> Option<Edit> {
        self.last_edit.get()
    }

    /// The number of the last edit so far (untracked): a page keeps it when it
    /// opens and shows only later edits.
    pub fn edit_seq_untracked(self) -> u64 {
        self.last_edit
            .with_untracked(|e| e.as_ref().map_or(0, |e| e.seq))
    }

    /// Adds or removes `id`, and stores the result. A removal can be undone.
    pub fn toggle(self, id: &str) {
        let id = id.to_owned();
        self.edit(EditKind::Removed(id.clone()), move |s| s.toggle(&id));
    }

    /// Removes every bookmark (can be undone).
    pub fn clear(self) {
        let n = self.selection.with_untracked(Selection::len);
        self.edit(EditKind::Cleared(n), Selection::clear);
    }

    /// Adds the `ids` not bookmarked yet, after the others (can be undone).
    /// Returns how many were added, and how many new ones did not fit.
    pub fn add_all(self, ids: &[&str]) -> (usize, usize) {
        let (before, new) = self
            .selection
            .with_untracked(|s| (s.len(), s.new_among(ids.iter())));
        let after = self.selection.with_untracked(|s| s.merged_with(ids)).len();
        let added = after - before;
        let left_out = new.saturating_sub(added);
        self.edit(EditKind::AddedShared { added, left_out }, |s| {
            *s = s.merged_with(ids)
        });
        (added, left_out)
    }

    /// Replaces the selection with `ids` (can be undone). Returns whether it
    /// changed.
    pub fn replace(self, ids: &[&str]) -> bool {
        let next = Selection::from_ids(ids);
        let changed = self.selection.with_untracked(|s| *s != next);
        self.edit(EditKind::Replaced(next.len()), move |s| *s = next);
        changed
    }

    /// Reverts `edit` on the current selection (what other tabs did since is
    /// kept), and stores the result.
    pub fn undo(self, edit: &Edit) {
        let restored = self.selection.with_untracked(|s| edit.change.undo(s));
        self.edit(EditKind::Restored, move |s| *s = restored);
    }

    /// Applies `apply`, stores the result and records it as the last edit
    /// when it changed something (an addition by [`Bookmarks::toggle`] is not
    /// an edit to undo: the button undoes it).
    fn edit(self, kind: EditKind, apply: impl FnOnce(&mut Selection)) {
        let before = self.selection.get_untracked();
        let mut after = before.clone();
        apply(&mut after);
        let Some(change) = Change::new(before, after.clone()) else {
            return;
        };
        let removal = change.removed().next().is_some();
        self.selection.set(after);
        self.save();
        if matches!(kind, EditKind::Removed(_)) && !removal {
            return;
        }
        let seq = self.edit_seq_untracked() + 1;
        self.last_edit.set(Some(Edit { seq, kind, change }));
    }

    fn save(self) {
        let json = self.selection.with_untracked(Selection::to_json);
        let problem = storage::write(STORAGE_KEY, &json).err();
        if self.problem.get_untracked() != problem {
            self.problem.set(problem);
        }
    }
}

/// Reads the stored selection: empty when absent or unreadable, with the
/// storage problem if storage cannot be read at all.
fn load() -> (Selection, Option<StorageError>) {
    match storage::read(STORAGE_KEY) {
        Ok(text) => (
            text.map(|t| Selection::from_json(&t)).unwrap_or_default(),
            None,
        ),
        Err(problem) => (Selection::default(), Some(problem)),
    }
}

/// Loads the bookmarks and follows changes made in other tabs.
pub fn provide_bookmarks() -> Bookmarks {
    let (selection, problem) = load();
    let bookmarks = Bookmarks {
        selection: RwSignal::new(selection),
        problem: RwSignal::new(problem),
        last_edit: RwSignal::new(None),
    };
    // (No window while the static pages are rendered.)
    if cfg!(feature = "csr") {
        let handle = window_event_listener(ev::storage, move |event| {
            // No key: another tab cleared the whole storage.
            if event.key().is_none_or(|k| k == STORAGE_KEY) {
                let (selection, _) = load();
                if bookmarks.selection.with_untracked(|s| *s != selection) {
                    bookmarks.selection.set(selection);
                }
            }
        });
        on_cleanup(move || handle.remove());
    }
    provide_context(bookmarks);
    bookmarks
}

/// The bookmarks context.
pub fn use_bookmarks() -> Bookmarks {
    expect_context::<Bookmarks>()
}
