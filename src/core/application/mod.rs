//! The volunteer trainer call and the tailor-made request: the forms as data,
//! their validation, journey, draft and payloads. Pure: tested natively.

pub mod answers;
pub mod demarches;
pub mod draft;
pub mod file;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod form;
pub mod grist;
pub mod journey;
pub mod labels;
pub mod payload;
pub mod progress;
pub mod receipt;
pub mod validation;
pub mod visible;
