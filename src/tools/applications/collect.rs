//! The received files gathered: each verified, one entry per form and
//! reference (the version sent last wins, the others are listed), and one
//! line per file read saying what became of it.

use std::collections::BTreeMap;

use super::messages::Reason;
use super::verify::{verify, Check, Received};
use campus_core::application::form::FormId;
use campus_core::fingerprint::fnv1a_hex;

/// Largest file read, in bytes: a form's payload is a few kilobytes (its
/// longest answers are 1,500 characters); 256 KiB leaves room for any
/// honest one and bounds what a hostile file costs.
pub const MAX_FILE_BYTES: u64 = 256 * 1024;

/// Most files read in one run (the campus receives dozens a month).
pub const MAX_FILES: usize = 20_000;

/// One file as read from disk (or handed over by a test).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Its name as the report and the spreadsheet show it.
    pub name: String,
    /// Its bytes, or why it could not be read.
    pub bytes: Result<Vec<u8>, Reason>,
}

/// What became of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Its row is in the spreadsheet.
    Kept,
    /// A later version of the same reference is (its file's name).
    Older {
        /// The file kept instead.
        kept: String,
    },
    /// Left out.
    Refused,
}

/// One line of the files' list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileLine {
    /// Its name.
    pub name: String,
    /// Which form, when that much could be read.
    pub form: Option<FormId>,
    /// Its reference, when it was accepted.
    pub reference: Option<String>,
    /// What became of it.
    pub status: Status,
    /// The checksum it carries, and whether it matched (`None`: none read).
    pub checksum: Option<(String, bool)>,
    /// The fingerprint of its bytes (FNV-1a of the whole file as read, up
    /// to the size limit), to tell byte-identical copies from other files;
    /// empty when it could not be read.
    pub fingerprint: String,
    /// Why it was refused, and any warning about it.
    pub reasons: Vec<Reason>,
}

/// One reference of one form: the version kept, and the others.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The version sent last.
    pub kept: Received,
    /// Its file's name.
    pub file: String,
    /// The other versions' file names, the most recent first.
    pub others: Vec<String>,
}

/// Everything gathered.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Collection {
    /// Per form, its entries in reference order.
    pub entries: BTreeMap<FormId, Vec<Entry>>,
    /// Every file read, in the order given.
    pub files: Vec<FileLine>,
    /// Warnings about the run itself (an empty folder, too many files).
    pub notes: Vec<(String, Reason)>,
}

impl Collection {
    /// How many entries `form` has.
    pub fn count(&self, form: FormId) -> usize {
        self.entries.get(&form).map_or(0, Vec::len)
    }

    /// Whether anything could be collected.
    pub fn is_empty(&self) -> bool {
        self.entries.values().all(Vec::is_empty)
    }
}

/// Verifies and gathers `inputs` (read one at a time: only what is kept
/// stays in memory).
pub fn collect(inputs: impl IntoIterator<Item = Input>) -> Collection {
    let mut files = Vec::new();
    // (form, reference) → indexes into `accepted`.
    let mut by_reference: BTreeMap<(FormId, String), Vec<usize>> = BTreeMap::new();
    let mut accepted: Vec<(usize, Received)> = Vec::new();
    for input in inputs {
        let (line, received) = verify_one(input);
        let index = files.len();
        files.push(line);
        if let Some(r) = received {
            by_reference
                .entry((r.form, r.reference.clone()))
                .or_default()
                .push(accepted.len());
            accepted.push((index, r));
        }
    }
    let mut slots: Vec<Option<(usize, Received)>> = accepted.into_iter().map(Some).collect();
    let mut entries: BTreeMap<FormId, Vec<Entry>> = BTreeMap::new();
    for ((form, _), indexes) in by_reference {
        let mut versions: Vec<(usize, Received)> = indexes
            .into_iter()
            .filter_map(|i| slots[i].take())
            .collect();
        // The most recent first; at the same time, the first by file name.
        versions.sort_by(|(a, ra), (b, rb)| {
            rb.sent_key()
                .cmp(&ra.sent_key())
                .then_with(|| files[*a].name.cmp(&files[*b].name))
        });
        let mut it = versions.into_iter();
        let Some((kept_index, kept)) = it.next() else {
            continue;
        };
        let kept_name = files[kept_index].name.clone();
        let mut others = Vec::new();
        let mut verified_other = None;
        for (index, other) in it {
            if matches!(other.check, Check::Verified(_)) && verified_other.is_none() {
                verified_other = Some(files[index].name.clone());
            }
            if other.sent_key() == kept.sent_key() && other.content != kept.content {
                let other = files[index].name.clone();
                files[kept_index]
                    .reasons
                    .push(Reason::SameTimeOtherContent { other });
            }
            files[index].status = Status::Older {
                kept: kept_name.clone(),
            };
            others.push(files[index].name.clone());
        }
        if let (Check::Absent, Some(verified)) = (&kept.check, verified_other) {
            files[kept_index]
                .reasons
                .push(Reason::KeptUnsigned { verified });
        }
        entries.entry(form).or_default().push(Entry {
            kept,
            file: kept_name,
            others,
        });
    }
    Collection {
        entries,
        files,
        notes: Vec::new(),
    }
}

fn verify_one(input: Input) -> (FileLine, Option<Received>) {
    let mut line = FileLine {
        name: input.name,
        form: None,
        reference: None,
        status: Status::Refused,
        checksum: None,
        fingerprint: String::new(),
        reasons: Vec::new(),
    };
    let bytes = match input.bytes {
        Ok(bytes) => bytes,
        Err(reason) => {
            line.reasons.push(reason);
            return (line, None);
        }
    };
    line.fingerprint = fnv1a_hex(bytes.iter().copied());
    if bytes.len() as u64 > MAX_FILE_BYTES {
        line.reasons.push(Reason::TooLarge {
            max_kib: MAX_FILE_BYTES / 1024,
        });
        return (line, None);
    }
    let Ok(text) = std::str::from_utf8(&bytes) else {
        line.reasons.push(Reason::NotText);
        return (line, None);
    };
    // A byte-order mark some editors add is not content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match verify(text) {
        Ok(received) => {
            line.form = Some(received.form);
            line.reference = Some(received.reference.clone());
            line.status = Status::Kept;
            match &received.check {
                Check::Verified(sum) => line.checksum = Some((sum.clone(), true)),
                Check::Absent => line.reasons.push(Reason::NoChecksum),
            }
            (line, Some(received))
        }
        Err(reason) => {
            if let Reason::Altered { checksum, .. } = &reason {
                line.checksum = Some((checksum.clone(), false));
            }
            line.reasons.push(reason);
            (line, None)
        }
    }
}
