//! The forms' pages and their browser glue (draft storage, submission). The pure
//! forms (fields, journey, validation, draft, payloads) are
//! `campus_core::application`, re-exported here.

pub mod application_page;
pub mod confirmation_page;
pub mod fields;
pub mod handoff_page;
pub mod notices;
pub mod review_page;
pub mod step_page;
pub mod step_title;
pub mod storage;
pub mod submit;
pub mod trainer_call_page;
