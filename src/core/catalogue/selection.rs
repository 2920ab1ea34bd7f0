//! "Ma sélection": the courses a visitor bookmarks, kept in the browser, the
//! link that shares them (`ma-selection/?ids=a,b,c`) and the undo of an edit.
//! Pure: the browser edge only stores [`Selection::to_json`] and reads the
//! route's query.

use std::collections::HashSet;

use crate::routes::Route;
use crate::util::percent::{percent_decode_with, percent_encode};

/// Most bookmarks kept (a bound on what storage can be made to hold), and most
/// ids a shared link is read for.
pub const MAX_BOOKMARKS: usize = 500;

/// Longest course id kept, in bytes.
pub const MAX_ID_LEN: usize = 200;

/// The query key of a shared selection: `ma-selection/?ids=a,b,c`.
pub const SHARE_KEY: &str = "ids";

/// Bookmarked course ids, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    ids: Vec<String>,
}

impl Selection {
    /// A selection of `ids`, in order (duplicates, empty and over-long ids
    /// dropped, at most [`MAX_BOOKMARKS`]).
    pub fn from_ids<S: AsRef<str>>(ids: impl IntoIterator<Item = S>) -> Selection {
        let mut selection = Selection::default();
        for id in ids {
            selection.add(id.as_ref());
        }
        selection
    }

    /// Reads stored JSON; anything unreadable gives an empty selection (a
    /// corrupted entry must not break the catalogue).
    pub fn from_json(text: &str) -> Selection {
        let ids: Vec<String> = serde_json::from_str(text).unwrap_or_default();
        Selection::from_ids(ids)
    }

    /// The JSON to store.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.ids).unwrap_or_else(|_| "[]".into())
    }

    /// Whether `id` is bookmarked.
    pub fn contains(&self, id: &str) -> bool {
        self.ids.iter().any(|x| x == id)
    }

    /// Bookmarks `id` (no duplicates; ignored when full or when `id` is empty or
    /// longer than [`MAX_ID_LEN`]). Returns whether it was added.
    pub fn add(&mut self, id: &str) -> bool {
        let fits = !id.is_empty() && id.len() <= MAX_ID_LEN && self.ids.len() < MAX_BOOKMARKS;
        let added = fits && !self.contains(id);
        if added {
            self.ids.push(id.to_owned());
        }
        added
    }

    /// Removes `id`; returns whether it was there.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.ids.len();
        self.ids.retain(|x| x != id);
        self.ids.len() < before
    }

    /// Adds `id` if absent, removes it if present.
    pub fn toggle(&mut self, id: &str) {
        if !self.remove(id) {
            self.add(id);
        }
    }

    /// The ids, oldest first.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// Number of bookmarks.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether nothing is bookmarked.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Removes everything.
    pub fn clear(&mut self) {
        self.ids.clear();
    }

    /// How many of `ids` (distinct, valid) this selection does not have yet:
    /// what merging them would add if there were room.
    pub fn new_among<S: AsRef<str>>(&self, ids: impl IntoIterator<Item = S>) -> usize {
        let mut seen = std::collections::HashSet::new();
        ids.into_iter()
            .filter(|id| {
                let id = id.as_ref();
                !id.is_empty() && id.len() <= MAX_ID_LEN && !self.contains(id)
            })
            .filter(|id| seen.insert(id.as_ref().to_owned()))
            .count()
    }

    /// This selection followed by the `ids` it does not have yet, in their
    /// order, within [`MAX_BOOKMARKS`].
    pub fn merged_with<S: AsRef<str>>(&self, ids: impl IntoIterator<Item = S>) -> Selection {
        let mut merged = self.clone();
        for id in ids {
            merged.add(id.as_ref());
        }
        merged
    }
}

// --- Undo ---------------------------------------------------------------------

/// An edit of the selection that can be undone: the selection before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    before: Selection,
    after: Selection,
}

impl Change {
    /// The change from `before` to `after`; `None` when nothing changed.
    pub fn new(before: Selection, after: Selection) -> Option<Change> {
        (before != after).then_some(Change { before, after })
    }

    /// The selection before the change.
    pub fn before(&self) -> &Selection {
        &self.before
    }

    /// The selection after the change.
    pub fn after(&self) -> &Selection {
        &self.after
    }

    /// Ids the change removed, in their former order.
    pub fn removed(&self) -> impl Iterator<Item = &String> {
        self.before.ids.iter().filter(|id| !self.after.contains(id))
    }

    /// Ids the change added, in their order.
    pub fn added(&self) -> impl Iterator<Item = &String> {
        self.after.ids.iter().filter(|id| !self.before.contains(id))
    }

