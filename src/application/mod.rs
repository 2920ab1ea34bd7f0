//! The volunteer trainer call and its application form.

#[cfg(target_arch = "wasm32")]
pub mod application_page;
#[cfg(target_arch = "wasm32")]
pub mod trainer_call_page;
