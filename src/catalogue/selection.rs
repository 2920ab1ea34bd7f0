//! "Ma sélection": the courses a visitor bookmarks, kept in the browser.
//! Pure: the browser edge only stores [`Selection::to_json`].

/// Most bookmarks kept (a bound on what storage can be made to hold).
pub const MAX_BOOKMARKS: usize = 500;

/// Bookmarked course ids, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    ids: Vec<String>,
}

impl Selection {
    /// Reads stored JSON; anything unreadable gives an empty selection (a
    /// corrupted entry must not break the catalogue).
    pub fn from_json(text: &str) -> Selection {
        let ids: Vec<String> = serde_json::from_str(text).unwrap_or_default();
        let mut selection = Selection::default();
        for id in ids {
            selection.add(&id);
        }
        selection
    }

    /// The JSON to store.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.ids).unwrap_or_else(|_| "[]".into())
    }

    /// Whether `id` is bookmarked.
    pub fn contains(&self, id: &str) -> bool {
        self.ids.iter().any(|x| x == id)
    }

    /// Bookmarks `id` (no duplicates; ignored when full or when `id` is empty or long).
    pub fn add(&mut self, id: &str) {
        if !id.is_empty() && id.len() <= 200 && !self.contains(id) && self.ids.len() < MAX_BOOKMARKS
        {
            self.ids.push(id.to_owned());
        }
    }

    /// Adds `id` if absent, removes it if present.
    pub fn toggle(&mut self, id: &str) {
        if self.contains(id) {
            self.ids.retain(|x| x != id);
        } else {
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(Selection::from_json("[\"a\",\"a\",\"\"]").ids(), ["a"]);
    }

    #[test]
    fn is_bounded() {
        let mut s = Selection::default();
        for i in 0..MAX_BOOKMARKS + 10 {
            s.add(&i.to_string());
        }
        assert_eq!(s.len(), MAX_BOOKMARKS);
    }
}
