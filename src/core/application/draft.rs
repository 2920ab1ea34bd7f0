//! The draft: everything typed so far, where the applicant is, and the keys that
//! make submission safe to retry. Pure data and rules:
//! - every field remembers when it was last edited, so two tabs on one draft
//!   merge field by field (the latest edit of each field wins). Edit times are
//!   a logical clock, not the wall clock alone: an edit is always stamped after
//!   every time the draft has seen ([`Draft::tick`]), and times read from
//!   elsewhere (another tab, a progress file from a computer whose clock is
//!   ahead) are never later than this computer's now ([`Draft::clamp_times`]),
//!   so a correction typed here always wins over what it corrects;
//! - what is kept in browser storage is a [`Stored`] record: the draft, or, once
//!   it was sent or discarded, a tombstone holding only its reference, so that no
//!   other tab resurrects it;
//! - the payload is built once and frozen in the draft: every retry sends the
//!   same bytes with the same key. A frozen body is used only while it is
//!   exactly what the answers make (`payload::seal`): what was reviewed is what
//!   is sent, whatever a stored record or a progress file says;
//! - drafts read back from storage and progress files are validated field by
//!   field before they are used.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::answers::{Answer, Answers};
use super::form::{field, FieldId, Form, Input, StepId};
/// Longest text answer kept, in characters. The form's own limits are lower and
/// are reported at "Continuer"; this one only refuses damaged or crafted data.
pub const MAX_STORED_TEXT: usize = 20_000;
/// Largest frozen payload kept, in bytes.
pub const MAX_FROZEN_BYTES: usize = 256 * 1024;

/// An application in progress. Times are unix milliseconds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The answers.
    pub answers: Answers,
    /// When each answer was last edited (for merging two tabs).
    #[serde(default)]
    pub edited: BTreeMap<FieldId, i64>,
    /// The step last shown.
    pub step: StepSlug,
    /// Sent with the submission: the server stores one application per key, so
    /// a retry after a timeout never creates a duplicate. Changed only when the
    /// answers change after a payload was frozen.
    pub idempotency_key: String,
    /// The reference given to the applicant: the identity of this application.
    pub reference: String,
    /// When the draft was started.
    pub started_at: i64,
    /// When it was last changed.
    pub updated_at: i64,
    /// The payload as first sent (or downloaded): retries send these bytes.
    #[serde(default)]
    pub frozen: Option<String>,
}

/// A step stored by its URL slug (stable across releases).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct StepSlug(pub StepId);

impl TryFrom<String> for StepSlug {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        StepId::from_slug(&s)
            .map(StepSlug)
            .ok_or_else(|| format!("unknown step {s}"))
    }
}

impl From<StepSlug> for String {
    fn from(s: StepSlug) -> String {
        s.0.slug().to_owned()
    }
}

/// Characters of a reference number: no 0/O, 1/I/L, which are read wrongly.
pub const REFERENCE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// An 8-character reference from 8 random bytes.
pub fn reference_from(random: [u8; 8]) -> String {
    let mut n = u64::from_le_bytes(random);
    (0..8)
        .map(|_| {
            let c = REFERENCE_ALPHABET[(n % REFERENCE_ALPHABET.len() as u64) as usize] as char;
            n /= REFERENCE_ALPHABET.len() as u64;
            c
        })
        .collect()
}

/// Whether `r` is a reference this app makes (8 characters of the alphabet).
pub fn valid_reference(r: &str) -> bool {
    r.len() == 8 && r.bytes().all(|c| REFERENCE_ALPHABET.contains(&c))
}

/// A version 4 UUID from 16 random bytes (the idempotency key).
pub fn uuid_from(mut b: [u8; 16]) -> String {
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// Whether `k` is a lowercase version 4 UUID, the only keys this app makes (so
/// nothing else — no CR/LF — ever reaches an HTTP header).
pub fn valid_key(k: &str) -> bool {
    let b = k.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_digit() || (b'a'..=b'f').contains(c),
        })
        && b[14] == b'4'
        && matches!(b[19], b'8' | b'9' | b'a' | b'b')
}