    /// `current` with this change reverted: what it removed comes back at its
    /// former place, what it added goes, and what happened since (another tab
    /// added or removed a course) is kept. When nothing happened since, this is
    /// exactly the selection before the change, in its order.
    pub fn undo(&self, current: &Selection) -> Selection {
        let restored = self
            .before
            .ids
            .iter()
            .filter(|id| current.contains(id) || !self.after.contains(id));
        let since = current
            .ids
            .iter()
            .filter(|id| !self.before.contains(id) && !self.after.contains(id));
        Selection::from_ids(restored.chain(since))
    }
}

/// What an undoable edit was, for its notice ("… a été retirée", "Annuler").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditKind {
    /// One course removed (its id).
    Removed(String),
    /// The selection emptied (how many courses it had).
    Cleared(usize),
    /// The new courses of a shared link added.
    AddedShared {
        /// How many were added.
        added: usize,
        /// How many new ones did not fit under [`MAX_BOOKMARKS`].
        left_out: usize,
    },
    /// The selection replaced by a shared link's courses (how many).
    Replaced(usize),
    /// An edit undone: nothing more to undo.
    Restored,
}

impl EditKind {
    /// Whether the notice of this edit offers "Annuler".
    pub fn can_undo(&self) -> bool {
        !matches!(self, EditKind::Restored)
    }
}

// --- Shared links -------------------------------------------------------------

/// The link that shares `ids`: `ma-selection/?ids=a,b,c`, each id
/// percent-encoded (a comma in an id becomes `%2C`), order kept; a list too
/// long for a server's request line as the fragment (`ma-selection/#ids=…`,
/// see [`crate::routes::MAX_SERVER_QUERY`]).
pub fn share_href<S: AsRef<str>>(ids: impl IntoIterator<Item = S>) -> String {
    let list: Vec<String> = ids
        .into_iter()
        .map(|id| percent_encode(id.as_ref()))
        .collect();
    crate::routes::with_query(
        Route::Selection.href(),
        &format!("{SHARE_KEY}={}", list.join(",")),
    )
}

/// The courses a shared link names, read from the query of `ma-selection/`,
/// with what was dropped on the way. Never fails: every part of the link is
/// either an id or counted as dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharedLink {
    /// Distinct ids in link order, at most [`MAX_BOOKMARKS`].
    pub ids: Vec<String>,
    /// Segments that are not an id: a malformed escape (`%ZZ`), invalid UTF-8,
    /// longer than [`MAX_ID_LEN`].
    pub unreadable: usize,
    /// Segments repeating an earlier id.
    pub duplicates: usize,
    /// Non-empty segments past the first [`MAX_BOOKMARKS`] ids, not read.
    pub over_limit: usize,
}

