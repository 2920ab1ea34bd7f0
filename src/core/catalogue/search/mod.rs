//! Full-text search over the catalogue, built in the browser when it loads.
//!
//! An inverted index over folded words (see [`super::text`]): a sorted vocabulary,
//! and for each word the courses and fields it appears in. Indexed fields: the
//! course's title, summary, objectives, provider, description, and — with lower
//! weights — the labels of its domains, its kind label and the cities and
//! regions of its sessions.
//!
//! How a query word matches a vocabulary word:
//! - **exactly** (also when the vocabulary word is its plural in `s` or `x`);
//! - as a **prefix** (search as you type), for words of three letters or more,
//!   and for two-letter words only while they are being typed: the last word of
//!   the query, not followed by a space ("ia" finds "IaaS", "ia cloud" does not);
//! - within **one typo** (insertion, deletion, substitution or swap), for words
//!   of five letters or more: of a whole word (or its plural) for words of five
//!   or six letters, of a prefix for longer ones (still being typed).
//!
//! A single letter, and a word of up to three letters typed in capitals (an
//! acronym: "IA", "RH", "UX"), match whole words only. Every query word must
//! match (AND); a word or phrase of the catalogue's synonym table also matches
//! the documents holding every word of another term of its group.
//!
//! Scores: an exact match always outranks a prefix match, which outranks a typo;
//! within each, the best field decides (title, then summary, then domain,
//! objectives and provider, then kind and places, then description). The words'
//! scores add up.
//!
//! One file per concern: `hash` (the maps' hasher), `score` (field flags,
//! match kinds, scores), `query` (a query's words, the [`Matcher`]), `edit`
//! (edit distances), `index` (the index and its results), `build` (building
//! it in steps), `matching` (running a query), `similar` (similar texts,
//! "did you mean").

mod build;
mod edit;
mod hash;
mod index;
mod matching;
mod query;
mod score;
mod similar;

#[cfg(test)]
mod relevance;
#[cfg(test)]
mod tests;

pub use build::{IndexBuilder, IndexFinisher};
pub use edit::{edit_distance_within, within_one_edit_of_prefix};
pub use hash::{FxBuild, FxHasher};
pub use index::{Hit, SearchIndex, SearchableText};
pub use query::{highlight, query_words, Matcher};
pub use score::{field, MAX_ACRONYM_LEN, MIN_TYPO_LEN};
