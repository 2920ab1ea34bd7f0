//! Field flags, match kinds and scores: how much a match weighs, and the
//! ranking of scored documents.

use super::index::Hit;

/// Where a word occurs in a course, as bit flags.
pub mod field {
    /// The title.
    pub const TITLE: u8 = 1;
    /// The summary.
    pub const SUMMARY: u8 = 2;
    /// The objectives.
    pub const OBJECTIVES: u8 = 4;
    /// The provider.
    pub const PROVIDER: u8 = 8;
    /// The description.
    pub const DESCRIPTION: u8 = 16;
    /// The label of one of its domains.
    pub const DOMAIN: u8 = 32;
    /// Its kind label ("parcours", "module", "sur mesure").
    pub const KIND: u8 = 64;
    /// The city or region of one of its sessions.
    pub const PLACE: u8 = 128;
}

/// Weight of the best field in `mask`.
pub(super) const fn field_weight(mask: u8) -> f32 {
    if mask & field::TITLE != 0 {
        10.0
    } else if mask & field::SUMMARY != 0 {
        4.0
    } else if mask & (field::DOMAIN | field::OBJECTIVES | field::PROVIDER) != 0 {
        3.0
    } else if mask & (field::KIND | field::PLACE) != 0 {
        2.0
    } else {
        1.0
    }
}

/// How a query word matched a vocabulary word (an index into [`SCORES`]).
pub(super) type MatchKind = u8;
pub(super) const EXACT: MatchKind = 0;
pub(super) const PREFIX: MatchKind = 1;
pub(super) const TYPO: MatchKind = 2;
/// Same stem (long common beginning), for [`SearchIndex::similar`] only.
pub(super) const STEM: MatchKind = 3;

/// Added to every exact match: more than the best prefix match (a title, 8.5),
/// so that a word typed in full ranks the documents holding it first.
pub(super) const EXACT_BONUS: f32 = 10.0;
/// Score of a document matched through a synonym, relative to the same words
/// typed literally (a literal match wins a tie).
pub(super) const SYNONYM: f32 = 0.95;

/// Score of a match, by match kind and field flags.
pub(super) static SCORES: [[f32; 256]; 4] = {
    let mut table = [[0f32; 256]; 4];
    let mut mask = 0;
    while mask < 256 {
        let w = field_weight(mask as u8);
        table[EXACT as usize][mask] = EXACT_BONUS + w;
        table[PREFIX as usize][mask] = 0.85 * w;
        table[TYPO as usize][mask] = 0.6 * w;
        table[STEM as usize][mask] = 0.5 * w;
        mask += 1;
    }
    table
};

/// Query words shorter than this get no typo tolerance ("one typo on longer words").
pub const MIN_TYPO_LEN: usize = 5;
/// Query words shorter than this take a typo on a whole vocabulary word only,
/// never on the beginning of a longer one: one edit from the first five or six
/// letters of a word is too loose ("excel" would find "exclure" and
/// "exceptions"), while a longer word being typed keeps its typos
/// ("kubrenet" finds "kubernetes").
pub(super) const MIN_PREFIX_TYPO_LEN: usize = 7;
/// Query words of at most this many letters, typed in capitals, are acronyms:
/// whole words only.
pub const MAX_ACRONYM_LEN: usize = 3;

/// Sorts (document, score) pairs best first, ties in document order.
pub(super) fn rank(scored: Vec<(u32, f32)>) -> Vec<Hit> {
    // Scores are positive, so their bits order like them: one integer sort.
    let mut keys: Vec<u64> = scored
        .iter()
        .map(|&(doc, score)| (u64::from(!score.to_bits()) << 32) | u64::from(doc))
        .collect();
    crate::util::sort::sort_keys(&mut keys);
    keys.into_iter()
        .map(|key| Hit {
            doc: key as u32,
            score: f32::from_bits(!((key >> 32) as u32)),
        })
        .collect()
}