/// Why a draft is not usable as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// The idempotency key is not a v4 UUID.
    Key,
    /// The reference is not 8 characters of the alphabet.
    Reference,
    /// An answer has the wrong shape, an unknown option, or is too long, or
    /// belongs to another form.
    Answer(FieldId),
    /// The step is not one of this form's.
    Step,
    /// The frozen payload is too large or not this application's.
    Frozen,
    /// Impossible times.
    Times,
}

impl Draft {
    /// A new, empty draft of `form`; `random` feeds the keys (24 bytes from the
    /// browser's cryptographic generator).
    pub fn new(form: &Form, random: [u8; 24], now_ms: i64) -> Draft {
        let mut key = [0u8; 16];
        key.copy_from_slice(&random[..16]);
        let mut reference = [0u8; 8];
        reference.copy_from_slice(&random[16..]);
        Draft {
            answers: Answers::default(),
            edited: BTreeMap::new(),
            step: StepSlug(form.first_step()),
            idempotency_key: uuid_from(key),
            reference: reference_from(reference),
            started_at: now_ms,
            updated_at: now_ms,
            frozen: None,
        }
    }

    /// The latest time this draft has seen: its last change or any field's
    /// last edit.
    pub fn clock(&self) -> i64 {
        self.edited
            .values()
            .copied()
            .fold(self.updated_at, i64::max)
    }

    /// The time to stamp a change made now: the wall clock, or just after the
    /// latest time the draft has seen if that is later (a logical clock: a
    /// change made after seeing a value is always later than that value).
    pub fn tick(&self, now_ms: i64) -> i64 {
        now_ms.max(self.clock().saturating_add(1))
    }

    /// Brings every time later than `now_ms` back to `now_ms`: times written
    /// by another computer, or by this one before its clock was set back,
    /// are not trusted to be in the future.
    pub fn clamp_times(&mut self, now_ms: i64) {
        for t in self.edited.values_mut() {
            *t = (*t).min(now_ms);
        }
        self.updated_at = self.updated_at.min(now_ms);
        self.started_at = self.started_at.min(now_ms);
    }

    /// Records an edit of `id`. If a payload was frozen and the answer really
    /// changed, the frozen payload is dropped and a new key (`fresh_key`) is
    /// taken: a server that saw the old key with the old body must not receive
    /// another body under it. Returns whether anything changed.
    pub fn edit(
        &mut self,
        id: FieldId,
        answer: Answer,
        now_ms: i64,
        fresh_key: impl FnOnce() -> [u8; 16],
    ) -> bool {
        if self.answers.0.get(&id) == Some(&answer) {
            return false;
        }
        let at = self.tick(now_ms);
        self.answers.0.insert(id, answer);
        self.edited.insert(id, at);
        self.updated_at = at;
        if self.frozen.take().is_some() {
            self.idempotency_key = uuid_from(fresh_key());
        }
        true
    }

    /// Moves to `step` (not an answer: no key change).
    pub fn visit(&mut self, step: StepId, now_ms: i64) {
        if self.step.0 != step {
            self.step = StepSlug(step);
            self.updated_at = self.tick(now_ms);
        }
    }

