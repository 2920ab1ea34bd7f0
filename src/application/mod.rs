//! The volunteer trainer call and its application form: the form as data, its
//! validation, journey, draft and payload (pure, tested natively), and its pages
//! (browser only).

pub mod answers;
pub mod draft;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod form;
pub mod journey;
pub mod payload;
pub mod receipt;
pub mod validation;

#[cfg(target_arch = "wasm32")]
pub mod application_page;
#[cfg(target_arch = "wasm32")]
pub mod confirmation_page;
#[cfg(target_arch = "wasm32")]
pub mod fields;
#[cfg(target_arch = "wasm32")]
pub mod notices;
#[cfg(target_arch = "wasm32")]
pub mod review_page;
#[cfg(target_arch = "wasm32")]
pub mod step_page;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod submit;
#[cfg(target_arch = "wasm32")]
pub mod trainer_call_page;