/// Characters that copy and paste (mail clients, word processors) slip into
/// links and that no id contains: zero-width space, non-joiner, joiner, word
/// joiner, BOM, soft hyphen.
fn is_pasted_noise(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// One segment of `ids=` as an id: decoded, noise and surrounding spaces
/// dropped. `Ok(None)` for an empty segment, `Err(())` for an unreadable one.
pub(crate) fn read_segment(raw: &str) -> Result<Option<String>, ()> {
    // An escaped id is at most three bytes per byte: anything longer is not one
    // (and is not decoded).
    if raw.len() > MAX_ID_LEN * 3 {
        return Err(());
    }
    let decoded = percent_decode_with(raw, true).ok_or(())?;
    let cleaned: String = decoded.chars().filter(|&c| !is_pasted_noise(c)).collect();
    let id = cleaned.trim();
    if id.is_empty() {
        Ok(None)
    } else if id.len() > MAX_ID_LEN {
        Err(())
    } else {
        Ok(Some(id.to_owned()))
    }
}

impl SharedLink {
    /// Reads the query of `#/ma-selection` (without `?`). `None` when it has
    /// no `ids` key: the visitor's own selection is shown. Every `ids` key
    /// counts, in order; other keys are ignored.
    pub fn from_query(query: &str) -> Option<SharedLink> {
        let mut link: Option<SharedLink> = None;
        let mut seen = HashSet::new();
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            if key != SHARE_KEY {
                continue;
            }
            let link = link.get_or_insert_with(SharedLink::default);
            for raw in value.split(',') {
                if link.ids.len() >= MAX_BOOKMARKS {
                    // Counted, not decoded: a 100 KB link costs one scan.
                    if !raw.is_empty() {
                        link.over_limit += 1;
                    }
                    continue;
                }
                match read_segment(raw) {
                    Ok(Some(id)) if seen.contains(&id) => link.duplicates += 1,
                    Ok(Some(id)) => {
                        seen.insert(id.clone());
                        link.ids.push(id);
                    }
                    Ok(None) => {}
                    Err(()) => link.unreadable += 1,
                }
            }
        }
        link
    }

    /// The ids `known` accepts (courses of the catalogue), in link order, and
    /// how many it does not.
    pub fn resolve(&self, known: impl Fn(&str) -> bool) -> (Vec<&str>, usize) {
        let found: Vec<&str> = self
            .ids
            .iter()
            .map(String::as_str)
            .filter(|id| known(id))
            .collect();
        let unknown = self.ids.len() - found.len();
        (found, unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(ids: &[&str]) -> Selection {
        Selection::from_ids(ids)
    }

    #[test]
    fn what_a_full_selection_leaves_out_is_counted() {
        let mut s = Selection::default();
        for i in 0..450 {
            s.add(&format!("mine-{i}"));
        }
        let link: Vec<String> = (0..300)
            .map(|i| format!("link-{i}"))
            .chain(["mine-1".into(), "link-1".into(), String::new()])
            .collect();
        assert_eq!(
            s.new_among(&link),
            300,
            "known, repeated and empty ids are not new"
        );
        let merged = s.merged_with(&link);
        assert_eq!(merged.len() - s.len(), 50);
        assert_eq!(s.new_among(&link) - (merged.len() - s.len()), 250);
    }

    #[test]
    fn toggles_and_round_trips() {
        let mut s = Selection::default();
        s.toggle("a");
        s.toggle("b");
        s.toggle("a");
        s.add("b");
        assert_eq!(s.ids(), ["b"]);
        let back = Selection::from_json(&s.to_json());
        assert_eq!(back, s);
    }

    #[test]
    fn corrupted_storage_gives_an_empty_selection() {
        assert!(Selection::from_json("{oops").is_empty());
        assert!(Selection::from_json("{\"a\":1}").is_empty());
        assert!(Selection::from_json("[1, 2]").is_empty());
        assert_eq!(Selection::from_json("[\"a\",\"a\",\"\"]").ids(), ["a"]);
    }

    #[test]
    fn is_bounded() {
        let mut s = Selection::default();
        for i in 0..MAX_BOOKMARKS + 10 {
            s.add(&i.to_string());
        }
        assert_eq!(s.len(), MAX_BOOKMARKS);
        assert!(!s.add("encore"));
        assert!(!Selection::default().add(&"x".repeat(MAX_ID_LEN + 1)));
        assert_eq!(s.merged_with(["autre"]).len(), MAX_BOOKMARKS);
    }

    #[test]
    fn merging_keeps_the_own_order_first_and_adds_only_new_ids() {
        let own = sel(&["a", "b"]);
        assert_eq!(own.merged_with(["c", "a", "d"]).ids(), ["a", "b", "c", "d"]);
        assert_eq!(own.merged_with(Vec::<String>::new()), own);
    }

    #[test]
    fn undoing_a_clear_restores_the_selection_exactly() {
        let before = sel(&["c", "a", "b"]);
        let change = Change::new(before.clone(), Selection::default()).unwrap();
        assert_eq!(change.undo(&Selection::default()), before);
        assert_eq!(change.removed().count(), 3);
        // A course bookmarked since (in another tab) is kept, after them.
        assert_eq!(change.undo(&sel(&["x", "a"])).ids(), ["c", "a", "b", "x"]);
    }

    #[test]
    fn undoing_one_removal_puts_it_back_in_its_place() {
        let before = sel(&["a", "b", "c"]);
        let change = Change::new(before.clone(), sel(&["a", "c"])).unwrap();
        assert_eq!(change.undo(&sel(&["a", "c"])), before);
        // What happened since is kept: "a" removed elsewhere stays removed.
        assert_eq!(change.undo(&sel(&["c", "x"])).ids(), ["b", "c", "x"]);
        assert_eq!(change.removed().collect::<Vec<_>>(), ["b"]);
    }

    #[test]
    fn undoing_a_replacement_or_an_addition_removes_what_it_brought() {
        let before = sel(&["a", "s1"]);
        let replace = Change::new(before.clone(), sel(&["s1", "s2"])).unwrap();
        assert_eq!(replace.undo(&sel(&["s1", "s2"])), before);
        assert_eq!(
            replace.undo(&sel(&["s1", "s2", "x"])).ids(),
            ["a", "s1", "x"]
        );
        assert_eq!(replace.added().collect::<Vec<_>>(), ["s2"]);
        let add = Change::new(before.clone(), before.merged_with(["n"])).unwrap();
        assert_eq!(add.undo(add.after()), before);
    }

    #[test]
    fn no_change_is_nothing_to_undo() {
        assert_eq!(Change::new(sel(&["a"]), sel(&["a"])), None);
        assert!(EditKind::Cleared(2).can_undo());
        assert!(!EditKind::Restored.can_undo());
    }

    #[test]
    fn share_links_round_trip_in_order_with_any_id() {
        let ids = ["b", "a", "id,avec virgule", "é/#?&=+", "c"];
        let href = share_href(ids);
        assert_eq!(&href[..22], "ma-selection/?ids=b,a,");
        assert!(href.contains("id%2Cavec%20virgule"), "{href}");
        let location = crate::routes::Location::from_href(&href).unwrap();
        assert_eq!(location.route, Route::Selection);
        let link = SharedLink::from_query(&location.query).unwrap();
        assert_eq!(link.ids, ids);
        assert_eq!(
            (link.unreadable, link.duplicates, link.over_limit),
            (0, 0, 0)
        );
    }

    #[test]
    fn a_long_share_link_keeps_its_ids_in_the_fragment() {
        let ids: Vec<String> = (0..500).map(|i| format!("module-numero-{i:03}")).collect();
        let href = share_href(&ids);
        assert!(
            href.starts_with("ma-selection/#ids=module-numero-000,"),
            "{}",
            &href[..40]
        );
        assert!(!href.contains('?'));
        let location = crate::routes::Location::from_href(&href).unwrap();
        assert_eq!(location.route, Route::Selection);
        assert_eq!(SharedLink::from_query(&location.query).unwrap().ids, ids);
        // A short one is a query the server sees.
        assert!(share_href(&ids[..3]).starts_with("ma-selection/?ids="));
    }

    #[test]
    fn without_ids_it_is_the_own_selection() {
        assert_eq!(SharedLink::from_query(""), None);
        assert_eq!(SharedLink::from_query("q=data&idsx=a"), None);
        // An empty list is still a (empty) shared link.
        assert_eq!(SharedLink::from_query("ids="), Some(SharedLink::default()));
        assert_eq!(SharedLink::from_query("ids"), Some(SharedLink::default()));
    }

    #[test]
    fn duplicates_empty_segments_and_bad_escapes_are_counted_not_fatal() {
        let link = SharedLink::from_query("ids=a,,b,a,%ZZ,%FF,%E2%80%8B,+,c&x=1&ids=b,d").unwrap();
        assert_eq!(link.ids, ["a", "b", "c", "d"]);
        assert_eq!(link.duplicates, 2);
        assert_eq!(link.unreadable, 2, "%ZZ and invalid UTF-8");
        let long = format!("ids=a,{}", "x".repeat(MAX_ID_LEN + 1));
        assert_eq!(SharedLink::from_query(&long).unwrap().unreadable, 1);
        let huge = format!("ids={}", "%41".repeat(10_000));
        assert_eq!(SharedLink::from_query(&huge).unwrap().unreadable, 1);
    }

    #[test]
    fn pasted_noise_is_dropped_but_combining_marks_are_kept() {
        // A zero-width space or a soft hyphen pasted into the link.
        let link = SharedLink::from_query("ids=a%E2%80%8B,%C2%ADb,%20c%20,%EF%BB%BF").unwrap();
        assert_eq!(link.ids, ["a", "b", "c"]);
        // NFD is another id, not a crash: it will not be found in the catalogue.
        let link = SharedLink::from_query("ids=e%CC%81,%C3%A9").unwrap();
        assert_eq!(link.ids, ["e\u{301}", "é"]);
    }

    #[test]
    fn a_huge_link_is_read_up_to_the_limit() {
        let ids: Vec<String> = (0..10_000).map(|i| format!("c{i}")).collect();
        let query = format!("ids={}", ids.join(","));
        assert!(query.len() > 50_000);
        let link = SharedLink::from_query(&query).unwrap();
        assert_eq!(link.ids.len(), MAX_BOOKMARKS);
        assert_eq!(link.ids[..2], ["c0", "c1"]);
        assert_eq!(link.over_limit, 10_000 - MAX_BOOKMARKS);
        let (found, unknown) = link.resolve(|id| id.ends_with('7'));
        assert_eq!(found.len(), MAX_BOOKMARKS / 10);
        assert_eq!(unknown, MAX_BOOKMARKS - found.len());
        assert_eq!(found[0], "c7");
        // 100 KB of one repeated id: one id, the rest duplicates.
        let query = format!("ids={}", ["a"; 50_000].join(","));
        let link = SharedLink::from_query(&query).unwrap();
        assert_eq!((link.ids.len(), link.duplicates), (1, 49_999));
    }
}
