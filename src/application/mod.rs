//! The volunteer trainer call and its application form: the form as data, its
//! validation, journey, draft and payload (pure, tested natively), and its pages
//! (browser only).

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
pub mod receipt;
pub mod validation;
pub mod visible;

#[cfg(feature = "browser")]
pub mod application_page;
#[cfg(feature = "browser")]
pub mod confirmation_page;
#[cfg(feature = "browser")]
pub mod fields;
#[cfg(feature = "browser")]
pub mod handoff_page;
#[cfg(feature = "browser")]
pub mod notices;
#[cfg(feature = "browser")]
pub mod review_page;
#[cfg(feature = "browser")]
pub mod step_page;
#[cfg(feature = "browser")]
pub mod storage;
#[cfg(feature = "browser")]
pub mod submit;
#[cfg(feature = "browser")]
pub mod trainer_call_page;