    /// Checks every part of the draft as a draft of `form` (used on anything
    /// read back from storage or a file).
    pub fn validate(&self, form: &Form) -> Result<(), Damage> {
        if !valid_key(&self.idempotency_key) {
            return Err(Damage::Key);
        }
        if !valid_reference(&self.reference) {
            return Err(Damage::Reference);
        }
        if self.started_at < 0 || self.updated_at < 0 || self.edited.values().any(|t| *t < 0) {
            return Err(Damage::Times);
        }
        if !form.has_step(self.step.0) || self.step.0.is_ending() {
            return Err(Damage::Step);
        }
        for (id, answer) in &self.answers.0 {
            if !form.has_field(*id) {
                return Err(Damage::Answer(*id));
            }
            let input = field(*id).input;
            let ok = match (input, answer) {
                (Input::AnyOf(options), Answer::Choices(chosen)) => {
                    chosen.len() <= options.len()
                        && chosen.iter().all(|c| options.contains(&c.as_str()))
                        && (1..chosen.len()).all(|i| !chosen[..i].contains(&chosen[i]))
                }
                (Input::AnyOf(_), Answer::Text(_)) | (_, Answer::Choices(_)) => false,
                (Input::OneOf(options), Answer::Text(t)) => {
                    t.is_empty() || options.contains(&t.as_str())
                }
                (_, Answer::Text(t)) => t.chars().count() <= MAX_STORED_TEXT,
            };
            if !ok {
                return Err(Damage::Answer(*id));
            }
        }
        if let Some(frozen) = &self.frozen {
            let value: Option<serde_json::Value> = (frozen.len() <= MAX_FROZEN_BYTES)
                .then(|| serde_json::from_str(frozen).ok())
                .flatten();
            let matches = value.is_some_and(|v| {
                v["reference"] == self.reference.as_str()
                    && v["idempotency_key"] == self.idempotency_key.as_str()
            });
            if !matches {
                return Err(Damage::Frozen);
            }
        }
        Ok(())
    }

    /// The JSON kept in browser storage.
    pub fn to_storage(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Merges two copies of one application (same reference) field by field: for
/// each answer the latest edit wins; the step, key and frozen payload come from
/// the copy changed last. The second value is true when the merged answers
/// differ from a body frozen under the merged key: the caller must then take a
/// new key ([`Draft::rekey`]), as after an edit.
pub fn merge(mine: &Draft, theirs: &Draft) -> (Draft, bool) {
    let (newer, older) = if theirs.updated_at > mine.updated_at {
        (theirs, mine)
    } else {
        (mine, theirs)
    };
    let mut out = newer.clone();
    for (id, answer) in &older.answers.0 {
        let older_at = older.edited.get(id).copied().unwrap_or(i64::MIN);
        let newer_at = newer.edited.get(id).copied().unwrap_or(i64::MIN);
        if older_at > newer_at || !newer.answers.0.contains_key(id) {
            out.answers.0.insert(*id, answer.clone());
            out.edited.insert(*id, older_at.max(newer_at));
        }
    }
    out.started_at = mine.started_at.min(theirs.started_at);
    let stale = |d: &Draft| {
        d.frozen.is_some() && d.idempotency_key == out.idempotency_key && d.answers != out.answers
    };
    let rekey = stale(newer) || stale(older);
    if rekey || out.answers != newer.answers {
        out.frozen = None;
    }
    (out, rekey)
}

impl Draft {
    /// Takes a new idempotency key (after the answers changed under a frozen
    /// payload); drops the frozen payload.
    pub fn rekey(&mut self, random: [u8; 16]) {
        self.idempotency_key = uuid_from(random);
        self.frozen = None;
    }
}

/// How an application left storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClosedHow {
    /// Sent to the campus (or downloaded to be emailed).
    Sent,
    /// Discarded by the applicant.
    Discarded,
}

/// What remains in storage of an application once sent or discarded: its
/// reference and when, nothing personal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closed {
    /// The application's reference.
    pub reference: String,
    /// Sent or discarded.
    pub how: ClosedHow,
    /// When (unix milliseconds).
    pub at: i64,
}

/// The record kept under the draft's storage key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// An application in progress.
    Draft(Draft),
    /// A tombstone: this application was sent or discarded.
    Closed(Closed),
}

#[derive(Serialize, Deserialize)]
struct ClosedRecord {
    closed: Closed,
}

impl Stored {
    /// Reads a stored record of `form`; `None` when absent, unreadable or invalid.
    pub fn parse(form: &Form, text: &str) -> Option<Stored> {
        if let Ok(ClosedRecord { closed }) = serde_json::from_str::<ClosedRecord>(text) {
            return valid_reference(&closed.reference).then_some(Stored::Closed(closed));
        }
        let draft: Draft = serde_json::from_str(text).ok()?;
        draft.validate(form).ok()?;
        Some(Stored::Draft(draft))
    }

    /// The JSON kept in storage.
    pub fn to_json(&self) -> String {
        match self {
            Stored::Draft(d) => d.to_storage(),
            Stored::Closed(c) => {
                serde_json::to_string(&ClosedRecord { closed: c.clone() }).unwrap_or_default()
            }
        }
    }
}

/// This tab's view after reading what storage holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reconciled {
    /// The draft to show (and to write back).
    pub draft: Option<Draft>,
    /// The draft needs a new key before it is written ([`merge`]).
    pub rekey: bool,
    /// Set when this tab's application was closed elsewhere (another tab sent or
    /// discarded it), or when storage holds only a tombstone.
    pub closed: Option<Closed>,
}

/// Combines this tab's draft with the stored record (read before each write,
/// and on every `storage` event from another tab).
pub fn reconcile(mine: Option<&Draft>, stored: Option<&Stored>) -> Reconciled {
    match (mine, stored) {
        (mine, None) => Reconciled {
            draft: mine.cloned(),
            rekey: false,
            closed: None,
        },
        (None, Some(Stored::Draft(theirs))) => Reconciled {
            draft: Some(theirs.clone()),
            rekey: false,
            closed: None,
        },
        (Some(mine), Some(Stored::Draft(theirs))) if mine.reference == theirs.reference => {
            let (merged, rekey) = merge(mine, theirs);
            Reconciled {
                draft: Some(merged),
                rekey,
                closed: None,
            }
        }
        // Two different applications: the one started last is the live one (the
        // other was closed, and its tab missed it).
        (Some(mine), Some(Stored::Draft(theirs))) => Reconciled {
            draft: Some(if theirs.started_at > mine.started_at {
                theirs.clone()
            } else {
                mine.clone()
            }),
            rekey: false,
            closed: None,
        },
        (Some(mine), Some(Stored::Closed(c))) if mine.reference == c.reference => Reconciled {
            draft: None,
            rekey: false,
            closed: Some(c.clone()),
        },
        // An older application's tombstone: this draft is newer and replaces it.
        (Some(mine), Some(Stored::Closed(_))) => Reconciled {
            draft: Some(mine.clone()),
            rekey: false,
            closed: None,
        },
        (None, Some(Stored::Closed(c))) => Reconciled {
            draft: None,
            rekey: false,
            closed: Some(c.clone()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::application::form::FieldId as F;
    use crate::application::form::{REQUEST, TRAINER};
    use crate::application::progress::{
        export_progress, import_progress, ImportError, MAX_PROGRESS_BYTES,
    };

    const NOW: i64 = 1_800_000_000_000;

    fn draft() -> Draft {
        let mut d = Draft::new(&TRAINER, [7; 24], 1_795_000_000_000);
        d.answers.set_text(F::FirstName, "Camille");
        d.step = StepSlug(StepId::Proposal);
        d
    }

    fn text(s: &str) -> Answer {
        Answer::Text(s.to_owned())
    }

    #[test]
    fn references_avoid_look_alike_characters() {
        for seed in 0..500u64 {
            let r = reference_from(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15).to_le_bytes());
            assert!(valid_reference(&r), "{r}");
            assert!(!r.contains(['0', 'O', '1', 'I', 'L']), "{r}");
        }
        assert!(!valid_reference("ABCDEFG0"));
        assert!(!valid_reference("ABCDEFGHJ"));
    }

    #[test]
    fn idempotency_keys_are_v4_uuids_and_nothing_else_passes() {
        for seed in [[0u8; 16], [0xff; 16], [0x5a; 16]] {
            assert!(valid_key(&uuid_from(seed)), "{}", uuid_from(seed));
        }
        let k = uuid_from([0xff; 16]);
        for bad in [
            format!("{k}\r\nX-Evil: 1"),
            k.to_uppercase(),
            k.replace('-', "_"),
            String::new(),
            "x".repeat(36),
        ] {
            assert!(!valid_key(&bad), "{bad:?}");
        }
    }

    #[test]
    fn storage_round_trips_and_garbage_or_damage_is_ignored() {
        let d = draft();
        assert_eq!(
            Stored::parse(&TRAINER, &d.to_storage()),
            Some(Stored::Draft(d.clone()))
        );
        assert_eq!(Stored::parse(&TRAINER, "{oops"), None);
        let mut bad = d.clone();
        bad.idempotency_key = "a\r\nb".into();
        assert_eq!(Stored::parse(&TRAINER, &bad.to_storage()), None);
        let closed = Stored::Closed(Closed {
            reference: d.reference.clone(),
            how: ClosedHow::Sent,
            at: 5,
        });
        assert_eq!(Stored::parse(&TRAINER, &closed.to_json()), Some(closed));
    }

    #[test]
    fn an_edit_after_freezing_drops_the_frozen_body_and_changes_the_key() {
        let mut d = draft();
        d.frozen = Some("{}".into());
        let key = d.idempotency_key.clone();
        assert!(!d.edit(F::FirstName, text("Camille"), 10, || [1; 16]));
        assert_eq!(d.frozen.as_deref(), Some("{}"), "no change, still frozen");
        assert!(d.edit(F::FirstName, text("Camila"), 10, || [1; 16]));
        assert_eq!(d.frozen, None);
        assert_ne!(d.idempotency_key, key);
        assert!(valid_key(&d.idempotency_key));
        assert_eq!(d.reference, draft().reference, "same application");
    }

    #[test]
    fn two_tabs_merge_field_by_field() {
        let base = draft();
        let t = base.clock();
        let mut a = base.clone();
        let mut b = base.clone();
        a.edit(F::Bio, text("A writes the bio"), t + 100, || [0; 16]);
        b.edit(
            F::Motivation,
            text("B writes the motivation"),
            t + 150,
            || [0; 16],
        );
        a.edit(F::FirstName, text("Camille A"), t + 200, || [0; 16]);
        b.edit(F::FirstName, text("Camille B"), t + 120, || [0; 16]);
        for (merged, rekey) in [merge(&a, &b), merge(&b, &a)] {
            assert!(!rekey);
            assert_eq!(merged.answers.text(F::Bio), "A writes the bio");
            assert_eq!(
                merged.answers.text(F::Motivation),
                "B writes the motivation"
            );
            assert_eq!(
                merged.answers.text(F::FirstName),
                "Camille A",
                "latest edit wins"
            );
        }
    }

    /// A progress file (or another tab) whose times are ahead of this
    /// computer's clock never makes a correction typed here revert.
    #[test]
    fn a_clock_ahead_elsewhere_never_undoes_an_edit_made_here() {
        for ahead in [120_000, 86_400_000, i64::MAX - NOW] {
            let mut theirs = draft();
            theirs.edit(F::Bio, text("from the file"), NOW + ahead, || [0; 16]);
            theirs.edit(F::FirstName, text("Camille"), NOW + ahead, || [0; 16]);
            let file = export_progress(&TRAINER, &theirs);
            let imported = import_progress(&TRAINER, &file, NOW).unwrap();
            assert!(
                imported.clock() <= NOW,
                "times brought back to now ({ahead})"
            );
            let mut mine = imported.clone();
            assert!(mine.edit(F::Bio, text("corrected here"), NOW + 5, || [0; 16]));
            assert_eq!(mine.answers.text(F::Bio), "corrected here");
            // Another copy still stamped ahead (a tab that read the file as it
            // was): once merged here, the next edit is stamped after it.
            let mut mine = reconcile(Some(&mine), Some(&Stored::Draft(theirs.clone())))
                .draft
                .unwrap();
            assert!(mine.edit(F::Bio, text("corrected again"), NOW + 6, || [0; 16]));
            for stored in [theirs.clone(), imported.clone()] {
                let merged = reconcile(Some(&mine), Some(&Stored::Draft(stored)))
                    .draft
                    .unwrap();
                assert_eq!(merged.answers.text(F::Bio), "corrected again", "{ahead}");
                mine = merged;
            }
        }
    }

    /// Even with a wall clock that goes back (set by hand, or a skewed tab),
    /// each edit is stamped after everything the draft has seen.
    #[test]
    fn edits_are_stamped_by_a_logical_clock() {
        let t = draft().clock();
        let mut d = draft();
        d.edit(F::Bio, text("first"), t + 5_000, || [0; 16]);
        d.edit(F::Bio, text("second"), t + 1_000, || [0; 16]);
        assert!(
            d.edited[&F::Bio] > t + 5_000,
            "after the first, clock set back"
        );
        // Another copy's edit, seen here; then an edit here with a clock set
        // back: stamped after what was seen, so it wins.
        let mut other = d.clone();
        other.edit(F::Motivation, text("before"), t + 9_000, || [0; 16]);
        let (mut d, _) = merge(&d, &other);
        d.edit(
            F::Motivation,
            text("later, with a clock set back"),
            t + 10,
            || [0; 16],
        );
        for (merged, _) in [merge(&other, &d), merge(&d, &other)] {
            assert_eq!(
                merged.answers.text(F::Motivation),
                "later, with a clock set back"
            );
        }
        let mut far = draft();
        far.updated_at = i64::MAX;
        assert_eq!(far.tick(0), i64::MAX, "saturates, never overflows");
    }

    #[test]
    fn merging_under_a_frozen_body_asks_for_a_new_key() {
        let mut a = draft();
        let b = a.clone();
        a.frozen = Some("{}".into());
        a.updated_at += 10;
        let mut b2 = b.clone();
        b2.edit(F::Bio, text("typed in B while A sent"), 5, || [0; 16]);
        let (merged, rekey) = merge(&a, &b2);
        assert!(rekey);
        assert_eq!(merged.frozen, None);
        assert_eq!(merged.answers.text(F::Bio), "typed in B while A sent");
        let (same, rekey) = merge(&a, &b);
        assert!(!rekey, "nothing new: the frozen body still holds");
        assert_eq!(same.frozen.as_deref(), Some("{}"));
    }

    #[test]
    fn a_tab_never_resurrects_an_application_sent_elsewhere() {
        let mine = draft();
        let tomb = Stored::Closed(Closed {
            reference: mine.reference.clone(),
            how: ClosedHow::Sent,
            at: 1,
        });
        let r = reconcile(Some(&mine), Some(&tomb));
        assert_eq!(r.draft, None);
        assert_eq!(r.closed.map(|c| c.how), Some(ClosedHow::Sent));
        // A newer application replaces an old tombstone.
        let newer = Draft::new(&TRAINER, [9; 24], 2);
        let r = reconcile(Some(&newer), Some(&tomb));
        assert_eq!(r.draft.as_ref(), Some(&newer));
        // Another tab's draft is adopted when this tab has none.
        let r = reconcile(None, Some(&Stored::Draft(mine.clone())));
        assert_eq!(r.draft, Some(mine));
    }

    #[test]
    fn progress_files_round_trip() {
        let d = draft();
        assert_eq!(
            import_progress(&TRAINER, &export_progress(&TRAINER, &d), NOW),
            Ok(d)
        );
    }

    #[test]
    fn each_kind_of_bad_progress_file_has_its_own_error() {
        let file = export_progress(&TRAINER, &draft());
        assert_eq!(
            import_progress(&TRAINER, &file.replace("Camille", "Mallory"), NOW),
            Err(ImportError::Damaged)
        );
        assert_eq!(
            import_progress(&TRAINER, "not json", NOW),
            Err(ImportError::NotProgressFile)
        );
        assert_eq!(
            import_progress(&TRAINER, r#"{"hello": "world"}"#, NOW),
            Err(ImportError::NotProgressFile)
        );
        assert_eq!(
            import_progress(
                &TRAINER,
                &file.replace(TRAINER.progress_format, "autre-chose"),
                NOW
            ),
            Err(ImportError::NotProgressFile)
        );
        assert_eq!(
            import_progress(
                &TRAINER,
                &file.replace("\"version\": 1", "\"version\": 9"),
                NOW
            ),
            Err(ImportError::NewerVersion(9))
        );
        assert_eq!(
            import_progress(&TRAINER, &" ".repeat(MAX_PROGRESS_BYTES as usize + 1), NOW),
            Err(ImportError::TooLarge)
        );
        // A consistent file (checksum recomputed) with a key that would break an
        // HTTP header is refused as damaged.
        let mut bad = draft();
        bad.idempotency_key = "a\r\nb".into();
        assert_eq!(
            import_progress(&TRAINER, &export_progress(&TRAINER, &bad), NOW),
            Err(ImportError::Damaged)
        );
        let mut bad = draft();
        bad.reference = "0OIL1OIL".into();
        assert_eq!(
            import_progress(&TRAINER, &export_progress(&TRAINER, &bad), NOW),
            Err(ImportError::Damaged)
        );
        let mut bad = draft();
        bad.answers.set_text(F::Region, "atlantide");
        assert_eq!(
            import_progress(&TRAINER, &export_progress(&TRAINER, &bad), NOW),
            Err(ImportError::Damaged)
        );
        let mut bad = draft();
        bad.answers
            .set_text(F::Bio, &"x".repeat(MAX_STORED_TEXT + 1));
        assert_eq!(
            import_progress(&TRAINER, &export_progress(&TRAINER, &bad), NOW),
            Err(ImportError::Damaged)
        );
        // Unknown step or question ids.
        assert_eq!(
            import_progress(
                &TRAINER,
                &export_progress(&TRAINER, &draft()).replace("\"proposition\"", "\"ailleurs\""),
                NOW
            ),
            Err(ImportError::Damaged)
        );
    }

    #[test]
    fn a_draft_or_file_of_one_form_is_never_taken_for_the_other() {
        let trainer = draft();
        // Another form's progress file is foreign, not damaged.
        assert_eq!(
            import_progress(&REQUEST, &export_progress(&TRAINER, &trainer), NOW),
            Err(ImportError::NotProgressFile)
        );
        // Stored records are checked field by field against their form.
        assert_eq!(Stored::parse(&REQUEST, &trainer.to_storage()), None);
        let mut request = Draft::new(&REQUEST, [5; 24], 1);
        assert_eq!(request.step.0, StepId::Requester);
        request
            .answers
            .set_text(F::RequestNeed, "Une équipe à former");
        assert!(matches!(
            Stored::parse(&REQUEST, &request.to_storage()),
            Some(Stored::Draft(_))
        ));
        assert_eq!(
            import_progress(&REQUEST, &export_progress(&REQUEST, &request), NOW),
            Ok(request.clone())
        );
        request.answers.set_text(F::FirstName, "Intrus");
        assert_eq!(
            request.validate(&REQUEST),
            Err(Damage::Answer(F::FirstName))
        );
        let mut elsewhere = Draft::new(&REQUEST, [5; 24], 1);
        elsewhere.step = StepSlug(StepId::Proposal);
        assert_eq!(elsewhere.validate(&REQUEST), Err(Damage::Step));
    }
}
